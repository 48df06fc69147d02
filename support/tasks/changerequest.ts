// Tasks of change requests on a standard system user (docs/contracts/change-requests.md): the vendor
// asks for access packages to be added or removed (a new correlation id per change), reads the change
// request back, and the company's daglig leder (or another person) approves or rejects it through the
// answer ability (support/abilities/answer-requests.ts: the BFF, the end-user API or the approval page).
// The company's people read the system user's packages back as its owner.

import { randomUUID } from 'node:crypto';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { answerRequestsFor, answerRequestsOverHttp, DONE_IN_PORTAL, noteAnswer, type AnswerNotes, type Reply, type RequestAnswer } from '../abilities/answer-requests.ts';
import { requireDone } from '../browser/portal.ts';
import { ACCESS_PACKAGE_PREFIX } from './systemregister.ts';
import { confirmUrlFor, systemUserIdOf } from './systemuser.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { ChangeRequestBody, ChangeRequestResponse, SystemUserDetail } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

/** What the vendor sent and got for one customer's change request (in the vendor's customer notes). */
export interface ChangeRequestNotes {
  correlationId: string;
  body: ChangeRequestBody;
  created: ApiResponse<ChangeRequestResponse>;
  /** The same correlation id sent again (with another body). */
  repeated?: ApiResponse<ChangeRequestResponse>;
  /** GET vendor/{id} (a question). */
  read?: ApiResponse<ChangeRequestResponse>;
}

/** What the company's people did with a change request, and the system user as its owner read it. */
export interface ChangeAnswerNotes extends AnswerNotes {
  systemUserRead?: ApiResponse<SystemUserDetail>;
}

const urns = (codes: readonly string[]) => codes.map((code) => ({ urn: `${ACCESS_PACKAGE_PREFIX}${code}` }));

/** The change the vendor asks for: packages to add and to remove. */
export interface PackageChange {
  required?: readonly string[];
  unwanted?: readonly string[];
}

/** The vendor asks for a change of the company's system user, with a new correlation id (When). */
export async function requestChange(vendor: Vendor, company: Company, change: PackageChange): Promise<ApiResponse<ChangeRequestResponse>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const body: ChangeRequestBody = {
    requiredAccessPackages: urns(change.required ?? []),
    unwantedAccessPackages: urns(change.unwanted ?? []),
    requiredRights: [],
    unwantedRights: [],
  };
  const correlationId = randomUUID();
  const created = await vendor.authentication.createChangeRequest(await vendor.platformToken(), { correlationId, systemUserId: systemUserIdOf(company) }, body);
  vendor.customer(company).change = { correlationId, body, created };
  return created;
}

/** Given: the vendor has asked for these packages to be added, and the change request waits for an answer. */
export async function establishChangeRequest(vendor: Vendor, company: Company, change: PackageChange): Promise<void> {
  requireSuccess(await requestChange(vendor, company, change), `Systemleverandørens endringsforespørsel for systembrukeren til ${company.role}`, [201]);
}

export function changeNotes(vendor: Vendor, company: Company): ChangeRequestNotes {
  const notes = vendor.customer(company).change;
  assertTestable(notes, `systemleverandøren har ikke bedt om noen endring av systembrukeren til ${company.role}.`);
  return notes;
}

/** The vendor sends another change with the same correlation id (When): the platform must answer the stored one. */
export async function repeatChangeWithSameCorrelationId(vendor: Vendor, company: Company, change: PackageChange): Promise<ApiResponse<ChangeRequestResponse>> {
  const notes = changeNotes(vendor, company);
  const body: ChangeRequestBody = { requiredAccessPackages: urns(change.required ?? []), unwantedAccessPackages: urns(change.unwanted ?? []) };
  notes.repeated = await vendor.authentication.createChangeRequest(await vendor.platformToken(), { correlationId: notes.correlationId, systemUserId: systemUserIdOf(company) }, body);
  return notes.repeated;
}

/** The vendor reads its change request back by id (the correlation id; a question). */
export async function readChangeRequest(vendor: Vendor, company: Company): Promise<ApiResponse<ChangeRequestResponse>> {
  const notes = changeNotes(vendor, company);
  notes.read = await vendor.authentication.getChangeRequest(await vendor.platformToken(), notes.correlationId);
  return notes.read;
}

function changeAnswers(company: Company): ChangeAnswerNotes {
  return (company.notes.change ??= {});
}

/**
 * A person answers the vendor's change request for the company on the surface of this run; `inNameOf`
 * is the party the answer is given in (by default the company). The answer is noted for the Then-steps.
 */
export async function answerChange(company: Company, person: Person, vendor: Vendor, reply: Reply, inNameOf: Company = company): Promise<RequestAnswer> {
  const notes = changeNotes(vendor, company);
  const requestId = notes.created.data?.id;
  assertTestable(typeof requestId === 'string' && requestId !== '', `endringsforespørselen for ${company.role} har ingen id.`);
  const partyId = async () => {
    await inNameOf.ready();
    return inNameOf.partyId;
  };
  const request = { kind: 'change' as const, partyId, requestId, confirmUrl: confirmUrlFor(notes.created.data, company) };
  // The approval page always answers in the change request's own party: another party is an HTTP call.
  const ability = inNameOf === company ? answerRequestsFor(person) : answerRequestsOverHttp(person);
  const answer = await ability.answer(person, request, reply);
  noteAnswer(changeAnswers(company), person, answer);
  return answer;
}

/** Given: the company's daglig leder has answered the change request, and the answer went through. */
export async function establishChangeAnswer(company: Company, vendor: Vendor, reply: Reply): Promise<void> {
  const answer = await answerChange(company, company.dagligLeder, vendor, reply);
  requireDone(answer.outcome, DONE_IN_PORTAL[reply], `${reply === 'approve' ? 'Godkjenningen' : 'Avvisningen'} av endringsforespørselen ved daglig leder i ${company.role}`);
}

/** The company's daglig leder reads its system user (GET systemuser/{party}/{id}) with the packages it holds (a question). */
export async function readSystemUserAsOwner(company: Company): Promise<ApiResponse<SystemUserDetail>> {
  await company.ready();
  const person = company.dagligLeder;
  const read = await person.authentication.systemUserOfParty(await person.token(), company.partyId, systemUserIdOf(company));
  changeAnswers(company).systemUserRead = read;
  return read;
}
