// What conforming request and system user APIs answer (docs/contracts/altinn-authentication.md §3, §5).

import assert from 'node:assert/strict';
import { assertTestable, expectProblem, expectStatus } from '../assertions.ts';
import { expectAnsweredInPortal, expectRefusedInPortal, sameUrl } from './portal.ts';
import { surface } from '../abilities/answer-requests.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from '../tasks/systemregister.ts';
import { expectMembers, listItems } from '../lists.ts';
import { confirmUrlProblem } from '../answers.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { RequestSystemResponse } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

function packagesOf(request: RequestSystemResponse | undefined): string[] {
  return (request?.accessPackages ?? []).map((p) => p.urn);
}

/** The request as the vendor sent it: its system, party and packages (REQ-1). */
function expectRequestMatches(krav: string, request: RequestSystemResponse | undefined, vendor: Vendor, company: Company, packageCodes: string[]): void {
  assert.ok(request && typeof request.id === 'string' && request.id !== '', `[${krav}] Forespørselen skal ha en id, svaret var ${JSON.stringify(request)}.`);
  assert.equal(request.systemId, registeredSystemId(vendor), `[${krav}] Forespørselen skal gjelde systemet ${registeredSystemId(vendor)}.`);
  assert.equal(request.partyOrgNo, company.orgNo, `[${krav}] Forespørselen skal gjelde ${company.role} (${company.orgNo}), gjaldt ${request.partyOrgNo}.`);
  for (const code of packageCodes) {
    assert.ok(packagesOf(request).includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[${krav}] Forespørselen skal kreve tilgangspakken ${code}, krever ${packagesOf(request).join(', ') || 'ingen'}.`);
  }
}

/** REQ-1 / SB-3.2: 201, Location, status New, a confirmUrl to the approval page of this very request; read back with GET, stored as sent and New. */
export function expectRequestPending(vendor: Vendor, company: Company): void {
  const notes = vendor.customer(company);
  const response = notes.request;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen systembruker for ${company.role}.`);
  expectStatus(response, 201, 'REQ-1', 'Forespørsel om systembruker');
  const request = response.data;
  const codes = (notes.requestBody?.accessPackages ?? []).map((p) => p.urn.slice(ACCESS_PACKAGE_PREFIX.length));
  expectRequestMatches('REQ-1', request, vendor, company, codes);
  assert.equal(request?.status, 'New', `[REQ-1] En ny forespørsel skal ha status New, hadde ${request?.status}.`);
  const confirm = confirmUrlProblem(request?.confirmUrl, 'standard', request?.id);
  assert.equal(confirm, undefined, `[REQ-1] ${confirm}.`);
  const location = response.headers.location ?? '';
  assert.ok(request && location.endsWith(`/authentication/api/v1/systemuser/request/${request.id}`), `[REQ-1] Location skal peke på forespørselen (…/authentication/api/v1/systemuser/request/${request?.id}), var "${location}".`);
  // Read back: the vendor's GET of the request shows it stored as sent, still New.
  const read = notes.requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'REQ-1', 'Oppslag på forespørselen etter at den er opprettet');
  assert.equal(read.data?.id, request?.id, `[REQ-1] Oppslaget skal gi forespørselen ${request?.id}, ga ${read.data?.id}.`);
  expectRequestMatches('REQ-1', read.data, vendor, company, codes);
  assert.equal(read.data?.status, 'New', `[REQ-1] Forespørselen skal være lagret med status New, oppslaget ga ${read.data?.status}.`);
}

