// The TT02 look-alike (--as tt02, docs/platform-surface.md): Samsvar-only APIs gone, fixtures seeded
// through the test data API's operations, API Management and exchanged tokens in front of the PDP and
// the broker, and the Test Tools token generator.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { buildApp } from '../src/app.ts';
import { FixturesError, parseFixtures, type Fixtures } from '../src/tt02/fixtures.ts';
import { APIM_INVALID_KEY, APIM_MISSING_KEY } from '../src/tt02/apim.ts';

const BASE = 'http://ref.test';
const KEY = 'abonnementsnokkel-123';
const BASIC = `Basic ${Buffer.from('samsvar:hemmelig').toString('base64')}`;
const example = JSON.parse(readFileSync(new URL('../tt02/fixtures.example.json', import.meta.url), 'utf8')) as Fixtures;
const SKD = example.organisations[0]!.orgNo;
const CUSTOMER = example.organisations[2]!;
const PID = example.persons[0]!.pid;
const SO_CLIENT = 'samsvar-tt02-tjenesteeier';

async function world(): Promise<{ app: FastifyInstance; key: CryptoKey }> {
  const fixtures = structuredClone(example);
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const so = fixtures.maskinportenClients.find((c) => c.clientId === SO_CLIENT)!;
  so.jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  const app = await buildApp({ publicUrl: BASE, logger: false, tt02: { fixtures, subscriptionKey: KEY, testTools: { username: 'samsvar', password: 'hemmelig' } } });
  await app.ready();
  return { app, key: privateKey };
}

async function maskinportenToken(app: FastifyInstance, key: CryptoKey, scope: string): Promise<string> {
  const t = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ aud: `${BASE}/maskinporten/`, iss: SO_CLIENT, iat: t, exp: t + 60, jti: `j-${Math.random()}`, scope })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(key);
  const res = await app.inject({ method: 'POST', url: '/maskinporten/token', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString() });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { access_token: string }).access_token;
}

async function exchange(app: FastifyInstance, token: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: '/authentication/api/v1/exchange/maskinporten', headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.statusCode, 200, res.body);
  return res.body;
}

const decisionBody = {
  Request: {
    AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:systemuser:uuid', Value: '8b0d6a3e-5f1c-4e2a-9d7b-1c2e3f4a5b6c' }] }],
    Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
    Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: 'samsvar-mva-rapportering' }, { AttributeId: 'urn:altinn:organization:identifier-no', Value: CUSTOMER.orgNo }] }],
  },
};

