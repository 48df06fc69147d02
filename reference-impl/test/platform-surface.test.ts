// Unit tests of the platform behaviour Altinn's own tests rely on (docs/contracts/platform-behaviour.md):
// the end-user views of a registered system (§2), the access package search (§3) and the token
// exchange with the platform key published under openid/ (§4), over inject on the whole app.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SignJWT, createLocalJWKSet, decodeJwt, generateKeyPair, jwtVerify } from 'jose';
import { buildApp } from '../src/app.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const VENDOR = '310000019';
const CUSTOMER = '310000035';
const DAGL = '01818510078';
const SR_WRITE = 'altinn:authentication/systemregister.write';
const PORTAL = 'altinn:portal/enduser';
const RESOURCE = 'samsvar-test-regnskap';
const SYSTEM_ID = `${VENDOR}_regnskap`;
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;

let app: FastifyInstance;

async function td(method: 'POST' | 'PUT', url: string, payload: unknown): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object });
  assert.ok(res.statusCode < 300, `test data ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

/** A Maskinporten stand-in token for `org` (the consumer) with `scope`; `extra` claims are added. */
async function mp(scope: string, org = VENDOR, extra: Record<string, unknown> = {}): Promise<string> {
  const claims = { scope, client_id: `client-${org}`, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` }, ...extra };
  return ((await td('POST', '/maskinporten/tokens', { claims })).json() as { access_token: string }).access_token;
}

async function login(pid: string, scope?: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: scope ? { pid, scope } : { pid } });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { access_token: string }).access_token;
}

function get(url: string, token?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

function assertProblem(res: LightMyRequestResponse, status: number): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, res.body);
  return res.json() as Record<string, unknown>;
}

before(async () => {
  app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
  await app.ready();
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [CUSTOMER, 'Kunde AS']] as const) await td('POST', '/organisations', { orgNo, name, orgForm: 'AS' });
  await td('POST', '/persons', { pid: DAGL, name: 'Dagny Leder' });
  await td('POST', '/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } });
  await td('PUT', `/resources/${RESOURCE}`, {
    title: { nb: RESOURCE }, resourceType: 'Default', hasCompetentAuthority: { organization: CUSTOMER, orgcode: 'etat' },
    policy: { rules: [{ subjects: [PKG('merverdiavgift')], actions: ['read', 'write'] }] },
  });
  await td('PUT', '/resources/app_ttd_mva', {
    title: { nb: 'MVA-app' }, resourceType: 'AltinnApp', hasCompetentAuthority: { organization: CUSTOMER, orgcode: 'etat' },
    policy: { rules: [{ subjects: [PKG('merverdiavgift')], actions: ['read', 'write'] }] },
  });
  const register = await app.inject({
    method: 'POST', url: '/authentication/api/v1/systemregister/vendor', headers: { authorization: `Bearer ${await mp(SR_WRITE)}` },
    payload: {
      id: SYSTEM_ID, vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
      name: { nb: 'Regnskap', nn: 'Rekneskap', en: 'Accounting' }, description: { nb: 'R', nn: 'R', en: 'R' },
      rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }, { resource: [{ id: 'urn:altinn:resource', value: 'app_ttd_mva' }] }],
      accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskapsforer-uten-signeringsrettighet') }],
      clientId: ['7a3c9e61-5a0b-4ec1-a1d7-0d3c4c1a2f10'], isVisible: false,
    },
  });
  assert.equal(register.statusCode, 200, register.body);
});
after(async () => { await app.close(); });

describe('end-user views of a registered system (§2)', () => {
  const base = `/authentication/api/v1/systemregister/${SYSTEM_ID}`;

  test('a person with the portal scope reads exactly the rights and packages the vendor registered', async () => {
    const person = await login(DAGL);
    const rights = await get(`${base}/rights`, person);
    assert.equal(rights.statusCode, 200, rights.body);
    assert.deepEqual(rights.json(), [
      { action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] },
      { resource: [{ id: 'urn:altinn:resource', value: 'app_ttd_mva' }] },
    ]);
    const packages = await get(`${base}/accesspackages`, person);
    assert.equal(packages.statusCode, 200, packages.body);
    assert.deepEqual(packages.json(), [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskapsforer-uten-signeringsrettighet') }]);
  });

  test('useOldFormatForApp splits app resources into org and app; an enterprise token with the portal scope reads too', async () => {
    const enterprise = await mp(PORTAL, CUSTOMER);
    const old = await get(`${base}/rights?useOldFormatForApp=TRUE`, enterprise);
    assert.equal(old.statusCode, 200, old.body);
    assert.deepEqual(old.json(), [
      { action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] },
      { resource: [{ id: 'urn:altinn:org', value: 'ttd' }, { id: 'urn:altinn:app', value: 'mva' }] },
    ]);
    assertProblem(await get(`${base}/rights?useOldFormatForApp=ja`, enterprise), 400);
  });

  test('no token 401, the vendor token without the portal scope 403, an unknown system an empty list', async () => {
    assertProblem(await get(`${base}/rights`), 401);
    assertProblem(await get(`${base}/accesspackages`, 'not-a-token'), 401);
    assertProblem(await get(`${base}/rights`, await mp(SR_WRITE)), 403);
    assertProblem(await get(`${base}/accesspackages`, await mp(SR_WRITE)), 403);
    const person = await login(DAGL);
    for (const view of ['rights', 'accesspackages']) {
      const res = await get(`/authentication/api/v1/systemregister/${VENDOR}_finnes-ikke/${view}`, person);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), []);
    }
  });
});

