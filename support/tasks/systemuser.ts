// Tasks of the system user lifecycle (docs/contracts/altinn-authentication.md §3, §5): the company acquires the
// system, the vendor asks for a system user, the company's daglig leder approves or rejects, and the
// vendor reads back the request and the system user. A person answers through the ability of
// support/abilities/answer-requests.ts: the Access Management BFF, the end-user API or the browser.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from './systemregister.ts';
import { requireDone, type PageState } from '../browser/portal.ts';
import { answerRequestsFor, answerRequestsOverHttp, DONE_IN_PORTAL, noteAnswer, type Reply, type RequestAnswer } from '../abilities/answer-requests.ts';
import { ProfileError } from '../target/profile.ts';
import { readPages, type PagedList } from '../lists.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { CreateRequestSystemUser, RequestSystemResponse, SystemUserExternal } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

/** Context only: the company uses the vendor's system. Nothing is sent. */
export function acquireSystem(company: Company, vendor: Vendor): void {
  company.notes.supplier = vendor;
}

/** How a request departs from the plain one. */
export interface RequestVariant {
  /** Where the person's browser goes after the answer (docs/contracts/altinn-authentication.md §3.2, §3.4 step 8). */
  redirectUrl?: string;
}

/** The vendor asks the company for a standard system user with these packages (When). */
export async function requestSystemUser(vendor: Vendor, company: Company, packages: string[], variant: RequestVariant = {}): Promise<ApiResponse<RequestSystemResponse>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const body: CreateRequestSystemUser = {
    systemId: registeredSystemId(vendor),
    partyOrgNo: company.orgNo,
    accessPackages: packages.map((code) => ({ urn: `${ACCESS_PACKAGE_PREFIX}${code}` })),
    ...(variant.redirectUrl !== undefined ? { redirectUrl: variant.redirectUrl } : {}),
  };
  const notes = vendor.customer(company);
  notes.requestBody = body;
  notes.request = await vendor.authentication.createRequest(await vendor.platformToken(), body);
  return notes.request;
}

/** The vendor sends the very same request again (When). */
export async function repeatRequest(vendor: Vendor, company: Company): Promise<ApiResponse<RequestSystemResponse>> {
  const notes = vendor.customer(company);
  assertTestable(notes.requestBody, `systemleverandøren har ikke sendt noen forespørsel for ${company.role}.`);
  notes.repeatedRequest = await vendor.authentication.createRequest(await vendor.platformToken(), notes.requestBody);
  return notes.repeatedRequest;
}

function requestIdFor(vendor: Vendor, company: Company): string {
  const id = vendor.customer(company).request?.data?.id;
  assertTestable(typeof id === 'string' && id !== '', `systemleverandøren har ingen forespørsel med id for ${company.role}.`);
  return id;
}

