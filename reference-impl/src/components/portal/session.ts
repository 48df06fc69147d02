// The portal session: one signed, HttpOnly, SameSite=Lax cookie holding the person's token from the
// ID-porten stand-in. The cookie secret is made per app instance (index.ts), so a cookie from one
// instance means nothing to another. The token is verified on every request (signature, issuer, expiry).

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { ReferenceConfig } from '../../config.ts';
import type { TokenIssuers } from '../../platform/tokens.ts';

export const SESSION_COOKIE = 'samsvar_portal_session';
export const CSRF_COOKIE = 'samsvar_portal_csrf';
export const COOKIE_PATH = '/portal';

/** What the portal asks the ID-porten stand-in for: the end-user portal and client delegation. */
export const LOGIN_SCOPE = 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write';

/** Cookie options; `Secure` whenever the public URL is https (read at request time). */
export function cookieOptions(config: ReferenceConfig, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    signed: true,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export interface Session {
  token: string;
  pid: string;
}

/** The verified session of this request, or undefined (no cookie, bad signature, expired token). */
export async function readSession(request: FastifyRequest, issuers: TokenIssuers): Promise<Session | undefined> {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const verified = await issuers.verify(unsigned.value, ['idporten']);
    const pid = verified.claims.pid;
    return typeof pid === 'string' ? { token: unsigned.value, pid } : undefined;
  } catch {
    return undefined;
  }
}

export function startSession(reply: FastifyReply, config: ReferenceConfig, token: string, expiresIn: number): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, expiresIn));
}

export function endSession(reply: FastifyReply, config: ReferenceConfig): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}

/**
 * `returnTo` may only be a same-origin relative path inside the portal: it starts with `/portal/`
 * (or is `/portal`), has no scheme, no `//` or backslash that a browser would read as another host,
 * and no control characters. Anything else falls back to the portal's start page.
 */
export function safeReturnTo(value: unknown): string {
  const fallback = '/portal';
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!(value === '/portal' || value.startsWith('/portal/') || value.startsWith('/portal?'))) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.includes('//')) return fallback;
  const base = 'http://portal.invalid';
  const parsed = new URL(value, base);
  if (parsed.origin !== base) return fallback;
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The request's `redirectUrl` was already matched by the API against the system's allowed URLs; the
 * portal checks again, before sending the browser there, that it is an absolute https URL without
 * credentials. Anything else gives undefined and the receipt page is shown instead.
 */
export function safeRedirectUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return undefined;
  return parsed.href;
}

/** An absolute URL on this portal, from the configured public base URL (never from the Host header). */
export function portalUrl(config: ReferenceConfig, pathAndQuery: string): string {
  return `${config.publicUrl}${pathAndQuery}`;
}

/** 303 to the login page, coming back to `returnTo` afterwards. */
export function redirectToLogin(reply: FastifyReply, config: ReferenceConfig, returnTo: string): FastifyReply {
  const qs = new URLSearchParams({ returnTo: safeReturnTo(returnTo) }).toString();
  return reply.redirect(portalUrl(config, `/portal/login?${qs}`), 303);
}
