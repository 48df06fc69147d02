// What a person meets when answering a request in the name of another party (BFF-1,
// docs/contracts/am-bff.md §3, §4): refused on every surface, with the surface's own code.

import assert from 'node:assert/strict';
import { expectProblem, expectStatus } from '../assertions.ts';
import { surface } from '../abilities/answer-requests.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/**
 * BFF-1: the approval in another party's name is refused: Authentication 403 AUTH-00041, the BFF
 * 400 AMUI-00005. The request still waits for an answer and no system user exists.
 */
export function expectRefusedForOtherParty(company: Company, vendor: Vendor): void {
  const answer = company.notes.answer;
  assert.ok(answer, `Ingen har forsøkt å besvare forespørselen for ${company.role}.`);
  const response = company.notes.approval;
  assert.ok(response, `[BFF-1] Godkjenningen i en annen parts navn skulle gå over HTTP, men ga ikke noe HTTP-svar (via ${answer.via}).`);
  const refusal = surface(answer.via).refusal(403, 'AUTH-00041');
  expectProblem(response, refusal.status, refusal.code, 'BFF-1', `Godkjenning av forespørselen for ${company.role} i navnet til en annen virksomhet (via ${answer.via})`);
  const read = vendor.customer(company).requestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen tilbake.');
  expectStatus(read, 200, 'BFF-1', 'Oppslag på forespørselen');
  assert.equal(read.data?.status, 'New', `[BFF-1] Forespørselen skal fortsatt vente på svar (status New), hadde ${read.data?.status}.`);
  const lookup = vendor.customer(company).systemUserQuery;
  assert.ok(lookup, `Systemleverandøren har ikke slått opp systembrukeren til ${company.role}.`);
  expectStatus(lookup, 404, 'BFF-1', `Oppslag på systembruker for ${company.role} etter en avvist godkjenning`);
}
