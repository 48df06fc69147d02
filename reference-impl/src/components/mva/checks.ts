// The checks of the MVA sample service, in the order docs/samsvar-apis.md §3 gives them. The token
// is validated the way Altinn tells API providers to (docs/contracts/altinn-authorization.md §1.5): signature against
// Maskinporten's keys, issuer, expiry, the provider's own scope, then the system user claim; the
// right itself is the PDP's answer.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { faultActive, type FaultConfig } from '../../faults.ts';
import { AltinnProblem, Unauthorized, ValidationProblem } from '../../platform/errors.ts';
import { isValidOrgNo } from '../../platform/orgno.ts';
import type { PdpService } from '../../platform/services.ts';
import { consumerOrgNo, scopesOf, type MaskinportenClaims, type TokenIssuers, type VerifiedToken } from '../../platform/tokens.ts';

export const SCOPE_WRITE = 'samsvar:mva.write';
export const SCOPE_READ = 'samsvar:mva.read';
export const MVA_RESOURCE = 'samsvar-mva-rapportering';
const SYSTEMUSER_TYPE = 'urn:altinn:systemuser';

/** The system user a token speaks for (docs/contracts/altinn-authorization.md §1.5, docs/contracts/altinn-authentication.md §6.3). */
export interface SystemUserCaller {
  systemUserId: string;
  systemId?: string;
  systemUserOwnerOrgNo?: string;
  vendorOrgNo?: string;
}

/** docs/samsvar-apis.md §3, token check 1: a bearer token is present (401). */
function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header) : null;
  if (!match?.[1]) throw new Unauthorized('A bearer token (a Maskinporten system user token) is required.');
  return match[1];
}

/** docs/samsvar-apis.md §3, token checks 1–3: the token parses, its signature verifies against the Maskinporten JWKS, its issuer is Maskinporten's, and it has not expired (401). */
async function verifiedMaskinportenToken(token: string, issuers: TokenIssuers, config?: FaultConfig): Promise<VerifiedToken> {
  const issuer = issuers.issuer('maskinporten');
  const refused = () => new Unauthorized('The bearer token is missing, malformed, expired, or not issued by a trusted issuer.');
  // Fault mva-godta-fremmed-signatur (selfcheck): the signature is not checked, only the issuer and expiry claims.
  if (faultActive(config, 'mva-godta-fremmed-signatur')) {
    let claims: MaskinportenClaims;
    try {
      claims = decodeJwt(token) as MaskinportenClaims;
    } catch {
      throw refused();
    }
    if (claims.iss !== issuer || typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) throw refused();
    return { issuer: 'maskinporten', claims, token };
  }
  // Fault mva-godta-utlopt (selfcheck): signature and issuer are checked, the expiry is not.
  if (faultActive(config, 'mva-godta-utlopt')) {
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(issuers.jwks('maskinporten')), {
        issuer, algorithms: ['RS256'], clockTolerance: Number.MAX_SAFE_INTEGER,
      });
      return { issuer: 'maskinporten', claims: payload as MaskinportenClaims, token };
    } catch {
      throw refused();
    }
  }
  // docs/samsvar-apis.md §3: the sample service takes Maskinporten's own tokens, not Altinn tokens exchanged from them.
  return issuers.verify(token, ['maskinporten'], { exchanged: false });
}

/** docs/samsvar-apis.md §3, token check 4: the token carries one of the route's scopes (403 MVA-00001). */
function checkScope(token: VerifiedToken, anyOf: string[]): void {
  const held = scopesOf(token);
  if (!anyOf.some((s) => held.includes(s))) {
    throw new AltinnProblem(403, 'MVA-00001', 'The token lacks the scope this operation requires.', {}, `One of these scopes is required: ${anyOf.join(', ')}.`);
  }
}

function ownerOrgNo(org: unknown): string | undefined {
  if (typeof org !== 'object' || org === null) return undefined;
  // Altinn emits ID, Digdir's samples write id: read both (docs/contracts/altinn-authentication.md §6.3).
  const { ID, id } = org as Record<string, unknown>;
  const value = typeof ID === 'string' ? ID : id;
  const match = typeof value === 'string' ? /^0192:(\d{9})$/.exec(value) : null;
  return match?.[1];
}

