// What every portal handler works with: the component options, the plugin's instance (for in-process
// API calls, see platform-client.ts), and the logged-in person.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { Html } from './html.ts';
import type { PageUser } from './layout.ts';
import { PlatformClient } from './platform-client.ts';
import { cookieOptions, readSession, type Session, type SessionStore } from './session.ts';

export interface PortalContext extends ComponentOptions {
  app: FastifyInstance;
  /** The portal's sessions (session.ts): the cookie holds only a session id. */
  sessions: SessionStore;
}

/** A logged-in person: the session, an API client holding their token, and what the header shows. */
export interface Person {
  session: Session;
  api: PlatformClient;
  user: PageUser;
}

/** A CSRF token for the forms of this response (sets the secret cookie the first time). */
export function csrfToken(ctx: PortalContext, reply: FastifyReply): string {
  return reply.generateCsrf(cookieOptions(ctx.config));
}

/** The logged-in person, or undefined when there is no valid session. */
export async function currentPerson(ctx: PortalContext, request: FastifyRequest, reply: FastifyReply): Promise<Person | undefined> {
  const session = await readSession(request, ctx.sessions, ctx.issuers);
  if (!session) return undefined;
  // The person's name is display data; the register service is the register component's own seam.
  const name = ctx.services.register.person(session.pid)?.name ?? session.pid;
  return { session, api: new PlatformClient(ctx.app, session.token), user: { name, csrfToken: csrfToken(ctx, reply) } };
}

/** Sends a page: HTML, never cached (it holds a CSRF token and personal data). */
export function sendPage(reply: FastifyReply, status: number, body: Html): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body.value);
}
