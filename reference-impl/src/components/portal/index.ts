// The end-user portal (prefix /portal): server-rendered Norwegian pages styled with Designsystemet,
// standing in for Altinn's access management portal. It is a BFF: every page calls the platform's own
// end-user APIs in-process with the logged-in person's token (platform-client.ts), so every rule lives
// in the API and the page explains the API's refusals. Its only state: the session store (session id →
// the person's token, session.ts), the session cookie (the id) and the CSRF secret cookie, both signed
// with a secret made per app instance.

import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { NotFound } from '../../platform/errors.ts';
import { loadAssets } from './assets.ts';
import { sendPage } from './context.ts';
import { html } from './html.ts';
import { alert, page } from './layout.ts';
import { portalRoutes } from './routes.ts';
import { COOKIE_PATH, CSRF_COOKIE, SessionStore } from './session.ts';

/** Headers on every portal response: no framing (approve buttons must not be clickjacked), no sniffing. */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' https:; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** A browser asks for HTML; API clients and tests that do not get the platform's problem shape. */
function wantsHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/.test(String(request.headers.accept ?? ''));
}

function errorPage(status: number, error: FastifyError): { title: string; text: string } {
  if (error.code === 'FST_CSRF_MISSING_SECRET' || error.code === 'FST_CSRF_INVALID_TOKEN') {
    return { title: 'Skjemaet kunne ikke sendes', text: 'Skjemaet er utløpt eller kom fra et annet nettsted. Gå tilbake, last inn siden på nytt og prøv igjen.' };
  }
  if (status === 404) return { title: 'Fant ikke siden', text: 'Siden finnes ikke. Sjekk at lenken er riktig.' };
  if (status >= 500) return { title: 'Noe gikk galt', text: 'Portalen kunne ikke vise siden. Prøv igjen senere.' };
  return { title: 'Ugyldig forespørsel', text: 'Lenken eller skjemaet mangler opplysninger eller har ugyldige verdier.' };
}

/**
 * Errors of the portal's own routes (a missing CSRF token, a malformed query, an unknown page): an HTML
 * page for a browser; for anyone else the root error handler answers in the platform's problem shape.
 */
function installPortalErrors(app: FastifyInstance): void {
  app.setErrorHandler(function portalError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (!wantsHtml(request)) throw error;
    const status = error.validation ? 400 : typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : (error as { status?: number }).status ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'portal page failed');
    const { title, text } = errorPage(status, error);
    return sendPage(reply, status, page({ title, body: alert('danger', title, html`<p class="ds-paragraph">${text}</p>`) }));
  });
  app.setNotFoundHandler(function portalNotFound(request: FastifyRequest) {
    throw new NotFound(`No route for ${request.method} ${request.url.split('?')[0]}`);
  });
}

export async function portalComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  await app.register(fastifyCookie, { secret: randomBytes(32).toString('base64url') });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: COOKIE_PATH, sameSite: 'lax', httpOnly: true, signed: true },
  });
  installPortalErrors(app);
  app.addHook('onSend', async function securityHeaders(_request: FastifyRequest, reply: FastifyReply) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });
  await portalRoutes(app, { ...opts, app, sessions: new SessionStore() }, await loadAssets());
}
