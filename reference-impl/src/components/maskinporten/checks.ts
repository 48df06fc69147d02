// The checks Maskinporten makes on a JWT grant (RFC 7523 §3, docs/contracts/altinn-authentication.md §6.1), one small
// named function each, run by the token route in this order. Every refusal carries Maskinporten's
// MP id at the start of error_description (docs/contracts/altinn-authentication.md §6.4). Every check reads
// untrusted JSON, so each one tests the type before it uses a value: no assertion, however
// malformed, may end in a 500.

import { createHash } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK, type ProtectedHeaderParameters } from 'jose';
import { InvalidAltinnCustomerConfiguration, InvalidGrant, InvalidRequest, InvalidScope, OAuthError } from '../../platform/errors.ts';
import type { MaskinportenClient, SystemUser } from '../../platform/model.ts';
import { isValidOrgNo } from '../../platform/orgno.ts';
import type { MaskinportenClientService, SystemUserService } from '../../platform/services.ts';
import type { UsedGrantStore } from './store.ts';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const SYSTEMUSER_TYPE = 'urn:altinn:systemuser';
export const ISO6523_AUTHORITY = 'iso6523-actorid-upis';
export const ACCEPTED_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;
export type AcceptedAlgorithm = (typeof ACCEPTED_ALGORITHMS)[number];

/** Allowed clock skew between the client and Maskinporten, in seconds (docs/contracts/altinn-authentication.md §6.1 `iat`). */
export const CLOCK_SKEW_SECONDS = 10;
/** Longest grant lifetime `exp − iat`, in seconds (docs/contracts/altinn-authentication.md §6.1 `exp`). */
export const MAX_GRANT_LIFETIME_SECONDS = 120;

/** The decoded grant claims: untrusted JSON, every member unknown until checked. */
export type GrantClaims = Record<string, unknown>;

