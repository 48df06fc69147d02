// The incoming token checks, in the order docs/samsvar-apis.md §3 gives them:
//   1. a bearer token is present and parses                                  → 401
//   2. its signature verifies against Maskinporten's JWKS, issuer is Maskinporten's → 401
//   3. it has not expired                                                    → 401
//   4. it carries one of the scopes the route accepts                        → 403 MVA-00001
//   5. it is a system user token (authorization_details[0].type =
//      urn:altinn:systemuser with systemuser_id[0])                          → 403 MVA-00002
// Signature, issuer, algorithm and expiry are checked by jose's jwtVerify (RS256 only, exp required).

import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { CODES } from './problem.js';

export const SYSTEM_USER_TYPE = 'urn:altinn:systemuser';

/** Thrown for every refusal; carries the status, the problem code and a human detail. */
export class TokenRefusal extends Error {
  constructor(status, detail, code) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

/** Thrown when the JWKS cannot be fetched: not the caller's fault, so not a 401. */
export class UpstreamUnavailable extends Error {}

/** An "0192:<orgNo>" identifier (ISO 6523) → the organisation number; `ID` or `id` (docs/contracts/altinn-authentication.md §6.3). */
function orgNoOf(identifier) {
  if (identifier === null || typeof identifier !== 'object') return null;
  const id = typeof identifier.ID === 'string' ? identifier.ID : typeof identifier.id === 'string' ? identifier.id : null;
  if (id === null) return null;
  return id.startsWith('0192:') ? id.slice(5) : id;
}

/**
 * A verifier bound to one Maskinporten: `issuer` and `jwksUri` come from its
 * /.well-known/oauth-authorization-server.
 */
export function createTokenVerifier({ issuer, jwksUri, clockToleranceSeconds = 5 }) {
  const jwks = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5_000 });

  /**
   * Checks the Authorization header for a route that accepts any of `scopes`. Returns the system
   * user the token speaks for; throws TokenRefusal or UpstreamUnavailable.
   */
  return async function verify(authorizationHeader, scopes) {
    // 1. present and parses
    const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(typeof authorizationHeader === 'string' ? authorizationHeader : '');
    if (!match) {
      const refusal = new TokenRefusal(401, 'A bearer token is required.');
      refusal.missing = true;
      throw refusal;
    }
    const token = match[1];
    try {
      decodeProtectedHeader(token);
      decodeJwt(token);
    } catch {
      throw new TokenRefusal(401, 'The bearer token is not a JWT.');
    }

    // 2 and 3. signature, issuer, expiry
    let claims;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, {
        issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
        clockTolerance: clockToleranceSeconds,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new TokenRefusal(401, 'The token has expired.');
      // The key set could not be fetched or read (network, timeout, not 200, not a JWKS): Maskinporten's
      // side, not the caller's. A plain JOSEError is what jose throws for a non-200 JWKS response.
      const upstream =
        !(error instanceof joseErrors.JOSEError) ||
        error instanceof joseErrors.JWKSTimeout ||
        error instanceof joseErrors.JWKSInvalid ||
        error.constructor === joseErrors.JOSEError;
      if (upstream) {
        throw new UpstreamUnavailable(`Maskinporten's keys could not be read: ${error.message}`);
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw new TokenRefusal(401, `The token is not valid: ${error.message}.`);
      throw new TokenRefusal(401, "The token's signature does not verify against Maskinporten's keys.");
    }

    // 4. scope
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
    if (!scopes.some((scope) => granted.includes(scope))) {
      throw new TokenRefusal(403, `The token must carry the scope ${scopes.join(' or ')}.`, CODES.missingScope);
    }

    // 5. a system user token
    const details = Array.isArray(claims.authorization_details) ? claims.authorization_details[0] : undefined;
    const systemUserIds = details && typeof details === 'object' ? details.systemuser_id : undefined;
    const systemUserId = Array.isArray(systemUserIds) ? systemUserIds[0] : undefined;
    if (!details || details.type !== SYSTEM_USER_TYPE || typeof systemUserId !== 'string' || systemUserId === '') {
      throw new TokenRefusal(403, 'The token is not a system user token (authorization_details[0] of type urn:altinn:systemuser with systemuser_id).', CODES.notSystemUser);
    }

    return {
      systemUserId,
      systemId: typeof details.system_id === 'string' ? details.system_id : null,
      systemUserOwnerOrgNo: orgNoOf(details.systemuser_org),
      vendorOrgNo: orgNoOf(claims.consumer),
      scopes: granted,
    };
  };
}
