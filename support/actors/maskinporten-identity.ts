// An organisation's Maskinporten client as the suite holds it: the client id, the private key that
// signs its JWT grants, and a Maskinporten client to send them with. Used by the vendor (its system)
// and the service owner (its PEP). Grants follow docs/contracts/altinn-authentication.md §6.1: RS256 with `kid`,
// iss = client id, aud = the issuer read from the metadata, iat, exp ≤ 120 s after iat, a fresh jti,
// scope, and for a system user one authorization_details entry.

import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, importPKCS8, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { ProfileError } from '../target/profile.ts';
import { FreshPool } from './key-pool.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { MaskinportenClient, TokenResponse } from '../clients/maskinporten.ts';

/** Grant lifetime: Maskinporten refuses more than 120 s; Altinn's own tests use 60. */
export const GRANT_LIFETIME_SECONDS = 60;

export interface SystemUserAuthorizationDetails {
  type: 'urn:altinn:systemuser';
  systemuser_org: { authority: 'iso6523-actorid-upis'; ID: string };
  externalRef?: string;
}

/** authorization_details for a system user owned by `ownerOrgNo` (docs/contracts/altinn-authentication.md §6.1). */
export function systemUserDetails(ownerOrgNo: string, externalRef?: string): SystemUserAuthorizationDetails {
  return {
    type: 'urn:altinn:systemuser',
    systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${ownerOrgNo}` },
    ...(externalRef !== undefined ? { externalRef } : {}),
  };
}

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public JWK with kid, alg and use, as registered with Maskinporten. */
  publicJwk: JWK;
}

/** Makes a fresh RS256 key pair now (the suite's own keys: never stored, never logged). */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `samsvar-${randomUUID()}`;
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * This worker's pairs, made ahead of need (support/actors/key-pool.ts): six kept ready, two made at
 * a time, started when the worker starts (support/actors/key-pool-hooks.ts).
 */
export const signingKeys = new FreshPool(generateSigningKey, { depth: 6, concurrency: 2 });

/** A fresh RS256 key pair nobody has had before: taken from this worker's pool, never handed out twice. */
export function newSigningKey(): Promise<SigningKey> {
  return signingKeys.take();
}

/** Reads a private key named by a profile (`env:NAME` or `file:/path`), as PEM (PKCS#8) or a JWK. */
export async function importProfileKey(source: string, kid: string): Promise<SigningKey> {
  let text: string | undefined;
  if (source.startsWith('env:')) {
    text = process.env[source.slice(4)];
    if (!text) throw new ProfileError(`Den private nøkkelen skal komme fra miljøvariabelen ${source.slice(4)}, som ikke er satt.`);
  } else if (source.startsWith('file:')) {
    try {
      text = readFileSync(source.slice(5), 'utf8');
    } catch (error) {
      throw new ProfileError(`Kan ikke lese den private nøkkelen fra ${source.slice(5)}: ${(error as Error).message}`);
    }
  } else {
    throw new ProfileError(`Ukjent nøkkelkilde "${source}" (bruk env:NAVN eller file:/sti).`);
  }
  try {
    const trimmed = text.trim();
    const privateKey = trimmed.startsWith('{')
      ? ((await importJWK(JSON.parse(trimmed) as JWK, 'RS256')) as CryptoKey)
      : await importPKCS8(trimmed, 'RS256', { extractable: true });
    return { kid, privateKey, publicJwk: { kid } };
  } catch (error) {
    throw new ProfileError(`Den private nøkkelen fra ${source} kan ikke leses som PKCS#8 PEM eller JWK: ${(error as Error).message}`);
  }
}

export interface GrantOptions {
  scope: string;
  authorizationDetails?: SystemUserAuthorizationDetails[];
  /** Override the audience (default: the issuer from the metadata). */
  audience?: string;
}

export class MaskinportenIdentity {
  private issuerValue: string | undefined;
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly orgNo: string,
    readonly clientId: string,
    private readonly key: SigningKey,
    private readonly client: MaskinportenClient,
  ) {}

  get kid(): string {
    return this.key.kid;
  }

  /** Maskinporten's issuer, read from its metadata once (never guessed from a URL layout). */
  async issuer(): Promise<string> {
    if (this.issuerValue === undefined) {
      const metadata = requireSuccess(await this.client.metadata(), 'Å lese Maskinportens metadata (/.well-known/oauth-authorization-server)');
      if (typeof metadata?.issuer !== 'string' || metadata.issuer === '') {
        throw new ProfileError('Maskinportens metadata har ingen issuer.');
      }
      this.issuerValue = metadata.issuer;
    }
    return this.issuerValue;
  }

  /** Maskinporten's published signing keys (GET /jwk); a failure makes the scenario not testable. */
  async publishedKeys(): Promise<JSONWebKeySet> {
    const jwks = requireSuccess(await this.client.jwks(), 'Å lese Maskinportens nøkler (JWKS)', [200]);
    assertTestable(Array.isArray(jwks?.keys), 'Maskinportens JWKS har ingen "keys".');
    return jwks as unknown as JSONWebKeySet;
  }

  /**
   * The claims of a JWT grant (RFC 7523) for this client, as docs/contracts/altinn-authentication.md §6.1 gives them:
   * iss = client id, aud = the issuer, iat, exp = iat + 60 s, a fresh jti, scope and, for a system user,
   * authorization_details. The attack battery changes one of them before it signs.
   */
  async grantClaims(options: GrantOptions, now = Math.floor(Date.now() / 1000)): Promise<Record<string, unknown>> {
    const claims: Record<string, unknown> = {
      iss: this.clientId,
      aud: options.audience ?? (await this.issuer()),
      iat: now,
      exp: now + GRANT_LIFETIME_SECONDS,
      jti: randomUUID(),
      scope: options.scope,
    };
    if (options.authorizationDetails) claims.authorization_details = options.authorizationDetails;
    return claims;
  }

  /** Signs grant claims as they are with the client's registered key (RS256, its kid). */
  async signGrant(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' }).sign(this.key.privateKey);
  }

  /** The client's public key in SPKI PEM, derived from the private key (what an attacker can read from the JWKS). */
  publicKeyPem(): string {
    return createPublicKey(KeyObject.from(this.key.privateKey)).export({ type: 'spki', format: 'pem' }).toString();
  }

  /** A signed JWT grant (RFC 7523) for this client. */
  async grant(options: GrantOptions): Promise<string> {
    return this.signGrant(await this.grantClaims(options));
  }

  /** Sends a grant and returns Maskinporten's answer as it is (no assertion). */
  async requestToken(options: GrantOptions): Promise<ApiResponse<TokenResponse>> {
    return this.sendGrant(await this.grant(options));
  }

  /** Sends an assertion as it is, however it was made (the attack battery's own grants too). */
  sendGrant(assertion: string): Promise<ApiResponse<TokenResponse>> {
    return this.client.token(assertion);
  }

  /** An access token for plain (non system user) scopes, cached per scope set; a refusal makes the scenario not testable. */
  async accessToken(scopes: string[], purpose: string): Promise<string> {
    const scope = scopes.join(' ');
    const cached = this.tokens.get(scope);
    if (cached) return cached;
    const body = requireSuccess(await this.requestToken({ scope }), `Å hente Maskinporten-token for ${purpose}`, [200]);
    assertTestable(typeof body?.access_token === 'string', `Maskinporten svarte uten access_token for ${purpose}.`);
    this.tokens.set(scope, body.access_token);
    return body.access_token;
  }
}
