// Tasks of the system user lifecycle (contracts authentication §3, §5): the company acquires the
// system, the vendor asks for a system user, the company's daglig leder approves or rejects, and the
// vendor reads back the request and the system user.

import assert from 'node:assert/strict';
import { requireSuccess } from '../assertions.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from './systemregister.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { CreateRequestSystemUser, RequestSystemResponse, SystemUserExternal } from '../clients/authentication.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

/** Context only: the company uses the vendor's system. Nothing is sent. */
export function acquireSystem(company: Company, vendor: Vendor): void {
  company.notes.supplier = vendor;
}

/** The vendor asks the company for a standard system user with these packages (When). */
export async function requestSystemUser(vendor: Vendor, company: Company, packages: string[]): Promise<ApiResponse<RequestSystemResponse>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const body: CreateRequestSystemUser = {
    systemId: registeredSystemId(vendor),
    partyOrgNo: company.orgNo,
    accessPackages: packages.map((code) => ({ urn: `${ACCESS_PACKAGE_PREFIX}${code}` })),
  };
  const notes = vendor.customer(company);
  notes.requestBody = body;
  notes.request = await vendor.authentication.createRequest(await vendor.platformToken(), body);
  return notes.request;
}

/** The vendor sends the very same request again (When). */
export async function repeatRequest(vendor: Vendor, company: Company): Promise<ApiResponse<RequestSystemResponse>> {
  const notes = vendor.customer(company);
  assert.ok(notes.requestBody, `Ikke testbar: systemleverandøren har ikke sendt noen forespørsel for ${company.role}.`);
  notes.repeatedRequest = await vendor.authentication.createRequest(await vendor.platformToken(), notes.requestBody);
  return notes.repeatedRequest;
}

function requestIdFor(vendor: Vendor, company: Company): string {
  const id = vendor.customer(company).request?.data?.id;
  assert.ok(typeof id === 'string' && id !== '', `Ikke testbar: systemleverandøren har ingen forespørsel med id for ${company.role}.`);
  return id;
}

/** The company's daglig leder approves the vendor's request in the company's name (When). */
export async function approveRequest(company: Company, person: Person, vendor: Vendor): Promise<ApiResponse<boolean>> {
  const requestId = requestIdFor(vendor, company);
  const response = await person.authentication.approveRequest(await person.token(), company.partyId, requestId);
  company.notes.approval = response;
  // The system user id equals the id of the approved request (contracts authentication §3.3).
  if (response.status === 200) {
    company.notes.systemUserId = requestId;
    company.notes.systemUserType = 'standard';
  }
  return response;
}

/** The company's daglig leder rejects the vendor's request (When). */
export async function rejectRequest(company: Company, person: Person, vendor: Vendor): Promise<ApiResponse<boolean>> {
  const requestId = requestIdFor(vendor, company);
  const response = await person.authentication.rejectRequest(await person.token(), company.partyId, requestId);
  company.notes.rejection = response;
  return response;
}

/** The vendor reads its request for the company (a question). */
export async function readRequest(vendor: Vendor, company: Company): Promise<ApiResponse<RequestSystemResponse>> {
  const requestId = requestIdFor(vendor, company);
  const notes = vendor.customer(company);
  notes.requestRead = await vendor.authentication.getRequest(await vendor.platformToken(), requestId);
  return notes.requestRead;
}

/** The vendor looks up the company's system user for its system (a question; byquery). */
export async function findSystemUser(vendor: Vendor, company: Company): Promise<ApiResponse<SystemUserExternal>> {
  await Promise.all([vendor.ready(), company.ready()]);
  const notes = vendor.customer(company);
  notes.systemUserQuery = await vendor.authentication.systemUserByQuery(await vendor.platformToken(), {
    systemId: registeredSystemId(vendor),
    orgNo: company.orgNo,
  });
  return notes.systemUserQuery;
}

/** Given: the company has acquired the system and approved a system user with these packages. */
export async function establishSystemUser(company: Company, vendor: Vendor, packages: string[]): Promise<string> {
  acquireSystem(company, vendor);
  requireSuccess(await requestSystemUser(vendor, company, packages), `Systemleverandørens forespørsel om systembruker for ${company.role}`, [201]);
  requireSuccess(await approveRequest(company, company.dagligLeder, vendor), `Godkjenningen av forespørselen ved daglig leder i ${company.role}`, [200]);
  const systemUserId = company.notes.systemUserId;
  assert.ok(systemUserId, `Ikke testbar: ${company.role} har ingen systembruker etter godkjenningen.`);
  return systemUserId;
}

/** The id of the system user the company approved; fails the scenario as not testable when there is none. */
export function systemUserIdOf(company: Company): string {
  const id = company.notes.systemUserId;
  assert.ok(id, `Ikke testbar: ${company.role} har ikke godkjent noen systembruker i dette scenarioet.`);
  return id;
}
