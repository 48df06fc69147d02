// The accountant's side of the suite: role words, the MVA policy body, fixtures for the ER role, and
// the client delegation and connections tasks and expectations against a mocked target.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MockAgent } from 'undici';
import { withMock } from './helpers/mock-target.ts';
import { Accountant } from '../support/actors/accountant.ts';
import { as, Cast, ROLE_WORDS } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { MVA_ACCOUNTANT_PACKAGES, MVA_PACKAGE, mvaResource } from '../support/actors/service-owner.ts';
import { EvidenceRecorder } from '../support/evidence.ts';
import { addClient, confirmNoAccountantRole, grantPackage, listClients, registerAccountantForClient } from '../support/tasks/klient.ts';
import { expectClientAdded, expectClientRefused, expectGrantRefused } from '../support/expectations/klient.ts';
import { ProfileError, type TargetProfile } from '../support/target/profile.ts';
import { httpOutcome } from '../support/abilities/answer-requests.ts';

const ORIGIN = 'http://target.samsvar.invalid';
const ACCOUNTANT = { orgNo: '310000027', partyId: 50001, partyUuid: '0195efb8-0000-7000-8000-000000000001', dagligLeder: { pid: '01818000123' } };
const CLIENT_UUID = '0195efb8-0000-7000-8000-000000000002';
const AGENT = '6f1c0a54-6d7e-4d34-9a8b-3e1d2c4b5a69';

function profile(clientFixture: Record<string, unknown>): TargetProfile {
  return {
    name: 'test',
    path: 'test',
    reference: false,
    endpoints: { platform: ORIGIN, idporten: `${ORIGIN}/idporten`, maskinporten: `${ORIGIN}/maskinporten` },
    capabilities: ['agent-systembruker', 'klientdelegering'],
    fixtures: {
      pools: [{
        vendor: { orgNo: '310000019', clientId: 'v', keyId: 'v', privateKey: 'env:UNUSED' },
        accountant: ACCOUNTANT,
        client: { orgNo: '310000035', partyId: 50002, partyUuid: CLIENT_UUID, dagligLeder: { pid: '01818000234' }, ...clientFixture },
      }],
    },
  };
}

function cast(clientFixture: Record<string, unknown> = {}, recorder = new EvidenceRecorder()): Cast {
  return new Cast({ profile: profile(clientFixture), recorder });
}

const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };
const PROBLEM_HEADERS = { headers: { 'content-type': 'application/problem+json' } };

function mockLogin(agent: MockAgent): void {
  agent.get(ORIGIN).intercept({ path: '/idporten/api/v1/testlogin', method: 'POST' })
    .reply(200, JSON.stringify({ access_token: 'person-token', token_type: 'Bearer', expires_in: 600, scope: 'x' }), JSON_HEADERS).persist();
}

async function accountantWithAgent(c: Cast): Promise<{ accountant: Accountant; client: Company }> {
  const accountant = c.accountant();
  const client = c.client('klienten');
  await Promise.all([accountant.ready(), client.ready()]);
  accountant.notes.systemUserId = AGENT;
  accountant.notes.systemUserType = 'agent';
  return { accountant, client };
}

test('the role words name the accountant and one customer, whether called kunden or klienten', () => {
  for (const word of ['regnskapsføreren', 'kunden', 'klienten']) assert.ok((ROLE_WORDS as readonly string[]).includes(word), word);
  const c = cast();
  const accountant = c.byRole('regnskapsføreren');
  assert.ok(accountant instanceof Accountant);
  assert.ok(accountant instanceof Company, 'the accountant is a company too, so company steps accept it');
  assert.equal(c.byRole('kunden'), c.byRole('klienten'));
  assert.equal(c.byRole('kunden').role, 'kunden', 'labelled by the word first used');
  assert.throws(() => as(c.byRole('klienten'), Accountant), /Steget gjelder regnskapsføreren, men featuren nevner "kunden"/);
});

