// Every route of the authentication component in one table, relative to /authentication/api/v1.
// Tokens are checked in onRequest (before the body is parsed, as ASP.NET authorises before binding);
// input names are matched and strings trimmed in preValidation; the route schema then checks shape.

import type { FastifyInstance } from 'fastify';
import { requireBearer } from '../../platform/tokens.ts';
import { personToken, vendorToken } from './access.ts';
import { changeRequestHandlers, type ChangeRequestBody, type ChangeRequestQuery } from './changerequests.ts';
import { clientDelegationHandlers } from './clientdelegation.ts';
import { SCOPE, type AuthContext } from './context.ts';
import { endUserHandlers } from './enduser.ts';
import { exchangeHandlers, type ExchangeRequest } from './exchange.ts';
import { aspNetInput } from './input.ts';
import { requestHandlers, type CreateRequestBody } from './requests.ts';
import * as s from './schemas.ts';
import { systemRegisterHandlers, type AccessPackageInput, type RegisterSystemBody, type RightInput } from './systemregister.ts';
import { systemUserHandlers } from './systemusers.ts';
import { systemViewHandlers, type SystemViewRequest } from './systemviews.ts';

export async function authenticationRoutes(app: FastifyInstance, ctx: AuthContext): Promise<void> {
  const register = systemRegisterHandlers(ctx);
  const requests = requestHandlers(ctx);
  const endUser = endUserHandlers(ctx);
  const systemUsers = systemUserHandlers(ctx);
  const clients = clientDelegationHandlers(ctx);
  const changes = changeRequestHandlers(ctx);

  const systemRegisterScope = vendorToken(ctx.issuers, [SCOPE.systemRegisterWrite, SCOPE.systemRegisterAdmin]);
  const requestWrite = vendorToken(ctx.issuers, [SCOPE.requestWrite]);
  const requestRead = vendorToken(ctx.issuers, [SCOPE.requestRead]);
  const maskinportenLookup = vendorToken(ctx.issuers, [SCOPE.maskinportenLookup]);
  const person = personToken(ctx.issuers);
  // docs/contracts/altinn-authentication.md §1, §5.3: the client delegation scopes; the portal scope is accepted too.
  const clientsRead = requireBearer(ctx.issuers, { accept: ['idporten'], anyScope: [SCOPE.clientDelegationRead, SCOPE.portal] });
  const clientsWrite = requireBearer(ctx.issuers, { accept: ['idporten'], anyScope: [SCOPE.clientDelegationWrite, SCOPE.portal] });
  // docs/contracts/platform-behaviour.md §2: the portal policy is a scope check only, so an enterprise token with the scope reads too.
  const portalScope = requireBearer(ctx.issuers, { accept: ['idporten', 'maskinporten'], anyScope: [SCOPE.portal] });

  // ---- System register, vendor API (docs/contracts/altinn-authentication.md §2) ----
  const registerBody = aspNetInput({ body: s.registerSystemRequest, trim: true });
  app.post<{ Body: RegisterSystemBody }>('/systemregister/vendor',
    { onRequest: systemRegisterScope, preValidation: registerBody, schema: { body: s.registerSystemRequest } }, register.create);
  app.get('/systemregister/vendor', { onRequest: systemRegisterScope }, register.list);
  app.get<{ Params: { systemId: string } }>('/systemregister/vendor/:systemId',
    { onRequest: systemRegisterScope, schema: { params: s.systemIdParams } }, register.get);
  app.put<{ Params: { systemId: string }; Body: RegisterSystemBody }>('/systemregister/vendor/:systemId',
    { onRequest: systemRegisterScope, preValidation: registerBody, schema: { params: s.systemIdParams, body: s.registerSystemRequest } },
    register.update);
  app.put<{ Params: { systemId: string }; Body: RightInput[] }>('/systemregister/vendor/:systemId/rights',
    { onRequest: systemRegisterScope, preValidation: aspNetInput({ body: s.rightsBody }), schema: { params: s.systemIdParams, body: s.rightsBody } },
    register.updateRights);
  app.put<{ Params: { systemId: string }; Body: AccessPackageInput[] }>('/systemregister/vendor/:systemId/accesspackages',
    { onRequest: systemRegisterScope, preValidation: aspNetInput({ body: s.accessPackagesBody }), schema: { params: s.systemIdParams, body: s.accessPackagesBody } },
    register.updateAccessPackages);
  app.delete<{ Params: { systemId: string } }>('/systemregister/vendor/:systemId',
    { onRequest: systemRegisterScope, schema: { params: s.systemIdParams } }, register.remove);
  app.get<{ Params: { systemId: string } }>('/systemregister/vendor/:systemId/changelog',
    { onRequest: systemRegisterScope, schema: { params: s.systemIdParams } }, register.changelog);

  // ---- System register, end-user views (docs/contracts/platform-behaviour.md §2) ----
  const views = systemViewHandlers(ctx);
  app.get('/systemregister/:systemId/rights',
    { onRequest: portalScope, preValidation: aspNetInput({ querystring: s.systemViewQuery }), schema: { params: s.systemIdParams, querystring: s.systemViewQuery } },
    (request) => views.rights(request as SystemViewRequest));
  app.get('/systemregister/:systemId/accesspackages',
    { onRequest: portalScope, preValidation: aspNetInput({ querystring: s.systemViewQuery }), schema: { params: s.systemIdParams, querystring: s.systemViewQuery } },
    (request) => views.accessPackages(request as SystemViewRequest));

  // ---- Token exchange and Altinn's OIDC discovery (docs/contracts/platform-behaviour.md §4) ----
  const exchange = exchangeHandlers(ctx);
  app.get('/exchange/:tokenProvider',
    { preValidation: aspNetInput({ querystring: s.exchangeQuery }), schema: { params: s.exchangeParams, querystring: s.exchangeQuery } },
    (request, reply) => exchange.exchange(request as ExchangeRequest, reply));
  app.get('/openid/.well-known/openid-configuration', { schema: { response: { 200: s.openidConfigurationResponse } } }, exchange.openidConfiguration);
  app.get('/openid/.well-known/openid-configuration/jwks', { schema: { response: { 200: s.jwksResponse } } }, exchange.jwks);

  // ---- System user requests, vendor side (docs/contracts/altinn-authentication.md §3.1–§3.4) ----
  app.post<{ Body: CreateRequestBody }>('/systemuser/request/vendor',
    { onRequest: requestWrite, preValidation: aspNetInput({ body: s.createRequestBody, trim: true }), schema: { body: s.createRequestBody } },
    requests.createStandard);
  app.post<{ Body: CreateRequestBody }>('/systemuser/request/vendor/agent',
    { onRequest: requestWrite, preValidation: aspNetInput({ body: s.createAgentRequestBody, trim: true }), schema: { body: s.createAgentRequestBody } },
    requests.createAgent);
  app.get<{ Params: { requestId: string } }>('/systemuser/request/vendor/:requestId',
    { onRequest: requestRead, schema: { params: s.requestIdParams } }, requests.getStandard);
  app.get<{ Params: { requestId: string } }>('/systemuser/request/vendor/agent/:requestId',
    { onRequest: requestRead, schema: { params: s.requestIdParams } }, requests.getAgent);
  app.get<{ Params: { systemId: string; orgNo: string; externalRef: string } }>('/systemuser/request/vendor/byexternalref/:systemId/:orgNo/:externalRef',
    { onRequest: requestRead, schema: { params: s.byExternalRefParams } }, requests.getStandardByExternalRef);
  app.get<{ Params: { systemId: string; orgNo: string; externalRef: string } }>('/systemuser/request/vendor/agent/byexternalref/:systemId/:orgNo/:externalRef',
    { onRequest: requestRead, schema: { params: s.byExternalRefParams } }, requests.getAgentByExternalRef);
  app.get<{ Params: { systemId: string }; Querystring: { token?: string } }>('/systemuser/request/vendor/bysystem/:systemId',
    { onRequest: requestRead, preValidation: aspNetInput({ querystring: s.pageQuery }), schema: { params: s.systemIdParams, querystring: s.pageQuery } },
    requests.listStandardBySystem);
  app.get<{ Params: { systemId: string }; Querystring: { token?: string } }>('/systemuser/request/vendor/agent/bysystem/:systemId',
    { onRequest: requestRead, preValidation: aspNetInput({ querystring: s.pageQuery }), schema: { params: s.systemIdParams, querystring: s.pageQuery } },
    requests.listAgentBySystem);
  app.delete<{ Params: { requestId: string } }>('/systemuser/request/vendor/:requestId',
    { onRequest: requestWrite, schema: { params: s.requestIdParams } }, requests.remove);

  // ---- System user requests, end-user side (docs/contracts/altinn-authentication.md §3.5) ----
  app.get<{ Params: { requestId: string } }>('/systemuser/request/:requestId',
    { onRequest: person, schema: { params: s.requestIdParams } }, endUser.getRequest);
  app.get<{ Params: { requestId: string } }>('/systemuser/request/agent/:requestId',
    { onRequest: person, schema: { params: s.requestIdParams } }, endUser.getAgentRequest);
  app.get<{ Params: { party: string; requestId: string } }>('/systemuser/request/:party/:requestId',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.getPartyRequest);
  app.get<{ Params: { party: string; requestId: string } }>('/systemuser/request/agent/:party/:requestId',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.getAgentPartyRequest);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/request/:party/:requestId/approve',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.approveRequest);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/request/:party/:requestId/reject',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.rejectRequest);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/request/agent/:party/:requestId/approve',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.approveAgentRequest);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/request/agent/:party/:requestId/reject',
    { onRequest: person, schema: { params: s.partyRequestParams } }, endUser.rejectAgentRequest);

  // ---- Change requests on standard system users (docs/contracts/change-requests.md) ----
  app.post<{ Body: ChangeRequestBody; Querystring: ChangeRequestQuery }>('/systemuser/changerequest/vendor',
    { onRequest: requestWrite, preValidation: aspNetInput({ body: s.changeRequestBody, querystring: s.changeRequestQuery, trim: true }),
      schema: { body: s.changeRequestBody, querystring: s.changeRequestQuery } },
    changes.create);
  app.get<{ Params: { requestId: string } }>('/systemuser/changerequest/vendor/:requestId',
    { onRequest: requestRead, schema: { params: s.requestIdParams } }, changes.get);
  app.get<{ Params: { systemId: string; orgNo: string; externalRef: string } }>('/systemuser/changerequest/vendor/byexternalref/:systemId/:orgNo/:externalRef',
    { onRequest: requestRead, schema: { params: s.byExternalRefParams } }, changes.getByExternalRef);
  app.get<{ Params: { systemId: string }; Querystring: { token?: string } }>('/systemuser/changerequest/vendor/bysystem/:systemId',
    { onRequest: requestRead, preValidation: aspNetInput({ querystring: s.pageQuery }), schema: { params: s.systemIdParams, querystring: s.pageQuery } },
    changes.listBySystem);
  app.delete<{ Params: { requestId: string } }>('/systemuser/changerequest/vendor/:requestId',
    { onRequest: requestWrite, schema: { params: s.requestIdParams } }, changes.remove);
  app.get<{ Params: { requestId: string } }>('/systemuser/changerequest/:requestId',
    { onRequest: person, schema: { params: s.requestIdParams } }, changes.getForPerson);
  app.get<{ Params: { party: string; requestId: string } }>('/systemuser/changerequest/:party/:requestId',
    { onRequest: person, schema: { params: s.partyRequestParams } }, changes.getInParty);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/changerequest/:party/:requestId/approve',
    { onRequest: person, schema: { params: s.partyRequestParams } }, changes.approve);
  app.post<{ Params: { party: string; requestId: string } }>('/systemuser/changerequest/:party/:requestId/reject',
    { onRequest: person, schema: { params: s.partyRequestParams } }, changes.reject);

  // ---- System users (docs/contracts/altinn-authentication.md §5.2) ----
  app.get<{ Params: { systemId: string }; Querystring: { token?: string } }>('/systemuser/vendor/bysystem/:systemId',
    { onRequest: systemRegisterScope, preValidation: aspNetInput({ querystring: s.pageQuery }), schema: { params: s.systemIdParams, querystring: s.pageQuery } },
    systemUsers.listBySystem);
  app.get<{ Querystring: { 'system-id': string; orgno: string; 'external-ref'?: string } }>('/systemuser/vendor/byquery',
    { onRequest: requestWrite, preValidation: aspNetInput({ querystring: s.byQueryQuery }), schema: { querystring: s.byQueryQuery } },
    systemUsers.byQuery);
  app.get<{ Querystring: { clientId?: string; systemProviderOrgNo?: string; systemUserOwnerOrgNo?: string; externalRef?: string } }>('/systemuser/byExternalId',
    { onRequest: maskinportenLookup, preValidation: aspNetInput({ querystring: s.byExternalIdQuery }), schema: { querystring: s.byExternalIdQuery } },
    systemUsers.byExternalId);
  app.get<{ Params: { party: string } }>('/systemuser/:party',
    { onRequest: person, schema: { params: s.partyParams } }, endUser.listSystemUsers);
  app.get<{ Params: { party: string; systemUserId: string } }>('/systemuser/:party/:systemUserId',
    { onRequest: person, schema: { params: s.partySystemUserParams } }, endUser.getSystemUser);
  app.delete<{ Params: { party: string; systemUserId: string } }>('/systemuser/:party/:systemUserId',
    { onRequest: person, schema: { params: s.partySystemUserParams } }, endUser.deleteSystemUser);
  app.delete<{ Params: { party: string; systemUserId: string }; Querystring: { facilitatorId?: string } }>('/systemuser/agent/:party/:systemUserId',
    { onRequest: person, preValidation: aspNetInput({ querystring: s.agentDeleteQuery }), schema: { params: s.partySystemUserParams, querystring: s.agentDeleteQuery } },
    endUser.deleteAgentSystemUser);

  // ---- Client delegation for agent system users (docs/contracts/altinn-authentication.md §5.3, docs/contracts/altinn-authorization.md §4.2) ----
  const agentQuery = aspNetInput({ querystring: s.agentQuery });
  const agentClientQuery = aspNetInput({ querystring: s.agentClientQuery });
  app.get<{ Querystring: { agent?: string } }>('/enduser/systemuser/clients/available',
    { onRequest: clientsRead, preValidation: agentQuery, schema: { querystring: s.agentQuery } }, clients.availableClients);
  app.get<{ Querystring: { agent?: string } }>('/enduser/systemuser/clients',
    { onRequest: clientsRead, preValidation: agentQuery, schema: { querystring: s.agentQuery } }, clients.delegatedClients);
  app.post<{ Querystring: { agent?: string; client?: string } }>('/enduser/systemuser/clients',
    { onRequest: clientsWrite, preValidation: agentClientQuery, schema: { querystring: s.agentClientQuery } }, clients.addClient);
  app.delete<{ Querystring: { agent?: string; client?: string } }>('/enduser/systemuser/clients',
    { onRequest: clientsWrite, preValidation: agentClientQuery, schema: { querystring: s.agentClientQuery } }, clients.removeClient);
  app.get<{ Querystring: { party: string } }>('/enduser/systemuser/agents',
    { onRequest: clientsRead, preValidation: aspNetInput({ querystring: s.agentsQuery }), schema: { querystring: s.agentsQuery } }, clients.listAgents);
}