/** REQ-2: the same key again gives 200 with the same request (id and confirmUrl). */
export function expectSameRequestAgain(vendor: Vendor, company: Company): void {
  const notes = vendor.customer(company);
  assert.ok(notes.request && notes.repeatedRequest, 'Systemleverandøren har ikke sendt forespørselen to ganger.');
  expectStatus(notes.request, 201, 'REQ-2', 'Første forespørsel om systembruker');
  expectStatus(notes.repeatedRequest, 200, 'REQ-2', 'Samme forespørsel sendt på nytt');
  const first = notes.request.data;
  const again = notes.repeatedRequest.data;
  assert.equal(again?.id, first?.id, `[REQ-2] Samme forespørsel sendt på nytt skal gi samme forespørsel (id ${first?.id}), fikk id ${again?.id}.`);
  assert.equal(again?.confirmUrl, first?.confirmUrl, `[REQ-2] Samme forespørsel skal ha samme confirmUrl (${first?.confirmUrl}), fikk ${again?.confirmUrl}.`);
  assert.equal(again?.status, 'New', `[REQ-2] Forespørselen skal fortsatt ha status New, hadde ${again?.status}.`);
}

/**
 * REQ-3 / SB-3.3: approval answered 200 true (in the portal: the receipt, or the request's
 * redirectUrl) and the request now reads Accepted.
 */
export function expectApproved(company: Company, vendor: Vendor, packageCode: string): void {
  const inPortal = company.notes.approvalInPortal;
  if (inPortal) {
    expectAnsweredInPortal(inPortal, 'approved', vendor.customer(company).requestBody?.redirectUrl, 'REQ-3', 'Godkjenning av forespørselen i portalen');
  } else {
    const approval = company.notes.approval;
    assert.ok(approval, `${company.role} har ikke godkjent noen forespørsel.`);
    expectStatus(approval, 200, 'REQ-3', 'Godkjenning av forespørselen');
    assert.equal(approval.body, true, `[REQ-3] Godkjenningen skal svare true, svarte ${JSON.stringify(approval.body)}.`);
  }
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'REQ-3', 'Oppslag på forespørselen etter godkjenning');
  expectRequestMatches('REQ-3', read.data, vendor, company, [packageCode]);
  assert.equal(read.data?.status, 'Accepted', `[REQ-3] Forespørselen skal ha status Accepted etter godkjenning, hadde ${read.data?.status}.`);
}

/** REQ-4: rejection answered 200 true (in the portal: the receipt, or the redirectUrl) and the request now reads Rejected. */
export function expectRejected(company: Company, vendor: Vendor): void {
  const inPortal = company.notes.rejectionInPortal;
  if (inPortal) {
    expectAnsweredInPortal(inPortal, 'rejected', vendor.customer(company).requestBody?.redirectUrl, 'REQ-4', 'Avvisning av forespørselen i portalen');
  } else {
    const rejection = company.notes.rejection;
    assert.ok(rejection, `${company.role} har ikke avvist noen forespørsel.`);
    expectStatus(rejection, 200, 'REQ-4', 'Avvisning av forespørselen');
    assert.equal(rejection.body, true, `[REQ-4] Avvisningen skal svare true, svarte ${JSON.stringify(rejection.body)}.`);
  }
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'REQ-4', 'Oppslag på forespørselen etter avvisning');
  assert.equal(read.data?.status, 'Rejected', `[REQ-4] Forespørselen skal ha status Rejected etter avvisning, hadde ${read.data?.status}.`);
}

/**
 * REQ-5: the vendor's bysystem list, every page, holds exactly the system users approved on the system
 * in this scenario and not deleted since. Exact on every target: the system is registered by this
 * scenario (a fresh id), so no other run's system user can belong to it; one of another system or
 * another vendor is named as a leak.
 */
function expectBySystemList(vendor: Vendor, company: Company, krav: string): void {
  const systemId = registeredSystemId(vendor);
  const what = `Systembrukerne på systemet ${systemId} (bysystem)`;
  const items = listItems(vendor.customer(company).systemUsersBySystem, krav, what);
  const expected = new Map([...vendor.notes.systemUsers].filter(([, u]) => u.systemId === systemId).map(([id, u]) => [id, `systembrukeren til ${u.owner}`]));
  expectMembers(items, {
    krav,
    what,
    key: (u) => u.id,
    expected,
    exact: true,
    foreign: (u) =>
      u.systemId !== systemId ? `den gjelder systemet ${String(u.systemId)}` : u.supplierOrgno !== vendor.orgNo ? `den er levert av ${String(u.supplierOrgno)}, ikke systemleverandøren` : u.isDeleted === true ? 'den er slettet' : undefined,
  });
}

