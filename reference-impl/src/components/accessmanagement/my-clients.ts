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
import { Unauthorized } from '../../platform/errors.ts';
import { requireBearer } from '../../platform/tokens.ts';
import { myClients } from './client-views.ts';
import { myClientsPage, myClientsQuery } from './schemas.ts';

/** AuthzConstants: SCOPE_ENDUSER_CLIENTDELEGATION_MYCLIENTS_READ accepts the portal scope or its own. */
const MY_CLIENTS_SCOPES = ['altinn:portal/enduser', 'altinn:clientdelegations/myclients.read'];

type MyClientsRequest = FastifyRequest<{ Querystring: { provider?: string | string[] } }>;

export function myClientsRoutes(app: FastifyInstance, opts: ComponentOptions): void {
  const person = requireBearer(opts.issuers, { accept: ['idporten'], anyScope: MY_CLIENTS_SCOPES });
  app.get('/enduser/clientdelegations/my/clients',
    { onRequest: person, schema: { querystring: myClientsQuery, response: { 200: myClientsPage } } },
    async function getMyClients(request: MyClientsRequest) {
      const pid = request.auth?.claims.pid;
      const self = typeof pid === 'string' ? opts.services.register.person(pid) : undefined;
      if (!self) throw new Unauthorized('The token names no party the register knows.');
      const provider = request.query.provider;
      const providers = provider === undefined ? [] : Array.isArray(provider) ? provider : [provider];
      return { links: { next: null }, data: myClients(opts.services, self.partyUuid, providers) };
    });
}
