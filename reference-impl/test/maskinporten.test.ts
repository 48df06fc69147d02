// Unit tests of the Maskinporten stand-in: metadata, the token endpoint's happy paths (plain and system
// user) and every grant refusal with its MP id, malformed form bodies and fuzzed assertions.
//
// Most tests run on a small Fastify app that registers only this component, with the same Ajv options
// and error handler as buildApp, and hand-made services (a real client store, a fake system user
// lookup). The component's wiring in buildApp is checked separately at the end.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { SignJWT, createLocalJWKSet, importJWK, decodeProtectedHeader, exportJWK, exportSPKI, generateKeyPair, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { buildApp } from '../src/app.ts';
import type { ReferenceConfig } from '../src/config.ts';
import { createMaskinportenClientService, maskinportenComponent } from '../src/components/maskinporten/index.ts';
import { UsedGrantStore } from '../src/components/maskinporten/store.ts';
import { installErrorHandling } from '../src/platform/error-handler.ts';
import type { SystemUser } from '../src/platform/model.ts';
import type { Services, SystemUserService } from '../src/platform/services.ts';
import { TokenIssuers } from '../src/platform/tokens.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const ISSUER = `${PUBLIC_URL}/maskinporten/`;
const TOKEN_ENDPOINT = `${PUBLIC_URL}/maskinporten/token`;
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const VENDOR_ORG = '310000019';
const OWNER_ORG = '314412389';
const CLIENT_ID = 'vendor-client';
const OTHER_CLIENT_ID = 'other-client';
const KID = 'vendor-key-1';
const SCOPE = 'altinn:authentication/systemuser.request.write';
const SCOPE_2 = 'samsvar:mva.write';

interface KeyPair { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK }

async function newKeyPair(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicKey, publicJwk: { ...(await exportJWK(publicKey)), kid } };
}

const SYSTEM_USER: SystemUser = {
  id: '0b5f6a53-2f2e-4d7e-9f55-6f9d6a1c1e01',
  integrationTitle: 'Regnskap',
  systemId: `${VENDOR_ORG}_regnskap`,
  productName: '',
  reporteeOrgNo: OWNER_ORG,
  created: '2026-01-01T00:00:00Z',
  isDeleted: false,
  supplierName: 'Leverandør AS',
  supplierOrgno: VENDOR_ORG,
  externalRef: OWNER_ORG,
  userType: 'standard',
  accessPackages: [],
  rights: [],
};

type Lookup = Parameters<SystemUserService['byExternalId']>[0];

/** A system user lookup that knows one system user, for the client CLIENT_ID only, and records each query. */
function fakeSystemUsers(queries: Lookup[]): SystemUserService {
  return {
    systemUser: (id) => (id === SYSTEM_USER.id ? SYSTEM_USER : undefined),
    byExternalId: (q) => {
      queries.push(q);
      const ok = q.clientId === CLIENT_ID && q.systemProviderOrgNo === VENDOR_ORG
        && q.systemUserOwnerOrgNo === OWNER_ORG && (q.externalRef ?? OWNER_ORG) === SYSTEM_USER.externalRef;
      return ok ? SYSTEM_USER : undefined;
    },
  };
}

function notBuilt<T>(): T {
  return new Proxy({}, { get: () => () => { throw new Error('not part of this test'); } }) as T;
}

interface Harness {
  app: FastifyInstance;
  issuers: TokenIssuers;
  key: KeyPair;
  lookups: Lookup[];
}

async function harness(): Promise<Harness> {
  const config: ReferenceConfig = { publicUrl: PUBLIC_URL, logger: false };
  const app = Fastify({
    logger: false,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } },
  });
  app.decorateRequest('auth', null);
  installErrorHandling(app);
  const issuers = await TokenIssuers.create({ get publicUrl() { return config.publicUrl; } });
  const lookups: Lookup[] = [];
  const services = new Proxy({
    maskinportenClients: createMaskinportenClientService(),
    systemUsers: fakeSystemUsers(lookups),
  } as Partial<Services>, { get: (target, name: string) => (target as Record<string, unknown>)[name] ?? notBuilt() }) as Services;
  const key = await newKeyPair(KID);
  services.maskinportenClients.register({ clientId: CLIENT_ID, orgNo: VENDOR_ORG, scopes: [SCOPE, SCOPE_2], jwks: [key.publicJwk] });
  const other = await newKeyPair('other-key');
  services.maskinportenClients.register({ clientId: OTHER_CLIENT_ID, orgNo: OWNER_ORG, scopes: [SCOPE], jwks: [other.publicJwk, key.publicJwk] });
  await app.register(maskinportenComponent, { config, services, issuers, prefix: '/maskinporten' });
  await app.ready();
  return { app, issuers, key, lookups };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

