// Who may call Dialogporten (docs/contracts/dialogporten-broker.md §A.6): the token checks of the two APIs,
// run in onRequest hooks before the body is read, and the callers they yield.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive } from '../../faults.ts';
import { scopesOf, consumerOrgNo, type TokenIssuers, type VerifiedToken } from '../../platform/tokens.ts';
import { forbidden, unauthorized } from './problems.ts';
import { isValidParty, PERSON_PARTY_PREFIX } from './values.ts';

/** docs/contracts/dialogporten-broker.md §A.6: scopes of the end-user API (a system user token) and the service-owner API. */
export const SCOPE = {
  enduser: ['digdir:dialogporten', 'digdir:dialogporten.noconsent'],
  serviceOwner: 'digdir:dialogporten.serviceprovider',
} as const;

/** docs/contracts/dialogporten-serviceowner.md §1: the search routes also take the search-only scope. */
export const SO_SEARCH_SCOPE = 'digdir:dialogporten.serviceprovider.search';

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

/** A person with an ID-porten token (or an Altinn token exchanged from one), docs/contracts/dialogporten-persons.md §1. */
export interface PersonCaller {
  pid: string;
  /** The token's `acr`, for the dialog token's authentication level. */
  acr?: string;
}

/** Who reads Dialogporten's end-user API: a system user or a person. */
export type EndUserCaller = SystemUserCaller | PersonCaller;

export const isPerson = (caller: EndUserCaller): caller is PersonCaller => 'pid' in caller;

/** The person's party URN, as dialogs name a person party. */
export const personParty = (pid: string): string => `${PERSON_PARTY_PREFIX}${pid}`;

/** The key the seen log keeps per end user: the system user id, or the person's party URN. */
export const callerKey = (caller: EndUserCaller): string => (isPerson(caller) ? personParty(caller.pid) : caller.systemUserId);

/** The person a token speaks for: an ID-porten token (raw or exchanged) with a `pid`. */
export function personOf(token: VerifiedToken | null): PersonCaller | undefined {
  if (!token || token.issuer !== 'idporten' || typeof token.claims.pid !== 'string') return undefined;
  const acr = token.claims.acr;
  return { pid: token.claims.pid, ...(typeof acr === 'string' ? { acr } : {}) };
}

/** The person an `endUserId` (`urn:altinn:person:identifier-no:<pid>`, checksums valid) names, or undefined. */
export function personOfEndUserId(endUserId: string): PersonCaller | undefined {
  const value = endUserId.toLowerCase();
  return value.startsWith(PERSON_PARTY_PREFIX) && isValidParty(value) ? { pid: value.slice(PERSON_PARTY_PREFIX.length) } : undefined;
}

/** The service owner a plain Maskinporten token speaks for. */
export interface ServiceOwnerCaller {
  orgNo: string;
}

function orgNoOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // Altinn emits ID, Digdir's samples write id: read both (docs/contracts/altinn-authentication.md §6.3).
  const { ID, id } = value as Record<string, unknown>;
  const text = typeof ID === 'string' ? ID : id;
  return typeof text === 'string' ? /^0192:(\d{9})$/.exec(text)?.[1] : undefined;
}

/**
 * docs/contracts/dialogporten-broker.md §A.6: `authorization_details` is an object or an array; the entry of type
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

/** A bearer token that verifies as a token of one of `accept` (signature, issuer, expiry), else 401. */
async function verifiedBearer(request: FastifyRequest, issuers: TokenIssuers, accept: Array<'maskinporten' | 'idporten'> = ['maskinporten']): Promise<VerifiedToken> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header) : null;
  if (!match?.[1]) throw unauthorized();
  try {
    return await issuers.verify(match[1], accept);
  } catch {
    throw unauthorized();
  }
}

const USER_TYPE_MESSAGE = (valid: string) =>
  `The request was authenticated, but we were unable to determine valid user type (person, system user or service owner) in order to authorize the request. Valid user types for this endpoint are: ${valid}.`;

/**
 * docs/contracts/dialogporten-broker.md §A.6, end-user API: a valid token (401), of user type SystemUser or Person
 * (docs/contracts/dialogporten-persons.md §1) — a plain Maskinporten token is refused with 403
 * `errors.Type` — carrying `digdir:dialogporten` (403).
 */
export function requireEndUser(issuers: TokenIssuers) {
  return async function endUserToken(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = await verifiedBearer(request, issuers, ['maskinporten', 'idporten']);
    if (!systemUserOf(token) && !personOf(token)) throw forbidden(USER_TYPE_MESSAGE('Person, SystemUser, IdportenEmailIdentifiedUser'), 'Type');
    const held = scopesOf(token);
    // Fault plattform-ignorer-scope: the scope is not checked.
    if (!SCOPE.enduser.some((s) => held.includes(s)) && !faultActive(issuers.config, 'plattform-ignorer-scope')) throw forbidden(`The token lacks the scope ${SCOPE.enduser[0]}.`);
    request.auth = token;
  };
}

/**
 * docs/contracts/dialogporten-broker.md §A.6, service-owner API: a valid token (401); the user type is ServiceOwner
 * (a system user token, or one without a `consumer` org, is refused with 403 `errors.Type`); the token
 * carries `digdir:dialogporten.serviceprovider` (403).
 */
export function requireServiceOwner(issuers: TokenIssuers, alsoAccepted: string[] = []) {
  return async function serviceOwnerToken(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = await verifiedBearer(request, issuers);
    if (systemUserOf(token) || !consumerOrgNo(token)) throw forbidden(USER_TYPE_MESSAGE('ServiceOwner, ServiceOwnerOnBehalfOfPerson'), 'Type');
    const held = scopesOf(token);
    if (![SCOPE.serviceOwner, ...alsoAccepted].some((s) => held.includes(s))) throw forbidden(`The token lacks the scope ${SCOPE.serviceOwner}.`);
    request.auth = token;
  };
}

/** The system user or person behind a request that passed requireEndUser. */
export function endUserOf(request: FastifyRequest): EndUserCaller {
  const caller = systemUserOf(request.auth) ?? personOf(request.auth);
  if (!caller) throw unauthorized();
  return caller;
}

/** The service owner behind a request that passed requireServiceOwner. */
export function serviceOwnerOf(request: FastifyRequest): ServiceOwnerCaller {
  const orgNo = consumerOrgNo(request.auth);
  if (!orgNo) throw unauthorized();
  return { orgNo };
}
