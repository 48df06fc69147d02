// What conforming client delegation and connections answer (docs/contracts/altinn-authentication.md §5.3;
// docs/contracts/altinn-authorization.md §4.2–§4.3, §5). Then-steps call these; each message names the requirement.

import assert from 'node:assert/strict';
import { expectProblem, expectStatus } from '../assertions.ts';
import { markVerified, type ApiResponse } from '../clients/http.ts';
import { ACCESS_PACKAGE_PREFIX } from '../tasks/systemregister.ts';
import { clientOrgNos, clientsOnAgent, grantedPackageUrns } from '../tasks/klient.ts';
import { agentSystemUserIdOf } from '../tasks/klientsystembruker.ts';
import { expectMembers, listItems } from '../lists.ts';
import { expectRefusedInPortal, expectShown } from './portal.ts';
import { httpOutcome, pageOutcome } from '../abilities/answer-requests.ts';
import { refusalCode, type DelegationAnswer } from '../abilities/delegate.ts';
import type { ClientDelegationResponse, ClientInfo, ClientList } from '../clients/authentication.ts';
import type { PackagePermission, Paged } from '../clients/accessmanagement.ts';
import type { BffClientDelegation } from '../clients/am-bff.ts';
import type { Accountant } from '../actors/accountant.ts';
import type { Company } from '../actors/company.ts';

/**
 * Fixed package ids of Altinn's catalogue (docs/contracts/altinn-authorization.md §2.4): the same in every environment,
 * so a grant can be checked against the id a conforming target must answer with.
 */
export const PACKAGE_IDS: Record<string, string> = {
  merverdiavgift: '9a61b136-7810-4939-ab6d-84938e9a12c6',
  'regnskapsforer-med-signeringsrettighet': '955d5779-3e2b-4098-b11d-0431dc41ddbe',
  'regnskapsforer-uten-signeringsrettighet': 'a5f7f72a-9b89-445d-85bb-06f678a3d4d1',
  'regnskapsforer-lonn': '43becc6a-8c6c-4e9e-bb2f-08fe588ada21',
  'skatt-naering': '1dba50d6-f604-48e9-bd41-82321b13e85c',
};

/** The org numbers of a client list, for a message. */
function orgNos(items: ClientInfo[]): string {
  return items.map((c) => c.clientOrganizationNumber).join(', ') || 'ingen';
}