/** REQ-5 / SB-3.3: the vendor finds the company's standard system user; its id is the approved request's. */
export function expectSystemUserFound(vendor: Vendor, company: Company): void {
  const response = vendor.customer(company).systemUserQuery;
  assert.ok(response, `Systemleverandøren har ikke slått opp systembrukeren til ${company.role}.`);
  expectStatus(response, 200, 'REQ-5', 'Oppslag på systembrukeren');
  const user = response.data;
  assert.equal(user?.id, company.notes.systemUserId, `[REQ-5] Systembrukerens id skal være id-en til den godkjente forespørselen (${company.notes.systemUserId}), var ${user?.id}.`);
  assert.equal(user?.systemId, registeredSystemId(vendor), `[REQ-5] Systembrukeren skal gjelde systemet ${registeredSystemId(vendor)}, gjaldt ${user?.systemId}.`);
  assert.equal(user?.reporteeOrgNo, company.orgNo, `[REQ-5] Systembrukeren skal eies av ${company.role} (${company.orgNo}), reporteeOrgNo var ${user?.reporteeOrgNo}.`);
  assert.equal(user?.supplierOrgno, vendor.orgNo, `[REQ-5] supplierOrgno skal være systemleverandøren (${vendor.orgNo}), var ${user?.supplierOrgno}.`);
  assert.equal(user?.userType, 'standard', `[REQ-5] Systembrukeren skal være en standard systembruker, var ${user?.userType}.`);
  assert.notEqual(user?.isDeleted, true, '[REQ-5] Systembrukeren skal ikke være slettet.');
  expectBySystemList(vendor, company, 'REQ-5');
}

/** REQ-4 / REQ-5: no system user exists for the company and the system. */
export function expectNoSystemUser(vendor: Vendor, company: Company): void {
  const response: ApiResponse<unknown> | undefined = vendor.customer(company).systemUserQuery;
  assert.ok(response, `Systemleverandøren har ikke slått opp systembrukeren til ${company.role}.`);
  expectStatus(response, 404, 'REQ-5', `Oppslag på systembruker for ${company.role} som ikke har godkjent noen`);
  expectBySystemList(vendor, company, 'REQ-5');
}

// ---- Refusals a person meets (UI-1 to UI-4) ------------------------------------------------------

