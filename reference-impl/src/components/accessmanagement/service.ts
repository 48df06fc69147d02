// AccessService: who holds which access packages and single rights for which party. The PDP uses it
// as its policy information point (docs/contracts/altinn-authorization.md §1.4 step 3).

import { faultActive, type FaultConfig } from '../../faults.ts';
import type { Right } from '../../platform/model.ts';
import type {
  AccessService,
  ClientAccess,
  ClientDelegation,
  ClientDelegationOutcome,
  RolePackages,
  Services,
} from '../../platform/services.ts';
import { erRole } from '../register/er-roles.ts';
import { packagesForRole } from './role-packages.ts';
import { AssignmentStore, DelegationStore, type Assignment, type Delegation, type Recipient } from './store.ts';

/** One line of "what `to` holds from `from`": the AM role and the packages it gives (ClientDto.access shape). */
export interface RoleAccess {
  /** AM role code: regnskapsforer, daglig-leder, ..., or rettighetshaver for direct grants. */
  role: string;
  packages: Array<{ code: string; canDelegate: boolean; hasAccess: boolean }>;
}

/** The packages that make a person an access manager of a party (docs/contracts/altinn-authentication.md §3.5, docs/contracts/altinn-authorization.md §5). */
const ACCESS_MANAGER_PACKAGES = ['tilgangsstyrer', 'hovedadministrator'];

export class AccessManager implements AccessService {
  readonly store = new AssignmentStore();
  readonly delegations = new DelegationStore();

  constructor(
    private readonly services: Services,
    /** Faults (selfcheck), read at call time. */
    private readonly config?: FaultConfig,
  ) {}

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

  revokeFromSystemUser(fromOrgNo: string, systemUserId: string, packageUrns: string[], rights: Right[]): void {
    const to = { type: 'systemuser', id: systemUserId } as const;
    for (const code of this.codesOf(packageUrns)) this.store.removePackage(fromOrgNo, to, 'rettighetshaver', code);
    this.store.removeRights(fromOrgNo, to, 'rettighetshaver', rights);
  }

  revokeAllForSystemUser(systemUserId: string): void {
    this.store.removeAllTo({ type: 'systemuser', id: systemUserId }); // direct grants and the agent assignment
    this.delegations.removeAllToAgent(systemUserId);
  }

  rightsForSystemUser(systemUserId: string, partyOrgNo: string): Right[] {
    return this.store.to({ type: 'systemuser', id: systemUserId }, partyOrgNo).flatMap((a) => a.rights);
  }

  packagesForSystemUser(systemUserId: string, partyOrgNo: string): string[] {
    // Direct assignments from the party (standard system user).
    const direct = this.store.to({ type: 'systemuser', id: systemUserId }, partyOrgNo).flatMap((a) => a.packages);
    // Client delegation (docs/contracts/altinn-authorization.md §4.1): packages delegated from the party as a client. A
    // package counts only while the client relation it came through still gives it (AM deletes delegation
    // packages with the assignment or role they hang on).
    // Fault klient-lagt-til-uten-videredelegering (selfcheck): the client is on the agent's client list,
    // but its packages are never passed on to the agent system user.
    const delegated = faultActive(this.config, 'klient-lagt-til-uten-videredelegering') ? [] : this.delegations.toAgent(systemUserId)
      .filter((d) => d.clientOrgNo === partyOrgNo)
      .flatMap((d) => this.stillSupplied(d));
    return unique([...direct, ...delegated]);
  }

  /** The package codes of a delegation whose client relation still gives them. */
  private stillSupplied(d: Delegation): string[] {
    const now = this.clientRelations(d.clientOrgNo, d.facilitatorOrgNo);
    return d.packages
      .filter((p) => now.some((r) => r.role === p.role && r.packages.includes(p.code)))
      .map((p) => p.code);
  }

  packagesForPerson(pid: string, orgNo: string): string[] {
    return usable(this.accessFromTo(orgNo, { type: 'person', pid }));
  }

  /**
   * What `clientOrgNo` gives the facilitator as a client, per role (AM GetClients, docs/contracts/altinn-authorization.md
   * §4.3–§4.4): every ER role the facilitator holds in the client (REGN, REVI, FFØR filtered by the client's
   * org form, ...) and its rettighetshaver assignment, each with its delegable packages only. Roles that
   * give no delegable package are left out.
   */
  clientRelations(clientOrgNo: string, facilitatorOrgNo: string): RolePackages[] {
    if (clientOrgNo === facilitatorOrgNo) return [];
    return this.accessFromTo(clientOrgNo, { type: 'organisation', orgNo: facilitatorOrgNo })
      .map((a) => ({
        role: a.role,
        packages: unique(a.packages.map((p) => p.code).filter((code) => this.services.catalogue.find(code)?.isDelegable === true)),
      }))
      .filter((a) => a.packages.length > 0);
  }

