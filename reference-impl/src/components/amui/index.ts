// Altinn's Access Management BFF stand-in (docs/contracts/am-bff.md): the backend of the approval UI
// (the request's confirmUrl page), mounted under its own prefix (/amui) so a profile names it as its
// own endpoint (`amUi`). Routes relative to the prefix: accessmanagement/api/v1/systemuser/request/...
// and .../agentrequest/... . It re-implements no rule: it calls the same actions as Authentication's
// end-user routes (authentication/enduser.ts) and answers the BFF's own shapes and problems.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { SystemUserType } from '../../platform/model.ts';
import { personPidOf, personToken } from '../authentication/access.ts';
import type { AuthContext } from '../authentication/context.ts';
import { endUserRequestActions, type PersonRequestView } from '../authentication/enduser.ts';
import { AuthenticationSystemRegisterService } from '../authentication/service.ts';
import { toAmuiProblem } from './problems.ts';
import * as s from './schemas.ts';

type ReadRequest = FastifyRequest<{ Params: { requestId: string } }>;
type AnswerRequest = FastifyRequest<{ Params: { partyId: string; requestId: string } }>;

/** SystemUserRequestFE / SystemUserAgentRequestFE (am-bff.md §2): the agent one has no resources. */
function requestFE(ctx: AuthContext, view: PersonRequestView) {
  const { found, org, standing } = view;
  const system = ctx.store.systems.get(found.systemId);
  return {
    id: found.id,
    partyId: org.partyId,
    partyUuid: org.partyUuid,
    status: found.status,
    ...(found.redirectUrl !== undefined ? { redirectUrl: found.redirectUrl } : {}),
    system: {
      systemId: found.systemId,
      systemVendorOrgNumber: system?.vendorOrgNo ?? '',
      name: system?.name.nb ?? found.systemId,
    },
    ...(found.userType === 'standard'
      ? { resources: found.rights.flatMap((r) => r.resource.filter((p) => p.id === 'urn:altinn:resource').map((p) => ({ identifier: p.value }))) }
      : {}),
    accessPackages: found.accessPackages.map((p) => ({ urn: p.urn })),
    created: found.created,
    escalated: found.escalated,
    userMayEscalateButNotApprove: standing !== 'accessManager',
  };
}

export async function amUiComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  const registerService = opts.services.systemRegister;
  if (!(registerService instanceof AuthenticationSystemRegisterService)) {
    throw new Error('amui: services.systemRegister must come from createAuthenticationServices');
  }
  const ctx: AuthContext = { config: opts.config, services: opts.services, issuers: opts.issuers, store: registerService.store };
  const actions = endUserRequestActions(ctx);
  // Altinn's platform-validation suite calls the BFF with a person's bearer token (altinn:portal/enduser).
  const person = personToken(opts.issuers);

  function read(userType: SystemUserType) {
    return async function readForPerson(request: ReadRequest, reply: FastifyReply) {
      try {
        return reply.send(requestFE(ctx, actions.readRequest(personPidOf(request), request.params.requestId, userType)));
      } catch (err) {
        throw toAmuiProblem(err, true);
      }
    };
  }

  function answer(userType: SystemUserType, reply: 'approve' | 'reject') {
    return async function answerForPerson(request: AnswerRequest, res: FastifyReply) {
      try {
        const pid = personPidOf(request);
        if (reply === 'approve') actions.approve(pid, request.params.partyId, request.params.requestId, userType);
        else actions.reject(pid, request.params.partyId, request.params.requestId, userType);
      } catch (err) {
        throw toAmuiProblem(err, false);
      }
      return res.type('application/json; charset=utf-8').send('true');
    };
  }

  for (const [segment, userType] of [['request', 'standard'], ['agentrequest', 'agent']] as const) {
    const base = `/accessmanagement/api/v1/systemuser/${segment}`;
    app.get<{ Params: { requestId: string } }>(`${base}/:requestId`,
      { onRequest: person, schema: { params: s.requestIdParams, response: { 200: s.requestFE } } }, read(userType));
    for (const reply of ['approve', 'reject'] as const) {
      app.post<{ Params: { partyId: string; requestId: string } }>(`${base}/:partyId/:requestId/${reply}`,
        { onRequest: person, schema: { params: s.answerParams, response: { 200: s.answered } } }, answer(userType, reply));
    }
  }
}
