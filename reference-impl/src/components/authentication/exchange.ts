// Token exchange and Altinn's OIDC discovery (docs/contracts/platform-behaviour.md §4). The iat, exp
// and nbf of the original token are not carried over: the platform sets its own. The discovery
// document names the exchange as its token endpoint (the reference has no Altinn login of its own).
//
// GET exchange/{tokenProvider} turns a Maskinporten token (or an ID-porten stand-in token) into an
// Altinn token signed by the platform key, which is published under openid/.well-known/. The
// exchanged token is verified by the one bearer-token path of platform/tokens.ts, so every API
// that accepts the provider's token accepts the exchanged one too.

import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JWTPayload } from 'jose';
import { Forbidden, PlainProblem, Unauthorized } from '../../platform/errors.ts';
import { AUTHENTICATE_METHOD_CLAIM, consumerOrgNo, scopesOf, type VerifiedToken } from '../../platform/tokens.ts';
import type { AuthContext } from './context.ts';

/** `JwtValidityMinutes` (30) of Altinn's appsettings: the lifetime of an exchanged Maskinporten token. */
export const EXCHANGED_TOKEN_LIFETIME_SECONDS = 30 * 60;

/** The claims Altinn removes from a Maskinporten token before it signs its own (§4). */
const MASKINPORTEN_DROPPED = ['aud', 'iss', 'client_amr', 'sid', 'iat', 'exp', 'nbf'];
/** The claims Altinn removes from an ID-porten token (§4). */
const IDPORTEN_DROPPED = ['aud', 'iss', 'at_hash', 'sid', 'sub', 'iat', 'exp', 'nbf'];

/** ID-porten's acr values → Altinn's authentication level (§4). */
const AUTH_LEVEL: Record<string, number> = { 'idporten-loa-low': 0, 'idporten-loa-substantial': 3, 'idporten-loa-high': 4 };

const PROVIDERS = ['maskinporten', 'id-porten', 'altinnstudio'] as const;

export type ExchangeRequest = FastifyRequest<{ Params: { tokenProvider: string }; Querystring: { test?: string } }>;

/** Altinn answers a bare 401 for every refused token; the reference gives it the ASP.NET problem shape. */
function refused(why: string): Unauthorized {
  return new Unauthorized(`The token cannot be exchanged: ${why}`);
}

/** The bearer token: `Bearer ` (any casing) and the rest, trimmed (§4). */
function bearerOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const token = typeof header === 'string' && /^bearer /i.test(header) ? header.slice('Bearer '.length).trim() : '';
  if (token === '') throw refused('no bearer token.');
  // _validator.CanReadToken: three dot-separated parts.
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token)) throw refused('the bearer token is not a JWT.');
  return token;
}

function without(claims: JWTPayload, dropped: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...claims };
  for (const name of dropped) delete out[name];
  return out;
}

/** `Ok(string)`: text/plain, unless the client asks for JSON, which gets a JSON string (§4). */
function sendToken(request: FastifyRequest, reply: FastifyReply, token: string) {
  const accept = String(request.headers.accept ?? '');
  if (/application\/json/i.test(accept) && !/text\/plain/i.test(accept)) {
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(token));
  }
  return reply.type('text/plain; charset=utf-8').send(token);
}