/**
 * docs/samsvar-apis.md §3, token check 5: a system user token has authorization_details[0] of type
 * urn:altinn:systemuser with systemuser_id[0] (403 MVA-00002). The PEP takes systemuser_id[0] as the
 * subject (docs/contracts/altinn-authorization.md §1.5). The other members feed the receipt when the token has them.
 */
export function systemUserCaller(token: VerifiedToken | null): SystemUserCaller {
  const notSystemUser = (): AltinnProblem =>
    new AltinnProblem(403, 'MVA-00002', 'The token is not a system user token.', {}, 'The token needs authorization_details[0] of type urn:altinn:systemuser with systemuser_id[0].');
  if (!token || token.issuer !== 'maskinporten') throw notSystemUser();
  const details: unknown = token.claims.authorization_details;
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (typeof first !== 'object' || first === null) throw notSystemUser();
  const entry = first as Record<string, unknown>;
  const ids = entry.systemuser_id;
  const systemUserId: unknown = Array.isArray(ids) ? ids[0] : undefined;
  if (entry.type !== SYSTEMUSER_TYPE || typeof systemUserId !== 'string' || systemUserId === '') throw notSystemUser();
  const caller: SystemUserCaller = { systemUserId };
  if (typeof entry.system_id === 'string') caller.systemId = entry.system_id;
  const owner = ownerOrgNo(entry.systemuser_org);
  if (owner) caller.systemUserOwnerOrgNo = owner;
  const vendor = consumerOrgNo(token);
  if (vendor) caller.vendorOrgNo = vendor;
  return caller;
}

/**
 * An onRequest hook running the token checks in order before the body is read, so a caller without a
 * valid token learns nothing about the body's shape. The verified token is put on `request.auth`.
 */
export function requireSystemUserToken(issuers: TokenIssuers, anyScope: string[], config?: FaultConfig) {
  return async function systemUserToken(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    let presented: string | undefined;
    try {
      presented = bearerToken(request);
      const token = await verifiedMaskinportenToken(presented, issuers, config);
      // Fault plattform-ignorer-scope: the scope is not checked.
      if (!faultActive(config, 'plattform-ignorer-scope')) checkScope(token, anyScope);
      systemUserCaller(token);
      request.auth = token;
    } catch (error) {
      // RFC 6750 §3: a 401 names the scheme the resource expects, and §3.1 the reason when a token was
      // presented and refused (error="invalid_token"), as ASP.NET's JwtBearer answers for Altinn's APIs.
      // Fault mva-401-uten-grunn (selfcheck): the reason is left out.
      if (error instanceof Unauthorized) {
        const reason = presented !== undefined && !faultActive(config, 'mva-401-uten-grunn');
        reply.header('www-authenticate', reason ? 'Bearer error="invalid_token"' : 'Bearer');
      }
      throw error;
    }
  };
}

/** docs/samsvar-apis.md §3: partyOrgNo is an organisation number with a valid mod-11 check digit (400). */
export function checkPartyOrgNo(partyOrgNo: string): void {
  if (!isValidOrgNo(partyOrgNo)) {
    throw new ValidationProblem([{
      code: 'STD.VLD-00003',
      title: 'partyOrgNo is not a valid organisation number (mod 11).',
      paths: ['/body/partyOrgNo'],
    }]);
  }
}

/** docs/samsvar-apis.md §3: the PDP decides for the system user on the resource and party; anything but Permit is refused. */
export function pdpPermits(pdp: PdpService, caller: SystemUserCaller, action: 'read' | 'write', partyOrgNo: string): boolean {
  return pdp.decideForSystemUser({ systemUserId: caller.systemUserId, action, resource: MVA_RESOURCE, partyOrgNo, pep: 'mva' }) === 'Permit';
}

/** docs/samsvar-apis.md §3: submitting needs Permit for write (403 MVA-00003). */
export function checkWritePermitted(pdp: PdpService, caller: SystemUserCaller, partyOrgNo: string, config?: FaultConfig): void {
  // Fault mva-hopper-over-pdp (selfcheck): the PDP is not asked; any valid system user token may submit for any party.
  if (faultActive(config, 'mva-hopper-over-pdp')) return;
  if (!pdpPermits(pdp, caller, 'write', partyOrgNo)) {
    throw new AltinnProblem(403, 'MVA-00003', 'The system user is not authorized for this party.', {}, `The PDP did not permit write on ${MVA_RESOURCE} for party ${partyOrgNo}.`);
  }
}