describe('access package search (§3)', () => {
  const search = (query: string) => get(`/accessmanagement/api/v1/meta/info/accesspackages/search${query}`);

  test('SearchObject<PackageDto>[] best first, scored by the simple-search rules; public', async () => {
    const res = await search('?term=merverdi');
    assert.equal(res.statusCode, 200, res.body);
    const hits = res.json() as Array<{ object: Record<string, unknown>; score: number; fields: Array<{ field: string; value: string; score: number; words: unknown[] }> }>;
    assert.ok(hits.length >= 1);
    const first = hits[0];
    assert.equal(first?.object.urn, PKG('merverdiavgift'));
    assert.deepEqual(Object.keys(first?.object ?? {}).sort(), ['area', 'description', 'id', 'isAssignable', 'isDelegable', 'isResourcePolicyAvailable', 'name', 'resources', 'type', 'urn']);
    // "Merverdiavgift" starts with and contains the term: name.prefix 100 + name 50, plus any description hit.
    assert.ok(first?.fields.some((f) => f.field === 'name.prefix' && f.score === 100 && Array.isArray(f.words)));
    assert.ok(first?.fields.some((f) => f.field === 'name' && f.score === 50));
    assert.equal(first?.score, first?.fields.reduce((sum, f) => sum + f.score, 0));
    for (let i = 1; i < hits.length; i++) assert.ok((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0), 'best first');
    // Case-insensitive.
    assert.deepEqual((await search('?term=MERVERDI')).json(), hits);
  });

  test('nothing found is 204; no term lists every package with score 0; a phrase scores double; a bad type 400', async () => {
    const none = await search('?term=zzqqxx');
    assert.equal(none.statusCode, 204);
    assert.equal(none.body, '');
    const all = await search('');
    assert.equal(all.statusCode, 200);
    const everything = all.json() as Array<{ score: number; fields: unknown[] }>;
    assert.ok(everything.length > 50);
    assert.ok(everything.every((h) => h.score === 0 && h.fields.length === 0));
    const phrase = (await search(`?term=${encodeURIComponent('Regnskapsfører med')}`)).json() as Array<{ fields: Array<{ field: string; score: number }> }>;
    assert.ok(phrase.some((h) => h.fields.some((f) => f.field === 'name.phrase' && f.score === 100)), JSON.stringify(phrase[0]));
    assert.equal((await search('?term=merverdi&typeName=person')).statusCode, 204);
    assert.equal((await search('?term=merverdi&typeName=Organisasjon')).statusCode, 200);
    assertProblem(await search('?term=merverdi&typeName=robot'), 400);
    assertProblem(await search('?term=merverdi&strict=kanskje'), 400);
  });
});

