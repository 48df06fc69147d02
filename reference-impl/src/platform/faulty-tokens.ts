// The platform token faults of the attack battery (reference-impl/src/faults.ts): each one skips one
// check of the bearer token verification every protected API shares (tokens.ts), the way real
// verifiers get it wrong, so features/sikkerhet/angrep-token-mot-api.feature can be seen to fail.
// Nothing here runs unless its fault is switched on; the conforming verification is in tokens.ts.

import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTVerifyGetKey } from 'jose';
import { faultActive, type FaultConfig } from '../faults.ts';
import type { Issuer, MaskinportenClaims, PersonClaims, VerifiedToken } from './tokens.ts';

function asVerified(which: Issuer, claims: unknown, token: string): VerifiedToken {
  return which === 'maskinporten'
    ? { issuer: which, claims: claims as MaskinportenClaims, token }
    : { issuer: which, claims: claims as PersonClaims, token };
}

/**
 * The token as a faulty verifier would accept it, or undefined when no switched-on fault accepts it
 * (the conforming verification then decides).
 */
export async function faultyVerification(
  config: FaultConfig,
  token: string,
  accept: Issuer[],
  issuerOf: (which: Issuer) => string,
  keySetOf: (which: Issuer) => JWTVerifyGetKey,
): Promise<VerifiedToken | undefined> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return undefined;
  }
  const now = Date.now() / 1000;
  // plattform-godta-usignert: alg none is taken at its word when iss and exp look right.
  if (header.alg === 'none' && faultActive(config, 'plattform-godta-usignert')) {
    try {
      const claims = decodeJwt(token);
      const which = accept.find((w) => claims.iss === issuerOf(w));
      if (which && typeof claims.exp === 'number' && claims.exp > now) return asVerified(which, claims, token);
    } catch {
      return undefined;
    }
  }
  // plattform-godta-innebygd-nokkel: the key the token carries verifies it, and any issuer goes (CVE-2018-0114).
  if (header.jwk && faultActive(config, 'plattform-godta-innebygd-nokkel')) {
    try {
      const key = await importJWK(header.jwk as JWK, 'RS256');
      const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], requiredClaims: ['exp'] });
      return asVerified(accept.includes('maskinporten') ? 'maskinporten' : (accept[0] as Issuer), payload, token);
    } catch {
      return undefined;
    }
  }
  // plattform-godta-utlopt: signature and issuer are checked, the expiry is not.
  if (faultActive(config, 'plattform-godta-utlopt')) {
    for (const which of accept) {
      try {
        const { payload } = await jwtVerify(token, keySetOf(which), { issuer: issuerOf(which), algorithms: ['RS256'], clockTolerance: Number.MAX_SAFE_INTEGER });
        return asVerified(which, payload, token);
      } catch {
        // the next issuer
      }
    }
  }
  return undefined;
}
