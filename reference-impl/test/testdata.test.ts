import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { buildApp } from '../src/app.ts';

const ORG = '310000019';
const ORG2 = '310000027';
const PID = '01819010001';

async function app(): Promise<FastifyInstance> {
  return buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
}

async function post(a: FastifyInstance, path: string, payload: unknown) {
  return a.inject({ method: 'POST', url: `/testdata/api/v1${path}`, payload: payload as object });
}

function code(res: { json(): unknown }): string | undefined {
  return (res.json() as { code?: string }).code;
}

async function publicJwk(kid?: string): Promise<Record<string, unknown>> {
  const { publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  return kid ? { ...jwk, kid } : { ...jwk };
}

test('POST /organisations: 201, then 200 for the same data, 409 TD-00003 for other data', async () => {
  const a = await app();
  const created = await post(a, '/organisations', { orgNo: ORG, name: 'Kunde AS', orgForm: 'AS' });
  assert.equal(created.statusCode, 201);
  const body = created.json() as { orgNo: string; name: string; orgForm: string; partyId: number; partyUuid: string };
  assert.deepEqual(Object.keys(body).sort(), ['name', 'orgForm', 'orgNo', 'partyId', 'partyUuid']);
  assert.deepEqual([body.orgNo, body.name, body.orgForm, body.partyId], [ORG, 'Kunde AS', 'AS', 50001000]);
  const again = await post(a, '/organisations', { orgNo: ORG, name: 'Kunde AS', orgForm: 'AS' });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), body);
  const other = await post(a, '/organisations', { orgNo: ORG, name: 'Kunde AS', orgForm: 'ENK' });
  assert.equal(other.statusCode, 409);
  assert.equal(code(other), 'TD-00003');
  assert.equal(other.headers['content-type'], 'application/problem+json; charset=utf-8');
});

test('POST /organisations: TD-00001 bad mod 11, TD-00002 unknown org form, STD-00000 shape', async () => {
  const a = await app();
  const badMod = await post(a, '/organisations', { orgNo: '310000010', name: 'X', orgForm: 'AS' });
  assert.deepEqual([badMod.statusCode, code(badMod)], [400, 'TD-00001']);
  const shortNo = await post(a, '/organisations', { orgNo: '12345', name: 'X', orgForm: 'AS' });
  assert.deepEqual([shortNo.statusCode, code(shortNo)], [400, 'TD-00001']);
  const form = await post(a, '/organisations', { orgNo: ORG, name: 'X', orgForm: 'LLC' });
  assert.deepEqual([form.statusCode, code(form)], [400, 'TD-00002']);
  const shape = await post(a, '/organisations', { orgNo: ORG, name: 'X', orgForm: 'AS', extra: 1 });
  assert.deepEqual([shape.statusCode, code(shape)], [400, 'STD-00000']);
  const missing = await post(a, '/organisations', { orgNo: ORG });
  assert.deepEqual([missing.statusCode, code(missing)], [400, 'STD-00000']);
  const wrongType = await post(a, '/organisations', { orgNo: 310000019, name: 'X', orgForm: 'AS' });
  assert.deepEqual([wrongType.statusCode, code(wrongType)], [400, 'STD-00000']);
  // Nothing was stored by the refused calls.
  assert.equal((await post(a, '/organisations', { orgNo: ORG, name: 'Y', orgForm: 'AS' })).statusCode, 201);
});