describe('token exchange (§4)', () => {
  const exchange = (provider: string, token?: string, headers: Record<string, string> = {}) =>
    get(`/authentication/api/v1/exchange/${provider}`, token, headers);
  const ALTINN_ISSUER = `${PUBLIC_URL}/authentication/api/v1/openid/`;

  async function verifyAltinn(token: string) {
    const config = (await get('/authentication/api/v1/openid/.well-known/openid-configuration')).json() as { issuer: string; jwks_uri: string };
    assert.equal(config.issuer, ALTINN_ISSUER);
    assert.equal(config.jwks_uri, `${ALTINN_ISSUER}.well-known/openid-configuration/jwks`);
    const jwks = await get(new URL(config.jwks_uri).pathname);
    assert.equal(jwks.statusCode, 200);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks.json()), { issuer: ALTINN_ISSUER, algorithms: ['RS256'] });
    return payload as Record<string, unknown>;
  }

  test('a Maskinporten token becomes an Altinn token with the contract claims, signed by the published platform key', async () => {
    const original = await mp(`${SR_WRITE} altinn:broker.write`, VENDOR, { client_amr: 'private_key_jwt', aud: 'unspecified', token_type: 'Bearer' });
    const res = await exchange('Maskinporten', original);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const claims = await verifyAltinn(res.body);
    const before = decodeJwt(original);
    assert.equal(claims.iss, ALTINN_ISSUER);
    assert.equal(claims.aud, undefined);
    assert.equal(claims.client_amr, undefined);
    assert.deepEqual(claims.consumer, before.consumer);
    assert.equal(claims.client_id, before.client_id);
    assert.equal(claims.scope, before.scope);
    assert.equal(claims.jti, before.jti);
    assert.equal(claims['urn:altinn:orgNumber'], VENDOR);
    assert.equal(claims['urn:altinn:authenticatemethod'], 'maskinporten');
    assert.equal(claims['urn:altinn:authlevel'], 3);
    assert.equal(typeof claims.sid, 'string');
    assert.equal(Number(claims.exp) - Number(claims.iat), 30 * 60);
    // A JSON client gets a JSON string.
    const json = await exchange('maskinporten', original, { accept: 'application/json' });
    assert.match(String(json.headers['content-type']), /^application\/json/);
    assert.equal(typeof json.json(), 'string');
  });

  test('the exchanged token is accepted where the Maskinporten token is: system register, PDP, broker', async () => {
    const exchanged = (await exchange('maskinporten', await mp(SR_WRITE))).body;
    const list = await get('/authentication/api/v1/systemregister/vendor', exchanged);
    assert.equal(list.statusCode, 200, list.body);
    assert.ok((list.json() as Array<{ systemId: string }>).some((s) => s.systemId === SYSTEM_ID));
    // The scope check still applies to the exchanged token.
    assertProblem(await get(`/authentication/api/v1/systemregister/${SYSTEM_ID}/rights`, exchanged), 403);
    const pdpToken = (await exchange('maskinporten', await mp('altinn:authorization/authorize', CUSTOMER))).body;
    const pdp = await app.inject({
      method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${pdpToken}` },
      payload: { Request: {
        AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:organization:identifier-no', Value: VENDOR }] }],
        Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
        Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: RESOURCE }, { AttributeId: 'urn:altinn:organization:identifier-no', Value: CUSTOMER }] }],
      } },
    });
    assert.equal(pdp.statusCode, 200, pdp.body);
    const brokerToken = (await exchange('maskinporten', await mp('altinn:broker.read', CUSTOMER))).body;
    // Past the broker's token gate: its answer is the resource gate's (the PDP knows no such resource), not the token's.
    const broker = await get('/broker/api/v1/filetransfer?resourceId=ukjent', brokerToken);
    assert.equal(broker.headers['www-authenticate'], undefined, broker.body);
    assert.notEqual((await get('/broker/api/v1/filetransfer?resourceId=ukjent', 'x.y.z')).headers['www-authenticate'], undefined);
    // The sample MVA service takes Maskinporten's own tokens only (docs/samsvar-apis.md §3).
    const mvaToken = (await exchange('maskinporten', await mp('samsvar:mva.read', CUSTOMER))).body;
    assert.equal((await get('/mva/api/v1/vat-reports/00000000-0000-4000-8000-000000000000', mvaToken)).statusCode, 401);
    assert.notEqual((await get('/mva/api/v1/vat-reports/00000000-0000-4000-8000-000000000000', await mp('samsvar:mva.read', CUSTOMER))).statusCode, 401);
  });

  test('refusals: no token, not a JWT, expired, foreign, without consumer, an Altinn token → 401; unknown provider → 400', async () => {
    assertProblem(await exchange('maskinporten'), 401);
    assertProblem(await exchange('maskinporten', 'abc.def'), 401);
    const expired = ((await td('POST', '/maskinporten/tokens', {
      claims: { scope: SR_WRITE, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } },
      iat: Math.floor(Date.now() / 1000) - 600, exp: Math.floor(Date.now() / 1000) - 300,
    })).json() as { access_token: string }).access_token;
    assertProblem(await exchange('maskinporten', expired), 401);
    const { privateKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ scope: SR_WRITE, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } })
      .setProtectedHeader({ alg: 'RS256', kid: 'fremmed' }).setIssuer(`${PUBLIC_URL}/maskinporten/`).setIssuedAt().setExpirationTime('2m').sign(privateKey);
    assertProblem(await exchange('maskinporten', foreign), 401);
    const noConsumer = ((await td('POST', '/maskinporten/tokens', { claims: { scope: SR_WRITE } })).json() as { access_token: string }).access_token;
    assertProblem(await exchange('maskinporten', noConsumer), 401);
    const exchanged = (await exchange('maskinporten', await mp(SR_WRITE))).body;
    assertProblem(await exchange('maskinporten', exchanged), 401);
    assertProblem(await exchange('maskinporten', await login(DAGL)), 401);
    const unknown = assertProblem(await exchange('facebook', await mp(SR_WRITE)), 400);
    assert.match(String(unknown.detail), /Invalid token provider: facebook/);
    assertProblem(await exchange('maskinporten?test=kanskje', await mp(SR_WRITE)), 400);
  });

  test('an ID-porten token becomes a person Altinn token that the end-user APIs accept', async () => {
    const res = await exchange('id-porten', await login(DAGL));
    assert.equal(res.statusCode, 200, res.body);
    const claims = await verifyAltinn(res.body);
    assert.equal(claims.pid, DAGL);
    assert.equal(claims['urn:altinn:authlevel'], 4);
    assert.equal(typeof claims['urn:altinn:partyid'], 'number');
    assert.equal(typeof claims['urn:altinn:party:uuid'], 'string');
    assert.equal(claims.sub, undefined);
    const rights = await get(`/authentication/api/v1/systemregister/${SYSTEM_ID}/rights`, res.body);
    assert.equal(rights.statusCode, 200, rights.body);
    // Without an altinn: scope the exchange is refused with 403.
    assertProblem(await exchange('id-porten', await login(DAGL, 'openid profile')), 403);
  });
});
