// What conforming request and system user APIs answer (contracts authentication §3, §5).

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from '../tasks/systemregister.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { RequestSystemResponse } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
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

/** REQ-1 / SB-3.2: 201, Location, status New, confirmUrl. */
export function expectRequestPending(vendor: Vendor, company: Company): void {
  const notes = vendor.customer(company);
  const response = notes.request;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen systembruker for ${company.role}.`);
  expectStatus(response, 201, 'REQ-1', 'Forespørsel om systembruker');
  const request = response.data;
  const codes = (notes.requestBody?.accessPackages ?? []).map((p) => p.urn.slice(ACCESS_PACKAGE_PREFIX.length));
  expectRequestMatches('REQ-1', request, vendor, company, codes);
  assert.equal(request?.status, 'New', `[REQ-1] En ny forespørsel skal ha status New, hadde ${request?.status}.`);
  assert.ok(typeof request?.confirmUrl === 'string' && /^https?:\/\//.test(request.confirmUrl), `[REQ-1] Forespørselen skal ha en confirmUrl virksomheten kan godkjenne på, hadde ${request?.confirmUrl}.`);
  const location = response.headers.location ?? '';
  assert.ok(request && location.endsWith(`/authentication/api/v1/systemuser/request/${request.id}`), `[REQ-1] Location skal peke på forespørselen (…/authentication/api/v1/systemuser/request/${request?.id}), var "${location}".`);
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

/** REQ-3 / SB-3.3: approval answered 200 true and the request now reads Accepted. */
export function expectApproved(company: Company, vendor: Vendor, packageCode: string): void {
  const approval = company.notes.approval;
  assert.ok(approval, `${company.role} har ikke godkjent noen forespørsel.`);
  expectStatus(approval, 200, 'REQ-3', 'Godkjenning av forespørselen');
  assert.equal(approval.body, true, `[REQ-3] Godkjenningen skal svare true, svarte ${JSON.stringify(approval.body)}.`);
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'REQ-3', 'Oppslag på forespørselen etter godkjenning');
  expectRequestMatches('REQ-3', read.data, vendor, company, [packageCode]);
  assert.equal(read.data?.status, 'Accepted', `[REQ-3] Forespørselen skal ha status Accepted etter godkjenning, hadde ${read.data?.status}.`);
}

/** REQ-4: rejection answered 200 true and the request now reads Rejected. */
export function expectRejected(company: Company, vendor: Vendor): void {
  const rejection = company.notes.rejection;
  assert.ok(rejection, `${company.role} har ikke avvist noen forespørsel.`);
  expectStatus(rejection, 200, 'REQ-4', 'Avvisning av forespørselen');
  assert.equal(rejection.body, true, `[REQ-4] Avvisningen skal svare true, svarte ${JSON.stringify(rejection.body)}.`);
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'REQ-4', 'Oppslag på forespørselen etter avvisning');
  assert.equal(read.data?.status, 'Rejected', `[REQ-4] Forespørselen skal ha status Rejected etter avvisning, hadde ${read.data?.status}.`);
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
}

/** REQ-4 / REQ-5: no system user exists for the company and the system. */
export function expectNoSystemUser(vendor: Vendor, company: Company): void {
  const response: ApiResponse<unknown> | undefined = vendor.customer(company).systemUserQuery;
  assert.ok(response, `Systemleverandøren har ikke slått opp systembrukeren til ${company.role}.`);
  expectStatus(response, 404, 'REQ-5', `Oppslag på systembruker for ${company.role} som ikke har godkjent noen`);
}