/** What the grant asks for once every check has passed. */
export interface SystemUserRequest {
  systemUserOwnerOrgNo: string;
  externalRef?: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// ---------------------------------------------------------------------------------------------
// Request parameters

/** RFC 7523 §2.1, docs/contracts/altinn-authentication.md §6.1: only the JWT bearer grant is offered. */
export function checkGrantType(grantType: string): void {
  if (grantType !== JWT_BEARER_GRANT) {
    // RFC 6749 §5.2 names this error; Maskinporten has no MP id for it.
    throw new OAuthError(400, 'unsupported_grant_type', undefined, `grant_type must be ${JWT_BEARER_GRANT}.`);
  }
}

/** RFC 7523 §2.1: the grant is sent in the `assertion` parameter. */
export function checkAssertionPresent(assertion: string | undefined): string {
  if (assertion === undefined || assertion === '') {
    throw new InvalidRequest(undefined, 'Missing required parameter: assertion.');
  }
  return assertion;
}

// ---------------------------------------------------------------------------------------------
// The grant's header

/**
 * A base64url segment, optionally with the `=` padding of base64: RFC 7515 §2 drops the padding, but
 * Altinn's broker test signs its grant with padded base64url and test Maskinporten takes it
 * (docs/contracts/platform-behaviour.md §5). The stand-in's choice, since Maskinporten's exact rule is
 * not public: padding is accepted only at the end of a segment and only where it is valid base64
 * padding (the padded length a multiple of 4); `=` anywhere else, and standard base64's `+` and `/`,
 * are refused. jose decodes padded segments and verifies the signature over the segments as sent.
 */
function isBase64urlSegment(segment: string, allowEmpty: boolean): boolean {
  const m = /^([A-Za-z0-9_-]*)(={0,2})$/.exec(segment);
  if (!m) return false;
  const [, body = '', padding = ''] = m;
  if (body === '') return allowEmpty && padding === '';
  if (body.length % 4 === 1) return false;
  return padding === '' || (body.length + padding.length) % 4 === 0;
}

/** RFC 7523 §3 item 9 and RFC 7515 §7.1: the assertion is a compact JWS (three base64url parts; a JWE is refused). */
export function decodeGrantHeader(assertion: string): ProtectedHeaderParameters {
  const parts = assertion.split('.');
  if (parts.length !== 3 || !isBase64urlSegment(parts[0] ?? '', false) || !isBase64urlSegment(parts[1] ?? '', false) || !isBase64urlSegment(parts[2] ?? '', true)) {
    throw new InvalidGrant('MP-100', 'Invalid assertion: the grant is not a JWT in compact JWS serialization.');
  }
  try {
    return decodeProtectedHeader(assertion);
  } catch {
    throw new InvalidGrant('MP-100', 'Invalid assertion: the JWT header is not a base64url-encoded JSON object.');
  }
}

/**
 * docs/contracts/altinn-authentication.md §6.1 (grant header): `alg` is RS256, RS384 or RS512. `none`, HMAC and every
 * other algorithm are refused. Maskinporten lists no own id for a wrong algorithm; MP-100 (invalid
 * assertion, client authentication failed) is what such a grant amounts to.
 */
export function checkAlgorithm(header: ProtectedHeaderParameters): AcceptedAlgorithm {
  const alg = header.alg;
  const accepted = ACCEPTED_ALGORITHMS.find((a) => a === alg);
  if (!accepted) {
    throw new InvalidGrant('MP-100', `Invalid assertion: alg ${describe(alg)} is not accepted; use RS256, RS384 or RS512.`);
  }
  return accepted;
}

/**
 * docs/contracts/altinn-authentication.md §6.1 (grant header): the key is named by `kid` (a key registered on the client)
 * or sent as `x5c` (a virksomhetssertifikat chain). The stand-in has no certificate trust store, so it
 * refuses every `x5c` grant (MP-123, invalid x5c header) rather than guessing what Maskinporten would
 * accept; clients of the stand-in register a key and send its `kid`.
 */
export function checkKeyReference(header: ProtectedHeaderParameters): string {
  if (header.x5c !== undefined) {
    throw new InvalidGrant('MP-123', 'Invalid x5c header: the Samsvar stand-in does not accept virksomhetssertifikat grants; register a key on the client and send its kid.');
  }
  if (typeof header.kid !== 'string' || header.kid === '') {
    throw new InvalidGrant('MP-100', 'Invalid assertion: the JWT header names no key (kid).');
  }
  return header.kid;
}

// ---------------------------------------------------------------------------------------------
// The client and its key

/** Decodes the claims (not yet trusted: the signature is checked once the client's key is known). */
export function decodeGrantClaims(assertion: string): GrantClaims {
  try {
    return decodeJwt(assertion) as GrantClaims;
  } catch {
    throw new InvalidGrant('MP-100', 'Invalid assertion: the JWT claims are not a base64url-encoded JSON object.');
  }
}

/** docs/contracts/altinn-authentication.md §6.1 `iss` = client_id, §6.4 MP-100: the client must be known. */
export function checkClient(claims: GrantClaims, clients: MaskinportenClientService): MaskinportenClient {
  const iss = claims.iss;
  if (typeof iss !== 'string' || iss === '') {
    throw new InvalidGrant('MP-100', 'Invalid assertion. Client authentication failed: the grant has no iss (client_id).');
  }
  const client = clients.client(iss);
  if (!client) {
    throw new InvalidGrant('MP-100', 'Invalid assertion. Client authentication failed: client not found.');
  }
  return client;
}

/** docs/contracts/altinn-authentication.md §6.1 (grant header) and §6.4 MP-100: `kid` must be one of the client's registered keys. */
export function checkClientKey(client: MaskinportenClient, kid: string): Record<string, unknown> {
  const key = client.jwks.find((jwk) => isPlainObject(jwk) && jwk.kid === kid);
  if (!key) {
    throw new InvalidGrant('MP-100', `Invalid assertion. Client authentication failed: kid ${describe(kid)} is not a key registered on the client.`);
  }
  return key;
}

/**
 * RFC 7523 §3 item 9: the signature must verify with the client's key. Maskinporten names a failed
 * signature MP-124 ("invalid JWT signature", docs/contracts/altinn-authentication.md §6.4). A registered key whose own
 * `alg` differs from the header's, or that cannot be used for the header's algorithm, fails the same way.
 */
export async function checkSignature(assertion: string, jwk: Record<string, unknown>, alg: AcceptedAlgorithm): Promise<void> {
  const fail = (why: string): InvalidGrant => new InvalidGrant('MP-124', `Invalid JWT signature: ${why}`);
  if (jwk.alg !== undefined && jwk.alg !== alg) {
    throw fail(`the key is registered for ${describe(jwk.alg)}, the grant is signed with ${alg}.`);
  }
  if (jwk.use !== undefined && jwk.use !== 'sig') {
    throw fail('the key is not registered for signatures.');
  }
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = jwk;
    key = await importJWK(publicPart as JWK, alg);
  } catch {
    throw fail(`the registered key cannot verify ${alg} signatures.`);
  }
  try {
    await compactVerify(assertion, key, { algorithms: [alg] });
  } catch {
    throw fail('the signature does not verify with the registered key.');
  }
}