test('the MVA policy names merverdiavgift and both accountant packages, and the body is the same on every PUT', () => {
  const resource = mvaResource();
  assert.deepEqual(resource.policy.rules, [{
    subjects: [MVA_PACKAGE, ...MVA_ACCOUNTANT_PACKAGES].map((code) => `urn:altinn:accesspackage:${code}`),
    actions: ['read', 'write'],
  }]);
  assert.deepEqual(MVA_ACCOUNTANT_PACKAGES, ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet']);
  assert.deepEqual(mvaResource(), resource);
});

test('without the test data API the ER role REGN must be in the client fixture, and its absence too', async () => {
  const without = cast();
  await assert.rejects(registerAccountantForClient(without.accountant(), without.client('klienten')), ProfileError);
  await confirmNoAccountantRole(without.accountant(), without.client('klienten'));

  const registered = cast({ regnskapsforer: ACCOUNTANT.orgNo });
  const client = registered.client('klienten');
  await registerAccountantForClient(registered.accountant(), client);
  assert.equal(client.notes.accountantOrgNo, ACCOUNTANT.orgNo);
  await assert.rejects(confirmNoAccountantRole(registered.accountant(), client), ProfileError);
});

test('adding a client: the daglig leder logs in with the client delegation scopes and the answer and list are checked', async () => {
  await withMock(async (agent) => {
    mockLogin(agent);
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: `/authentication/api/v1/enduser/systemuser/clients?agent=${AGENT}&client=${CLIENT_UUID}`, method: 'POST' })
      .reply(200, JSON.stringify({ agent: AGENT, client: CLIENT_UUID }), JSON_HEADERS);
    pool.intercept({ path: `/authentication/api/v1/enduser/systemuser/clients?agent=${AGENT}`, method: 'GET' })
      .reply(200, JSON.stringify({
        links: { next: null },
        data: [{ clientId: CLIENT_UUID, clientOrganizationNumber: '310000035', clientOrganizationName: 'K' }],
        systemUserInformation: { systemUserId: AGENT, systemUserOwnerOrg: ACCOUNTANT.orgNo },
      }), JSON_HEADERS);
    const recorder = new EvidenceRecorder();
    const { accountant, client } = await accountantWithAgent(cast({}, recorder));
    await addClient(accountant, client);
    await listClients(accountant);
    expectClientAdded(accountant, client);
    const login = recorder.exchanges().find((e) => e.request.url.endsWith('/testlogin'));
    assert.deepEqual(JSON.parse(login?.request.body ?? '{}'), {
      pid: ACCOUNTANT.dagligLeder.pid,
      scope: 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write',
    });
    assert.equal(recorder.exchanges().filter((e) => e.request.url.endsWith('/testlogin')).length, 1, 'one login per scenario and scope');
    assert.equal(httpOutcome(accountant.client(client).added)?.exchange.request.headers.authorization, 'Bearer person-token');
    assert.equal(client.notes.accountantOrgNo, ACCOUNTANT.orgNo, 'a client added to an accountant knows it (TOK-3 for its token refusals)');
  });
});

test('a refused client is pinned to its code: AUTH-00080 is KD-5, another code fails', async () => {
  await withMock(async (agent) => {
    mockLogin(agent);
    agent.get(ORIGIN).intercept({ path: `/authentication/api/v1/enduser/systemuser/clients?agent=${AGENT}&client=${CLIENT_UUID}`, method: 'POST' })
      .reply(400, JSON.stringify({ type: 'urn:altinn:error:AUTH-00079', title: 'Client not found.', status: 400, code: 'AUTH-00079' }), PROBLEM_HEADERS);
    const { accountant, client } = await accountantWithAgent(cast());
    await addClient(accountant, client);
    expectClientRefused(accountant, client, 'AUTH-00079');
    assert.throws(() => expectClientRefused(accountant, client, 'AUTH-00080'), /\[KD-5\].*AUTH-00080, fikk AUTH-00079/);
  });
});

test('a refused grant of an accountant package is a validation problem carrying the named code', async () => {
  await withMock(async (agent) => {
    mockLogin(agent);
    const pool = agent.get(ORIGIN);
    const path = (code: string) => `/accessmanagement/api/v1/enduser/connections/accesspackages?party=${CLIENT_UUID}&to=${ACCOUNTANT.partyUuid}&package=${encodeURIComponent(`urn:altinn:accesspackage:${code}`)}`;
    const refusal = (vld: string) => JSON.stringify({
      type: 'urn:altinn:error:STD-00000', title: 'One or more validation errors occurred.', status: 400, code: 'STD-00000',
      validationErrors: [{ code: vld, title: 'User not authorized for operation.', paths: ['QUERY/packageId'] }],
    });
    pool.intercept({ path: path('regnskapsforer-med-signeringsrettighet'), method: 'POST' }).reply(400, refusal('AM.VLD-00026'), PROBLEM_HEADERS);
    pool.intercept({ path: path('regnskapsforer-uten-signeringsrettighet'), method: 'POST' }).reply(400, refusal('AM.VLD-00028'), PROBLEM_HEADERS);
    const { accountant, client } = await accountantWithAgent(cast());
    await grantPackage(client, accountant, 'regnskapsforer-med-signeringsrettighet');
    expectGrantRefused(client, accountant, 'regnskapsforer-med-signeringsrettighet', 'AM.VLD-00026');
    await grantPackage(client, accountant, 'regnskapsforer-uten-signeringsrettighet');
    assert.throws(() => expectGrantRefused(client, accountant, 'regnskapsforer-uten-signeringsrettighet', 'AM.VLD-00026'), /\[KD-8\].*AM\.VLD-00026.*hadde AM\.VLD-00028/);
  });
});