let jtiCounter = 0;

/** Claims of a valid plain grant; `overrides` replace or (with undefined) remove claims. */
function grantClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const t = now();
  const claims: Record<string, unknown> = { aud: ISSUER, iss: CLIENT_ID, iat: t, exp: t + 60, jti: `jti-${++jtiCounter}-${Math.random()}`, scope: SCOPE };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

async function sign(claims: Record<string, unknown>, key: CryptoKey, header: Record<string, unknown> = { alg: 'RS256', kid: KID }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);
}

function b64(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function postForm(app: FastifyInstance, form: Record<string, string | string[]> | string): Promise<LightMyRequestResponse> {
  let payload: string;
  if (typeof form === 'string') {
    payload = form;
  } else {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    payload = params.toString();
  }
  return app.inject({ method: 'POST', url: '/maskinporten/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
}

function postGrant(app: FastifyInstance, assertion: string): Promise<LightMyRequestResponse> {
  return postForm(app, { grant_type: JWT_BEARER, assertion });
}

/** Asserts a refusal: status, OAuth error and the MP id leading error_description; the body has no other keys. */
function assertRefused(res: LightMyRequestResponse, status: number, error: string, mpId?: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.headers['cache-control'], 'no-store');
  const body = res.json() as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description']);
  assert.equal(body.error, error, String(body.error_description));
  assert.equal(typeof body.error_description, 'string');
  if (mpId) assert.ok(String(body.error_description).startsWith(`${mpId}: `), `expected ${mpId}, got: ${String(body.error_description)}`);
}

async function decodeAccessToken(h: Harness, res: LightMyRequestResponse): Promise<Record<string, unknown>> {
  const body = res.json() as { access_token: string };
  const { payload, protectedHeader } = await jwtVerify(body.access_token, createLocalJWKSet(h.issuers.jwks('maskinporten')), { issuer: ISSUER, algorithms: ['RS256'] });
  assert.equal(protectedHeader.kid, h.issuers.jwks('maskinporten').keys[0]?.kid);
  return payload as Record<string, unknown>;
}

describe('maskinporten metadata and keys', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('authorization server metadata names the stand-in issuer and endpoints', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/maskinporten/.well-known/oauth-authorization-server' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      issuer: ISSUER,
      token_endpoint: TOKEN_ENDPOINT,
      jwks_uri: `${PUBLIC_URL}/maskinporten/jwk`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'RS512'],
      grant_types_supported: [JWT_BEARER],
      authorization_details_types_supported: ['urn:altinn:systemuser'],
    });
  });

  test('/jwk serves the signing key', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/maskinporten/jwk' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), h.issuers.jwks('maskinporten'));
    const [key] = (res.json() as { keys: JWK[] }).keys;
    assert.equal(key?.kty, 'RSA');
    assert.equal(key?.alg, 'RS256');
    assert.equal(key?.d, undefined);
  });
});