/** The URL the vendor sends the person to (the request's confirmUrl, docs/contracts/altinn-authentication.md §3.1). */
export function confirmUrlFor(request: { confirmUrl?: string } | undefined, company: Company): string {
  const url = request?.confirmUrl;
  assertTestable(typeof url === 'string' && /^https?:\/\//.test(url), `forespørselen for ${company.role} har ingen confirmUrl personen kan åpne (var ${JSON.stringify(url)}).`);
  return url;
}

/** What the portal shows when an approval went through: the receipt, or the vendor's site (redirectUrl). */
export const APPROVED_IN_PORTAL: readonly PageState[] = DONE_IN_PORTAL.approve;
export const REJECTED_IN_PORTAL: readonly PageState[] = DONE_IN_PORTAL.reject;

/**
 * A person answers the vendor's request for the company on the surface of this run (the BFF, the
 * end-user API or the approval page: support/abilities/answer-requests.ts); `inNameOf` is the party
 * the answer is given in (by default the company), and the answer is noted for the Then-steps.
 */
async function answerRequest(company: Company, person: Person, vendor: Vendor, reply: Reply, inNameOf: Company = company): Promise<RequestAnswer> {
  const requestId = requestIdFor(vendor, company);
  const partyId = async () => {
    await inNameOf.ready();
    return inNameOf.partyId;
  };
  const request = { kind: 'standard' as const, partyId, requestId, confirmUrl: confirmUrlFor(vendor.customer(company).request?.data, company) };
  // The approval page always answers in the request's own party: another party is an HTTP call.
  const ability = inNameOf === company ? answerRequestsFor(person) : answerRequestsOverHttp(person);
  const answer = await ability.answer(person, request, reply);
  noteAnswer(company.notes, person, answer);
  // The system user id equals the id of the approved request (docs/contracts/altinn-authentication.md §3.3).
  if (reply === 'approve' && answer.done && inNameOf === company) {
    company.notes.systemUserId = requestId;
    company.notes.systemUserType = 'standard';
    vendor.notes.systemUsers.set(requestId, { systemId: registeredSystemId(vendor), owner: company.role });
  }
  return answer;
}

/** The company's daglig leder (or another person) approves the vendor's request in the company's name (When). */
export async function approveRequest(company: Company, person: Person, vendor: Vendor): Promise<RequestAnswer> {
  return answerRequest(company, person, vendor, 'approve');
}

/** The company's daglig leder rejects the vendor's request (When). */
export async function rejectRequest(company: Company, person: Person, vendor: Vendor): Promise<RequestAnswer> {
  return answerRequest(company, person, vendor, 'reject');
}

/** A person approves the vendor's request for the company in the name of another party `inNameOf` (When). */
export async function approveRequestInNameOf(company: Company, person: Person, vendor: Vendor, inNameOf: Company): Promise<RequestAnswer> {
  return answerRequest(company, person, vendor, 'approve', inNameOf);
}

/** Given: the person has approved the vendor's request for the company. */
export async function establishApproval(company: Company, person: Person, vendor: Vendor): Promise<void> {
  requireDone((await approveRequest(company, person, vendor)).outcome, APPROVED_IN_PORTAL, `Godkjenningen av forespørselen ved ${person.role}`);
}

/** Given: the person has rejected the vendor's request for the company. */
export async function establishRejection(company: Company, person: Person, vendor: Vendor): Promise<void> {
  requireDone((await rejectRequest(company, person, vendor)).outcome, REJECTED_IN_PORTAL, `Avvisningen av forespørselen ved ${person.role}`);
}

/**
 * A redirect URL the vendor's system registered (its first `allowedRedirectUrls` entry), with the
 * vendor's own state in the query: the platform matches scheme, host, port and path and ignores the
 * query (docs/contracts/altinn-authentication.md §3.2), and the browser must arrive with the query intact.
 */
export function registeredRedirectUrl(vendor: Vendor): string {
  const allowed = vendor.notes.system?.allowedRedirectUrls?.[0];
  assertTestable(allowed, 'systemet er ikke registrert med noen omdirigerings-URL.');
  const url = new URL(allowed);
  url.searchParams.set('state', randomBytes(8).toString('hex'));
  return url.href;
}

/** An https URL on a host the vendor's system has not registered (AUTH-00021 when asked for). */
export function unregisteredRedirectUrl(vendor: Vendor): string {
  return `https://annen-nettside-${vendor.orgNo}.samsvar.invalid/systembruker/ferdig`;
}

/** What a redirect URL that is not https looks like in the scenarios (issue 15). */
export type InsecureScheme = 'javascript' | 'http';

/**
 * A redirect URL with the scheme `scheme` instead of https: a script URL (which a browser would run on
 * the page that redirects), or the system's registered URL with plain http (the same host and path).
 */
export function insecureRedirectUrl(vendor: Vendor, scheme: string): string {
  if (scheme === 'javascript') return 'javascript:alert(document.domain)//';
  assert.equal(scheme, 'http', `Steget kjenner omdirigerings-URL-er med skjemaet javascript eller http, ikke «${scheme}».`);
  const url = new URL(registeredRedirectUrl(vendor));
  return `http://${url.host}${url.pathname}${url.search}`;
}

/** The vendor reads every request on its system, following links.next (a question). */
export async function readRequestsBySystem(vendor: Vendor, company: Company): Promise<void> {
  await vendor.ready();
  const token = await vendor.platformToken();
  vendor.customer(company).requestsBySystem = await readPages(
    await vendor.authentication.requestsBySystem(token, registeredSystemId(vendor)),
    (next) => vendor.authentication.follow<PagedList<RequestSystemResponse>>(next, token),
  );
}

/**
 * Given: the person is registered in ER as a board member (styremedlem, MEDL) of the company: a
 * relation that lets them read the company's requests but not approve them (MEDL gives no access
 * packages and is not a key role). Without the test data API the company fixture must name one.
 */
export async function registerBoardMember(company: Company, person: Person): Promise<void> {
  await company.ready();
  assert.equal(person, company.boardMember, `Steget gjelder styremedlemmet i ${company.role}, men featuren nevner ${person.role}.`);
  if (!company.usesTestdataApi) {
    if (!company.fixtureData?.styremedlem) {
      throw new ProfileError(`Profilens fixture for ${company.role} mangler "styremedlem" (en person med ER-rollen MEDL som ikke er tilgangsstyrer).`);
    }
    return;
  }
  await person.ready();
  requireSuccess(
    await company.testdata.addRole({ orgNo: company.orgNo, role: 'MEDL', holder: { pid: person.pid } }),
    `Å registrere ${person.role} (MEDL) i Enhetsregisteret`,
  );
}

/** The vendor reads its request for the company (a question). */
export async function readRequest(vendor: Vendor, company: Company): Promise<ApiResponse<RequestSystemResponse>> {
  const requestId = requestIdFor(vendor, company);
  const notes = vendor.customer(company);
  notes.requestRead = await vendor.authentication.getRequest(await vendor.platformToken(), requestId);
  return notes.requestRead;
}

/**
 * The vendor looks for a request for the company by its key (a question): after a refused request
 * there must be none. externalRef defaults to the org number (docs/contracts/altinn-authentication.md §3.2).
 */
export async function lookUpRequest(vendor: Vendor, company: Company): Promise<ApiResponse<RequestSystemResponse>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const notes = vendor.customer(company);
  notes.requestLookup = await vendor.authentication.requestByExternalRef(await vendor.platformToken(), {
    systemId: registeredSystemId(vendor),
    orgNo: company.orgNo,
    externalRef: company.orgNo,
  });
  return notes.requestLookup;
}

