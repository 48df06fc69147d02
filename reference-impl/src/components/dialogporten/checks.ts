// Who may call Dialogporten (contracts dialogporten-broker §A.6): the token checks of the two APIs,
// run in onRequest hooks before the body is read, and the callers they yield.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive } from '../../faults.ts';
import { scopesOf, consumerOrgNo, type TokenIssuers, type VerifiedToken } from '../../platform/tokens.ts';
import { forbidden, unauthorized } from './problems.ts';

/** contracts dialogporten-broker §A.6: scopes of the end-user API (a system user token) and the service-owner API. */
export const SCOPE = {
  enduser: ['digdir:dialogporten', 'digdir:dialogporten.noconsent'],
  serviceOwner: 'digdir:dialogporten.serviceprovider',
} as const;

const SYSTEMUSER_TYPE = 'urn:altinn:systemuser';

/** The end user a system user token speaks for. */
export interface SystemUserCaller {
  systemUserId: string;
  /** Owner of the system user (`systemuser_org`), when the token names it. */
  systemUserOrgNo?: string;
  /** The Maskinporten client's org (`consumer`): the vendor. */
  vendorOrgNo?: string;
  systemId?: string;
}

/** The service owner a plain Maskinporten token speaks for. */
export interface ServiceOwnerCaller {
  orgNo: string;
}

function orgNoOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Altinn emits ID, Digdir's samples write id: read both (contracts authentication §6.3).
  const { ID, id } = value as Record<string, unknown>;
  const text = typeof ID === 'string' ? ID : id;
  return typeof text === 'string' ? /^0192:(\d{9})$/.exec(text)?.[1] : undefined;
}

/**
 * contracts dialogporten-broker §A.6: `authorization_details` is an object or an array; the entry of type
 * urn:altinn:systemuser with `systemuser_id[0]` (lower-cased) makes the caller a system user.
 */
export function systemUserOf(token: VerifiedToken | null): SystemUserCaller | undefined {
  if (!token || token.issuer !== 'maskinporten') return undefined;
  const details: unknown = token.claims.authorization_details;
  const entries: unknown[] = Array.isArray(details) ? details : details ? [details] : [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const id: unknown = Array.isArray(e.systemuser_id) ? e.systemuser_id[0] : undefined;
    if (e.type !== SYSTEMUSER_TYPE || typeof id !== 'string' || id === '') continue;
    const caller: SystemUserCaller = { systemUserId: id.toLowerCase() };
    const owner = orgNoOf(e.systemuser_org);
    if (owner) caller.systemUserOrgNo = owner;
    const vendor = consumerOrgNo(token);
    if (vendor) caller.vendorOrgNo = vendor;
    if (typeof e.system_id === 'string') caller.systemId = e.system_id;
    return caller;
  }
  return undefined;
}

/** A bearer token that verifies as a Maskinporten token (signature, issuer, expiry), else 401. */
async function verifiedBearer(request: FastifyRequest, issuers: TokenIssuers): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header) : null;
  if (!match?.[1]) throw unauthorized();
  try {
    return await issuers.verify(match[1], ['maskinporten']);
  } catch {
    throw unauthorized();
  }
}

const USER_TYPE_MESSAGE = (valid: string) =>
  `The request was authenticated, but we were unable to determine valid user type (person, system user or service owner) in order to authorize the request. Valid user types for this endpoint are: ${valid}.`;

/**
 * contracts dialogporten-broker §A.6, end-user API: a valid token (401), of user type SystemUser — a plain
 * Maskinporten token is refused with 403 `errors.Type` — carrying `digdir:dialogporten` (403). Person
 * tokens (ID-porten) are not accepted by the reference (401): Samsvar's scenarios reach this API as system users.
 */
export function requireEndUser(issuers: TokenIssuers) {
  return async function endUserToken(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = await verifiedBearer(request, issuers);
    if (!systemUserOf(token)) throw forbidden(USER_TYPE_MESSAGE('Person, SystemUser, IdportenEmailIdentifiedUser'), 'Type');
    const held = scopesOf(token);
    // Fault plattform-ignorer-scope: the scope is not checked.
    if (!SCOPE.enduser.some((s) => held.includes(s)) && !faultActive(issuers.config, 'plattform-ignorer-scope')) throw forbidden(`The token lacks the scope ${SCOPE.enduser[0]}.`);
    request.auth = token;
  };
}

/**
 * contracts dialogporten-broker §A.6, service-owner API: a valid token (401); the user type is ServiceOwner
 * (a system user token, or one without a `consumer` org, is refused with 403 `errors.Type`); the token
 * carries `digdir:dialogporten.serviceprovider` (403).
 */
export function requireServiceOwner(issuers: TokenIssuers) {
  return async function serviceOwnerToken(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = await verifiedBearer(request, issuers);
    if (systemUserOf(token) || !consumerOrgNo(token)) throw forbidden(USER_TYPE_MESSAGE('ServiceOwner, ServiceOwnerOnBehalfOfPerson'), 'Type');
    if (!scopesOf(token).includes(SCOPE.serviceOwner)) throw forbidden(`The token lacks the scope ${SCOPE.serviceOwner}.`);
    request.auth = token;
  };
}

/** The system user behind a request that passed requireEndUser. */
export function endUserOf(request: FastifyRequest): SystemUserCaller {
  const caller = systemUserOf(request.auth);
  if (!caller) throw unauthorized();
  return caller;
}

/** The service owner behind a request that passed requireServiceOwner. */
export function serviceOwnerOf(request: FastifyRequest): ServiceOwnerCaller {
  const orgNo = consumerOrgNo(request.auth);
  if (!orgNo) throw unauthorized();
  return { orgNo };
}
