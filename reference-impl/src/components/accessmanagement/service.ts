// AccessService: who holds which access packages and single rights for which party. The PDP uses it
// as its policy information point (contracts authorization §1.4 step 3).

import type { Right } from '../../platform/model.ts';
import type { AccessService, Services } from '../../platform/services.ts';
import { erRole } from '../register/er-roles.ts';
import { packagesForRole } from './role-packages.ts';
import { AssignmentStore, type Recipient } from './store.ts';

/** One line of "what `to` holds from `from`": the AM role and the packages it gives (ClientDto.access shape). */
export interface RoleAccess {
  /** AM role code: regnskapsforer, daglig-leder, ..., or rettighetshaver for direct grants. */
  role: string;
  packages: Array<{ code: string; canDelegate: boolean; hasAccess: boolean }>;
}

export class AccessManager implements AccessService {
  readonly store = new AssignmentStore();

  constructor(private readonly services: Services) {}

  /** Resolves package URNs to codes; throws on an unknown package (callers validate against the catalogue first). */
  private codesOf(packageUrns: string[]): string[] {
    return packageUrns.map((urn) => {
      const found = this.services.catalogue.find(urn);
      if (!found) throw new Error(`unknown access package ${urn}`);
      return found.code;
    });
  }

  assignToSystemUser(fromOrgNo: string, systemUserId: string, packageUrns: string[]): void {
    const codes = this.codesOf(packageUrns);
    this.store.grant(fromOrgNo, { type: 'systemuser', id: systemUserId }, 'rettighetshaver', codes, []);
  }

  assignRightsToSystemUser(fromOrgNo: string, systemUserId: string, rights: Right[]): void {
    this.store.grant(fromOrgNo, { type: 'systemuser', id: systemUserId }, 'rettighetshaver', [], rights);
  }

  revokeAllForSystemUser(systemUserId: string): void {
    this.store.removeAllTo({ type: 'systemuser', id: systemUserId });
  }

  rightsForSystemUser(systemUserId: string, partyOrgNo: string): Right[] {
    return this.store.to({ type: 'systemuser', id: systemUserId }, partyOrgNo).flatMap((a) => a.rights);
  }

  packagesForSystemUser(systemUserId: string, partyOrgNo: string): string[] {
    // Direct assignments from the party (standard system user). Client delegation adds its packages here.
    return unique(this.store.to({ type: 'systemuser', id: systemUserId }, partyOrgNo).flatMap((a) => a.packages));
  }

  packagesForPerson(pid: string, orgNo: string): string[] {
    return usable(this.accessFromTo(orgNo, { type: 'person', pid }));
  }

  /** Package codes an organisation holds for `fromOrgNo` (ER roles such as REGN, REVI, FFØR, and direct grants). */
  packagesForOrganisation(holderOrgNo: string, fromOrgNo: string): string[] {
    return usable(this.accessFromTo(fromOrgNo, { type: 'organisation', orgNo: holderOrgNo }));
  }

  /**
   * What `to` holds from the organisation `fromOrgNo`, per role: the ER roles `to` holds in it (through
   * the role -> package mapping, filtered by its org form) and the direct assignments from it.
   */
  accessFromTo(fromOrgNo: string, to: Recipient): RoleAccess[] {
    const result: RoleAccess[] = [];
    const org = this.services.register.organisation(fromOrgNo);
    if (org && to.type !== 'systemuser') {
      const holds = this.services.register.rolesIn(fromOrgNo).filter((r) =>
        to.type === 'person' ? 'pid' in r.holder && r.holder.pid === to.pid : 'orgNo' in r.holder && r.holder.orgNo === to.orgNo);
      for (const held of holds) {
        const packages = packagesForRole(held.role, org.orgForm);
        if (packages.length > 0) result.push({ role: erRole(held.role)?.code ?? held.role, packages });
      }
    }
    for (const assignment of this.store.to(to, fromOrgNo)) {
      if (assignment.packages.length === 0) continue;
      result.push({
        role: assignment.role,
        packages: assignment.packages.map((code) => ({ code, canDelegate: this.services.catalogue.find(code)?.isDelegable ?? false, hasAccess: true })),
      });
    }
    return result;
  }
}

function unique(codes: string[]): string[] {
  return [...new Set(codes)];
}

function usable(access: RoleAccess[]): string[] {
  return unique(access.flatMap((a) => a.packages.filter((p) => p.hasAccess).map((p) => p.code)));
}
