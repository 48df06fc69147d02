// Signing keys of the token issuers (Maskinporten and ID-porten stand-ins, and Altinn's own OIDC
// issuer, which signs exchanged tokens) and the verification every protected route uses.
// Verification follows what Altinn and API providers do with a Maskinporten token: signature
// against the issuer's JWKS, issuer, expiry, and the scope claim. An Altinn token exchanged from a
// Maskinporten or ID-porten token (docs/contracts/platform-behaviour.md §4) verifies against the
// platform key and counts as a token of the identity provider it was exchanged from.

import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { Forbidden, Unauthorized } from './errors.ts';
import { faultActive, type FaultConfig } from '../faults.ts';
import { faultyVerification } from './faulty-tokens.ts';

/** The identity providers: who authenticated the caller, and so which claims the token carries. */
export type Issuer = 'maskinporten' | 'idporten';
/** Every key the reference signs with: the identity providers and Altinn's own OIDC issuer. */
export type SigningIssuer = Issuer | 'altinn';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TokenConfig extends FaultConfig {
  /** Public base URL of the reference implementation, no trailing slash. */
  publicUrl: string;
}

/** The claims the platform reads from a Maskinporten token (docs/contracts/altinn-authentication.md §6.3). */
export interface MaskinportenClaims extends JWTPayload {
  client_id: string;
  scope: string;
  consumer: { authority: string; ID: string };
  authorization_details?: Array<{
    type: string;
    systemuser_id?: string[];
    systemuser_org?: { authority: string; ID?: string; id?: string };
    system_id?: string;
  }>;
}

/** The claims of an ID-porten stand-in token for a synthetic person. */
export interface PersonClaims extends JWTPayload {
  pid: string;
  scope: string;
}

/**
 * A verified token. `issuer` is the identity provider; `exchanged` is set when the token is an
 * Altinn token exchanged from that provider's token (signed by the platform key, `iss` Altinn's).
 */
export type VerifiedToken =
  | { issuer: 'maskinporten'; claims: MaskinportenClaims; token: string; exchanged?: true }
  | { issuer: 'idporten'; claims: PersonClaims; token: string; exchanged?: true };

export interface VerifyOptions {
  /** Accept Altinn tokens exchanged from an accepted provider's token (default true). */
  exchanged?: boolean;
  /**
   * Accept the identity provider's own tokens (default true). False: only Altinn tokens exchanged from
   * them, as TT02's PDP and broker behind API Management (docs/contracts/tt02.md §4).
   */
  raw?: boolean;
}

/** The claim that names how an Altinn token's subject authenticated (docs/contracts/platform-behaviour.md §4). */
export const AUTHENTICATE_METHOD_CLAIM = 'urn:altinn:authenticatemethod';

