// What Access Management answers about client administration (docs/contracts/my-clients.md §1–§2):
// AM's ClientDto (a client and, per role of its relation, the packages) and MyClientDto (a provider and
// the clients it gave the caller). Built from the access service's client relations and client
// delegations, so the end-user route (my-clients.ts) and the BFF views (amui/client-delegations.ts)
// answer the same facts and re-implement no rule.

import { faultActive, type FaultConfig } from '../../faults.ts';
import type { Organisation } from '../../platform/model.ts';
import type { ClientDelegation, RolePackages, Services } from '../../platform/services.ts';
import { compactEntity, compactPackage, compactRole } from './entities.ts';

/** AM ClientDto.RoleAccessPackages: per role, the packages as CompactPackageDto. */
function roleAccess(services: Services, access: RolePackages[]): Array<Record<string, unknown>> {
  return access.map((a) => ({
    role: compactRole(a.role),
    packages: a.packages.flatMap((code) => {
      const pkg = services.catalogue.find(code);
      return pkg ? [compactPackage(pkg)] : [];
    }),
  }));
}

function clientDto(services: Services, clientOrgNo: string, access: RolePackages[]): Record<string, unknown>[] {
  const client = services.register.organisation(clientOrgNo);
  return client ? [{ client: compactEntity({ kind: 'organisation', org: client }), access: roleAccess(services, access) }] : [];
}

/**
 * GET enduser/clientdelegations/clients?party= (ClientDelegationService.GetClients): the party's
 * clients, each with the delegable packages every relation to the party gives (ER roles, rettighetshaver).
 */
export function clientsOfParty(services: Services, party: Organisation): Record<string, unknown>[] {
  return services.access.clientsOf(party.orgNo).flatMap((c) => clientDto(services, c.clientOrgNo, c.access));
}

/**
 * GET enduser/clientdelegations/agents?party= (ClientDelegationService.GetAgents): the party's agents,
 * each with when it became one and the role `agent` with no packages (AgentDto).
 */
export function agentsOfParty(services: Services, party: Organisation): Record<string, unknown>[] {
  return services.access.agentsOf(party.orgNo).flatMap((a) => {
    const user = services.systemUsers.systemUser(a.agentSystemUserId);
    if (!user) return [];
    return [{ agent: compactEntity({ kind: 'systemuser', user }), agentAddedAt: a.addedAt, access: [{ role: compactRole('agent'), packages: [] }] }];
  });
}

/**
 * GET enduser/clientdelegations/agents/accesspackages?party=&to= (GetDelegatedAccessPackagesToAgentsViaParty):
 * the clients the party (as facilitator) has delegated to the agent `to`, with the packages delegated.
 */
export function clientsOfAgent(services: Services, config: FaultConfig | undefined, party: Organisation, agentId: string): Record<string, unknown>[] {
  // Fault mine-klienter-viser-fjernede: the party's client relations stand in for the delegations, so a
  // client removed from the agent (or never added) is still listed.
  if (faultActive(config, 'mine-klienter-viser-fjernede')) return clientsOfParty(services, party);
  return services.access.clientDelegationsTo(agentId)
    .filter((d) => d.facilitatorOrgNo === party.orgNo)
    .flatMap((d) => clientDto(services, d.clientOrgNo, d.access));
}

/**
 * GET enduser/clientdelegations/my/clients (GetMyClients): per provider that made the caller its agent,
 * the clients it delegated to the caller. `agentId` is the caller's party; `providers` filters on the
 * provider's partyUuid (empty: every provider). `delegations` replaces the delegations to the caller
 * (only the fault mine-klienter-gir-personen-agentens passes it).
 */
export function myClients(services: Services, agentId: string, providers: string[], delegations?: ClientDelegation[]): Record<string, unknown>[] {
  const wanted = new Set(providers.map((p) => p.toLowerCase()));
  const byProvider = new Map<string, { provider: Organisation; clients: Record<string, unknown>[] }>();
  for (const d of delegations ?? services.access.clientDelegationsTo(agentId)) {
    const provider = services.register.organisation(d.facilitatorOrgNo);
    if (!provider || (wanted.size > 0 && !wanted.has(provider.partyUuid.toLowerCase()))) continue;
    const entry = byProvider.get(provider.orgNo) ?? { provider, clients: [] };
    entry.clients.push(...clientDto(services, d.clientOrgNo, d.access));
    byProvider.set(provider.orgNo, entry);
  }
  return [...byProvider.values()].map((e) => ({ provider: compactEntity({ kind: 'organisation', org: e.provider }), clients: e.clients }));
}
