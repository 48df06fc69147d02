// Access Management's "my clients" (docs/contracts/my-clients.md §1), relative to /accessmanagement/api/v1:
//
//   GET enduser/clientdelegations/my/clients?provider={uuid}*   PaginatedResult<MyClientDto>
//
// The caller is a person (ID-porten stand-in token) with altinn:portal/enduser or
// altinn:clientdelegations/myclients.read; the route answers for the person's own party: per provider
// that made the person its agent, the clients it delegated to the person and the packages. A token
// whose person the register does not know has no party: a bare 401, as AM's GetAuthenticatedPartyUuid
// gives Guid.Empty. The reference delegates clients only to agent system users, so a person's list is
// empty unless a provider has delegated to the person's party.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import type { ClientDelegation } from '../../platform/services.ts';
import { Unauthorized } from '../../platform/errors.ts';
import { requireBearer } from '../../platform/tokens.ts';
import { myClients } from './client-views.ts';
import { myClientsPage, myClientsQuery } from './schemas.ts';
import { groupByRole, type AccessManager } from './service.ts';

/** AuthzConstants: SCOPE_ENDUSER_CLIENTDELEGATION_MYCLIENTS_READ accepts the portal scope or its own. */
const MY_CLIENTS_SCOPES = ['altinn:portal/enduser', 'altinn:clientdelegations/myclients.read'];

type MyClientsRequest = FastifyRequest<{ Querystring: { provider?: string | string[] } }>;

export function myClientsRoutes(app: FastifyInstance, opts: ComponentOptions & { access: AccessManager }): void {
  const person = requireBearer(opts.issuers, { accept: ['idporten'], anyScope: MY_CLIENTS_SCOPES });
  app.get('/enduser/clientdelegations/my/clients',
    { onRequest: person, schema: { querystring: myClientsQuery, response: { 200: myClientsPage } } },
    async function getMyClients(request: MyClientsRequest) {
      const pid = request.auth?.claims.pid;
      const self = typeof pid === 'string' ? opts.services.register.person(pid) : undefined;
      if (!self) throw new Unauthorized('The token names no party the register knows.');
      const provider = request.query.provider;
      const providers = provider === undefined ? [] : Array.isArray(provider) ? provider : [provider];
      return { links: { next: null }, data: myClients(opts.services, self.partyUuid, providers, agentsDelegations(opts, providers)) };
    });
}

/**
 * Fault mine-klienter-gir-personen-agentens: the provider's delegations to any of its agents (its agent
 * system users) are answered as the caller's own, the provider's view mistaken for the agent's.
 */
function agentsDelegations(opts: ComponentOptions & { access: AccessManager }, providers: string[]): ClientDelegation[] | undefined {
  if (!faultActive(opts.config, 'mine-klienter-gir-personen-agentens')) return undefined;
  return providers.flatMap((uuid) => {
    const provider = opts.services.register.organisationByPartyUuid(uuid.toLowerCase());
    if (!provider) return [];
    return opts.access.clientsOf(provider.orgNo)
      .flatMap((c) => opts.access.delegationsFromClient(c.clientOrgNo))
      .filter((d) => d.facilitatorOrgNo === provider.orgNo)
      .map((d) => ({ facilitatorOrgNo: d.facilitatorOrgNo, clientOrgNo: d.clientOrgNo, agentSystemUserId: d.agentSystemUserId, access: groupByRole(d.packages) }));
  });
}
