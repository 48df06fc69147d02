// Tasks around the system user token (docs/contracts/altinn-authentication.md §6): the system asks Maskinporten
// for a token for a customer; for the refusal scenarios it holds tokens Maskinporten would never
// give (expired, minted through the test data API's named test hook; or signed with a foreign key).

import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { newSigningKey, systemUserDetails } from '../actors/maskinporten-identity.ts';
import { MVA_SCOPES } from '../actors/vendor.ts';
import type { TokenResponse } from '../clients/maskinporten.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/** The system asks Maskinporten for a system user token for the company (When). */
export async function fetchSystemUserToken(vendor: Vendor, company: Company): Promise<ApiResponse<TokenResponse>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const response = await vendor.maskinporten.requestToken({
    scope: MVA_SCOPES.write,
    authorizationDetails: [systemUserDetails(company.orgNo)],
  });
  const notes = vendor.customer(company);
  notes.tokenResponse = response;
  if (response.status === 200 && typeof response.data?.access_token === 'string') {
    notes.token = { value: response.data.access_token, kind: 'maskinporten' };
  }
  return response;
}

/** Given: the system holds a system user token for the company from Maskinporten. */
export async function obtainSystemUserToken(vendor: Vendor, company: Company): Promise<string> {
  const body = requireSuccess(await fetchSystemUserToken(vendor, company), `Å hente systembrukertoken fra Maskinporten for ${company.role}`, [200]);
  assertTestable(typeof body?.access_token === 'string', 'Maskinporten svarte uten access_token.');
  return body.access_token;
}

/** Claims of a real token that another issuer (or the mint) sets itself. */
export const ISSUER_SET_CLAIMS = ['iss', 'iat', 'exp', 'nbf', 'jti'];

export function claimsToCopy(token: string): Record<string, unknown> {
  const claims: Record<string, unknown> = { ...decodeJwt(token) };
  for (const name of ISSUER_SET_CLAIMS) delete claims[name];
  return claims;
}

/**
 * Given: the system holds an expired system user token for the company. It is minted through the test
 * data API (a test hook, capability testdata-api) with exactly the claims of a real token Maskinporten
 * just issued, so the expiry is the only thing wrong with it.
 */
export async function obtainExpiredToken(vendor: Vendor, company: Company): Promise<void> {
  const real = await obtainSystemUserToken(vendor, company);
  const now = Math.floor(Date.now() / 1000);
  const minted = requireSuccess(
    await vendor.testdata.mintMaskinportenToken({ claims: { ...claimsToCopy(real), jti: randomUUID() }, iat: now - 600, exp: now - 480 }),
    'Å lage et utløpt token med testdata-API-ets token-mint',
    [201],
  );
  assertTestable(typeof minted?.access_token === 'string', 'token-minten svarte uten access_token.');
  vendor.customer(company).token = { value: minted.access_token, kind: 'utløpt' };
}

/**
 * Given: the system holds a system user token for the company that looks like Maskinporten's (same
 * issuer, same key id, same claims, not expired) but is signed with a key the suite made itself.
 */
export async function obtainForeignSignedToken(vendor: Vendor, company: Company): Promise<void> {
  const real = await obtainSystemUserToken(vendor, company);
  const header = decodeProtectedHeader(real);
  const claims = decodeJwt(real);
  const key = await newSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const forged = await new SignJWT({ ...claimsToCopy(real), jti: randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: typeof header.kid === 'string' ? header.kid : key.kid, typ: 'JWT' })
    .setIssuer(typeof claims.iss === 'string' ? claims.iss : 'https://maskinporten.invalid/')
    .setIssuedAt(now)
    .setExpirationTime(now + 120)
    .sign(key.privateKey);
  vendor.customer(company).token = { value: forged, kind: 'fremmed' };
}

/** What the suite finds when it checks an issued token against Maskinporten's published keys (a question). */
export interface IssuedTokenCheck {
  claims: Record<string, unknown>;
  header: Record<string, unknown>;
  issuer: string;
  /** undefined when the signature verified against the JWKS and `iss` is the metadata issuer. */
  verificationError?: string;
}

export async function checkIssuedToken(vendor: Vendor, token: string): Promise<IssuedTokenCheck> {
  const issuer = await vendor.maskinporten.issuer();
  const jwks = await vendor.maskinporten.publishedKeys();
  const check: IssuedTokenCheck = {
    claims: decodeJwt(token) as Record<string, unknown>,
    header: decodeProtectedHeader(token) as Record<string, unknown>,
    issuer,
  };
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { issuer });
  } catch (error) {
    check.verificationError = `${(error as Error).name}: ${(error as Error).message}`;
  }
  return check;
}
