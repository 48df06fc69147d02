// The portal session: an opaque random session id in one signed, HttpOnly, SameSite=Lax cookie (Secure
// when the public URL is https); the person's token stays on the server, in the portal's session store,
// and never goes to the browser, so a cookie is no bearer token on any API. A session ends at logout
// (removed from the store, so the old cookie opens nothing) and when the person's token expires (its
// `exp`: the session lives exactly as long as the token, no idle timeout). The CSRF secret cookie is
// dropped at login and at logout, so the next page makes a new secret and a form token from before no
// longer passes. The cookie secret and the store are made per app instance (index.ts).

import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { ReferenceConfig } from '../../config.ts';
import { faultActive } from '../../faults.ts';
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

interface StoredSession extends Session {
  /** Epoch ms when the person's token expires: the session ends then. */
  expiresAt: number;
}

/** The portal's sessions, by session id (the cookie's value). In memory, per app instance. */
export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  /** A new session for the person's token; returns its id (32 random bytes, base64url). */
  create(session: Session, expiresInSeconds: number): string {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { ...session, expiresAt: Date.now() + expiresInSeconds * 1000 });
    return id;
  }

  /** The live session with this id, or undefined (unknown, ended or expired: an expired one is removed). */
  get(id: string): Session | undefined {
    const stored = this.sessions.get(id);
    if (!stored) return undefined;
    if (stored.expiresAt <= Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return { token: stored.token, pid: stored.pid };
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  /** Drops expired sessions (on every login, so the store holds only live ones and a few stale). */
  private sweep(): void {
    const now = Date.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}

/** The session id in this request's cookie, when the cookie is there and its signature holds. */
function sessionId(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** The verified session of this request, or undefined (no cookie, bad signature, no such session, expired token). */
export async function readSession(request: FastifyRequest, sessions: SessionStore, issuers: TokenIssuers): Promise<Session | undefined> {
  const id = sessionId(request);
  const session = id === undefined ? undefined : sessions.get(id);
  if (!session) return undefined;
  try {
    // The token is checked again on every request (signature, issuer, expiry), as an API would.
    const verified = await issuers.verify(session.token, ['idporten']);
    return verified.claims.pid === session.pid ? session : undefined;
  } catch {
    return undefined;
  }
}

/** A new session for the person (any session of this browser ends first) and a new CSRF secret. */
export function startSession(request: FastifyRequest, reply: FastifyReply, config: ReferenceConfig, sessions: SessionStore, session: Session, expiresIn: number): void {
  const old = sessionId(request);
  if (old !== undefined) sessions.end(old);
  const id = sessions.create(session, expiresIn);
  reply.setCookie(SESSION_COOKIE, id, cookieOptions(config, expiresIn));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(config));
}

/** Ends the session on the server, clears its cookie and drops the CSRF secret. */
export function endSession(request: FastifyRequest, reply: FastifyReply, config: ReferenceConfig, sessions: SessionStore): void {
  const id = sessionId(request);
  // Fault portal-utlogging-beholder-sesjon (selfcheck): only the cookie is cleared; the session lives on.
  if (id !== undefined && !faultActive(config, 'portal-utlogging-beholder-sesjon')) sessions.end(id);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(config));
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
