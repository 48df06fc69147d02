// What conforming change requests answer (docs/contracts/change-requests.md): the vendor's create,
// idempotent by correlation id, NoChangeNeeded for nothing to change; the person's approval changes
// the system user's packages, a rejection or a refused answer leaves them as they were.

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { markVerified } from '../clients/http.ts';
import { surface, type AnswerNotes } from '../abilities/answer-requests.ts';
import { expectAnsweredInPortal } from './portal.ts';
import { confirmUrlProblem } from '../answers.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from '../tasks/systemregister.ts';
import { changeNotes } from '../tasks/changerequest.ts';
import type { ChangeRequestResponse } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

const urnsOf = (list: Array<{ urn: string }> | undefined) => (list ?? []).map((p) => p.urn).sort();
const codesOf = (list: Array<{ urn: string }> | undefined) => urnsOf(list).map((urn) => urn.slice(ACCESS_PACKAGE_PREFIX.length));

/** The change request is the one the vendor sent: its id, system user, system, party and lists. */
function expectChangeMatches(krav: string, c: ChangeRequestResponse | undefined, vendor: Vendor, company: Company): void {
  const notes = changeNotes(vendor, company);
  assert.ok(c, `[${krav}] Endringsforespørselen mangler i svaret.`);
  assert.equal(c.id?.toLowerCase(), notes.correlationId.toLowerCase(), `[${krav}] Endringsforespørselens id skal være korrelasjons-ID-en ${notes.correlationId}, var ${c.id}.`);
  assert.equal(c.systemUserId, company.notes.systemUserId, `[${krav}] Endringsforespørselen skal gjelde systembrukeren ${company.notes.systemUserId}, gjaldt ${c.systemUserId}.`);
  assert.equal(c.systemId, registeredSystemId(vendor), `[${krav}] Endringsforespørselen skal gjelde systemet ${registeredSystemId(vendor)}, gjaldt ${c.systemId}.`);
  assert.equal(c.partyOrgNo, company.orgNo, `[${krav}] Endringsforespørselen skal gjelde ${company.role} (${company.orgNo}), gjaldt ${c.partyOrgNo}.`);
  assert.deepEqual(urnsOf(c.requiredAccessPackages), urnsOf(notes.body.requiredAccessPackages), `[${krav}] Tilgangspakkene som skal legges til skal være de systemleverandøren ba om.`);
  assert.deepEqual(urnsOf(c.unwantedAccessPackages), urnsOf(notes.body.unwantedAccessPackages), `[${krav}] Tilgangspakkene som skal fjernes skal være de systemleverandøren ba om.`);
}

/** CR-1: 201 with status New, the vendor's lists and a confirmUrl to the approval page of this very change request. */
export function expectChangePending(vendor: Vendor, company: Company): void {
  const { created } = changeNotes(vendor, company);
  expectStatus(created, 201, 'CR-1', 'Endringsforespørsel for systembrukeren');
  expectChangeMatches('CR-1', created.data, vendor, company);
  assert.equal(created.data?.status, 'New', `[CR-1] En ny endringsforespørsel skal ha status New, hadde ${created.data?.status}.`);
  const confirm = confirmUrlProblem(created.data?.confirmUrl, 'change', created.data?.id);
  assert.equal(confirm, undefined, `[CR-1] ${confirm}.`);
}

/** The person's answer went through: 200 `true`, or in the portal the receipt or the redirect. */
function expectAnswerDone(notes: AnswerNotes | undefined, reply: 'approve' | 'reject', krav: string, company: Company): void {
  const inPortal = reply === 'approve' ? notes?.approvalInPortal : notes?.rejectionInPortal;
  const what = `${reply === 'approve' ? 'Godkjenning' : 'Avvisning'} av endringsforespørselen`;
  if (inPortal) {
    expectAnsweredInPortal(inPortal, reply === 'approve' ? 'approved' : 'rejected', undefined, krav, `${what} i portalen`);
    return;
  }
  const response = reply === 'approve' ? notes?.approval : notes?.rejection;
  assert.ok(response, `${company.role} har ikke ${reply === 'approve' ? 'godkjent' : 'avvist'} noen endringsforespørsel.`);
  expectStatus(response, 200, krav, what);
  assert.equal(response.body, true, `[${krav}] ${what} skal svare true, svarte ${JSON.stringify(response.body)}.`);
}

/** The vendor's read-back: 200 with this status. */
function expectChangeStatus(vendor: Vendor, company: Company, status: string, krav: string): void {
  const read = changeNotes(vendor, company).read;
  assert.ok(read, 'Systemleverandøren har ikke lest endringsforespørselen tilbake.');
  expectStatus(read, 200, krav, 'Oppslag på endringsforespørselen');
  expectChangeMatches(krav, read.data, vendor, company);
  assert.equal(read.data?.status, status, `[${krav}] Endringsforespørselen skal ha status ${status}, hadde ${read.data?.status}.`);
}

