// Who is calling: vendor (Maskinporten token, `consumer` claim) and person (ID-porten stand-in token,
// `pid` claim) helpers, and the person's standing in a party (docs/contracts/altinn-authentication.md §1, §3.5).

import type { FastifyRequest } from 'fastify';
import { Unauthorized } from '../../platform/errors.ts';
import type { Organisation } from '../../platform/model.ts';
import { consumerOrgNo, requireBearer, scopesOf, type TokenIssuers } from '../../platform/tokens.ts';
import { PACKAGE_URN_PREFIX, SCOPE, type AuthContext } from './context.ts';
import { authProblem } from './problems.ts';

/**
 * An onRequest hook for vendor endpoints: a valid Maskinporten token carrying one of `scopes`
 * (401 without a valid token, 403 without the scope; docs/contracts/altinn-authentication.md §0, §1). It runs before
 * the body is parsed, as ASP.NET authorises before model binding.
 */
export function vendorToken(issuers: TokenIssuers, scopes: string[]) {
  return requireBearer(issuers, { accept: ['maskinporten'], anyScope: scopes });
}

/** An onRequest hook for end-user endpoints: a person token from the ID-porten stand-in with altinn:portal/enduser. */
export function personToken(issuers: TokenIssuers) {
  return requireBearer(issuers, { accept: ['idporten'], anyScope: [SCOPE.portal] });
}

/** The vendor org number from the `consumer` claim, or undefined (docs/contracts/altinn-authentication.md §0). */
export function vendorOrgNoOf(request: FastifyRequest): string | undefined {
  return consumerOrgNo(request.auth);
}

/** docs/contracts/altinn-authentication.md §3.4 step 1: no vendor org number in the token → 401 AUTH-00023. */
export function requireVendorForCreate(request: FastifyRequest): string {
  const orgNo = vendorOrgNoOf(request);
  if (!orgNo) throw authProblem('AUTH-00023');
  return orgNo;
}

/** Vendor reads answer a bare 401 when the token has no usable `consumer` (docs/contracts/altinn-authentication.md §3.1, §5.2). */
export function requireVendorForRead(request: FastifyRequest): string {
  const orgNo = vendorOrgNoOf(request);
  if (!orgNo) throw new Unauthorized('The token has no consumer organisation number.');
  return orgNo;
}

/** docs/contracts/altinn-authentication.md §1: the admin scope bypasses the owner check of the system register. */
export function hasSystemRegisterAdmin(request: FastifyRequest): boolean {
  return request.auth !== null && scopesOf(request.auth).includes(SCOPE.systemRegisterAdmin);
}

/** The `client_id` claim of the caller's Maskinporten token, for the change log. */
export function clientIdOf(request: FastifyRequest): string | undefined {
  const auth = request.auth;
  if (auth?.issuer !== 'maskinporten') return undefined;
  return typeof auth.claims.client_id === 'string' ? auth.claims.client_id : undefined;
}

/** The person's national identity number from the ID-porten stand-in token. */
export function personPidOf(request: FastifyRequest): string {
  const auth = request.auth;
  if (auth?.issuer !== 'idporten' || typeof auth.claims.pid !== 'string') {
    throw new Unauthorized('A person token with a pid claim is required.');
  }
  return auth.claims.pid;
}

/** Package codes without the URN prefix. */
export function packageCode(urnOrCode: string): string {
  return urnOrCode.startsWith(PACKAGE_URN_PREFIX) ? urnOrCode.slice(PACKAGE_URN_PREFIX.length) : urnOrCode;
}

/** The packages a person holds in an org (through ER roles and assignments), as codes. */
export function personPackages(ctx: AuthContext, pid: string, orgNo: string): Set<string> {
  return new Set(ctx.services.access.packagesForPerson(pid, orgNo).map(packageCode));
}

/**
 * A person's standing in a party. An access manager holds `tilgangsstyrer` or `hovedadministrator`
 * (a DAGL gets both through the ER key role; docs/contracts/altinn-authorization.md §3.2). Any other package or an
 * ER role in the party is a relation: enough to read a request, not to approve it (§3.5
 * `userMayEscalateButNotApprove`).
 */
export type PartyStanding = 'accessManager' | 'relation' | 'none';

export function standingIn(ctx: AuthContext, pid: string, org: Organisation): PartyStanding {
  const packages = personPackages(ctx, pid, org.orgNo);
  if (packages.has('tilgangsstyrer') || packages.has('hovedadministrator')) return 'accessManager';
  const hasRole = ctx.services.register.rolesIn(org.orgNo).some((r) => 'pid' in r.holder && r.holder.pid === pid);
  return packages.size > 0 || hasRole ? 'relation' : 'none';
}

/**
 * docs/contracts/altinn-authentication.md §3.5, §7.4: approve, reject and delete need access management write in the
 * party; a person who is not an access manager gets 403 AUTH-00066. (Altinn's policy answers a bare 403
 * here; the reference names the rule with the code Altinn uses for the same condition.)
 */
export function requireAccessManager(ctx: AuthContext, pid: string, org: Organisation): void {
  if (standingIn(ctx, pid, org) !== 'accessManager') throw authProblem('AUTH-00066');
}

/** Reads need a relation to the party (access manager or any package/role); otherwise 403 AUTH-00066. */
export function requireRelation(ctx: AuthContext, pid: string, org: Organisation): PartyStanding {
  const standing = standingIn(ctx, pid, org);
  if (standing === 'none') throw authProblem('AUTH-00066');
  return standing;
}

/** `{party}` is the legacy integer party id of an organisation; unknown → 400 AUTH-00000 (docs/contracts/altinn-authentication.md §3.5). */
export function partyOrganisation(ctx: AuthContext, party: string): Organisation {
  const org = ctx.services.register.organisationByPartyId(Number(party));
  if (!org) throw authProblem('AUTH-00000');
  return org;
}
