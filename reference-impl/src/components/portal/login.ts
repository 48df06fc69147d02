// Test login, standing in for ID-porten: the person types a synthetic national identity number, the
// portal logs in through the ID-porten stand-in's test login (docs/samsvar-apis.md §2) and keeps the
// token in the portal's session store (the cookie holds only the session id). Also the start page and logout.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, currentPerson, sendPage, type PortalContext } from './context.ts';
import { html } from './html.ts';
import { csrfField, page } from './layout.ts';
import { explain, reference } from './messages.ts';
import { PlatformClient, type ApiProblem } from './platform-client.ts';
import type { LoginBody } from './schemas.ts';
import { endSession, LOGIN_SCOPE, portalUrl, safeReturnTo, startSession } from './session.ts';

interface TestLoginResponse {
  access_token: string;
  expires_in: number;
}

function loginForm(token: string, returnTo: string, pid = '', problem?: ApiProblem) {
  const error = problem ? html`<p class="ds-validation-message" data-field="validation" id="pid-feil" data-color="danger">${explain(problem)} <span class="portal-muted">(${reference(problem)})</span></p>` : '';
  return html`<p class="ds-paragraph">Dette er en testinnlogging som står i stedet for ID-porten. Skriv inn fødselsnummeret til en syntetisk testperson.</p>
<form method="post" action="/portal/login" class="portal-form" novalidate>
  ${csrfField(token)}
  <input type="hidden" name="returnTo" value="${returnTo}">
  <div class="ds-field">
    <label class="ds-label" for="pid">Fødselsnummer</label>
    <p class="ds-paragraph" data-field="description" id="pid-beskrivelse" data-size="sm">Syntetisk fødselsnummer med 11 siffer.</p>
    <input class="ds-input" id="pid" name="pid" type="text" inputmode="numeric" autocomplete="off" value="${pid}"
      aria-describedby="pid-beskrivelse${problem ? ' pid-feil' : ''}"${problem ? html` aria-invalid="true"` : ''}>
    ${error}
  </div>
  <button type="submit" class="ds-button" data-variant="primary">Logg inn</button>
</form>`;
}

export function loginHandlers(ctx: PortalContext) {
  return {
    /** GET /portal: who is logged in, and where the pages are. */
    async start(request: FastifyRequest, reply: FastifyReply) {
      const person = await currentPerson(ctx, request, reply);
      const body = person
        ? html`<p class="ds-paragraph">Du er logget inn. Sidene i portalen åpnes fra lenkene systemleverandører og Altinn sender deg, for eksempel lenken for å godkjenne en forespørsel om systembruker.</p>`
        : html`<p class="ds-paragraph">Du er ikke logget inn.</p><p class="ds-paragraph"><a class="ds-link" href="/portal/login">Logg inn</a></p>`;
      return sendPage(reply, 200, page({ title: 'Samsvar testportal', user: person?.user, body }));
    },

    /** GET /portal/login[?returnTo=]: the form; nothing secret is listed. */
    async loginPage(request: FastifyRequest<{ Querystring: { returnTo?: string } }>, reply: FastifyReply) {
      const returnTo = safeReturnTo(request.query.returnTo);
      return sendPage(reply, 200, page({ title: 'Logg inn', body: loginForm(csrfToken(ctx, reply), returnTo) }));
    },

    /** POST /portal/login: log in through the ID-porten stand-in, keep the token, go back to returnTo. */
    async login(request: FastifyRequest<{ Body: LoginBody }>, reply: FastifyReply) {
      const pid = request.body.pid.trim();
      const returnTo = safeReturnTo(request.body.returnTo);
      const res = await new PlatformClient(ctx.app, undefined).post<TestLoginResponse>('/idporten/api/v1/testlogin', {}, { pid, scope: LOGIN_SCOPE });
      if (res.problem) {
        const status = res.status === 404 ? 404 : 400;
        return sendPage(reply, status, page({ title: 'Logg inn', body: loginForm(csrfToken(ctx, reply), returnTo, pid, res.problem) }));
      }
      startSession(request, reply, ctx.config, ctx.sessions, { token: res.body.access_token, pid }, res.body.expires_in);
      return reply.redirect(portalUrl(ctx.config, returnTo), 303);
    },

    /** POST /portal/logout: forget the session. */
    async logout(request: FastifyRequest, reply: FastifyReply) {
      endSession(request, reply, ctx.config, ctx.sessions);
      return reply.redirect(portalUrl(ctx.config, '/portal/login'), 303);
    },
  };
}
