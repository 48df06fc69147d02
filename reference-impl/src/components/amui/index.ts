// Altinn's Access Management BFF stand-in (docs/contracts/am-bff.md): the backend of the approval UI
// (the request's confirmUrl page), mounted under its own prefix (/amui) so a profile names it as its
// own endpoint (`amUi`). Routes relative to the prefix: accessmanagement/api/v1/systemuser/request/...,
// .../agentrequest/... and .../changerequest/..., and the client administration views
// (client-delegations.ts: accessmanagement/api/v1/clientdelegations/...; client-administration.ts:
// .../connection/rightholders and .../accesspackage/delegationcheck). It re-implements no rule: it calls the same actions
// as Authentication's end-user routes (authentication/enduser.ts, authentication/changerequests.ts)
// and answers the BFF's own shapes and problems.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { Organisation, SystemUserType } from '../../platform/model.ts';
import { personPidOf, personToken } from '../authentication/access.ts';
import type { AuthContext } from '../authentication/context.ts';
import { endUserChangeRequestActions, type PersonChangeRequestView } from '../authentication/changerequests.ts';
import { endUserRequestActions, type PersonRequestView } from '../authentication/enduser.ts';
import { AuthenticationSystemRegisterService } from '../authentication/service.ts';
import { clientAdministrationViews } from './client-administration.ts';
import { clientDelegationViews } from './client-delegations.ts';
import { toAmuiProblem } from './problems.ts';
import * as s from './schemas.ts';

type ReadRequest = FastifyRequest<{ Params: { requestId: string } }>;
type AnswerRequest = FastifyRequest<{ Params: { partyId: string; requestId: string } }>;

/** RegisteredSystemFE, the members the BFF's request shapes carry. */
function systemFE(ctx: AuthContext, systemId: string) {
  const system = ctx.store.systems.get(systemId);
  return { systemId, systemVendorOrgNumber: system?.vendorOrgNo ?? '', name: system?.name.nb ?? systemId };
}

/** The members every BFF request shape starts with: the request, its party and its system. */
function frontHead(ctx: AuthContext, found: { id: string; status: string; redirectUrl?: string; systemId: string }, org: Organisation) {
  return {
    id: found.id,
    partyId: org.partyId,
    partyUuid: org.partyUuid,
    status: found.status,
    ...(found.redirectUrl !== undefined ? { redirectUrl: found.redirectUrl } : {}),
    system: systemFE(ctx, found.systemId),
  };
}

/** SystemUserRequestFE / SystemUserAgentRequestFE (am-bff.md §2): the agent one has no resources. */
function requestFE(ctx: AuthContext, view: PersonRequestView) {
  const { found, org, standing } = view;
  return {
    ...frontHead(ctx, found, org),
    ...(found.userType === 'standard'
      ? { resources: found.rights.flatMap((r) => r.resource.filter((p) => p.id === 'urn:altinn:resource').map((p) => ({ identifier: p.value }))) }
      : {}),
    accessPackages: found.accessPackages.map((p) => ({ urn: p.urn })),
    created: found.created,
    escalated: found.escalated,
    userMayEscalateButNotApprove: standing !== 'accessManager',
  };
}

/**
 * SystemUserChangeRequestFE (am-bff.md §2): the rights as the resources they are on (ServiceResourceFE,
 * `identifier`), the packages by urn (AccessPackageFE).
 */
function changeRequestFE(ctx: AuthContext, view: PersonChangeRequestView) {
  const { found, org } = view;
  const resources = (rights: typeof found.requiredRights) =>
    rights.flatMap((r) => r.resource.filter((p) => p.id === 'urn:altinn:resource').map((p) => ({ identifier: p.value })));
  const packages = (list: Array<{ urn: string }>) => list.map((p) => ({ urn: p.urn }));
  return {
    ...frontHead(ctx, found, org),
    requiredRights: resources(found.requiredRights),
    unwantedRights: resources(found.unwantedRights),
    requiredAccessPackages: packages(found.requiredAccessPackages),
    unwantedAccessPackages: packages(found.unwantedAccessPackages),
  };
}

export async function amUiComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  const registerService = opts.services.systemRegister;
  if (!(registerService instanceof AuthenticationSystemRegisterService)) {
    throw new Error('amui: services.systemRegister must come from createAuthenticationServices');
  }
  const ctx: AuthContext = { config: opts.config, services: opts.services, issuers: opts.issuers, store: registerService.store };
  const actions = endUserRequestActions(ctx);
  const changes = endUserChangeRequestActions(ctx);
  // Altinn's platform-validation suite calls the BFF with a person's bearer token (altinn:portal/enduser).
  const person = personToken(opts.issuers);

  /** What a BFF route does with the person's id and the route's ids; `read` answers a shape, an answer `true`. */
  interface Kind {
    read(pid: string, requestId: string): unknown;
    answer(pid: string, partyId: string, requestId: string, reply: 'approve' | 'reject'): void;
  }
  const requestKind = (userType: SystemUserType): Kind => ({
    read: (pid, requestId) => requestFE(ctx, actions.readRequest(pid, requestId, userType)),
    answer: (pid, partyId, requestId, reply) => actions[reply](pid, partyId, requestId, userType),
  });
  const changeKind: Kind = {
    read: (pid, requestId) => changeRequestFE(ctx, changes.read(pid, requestId)),
    answer: (pid, partyId, requestId, reply) => changes[reply](pid, partyId, requestId),
  };

  function read(kind: Kind) {
    return async function readForPerson(request: ReadRequest, reply: FastifyReply) {
      try {
        return reply.send(kind.read(personPidOf(request), request.params.requestId));
      } catch (err) {
        throw toAmuiProblem(err, true);
      }
    };
  }

  function answer(kind: Kind, reply: 'approve' | 'reject') {
    return async function answerForPerson(request: AnswerRequest, res: FastifyReply) {
      try {
        kind.answer(personPidOf(request), request.params.partyId, request.params.requestId, reply);
      } catch (err) {
        throw toAmuiProblem(err, false);
      }
      return res.type('application/json; charset=utf-8').send('true');
    };
  }

  // The BFF's change request controller (SystemUserChangeRequestController) names its id
  // {changeRequestId}; the path shapes are the same as for requests.
  for (const [segment, kind, shape] of [
    ['request', requestKind('standard'), s.requestFE],
    ['agentrequest', requestKind('agent'), s.requestFE],
    ['changerequest', changeKind, s.changeRequestFE],
  ] as const) {
    const base = `/accessmanagement/api/v1/systemuser/${segment}`;
    app.get<{ Params: { requestId: string } }>(`${base}/:requestId`,
      { onRequest: person, schema: { params: s.requestIdParams, response: { 200: shape } } }, read(kind));
    for (const reply of ['approve', 'reject'] as const) {
      app.post<{ Params: { partyId: string; requestId: string } }>(`${base}/:partyId/:requestId/${reply}`,
        { onRequest: person, schema: { params: s.answerParams, response: { 200: s.answered } } }, answer(kind, reply));
    }
  }
  clientDelegationViews(app, opts, ctx);
  clientAdministrationViews(app, opts);
}