declare module 'fastify' {
  interface FastifyRequest {
    auth: VerifiedToken | null;
  }
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export class TokenIssuers {
  /** One key set per issuer, made once: jose caches the imported keys inside it. */
  private readonly keySets: Record<SigningIssuer, ReturnType<typeof createLocalJWKSet>>;

  private constructor(
    readonly config: TokenConfig,
    private readonly keys: Record<SigningIssuer, SigningKey>,
  ) {
    this.keySets = {
      maskinporten: createLocalJWKSet(this.jwks('maskinporten')),
      idporten: createLocalJWKSet(this.jwks('idporten')),
      altinn: createLocalJWKSet(this.jwks('altinn')),
    };
  }

  static async create(config: TokenConfig): Promise<TokenIssuers> {
    // RSA key generation runs in libuv's thread pool: make the keys at once.
    const [maskinporten, idporten, altinn] = await Promise.all([newKey(), newKey(), newKey()]);
    return new TokenIssuers(config, { maskinporten, idporten, altinn });
  }

  /**
   * Issuer identifier, as put in `iss` and in the metadata. Maskinporten's ends with a slash, and so
   * does Altinn's OIDC issuer (`.../authentication/api/v1/openid/`, docs/contracts/platform-behaviour.md §4).
   */
  issuer(which: SigningIssuer): string {
    if (which === 'altinn') return `${this.config.publicUrl}/authentication/api/v1/openid/`;
    return which === 'maskinporten' ? `${this.config.publicUrl}/maskinporten/` : `${this.config.publicUrl}/idporten`;
  }

  jwks(which: SigningIssuer): { keys: JWK[] } {
    return { keys: [this.keys[which].publicJwk] };
  }

  /** Sign claims as the given issuer. `iss`, `iat` and `jti` are set here; the caller sets `exp` (or lifetime). */
  async sign(which: SigningIssuer, claims: JWTPayload, lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)): Promise<string> {
    const key = this.keys[which];
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer(which))
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .setJti(claims.jti ?? randomUUID())
      .sign(key.privateKey);
  }

  /**
   * Tokens whose signature and issuer were verified, until they expire: a client presents the same
   * token for many calls, and an RSA verification per call would dominate a busy API. Expiry is
   * checked again on every use; the cache is bounded.
   */
  private readonly verified = new Map<string, VerifiedToken>();
  private static readonly VERIFIED_LIMIT = 10_000;

  /**
   * Verify a bearer token from an accepted issuer: signature, issuer, expiry (no clock tolerance
   * beyond 5 s). An Altinn token exchanged from an accepted provider's token is accepted too, unless
   * `options.exchanged` is false.
   */
  async verify(token: string, accept: Issuer[], options: VerifyOptions = {}): Promise<VerifiedToken> {
    const allowExchanged = options.exchanged ?? true;
    const allowRaw = options.raw ?? true;
    // Faults of the attack battery (faulty-tokens.ts, only with --fault): each skips one check.
    if ((this.config.faults?.size ?? 0) > 0) {
      const faulty = await faultyVerification(this.config, token, accept, (which) => this.issuer(which), (which) => this.keySets[which]);
      if (faulty) return faulty;
    }
    const cached = this.verified.get(token);
    if (cached && accept.includes(cached.issuer) && (allowExchanged || !cached.exchanged) && (allowRaw || cached.exchanged)) {
      if (typeof cached.claims.exp === 'number' && cached.claims.exp + 5 > Date.now() / 1000) return cached;
      this.verified.delete(token);
    }
    const fresh = await this.verifyUncached(token, allowRaw ? accept : [], allowExchanged, accept);
    if (this.verified.size >= TokenIssuers.VERIFIED_LIMIT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, fresh);
    return fresh;
  }

  /** `raw`: the providers whose own tokens are accepted; `accept`: those whose exchanged tokens are. */
  private async verifyUncached(token: string, raw: Issuer[], allowExchanged: boolean, accept: Issuer[]): Promise<VerifiedToken> {
    for (const which of raw) {
      try {
        const { payload } = await jwtVerify(token, this.keySets[which], {
          issuer: this.issuer(which),
          algorithms: ['RS256'],
          clockTolerance: 5,
          requiredClaims: ['exp', 'iat'],
        });
        if (which === 'maskinporten') return { issuer: which, claims: payload as MaskinportenClaims, token };
        return { issuer: which, claims: payload as PersonClaims, token };
      } catch {
        // try the next accepted issuer
      }
    }
    if (allowExchanged) {
      const exchanged = await this.verifyExchanged(token);
      if (exchanged && accept.includes(exchanged.issuer)) return exchanged;
    }
    throw new Unauthorized('The bearer token is missing, malformed, expired, or not issued by a trusted issuer.');
  }

  /**
   * An Altinn token, signed by the platform key with Altinn's issuer, classified by the provider it
   * was exchanged from: `urn:altinn:authenticatemethod` = maskinporten with a `consumer` claim is an
   * enterprise token, a `pid` claim a person's (docs/contracts/platform-behaviour.md §4).
   */
  private async verifyExchanged(token: string): Promise<VerifiedToken | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySets.altinn, {
        issuer: this.issuer('altinn'),
        algorithms: ['RS256'],
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch {
      return undefined;
    }
    if (payload[AUTHENTICATE_METHOD_CLAIM] === 'maskinporten' && typeof payload.consumer === 'object' && payload.consumer !== null) {
      return { issuer: 'maskinporten', claims: payload as MaskinportenClaims, token, exchanged: true };
    }
    if (typeof payload.pid === 'string') return { issuer: 'idporten', claims: payload as PersonClaims, token, exchanged: true };
    return undefined;
  }
}

export function scopesOf(token: VerifiedToken): string[] {
  return typeof token.claims.scope === 'string' ? token.claims.scope.split(' ').filter(Boolean) : [];
}

export interface BearerOptions {
  accept: Issuer[];
  /** The token must carry at least one of these scopes (docs/contracts/altinn-authentication.md §0). Empty: no scope check. */
  anyScope: string[];
  /** Only Altinn tokens exchanged from an accepted provider's token (VerifyOptions.raw false). */
  exchangedOnly?: boolean;
}

/**
 * A preHandler that requires a valid bearer token: 401 when it is missing or invalid, 403 when it lacks
 * every accepted scope. The verified token is put on `request.auth`.
 */
export function requireBearer(issuers: TokenIssuers, options: BearerOptions) {
  return async function bearer(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new Unauthorized('A bearer token is required.');
    const verified = await issuers.verify(match[1], options.accept, options.exchangedOnly ? { raw: false } : {});
    // Fault plattform-ignorer-scope: the scope is not checked.
    if (options.anyScope.length > 0 && !faultActive(issuers.config, 'plattform-ignorer-scope')) {
      const held = scopesOf(verified);
      if (!options.anyScope.some((s) => held.includes(s))) {
        throw new Forbidden(`The token lacks the required scope (one of: ${options.anyScope.join(', ')}).`);
      }
    }
    request.auth = verified;
  };
}

/** The vendor org number from a Maskinporten token's `consumer` claim (docs/contracts/altinn-authentication.md §0), or undefined. */
export function consumerOrgNo(token: VerifiedToken | null): string | undefined {
  if (!token || token.issuer !== 'maskinporten') return undefined;
  const consumer = token.claims.consumer as unknown;
  if (!consumer || typeof consumer !== 'object') return undefined;
  const { authority, ID } = consumer as Record<string, unknown>;
  if (authority !== 'iso6523-actorid-upis' || typeof ID !== 'string') return undefined;
  const m = /^0192:(\d{9})$/.exec(ID);
  return m?.[1];
}