  /** docs/contracts/altinn-authorization.md §4.3 step 5: `supplier` assignments are never clients; the reference has none. */
  clientsOf(facilitatorOrgNo: string, anyOfPackages?: string[]): ClientAccess[] {
    const candidates = new Set<string>();
    for (const role of this.services.register.rolesHeldBy({ orgNo: facilitatorOrgNo })) candidates.add(role.orgNo);
    for (const a of this.store.to({ type: 'organisation', orgNo: facilitatorOrgNo })) candidates.add(a.fromOrgNo);
    const wanted = anyOfPackages ? new Set(anyOfPackages) : undefined;
    const result: ClientAccess[] = [];
    for (const clientOrgNo of candidates) {
      const access = this.clientRelations(clientOrgNo, facilitatorOrgNo)
        .map((r) => ({ role: r.role, packages: wanted ? r.packages.filter((code) => wanted.has(code)) : r.packages }))
        .filter((r) => r.packages.length > 0);
      if (access.length > 0) result.push({ clientOrgNo, access });
    }
    return result;
  }

  /**
   * docs/contracts/altinn-authorization.md §4.3 step 4, AM DelegateAccessPackageToAgent: each package must be delegable and
   * come from the named role of the client's relation to the facilitator (ER role package for the client's
   * org form, or the rettighetshaver assignment's package); the agent must be an agent system user. The
   * facilitator -> agent assignment (role `agent`) is created on the first delegation. Idempotent.
   */
  delegateToAgent(input: { facilitatorOrgNo: string; clientOrgNo: string; agentSystemUserId: string; values: RolePackages[] }): ClientDelegationOutcome {
    const agent = this.services.systemUsers.systemUser(input.agentSystemUserId);
    if (!agent || agent.isDeleted || agent.userType !== 'agent') return { ok: false, reason: 'The agent is not an agent system user.' };
    if (agent.reporteeOrgNo !== input.facilitatorOrgNo) return { ok: false, reason: 'The agent system user is not the facilitator\'s.' };
    const relations = this.clientRelations(input.clientOrgNo, input.facilitatorOrgNo);
    const packages: Array<{ role: string; code: string }> = [];
    for (const value of input.values) {
      for (const code of value.packages) {
        if (this.services.catalogue.find(code)?.isDelegable !== true) return { ok: false, reason: `Package ${code} is not delegable.` };
        const given = relations.some((r) => r.role === value.role && r.packages.includes(code));
        if (!given) return { ok: false, reason: `Package ${code} is not given to the facilitator through the role ${value.role}.` };
        packages.push({ role: value.role, code });
      }
    }
    if (packages.length === 0) return { ok: false, reason: 'No packages to delegate.' };
    this.store.grant(input.facilitatorOrgNo, { type: 'systemuser', id: agent.id }, 'agent', [], []);
    return { ok: true, ...this.delegations.add(input.facilitatorOrgNo, input.clientOrgNo, agent.id, packages) };
  }

  clientDelegationsTo(agentSystemUserId: string): ClientDelegation[] {
    return this.delegations.toAgent(agentSystemUserId).map((d) => ({
      facilitatorOrgNo: d.facilitatorOrgNo,
      clientOrgNo: d.clientOrgNo,
      agentSystemUserId: d.agentSystemUserId,
      access: groupByRole(d.packages),
    }));
  }

  agentsOf(facilitatorOrgNo: string): Array<{ agentSystemUserId: string; addedAt: string }> {
    // Fault agenter-feil-retning: the agent assignments *to* the party (AM's ToId, as my/clients reads
    // them) instead of those from it; an organisation is no system user, so none.
    const assignments = faultActive(this.config, 'agenter-feil-retning')
      ? this.store.to({ type: 'organisation', orgNo: facilitatorOrgNo })
      : this.store.from(facilitatorOrgNo);
    return assignments
      .filter((a) => a.role === 'agent' && a.to.type === 'systemuser')
      .map((a) => ({ agentSystemUserId: (a.to as { id: string }).id, addedAt: a.created }));
  }

  revokeClientFromAgent(facilitatorOrgNo: string, clientOrgNo: string, agentSystemUserId: string): boolean {
    // Fault klient-fjerning-beholder-tilgang (selfcheck): the client leaves the delegation list, but its
    // packages are left on the system user as a direct assignment from the client (no cascade).
    if (faultActive(this.config, 'klient-fjerning-beholder-tilgang')) {
      const removed = this.delegations.toAgent(agentSystemUserId)
        .find((d) => d.facilitatorOrgNo === facilitatorOrgNo && d.clientOrgNo === clientOrgNo);
      if (removed) this.store.grant(clientOrgNo, { type: 'systemuser', id: removed.agentSystemUserId }, 'rettighetshaver', removed.packages.map((p) => p.code), []);
    }
    return this.delegations.remove(facilitatorOrgNo, clientOrgNo, agentSystemUserId);
  }