export function exchangeHandlers(ctx: AuthContext) {
  /** The org code of a service owner (an org that owns resources), for `urn:altinn:org` (§4). */
  function serviceOwnerCode(orgNo: string, test: boolean): string | undefined {
    const owner = ctx.services.resources.all().find((r) => r.hasCompetentAuthority.organization === orgNo);
    const code = owner?.hasCompetentAuthority.orgcode.toLowerCase();
    return code === 'digdir' && test ? 'ttd' : code;
  }

  async function verifiedAs(token: string, which: 'maskinporten' | 'idporten'): Promise<VerifiedToken> {
    try {
      return await ctx.issuers.verify(token, [which], { exchanged: false });
    } catch {
      throw refused(`the token is not a valid ${which === 'maskinporten' ? 'Maskinporten' : 'ID-porten'} token (signature, issuer or expiry).`);
    }
  }

  async function fromMaskinporten(token: string, test: boolean): Promise<string> {
    const verified = await verifiedAs(token, 'maskinporten');
    const orgNo = consumerOrgNo(verified);
    if (!orgNo) throw refused('the consumer claim is missing or not an ISO 6523 organisation number.');
    const claims = without(verified.claims, MASKINPORTEN_DROPPED);
    if (scopesOf(verified).some((s) => s.includes('altinn:serviceowner'))) {
      const org = serviceOwnerCode(orgNo, test);
      if (org) claims['urn:altinn:org'] = org;
    }
    claims['urn:altinn:orgNumber'] = orgNo;
    claims[AUTHENTICATE_METHOD_CLAIM] = 'maskinporten';
    claims['urn:altinn:authlevel'] = 3;
    return ctx.issuers.sign('altinn', { ...claims, sid: randomUUID(), nbf: Math.floor(Date.now() / 1000) }, EXCHANGED_TOKEN_LIFETIME_SECONDS);
  }

  async function fromIdporten(token: string): Promise<string> {
    const verified = await verifiedAs(token, 'idporten');
    const claims = verified.claims;
    if (!scopesOf(verified).some((s) => s.startsWith('altinn:'))) throw new Forbidden('The ID-porten token has no altinn: scope.');
    const pid = claims.pid;
    const acr = claims.acr;
    if (typeof pid !== 'string' || pid === '' || typeof acr !== 'string' || acr === '') throw refused('the token has no pid or acr claim.');
    const person = ctx.services.register.person(pid);
    if (!person) throw refused('the person is not in Register.');
    const amr = Array.isArray(claims.amr) ? String(claims.amr[0] ?? '') : typeof claims.amr === 'string' ? claims.amr : '';
    const now = Math.floor(Date.now() / 1000);
    const exp = typeof claims.exp === 'number' ? claims.exp : now;
    const out = {
      ...without(claims, IDPORTEN_DROPPED),
      // The reference has no Altinn user ids: the person's party id stands in for the user id.
      nameid: String(person.partyId),
      'urn:altinn:userid': String(person.partyId),
      'urn:altinn:username': '',
      'urn:altinn:partyid': person.partyId,
      'urn:altinn:party:uuid': person.partyUuid,
      [AUTHENTICATE_METHOD_CLAIM]: amr === '' ? 'NotDefined' : amr,
      'urn:altinn:authlevel': AUTH_LEVEL[acr] ?? Number(acr.slice(-1)),
      sid: randomUUID(),
      nbf: now,
    };
    // It expires when the ID-porten token does.
    return ctx.issuers.sign('altinn', out, Math.max(exp - now, 1), now);
  }

  return {
    /** GET exchange/{tokenProvider}[?test=true] (§4). */
    async exchange(request: ExchangeRequest, reply: FastifyReply) {
      const token = bearerOf(request);
      const provider = request.params.tokenProvider.toLowerCase();
      if (!(PROVIDERS as readonly string[]).includes(provider)) {
        throw new PlainProblem(400, 'Bad Request',
          `Invalid token provider: ${request.params.tokenProvider}. Trusted token providers are 'Maskinporten', 'Id-porten' and 'AltinnStudio'.`);
      }
      if (provider === 'altinnstudio') throw refused('the reference has no Altinn Studio designer keys.');
      const test = String(request.query.test ?? '').toLowerCase() === 'true';
      const exchanged = provider === 'maskinporten' ? await fromMaskinporten(token, test) : await fromIdporten(token);
      return sendToken(request, reply, exchanged);
    },

    /** GET openid/.well-known/openid-configuration (§4). */
    async openidConfiguration() {
      const issuer = ctx.issuers.issuer('altinn');
      return {
        issuer,
        token_endpoint: `${ctx.config.publicUrl}/authentication/api/v1/exchange/maskinporten`,
        jwks_uri: `${issuer}.well-known/openid-configuration/jwks`,
        response_types_supported: ['token'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      };
    },

    /** GET openid/.well-known/openid-configuration/jwks (§4). */
    async jwks() {
      return ctx.issuers.jwks('altinn');
    },
  };
}