describe('maskinporten token: issued tokens', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('a plain grant gives a Maskinporten token with the §6.3 claims', async () => {
    const res = await postGrant(h.app, await sign(grantClaims({ scope: `${SCOPE} ${SCOPE_2}` }), h.key.privateKey));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'scope', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 120);
    assert.equal(body.scope, `${SCOPE} ${SCOPE_2}`);
    assert.equal(decodeProtectedHeader(String(body.access_token)).alg, 'RS256');
    const claims = await decodeAccessToken(h, res);
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.aud, 'unspecified');
    assert.equal(claims.client_id, CLIENT_ID);
    assert.equal(claims.client_amr, 'private_key_jwt');
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` });
    assert.equal(claims.scope, `${SCOPE} ${SCOPE_2}`);
    assert.equal(claims.token_type, 'Bearer');
    assert.equal(Number(claims.exp) - Number(claims.iat), 120);
    assert.equal(typeof claims.jti, 'string');
    assert.equal(claims.authorization_details, undefined);
    assert.equal(h.lookups.length, 0);
  });

  test('the token endpoint URL is accepted as aud, and RS384 / RS512 grants are accepted', async () => {
    const viaEndpoint = await postGrant(h.app, await sign(grantClaims({ aud: TOKEN_ENDPOINT }), h.key.privateKey));
    assert.equal(viaEndpoint.statusCode, 200, viaEndpoint.body);
    const privateJwk = await exportJWK(h.key.privateKey);
    for (const alg of ['RS384', 'RS512']) {
      const key = await importJWK(privateJwk, alg) as CryptoKey;
      const res = await postGrant(h.app, await sign(grantClaims(), key, { alg, kid: KID, typ: 'JWT' }));
      assert.equal(res.statusCode, 200, `${alg}: ${res.body}`);
    }
  });

  test('unknown top-level grant claims are allowed, and a one-element aud array is one value', async () => {
    const res = await postGrant(h.app, await sign(grantClaims({ sub: CLIENT_ID, aud: [ISSUER], something_else: { nested: true } }), h.key.privateKey));
    assert.equal(res.statusCode, 200, res.body);
  });

  test('resource in the grant becomes the token audience', async () => {
    const res = await postGrant(h.app, await sign(grantClaims({ resource: 'https://api.example.no/' }), h.key.privateKey));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await decodeAccessToken(h, res)).aud, 'https://api.example.no/');
  });

  test('a system user grant gives a token with authorization_details from the byExternalId lookup', async () => {
    h.lookups.length = 0;
    const details = [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` } }];
    const res = await postGrant(h.app, await sign(grantClaims({ authorization_details: details }), h.key.privateKey));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(h.lookups, [{ clientId: CLIENT_ID, systemProviderOrgNo: VENDOR_ORG, systemUserOwnerOrgNo: OWNER_ORG }]);
    const claims = await decodeAccessToken(h, res);
    assert.deepEqual(claims.authorization_details, [{
      type: 'urn:altinn:systemuser',
      systemuser_id: [SYSTEM_USER.id],
      systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` },
      system_id: SYSTEM_USER.systemId,
    }]);
    assert.deepEqual(claims.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` });
    assert.equal(claims.scope, SCOPE);
  });

  test('systemuser_org with lowercase id and an externalRef is passed to the lookup', async () => {
    h.lookups.length = 0;
    const details = [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', id: `0192:${OWNER_ORG}` }, externalRef: OWNER_ORG }];
    const res = await postGrant(h.app, await sign(grantClaims({ authorization_details: details }), h.key.privateKey));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(h.lookups, [{ clientId: CLIENT_ID, systemProviderOrgNo: VENDOR_ORG, systemUserOwnerOrgNo: OWNER_ORG, externalRef: OWNER_ORG }]);
  });

  test('two clients may use the same jti', async () => {
    const claims = grantClaims({ jti: 'shared-jti' });
    assert.equal((await postGrant(h.app, await sign(claims, h.key.privateKey))).statusCode, 200);
    const other = await postGrant(h.app, await sign({ ...claims, iss: OTHER_CLIENT_ID }, h.key.privateKey));
    assert.equal(other.statusCode, 200, other.body);
  });
});

