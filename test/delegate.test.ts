// The person's delegation ability (support/abilities/delegate.ts): the surface chosen per person, one
// answer shape on both surfaces, the refusal code read the same way, and the klient expectations
// reading that one shape.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answered, delegateFor, describeDelegation, inBrowser, refusalCode, requireDelegated } from '../support/abilities/delegate.ts';
import { expectClientAdded, expectClientNotAdded, expectClientRefused } from '../support/expectations/klient.ts';
import { NotTestableError } from '../support/assertions.ts';
import { onePage, type PagedList } from '../support/lists.ts';
import type { PageState, PortalAnswer, PortalFlavour } from '../support/browser/portal.ts';
import type { ApiResponse, Problem } from '../support/clients/http.ts';
import type { Person } from '../support/actors/person.ts';
import type { Accountant, ClientNotes } from '../support/actors/accountant.ts';
import type { Company } from '../support/actors/company.ts';
import type { Exchange } from '../support/evidence.ts';

function response<T>(status: number, body: unknown, problem?: Problem): ApiResponse<T> {
  return { status, headers: {}, body, text: JSON.stringify(body), exchange: { request: { method: 'POST', url: 'https://platform.example/x', headers: {} } } as unknown as Exchange, ...(problem ? { problem } : {}), data: body as T };
}

function page(shows: PageState, offered = true, errorCodes: string[] = []): PortalAnswer {
  return { action: 'Legg til K AS', offered, view: { url: 'https://portal.example/p', heading: 'h', notices: [], errorCodes, shows } };
}

const CUSTOMER = { orgNo: '310000035', partyUuid: 'c-uuid', name: 'Kunden AS' };
const ACCOUNTANT = { orgNo: '310000027', partyUuid: 'a-uuid', name: 'Regnskap AS' };
const AGENT = { systemUserId: 'agent-1', owner: ACCOUNTANT };

test('the surface is chosen per person: the browser where persons act there, else the end-user APIs', () => {
  assert.equal(delegateFor({ actsInBrowser: true } as Person).via, 'browser');
  assert.equal(delegateFor({ actsInBrowser: false } as Person).via, 'api');
});

test('done is judged per act the same way on both surfaces', () => {
  assert.equal(answered('api', 'package', response(201, {})).done, true);
  assert.equal(answered('api', 'right-holder', response(200, {})).done, true);
  assert.equal(answered('api', 'add-client', response(201, {})).done, false, 'adding a client answers 200');
  assert.equal(answered('api', 'add-client', response(400, {})).done, false);
  assert.equal(answered('browser', 'add-client', page('client-added')).done, true);
  assert.equal(answered('browser', 'add-client', page('client-added', false)).done, false, 'an action the page did not offer is not done');
  assert.equal(answered('browser', 'remove-client', page('client-added')).done, false);
  assert.equal(answered('browser', 'right-holder', page('other')).done, true);
  assert.equal(answered('browser', 'package', page('other')).done, false);
});

test('a Given that did not go through is not testable, on either surface', () => {
  requireDelegated(answered('api', 'package', response(201, {})), 'Å gi');
  requireDelegated(answered('browser', 'add-client', page('client-added')), 'Å legge til');
  assert.throws(() => requireDelegated(answered('api', 'add-client', response(400, {})), 'Å legge til'), NotTestableError);
  assert.throws(() => requireDelegated(answered('browser', 'package', page('refused')), 'Å gi'), (e: Error) => e instanceof NotTestableError && /Å gi lyktes ikke i portalen/.test(e.message));
});

test('the refusal code is read the same way: the problem\'s code, or the first code the page shows', () => {
  const problem = { status: 400, code: 'AUTH-00080' } as Problem;
  assert.equal(refusalCode(answered('api', 'add-client', response(400, problem, problem))), 'AUTH-00080');
  assert.equal(refusalCode(answered('browser', 'add-client', page('refused', true, ['AUTH-00079', 'STD-00000']))), 'AUTH-00079');
  assert.equal(refusalCode(answered('api', 'add-client', response(200, {}))), undefined);
  assert.equal(refusalCode(undefined), undefined);
});

