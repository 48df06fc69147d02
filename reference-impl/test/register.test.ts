import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { RegisterStore } from '../src/components/register/store.ts';

const ORG = '310000019';
const PID = '01819010001';

async function app(): Promise<FastifyInstance> {
  return buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
}

async function post(a: FastifyInstance, url: string, payload: unknown) {
  return a.inject({ method: 'POST', url: `/testdata/api/v1${url}`, payload: payload as object });
}

const ADMIN_SCOPE = 'altinn:register/partylookup.admin';

async function token(a: FastifyInstance, scope = ADMIN_SCOPE, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post(a, '/maskinporten/tokens', { claims: { scope, client_id: 'c', ...extra } });
  return (res.json() as { access_token: string }).access_token;
}

async function personToken(a: FastifyInstance, pid: string): Promise<string> {
  const res = await a.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid } });
  return (res.json() as { access_token: string }).access_token;
}

test('party ids are sequential from 50001000 across organisations and persons; party uuids are random UUIDs', () => {
  const store = new RegisterStore();
  const a = store.createOrganisation({ orgNo: ORG, name: 'A AS', orgForm: 'AS' });
  const p = store.createPerson({ pid: PID, name: 'Per' });
  const b = store.createOrganisation({ orgNo: '310000027', name: 'B AS', orgForm: 'AS' });
  assert.deepEqual([a.partyId, p.partyId, b.partyId], [50001000, 50001001, 50001002]);
  for (const uuid of [a.partyUuid, p.partyUuid, b.partyUuid]) assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(store.organisationByPartyId(50001002)?.orgNo, '310000027');
  assert.equal(store.organisationByPartyUuid(a.partyUuid.toUpperCase())?.orgNo, ORG);
  assert.throws(() => store.createOrganisation({ orgNo: ORG, name: 'A AS', orgForm: 'AS' }));
});

test('roles are idempotent and returned per organisation', () => {
  const store = new RegisterStore();
  store.addRole({ orgNo: ORG, role: 'DAGL', holder: { pid: PID } });
  store.addRole({ orgNo: ORG, role: 'DAGL', holder: { pid: PID } });
  store.addRole({ orgNo: ORG, role: 'REGN', holder: { orgNo: '310000027' } });
  assert.deepEqual(store.rolesIn(ORG), [
    { orgNo: ORG, role: 'DAGL', holder: { pid: PID } },
    { orgNo: ORG, role: 'REGN', holder: { orgNo: '310000027' } },
  ]);
  assert.deepEqual(store.rolesIn('310000027'), []);
  assert.deepEqual(store.rolesHeldBy({ orgNo: '310000027' }), [{ orgNo: ORG, role: 'REGN', holder: { orgNo: '310000027' } }]);
});

test('GET organizations/{orgNo} needs a token with partylookup.admin and returns the Register organisation', async () => {
  const a = await app();
  await post(a, '/organisations', { orgNo: ORG, name: 'Regnskap AS', orgForm: 'AS' });
  const anonymous = await a.inject({ method: 'GET', url: `/register/api/v1/organizations/${ORG}` });
  assert.equal(anonymous.statusCode, 401);
  const otherScope = await a.inject({ method: 'GET', url: `/register/api/v1/organizations/${ORG}`, headers: { authorization: `Bearer ${await token(a, 'altinn:authorization/authorize')}` } });
  assert.equal(otherScope.statusCode, 403);
  const auth = { authorization: `Bearer ${await token(a)}` };
  const res = await a.inject({ method: 'GET', url: `/register/api/v1/organizations/${ORG}`, headers: auth });
  assert.equal(res.statusCode, 200);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.orgNumber, ORG);
  assert.equal(body.name, 'Regnskap AS');
  assert.equal(body.unitType, 'AS');
  const missing = await a.inject({ method: 'GET', url: '/register/api/v1/organizations/310000027', headers: auth });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('GET parties/{partyId} and parties/byuuid/{partyUuid} return organisations and persons to a token with partylookup.admin', async () => {
  const a = await app();
  const org = (await post(a, '/organisations', { orgNo: ORG, name: 'Regnskap AS', orgForm: 'AS' })).json() as { partyId: number; partyUuid: string };
  const person = (await post(a, '/persons', { pid: PID, name: 'Per Testesen' })).json() as { partyId: number; partyUuid: string };
  const auth = { authorization: `Bearer ${await token(a)}` };

  const orgParty = await a.inject({ method: 'GET', url: `/register/api/v1/parties/${org.partyId}`, headers: auth });
  assert.equal(orgParty.statusCode, 200);
  const o = orgParty.json() as Record<string, unknown>;
  assert.deepEqual([o.partyId, o.partyUuid, o.partyTypeName, o.orgNumber, o.ssn, o.unitType], [org.partyId, org.partyUuid, 2, ORG, null, 'AS']);

  const personParty = await a.inject({ method: 'GET', url: `/register/api/v1/parties/byuuid/${person.partyUuid}`, headers: auth });
  assert.equal(personParty.statusCode, 200);
  const p = personParty.json() as Record<string, unknown>;
  assert.deepEqual([p.partyId, p.partyTypeName, p.ssn, p.orgNumber, p.name], [person.partyId, 1, PID, null, 'Per Testesen']);

  assert.equal((await a.inject({ method: 'GET', url: '/register/api/v1/parties/49999999', headers: auth })).statusCode, 404);
  const bad = await a.inject({ method: 'GET', url: '/register/api/v1/parties/abc', headers: auth });
  assert.equal(bad.statusCode, 400);
  assert.equal((bad.json() as { code: string }).code, 'STD-00000');
  assert.equal((await a.inject({ method: 'GET', url: '/register/api/v1/parties/byuuid/not-a-uuid', headers: auth })).statusCode, 400);
});

test('a person\'s party (ssn and name) is refused to a vendor, an unrelated system user and an unrelated person', async () => {
  const a = await app();
  const person = (await post(a, '/persons', { pid: PID, name: 'Per Testesen' })).json() as { partyId: number; partyUuid: string };
  const other = '01818510159';
  await post(a, '/persons', { pid: other, name: 'Ola Annen' });
  const callers: Array<[string, string]> = [
    ['a vendor\'s Maskinporten token with an unrelated scope', await token(a, 'altinn:authentication/systemregister.write', { consumer: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' } })],
    ['an unrelated organisation\'s system user token', await token(a, 'altinn:authorization/authorize', {
      authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' }, systemuser_id: ['5a4f9a0c-0c3e-4c1b-9a51-5d3b7f0e1a2b'] }],
    })],
    ['an unrelated person', await personToken(a, other)],
  ];
  for (const [who, bearer] of callers) {
    for (const url of [`/register/api/v1/parties/${person.partyId}`, `/register/api/v1/parties/byuuid/${person.partyUuid}`]) {
      const res = await a.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(res.statusCode, 403, `${who}: ${url}`);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', who);
      assert.equal(res.body.includes(PID), false, `${who} must not see the ssn`);
      assert.equal(res.body.includes('Per Testesen'), false, `${who} must not see the name`);
    }
  }
  const anonymous = await a.inject({ method: 'GET', url: `/register/api/v1/parties/${person.partyId}` });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.body.includes(PID), false);
});