function sameId(a: string | undefined, b: string | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** The list a client delegation read returned: 200 and the agent system user it describes. */
function clientList(response: ApiResponse<ClientList> | undefined, accountant: Accountant, krav: string, what: string): ClientList | undefined {
  assert.ok(response, `${accountant.role} har ikke sett på klientene til klientsystembrukeren (${what}).`);
  expectStatus(response, 200, krav, what);
  const list = response.data;
  assert.ok(list && Array.isArray(list.data), `[${krav}] ${what}: svaret skal ha en liste "data", var ${JSON.stringify(response.body)}.`);
  const info = list.systemUserInformation;
  assert.ok(
    sameId(info?.systemUserId, accountant.notes.systemUserId),
    `[${krav}] ${what}: systemUserInformation.systemUserId skal være klientsystembrukeren ${accountant.notes.systemUserId}, var ${JSON.stringify(info)}.`,
  );
  assert.equal(info?.systemUserOwnerOrg, accountant.orgNo, `[${krav}] ${what}: systemUserInformation.systemUserOwnerOrg skal være ${accountant.role} (${accountant.orgNo}), var ${JSON.stringify(info)}.`);
  return list;
}

/**
 * The clients on the agent system user, every page (KD-3, KD-4/5, KD-6): the first page describes the
 * agent system user, and the list holds exactly the clients the accountant added in this scenario and
 * has not removed since. Exact on every target: the agent system user is approved in this scenario (a
 * fresh id on a system the scenario registered), so no other run's client can be on it; any other party
 * is named as a leak. `about` checks the scenario's own client first (its message says more than a leak's).
 */
function agentClients(accountant: Accountant, krav: string, what: string, about: (items: ClientInfo[]) => void): void {
  const read = accountant.accounting.delegated;
  assert.ok(read, `${accountant.role} har ikke sett på klientene til klientsystembrukeren (${what}).`);
  clientList(read.pages[0] as ApiResponse<ClientList>, accountant, krav, what);
  const items = listItems(read, krav, what);
  about(items);
  expectMembers(items, {
    krav,
    what: `${what} (klientsystembrukeren ${accountant.notes.systemUserId})`,
    key: (c) => c.clientOrganizationNumber,
    expected: clientsOnAgent(accountant),
    exact: true,
  });
}

/**
 * The answer to adding or removing a client: 200 {agent, client}; in the portal, the page shows it done
 * (`shown`, with " i portalen" after `what`).
 */
function expectDelegationAnswer(answer: DelegationAnswer<ClientDelegationResponse> | undefined, shown: 'client-added' | 'client-removed', accountant: Accountant, client: Company, krav: string, what: string): void {
  const page = pageOutcome(answer);
  if (page) return expectShown(page, [shown], krav, `${what} i portalen`);
  const response = httpOutcome(answer);
  assert.ok(response, `${accountant.role} har ikke forsøkt dette for ${client.role} (${what}).`);
  expectStatus(response, 200, krav, what);
  const body = response.data;
  assert.ok(sameId(body?.agent, accountant.notes.systemUserId), `[${krav}] ${what}: "agent" skal være klientsystembrukeren ${accountant.notes.systemUserId}, var ${JSON.stringify(response.body)}.`);
  assert.ok(sameId(body?.client, client.partyUuid), `[${krav}] ${what}: "client" skal være partyUuid til ${client.role} (${client.partyUuid}), var ${JSON.stringify(response.body)}.`);
}

/** KD-2: the client is among the clients available to the agent system user (it holds at least one of its packages). */
export function expectClientAvailable(accountant: Accountant, client: Company): void {
  const list = clientList(accountant.accounting.available, accountant, 'KD-2', 'Oppslag på tilgjengelige klienter');
  assert.ok(
    clientOrgNos(list).includes(client.orgNo),
    `[KD-2] ${client.role} (${client.orgNo}) har minst én av tilgangspakkene til klientsystembrukeren og skal være tilgjengelig som klient; tilgjengelige var ${clientOrgNos(list).join(', ') || 'ingen'}.`,
  );
}

/** KD-2: a party that has given the accountant none of the agent's packages is not available as a client. */
export function expectClientNotAvailable(accountant: Accountant, client: Company): void {
  const list = clientList(accountant.accounting.available, accountant, 'KD-2', 'Oppslag på tilgjengelige klienter');
  assert.ok(
    !clientOrgNos(list).includes(client.orgNo),
    `[KD-2] ${client.role} (${client.orgNo}) har ikke gitt ${accountant.role} noen av tilgangspakkene og skal ikke være tilgjengelig som klient; tilgjengelige var ${clientOrgNos(list).join(', ')}.`,
  );
}

/** KD-3: adding the client answered 200 {agent, client} (in the portal: "lagt til"), and the client is now on the agent system user. */
export function expectClientAdded(accountant: Accountant, client: Company): void {
  expectDelegationAnswer(accountant.client(client).added, 'client-added', accountant, client, 'KD-3', `Å legge til ${client.role} på klientsystembrukeren`);
  agentClients(accountant, 'KD-3', 'Oppslag på klientene til klientsystembrukeren', (items) => {
    const entry = items.find((c) => c.clientOrganizationNumber === client.orgNo);
    assert.ok(entry, `[KD-3] ${client.role} (${client.orgNo}) skal være blant klientene til klientsystembrukeren, klientene var ${orgNos(items)}.`);
    assert.ok(sameId(entry.clientId, client.partyUuid), `[KD-3] clientId skal være partyUuid til ${client.role} (${client.partyUuid}), var ${entry.clientId}.`);
  });
}

/**
 * KD-4 (AUTH-00079) / KD-5 (AUTH-00080): adding the client is refused with 400 and the code. In the
 * portal the page shows the platform's refusal with the code (a party that is not among the available
 * clients is added by its organisation number, and the platform refuses it); a page that merely does
 * not offer the client has not shown the refusal, and fails.
 */
export function expectClientRefused(accountant: Accountant, client: Company, code: string): void {
  const krav = code === 'AUTH-00080' ? 'KD-5' : 'KD-4';
  const added = accountant.client(client).added;
  const page = pageOutcome(added);
  if (page) return expectRefusedInPortal(page, { code }, krav, `Å legge til ${client.role} på klientsystembrukeren i portalen`);
  const response = httpOutcome(added);
  assert.ok(response, `${accountant.role} har ikke forsøkt å legge til ${client.role}.`);
  expectProblem(response, 400, code, krav, `Å legge til ${client.role} på klientsystembrukeren`);
}

/** KD-4 / KD-5: after a refused add, the client is not on the agent system user. */
export function expectClientNotAdded(accountant: Accountant, client: Company): void {
  const refusedWith = refusalCode(accountant.client(client).added);
  const krav = refusedWith === 'AUTH-00080' ? 'KD-5' : 'KD-4';
  agentClients(accountant, krav, 'Oppslag på klientene til klientsystembrukeren', (items) => {
    assert.ok(!items.some((c) => c.clientOrganizationNumber === client.orgNo), `[${krav}] ${client.role} (${client.orgNo}) skal ikke være blant klientene til klientsystembrukeren etter en avvisning.`);
  });
}

/** KD-6: removing the client answered 200 {agent, client}, and the client is no longer on the agent system user. */
export function expectClientRemoved(accountant: Accountant, client: Company): void {
  expectDelegationAnswer(accountant.client(client).removed, 'client-removed', accountant, client, 'KD-6', `Å fjerne ${client.role} fra klientsystembrukeren`);
  agentClients(accountant, 'KD-6', 'Oppslag på klientene til klientsystembrukeren etter fjerning', (items) => {
    assert.ok(!items.some((c) => c.clientOrganizationNumber === client.orgNo), `[KD-6] ${client.role} (${client.orgNo}) skal ikke lenger være blant klientene til klientsystembrukeren, klientene var ${orgNos(items)}.`);
  });
}

// ---- The customer's delegation to the accountant (connections) ---------------------------------------

/**
 * The packages read on the connection, every page: 200 and a list holding the packages the customer
 * granted the accountant in this scenario. Exact where the customer is made by the scenario (the test
 * data API: a fresh organisation, so nothing else is on its connection); on a fixture organisation
 * (TT02) earlier runs may have left packages on the connection, so there the granted ones must be there
 * and the refused ones not (the callers check those). Returns the URNs.
 */
function grantedPackages(customer: Company, accountant: Accountant, krav: string): string[] {
  const what = `Oppslag på tilgangspakkene ${customer.role} har gitt ${accountant.role}`;
  const items = listItems(customer.notes.delegation.packagesRead, krav, what);
  const granted = [...customer.notes.delegation.packageGrants].filter(([, answer]) => answer.done);
  expectMembers(items, {
    krav,
    what,
    key: (p) => p.package?.urn,
    expected: new Map(granted.map(([code]) => [`${ACCESS_PACKAGE_PREFIX}${code}`, `tilgangspakken ${code}`])),
    exact: customer.usesTestdataApi,
  });
  return items.map((p) => p.package?.urn).filter((u): u is string => typeof u === 'string');
}

/**
 * KD-7: the customer made the accountant a rights holder (2xx with the assignment from the customer to
 * the accountant), granted the package (2xx with the package's catalogue id), and the connection now
 * carries the package.
 */
export function expectPackageGranted(customer: Company, accountant: Accountant, code: string): void {
  const { packageGrants } = customer.notes.delegation;
  const inPortal = pageOutcome(packageGrants.get(code));
  if (inPortal) {
    // In the portal one form makes the accountant a rights holder and grants the package.
    expectShown(inPortal, ['granted'], 'KD-7', `Å gi ${accountant.role} tilgangspakken ${code} i portalen`);
    const urns = grantedPackages(customer, accountant, 'KD-7');
    assert.ok(urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[KD-7] ${accountant.role} skal ha tilgangspakken ${code} fra ${customer.role}, har ${urns.join(', ') || 'ingen'}.`);
    return;
  }
  const rightHolder = httpOutcome(customer.notes.delegation.rightHolder);
  if (rightHolder) {
    markVerified(rightHolder);
    assert.ok(rightHolder.status === 200 || rightHolder.status === 201, `[KD-7] Å gjøre ${accountant.role} til rettighetshaver skal lykkes, svaret var ${rightHolder.status} ${rightHolder.text}.`);
    const assignment = rightHolder.data;
    assert.ok(sameId(assignment?.fromId, customer.partyUuid) && sameId(assignment?.toId, accountant.partyUuid), `[KD-7] Tildelingen skal gå fra ${customer.role} (${customer.partyUuid}) til ${accountant.role} (${accountant.partyUuid}), var ${JSON.stringify(rightHolder.body)}.`);
  }
  const grant = httpOutcome(packageGrants.get(code));
  assert.ok(grant, `${customer.role} har ikke gitt ${accountant.role} tilgangspakken ${code}.`);
  markVerified(grant);
  assert.ok(grant.status === 200 || grant.status === 201, `[KD-7] Å gi ${accountant.role} tilgangspakken ${code} skal lykkes, svaret var ${grant.status} ${grant.text}.`);
  const packageId = grant.data?.packageId;
  const expectedId = PACKAGE_IDS[code];
  if (expectedId) assert.ok(sameId(packageId, expectedId), `[KD-7] Tildelingen skal gjelde tilgangspakken ${code} (id ${expectedId}), gjaldt ${String(packageId)}.`);
  const urns = grantedPackages(customer, accountant, 'KD-7');
  assert.ok(urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[KD-7] ${accountant.role} skal ha tilgangspakken ${code} fra ${customer.role}, har ${urns.join(', ') || 'ingen'}.`);
}

/**
 * KD-8: the customer cannot grant an accountant package. The connections API runs a delegation check:
 * a package that is not assignable is one the customer's access manager is not allowed to assign, so
 * the answer is 400 STD-00000 with the validation error the contract names for that check
 * (docs/contracts/altinn-authorization.md §5: AM.VLD-00026 "User is not allowed to assign…"; §2.4: isAssignable false).
 */
export function expectGrantRefused(customer: Company, accountant: Accountant, code: string, errorCode: string): void {
  const answer = customer.notes.delegation.packageGrants.get(code);
  const inPortal = pageOutcome(answer);
  // In the portal the page shows the platform's refusal with the code; a package merely left out of the choices is no refusal.
  if (inPortal) return expectRefusedInPortal(inPortal, { code: errorCode }, 'KD-8', `Å gi ${accountant.role} tilgangspakken ${code} i portalen`);
  const grant = httpOutcome(answer);
  assert.ok(grant, `${customer.role} har ikke forsøkt å gi ${accountant.role} tilgangspakken ${code}.`);
  expectProblem(grant, 400, 'STD-00000', 'KD-8', `Å gi ${accountant.role} tilgangspakken ${code}`);
  const codes = (grant.problem?.validationErrors ?? []).map((e) => e.code);
  assert.ok(
    codes.includes(errorCode),
    `[KD-8] Avvisningen skal ha valideringsfeilen ${errorCode} (${customer.role} kan ikke tildele en tilgangspakke for regnskapsførere), hadde ${codes.join(', ') || 'ingen'}.`,
  );
}

/** KD-8: after a refused grant, the connection does not carry the package. */
export function expectPackageNotGranted(customer: Company, accountant: Accountant, code: string): void {
  const urns = grantedPackages(customer, accountant, 'KD-8');
  assert.ok(!urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[KD-8] ${accountant.role} skal ikke ha fått tilgangspakken ${code} fra ${customer.role}, men har ${urns.join(', ')}.`);
}

// ---- Altinn's client administration (the BFF, docs/contracts/my-clients.md §2) -------------------

/** The clients the BFF showed on the agent system user: 200 and an array. */
function agentView(accountant: Accountant, krav: string, what: string): { response: ApiResponse<BffClientDelegation[]>; list: BffClientDelegation[] } {
  const response = accountant.accounting.agentView;
  assert.ok(response, `${accountant.role} har ikke sett på klientene til klientsystembrukeren i Altinns klientadministrasjon (${what}).`);
  expectStatus(response, 200, krav, what);
  const list = response.data;
  assert.ok(Array.isArray(list), `[${krav}] ${what}: svaret skal være en liste, var ${JSON.stringify(response.body)}.`);
  return { response, list };
}

function isClient(entry: BffClientDelegation, client: Company): boolean {
  return sameId(entry.client?.id, client.partyUuid) || entry.client?.organizationIdentifier === client.orgNo;
}

/** MK-1: the client is listed on the agent system user, with the package among those it acts with. */
export function expectClientInAgentView(accountant: Accountant, client: Company, code: string): void {
  const what = `Klientene til klientsystembrukeren til ${accountant.role} i Altinns klientadministrasjon`;
  const { response, list } = agentView(accountant, 'MK-1', what);
  const entry = list.find((e) => isClient(e, client));
  assert.ok(entry, `[MK-1] ${what}: ${client.role} (${client.orgNo}) skal stå blant klientene, fant ${JSON.stringify(list.map((e) => e.client?.organizationIdentifier ?? e.client?.id))}.`);
  const urns = (entry.access ?? []).flatMap((a) => (a.packages ?? []).map((p) => p.urn));
  assert.ok(
    urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`),
    `[MK-1] ${what}: ${client.role} skal stå med tilgangspakken ${code}, var ${JSON.stringify(urns)}.`,
  );
  markVerified(response);
}

/** MK-2: a client that is not (or no longer) on the agent system user is not listed. */
export function expectClientNotInAgentView(accountant: Accountant, client: Company): void {
  const what = `Klientene til klientsystembrukeren til ${accountant.role} i Altinns klientadministrasjon`;
  const { response, list } = agentView(accountant, 'MK-2', what);
  assert.ok(
    !list.some((e) => isClient(e, client)),
    `[MK-2] ${what}: ${client.role} (${client.orgNo}) er ikke lagt til (eller er fjernet) og skal ikke stå blant klientene, men står der: ${JSON.stringify(list.map((e) => e.client?.organizationIdentifier ?? e.client?.id))}.`,
  );
  markVerified(response);
}

/**
 * MK-3: "my clients" lists what was delegated to the person; a client added to the accountant's agent
 * system user is the system user's, so it is not among the daglig leder's own clients.
 */
export function expectClientNotAmongMyClients(accountant: Accountant, client: Company): void {
  const what = `«Mine klienter» for daglig leder hos ${accountant.role}`;
  const response = accountant.accounting.myClients;
  assert.ok(response, `Daglig leder hos ${accountant.role} har ikke sett på «mine klienter» (${what}).`);
  expectStatus(response, 200, 'MK-3', what);
  const page = response.data;
  assert.ok(page && Array.isArray(page.data), `[MK-3] ${what}: svaret skal ha en liste "data", var ${JSON.stringify(response.body)}.`);
  const listed = page.data.flatMap((m) => (Array.isArray(m.clients) ? m.clients : []).map((c) => c.client));
  const ids = listed.map((c) => (typeof c === 'string' ? c : c?.organizationIdentifier ?? c?.id));
  assert.ok(
    !listed.some((c) => (typeof c === 'string' ? sameId(c, client.partyUuid) : sameId(c?.id, client.partyUuid) || c?.organizationIdentifier === client.orgNo)),
    `[MK-3] ${what}: ${client.role} (${client.orgNo}) er lagt til på klientsystembrukeren, ikke delegert til personen, og skal ikke stå blant personens klienter, men står der: ${JSON.stringify(ids)}.`,
  );
  markVerified(response);
}

// ---- the accountant's agents, the delegation check and the right holders (docs/contracts/client-administration.md)

/**
 * MK-4: after its first client, the agent system user is among the accountant's agents, with the role
 * `agent`. Exact when the accountant was made by this scenario (the test data API): then no other
 * agent can be there; a fixture accountant on a shared target may hold other runs' agents.
 */
export function expectAgentAmongAgents(accountant: Accountant): void {
  const what = `Agentene til ${accountant.role} i Altinns klientadministrasjon`;
  const items = listItems(accountant.accounting.agentsView, 'MK-4', what);
  const agentId = agentSystemUserIdOf(accountant);
  expectMembers(items, {
    krav: 'MK-4',
    what,
    key: (a) => a.agent?.id,
    expected: new Map([[agentId, `klientsystembrukeren til ${accountant.role}`]]),
    // A fixture accountant (no test data API) is shared with other runs, whose agents it may still have.
    exact: accountant.fixtureData === undefined,
  });
  const entry = items.find((a) => sameId(a.agent?.id, agentId));
  const roles = (entry?.access ?? []).map((a) => a.role?.code);
  assert.ok(roles.includes('agent'), `[MK-4] ${what}: klientsystembrukeren skal stå med rollen agent, hadde ${JSON.stringify(roles)}.`);
  assert.ok(!Number.isNaN(Date.parse(entry?.agentAddedAt ?? '')), `[MK-4] ${what}: agentAddedAt skal være et tidspunkt, var ${JSON.stringify(entry?.agentAddedAt)}.`);
}

/** MK-5: another party's daglig leder is refused both the accountant's agents and the clients on its agent system user (403, no list). */
export function expectOutsiderRefusedAgents(accountant: Accountant): void {
  const views = accountant.accounting.outsiderViews;
  assert.ok(views, `Ingen utenfor ${accountant.role} har prøvd å se agentene til ${accountant.role}.`);
  const reads = [
    [views.agents, `Agentene til ${accountant.role}, lest av ${views.who}`],
    [views.agentClients, `Klientene på klientsystembrukeren til ${accountant.role}, lest av ${views.who}`],
  ] as const;
  for (const [response, what] of reads) {
    expectStatus(response, 403, 'MK-5', what);
    assert.ok(!Array.isArray(response.body), `[MK-5] ${what}: avvisningen skal ikke ha noen liste, hadde ${response.text.slice(0, 200)}.`);
  }
}

/** MK-6: the delegation check for the company's daglig leder answers `yes` (may delegate) or not for the package. */
export function expectDelegationCheck(company: Company, code: string, yes: boolean): void {
  const what = `Delegeringssjekken for daglig leder i ${company.role}`;
  const items = listItems(company.notes.delegation.delegationCheck, 'MK-6', what);
  const urn = `${ACCESS_PACKAGE_PREFIX}${code}`;
  const found = items.filter((c) => c.package?.urn === urn);
  assert.equal(found.length, 1, `[MK-6] ${what}: tilgangspakken ${code} skal stå én gang i svaret, sto ${found.length} ganger.`);
  assert.equal(found[0]?.result, yes, `[MK-6] ${what}: ${company.role} skal ${yes ? '' : 'ikke '}kunne delegere tilgangspakken ${code}, result var ${JSON.stringify(found[0]?.result)}.`);
}

/**
 * MK-7: the accountant is among the company's right holders, with the role. Not exact: the company's
 * right holders include its own ER role holders (daglig leder, board), which the scenario does not list.
 */
export function expectAmongRightholders(company: Company, accountant: Accountant, roleCode: string): void {
  const what = `Rettighetshaverne til ${company.role}`;
  const items = listItems(company.notes.delegation.rightholders, 'MK-7', what);
  expectMembers(items, {
    krav: 'MK-7',
    what,
    key: (c) => c.party?.organizationIdentifier ?? c.party?.id,
    expected: new Map([[accountant.orgNo, accountant.role]]),
    exact: false,
  });
  const roles = items.filter((c) => c.party?.organizationIdentifier === accountant.orgNo).flatMap((c) => (c.roles ?? []).map((r) => r.code));
  assert.ok(roles.includes(roleCode), `[MK-7] ${what}: ${accountant.role} skal stå med rollen ${roleCode}, hadde ${JSON.stringify(roles)}.`);
}