test('the browser surface asks the portal flavour, picks the package by its catalogue name, and answers the one shape', async () => {
  const calls: unknown[][] = [];
  const flavour = {
    name: 'stub',
    async nameRightHolder(_who, customer, orgNo) { calls.push(['nameRightHolder', customer, orgNo]); return page('other'); },
    async grantPackage(_who, customer, orgNo, name) { calls.push(['grantPackage', customer, orgNo, name]); return page('granted'); },
    async addClient(_who, agent, client) { calls.push(['addClient', agent, client]); return page('refused', true, ['AUTH-00080']); },
    async removeClient(_who, agent, client) { calls.push(['removeClient', agent, client]); return page('client-removed'); },
    async answerRequest() { throw new Error('not used'); },
    async openPage() { throw new Error('not used'); },
    async logOut() { throw new Error('not used'); },
    http: { async logIn() { throw new Error('not used'); }, async logOut() { throw new Error('not used'); }, shown() { throw new Error('not used'); } },
  } satisfies PortalFlavour;
  const person = {
    actsInBrowser: true, pid: '01818000123', portalUrl: 'https://portal.example',
    async page() { return {}; }, async capture() {},
    packageCatalogue: { async packageByUrn(urn: string) { calls.push(['catalogue', urn]); return response(200, { name: 'Lønn' }); } },
  } as unknown as Person;
  const surface = inBrowser(() => flavour);
  const named = await surface.nameRightHolder(person, { from: CUSTOMER, to: ACCOUNTANT });
  const granted = await surface.grantPackage(person, { from: CUSTOMER, to: ACCOUNTANT }, 'regnskapsforer-lonn');
  const added = await surface.addClient(person, { agent: AGENT, client: CUSTOMER });
  const removed = await surface.removeClient(person, { agent: AGENT, client: CUSTOMER });
  assert.deepEqual(calls, [
    ['nameRightHolder', CUSTOMER, ACCOUNTANT.orgNo],
    ['catalogue', 'urn:altinn:accesspackage:regnskapsforer-lonn'],
    ['grantPackage', CUSTOMER, ACCOUNTANT.orgNo, 'Lønn'],
    ['addClient', AGENT, CUSTOMER],
    ['removeClient', AGENT, CUSTOMER],
  ]);
  assert.deepEqual([named, granted, added, removed].map((a) => [a.via, a.act, a.done]), [
    ['browser', 'right-holder', true], ['browser', 'package', true], ['browser', 'add-client', false], ['browser', 'remove-client', true],
  ]);
  assert.equal(refusalCode(added), 'AUTH-00080');
  assert.equal(describeDelegation(added), 'Personen la til en klient via portalen i nettleseren, uten at det gikk gjennom.');
  assert.equal(describeDelegation(answered('api', 'package', response(201, {}))), 'Personen ga en tilgangspakke via Access Managements sluttbruker-API (connections).');
});

/** An accountant whose client notes and last client list the expectations read. */
function world(added: ClientNotes['added'], listed: string[]): { accountant: Accountant; client: Company } {
  const notes: ClientNotes = { role: 'klienten', added };
  const list = { data: listed.map((orgNo) => ({ clientId: orgNo === CUSTOMER.orgNo ? CUSTOMER.partyUuid : 'x', clientOrganizationNumber: orgNo })), systemUserInformation: { systemUserId: 'agent-1', systemUserOwnerOrg: ACCOUNTANT.orgNo } };
  const accountant = { role: 'regnskapsføreren', orgNo: ACCOUNTANT.orgNo, notes: { systemUserId: 'agent-1' }, accounting: { delegated: onePage(response(200, list) as ApiResponse<PagedList<unknown>>), clients: new Map([[CUSTOMER.orgNo, notes]]) }, client: () => notes } as unknown as Accountant;
  return { accountant, client: { role: 'klienten', orgNo: CUSTOMER.orgNo, partyUuid: CUSTOMER.partyUuid } as unknown as Company };
}

test('the klient expectations read one shape: a refusal on the page is judged by its code, as the API\'s problem is', () => {
  const onPage = world(answered('browser', 'add-client', page('refused', true, ['AUTH-00080'])), []);
  expectClientRefused(onPage.accountant, onPage.client, 'AUTH-00080');
  assert.throws(() => expectClientRefused(onPage.accountant, onPage.client, 'AUTH-00079'), /\[KD-4\].*i portalen.*feilkoden AUTH-00079/);
  expectClientNotAdded(onPage.accountant, onPage.client);
  const listedAnyway = world(answered('browser', 'add-client', page('refused', true, ['AUTH-00080'])), [CUSTOMER.orgNo]);
  assert.throws(() => expectClientNotAdded(listedAnyway.accountant, listedAnyway.client), /^AssertionError.*\[KD-5\] klienten/s, 'the page\'s code names KD-5');
  const problem = { status: 400, code: 'AUTH-00080' } as Problem;
  const overApi = world(answered('api', 'add-client', response(400, problem, problem)), [CUSTOMER.orgNo]);
  assert.throws(() => expectClientNotAdded(overApi.accountant, overApi.client), /\[KD-5\] klienten/, 'the problem\'s code names KD-5');
});

test('an added client is judged on the page it was added on, and over the API by its body', () => {
  const onPage = world(answered('browser', 'add-client', page('client-added')), [CUSTOMER.orgNo]);
  expectClientAdded(onPage.accountant, onPage.client);
  const refusedOnPage = world(answered('browser', 'add-client', page('refused', true, ['AUTH-00079'])), [CUSTOMER.orgNo]);
  assert.throws(() => expectClientAdded(refusedOnPage.accountant, refusedOnPage.client), /\[KD-3\] Å legge til klienten på klientsystembrukeren i portalen: portalen skulle vise/);
  const wrongBody = world(answered('api', 'add-client', response(200, { agent: 'agent-1', client: 'other' })), [CUSTOMER.orgNo]);
  assert.throws(() => expectClientAdded(wrongBody.accountant, wrongBody.client), /\[KD-3\].*"client" skal være partyUuid/);
  const never = world(undefined, [CUSTOMER.orgNo]);
  assert.throws(() => expectClientAdded(never.accountant, never.client), /har ikke forsøkt dette for klienten/);
});

test("the agent's client list is exact: a client the scenario did not add is named as a leak", () => {
  const leaked = world(answered('api', 'add-client', response(200, { agent: 'agent-1', client: CUSTOMER.partyUuid })), [CUSTOMER.orgNo, '310000043']);
  assert.throws(() => expectClientAdded(leaked.accountant, leaked.client), /\[KD-3\].*lekkasje: 310000043 står i listen/);
  const refusedAndEmpty = world(answered('api', 'add-client', response(400, {})), []);
  expectClientNotAdded(refusedAndEmpty.accountant, refusedAndEmpty.client);
});