test('TT02 look-alike', async (t) => {
  const { app, key } = await world();
  t.after(() => app.close());

  await t.test('the Samsvar-only APIs answer 404 as unknown routes', async () => {
    for (const [method, url] of [['POST', '/testdata/api/v1/organisations'], ['GET', '/testdata/api/v1/decisions'], ['POST', '/idporten/api/v1/testlogin'],
      ['GET', '/portal/login'], ['POST', '/portal/login']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
  });

  await t.test('the ID-porten discovery names no test login', async () => {
    const res = await app.inject({ method: 'GET', url: '/idporten/.well-known/openid-configuration' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { issuer: string; token_endpoint?: string };
    assert.ok(body.issuer);
    assert.equal(body.token_endpoint, undefined);
  });

  await t.test('the seeded parties, roles, clients and resources are visible through the platform APIs', async () => {
    const res = await app.inject({ method: 'GET', url: '/resourceregistry/api/v1/resource/samsvar-formidling' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { hasCompetentAuthority: { organization: string } }).hasCompetentAuthority.organization, SKD);
    // The seeded client gets a Maskinporten token with its seeded key; the person's Test Tools token is a valid token.
    const token = await maskinportenToken(app, key, 'altinn:authorization/authorize');
    assert.ok(token.split('.').length === 3);
    const person = await app.inject({ method: 'GET', url: `/testtools/api/GetPersonalToken?env=tt02&pid=${PID}&scopes=altinn:portal/enduser`, headers: { authorization: BASIC } });
    assert.equal(person.statusCode, 200, person.body);
    // The token is valid (not 401), but Register v1 is platform-internal: a person's token is refused (403).
    const party = await app.inject({ method: 'GET', url: `/register/api/v1/parties/byuuid/${CUSTOMER.partyUuid}`, headers: { authorization: `Bearer ${person.body}` } });
    assert.equal(party.statusCode, 403, party.body);
  });

  await t.test('the PDP: subscription key, then only an exchanged token', async () => {
    const raw = await maskinportenToken(app, key, 'altinn:authorization/authorize');
    const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/authorization/api/v1/authorize', headers, payload: decisionBody });
    const missing = await post({ authorization: `Bearer ${raw}` });
    assert.equal(missing.statusCode, 401);
    assert.deepEqual(missing.json(), { statusCode: 401, message: APIM_MISSING_KEY });
    const wrong = await post({ authorization: `Bearer ${raw}`, 'ocp-apim-subscription-key': 'feil' });
    assert.deepEqual(wrong.json(), { statusCode: 401, message: APIM_INVALID_KEY });
    const rawRefused = await post({ authorization: `Bearer ${raw}`, 'ocp-apim-subscription-key': KEY });
    assert.equal(rawRefused.statusCode, 401, rawRefused.body);
    const ok = await post({ authorization: `Bearer ${await exchange(app, raw)}`, 'ocp-apim-subscription-key': KEY });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(Array.isArray((ok.json() as { response: unknown[] }).response));
  });

  await t.test('the broker: subscription key, then only an exchanged token', async () => {
    const raw = await maskinportenToken(app, key, 'altinn:broker.read');
    const get = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/broker/api/v1/filetransfer?resourceId=samsvar-formidling', headers });
    assert.deepEqual((await get({ authorization: `Bearer ${raw}` })).json(), { statusCode: 401, message: APIM_MISSING_KEY });
    assert.deepEqual((await get({ authorization: `Bearer ${raw}`, 'ocp-apim-subscription-key': 'x' })).json(), { statusCode: 401, message: APIM_INVALID_KEY });
    const rawRefused = await get({ authorization: `Bearer ${raw}`, 'ocp-apim-subscription-key': KEY });
    assert.equal(rawRefused.statusCode, 401, rawRefused.body);
    assert.match(rawRefused.body, /BRO-00006|Unauthorized/);
    const exchanged = await get({ authorization: `Bearer ${await exchange(app, raw)}`, 'ocp-apim-subscription-key': KEY });
    assert.notEqual(exchanged.statusCode, 401, exchanged.body);
  });

  await t.test('Dialogporten keeps taking raw Maskinporten tokens, without a subscription key', async () => {
    const raw = await maskinportenToken(app, key, 'digdir:dialogporten.serviceprovider');
    const res = await app.inject({ method: 'GET', url: '/dialogporten/api/v1/serviceowner/dialogs', headers: { authorization: `Bearer ${raw}` } });
    assert.notEqual(res.statusCode, 401, res.body);
  });

  await t.test('Test Tools: Basic auth, a person token the end-user APIs accept, and the generator\'s 400s', async () => {
    const none = await app.inject({ method: 'GET', url: `/testtools/api/GetPersonalToken?env=tt02&pid=${PID}` });
    assert.equal(none.statusCode, 401);
    assert.equal(none.headers['www-authenticate'], 'Basic realm="AltinnTestTools - TokenGenerator"');
    const wrong = await app.inject({ method: 'GET', url: `/testtools/api/GetPersonalToken?env=tt02&pid=${PID}`, headers: { authorization: `Basic ${Buffer.from('samsvar:feil').toString('base64')}` } });
    assert.equal(wrong.statusCode, 401);
    const person = await app.inject({ method: 'GET', url: `/testtools/api/GetPersonalToken?env=tt02&pid=${PID}&scopes=altinn:portal/enduser`, headers: { authorization: BASIC } });
    assert.equal(person.statusCode, 200, person.body);
    const claims = JSON.parse(Buffer.from(person.body.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    assert.equal(claims.iss, `${BASE}/authentication/api/v1/openid/`);
    assert.equal(claims.pid, PID);
    // An end-user API (the system users of the customer, as its daglig leder) accepts it.
    const enduser = await app.inject({ method: 'GET', url: `/authentication/api/v1/systemuser/${CUSTOMER.partyId}`, headers: { authorization: `Bearer ${person.body}` } });
    assert.equal(enduser.statusCode, 200, enduser.body);
    const unknown = await app.inject({ method: 'GET', url: '/testtools/api/GetPersonalToken?env=tt02&pid=01010112345', headers: { authorization: BASIC } });
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(unknown.json(), { pid: 'Parameter was supplied with an invalid value' });
    const noEnv = await app.inject({ method: 'GET', url: `/testtools/api/GetPersonalToken?pid=${PID}`, headers: { authorization: BASIC } });
    assert.deepEqual(noEnv.json(), { env: 'Parameter must be supplied' });
    const noSu = await app.inject({ method: 'GET', url: '/testtools/api/GetSystemUserToken?env=tt02&systemUserId=8b0d6a3e-5f1c-4e2a-9d7b-1c2e3f4a5b6c', headers: { authorization: BASIC } });
    assert.equal(noSu.statusCode, 400);
    assert.deepEqual(noSu.json(), { systemUserId: 'Parameter was supplied with an invalid value' });
    const ent = await app.inject({ method: 'GET', url: `/testtools/api/GetEnterpriseToken?env=tt02&orgNo=${SKD}&scopes=altinn:authorization/authorize`, headers: { authorization: BASIC } });
    assert.equal(ent.statusCode, 200, ent.body);
    const pdp = await app.inject({ method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${ent.body}`, 'ocp-apim-subscription-key': KEY }, payload: decisionBody });
    assert.equal(pdp.statusCode, 200, pdp.body);
  });

  await t.test('no Test Tools route and no route behind API Management answers malformed input with a 5xx', async () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith('/testtools') || r.url.startsWith('/authorization') || r.url.startsWith('/broker'));
    assert.ok(routes.some((r) => r.url.startsWith('/testtools')), 'the generator is in the route table');
    const queries = ['', '?env=tt02', '?env=prod&pid=1&scopes=%%%', `?env=tt02&pid=${PID}&authLvl=9&ttl=-1&partyuuid=x`, '?env=tt02&systemUserId=zz&orgNo=abc', `?env=tt02&${'a'.repeat(3000)}=1`];
    const auths = [undefined, 'Basic', 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`, BASIC, 'Bearer x.y.z'];
    let requests = 0;
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, 'ukjent');
      for (const query of queries) {
        for (const authorization of auths) {
          for (const key of [undefined, 'feil', KEY]) {
            const headers: Record<string, string> = { ...(authorization ? { authorization } : {}), ...(key ? { 'ocp-apim-subscription-key': key } : {}) };
            const res = await app.inject({ method: route.method as 'GET', url: `${url}${query}`, headers, ...(route.method === 'GET' ? {} : { payload: '{"a":' , headers: { ...headers, 'content-type': 'application/json' } }) });
            requests++;
            assert.ok(res.statusCode < 500, `${route.method} ${url}${query} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
          }
        }
      }
    }
    assert.ok(requests > 500, `saw ${requests} requests`);
  });
});

test('an invalid fixtures file is refused at start with the path and the problem', async () => {
  const bad = structuredClone(example) as unknown as { persons: Array<Record<string, unknown>> };
  bad.persons[1]!.pid = 12345;
  assert.throws(() => parseFixtures(bad, 'f.json'), (e: Error) => e instanceof FixturesError && /f\.json/.test(e.message) && /\/persons\/1\/pid: must be string/.test(e.message));
  const digits = structuredClone(example);
  digits.persons[1]!.pid = '12345678901';
  await assert.rejects(buildApp({ publicUrl: BASE, logger: false, tt02: { fixtures: digits, subscriptionKey: KEY, testTools: { username: 'a', password: 'b' } } }),
    (e: Error) => e instanceof FixturesError && /\/persons\/1: TD-00004/.test(e.message));
  const holder = structuredClone(example);
  holder.roles.push({ orgNo: CUSTOMER.orgNo, role: 'DAGL', holder: { pid: '01010112345' } });
  await assert.rejects(buildApp({ publicUrl: BASE, logger: false, tt02: { fixtures: holder, subscriptionKey: KEY, testTools: { username: 'a', password: 'b' } } }),
    (e: Error) => e instanceof FixturesError && /\/roles\/4: TD-00006/.test(e.message));
});