// ---------------------------------------------------------------------------------------------
// Audience and time

/**
 * docs/contracts/altinn-authentication.md §6.1 `aud`, §6.4 MP-110: the audience is Maskinporten's issuer. The token
 * endpoint URL is also accepted, as Altinn's own tests use it against test.maskinporten.no (Digdir's
 * docs now call that form invalid; the contract follows what works). `aud` must be one value: a string,
 * or an array holding exactly that one string.
 */
export function checkAudience(claims: GrantClaims, issuer: string, tokenEndpoint: string): void {
  const aud = claims.aud;
  const single = Array.isArray(aud) && aud.length === 1 ? aud[0] : aud;
  if (single !== issuer && single !== tokenEndpoint) {
    throw new InvalidGrant('MP-110', `Invalid audience: aud must be ${issuer}, got ${describe(aud)}.`);
  }
}

function numericDate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** docs/contracts/altinn-authentication.md §6.1 `iat`: present, and within ±10 s of Maskinporten's clock (MP-130). */
export function checkIssuedAt(claims: GrantClaims, now: number): number {
  const iat = numericDate(claims.iat);
  if (iat === undefined) {
    throw new InvalidGrant('MP-130', 'Invalid JWT: iat (issue time, NumericDate) is missing or not a number.');
  }
  if (iat > now + CLOCK_SKEW_SECONDS) {
    throw new InvalidGrant('MP-130', `Issue time is after now: iat is ${iat - now} s ahead of Maskinporten's clock (allowed skew ${CLOCK_SKEW_SECONDS} s).`);
  }
  if (iat < now - CLOCK_SKEW_SECONDS) {
    throw new InvalidGrant('MP-130', `JWT expired: iat is ${now - iat} s behind Maskinporten's clock (allowed skew ${CLOCK_SKEW_SECONDS} s).`);
  }
  return iat;
}

/** docs/contracts/altinn-authentication.md §6.1 `exp`: present and in the future (MP-130, JWT expired). */
export function checkExpiry(claims: GrantClaims, now: number): number {
  const exp = numericDate(claims.exp);
  if (exp === undefined) {
    throw new InvalidGrant('MP-130', 'Invalid JWT: exp (expiry, NumericDate) is missing or not a number.');
  }
  if (exp <= now) {
    throw new InvalidGrant('MP-130', 'JWT expired: exp is not after now.');
  }
  return exp;
}

/**
 * RFC 7523 §3 item 5: a grant with `nbf` must not be accepted before that time (allowed skew as for
 * `iat`). `nbf` is optional; when present it must be a NumericDate. Maskinporten lists no id of its own
 * for a grant used too early; its time id MP-130 (used too late, or clock skew) is the one that fits.
 */
export function checkNotBefore(claims: GrantClaims, now: number): void {
  if (claims.nbf === undefined) return;
  const nbf = numericDate(claims.nbf);
  if (nbf === undefined) {
    throw new InvalidGrant('MP-130', 'Invalid JWT: nbf (not before, NumericDate) is not a number.');
  }
  if (nbf > now + CLOCK_SKEW_SECONDS) {
    throw new InvalidGrant('MP-130', `JWT not yet valid: nbf is ${nbf - now} s ahead of Maskinporten's clock (allowed skew ${CLOCK_SKEW_SECONDS} s).`);
  }
}

/**
 * docs/contracts/altinn-authentication.md §6.1 `exp`: exp − iat ≤ 120 s (and exp after iat). Maskinporten lists no id
 * of its own for a too long lifetime; the grant is not expired (MP-130 would mislead), it carries an
 * invalid parameter value, which is MP-011 (invalid_request).
 */
export function checkLifetime(iat: number, exp: number): void {
  const lifetime = exp - iat;
  if (lifetime <= 0 || lifetime > MAX_GRANT_LIFETIME_SECONDS) {
    throw new InvalidRequest('MP-011', `Invalid grant lifetime: exp − iat is ${lifetime} s; it must be more than 0 and at most ${MAX_GRANT_LIFETIME_SECONDS} s.`);
  }
}

