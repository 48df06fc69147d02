// The Maskinporten faults of the attack battery (reference-impl/src/faults.ts): each one skips exactly
// one grant check of docs/contracts/altinn-authentication.md §6.1, the way a real implementation gets it wrong, so the
// suite's features/sikkerhet/angrep-maskinporten.feature can be seen to fail. Nothing here runs unless
// its fault is switched on (`--fault <name>`); the conforming checks live in checks.ts.

import { createPublicKey } from 'node:crypto';
import { compactVerify, type ProtectedHeaderParameters } from 'jose';
import { faultActive, type FaultConfig } from '../../faults.ts';
import { InvalidGrant } from '../../platform/errors.ts';
import type { MaskinportenClient } from '../../platform/model.ts';
import { SYSTEMUSER_TYPE, type GrantClaims } from './checks.ts';

/** The client's registered JWK with this kid, if any. */
function registeredKey(client: MaskinportenClient, kid: unknown): Record<string, unknown> | undefined {
  return client.jwks.find((jwk) => typeof jwk === 'object' && jwk !== null && (jwk as Record<string, unknown>).kid === kid) as
    | Record<string, unknown>
    | undefined;
}

/**
 * Whether a fault lets this grant through without the conforming signature checks. `client` is the
 * client named by `iss` (already found). Returns true when a fault accepted the grant.
 */
export async function faultyGrantAuthentication(
  config: FaultConfig | undefined,
  assertion: string,
  header: ProtectedHeaderParameters,
  client: MaskinportenClient,
): Promise<boolean> {
  // maskinporten-godta-alg-none: an unsigned grant is taken at its word (the classic alg=none flaw).
  if (header.alg === 'none' && faultActive(config, 'maskinporten-godta-alg-none')) return true;
  // maskinporten-hs256-offentlig-nokkel: HS256 verified with the registered public key (SPKI PEM) as
  // the HMAC secret — the key-confusion flaw of libraries that let the token choose the algorithm.
  if (header.alg === 'HS256' && faultActive(config, 'maskinporten-hs256-offentlig-nokkel')) {
    const jwk = registeredKey(client, header.kid);
    if (!jwk) return false;
    const pem = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e } as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    try {
      await compactVerify(assertion, new TextEncoder().encode(pem), { algorithms: ['HS256'] });
      return true;
    } catch {
      throw new InvalidGrant('MP-124', 'Invalid JWT signature: the signature does not verify with the registered key.');
    }
  }
  // maskinporten-ukjent-kid-godtas: "if (key) verify(...)" — a kid the client has not registered skips the check.
  if (typeof header.kid === 'string' && !registeredKey(client, header.kid) && faultActive(config, 'maskinporten-ukjent-kid-godtas')) return true;
  return false;
}

/**
 * The authorization_details faults: the grant's element is made to pass the check it would fail —
 * the first of several elements is used, unknown members are dropped, any type is read as a system user.
 */
export function relaxAuthorizationDetails(config: FaultConfig | undefined, claims: GrantClaims): GrantClaims {
  const faults = ['maskinporten-godta-flere-parter', 'maskinporten-ignorer-type', 'maskinporten-ignorer-ukjente-felt'] as const;
  if (!faults.some((f) => faultActive(config, f))) return claims;
  const details = claims.authorization_details;
  if (!Array.isArray(details) || details.length === 0) return claims;
  let list: unknown[] = details;
  if (list.length > 1 && faultActive(config, 'maskinporten-godta-flere-parter')) list = [list[0]];
  const [first] = list;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return { ...claims, authorization_details: list };
  let entry = { ...(first as Record<string, unknown>) };
  if (faultActive(config, 'maskinporten-ignorer-type')) entry.type = SYSTEMUSER_TYPE;
  if (faultActive(config, 'maskinporten-ignorer-ukjente-felt')) {
    entry = Object.fromEntries(Object.entries(entry).filter(([k]) => ['type', 'systemuser_org', 'externalRef'].includes(k)));
    const org = entry.systemuser_org;
    if (typeof org === 'object' && org !== null) {
      entry.systemuser_org = Object.fromEntries(Object.entries(org).filter(([k]) => ['authority', 'ID', 'id'].includes(k)));
    }
  }
  return { ...claims, authorization_details: [entry, ...list.slice(1)] };
}

/** maskinporten-ignorer-scope: the scopes asked for are granted as they are, registered or not (even none). */
export function unrestrictedScopes(claims: GrantClaims): string[] {
  return typeof claims.scope === 'string' ? [...new Set(claims.scope.split(' ').filter((s) => s !== ''))] : [];
}
