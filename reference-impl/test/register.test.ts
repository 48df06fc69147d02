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

async function token(a: FastifyInstance): Promise<string> {
  const res = await post(a, '/maskinporten/tokens', { claims: { scope: 'altinn:authorization/authorize', client_id: 'c' } });
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

test('GET organizations/{orgNo} needs a bearer token and returns the Register organisation', async () => {
  const a = await app();
  await post(a, '/organisations', { orgNo: ORG, name: 'Regnskap AS', orgForm: 'AS' });
  const anonymous = await a.inject({ method: 'GET', url: `/register/api/v1/organizations/${ORG}` });
  assert.equal(anonymous.statusCode, 401);
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

test('GET parties/{partyId} and parties/byuuid/{partyUuid} return organisations and persons', async () => {
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
