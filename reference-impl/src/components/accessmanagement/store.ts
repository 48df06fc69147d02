// In-memory assignments (AM `Assignment` + `AssignmentPackage` + single rights), one store per app.
//
// An assignment is a directed connection from an organisation (the party that grants, AM `from`) to
// a recipient (AM `to`: a system user, an organisation or a person) under an AM role, carrying access
// packages and single rights. Direct grants use the role `rettighetshaver` (a standard system user's
// packages, and a customer's grant to an unregistered accountant, docs/contracts/altinn-authorization.md §5).
// Client delegation (§4.1) adds `agent` assignments (facilitator -> agent system user, no packages) and
// the DelegationStore below: a delegation links a client relation (an ER role or a rettighetshaver
// assignment from the client to the facilitator) to an agent system user and carries the packages
// passed on, each with the role of the client relation it came through.

import { randomUUID } from 'node:crypto';
import type { Right } from '../../platform/model.ts';

export type Recipient =
  | { type: 'systemuser'; id: string }
  | { type: 'organisation'; orgNo: string }
  | { type: 'person'; pid: string };

/** AM roles an assignment can carry (docs/contracts/altinn-authorization.md §3.1, §4.1). */
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
  /** When the assignment was made (AM Audit_ValidFrom; the agent list's agentAddedAt). */
  created: string;
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
      target = { id: randomUUID(), fromOrgNo, to: normalised(to), role, packages: [], rights: [], created: new Date().toISOString() };
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

  /** Every assignment from `fromOrgNo`. */
  from(fromOrgNo: string): Assignment[] {
    return this.assignments.filter((a) => a.fromOrgNo === fromOrgNo).map(copy);
  }

  /** Removes one assignment; returns what was removed. */
  remove(fromOrgNo: string, to: Recipient, role: AssignmentRole): Assignment | undefined {
    const i = this.assignments.findIndex((a) => a.fromOrgNo === fromOrgNo && a.role === role && sameRecipient(a.to, to));
    if (i < 0) return undefined;
    const [removed] = this.assignments.splice(i, 1);
    return removed ? copy(removed) : undefined;
  }

  /** Removes one package from an assignment (the assignment stays, as AM keeps it). False when it was not there. */
  removePackage(fromOrgNo: string, to: Recipient, role: AssignmentRole, code: string): boolean {
    const target = this.assignments.find((a) => a.fromOrgNo === fromOrgNo && a.role === role && sameRecipient(a.to, to));
    const i = target ? target.packages.indexOf(code) : -1;
    if (!target || i < 0) return false;
    target.packages.splice(i, 1);
    return true;
  }

  /** Removes single rights from an assignment (matched as `grant` matches them); absent ones are skipped. */
  removeRights(fromOrgNo: string, to: Recipient, role: AssignmentRole, rights: Right[]): void {
    const target = this.assignments.find((a) => a.fromOrgNo === fromOrgNo && a.role === role && sameRecipient(a.to, to));
    if (!target) return;
    const unwanted = new Set(rights.map(rightKey));
    target.rights = target.rights.filter((r) => !unwanted.has(rightKey(r)));
  }

  /** Removes every assignment to `to`. */
  removeAllTo(to: Recipient): void {
    for (let i = this.assignments.length - 1; i >= 0; i--) {
      const a = this.assignments[i];
      if (a && sameRecipient(a.to, to)) this.assignments.splice(i, 1);
    }
  }
}

/** One package passed on to an agent, and the AM role of the client relation it came through. */
export interface DelegatedPackage {
  role: string;
  code: string;
}

/** AM Delegation: from a client (via its relation to the facilitator) to an agent system user. */
export interface Delegation {
  id: string;
  facilitatorOrgNo: string;
  clientOrgNo: string;
  /** Lower case. */
  agentSystemUserId: string;
  packages: DelegatedPackage[];
}

function copyDelegation(d: Delegation): Delegation {
  return { ...d, packages: d.packages.map((p) => ({ ...p })) };
}

export class DelegationStore {
  private readonly delegations: Delegation[] = [];

  private match(facilitatorOrgNo: string, clientOrgNo: string, agentSystemUserId: string): Delegation | undefined {
    const agent = agentSystemUserId.toLowerCase();
    return this.delegations.find((d) => d.facilitatorOrgNo === facilitatorOrgNo && d.clientOrgNo === clientOrgNo && d.agentSystemUserId === agent);
  }

  /** Adds packages to the delegation, creating it when missing. Idempotent; `changed` is false when all were there. */
  add(facilitatorOrgNo: string, clientOrgNo: string, agentSystemUserId: string, packages: DelegatedPackage[]): { changed: boolean } {
    let target = this.match(facilitatorOrgNo, clientOrgNo, agentSystemUserId);
    let changed = false;
    if (!target) {
      target = { id: randomUUID(), facilitatorOrgNo, clientOrgNo, agentSystemUserId: agentSystemUserId.toLowerCase(), packages: [] };
      this.delegations.push(target);
      changed = true;
    }
    for (const p of packages) {
      if (target.packages.some((held) => held.role === p.role && held.code === p.code)) continue;
      target.packages.push({ role: p.role, code: p.code });
      changed = true;
    }
    return { changed };
  }

  /** Delegations to an agent system user, in the order they were made. */
  toAgent(agentSystemUserId: string): Delegation[] {
    const agent = agentSystemUserId.toLowerCase();
    return this.delegations.filter((d) => d.agentSystemUserId === agent).map(copyDelegation);
  }

  /** Delegations from a client, through any facilitator, to any agent. */
  fromClient(clientOrgNo: string): Delegation[] {
    return this.delegations.filter((d) => d.clientOrgNo === clientOrgNo).map(copyDelegation);
  }

  /** Delegations from a client through a facilitator, to any agent. */
  fromClientVia(clientOrgNo: string, facilitatorOrgNo: string): Delegation[] {
    return this.delegations.filter((d) => d.clientOrgNo === clientOrgNo && d.facilitatorOrgNo === facilitatorOrgNo).map(copyDelegation);
  }

  /** Removes one delegation with all its packages. False when there was none. */
  remove(facilitatorOrgNo: string, clientOrgNo: string, agentSystemUserId: string): boolean {
    const target = this.match(facilitatorOrgNo, clientOrgNo, agentSystemUserId);
    if (!target) return false;
    this.delegations.splice(this.delegations.indexOf(target), 1);
    return true;
  }

  /**
   * Removes the packages that came through one client relation (`role`, and only `code` when given): the
   * cascade when that relation, or one of its packages, is removed. A delegation left with no packages goes too.
   */
  removeSourced(clientOrgNo: string, facilitatorOrgNo: string, role: string, code?: string): void {
    for (let i = this.delegations.length - 1; i >= 0; i--) {
      const d = this.delegations[i];
      if (!d || d.clientOrgNo !== clientOrgNo || d.facilitatorOrgNo !== facilitatorOrgNo) continue;
      d.packages = d.packages.filter((p) => !(p.role === role && (code === undefined || p.code === code)));
      if (d.packages.length === 0) this.delegations.splice(i, 1);
    }
  }

  /** Removes every delegation to an agent system user. */
  removeAllToAgent(agentSystemUserId: string): void {
    const agent = agentSystemUserId.toLowerCase();
    for (let i = this.delegations.length - 1; i >= 0; i--) {
      if (this.delegations[i]?.agentSystemUserId === agent) this.delegations.splice(i, 1);
    }
  }
}