/** CR-2: the approval went through and the vendor reads the change request as Accepted. */
export function expectChangeApproved(vendor: Vendor, company: Company): void {
  expectAnswerDone(company.notes.change, 'approve', 'CR-2', company);
  expectChangeStatus(vendor, company, 'Accepted', 'CR-2');
}

/** CR-3: the rejection went through and the vendor reads the change request as Rejected. */
export function expectChangeRejected(vendor: Vendor, company: Company): void {
  expectAnswerDone(company.notes.change, 'reject', 'CR-3', company);
  expectChangeStatus(vendor, company, 'Rejected', 'CR-3');
}

/** The system user, as its owner reads it, holds exactly these packages (CR-2 after approval; CR-3, CR-6 when nothing may change). */
export function expectSystemUserPackages(company: Company, codes: readonly string[], krav: string): void {
  const read = company.notes.change?.systemUserRead;
  assert.ok(read, `${company.role} har ikke lest systembrukeren sin.`);
  expectStatus(read, 200, krav, `Oppslag på systembrukeren til ${company.role}`);
  assert.deepEqual(codesOf(read.data?.accessPackages), [...codes].sort(),
    `[${krav}] Systembrukeren til ${company.role} skal ha tilgangspakkene ${codes.join(', ')}, hadde ${codesOf(read.data?.accessPackages).join(', ') || 'ingen'}.`);
}

/** CR-4: nothing to add or remove: 200 NoChangeNeeded with an empty confirmUrl, and nothing stored under the id. */
export function expectNoChangeNeeded(vendor: Vendor, company: Company): void {
  const { created, read } = changeNotes(vendor, company);
  expectStatus(created, 200, 'CR-4', 'Endringsforespørsel uten noe å endre');
  assert.equal(created.data?.status, 'NoChangeNeeded', `[CR-4] En endringsforespørsel uten noe å endre skal ha status NoChangeNeeded, hadde ${created.data?.status}.`);
  assert.equal(created.data?.confirmUrl ?? '', '', `[CR-4] Ingen endring trengs: confirmUrl skal være tom, var ${JSON.stringify(created.data?.confirmUrl)}.`);
  assert.ok(read, 'Systemleverandøren har ikke slått opp endringsforespørselen.');
  expectStatus(read, 404, 'CR-4', 'Oppslag på en endringsforespørsel som ikke trengtes');
}

/** CR-5: the same correlation id again gives 200 with the stored change request, not the new body. */
export function expectSameChangeAgain(vendor: Vendor, company: Company): void {
  const { created, repeated } = changeNotes(vendor, company);
  assert.ok(repeated, 'Systemleverandøren har ikke sendt endringsforespørselen på nytt.');
  expectStatus(created, 201, 'CR-5', 'Første endringsforespørsel');
  expectStatus(repeated, 200, 'CR-5', 'Endringsforespørsel med den samme korrelasjons-ID-en');
  expectChangeMatches('CR-5', repeated.data, vendor, company);
  assert.equal(repeated.data?.confirmUrl, created.data?.confirmUrl, `[CR-5] Samme korrelasjons-ID skal gi samme confirmUrl (${created.data?.confirmUrl}), fikk ${repeated.data?.confirmUrl}.`);
  assert.equal(repeated.data?.status, 'New', `[CR-5] Endringsforespørselen skal fortsatt ha status New, hadde ${repeated.data?.status}.`);
}

/**
 * CR-6: an approval in another party's name is refused, whatever the surface (the reference:
 * Authentication 403 AUTH-00041, the BFF 400 AMUI-00005; Altinn's own code is not pinned down,
 * docs/contracts/change-requests.md §4), and the change request still waits for an answer.
 */
export function expectChangeRefusedForOtherParty(vendor: Vendor, company: Company): void {
  const answer = company.notes.change?.answer;
  assert.ok(answer, `Ingen har forsøkt å besvare endringsforespørselen for ${company.role}.`);
  const response = company.notes.change?.approval;
  assert.ok(response, `[CR-6] Godkjenningen i en annen parts navn skulle gå over HTTP, men ga ikke noe HTTP-svar (via ${answer.via}).`);
  const what = `Godkjenning av endringsforespørselen for ${company.role} i navnet til en annen virksomhet (via ${answer.via})`;
  const expected = surface(answer.via).refusal(403, 'AUTH-00041');
  markVerified(response);
  assert.ok(response.status >= 400 && response.status < 500 && response.problem,
    `[CR-6] ${what}: skulle avvises med et problem (referansen: ${expected.status} ${expected.code}), fikk HTTP ${response.status} ${JSON.stringify(response.body)}.`);
  expectChangeStatus(vendor, company, 'New', 'CR-6');
}