  // ---- connections (docs/contracts/altinn-authorization.md §5) ---------------------------------------------------

  /** An access manager holds tilgangsstyrer or hovedadministrator in the party (a DAGL through the key role). */
  isAccessManager(pid: string, orgNo: string): boolean {
    const held = this.packagesForPerson(pid, orgNo);
    return ACCESS_MANAGER_PACKAGES.some((code) => held.includes(code));
  }

  /**
   * AM's package delegation check for a person assigning on behalf of `orgNo` (PackageDelegationCheckQuery):
   * the result is `IsAssignable && CanDelegate`. The person can delegate a package it holds with
   * canDelegate (ER role packages per the role mapping, directly assigned packages always) and, holding
   * hovedadministrator, every package of the main administrator's set.
   */
  mayAssign(pid: string, orgNo: string, code: string): boolean {
    if (this.services.catalogue.find(code)?.isAssignable !== true) return false;
    const access = this.accessFromTo(orgNo, { type: 'person', pid });
    const holds = (wanted: string, mustDelegate: boolean) => access.some((a) =>
      a.packages.some((p) => p.code === wanted && (!mustDelegate || p.canDelegate || a.role === 'rettighetshaver')));
    if (holds(code, true)) return true;
    const org = this.services.register.organisation(orgNo);
    return org !== undefined && holds('hovedadministrator', false) && packagesForRole('HADM', org.orgForm).some((p) => p.code === code);
  }

  /** Any connection from the organisation to `to`: an ER role `to` holds in it, or any assignment (AM Get(from, to)). */
  hasConnection(fromOrgNo: string, to: Recipient): boolean {
    if (this.store.to(to, fromOrgNo).length > 0) return true;
    if (to.type === 'systemuser') return false;
    return this.services.register.rolesIn(fromOrgNo).some((r) =>
      to.type === 'person' ? 'pid' in r.holder && r.holder.pid === to.pid : 'orgNo' in r.holder && r.holder.orgNo === to.orgNo);
  }

  /** AM AddRightholder: the rettighetshaver assignment, created when missing (idempotent). */
  addRightholder(fromOrgNo: string, to: Recipient): Assignment {
    return this.store.grant(fromOrgNo, to, 'rettighetshaver', [], []);
  }

  /** AM AddPackage: the package on the rettighetshaver assignment (created when missing). Idempotent. */
  addPackage(fromOrgNo: string, to: Recipient, code: string): Assignment {
    return this.store.grant(fromOrgNo, to, 'rettighetshaver', [code], []);
  }

  rightholderAssignment(fromOrgNo: string, to: Recipient): Assignment | undefined {
    return this.store.find(fromOrgNo, to, 'rettighetshaver');
  }

  /** Client delegations that hang on the rettighetshaver assignment from `fromOrgNo` to the organisation `to`. */
  delegationsOnRightholder(fromOrgNo: string, to: Recipient): Delegation[] {
    if (to.type !== 'organisation') return [];
    return this.delegations.fromClientVia(fromOrgNo, to.orgNo).filter((d) => d.packages.some((p) => p.role === 'rettighetshaver'));
  }

  /** AM RemoveAssignment with cascade: the rettighetshaver assignment, and the client delegations on it. */
  removeRightholder(fromOrgNo: string, to: Recipient): void {
    this.store.remove(fromOrgNo, to, 'rettighetshaver');
    if (to.type === 'organisation') this.delegations.removeSourced(fromOrgNo, to.orgNo, 'rettighetshaver');
  }

  /** AM RemovePackage: one package off the rettighetshaver assignment, and off the client delegations on it. */
  removePackage(fromOrgNo: string, to: Recipient, code: string): void {
    this.store.removePackage(fromOrgNo, to, 'rettighetshaver', code);
    if (to.type === 'organisation') this.delegations.removeSourced(fromOrgNo, to.orgNo, 'rettighetshaver', code);
  }

  /** Every client delegation made from a client, through any facilitator. */
  delegationsFromClient(clientOrgNo: string): Delegation[] {
    return this.delegations.fromClient(clientOrgNo);
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

export function groupByRole(packages: Array<{ role: string; code: string }>): RolePackages[] {
  const byRole = new Map<string, string[]>();
  for (const p of packages) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p.code]);
  return [...byRole.entries()].map(([role, codes]) => ({ role, packages: codes }));
}

function unique(codes: string[]): string[] {
  return [...new Set(codes)];
}

function usable(access: RoleAccess[]): string[] {
  return unique(access.flatMap((a) => a.packages.filter((p) => p.hasAccess).map((p) => p.code)));
}
