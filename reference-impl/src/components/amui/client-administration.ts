// The BFF routes the client administration UI reads besides the client delegation views
// (docs/contracts/client-administration.md §2), relative to the amui prefix:
//
//   GET accessmanagement/api/v1/connection/rightholders?party=&from=&to=&includeClientDelegations=&includeAgentConnections=
//       Connection[]       (AM enduser/connections)
//   GET accessmanagement/api/v1/accesspackage/delegationcheck?party=
//       DelegationCheck[]  (AM enduser/connections/accesspackages/delegationcheck)
//
// The BFF forwards the person's token and answers AM's page as a plain array in its own models. An
// error from AM comes back as the BFF's HttpStatusException problem: AM's status, title "Unexpected
// HttpStatus response". rightholders refuses a call with neither `from` nor `to` itself, with a bare
// string (ASP.NET BadRequest(string)).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import { ExposedError, PlainProblem, PlainTextError } from '../../platform/errors.ts';
import { personPidOf, personToken } from '../authentication/access.ts';
import { packageDelegationCheck, readConnections, type Ctx, type GetQuery } from '../accessmanagement/connections.ts';
import { AccessManager } from '../accessmanagement/service.ts';
import * as s from './schemas.ts';

const BASE = '/accessmanagement/api/v1';

type RightholdersQuery = FastifyRequest<{ Querystring: Omit<GetQuery, 'includeAccessPackages' | 'includeResources' | 'includeInstances'> }>;
type DelegationCheckQuery = FastifyRequest<{ Querystring: { party: string } }>;

/** What AM answered, or its error as the BFF's problem (ClientUtils / HttpStatusException). */
function forwarded<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof ExposedError && error.status < 500) throw new PlainProblem(error.status, 'Unexpected HttpStatus response');
    throw error;
  }
}

/** The BFF's Entity (Models/User/Connection/Entity.cs) from AM's CompactEntityDto. */
function bffEntity(e: Record<string, unknown>): Record<string, unknown> {
  return {
    id: e.id, name: e.name, type: e.type, variant: e.variant, parent: null, children: null,
    partyId: e.partyid ?? null, organizationIdentifier: e.organizationIdentifier ?? null,
    dateOfBirth: e.dateOfBirth ?? null, isDeleted: e.isDeleted ?? false,
  };
}

/** The BFF's Connection (Models/User/Connection/Connection.cs): party, roles {id, code}, nested connections. */
function bffConnection(c: Record<string, unknown>): Record<string, unknown> {
  return {
    party: bffEntity(c.party as Record<string, unknown>),
    roles: (c.roles as Array<Record<string, unknown>>).map((r) => ({ id: r.id, code: r.code })),
    connections: (c.connections as Array<Record<string, unknown>>).map(bffConnection),
  };
}

export function clientAdministrationViews(app: FastifyInstance, opts: ComponentOptions): void {
  const person = personToken(opts.issuers);
  const access = opts.services.access;
  if (!(access instanceof AccessManager)) throw new Error('amui: services.access must come from createAccessService');
  const ctx: Ctx = { ...opts, access };

  app.get(`${BASE}/connection/rightholders`, { onRequest: person, schema: { querystring: s.rightholdersQuery, response: { 200: s.connections } } },
    async function getRightholders(request: RightholdersQuery) {
      const q = request.query;
      if (q.from === undefined && q.to === undefined) throw new PlainTextError(400, "Either 'from' or 'to' query parameter must be provided.");
      const pid = personPidOf(request);
      // Fault rettighetshavere-feil-retning: `from` and `to` reach Access Management swapped.
      const swapped = faultActive(opts.config, 'rettighetshavere-feil-retning');
      const forward = swapped ? { ...q, from: q.to, to: q.from } : q;
      return forwarded(() => readConnections(ctx, pid, forward)).map(bffConnection);
    });

  app.get(`${BASE}/accesspackage/delegationcheck`, { onRequest: person, schema: { querystring: s.agentsQuery, response: { 200: s.delegationChecks } } },
    async function delegationCheck(request: DelegationCheckQuery) {
      const pid = personPidOf(request);
      return forwarded(() => packageDelegationCheck(ctx, pid, request.query.party));
    });
}
