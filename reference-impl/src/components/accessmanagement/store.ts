// In-memory assignments (AM `Assignment` + `AssignmentPackage` + single rights), one store per app.
//
// An assignment is a directed connection from an organisation (the party that grants, AM `from`) to
// a recipient (AM `to`: a system user, an organisation or a person) under an AM role, carrying access
// packages and single rights. Direct grants use the role `rettighetshaver` (a standard system user's
// packages, and later a customer's grant to an unregistered accountant, contracts authorization §5).
// Client delegation (§4.1) will add `agent` assignments (facilitator -> agent system user) and a
// delegation list that links a client assignment to an agent assignment; both fit beside this store.

import { randomUUID } from 'node:crypto';
import type { Right } from '../../platform/model.ts';

export type Recipient =
  | { type: 'systemuser'; id: string }
  | { type: 'organisation'; orgNo: string }
  | { type: 'person'; pid: string };

/** AM roles an assignment can carry (contracts authorization §3.1, §4.1). */
export type AssignmentRole = 'rettighetshaver' | 'agent';

export interface Assignment {
  id: string;
  fromOrgNo: string;
  to: Recipient;
  role: AssignmentRole;
  /** Package codes (no URN prefix), each once. */
  packages: string[];
  /** Single rights (enkeltrettigheter), each once. */
  rights: Right[];
}

function normalised(to: Recipient): Recipient {
  return to.type === 'systemuser' ? { type: 'systemuser', id: to.id.toLowerCase() } : to;
}

export function sameRecipient(a: Recipient, b: Recipient): boolean {
  const x = normalised(a);
  const y = normalised(b);
  if (x.type === 'systemuser' && y.type === 'systemuser') return x.id === y.id;
  if (x.type === 'organisation' && y.type === 'organisation') return x.orgNo === y.orgNo;
  if (x.type === 'person' && y.type === 'person') return x.pid === y.pid;
  return false;
}

function rightKey(right: Right): string {
  const resource = [...right.resource].map((r) => `${r.id}=${r.value}`).sort().join('&');
  return `${right.action ?? '*'}|${resource}`;
}

function copy(a: Assignment): Assignment {
  return { ...a, to: { ...a.to }, packages: [...a.packages], rights: a.rights.map((r) => ({ ...r, resource: r.resource.map((x) => ({ ...x })) })) };
}

export class AssignmentStore {
  private readonly assignments: Assignment[] = [];

  find(fromOrgNo: string, to: Recipient, role: AssignmentRole): Assignment | undefined {
    const found = this.assignments.find((a) => a.fromOrgNo === fromOrgNo && a.role === role && sameRecipient(a.to, to));
    return found ? copy(found) : undefined;
  }

  /** Every assignment to `to`, optionally only those from `fromOrgNo`. */
  to(to: Recipient, fromOrgNo?: string): Assignment[] {
    return this.assignments
      .filter((a) => sameRecipient(a.to, to) && (fromOrgNo === undefined || a.fromOrgNo === fromOrgNo))
      .map(copy);
  }

  /** Adds packages and rights to the assignment, creating it when missing. Idempotent. */
  grant(fromOrgNo: string, to: Recipient, role: AssignmentRole, packages: string[], rights: Right[]): Assignment {
    let target = this.assignments.find((a) => a.fromOrgNo === fromOrgNo && a.role === role && sameRecipient(a.to, to));
    if (!target) {
      target = { id: randomUUID(), fromOrgNo, to: normalised(to), role, packages: [], rights: [] };
      this.assignments.push(target);
    }
    for (const code of packages) if (!target.packages.includes(code)) target.packages.push(code);
    const held = new Set(target.rights.map(rightKey));
    for (const right of rights) {
      const key = rightKey(right);
      if (held.has(key)) continue;
      held.add(key);
      target.rights.push({ ...(right.action !== undefined ? { action: right.action } : {}), resource: right.resource.map((r) => ({ id: r.id, value: r.value })) });
    }
    return copy(target);
  }

  /** Removes every assignment to `to`. */
  removeAllTo(to: Recipient): void {
    for (let i = this.assignments.length - 1; i >= 0; i--) {
      const a = this.assignments[i];
      if (a && sameRecipient(a.to, to)) this.assignments.splice(i, 1);
    }
  }
}