test('malformed JSON is a 400 problem and writes nothing', async () => {
  const a = await app();
  const res = await a.inject({ method: 'POST', url: '/testdata/api/v1/organisations', payload: '{"orgNo": "310000019",', headers: { 'content-type': 'application/json' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  const empty = await a.inject({ method: 'POST', url: '/testdata/api/v1/persons', payload: '', headers: { 'content-type': 'application/json' } });
  assert.equal(empty.statusCode, 400);
  const array = await post(a, '/roles', [1, 2]);
  assert.deepEqual([array.statusCode, code(array)], [400, 'STD-00000']);
});

test('POST /persons: 201, 200 again, 409 TD-00003, 400 TD-00004', async () => {
  const a = await app();
  const created = await post(a, '/persons', { pid: PID, name: 'Dagny Leder' });
  assert.equal(created.statusCode, 201);
  const body = created.json() as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['name', 'partyId', 'partyUuid', 'pid']);
  assert.equal(body.pid, PID);
  assert.equal((await post(a, '/persons', { pid: PID, name: 'Dagny Leder' })).statusCode, 200);
  const other = await post(a, '/persons', { pid: PID, name: 'Someone Else' });
  assert.deepEqual([other.statusCode, code(other)], [409, 'TD-00003']);
  const bad = await post(a, '/persons', { pid: '01819010002', name: 'X' });
  assert.deepEqual([bad.statusCode, code(bad)], [400, 'TD-00004']);
});

test('POST /roles: 201, idempotent 200, TD-00005 unknown role, TD-00006 unknown org or holder', async () => {
  const a = await app();
  await post(a, '/organisations', { orgNo: ORG, name: 'Kunde AS', orgForm: 'AS' });
  await post(a, '/organisations', { orgNo: ORG2, name: 'Regnskap AS', orgForm: 'AS' });
  await post(a, '/persons', { pid: PID, name: 'Dagny Leder' });
  const dagl = await post(a, '/roles', { orgNo: ORG, role: 'DAGL', holder: { pid: PID } });
  assert.equal(dagl.statusCode, 201);
  assert.deepEqual(dagl.json(), { orgNo: ORG, role: 'DAGL', holder: { pid: PID } });
  assert.equal((await post(a, '/roles', { orgNo: ORG, role: 'DAGL', holder: { pid: PID } })).statusCode, 200);
  assert.equal((await post(a, '/roles', { orgNo: ORG, role: 'REGN', holder: { orgNo: ORG2 } })).statusCode, 201);
  assert.equal((await post(a, '/roles', { orgNo: ORG, role: 'FFØR', holder: { orgNo: ORG2 } })).statusCode, 201);

  const unknownRole = await post(a, '/roles', { orgNo: ORG, role: 'BOSS', holder: { pid: PID } });
  assert.deepEqual([unknownRole.statusCode, code(unknownRole)], [400, 'TD-00005']);
  const unknownOrg = await post(a, '/roles', { orgNo: '310000035', role: 'DAGL', holder: { pid: PID } });
  assert.deepEqual([unknownOrg.statusCode, code(unknownOrg)], [404, 'TD-00006']);
  const unknownPerson = await post(a, '/roles', { orgNo: ORG, role: 'DAGL', holder: { pid: '01819010192' } });
  assert.deepEqual([unknownPerson.statusCode, code(unknownPerson)], [404, 'TD-00006']);
  const unknownHolderOrg = await post(a, '/roles', { orgNo: ORG, role: 'REVI', holder: { orgNo: '310000035' } });
  assert.deepEqual([unknownHolderOrg.statusCode, code(unknownHolderOrg)], [404, 'TD-00006']);
  const twoHolders = await post(a, '/roles', { orgNo: ORG, role: 'DAGL', holder: { pid: PID, orgNo: ORG2 } });
  assert.deepEqual([twoHolders.statusCode, code(twoHolders)], [400, 'STD-00000']);
});

test('POST /maskinporten/clients: 201 with a generated client id, TD-00007, TD-00006, TD-00003', async () => {
  const a = await app();
  await post(a, '/organisations', { orgNo: ORG, name: 'Leverandør AS', orgForm: 'AS' });
  const key = await publicJwk('key-1');
  const created = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: ['altinn:authentication/systemuser.request.write'], jwks: { keys: [key] } });
  assert.equal(created.statusCode, 201);
  const body = created.json() as { clientId: string; orgNo: string; scopes: string[] };
  assert.match(body.clientId, /^[0-9a-f-]{36}$/);
  assert.deepEqual([body.orgNo, body.scopes], [ORG, ['altinn:authentication/systemuser.request.write']]);

  const named = await post(a, '/maskinporten/clients', { clientId: 'vendor-client', orgNo: ORG, scopes: [], jwks: { keys: [key] } });
  assert.deepEqual([named.statusCode, (named.json() as { clientId: string }).clientId], [201, 'vendor-client']);
  const dup = await post(a, '/maskinporten/clients', { clientId: 'vendor-client', orgNo: ORG, scopes: [], jwks: { keys: [key] } });
  assert.deepEqual([dup.statusCode, code(dup)], [409, 'TD-00003']);

  const noKid = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [await publicJwk()] } });
  assert.deepEqual([noKid.statusCode, code(noKid)], [400, 'TD-00007']);
  const ec = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', kid: 'k' }] } });
  assert.deepEqual([ec.statusCode, code(ec)], [400, 'TD-00007']);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const priv = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'p' }] } });
  assert.deepEqual([priv.statusCode, code(priv)], [400, 'TD-00007']);
  const garbage = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [{ kty: 'RSA', n: '!!', e: 'AQAB', kid: 'g' }] } });
  assert.deepEqual([garbage.statusCode, code(garbage)], [400, 'TD-00007']);
  const tiny = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 't' }] } });
  assert.deepEqual([tiny.statusCode, code(tiny)], [400, 'TD-00007']);
  const unknownOrg = await post(a, '/maskinporten/clients', { orgNo: ORG2, scopes: [], jwks: { keys: [key] } });
  assert.deepEqual([unknownOrg.statusCode, code(unknownOrg)], [404, 'TD-00006']);
  const noKeys = await post(a, '/maskinporten/clients', { orgNo: ORG, scopes: [], jwks: { keys: [] } });
  assert.deepEqual([noKeys.statusCode, code(noKeys)], [400, 'STD-00000']);
});

