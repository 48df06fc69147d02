// Every route of the portal in one table, relative to /portal. Pages are GETs; every state-changing
// form is a POST that passes the CSRF check (preValidation, so a missing token is a 403 whatever the
// body holds) before anything else runs.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Assets } from './assets.ts';
import { clientHandlers } from './clients.ts';
import { connectionHandlers } from './connections.ts';
import type { PortalContext } from './context.ts';
import { loginHandlers } from './login.ts';
import { requestHandlers, type RequestKind } from './requests.ts';
import * as s from './schemas.ts';
import { NotFound } from '../../platform/errors.ts';

export async function portalRoutes(app: FastifyInstance, ctx: PortalContext, assets: Assets): Promise<void> {
  const csrf = app.csrfProtection;
  const login = loginHandlers(ctx);
  const connections = connectionHandlers(ctx);
  const clients = clientHandlers(ctx);

  // ---- Stylesheets (Designsystemet) ----
  app.get<{ Params: { file: string } }>('/assets/:file', { schema: { params: s.assetParams } },
    async function asset(request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) {
      const css = assets.get(request.params.file);
      if (css === undefined) throw new NotFound(`No asset ${request.params.file}.`);
      return reply.header('cache-control', 'public, max-age=3600').type('text/css; charset=utf-8').send(css);
    });

  // ---- Test login (standing in for ID-porten) ----
  app.get('/', login.start);
  // TT02 has no test login (docs/platform-surface.md, TT02 look-alike).
  if (!ctx.config.tt02) {
    app.get<{ Querystring: { returnTo?: string } }>('/login', { schema: { querystring: s.loginQuery } }, login.loginPage);
    app.post<{ Body: s.LoginBody }>('/login', { preValidation: csrf, schema: { body: s.loginBody } }, login.login);
  }
  app.post('/logout', { preValidation: csrf, schema: { body: s.csrfOnlyBody } }, login.logout);

  // ---- confirmUrl pages: standard and agent system user requests (docs/contracts/altinn-authentication.md §3.1, §3.5)
  // and change requests on standard system users (docs/contracts/change-requests.md §3) ----
  for (const [kind, page] of [['standard', 'request'], ['agent', 'agentrequest'], ['change', 'changerequest']] as Array<[RequestKind, string]>) {
    const h = requestHandlers(ctx, kind);
    const base = `/accessmanagement/ui/systemuser/${page}`;
    app.get<{ Querystring: { id: string } }>(base, { schema: { querystring: s.requestPageQuery } }, h.show);
    app.get<{ Querystring: { id: string } }>(`${base}/receipt`, { schema: { querystring: s.requestPageQuery } }, h.receipt);
    app.post<{ Body: s.RequestActionBody }>(`${base}/approve`, { preValidation: csrf, schema: { body: s.requestActionBody } }, h.approve);
    app.post<{ Body: s.RequestActionBody }>(`${base}/reject`, { preValidation: csrf, schema: { body: s.requestActionBody } }, h.reject);
  }

  // ---- A customer grants access packages to an accountant organisation (docs/contracts/altinn-authorization.md §5) ----
  app.get<{ Querystring: s.PartyQuery }>('/accessmanagement/ui/connections',
    { schema: { querystring: s.partyQuery } }, connections.show);
  app.post<{ Querystring: s.PartyQuery; Body: s.GrantBody }>('/accessmanagement/ui/connections',
    { preValidation: csrf, schema: { querystring: s.partyQuery, body: s.grantBody } }, connections.grant);
  app.post<{ Querystring: s.PartyQuery; Body: s.RevokeBody }>('/accessmanagement/ui/connections/remove',
    { preValidation: csrf, schema: { querystring: s.partyQuery, body: s.revokeBody } }, connections.revoke);

  // ---- An accountant's client administrator adds and removes clients (docs/contracts/altinn-authorization.md §4.2) ----
  const clientsPath = '/accessmanagement/ui/systemuser/:systemUserId/clients';
  app.get<{ Params: { systemUserId: string }; Querystring: s.PartyQuery; Body: unknown }>(clientsPath,
    { schema: { params: s.systemUserParams, querystring: s.partyQuery } }, clients.show);
  app.post<{ Params: { systemUserId: string }; Querystring: s.PartyQuery; Body: s.ClientBody }>(`${clientsPath}/add`,
    { preValidation: csrf, schema: { params: s.systemUserParams, querystring: s.partyQuery, body: s.clientBody } }, clients.add);
  app.post<{ Params: { systemUserId: string }; Querystring: s.PartyQuery; Body: s.ClientOrgNoBody }>(`${clientsPath}/add-orgno`,
    { preValidation: csrf, schema: { params: s.systemUserParams, querystring: s.partyQuery, body: s.clientOrgNoBody } }, clients.addByOrgNo);
  app.post<{ Params: { systemUserId: string }; Querystring: s.PartyQuery; Body: s.ClientBody }>(`${clientsPath}/remove`,
    { preValidation: csrf, schema: { params: s.systemUserParams, querystring: s.partyQuery, body: s.clientBody } }, clients.remove);
}
