// Unit tests of the ID-porten stand-in (docs/samsvar-apis.md §2): test login for a person in the
// register, the OpenID configuration and the JWKS. The register is a hand-made one-person fake, so the
// component is tested on its own (a small app with buildApp's Ajv options and error handler).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { buildApp } from '../src/app.ts';
import type { ReferenceConfig } from '../src/config.ts';
import { idportenComponent } from '../src/components/idporten/index.ts';
import { installErrorHandling } from '../src/platform/error-handler.ts';
import type { Person } from '../src/platform/model.ts';
import type { RegisterService, Services } from '../src/platform/services.ts';
import { TokenIssuers } from '../src/platform/tokens.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const ISSUER = `${PUBLIC_URL}/idporten`;
// Synthetic national identity numbers (Tenor: month + 80), valid check digits.
const PID = '01899200191';
const OTHER_PID = '02896400188';

const PERSON: Person = { pid: PID, name: 'Test Testesen', partyId: 50001, partyUuid: '7a1c6d0e-0000-4000-8000-000000000001' };

function notBuilt<T>(): T {
  return new Proxy({}, { get: () => () => { throw new Error('not part of this test'); } }) as T;
}

interface Harness { app: FastifyInstance; issuers: TokenIssuers; config: ReferenceConfig }

async function harness(): Promise<Harness> {
  const config: ReferenceConfig = { publicUrl: PUBLIC_URL, logger: false };
  const app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.decorateRequest('auth', null);
  installErrorHandling(app);
  const issuers = await TokenIssuers.create({ get publicUrl() { return config.publicUrl; } });
  const register = { ...notBuilt<RegisterService>(), person: (pid: string) => (pid === PID ? PERSON : undefined) } as RegisterService;
  const services = new Proxy({ register } as Partial<Services>, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? notBuilt(),
  }) as Services;
  await app.register(idportenComponent, { config, services, issuers, prefix: '/idporten' });
  await app.ready();
  return { app, issuers, config };
}

function login(app: FastifyInstance, body: unknown) {
  return app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: body as Record<string, unknown> });
}

function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown; body: string }, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, code, res.body);
  assert.equal(body.status, status);
  assert.equal(body.type, `urn:altinn:error:${code}`);
}

describe('idporten stand-in', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('test login gives a person token with the documented claims', async () => {
    const res = await login(h.app, { pid: PID });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 600);
    assert.equal(body.scope, 'altinn:portal/enduser');
    const { payload } = await jwtVerify(String(body.access_token), createLocalJWKSet(h.issuers.jwks('idporten')), { issuer: ISSUER, algorithms: ['RS256'] });
    assert.equal(payload.pid, PID);
    assert.equal(payload.scope, 'altinn:portal/enduser');
    assert.equal(payload.acr, 'idporten-loa-high');
    assert.deepEqual(payload.amr, ['TestID']);
    assert.equal(payload.client_id, 'samsvar-portal');
    assert.equal(Number(payload.exp) - Number(payload.iat), 600);
    assert.equal(typeof payload.jti, 'string');
    assert.equal(typeof payload.sub, 'string');
    assert.notEqual(payload.sub, PID);
    // The verification the platform uses accepts it as an ID-porten token, and only as that.
    const verified = await h.issuers.verify(String(body.access_token), ['idporten']);
    assert.equal(verified.issuer, 'idporten');
    await assert.rejects(h.issuers.verify(String(body.access_token), ['maskinporten']));
  });

  test('sub is stable per person; a requested scope is used', async () => {
    const a = await login(h.app, { pid: PID });
    const b = await login(h.app, { pid: PID, scope: 'altinn:portal/enduser openid' });
    assert.equal(b.statusCode, 200, b.body);
    assert.equal(b.json().scope, 'altinn:portal/enduser openid');
    const claimsA = (await h.issuers.verify(a.json().access_token, ['idporten'])).claims;
    const claimsB = (await h.issuers.verify(b.json().access_token, ['idporten'])).claims;
    assert.equal(claimsA.sub, claimsB.sub);
    assert.equal(claimsB.scope, 'altinn:portal/enduser openid');
  });

  test('a pid that fails its check digits: 400 TD-00004', async () => {
    assertProblem(await login(h.app, { pid: '01899200192' }), 400, 'TD-00004');
    assertProblem(await login(h.app, { pid: 'abc' }), 400, 'TD-00004');
  });

  test('an unknown person: 404 TD-00006', async () => {
    assertProblem(await login(h.app, { pid: OTHER_PID }), 404, 'TD-00006');
  });

  test('shape errors: 400 STD-00000', async () => {
    assertProblem(await login(h.app, {}), 400, 'STD-00000');
    assertProblem(await login(h.app, { pid: 1899200191 }), 400, 'STD-00000');
    assertProblem(await login(h.app, { pid: PID, extra: true }), 400, 'STD-00000');
    assertProblem(await login(h.app, { pid: PID, scope: '' }), 400, 'STD-00000');
    assertProblem(await login(h.app, { pid: PID, scope: 'a  b' }), 400, 'STD-00000');
    const garbled = await h.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', headers: { 'content-type': 'application/json' }, payload: '{"pid":' });
    assert.equal(garbled.statusCode, 400);
    assert.match(String(garbled.headers['content-type']), /^application\/problem\+json/);
  });

  test('OpenID configuration and JWKS follow config.publicUrl at request time', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/idporten/.well-known/openid-configuration' });
    assert.equal(res.statusCode, 200);
    const body = res.json() as Record<string, unknown>;
    assert.equal(body.issuer, ISSUER);
    assert.equal(body.jwks_uri, `${PUBLIC_URL}/idporten/jwk`);
    assert.equal(body.token_endpoint, `${PUBLIC_URL}/idporten/api/v1/testlogin`);
    const jwk = await h.app.inject({ method: 'GET', url: '/idporten/jwk' });
    assert.equal(jwk.statusCode, 200);
    assert.deepEqual(jwk.json(), h.issuers.jwks('idporten'));
    h.config.publicUrl = 'https://samsvar.example';
    try {
      const moved = (await h.app.inject({ method: 'GET', url: '/idporten/.well-known/openid-configuration' })).json() as Record<string, unknown>;
      assert.equal(moved.issuer, 'https://samsvar.example/idporten');
      assert.equal(moved.jwks_uri, 'https://samsvar.example/idporten/jwk');
    } finally {
      h.config.publicUrl = PUBLIC_URL;
    }
  });
});

describe('idporten in buildApp', () => {
  test('the component is mounted at /idporten and logs in a person created through the test data API', async () => {
    const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/idporten/.well-known/openid-configuration' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().issuer, ISSUER);
      assertProblem(await login(app, { pid: '12345678901' }), 400, 'TD-00004');
      assertProblem(await login(app, { pid: PID }), 404, 'TD-00006');
      const person = await app.inject({ method: 'POST', url: '/testdata/api/v1/persons', payload: { pid: PID, name: 'Test Testesen' } });
      assert.equal(person.statusCode, 201, person.body);
      const loggedIn = await login(app, { pid: PID });
      assert.equal(loggedIn.statusCode, 200, loggedIn.body);
      const jwks = (await app.inject({ method: 'GET', url: '/idporten/jwk' })).json() as Parameters<typeof createLocalJWKSet>[0];
      const { payload } = await jwtVerify(String(loggedIn.json().access_token), createLocalJWKSet(jwks), { issuer: ISSUER });
      assert.equal(payload.pid, PID);
    } finally {
      await app.close();
    }
  });
});
