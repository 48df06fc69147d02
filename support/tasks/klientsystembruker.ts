// Tasks of the agent (client) system user (docs/contracts/altinn-authentication.md §3, §5; docs/contracts/altinn-authorization.md §2.5,
// §4.5): the vendor asks the accountant for a klientsystembruker, the accountant's daglig leder
// approves it (support/abilities/answer-requests.ts: the Access Management BFF, the end-user API or
// the approval page in the browser), and the vendor and the accountant read it back.

import { assertTestable, requireSuccess } from '../assertions.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from './systemregister.ts';
import { acquireSystem, APPROVED_IN_PORTAL, confirmUrlFor } from './systemuser.ts';
import { requireDone } from '../browser/portal.ts';
import { answerRequestsFor, noteAnswer, type RequestAnswer } from '../abilities/answer-requests.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { AgentRequestSystemResponse, AgentSystemUser, CreateAgentRequestSystemUser } from '../clients/authentication.ts';
import type { Accountant } from '../actors/accountant.ts';
import type { Vendor } from '../actors/vendor.ts';

/** How an agent request departs from a valid one (docs/contracts/altinn-authentication.md §3.2, §3.4 step 9). */
export interface AgentRequestVariant {
  /** Single rights on these resources: an agent request carries access packages only. */
  rightsOn?: string[];
}

/** The vendor asks the accountant for an agent system user with these packages (When). */
export async function requestAgentSystemUser(
  vendor: Vendor,
  accountant: Accountant,
  packages: string[],
  variant: AgentRequestVariant = {},
): Promise<ApiResponse<AgentRequestSystemResponse>> {
  await Promise.all([vendor.ready(), accountant.ready()]);
  const body: CreateAgentRequestSystemUser = {
    systemId: registeredSystemId(vendor),
    partyOrgNo: accountant.orgNo,
    accessPackages: packages.map((code) => ({ urn: `${ACCESS_PACKAGE_PREFIX}${code}` })),
    ...(variant.rightsOn ? { rights: variant.rightsOn.map((resource) => ({ action: 'write', resource: [{ id: 'urn:altinn:resource', value: resource }] })) } : {}),
  };
  const notes = vendor.customer(accountant);
  notes.agentRequestBody = body;
  notes.agentRequest = await vendor.authentication.createAgentRequest(await vendor.platformToken(), body);
  return notes.agentRequest;
}

function agentRequestIdFor(vendor: Vendor, accountant: Accountant): string {
  const id = vendor.customer(accountant).agentRequest?.data?.id;
  assertTestable(typeof id === 'string' && id !== '', `systemleverandøren har ingen forespørsel om klientsystembruker med id for ${accountant.role}.`);
  return id;
}

/** The accountant's daglig leder approves the vendor's agent request in the accountant's name (When). */
export async function approveAgentRequest(accountant: Accountant, vendor: Vendor): Promise<RequestAnswer> {
  const requestId = agentRequestIdFor(vendor, accountant);
  const person = accountant.dagligLeder;
  const partyId = async () => {
    await accountant.ready();
    return accountant.partyId;
  };
  const confirmUrl = confirmUrlFor(vendor.customer(accountant).agentRequest?.data, accountant);
  const answer = await answerRequestsFor(person).answer(person, { kind: 'agent', partyId, requestId, confirmUrl }, 'approve');
  noteAnswer(accountant.notes, person, answer);
  // The system user id equals the id of the approved request (docs/contracts/altinn-authentication.md §3.3).
  if (answer.done) {
    accountant.notes.systemUserId = requestId;
    accountant.notes.systemUserType = 'agent';
    vendor.notes.systemUsers.set(requestId, { systemId: registeredSystemId(vendor), owner: accountant.role });
  }
  return answer;
}

/** The vendor reads its agent request for the accountant (a question). */
export async function readAgentRequest(vendor: Vendor, accountant: Accountant): Promise<ApiResponse<AgentRequestSystemResponse>> {
  const requestId = agentRequestIdFor(vendor, accountant);
  const notes = vendor.customer(accountant);
  notes.agentRequestRead = await vendor.authentication.getAgentRequest(await vendor.platformToken(), requestId);
  return notes.agentRequestRead;
}

/**
 * The vendor looks for an agent request for the accountant by its key (a question): after a refused
 * request there must be none. externalRef defaults to the org number (docs/contracts/altinn-authentication.md §3.2).
 */
export async function lookUpAgentRequest(vendor: Vendor, accountant: Accountant): Promise<ApiResponse<AgentRequestSystemResponse>> {
  await Promise.all([vendor.ready(), accountant.ready()]);
  const notes = vendor.customer(accountant);
  notes.agentRequestLookup = await vendor.authentication.agentRequestByExternalRef(await vendor.platformToken(), {
    systemId: registeredSystemId(vendor),
    orgNo: accountant.orgNo,
    externalRef: accountant.orgNo,
  });
  return notes.agentRequestLookup;
}

/** The accountant's daglig leder lists the accountant's agent system users (a question; GET agents?party=). */
export async function listAgentSystemUsers(accountant: Accountant): Promise<ApiResponse<AgentSystemUser[]>> {
  await accountant.ready();
  const person = accountant.dagligLeder;
  accountant.accounting.agents = await person.authentication.agentSystemUsers(await accountant.clientDelegationToken(), accountant.orgNo);
  return accountant.accounting.agents;
}

/** Given: the accountant has acquired the system and approved an agent system user with these packages. */
export async function establishAgentSystemUser(accountant: Accountant, vendor: Vendor, packages: string[]): Promise<string> {
  acquireSystem(accountant, vendor);
  requireSuccess(await requestAgentSystemUser(vendor, accountant, packages), `Systemleverandørens forespørsel om klientsystembruker for ${accountant.role}`, [201]);
  requireDone((await approveAgentRequest(accountant, vendor)).outcome, APPROVED_IN_PORTAL, `Godkjenningen av forespørselen om klientsystembruker ved daglig leder i ${accountant.role}`);
  return agentSystemUserIdOf(accountant);
}

/** The id of the accountant's agent system user; fails the scenario as not testable when there is none. */
export function agentSystemUserIdOf(accountant: Accountant): string {
  const id = accountant.notes.systemUserId;
  assertTestable(id && accountant.notes.systemUserType === 'agent', `${accountant.role} har ikke godkjent noen klientsystembruker i dette scenarioet.`);
  return id;
}