const RESOURCE = {
  title: { nb: 'MVA-rapportering' },
  resourceType: 'GenericAccessResource',
  hasCompetentAuthority: { organization: ORG, orgcode: 'skd', name: { nb: 'Skatteetaten' } },
  policy: { rules: [{ subjects: ['urn:altinn:accesspackage:merverdiavgift'], actions: ['read', 'write'] }] },
};

test('PUT /resources/{identifier}: 201 created, 200 replaced, answered as the resource registry returns it', async () => {
  const a = await app();
  const created = await a.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-mva-rapportering', payload: RESOURCE });
  assert.equal(created.statusCode, 201);
  const fromRegistry = await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/samsvar-mva-rapportering' });
  assert.deepEqual(created.json(), fromRegistry.json());
  const replaced = await a.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-mva-rapportering', payload: { ...RESOURCE, visible: false } });
  assert.equal(replaced.statusCode, 200);
  assert.equal((replaced.json() as { visible: boolean }).visible, false);
});

test('PUT /resources: TD-00008 unknown package or one not for service owners, TD-00009 unknown type, nothing stored', async () => {
  const a = await app();
  const put = (payload: unknown) => a.inject({ method: 'PUT', url: '/testdata/api/v1/resources/r1', payload: payload as object });
  const unknown = await put({ ...RESOURCE, policy: { rules: [{ subjects: ['urn:altinn:accesspackage:nope'], actions: ['read'] }] } });
  assert.deepEqual([unknown.statusCode, code(unknown)], [400, 'TD-00008']);
  const notForOwners = await put({ ...RESOURCE, policy: { rules: [{ subjects: ['urn:altinn:accesspackage:tilgangsstyrer'], actions: ['read'] }] } });
  assert.deepEqual([notForOwners.statusCode, code(notForOwners)], [400, 'TD-00008']);
  const role = await put({ ...RESOURCE, policy: { rules: [{ subjects: ['urn:altinn:rolecode:dagl'], actions: ['read'] }] } });
  assert.deepEqual([role.statusCode, code(role)], [400, 'TD-00008']);
  const type = await put({ ...RESOURCE, resourceType: 'Website' });
  assert.deepEqual([type.statusCode, code(type)], [400, 'TD-00009']);
  const shape = await put({ ...RESOURCE, policy: { rules: [{ subjects: [], actions: ['read'] }] } });
  assert.deepEqual([shape.statusCode, code(shape)], [400, 'STD-00000']);
  const badId = await a.inject({ method: 'PUT', url: '/testdata/api/v1/resources/bad%20id', payload: RESOURCE });
  assert.deepEqual([badId.statusCode, code(badId)], [400, 'STD-00000']);
  assert.equal((await a.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/r1' })).statusCode, 404);
});

test('POST /maskinporten/tokens: signed by the Maskinporten stand-in with the given claims, iat and exp', async () => {
  const a = await app();
  const res = await post(a, '/maskinporten/tokens', { claims: { scope: 's', client_id: 'c', iss: 'evil' }, iat: 1700000000, exp: 1700000060 });
  assert.equal(res.statusCode, 201);
  const token = (res.json() as { access_token: string }).access_token;
  const claims = decodeJwt(token);
  assert.deepEqual([claims.iss, claims.scope, claims.client_id, claims.iat, claims.exp], ['http://127.0.0.1:1/maskinporten/', 's', 'c', 1700000000, 1700000060]);
  assert.equal(typeof claims.jti, 'string');
  assert.equal(decodeProtectedHeader(token).alg, 'RS256');

  const defaults = decodeJwt((await post(a, '/maskinporten/tokens', { claims: {} })).json<{ access_token: string }>().access_token);
  const now = Math.floor(Date.now() / 1000);
  assert.ok(Math.abs((defaults.iat ?? 0) - now) <= 5);
  assert.equal((defaults.exp ?? 0) - (defaults.iat ?? 0), 120);

  const shape = await post(a, '/maskinporten/tokens', { claims: 'x' });
  assert.deepEqual([shape.statusCode, code(shape)], [400, 'STD-00000']);
  const fraction = await post(a, '/maskinporten/tokens', { claims: {}, exp: 1.5 });
  assert.deepEqual([fraction.statusCode, code(fraction)], [400, 'STD-00000']);
});

test('GET /decisions lists PDP decisions, filtered by system user and resource', async () => {
  const a = await app();
  const token = (await post(a, '/maskinporten/tokens', { claims: { scope: 'altinn:authorization/authorize' } })).json<{ access_token: string }>().access_token;
  const su = '6f1e3f5a-1d2b-4c3d-8e4f-000000000001';
  for (const [subject, resource] of [[su, 'r1'], [su, 'r2'], ['6f1e3f5a-1d2b-4c3d-8e4f-000000000002', 'r1']]) {
    await a.inject({
      method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
      payload: { Request: {
        AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:systemuser:uuid', Value: subject }] }],
        Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
        Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: resource }, { AttributeId: 'urn:altinn:organization:identifier-no', Value: ORG }] }],
      } },
    });
  }
  const all = (await a.inject({ method: 'GET', url: '/testdata/api/v1/decisions' })).json() as Array<Record<string, unknown>>;
  assert.equal(all.length, 3);
  assert.deepEqual(Object.keys(all[0] ?? {}).sort(), ['action', 'at', 'decision', 'party', 'pep', 'resource', 'subject']);
  // The token names no consumer and no client_id: who asked is not known.
  assert.deepEqual(all[0]?.pep, {});
  assert.deepEqual(all[0]?.subject, { 'urn:altinn:systemuser:uuid': su });
  assert.deepEqual(all[0]?.party, { 'urn:altinn:organization:identifier-no': ORG });
  assert.equal(all[0]?.decision, 'Indeterminate');
  const bySu = (await a.inject({ method: 'GET', url: `/testdata/api/v1/decisions?systemUserId=${su}` })).json() as unknown[];
  assert.equal(bySu.length, 2);
  const both = (await a.inject({ method: 'GET', url: `/testdata/api/v1/decisions?systemUserId=${su}&resource=r2` })).json() as Array<{ resource: string }>;
  assert.deepEqual(both.map((d) => d.resource), ['r2']);
  assert.equal((await a.inject({ method: 'GET', url: '/testdata/api/v1/decisions?other=1' })).statusCode, 400);
});
