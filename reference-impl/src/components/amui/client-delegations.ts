// The client administration views of the Access Management BFF (docs/contracts/my-clients.md §2),
// relative to the amui prefix:
//
//   GET accessmanagement/api/v1/clientdelegations/clients?party=&roles=*          ClientDelegation[]
//   GET accessmanagement/api/v1/clientdelegations/agents?party=                   AgentDelegation[]
//   GET accessmanagement/api/v1/clientdelegations/agents/accesspackages?party=&to= ClientDelegation[]
//   GET accessmanagement/api/v1/clientdelegations/my/clients?provider=*          MyClientDelegation[]
//
// The BFF forwards the person's token to Access Management's enduser/clientdelegations routes and
// answers their `data` as a plain array. Its ClientDelegation carries `resources` per role (empty: the
// reference delegates packages only). AM's policy check on the party (POLICY_CLIENTDELEGATION_READ) is
// modelled as Authentication's client administrator check; a refusal comes back as the BFF's
// HttpStatusException problem: the same status, title "Unexpected HttpStatus response".

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import { PlainProblem } from '../../platform/errors.ts';
import type { Organisation } from '../../platform/model.ts';
import { personPidOf, personToken } from '../authentication/access.ts';
import { isClientAdministrator } from '../authentication/clientdelegation.ts';
import type { AuthContext } from '../authentication/context.ts';
import { agentsOfParty, clientsOfAgent, clientsOfParty, myClients } from '../accessmanagement/client-views.ts';
import * as s from './schemas.ts';

const BASE = '/accessmanagement/api/v1/clientdelegations';

type PartyQuery = FastifyRequest<{ Querystring: { party: string; roles?: string | string[] } }>;
type AgentQuery = FastifyRequest<{ Querystring: { party: string; to: string } }>;
type ProviderQuery = FastifyRequest<{ Querystring: { provider?: string | string[] } }>;

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** ClientDelegation / AgentDelegation: AM's ClientDto or AgentDto with an empty `resources` on each role. */
function withResources(clients: Record<string, unknown>[]): Record<string, unknown>[] {
  return clients.map((c) => ({ ...c, access: (c.access as Array<Record<string, unknown>>).map((a) => ({ ...a, resources: [] })) }));
}

export function clientDelegationViews(app: FastifyInstance, opts: ComponentOptions, ctx: AuthContext): void {
  const person = personToken(opts.issuers);
  const services = opts.services;

  /** AM's policy check on `party` (a partyUuid): an organisation the person administers clients for, else 403. */
  function administeredParty(request: FastifyRequest, party: string): Organisation {
    const org = services.register.organisationByPartyUuid(party.toLowerCase());
    // Fault klientadministrasjon-uten-partssjekk: any person reads any organisation's client administration.
    if (org && faultActive(opts.config, 'klientadministrasjon-uten-partssjekk')) return org;
    if (!org || !isClientAdministrator(ctx, personPidOf(request), org)) {
      throw new PlainProblem(403, 'Unexpected HttpStatus response', 'The person is not a client administrator of the party.');
    }
    return org;
  }

  app.get(`${BASE}/clients`, { onRequest: person, schema: { querystring: s.partyQuery, response: { 200: s.clientDelegations } } },
    async function getClients(request: PartyQuery) {
      const party = administeredParty(request, request.query.party);
      const roles = list(request.query.roles);
      const clients = clientsOfParty(services, party)
        .map((c) => ({ ...c, access: (c.access as Array<{ role: { code: string } }>).filter((a) => roles.length === 0 || roles.includes(a.role.code)) }))
        .filter((c) => c.access.length > 0);
      return withResources(clients);
    });

  app.get(`${BASE}/agents`, { onRequest: person, schema: { querystring: s.agentsQuery, response: { 200: s.agentDelegations } } },
    async function getAgents(request: PartyQuery) {
      return withResources(agentsOfParty(services, administeredParty(request, request.query.party)));
    });

  app.get(`${BASE}/agents/accesspackages`, { onRequest: person, schema: { querystring: s.agentQuery, response: { 200: s.clientDelegations } } },
    async function getAgentAccessPackages(request: AgentQuery) {
      const party = administeredParty(request, request.query.party);
      const agentId = services.systemUsers.systemUser(request.query.to)?.id ?? request.query.to.toLowerCase();
      return withResources(clientsOfAgent(services, opts.config, party, agentId));
    });

  app.get(`${BASE}/my/clients`, { onRequest: person, schema: { querystring: s.providerQuery, response: { 200: s.myClientDelegations } } },
    async function getMyClients(request: ProviderQuery) {
      const self = services.register.person(personPidOf(request));
      if (!self) throw new PlainProblem(401, 'Unexpected HttpStatus response', 'The token names no party the register knows.');
      return myClients(services, self.partyUuid, list(request.query.provider))
        .map((m) => ({ ...m, clients: withResources(m.clients as Record<string, unknown>[]) }));
    });
}