/** The vendor looks up the company's system user for its system (a question; byquery, and the whole bysystem list). */
export async function findSystemUser(vendor: Vendor, company: Company): Promise<ApiResponse<SystemUserExternal>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const notes = vendor.customer(company);
  const token = await vendor.platformToken();
  notes.systemUserQuery = await vendor.authentication.systemUserByQuery(token, {
    systemId: registeredSystemId(vendor),
    orgNo: company.orgNo,
  });
  notes.systemUsersBySystem = await readPages(
    await vendor.authentication.systemUsersBySystem(token, registeredSystemId(vendor)),
    (next) => vendor.authentication.follow<PagedList<SystemUserExternal>>(next, token),
  );
  return notes.systemUserQuery;
}

/** Given: the company has acquired the system and approved a system user with these packages. */
export async function establishSystemUser(company: Company, vendor: Vendor, packages: string[]): Promise<string> {
  acquireSystem(company, vendor);
  requireSuccess(await requestSystemUser(vendor, company, packages), `Systemleverandørens forespørsel om systembruker for ${company.role}`, [201]);
  requireDone((await approveRequest(company, company.dagligLeder, vendor)).outcome, APPROVED_IN_PORTAL, `Godkjenningen av forespørselen ved daglig leder i ${company.role}`);
  const systemUserId = company.notes.systemUserId;
  assertTestable(systemUserId, `${company.role} har ingen systembruker etter godkjenningen.`);
  return systemUserId;
}

/** The id of the system user the company approved; fails the scenario as not testable when there is none. */
export function systemUserIdOf(company: Company): string {
  const id = company.notes.systemUserId;
  assertTestable(id, `${company.role} har ikke godkjent noen systembruker i dette scenarioet.`);
  return id;
}

/**
 * The company's access manager deletes its system user through the end-user API (When): a standard
 * one with DELETE systemuser/{party}/{id}, an agent one with DELETE systemuser/agent/{party}/{id}
 * (docs/contracts/altinn-authentication.md §5.2; vendors have no delete route); `route` picks the other route on
 * purpose (REQ-13). Only an acknowledged delete takes
 * the system user out of what the vendor's bysystem list must hold.
 */
export async function deleteSystemUser(company: Company, person: Person, vendor: Vendor, route: 'standard' | 'agent' = company.notes.systemUserType ?? 'standard'): Promise<ApiResponse<unknown>> {
  await company.ready();
  const id = systemUserIdOf(company);
  const token = await person.token();
  const answer = route === 'agent'
    ? await person.authentication.deleteAgentSystemUser(token, company.partyId, id)
    : await person.authentication.deleteSystemUser(token, company.partyId, id);
  company.notes.deletion = { answer };
  if (answer.status >= 200 && answer.status < 300) vendor.notes.systemUsers.delete(id);
  return answer;
}

/** After a delete: the owner reads its system user, and the vendor looks it up and reads its bysystem list (a question). */
export async function readBackDeletedSystemUser(company: Company, vendor: Vendor): Promise<void> {
  const deletion = company.notes.deletion;
  assertTestable(deletion, `${company.role} har ikke slettet noen systembruker.`);
  const person = company.dagligLeder;
  deletion.readBack = await person.authentication.systemUserOfParty(await person.token(), company.partyId, systemUserIdOf(company));
  await findSystemUser(vendor, company);
}

/** The vendor deletes its request for the company (When): DELETE systemuser/request/vendor/{id}. */
export async function deleteRequest(vendor: Vendor, company: Company): Promise<ApiResponse<unknown>> {
  const requestId = requestIdFor(vendor, company);
  const notes = vendor.customer(company);
  notes.requestDeletion = await vendor.authentication.deleteRequest(await vendor.platformToken(), requestId);
  return notes.requestDeletion;
}