/**
 * docs/contracts/altinn-authentication.md §6.1 `jti`, §6.4 MP-012: a grant is used once. The jti is recommended, not
 * required; a grant without one is keyed by its own hash, so resending the same grant is caught too.
 * The grant counts as used from here on, whatever the later checks decide (RFC 7523 §3 item 7).
 */
export function checkReplay(claims: GrantClaims, assertion: string, client: MaskinportenClient, exp: number, now: number, used: UsedGrantStore): void {
  const jti = claims.jti;
  if (jti !== undefined && (typeof jti !== 'string' || jti === '')) {
    throw new InvalidRequest('MP-011', 'Invalid parameter value in the grant: jti must be a non-empty string.');
  }
  const key = typeof jti === 'string' ? `jti:${jti}` : `sha256:${createHash('sha256').update(assertion).digest('base64url')}`;
  if (used.useOnce(client.clientId, key, exp, now) === 'replay') {
    throw new InvalidGrant('MP-012', 'Grant is used before: the jti (or the grant itself) was seen already.');
  }
}

// ---------------------------------------------------------------------------------------------
// What the grant asks for

/**
 * docs/contracts/altinn-authentication.md §6.1 `scope` and §6.4 MP-200: at least one scope (also for system user
 * tokens), each registered on the client. Returns the scopes to grant, in the order asked, once each.
 */
export function checkScopes(claims: GrantClaims, client: MaskinportenClient): string[] {
  const scope = claims.scope;
  if (scope !== undefined && typeof scope !== 'string') {
    throw new InvalidRequest('MP-011', 'Invalid parameter value in the grant: scope must be a space-separated string.');
  }
  const requested = [...new Set((scope ?? '').split(' ').filter((s) => s !== ''))];
  if (requested.length === 0) {
    throw new InvalidScope('MP-200', 'No scope requested: the grant must ask for at least one scope registered on the client.');
  }
  const unregistered = requested.filter((s) => !client.scopes.includes(s));
  if (unregistered.length > 0) {
    throw new InvalidScope('MP-200', `Scope not registered on the client: ${unregistered.join(' ')}.`);
  }
  return requested;
}

/**
 * docs/contracts/altinn-authentication.md §6.1 `resource`: an optional audience restriction (a string or an array of
 * strings, in the grant; the form parameter is read when the grant has none). Each value must be an
 * absolute URI (RFC 8707 §2). Returns the issued token's `aud`: the resource, or "unspecified".
 */
export function checkResource(claims: GrantClaims, formResource: string | string[] | undefined): string | string[] {
  const raw = claims.resource !== undefined ? claims.resource : formResource;
  if (raw === undefined) return 'unspecified';
  const values = Array.isArray(raw) ? raw : [raw];
  const valid = values.length > 0 && values.every((v) => typeof v === 'string' && URL.canParse(v));
  if (!valid) {
    throw new InvalidRequest('MP-011', 'Invalid parameter value in the grant: resource must be an absolute URI or an array of them.');
  }
  const resources = [...new Set(values as string[])];
  return resources.length === 1 ? (resources[0] as string) : resources;
}

const ALLOWED_DETAIL_MEMBERS = ['type', 'systemuser_org', 'externalRef'];
const ALLOWED_ORG_MEMBERS = ['authority', 'ID', 'id'];

/** docs/contracts/altinn-authentication.md §6.1 `systemuser_org`: {authority:"iso6523-actorid-upis", ID (or id):"0192:<orgno>"}. */
function parseSystemUserOrg(value: unknown): string {
  if (value === undefined) {
    throw new InvalidAltinnCustomerConfiguration('Invalid authorization_details values: systemuser_org is required for type urn:altinn:systemuser.');
  }
  if (!isPlainObject(value)) {
    throw new InvalidAltinnCustomerConfiguration('Invalid authorization_details values: systemuser_org must be an object {authority, ID}.');
  }
  // docs/contracts/altinn-authentication.md §6.1, MP-302: field names are exact, inside systemuser_org too.
  const unknown = Object.keys(value).filter((k) => !ALLOWED_ORG_MEMBERS.includes(k));
  if (unknown.length > 0) {
    throw new InvalidRequest('MP-302', `Unknown fields in authorization_details: systemuser_org.${unknown.join(', systemuser_org.')}.`);
  }
  if ('ID' in value && 'id' in value) {
    throw new InvalidAltinnCustomerConfiguration('Invalid authorization_details values: systemuser_org has both ID and id.');
  }
  if (value.authority !== ISO6523_AUTHORITY) {
    throw new InvalidAltinnCustomerConfiguration(`Invalid authorization_details values: systemuser_org.authority must be ${ISO6523_AUTHORITY}.`);
  }
  // Altinn writes ID, Digdir's samples write id: both are read (docs/contracts/altinn-authentication.md §6.3).
  const id = 'ID' in value ? value.ID : value.id;
  // A bare org number is taken as 0192:<orgno>: Altinn's broker test sends it so and test Maskinporten
  // issues the token (docs/contracts/platform-behaviour.md §5). The stand-in's choice beyond that one
  // fact: exactly nine digits with a valid check digit, no other prefix, no spaces.
  const match = typeof id === 'string' ? /^(?:0192:)?(\d{9})$/.exec(id) : null;
  const orgNo = match?.[1];
  if (!orgNo || !isValidOrgNo(orgNo)) {
    throw new InvalidAltinnCustomerConfiguration('Invalid authorization_details values: systemuser_org.ID must be a valid organisation number, bare or as "0192:<orgno>".');
  }
  return orgNo;
}

