// Signing keys of the token issuers (Maskinporten and ID-porten stand-ins) and the verification
// every protected route uses. Verification follows what Altinn and API providers do with a
// Maskinporten token: signature against the issuer's JWKS, issuer, expiry, and the scope claim.

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

export type Issuer = 'maskinporten' | 'idporten';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TokenConfig extends FaultConfig {
  /** Public base URL of the reference implementation, no trailing slash. */
  publicUrl: string;
}

/** The claims the platform reads from a Maskinporten token (contracts authentication §6.3). */
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

export type VerifiedToken =
  | { issuer: 'maskinporten'; claims: MaskinportenClaims; token: string }
  | { issuer: 'idporten'; claims: PersonClaims; token: string };

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
  private readonly keySets: Record<Issuer, ReturnType<typeof createLocalJWKSet>>;

  private constructor(
    readonly config: TokenConfig,
    private readonly keys: Record<Issuer, SigningKey>,
  ) {
    this.keySets = {
      maskinporten: createLocalJWKSet(this.jwks('maskinporten')),
      idporten: createLocalJWKSet(this.jwks('idporten')),
    };
  }

  static async create(config: TokenConfig): Promise<TokenIssuers> {
    // RSA key generation runs in libuv's thread pool: make both keys at once.
    const [maskinporten, idporten] = await Promise.all([newKey(), newKey()]);
    return new TokenIssuers(config, { maskinporten, idporten });
  }

  /** Issuer identifier, as put in `iss` and in the metadata. Maskinporten's ends with a slash. */
  issuer(which: Issuer): string {
    return which === 'maskinporten' ? `${this.config.publicUrl}/maskinporten/` : `${this.config.publicUrl}/idporten`;
  }

  jwks(which: Issuer): { keys: JWK[] } {
    return { keys: [this.keys[which].publicJwk] };
  }

  /** Sign claims as the given issuer. `iss`, `iat` and `jti` are set here; the caller sets `exp` (or lifetime). */
  async sign(which: Issuer, claims: JWTPayload, lifetimeSeconds: number, now = Math.floor(Date.now() / 1000)): Promise<string> {
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

  /** Verify a bearer token from either issuer: signature, issuer, expiry (no clock tolerance beyond 5 s). */
  async verify(token: string, accept: Issuer[]): Promise<VerifiedToken> {
    // Faults of the attack battery (faulty-tokens.ts, only with --fault): each skips one check.
    if ((this.config.faults?.size ?? 0) > 0) {
      const faulty = await faultyVerification(this.config, token, accept, (which) => this.issuer(which), (which) => this.keySets[which]);
      if (faulty) return faulty;
    }
    const cached = this.verified.get(token);
    if (cached && accept.includes(cached.issuer)) {
      if (typeof cached.claims.exp === 'number' && cached.claims.exp + 5 > Date.now() / 1000) return cached;
      this.verified.delete(token);
    }
    const fresh = await this.verifyUncached(token, accept);
    if (this.verified.size >= TokenIssuers.VERIFIED_LIMIT) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, fresh);
    return fresh;
  }

  private async verifyUncached(token: string, accept: Issuer[]): Promise<VerifiedToken> {
    for (const which of accept) {
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
    throw new Unauthorized('The bearer token is missing, malformed, expired, or not issued by a trusted issuer.');
  }
}

export function scopesOf(token: VerifiedToken): string[] {
  return typeof token.claims.scope === 'string' ? token.claims.scope.split(' ').filter(Boolean) : [];
}

export interface BearerOptions {
  accept: Issuer[];
  /** The token must carry at least one of these scopes (contracts authentication §0). Empty: no scope check. */
  anyScope: string[];
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
    const verified = await issuers.verify(match[1], options.accept);
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

/** The vendor org number from a Maskinporten token's `consumer` claim (contracts authentication §0), or undefined. */
export function consumerOrgNo(token: VerifiedToken | null): string | undefined {
  if (!token || token.issuer !== 'maskinporten') return undefined;
  const consumer = token.claims.consumer as unknown;
  if (!consumer || typeof consumer !== 'object') return undefined;
  const { authority, ID } = consumer as Record<string, unknown>;
  if (authority !== 'iso6523-actorid-upis' || typeof ID !== 'string') return undefined;
  const m = /^0192:(\d{9})$/.exec(ID);
  return m?.[1];
}