describe('maskinporten token: grant refusals', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  const systemUserDetails = (entry: Record<string, unknown>): Record<string, unknown> => ({
    authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` }, ...entry }],
  });

  test('grant_type other than jwt-bearer: unsupported_grant_type', async () => {
    const res = await postForm(h.app, { grant_type: 'client_credentials', assertion: await sign(grantClaims(), h.key.privateKey) });
    assertRefused(res, 400, 'unsupported_grant_type');
  });

  test('missing grant_type or assertion: invalid_request', async () => {
    assertRefused(await postForm(h.app, { assertion: 'x.y.z' }), 400, 'invalid_request');
    assertRefused(await postForm(h.app, { grant_type: JWT_BEARER }), 400, 'invalid_request');
    assertRefused(await postForm(h.app, { grant_type: JWT_BEARER, assertion: '' }), 400, 'invalid_request');
  });

  test('an assertion that is not a compact JWS: MP-100', async () => {
    for (const assertion of ['not-a-jwt', 'a.b', 'a.b.c.d.e', `${b64('[1]')}.${b64({})}.sig`, `${b64('{"alg":')}.${b64({})}.sig`]) {
      assertRefused(await postGrant(h.app, assertion), 400, 'invalid_grant', 'MP-100');
    }
  });

  test('alg none: MP-100', async () => {
    const assertion = `${b64({ alg: 'none', kid: KID })}.${b64(grantClaims())}.`;
    assertRefused(await postGrant(h.app, assertion), 400, 'invalid_grant', 'MP-100');
  });

  test('HS256 signed with the client public key as the HMAC secret: MP-100', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(h.key.publicKey));
    const assertion = await new SignJWT(grantClaims()).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(secret);
    assertRefused(await postGrant(h.app, assertion), 400, 'invalid_grant', 'MP-100');
    const secret2 = new TextEncoder().encode(JSON.stringify(h.key.publicJwk));
    const assertion2 = await new SignJWT(grantClaims()).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(secret2);
    assertRefused(await postGrant(h.app, assertion2), 400, 'invalid_grant', 'MP-100');
  });

  test('other asymmetric algorithms (PS256, ES256): MP-100', async () => {
    const ps = await sign(grantClaims(), h.key.privateKey, { alg: 'PS256', kid: KID }).catch(() => undefined);
    const assertion = ps ?? `${b64({ alg: 'PS256', kid: KID })}.${b64(grantClaims())}.c2ln`;
    assertRefused(await postGrant(h.app, assertion), 400, 'invalid_grant', 'MP-100');
    const es = `${b64({ alg: 'ES256', kid: KID })}.${b64(grantClaims())}.c2ln`;
    assertRefused(await postGrant(h.app, es), 400, 'invalid_grant', 'MP-100');
  });

  test('no kid: MP-100; x5c: MP-123 (not supported by the stand-in)', async () => {
    assertRefused(await postGrant(h.app, await sign(grantClaims(), h.key.privateKey, { alg: 'RS256' })), 400, 'invalid_grant', 'MP-100');
    const x5c = await sign(grantClaims(), h.key.privateKey, { alg: 'RS256', x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] });
    assertRefused(await postGrant(h.app, x5c), 400, 'invalid_grant', 'MP-123');
  });

  test('unknown client (iss) or no iss: MP-100', async () => {
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iss: 'no-such-client' }), h.key.privateKey)), 400, 'invalid_grant', 'MP-100');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iss: undefined }), h.key.privateKey)), 400, 'invalid_grant', 'MP-100');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iss: 42 }), h.key.privateKey)), 400, 'invalid_grant', 'MP-100');
  });

  test('kid not registered on the client: MP-100', async () => {
    const res = await postGrant(h.app, await sign(grantClaims(), h.key.privateKey, { alg: 'RS256', kid: 'other-key' }));
    assertRefused(res, 400, 'invalid_grant', 'MP-100');
  });

  test('signature by another key under the registered kid: MP-124', async () => {
    const stranger = await newKeyPair(KID);
    assertRefused(await postGrant(h.app, await sign(grantClaims(), stranger.privateKey)), 400, 'invalid_grant', 'MP-124');
    // A tampered payload under a good signature fails the same way.
    const good = await sign(grantClaims(), h.key.privateKey);
    const [head, , signature] = good.split('.');
    const tampered = `${head}.${b64(grantClaims({ scope: SCOPE_2 }))}.${signature}`;
    assertRefused(await postGrant(h.app, tampered), 400, 'invalid_grant', 'MP-124');
  });

  test('wrong aud: MP-110', async () => {
    for (const aud of ['https://test.maskinporten.no/', `${PUBLIC_URL}/maskinporten`, [ISSUER, 'https://other/'], undefined, 7]) {
      const res = await postGrant(h.app, await sign(grantClaims({ aud }), h.key.privateKey));
      assertRefused(res, 400, 'invalid_grant', 'MP-110');
    }
  });

  test('iat more than 10 s ahead: MP-130 "Issue time is after now"; more than 10 s behind: MP-130', async () => {
    const t = now();
    const ahead = await postGrant(h.app, await sign(grantClaims({ iat: t + 60, exp: t + 100 }), h.key.privateKey));
    assertRefused(ahead, 400, 'invalid_grant', 'MP-130');
    assert.match(String(ahead.json().error_description), /Issue time is after now/);
    const behind = await postGrant(h.app, await sign(grantClaims({ iat: t - 30, exp: t + 60 }), h.key.privateKey));
    assertRefused(behind, 400, 'invalid_grant', 'MP-130');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iat: undefined }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iat: String(t) }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
  });

  test('expired grant or no exp: MP-130', async () => {
    const t = now();
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iat: t - 5, exp: t - 1 }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ exp: undefined }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
  });

  test('nbf in the future (RFC 7523 §3 item 5): MP-130, also when nbf is after exp; nbf now or past, or within the skew, is accepted', async () => {
    const t = now();
    const future = await postGrant(h.app, await sign(grantClaims({ iat: t, nbf: t + 60, exp: t + 100 }), h.key.privateKey));
    assertRefused(future, 400, 'invalid_grant', 'MP-130');
    assert.match(String(future.json().error_description), /not yet valid/);
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iat: t, nbf: t + 90, exp: t + 60 }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ nbf: String(t) }), h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
    for (const nbf of [t - 30, t, t + 5]) {
      const ok = await postGrant(h.app, await sign(grantClaims({ iat: t, nbf, exp: t + 60 }), h.key.privateKey));
      assert.equal(ok.statusCode, 200, ok.body);
    }
  });

  test('lifetime above 120 s: MP-011 invalid_request', async () => {
    const t = now();
    assertRefused(await postGrant(h.app, await sign(grantClaims({ iat: t, exp: t + 121 }), h.key.privateKey)), 400, 'invalid_request', 'MP-011');
    const ok = await postGrant(h.app, await sign(grantClaims({ iat: t, exp: t + 120 }), h.key.privateKey));
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('replayed jti: MP-012; the same grant without jti sent twice: MP-012', async () => {
    const claims = grantClaims({ jti: 'replay-me' });
    assert.equal((await postGrant(h.app, await sign(claims, h.key.privateKey))).statusCode, 200);
    const t = now();
    const again = await postGrant(h.app, await sign({ ...claims, iat: t, exp: t + 30 }, h.key.privateKey));
    assertRefused(again, 400, 'invalid_grant', 'MP-012');
    const noJti = await sign(grantClaims({ jti: undefined }), h.key.privateKey);
    assert.equal((await postGrant(h.app, noJti)).statusCode, 200);
    assertRefused(await postGrant(h.app, noJti), 400, 'invalid_grant', 'MP-012');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ jti: 12 }), h.key.privateKey)), 400, 'invalid_request', 'MP-011');
  });

  test('scope not registered on the client, or no scope: MP-200 invalid_scope', async () => {
    assertRefused(await postGrant(h.app, await sign(grantClaims({ scope: `${SCOPE} altinn:not/registered` }), h.key.privateKey)), 400, 'invalid_scope', 'MP-200');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ scope: undefined }), h.key.privateKey)), 400, 'invalid_scope', 'MP-200');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ scope: ' ' }), h.key.privateKey)), 400, 'invalid_scope', 'MP-200');
    assertRefused(await postGrant(h.app, await sign(grantClaims({ scope: [SCOPE] }), h.key.privateKey)), 400, 'invalid_request', 'MP-011');
  });

  test('authorization_details with two entries, or not an array of objects: MP-011', async () => {
    const entry = { type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` } };
    for (const details of [[entry, entry], [], entry, 'urn:altinn:systemuser', [null], [[entry]]]) {
      const res = await postGrant(h.app, await sign(grantClaims({ authorization_details: details }), h.key.privateKey));
      assertRefused(res, 400, 'invalid_request', 'MP-011');
    }
  });

  test('authorization_details of an unknown type: MP-301', async () => {
    for (const type of ['urn:altinn:systemuser:v2', undefined, 'ansattporten:altinn:service']) {
      const res = await postGrant(h.app, await sign(grantClaims(systemUserDetails({ type })), h.key.privateKey));
      assertRefused(res, 400, 'invalid_request', 'MP-301');
    }
  });

  test('unknown fields in authorization_details (or in systemuser_org): MP-302', async () => {
    for (const extra of [{ systemuserorg: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` } }, { external_ref: 'x' }, { systemuser_id: ['x'] }]) {
      const res = await postGrant(h.app, await sign(grantClaims(systemUserDetails(extra)), h.key.privateKey));
      assertRefused(res, 400, 'invalid_request', 'MP-302');
    }
    const inOrg = systemUserDetails({ systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}`, name: 'x' } });
    assertRefused(await postGrant(h.app, await sign(grantClaims(inOrg), h.key.privateKey)), 400, 'invalid_request', 'MP-302');
  });

  test('malformed systemuser_org or externalRef: MP-303', async () => {
    const orgs: unknown[] = [
      undefined,
      'iso6523-actorid-upis',
      { authority: 'iso6523-actorid-upis' },
      { authority: 'other', ID: `0192:${OWNER_ORG}` },
      // A bare org number is accepted (docs/contracts/platform-behaviour.md §5); a bare one with a wrong check digit is not.
      { authority: 'iso6523-actorid-upis', ID: '314412380' },
      { authority: 'iso6523-actorid-upis', ID: '0192:314412380' }, // check digit wrong
      { authority: 'iso6523-actorid-upis', ID: `9908:${OWNER_ORG}` },
      { authority: 'iso6523-actorid-upis', ID: 314412389 },
      { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}`, id: `0192:${OWNER_ORG}` },
    ];
    for (const org of orgs) {
      const details = { authorization_details: [{ type: 'urn:altinn:systemuser', ...(org === undefined ? {} : { systemuser_org: org }) }] };
      const res = await postGrant(h.app, await sign(grantClaims(details), h.key.privateKey));
      assertRefused(res, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    }
    for (const externalRef of ['', 5, ['a']]) {
      const res = await postGrant(h.app, await sign(grantClaims(systemUserDetails({ externalRef })), h.key.privateKey));
      assertRefused(res, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    }
  });

  test('no matching system user: MP-303 invalid_altinn_customer_configuration', async () => {
    h.lookups.length = 0;
    const wrongRef = await postGrant(h.app, await sign(grantClaims(systemUserDetails({ externalRef: 'other-ref' })), h.key.privateKey));
    assertRefused(wrongRef, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    // The other client's org is not the system's vendor and its client id is not on the system.
    const otherClient = await postGrant(h.app, await sign(grantClaims({ iss: OTHER_CLIENT_ID, ...systemUserDetails({}) }), h.key.privateKey));
    assertRefused(otherClient, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    assert.deepEqual(h.lookups, [
      { clientId: CLIENT_ID, systemProviderOrgNo: VENDOR_ORG, systemUserOwnerOrgNo: OWNER_ORG, externalRef: 'other-ref' },
      { clientId: OTHER_CLIENT_ID, systemProviderOrgNo: OWNER_ORG, systemUserOwnerOrgNo: OWNER_ORG },
    ]);
  });

  test('the checks run in order: signature before audience before time before scope', async () => {
    const stranger = await newKeyPair(KID);
    const t = now();
    const everythingWrong = grantClaims({ aud: 'https://wrong/', iat: t - 100, exp: t - 50, scope: 'not:registered' });
    assertRefused(await postGrant(h.app, await sign(everythingWrong, stranger.privateKey)), 400, 'invalid_grant', 'MP-124');
    assertRefused(await postGrant(h.app, await sign(everythingWrong, h.key.privateKey)), 400, 'invalid_grant', 'MP-110');
    assertRefused(await postGrant(h.app, await sign({ ...everythingWrong, aud: ISSUER }, h.key.privateKey)), 400, 'invalid_grant', 'MP-130');
  });
});

describe('maskinporten token: malformed requests never give a 5xx', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('JSON or text bodies: 415 in the OAuth shape', async () => {
    const json = await h.app.inject({ method: 'POST', url: '/maskinporten/token', payload: { grant_type: JWT_BEARER, assertion: 'a.b.c' } });
    assertRefused(json, 415, 'invalid_request');
    const text = await h.app.inject({ method: 'POST', url: '/maskinporten/token', headers: { 'content-type': 'text/plain' }, payload: 'grant_type=x' });
    assertRefused(text, 415, 'invalid_request');
  });

  test('empty, repeated or garbled form bodies: 400 invalid_request', async () => {
    assertRefused(await postForm(h.app, ''), 400, 'invalid_request');
    assertRefused(await h.app.inject({ method: 'POST', url: '/maskinporten/token' }), 400, 'invalid_request');
    assertRefused(await postForm(h.app, { grant_type: [JWT_BEARER, JWT_BEARER], assertion: 'a.b.c' }), 400, 'invalid_request');
    assertRefused(await postForm(h.app, { grant_type: JWT_BEARER, assertion: ['a.b.c', 'd.e.f'] }), 400, 'invalid_request');
    assertRefused(await postForm(h.app, '%%%&&&==='), 400, 'invalid_request');
    assertRefused(await postForm(h.app, `grant_type=${encodeURIComponent(JWT_BEARER)}&assertion=%E0%A4%A`), 400, 'invalid_grant', 'MP-100');
    assertRefused(await postForm(h.app, { grant_type: JWT_BEARER, assertion: 'x'.repeat(70_000) }), 400, 'invalid_request');
  });

  test('fuzzed assertions: every answer is a 4xx in the OAuth shape', async () => {
    const t = now();
    const signed = (claims: Record<string, unknown>, header?: Record<string, unknown>): Promise<string> => sign(claims, h.key.privateKey, header);
    const assertions: string[] = [
      '.', '..', '...', '....', 'ey.ey.ey', '===.===.===', `${b64('null')}.${b64('null')}.`, `${b64('"x"')}.${b64('1')}.sig`,
      `${b64({ alg: 'RS256', kid: KID })}.${b64('not json')}.sig`,
      `${b64({ alg: 'RS256', kid: KID })}.${b64([grantClaims()])}.sig`,
      `${b64({ alg: 'RS256', kid: { nested: KID } })}.${b64(grantClaims())}.sig`,
      `${b64({ alg: ['RS256'], kid: KID })}.${b64(grantClaims())}.sig`,
      `${b64({ alg: 'RS256', kid: KID, crit: ['exp'] })}.${b64(grantClaims())}.sig`,
      `${b64({ alg: 'RS256', kid: KID })}.${b64(grantClaims())}.${'A'.repeat(342)}`,
      `${b64({ alg: 'RS256', kid: KID, b64: false, crit: ['b64'] })}.${b64(grantClaims())}.sig`,
      await signed(grantClaims({ iat: 1e308, exp: 1e308 })),
      await signed(grantClaims({ iat: -1, exp: 1 })),
      await signed(grantClaims({ iat: t, exp: t - 0.5 })),
      await signed(grantClaims({ iat: null, exp: null })),
      await signed(grantClaims({ aud: { iss: ISSUER } })),
      await signed(grantClaims({ iss: [CLIENT_ID] })),
      await signed(grantClaims({ iss: '__proto__' })),
      await signed(grantClaims({ iss: 'constructor' })),
      await signed(grantClaims({ scope: { a: 1 } })),
      await signed(grantClaims({ resource: 12 })),
      await signed(grantClaims({ resource: [] })),
      await signed(grantClaims({ resource: 'not a uri' })),
      await signed(grantClaims({ authorization_details: { length: 1, 0: {} } })),
      await signed(grantClaims({ authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: null }] })),
      await signed(grantClaims({ authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: [] }] })),
      await signed(grantClaims({ authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: null } }] })),
      await signed(grantClaims({ authorization_details: [{ type: 'urn:altinn:systemuser', __proto__: { x: 1 } }] })),
      await signed(grantClaims({ authorization_details: JSON.parse('[{"type":"urn:altinn:systemuser","__proto__":{"x":1}}]') })),
      await signed(grantClaims({ authorization_details: [{ type: { toString: 'urn:altinn:systemuser' } }] })),
      await signed(grantClaims(), { alg: 'RS256', kid: '' }),
      await signed(grantClaims(), { alg: 'RS256', kid: KID, x5c: 'not-an-array' }),
    ];
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(Array.from({ length: 10 + ((i * 37) % 90) }, (_, j) => (i * 131 + j * 71) % 256));
      assertions.push(`${bytes.toString('base64url')}.${bytes.subarray(3).toString('base64url')}.${bytes.subarray(5).toString('base64url')}`);
    }
    for (const assertion of assertions) {
      const res = await postGrant(h.app, assertion);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `assertion ${assertion.slice(0, 60)} gave ${res.statusCode}: ${res.body}`);
      const body = res.json() as Record<string, unknown>;
      assert.deepEqual(Object.keys(body).sort(), ['error', 'error_description'], res.body);
    }
  });
});

describe('maskinporten used-grant store', () => {
  test('remembers a grant until its exp plus the margin, per client, in bounded memory', () => {
    const store = new UsedGrantStore(30, 3);
    assert.equal(store.useOnce('a', 'jti:1', 1000, 950), 'first-use');
    assert.equal(store.useOnce('a', 'jti:1', 1000, 951), 'replay');
    assert.equal(store.useOnce('b', 'jti:1', 1000, 951), 'first-use');
    assert.equal(store.useOnce('a', 'jti:1', 1000, 1030), 'replay');
    assert.equal(store.useOnce('a', 'jti:1', 1000, 1031), 'first-use');
    for (let i = 0; i < 10; i++) store.useOnce('c', `jti:${i}`, 2000, 1031);
    assert.equal(store.size, 3);
    assert.equal(store.useOnce('c', 'jti:9', 2000, 1031), 'replay');
  });
});

describe('maskinporten in buildApp', () => {
  test('a client registered through the test data API gets a token; a system user grant without a system user gets MP-303', async () => {
    const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
    try {
      const org = await app.inject({ method: 'POST', url: '/testdata/api/v1/organisations', payload: { orgNo: VENDOR_ORG, name: 'Leverandør AS', orgForm: 'AS' } });
      assert.equal(org.statusCode, 201, org.body);
      const key = await newKeyPair(KID);
      const client = await app.inject({
        method: 'POST', url: '/testdata/api/v1/maskinporten/clients',
        payload: { clientId: CLIENT_ID, orgNo: VENDOR_ORG, scopes: [SCOPE], jwks: { keys: [key.publicJwk] } },
      });
      assert.equal(client.statusCode, 201, client.body);
      const res = await postGrant(app, await sign(grantClaims(), key.privateKey));
      assert.equal(res.statusCode, 200, res.body);
      const token = (res.json() as { access_token: string }).access_token;
      const jwks = (await app.inject({ method: 'GET', url: '/maskinporten/jwk' })).json() as { keys: JWK[] };
      const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: ISSUER, algorithms: ['RS256'] });
      assert.equal(payload.client_id, CLIENT_ID);
      assert.deepEqual(payload.consumer, { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` });
      const details = [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` } }];
      const noSystemUser = await postGrant(app, await sign(grantClaims({ authorization_details: details }), key.privateKey));
      assertRefused(noSystemUser, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    } finally {
      await app.close();
    }
  });

  test('metadata follows config.publicUrl at request time; /token errors keep the OAuth shape', async () => {
    const config: ReferenceConfig = { publicUrl: PUBLIC_URL, logger: false };
    const app = await buildApp(config);
    try {
      const first = await app.inject({ method: 'GET', url: '/maskinporten/.well-known/oauth-authorization-server' });
      assert.equal(first.statusCode, 200);
      assert.equal(first.json().issuer, ISSUER);
      config.publicUrl = 'https://samsvar.example';
      const second = await app.inject({ method: 'GET', url: '/maskinporten/.well-known/oauth-authorization-server' });
      assert.equal(second.json().issuer, 'https://samsvar.example/maskinporten/');
      assert.equal(second.json().token_endpoint, 'https://samsvar.example/maskinporten/token');
      assert.equal(second.json().jwks_uri, 'https://samsvar.example/maskinporten/jwk');
      const bad = await app.inject({ method: 'POST', url: '/maskinporten/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'grant_type=password' });
      assertRefused(bad, 400, 'unsupported_grant_type');
      // The form parser stays inside the component: other components do not accept form bodies.
      const health = await app.inject({ method: 'GET', url: '/health' });
      assert.equal(health.statusCode, 200);
    } finally {
      await app.close();
    }
  });
});

// docs/contracts/platform-behaviour.md §5: what Altinn's broker test sends and test Maskinporten takes.
describe('maskinporten tolerance: padded base64url and a bare systemuser_org.ID', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  /** Base64url that keeps the `=` padding, as k6's encoding.b64encode(..., 'url') writes it. */
  const padded = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

  /** A grant signed over padded segments, exactly as Altinn's broker use-case test builds it. */
  async function paddedGrant(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: KID }): Promise<string> {
    const input = `${padded(JSON.stringify(header))}.${padded(JSON.stringify(claims))}`;
    const signature = await crypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, h.key.privateKey, new TextEncoder().encode(input));
    return `${input}.${padded(Buffer.from(signature))}`;
  }

  /** Claims whose JSON lengths make every segment padded (checked below). */
  function brokerClaims(orgId: string): Record<string, unknown> {
    const t = now();
    return {
      aud: TOKEN_ENDPOINT, scope: SCOPE, iss: CLIENT_ID, sub: CLIENT_ID,
      authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: orgId } }],
      iat: t, nbf: t - 5, exp: t + 120, jti: `${t}-${Math.random().toString(36).slice(2)}`,
    };
  }

  test('a grant in padded base64url with a bare org number gives the system user token', async () => {
    let grant = '';
    // Lengthen the jti until the claims segment needs padding (the 256-byte signature always does).
    for (let extra = ''; extra.length < 3; extra += 'x') {
      const claims = brokerClaims(OWNER_ORG);
      claims.jti = `${String(claims.jti)}${extra}`;
      grant = await paddedGrant(claims);
      if (grant.split('.')[1]?.endsWith('=')) break;
    }
    assert.ok(grant.split('.')[1]?.endsWith('=') && grant.endsWith('='), grant);
    h.lookups.length = 0;
    const res = await postGrant(h.app, grant);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(h.lookups, [{ clientId: CLIENT_ID, systemProviderOrgNo: VENDOR_ORG, systemUserOwnerOrgNo: OWNER_ORG }]);
    const claims = await decodeAccessToken(h, res);
    // The issued token names the owner in the canonical 0192: form.
    assert.deepEqual((claims.authorization_details as Array<Record<string, unknown>>)[0]?.systemuser_org, { authority: 'iso6523-actorid-upis', ID: `0192:${OWNER_ORG}` });
  });

  test('padding does not weaken the signature check, and malformed padding is still not a compact JWS', async () => {
    const grant = await paddedGrant(brokerClaims(`0192:${OWNER_ORG}`));
    const [header = '', payload = '', signature = ''] = grant.split('.');
    // Claims changed after signing: the signature over the segments as sent fails.
    const forged = padded(JSON.stringify({ ...brokerClaims(`0192:${OWNER_ORG}`), scope: SCOPE_2 }));
    assertRefused(await postGrant(h.app, `${header}.${forged}.${signature}`), 400, 'invalid_grant', 'MP-124');
    const bare = signature.replace(/=+$/, '');
    assert.equal(bare.length % 4, 2, 'a 256-byte signature takes two padding characters');
    for (const bad of [
      `${header}.${payload}.${bare}=`, // padding to a length that is not a multiple of 4
      `${header}.${payload}.${bare}===`,
      `${header}.${payload}.${bare.slice(0, 8)}=${bare.slice(8)}==`, // '=' inside a segment
      `${header}.${payload}.+${bare.slice(1)}==`, // standard base64, not base64url
      `${header}.${payload}`,
    ]) {
      assertRefused(await postGrant(h.app, bad), 400, 'invalid_grant', 'MP-100');
    }
  });

  test('a bare org number must still be nine digits with a valid check digit', async () => {
    for (const id of ['314412380', '31441238', '0314412389', ` ${OWNER_ORG}`, `9908:${OWNER_ORG}`, `0192:0192:${OWNER_ORG}`]) {
      const res = await postGrant(h.app, await paddedGrant(brokerClaims(id)));
      assertRefused(res, 400, 'invalid_altinn_customer_configuration', 'MP-303');
    }
  });
});