/**
 * docs/contracts/altinn-authentication.md §6.1 `authorization_details` (optional; when present it asks for a system
 * user token) and §6.4:
 * - an array with exactly one element (one party per grant). A wrong shape or count is an invalid
 *   parameter value in the grant, MP-011; MP-302 is kept for unknown member names, which this is not;
 * - `type` urn:altinn:systemuser, else MP-301 (checked first, since the allowed members depend on it);
 * - only `type`, `systemuser_org`, `externalRef`, else MP-302 (field names are exact);
 * - valid `systemuser_org` and `externalRef` values, else MP-303.
 */
export function checkAuthorizationDetails(claims: GrantClaims): SystemUserRequest | undefined {
  const details = claims.authorization_details;
  if (details === undefined) return undefined;
  if (!Array.isArray(details) || details.length !== 1) {
    throw new InvalidRequest('MP-011', 'Invalid parameter value in the grant: authorization_details must be an array with exactly one element (one party per grant).');
  }
  const entry: unknown = details[0];
  if (!isPlainObject(entry)) {
    throw new InvalidRequest('MP-011', 'Invalid parameter value in the grant: the authorization_details element must be an object.');
  }
  if (entry.type !== SYSTEMUSER_TYPE) {
    throw new InvalidRequest('MP-301', `Unknown authorization_details type ${describe(entry.type)}; supported: ${SYSTEMUSER_TYPE}.`);
  }
  const unknown = Object.keys(entry).filter((k) => !ALLOWED_DETAIL_MEMBERS.includes(k));
  if (unknown.length > 0) {
    throw new InvalidRequest('MP-302', `Unknown fields in authorization_details: ${unknown.join(', ')}.`);
  }
  const systemUserOwnerOrgNo = parseSystemUserOrg(entry.systemuser_org);
  const externalRef = entry.externalRef;
  if (externalRef !== undefined && (typeof externalRef !== 'string' || externalRef.trim() === '')) {
    throw new InvalidAltinnCustomerConfiguration('Invalid authorization_details values: externalRef must be a non-empty string.');
  }
  return externalRef === undefined ? { systemUserOwnerOrgNo } : { systemUserOwnerOrgNo, externalRef };
}

/**
 * docs/contracts/altinn-authentication.md §6.2: Maskinporten asks Altinn's byExternalId lookup (§5.2) with the
 * authenticated client, the client's org as system provider, the owner org and externalRef. No hit is
 * MP-303, invalid_altinn_customer_configuration (clientId not on the system, wrong externalRef, the
 * org is not the owner, the system user deleted...).
 */
export function lookupSystemUser(request: SystemUserRequest, client: MaskinportenClient, systemUsers: SystemUserService): SystemUser {
  const found = systemUsers.byExternalId({
    clientId: client.clientId,
    systemProviderOrgNo: client.orgNo,
    systemUserOwnerOrgNo: request.systemUserOwnerOrgNo,
    ...(request.externalRef !== undefined ? { externalRef: request.externalRef } : {}),
  });
  if (!found) {
    throw new InvalidAltinnCustomerConfiguration(
      `No system user found for systemuser_org 0192:${request.systemUserOwnerOrgNo}${request.externalRef !== undefined ? ` and externalRef ${describe(request.externalRef)}` : ''} that the client's system may use (check the system's clientId list, externalRef, and that the org owns the system user).`,
    );
  }
  return found;
}