/** UI-3: a request whose redirectUrl the system has not registered is refused with 400 and the code (AUTH-00021). */
export function expectRequestRefused(vendor: Vendor, company: Company, code: string): void {
  const response = vendor.customer(company).request;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen systembruker for ${company.role}.`);
  expectProblem(response, 400, code, 'UI-3', `Forespørsel om systembruker for ${company.role} med en omdirigerings-URL systemet ikke har registrert`);
}

/** UI-3: after a refused request there is no request for the company (404 AUTH-00010). */
export function expectNoRequest(vendor: Vendor, company: Company): void {
  const response = vendor.customer(company).requestLookup;
  assert.ok(response, `Systemleverandøren har ikke sett etter forespørselen for ${company.role}.`);
  expectProblem(response, 404, 'AUTH-00010', 'UI-3', `Oppslag på forespørsel for ${company.role} etter en avvist forespørsel`);
}

/**
 * UI-1: a person with a relation to the company but without the access manager role cannot approve.
 * The API answers 403 (docs/contracts/altinn-authentication.md §3.5; the reference names it AUTH-00066, real Altinn's
 * policy gives a bare 403, so only the status is held against the target); the portal does not offer
 * Godkjenn and says why.
 */
export function expectApprovalRefusedForRole(company: Company, person: Person): void {
  assert.equal(company.notes.answeredBy, person.role, `${person.role} har ikke forsøkt å godkjenne noen forespørsel for ${company.role}.`);
  const inPortal = company.notes.approvalInPortal;
  if (inPortal) {
    expectRefusedInPortal(inPortal, { explained: ['not-access-manager'] }, 'UI-1', `Godkjenning ved ${person.role}`);
    return;
  }
  const approval = company.notes.approval;
  assert.ok(approval, `${person.role} har ikke forsøkt å godkjenne noen forespørsel for ${company.role}.`);
  expectStatus(approval, 403, 'UI-1', `Godkjenning ved ${person.role}, som ikke er tilgangsstyrer i ${company.role}`);
}

/** UI-1: the request is still New: nobody has answered it. */
export function expectStillPending(vendor: Vendor, company: Company): void {
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'UI-1', 'Oppslag på forespørselen');
  assert.equal(read.data?.status, 'New', `[UI-1] Forespørselen skal fortsatt vente på svar (status New), hadde ${read.data?.status}.`);
}

/**
 * UI-2: a request that has been answered cannot be answered again: the API answers 409 AUTH-00013
 * (docs/contracts/altinn-authentication.md §3.3); the portal offers no buttons and says it is answered.
 */
export function expectAlreadyAnswered(company: Company): void {
  const last = company.notes.lastAnswer;
  assert.ok(last, `${company.role} har ikke besvart noen forespørsel.`);
  const what = `${last === 'approval' ? 'Godkjenning' : 'Avvisning'} av en forespørsel som allerede er besvart`;
  const inPortal = last === 'approval' ? company.notes.approvalInPortal : company.notes.rejectionInPortal;
  if (inPortal) {
    expectRefusedInPortal(inPortal, { explained: ['already-answered'] }, 'UI-2', what);
    if (inPortal.offered) assert.ok(inPortal.view.errorCodes.includes('AUTH-00013'), `[UI-2] ${what}: avvisningen skulle ha feilkoden AUTH-00013, siden viste ${inPortal.view.errorText ?? 'ingen'}.`);
    return;
  }
  const response = last === 'approval' ? company.notes.approval : company.notes.rejection;
  assert.ok(response && company.notes.answer, `${company.role} har ikke besvart noen forespørsel.`);
  // Authentication answers 409 AUTH-00013; the BFF shows it as its own problem (docs/contracts/am-bff.md §3).
  const refusal = surface(company.notes.answer.via).refusal(409, 'AUTH-00013');
  expectProblem(response, refusal.status, refusal.code, 'UI-2', `${what} (via ${company.notes.answer.via})`);
}

/**
 * UI-4: after approval the person is sent on to the request's redirectUrl, a URL the system has
 * registered. In the browser the page the browser lands on after the approval is checked: its URL is
 * the redirectUrl (the browser really went there; the suite plays the vendor's site, never Altinn's
 * answer). Through the API there is no browser to follow: what can be checked is that the request
 * carries the redirectUrl the portal sends the person to. The returned note says which in the report.
 */
export function expectSentToRedirectUrl(company: Company, vendor: Vendor): string {
  const notes = vendor.customer(company);
  const redirectUrl = notes.requestBody?.redirectUrl;
  assertTestable(redirectUrl, `forespørselen for ${company.role} hadde ingen redirectUrl.`);
  const allowed = vendor.notes.system?.allowedRedirectUrls ?? [];
  assertTestable(allowed.some((url) => new URL(url).origin === new URL(redirectUrl).origin), `redirectUrl ${redirectUrl} er ikke en systemet har registrert (${allowed.join(', ')}).`);
  const inPortal = company.notes.approvalInPortal;
  if (inPortal) {
    expectAnsweredInPortal(inPortal, 'approved', redirectUrl, 'UI-4', 'Godkjenning av forespørselen i portalen');
    return `Sluttbruker er nettleser: etter godkjenningen gikk nettleseren til ${inPortal.view.url} (forespørselens redirectUrl ${redirectUrl}), observert i nettleseren.`;
  }
  const read = notes.requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'UI-4', 'Oppslag på forespørselen etter godkjenning');
  assert.ok(
    typeof read.data?.redirectUrl === 'string' && sameUrl(read.data.redirectUrl, redirectUrl),
    `[UI-4] Forespørselen skal ha redirectUrl ${redirectUrl} (dit portalen sender personen etter svaret), hadde ${String(read.data?.redirectUrl)}.`,
  );
  return 'Sluttbruker er API: forespørselen har redirectUrl-en portalen sender personen til; selve omdirigeringen i nettleseren kontrolleres med --end-user browser.';
}

// ---- Deleting a system user (REQ-10, REQ-11, REQ-13) ----------------------------------------------------

/**
 * REQ-10: the customer's delete answered 202, and it is read back: the owner's read gives 404, the
 * vendor's byquery gives 404, and the system user is gone from the vendor's bysystem list (every page,
 * exact). Maskinporten's refusal is the scenario's next step (expectTokenRefused names REQ-10 then).
 */
export function expectSystemUserDeleted(vendor: Vendor, company: Company, krav: 'REQ-10' | 'REQ-11' = 'REQ-10'): void {
  const deletion = company.notes.deletion;
  assert.ok(deletion, `${company.role} har ikke slettet noen systembruker.`);
  // The standard route answers 202, the agent route 200 (docs/contracts/guards.md, Deleting a system user).
  expectStatus(deletion.answer, krav === 'REQ-10' ? 202 : 200, krav, `Sletting av systembrukeren til ${company.role}`);
  assert.ok(deletion.readBack, `Systembrukeren til ${company.role} er ikke lest tilbake etter slettingen.`);
  expectStatus(deletion.readBack, 404, krav, `Oppslag på systembrukeren til ${company.role} etter at den er slettet`);
  const query = vendor.customer(company).systemUserQuery;
  assert.ok(query, `Systemleverandøren har ikke slått opp systembrukeren til ${company.role}.`);
  expectStatus(query, 404, krav, `Systemleverandørens oppslag (byquery) på systembrukeren til ${company.role} etter at den er slettet`);
  expectBySystemList(vendor, company, krav);
}

/**
 * REQ-13: a delete the platform must refuse (an agent system user on the standard route: 400
 * AUTH-00036). The read-back that it is still there is the scenario's next step.
 */
export function expectStandardDeleteOfAgentRefused(company: Company): void {
  const deletion = company.notes.deletion;
  assert.ok(deletion, `${company.role} har ikke forsøkt å slette systembrukeren sin.`);
  expectProblem(deletion.answer, 400, 'AUTH-00036', 'REQ-13', `Sletting av klientsystembrukeren til ${company.role}, på ruten for standard systembrukere`);
}

/** REQ-12: a request for a key that already has an active system user is refused with 400 AUTH-00004, and no request is made. */
export function expectRequestRefusedForExistingSystemUser(vendor: Vendor, company: Company): void {
  const response = vendor.customer(company).request;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen systembruker for ${company.role}.`);
  expectProblem(response, 400, 'AUTH-00004', 'REQ-12', `Ny forespørsel om systembruker for ${company.role}, som allerede har en systembruker for systemet`);
}

/** REQ-14: the vendor's delete of its request answered 202, and the request is gone: by id and by its key, 404 AUTH-00010. */
export function expectRequestDeleted(vendor: Vendor, company: Company): void {
  const notes = vendor.customer(company);
  assert.ok(notes.requestDeletion, `Systemleverandøren har ikke slettet forespørselen for ${company.role}.`);
  expectStatus(notes.requestDeletion, 202, 'REQ-14', `Sletting av forespørselen for ${company.role}`);
  assert.ok(notes.requestRead && notes.requestLookup, `Forespørselen for ${company.role} er ikke lest tilbake etter slettingen.`);
  expectProblem(notes.requestRead, 404, 'AUTH-00010', 'REQ-14', `Oppslag på forespørselen for ${company.role} (id) etter at den er slettet`);
  expectProblem(notes.requestLookup, 404, 'AUTH-00010', 'REQ-14', `Oppslag på forespørselen for ${company.role} (nøkkelen) etter at den er slettet`);
}
