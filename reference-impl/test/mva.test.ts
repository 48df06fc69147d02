// Unit tests of the MVA sample service (docs/samsvar-apis.md §3): the token checks in order (401,
// 403 MVA-00001, 403 MVA-00002), the PDP question and its refusal (403 MVA-00003), the receipt and its
// Location, and reading a receipt (404 MVA-00004). The PDP is a hand-made fake that records each
// question, so the component is tested on its own.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { SignJWT } from 'jose';
import { buildApp } from '../src/app.ts';
import type { ReferenceConfig } from '../src/config.ts';
import { mvaComponent } from '../src/components/mva/index.ts';
import { installErrorHandling } from '../src/platform/error-handler.ts';
import type { PdpService, Services } from '../src/platform/services.ts';
import { TokenIssuers } from '../src/platform/tokens.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const VENDOR_ORG = '310000019';
const OWNER_ORG = '314412389';
const OTHER_ORG = '310000000';
const SYSTEM_USER_ID = '0b5f6a53-2f2e-4d7e-9f55-6f9d6a1c1e01';
const SYSTEM_ID = `${VENDOR_ORG}_regnskap`;

type PdpQuery = Parameters<PdpService['decideForSystemUser']>[0];

function notBuilt<T>(): T {
  return new Proxy({}, { get: () => () => { throw new Error('not part of this test'); } }) as T;
}

interface Harness { app: FastifyInstance; issuers: TokenIssuers; config: ReferenceConfig; pdpQueries: PdpQuery[] }

/** A PDP that permits read and write on the MVA resource for SYSTEM_USER_ID on OWNER_ORG only. */
async function harness(): Promise<Harness> {
  const config: ReferenceConfig = { publicUrl: PUBLIC_URL, logger: false };
  const app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.decorateRequest('auth', null);
  installErrorHandling(app);
  const issuers = await TokenIssuers.create({ get publicUrl() { return config.publicUrl; } });
  const pdpQueries: PdpQuery[] = [];
  const pdp: PdpService = {
    decideForSystemUser: (q) => {
      pdpQueries.push(q);
      const permit = q.systemUserId === SYSTEM_USER_ID && q.partyOrgNo === OWNER_ORG && q.resource === 'samsvar-mva-rapportering'
        && (q.action === 'read' || q.action === 'write');
      return permit ? 'Permit' : 'NotApplicable';
    },
    // The MVA service never decides for a plain organisation; an answer here would be a defect.
    decideForOrganisation: () => {
      throw new Error('the MVA service must not ask the PDP about an organisation subject');
    },
    decideForPerson: () => {
      throw new Error('the MVA service must not ask the PDP about a person subject');
    },
  };
  const services = new Proxy({ pdp } as Partial<Services>, {
    get: (target, name: string) => (target as Record<string, unknown>)[name] ?? notBuilt(),
  }) as Services;
  await app.register(mvaComponent, { config, services, issuers, prefix: '/mva' });
  await app.ready();
  return { app, issuers, config, pdpQueries };
}

interface TokenOptions {
  scope?: string;
  systemUserId?: string;
  orgKey?: 'ID' | 'id';
  details?: unknown;
  lifetime?: number;
  issuedAt?: number;
}

function systemUserClaims(o: TokenOptions): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    aud: 'unspecified',
    client_id: 'vendor-client',
    client_amr: 'private_key_jwt',
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR_ORG}` },
    scope: o.scope ?? 'samsvar:mva.write',
    token_type: 'Bearer',
    authorization_details: o.details ?? [{
      type: 'urn:altinn:systemuser',
      systemuser_id: [o.systemUserId ?? SYSTEM_USER_ID],
      systemuser_org: { authority: 'iso6523-actorid-upis', [o.orgKey ?? 'ID']: `0192:${OWNER_ORG}` },
      system_id: SYSTEM_ID,
    }],
  };
  if (o.details === null) delete claims.authorization_details;
  return claims;
}

function token(issuers: TokenIssuers, o: TokenOptions = {}): Promise<string> {
  return issuers.sign('maskinporten', systemUserClaims(o), o.lifetime ?? 120, o.issuedAt);
}

const REPORT = { partyOrgNo: OWNER_ORG, year: 2026, term: 2, lines: [{ code: '3', basis: 1_000_000, vat: 250_000 }, { code: '31', basis: 200_000, vat: 30_000 }] };

function submit(app: FastifyInstance, bearer: string | undefined, body: unknown = REPORT, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST', url: '/mva/api/v1/vat-reports',
    headers: { ...(bearer === undefined ? {} : { authorization: bearer }), ...headers },
    payload: body as Record<string, unknown>,
  });
}

function read(app: FastifyInstance, bearer: string, receiptId: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/mva/api/v1/vat-reports/${receiptId}`, headers: { authorization: bearer } });
}

function assertProblem(res: LightMyRequestResponse, status: number, code?: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.status, status);
  if (code) {
    assert.equal(body.code, code, res.body);
    assert.equal(body.type, `urn:altinn:error:${code}`);
  }
  return body;
}

describe('mva sample service: token checks', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('no token or a malformed header: 401 with WWW-Authenticate: Bearer and no error (RFC 6750 §3.1)', async () => {
    for (const bearer of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b']) {
      const res = await submit(h.app, bearer);
      assertProblem(res, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
  });

  test('a garbled token: 401 naming the reason, Bearer error="invalid_token"', async () => {
    const res = await submit(h.app, 'Bearer not.a.jwt');
    assertProblem(res, 401);
    assert.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"');
  });

  test('an expired token: 401 naming the reason, Bearer error="invalid_token"', async () => {
    const expired = await token(h.issuers, { issuedAt: Math.floor(Date.now() / 1000) - 600 });
    const res = await submit(h.app, `Bearer ${expired}`);
    assertProblem(res, 401);
    assert.equal(res.headers['www-authenticate'], 'Bearer error="invalid_token"');
  });

  test('a foreign token (other key, or an ID-porten token, or alg none): 401', async () => {
    const stranger = await TokenIssuers.create({ publicUrl: PUBLIC_URL });
    assertProblem(await submit(h.app, `Bearer ${await token(stranger)}`), 401);
    const person = await h.issuers.sign('idporten', { pid: '01899200191', scope: 'samsvar:mva.write' }, 600);
    assertProblem(await submit(h.app, `Bearer ${person}`), 401);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...systemUserClaims({}), iss: `${PUBLIC_URL}/maskinporten/`, exp: 9_999_999_999 })).toString('base64url')}.`;
    assertProblem(await submit(h.app, `Bearer ${none}`), 401);
    const hs = await new SignJWT({ ...systemUserClaims({}), iss: `${PUBLIC_URL}/maskinporten/` }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('2m')
      .sign(new TextEncoder().encode(JSON.stringify(h.issuers.jwks('maskinporten'))));
    assertProblem(await submit(h.app, `Bearer ${hs}`), 401);
  });

  test('a valid token without the scope: 403 MVA-00001', async () => {
    assertProblem(await submit(h.app, `Bearer ${await token(h.issuers, { scope: 'samsvar:mva.read' })}`), 403, 'MVA-00001');
    assertProblem(await submit(h.app, `Bearer ${await token(h.issuers, { scope: 'altinn:something' })}`), 403, 'MVA-00001');
  });

  test('a token that is not a system user token: 403 MVA-00002', async () => {
    const variants: unknown[] = [
      null,
      [],
      [{ type: 'urn:altinn:other', systemuser_id: [SYSTEM_USER_ID] }],
      [{ type: 'urn:altinn:systemuser' }],
      [{ type: 'urn:altinn:systemuser', systemuser_id: [] }],
      [{ type: 'urn:altinn:systemuser', systemuser_id: SYSTEM_USER_ID }],
      [{ type: 'urn:altinn:systemuser', systemuser_id: [7] }],
      { type: 'urn:altinn:systemuser', systemuser_id: [SYSTEM_USER_ID] },
    ];
    for (const details of variants) {
      const res = await submit(h.app, `Bearer ${await token(h.issuers, { details })}`);
      assertProblem(res, 403, 'MVA-00002');
    }
    assert.equal(h.pdpQueries.length, 0);
  });

  test('token checks run before the body is read', async () => {
    const res = await submit(h.app, undefined, '{"partyOrgNo":', { 'content-type': 'application/json' });
    assertProblem(res, 401);
    const noScope = await submit(h.app, `Bearer ${await token(h.issuers, { scope: 'x' })}`, { nonsense: true });
    assertProblem(noScope, 403, 'MVA-00001');
  });
});

describe('mva sample service: submitting and reading', () => {
  let h: Harness;
  before(async () => { h = await harness(); });
  after(async () => { await h.app.close(); });

  test('a permitted system user submits: 201, receipt and Location', async () => {
    h.pdpQueries.length = 0;
    const res = await submit(h.app, `Bearer ${await token(h.issuers)}`);
    assert.equal(res.statusCode, 201, res.body);
    const receipt = res.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(receipt).sort(), ['partyOrgNo', 'receiptId', 'receivedAt', 'submittedBy', 'term', 'totalVat', 'year']);
    assert.match(String(receipt.receiptId), /^[0-9a-f-]{36}$/);
    assert.equal(receipt.partyOrgNo, OWNER_ORG);
    assert.equal(receipt.year, 2026);
    assert.equal(receipt.term, 2);
    assert.equal(receipt.totalVat, 280_000);
    assert.ok(!Number.isNaN(Date.parse(String(receipt.receivedAt))));
    assert.deepEqual(receipt.submittedBy, { systemUserId: SYSTEM_USER_ID, systemId: SYSTEM_ID, systemUserOwnerOrgNo: OWNER_ORG, vendorOrgNo: VENDOR_ORG });
    assert.equal(res.headers.location, `${PUBLIC_URL}/mva/api/v1/vat-reports/${String(receipt.receiptId)}`);
    assert.deepEqual(h.pdpQueries, [{ systemUserId: SYSTEM_USER_ID, action: 'write', resource: 'samsvar-mva-rapportering', partyOrgNo: OWNER_ORG, pep: 'mva' }]);

    // Reading it back with the read scope: 200, the same receipt; the PDP is asked for read.
    h.pdpQueries.length = 0;
    const back = await read(h.app, `Bearer ${await token(h.issuers, { scope: 'samsvar:mva.read' })}`, String(receipt.receiptId));
    assert.equal(back.statusCode, 200, back.body);
    assert.deepEqual(back.json(), receipt);
    assert.deepEqual(h.pdpQueries, [{ systemUserId: SYSTEM_USER_ID, action: 'read', resource: 'samsvar-mva-rapportering', partyOrgNo: OWNER_ORG, pep: 'mva' }]);
    // The write scope also reads.
    assert.equal((await read(h.app, `Bearer ${await token(h.issuers)}`, String(receipt.receiptId))).statusCode, 200);
  });

  test('Location follows config.publicUrl at request time; lowercase id in systemuser_org is read', async () => {
    h.config.publicUrl = 'https://samsvar.example';
    try {
      const res = await submit(h.app, `Bearer ${await token(h.issuers, { orgKey: 'id' })}`, { ...REPORT, lines: [] });
      assert.equal(res.statusCode, 201, res.body);
      const receipt = res.json() as Record<string, unknown>;
      assert.equal(res.headers.location, `https://samsvar.example/mva/api/v1/vat-reports/${String(receipt.receiptId)}`);
      assert.equal(receipt.totalVat, 0);
      assert.equal((receipt.submittedBy as Record<string, unknown>).systemUserOwnerOrgNo, OWNER_ORG);
    } finally {
      h.config.publicUrl = PUBLIC_URL;
    }
  });

  test('a PDP answer other than Permit: 403 MVA-00003', async () => {
    assertProblem(await submit(h.app, `Bearer ${await token(h.issuers)}`, { ...REPORT, partyOrgNo: OTHER_ORG }), 403, 'MVA-00003');
    const unknownUser = await token(h.issuers, { systemUserId: '11111111-1111-4111-8111-111111111111' });
    assertProblem(await submit(h.app, `Bearer ${unknownUser}`), 403, 'MVA-00003');
  });

  test('an invalid partyOrgNo or body: 400 STD-00000, before the PDP is asked', async () => {
    h.pdpQueries.length = 0;
    const bearer = `Bearer ${await token(h.issuers)}`;
    const mod11 = assertProblem(await submit(h.app, bearer, { ...REPORT, partyOrgNo: '314412380' }), 400, 'STD-00000');
    assert.deepEqual((mod11.validationErrors as Array<Record<string, unknown>>).map((e) => e.paths), [['/body/partyOrgNo']]);
    const bodies: unknown[] = [
      { ...REPORT, partyOrgNo: '31441238' },
      { ...REPORT, partyOrgNo: 314412389 },
      { ...REPORT, term: 7 },
      { ...REPORT, term: 0 },
      { ...REPORT, term: '2' },
      { ...REPORT, year: 2026.5 },
      { ...REPORT, lines: [{ code: '3', basis: 1, vat: 0.5 }] },
      { ...REPORT, lines: [{ code: '3', basis: 1 }] },
      { ...REPORT, lines: [{ code: '', basis: 1, vat: 1 }] },
      { ...REPORT, lines: [{ code: '3', basis: 1, vat: 1, extra: 1 }] },
      { ...REPORT, extra: true },
      { partyOrgNo: OWNER_ORG, year: 2026, term: 2 },
      [],
    ];
    for (const body of bodies) assertProblem(await submit(h.app, bearer, body), 400, 'STD-00000');
    const garbled = await submit(h.app, bearer, '{"partyOrgNo":', { 'content-type': 'application/json' });
    assertProblem(garbled, 400);
    assert.equal(h.pdpQueries.length, 0);
  });

  test('reading an unknown receipt, or one the PDP does not let the caller read: 404 MVA-00004', async () => {
    const bearer = `Bearer ${await token(h.issuers, { scope: 'samsvar:mva.read' })}`;
    assertProblem(await read(h.app, bearer, '00000000-0000-4000-8000-000000000000'), 404, 'MVA-00004');
    assertProblem(await read(h.app, bearer, 'not-a-uuid'), 404, 'MVA-00004');
    const created = await submit(h.app, `Bearer ${await token(h.issuers)}`);
    assert.equal(created.statusCode, 201);
    const receiptId = String(created.json().receiptId);
    const otherUser = `Bearer ${await token(h.issuers, { scope: 'samsvar:mva.read', systemUserId: '11111111-1111-4111-8111-111111111111' })}`;
    assertProblem(await read(h.app, otherUser, receiptId), 404, 'MVA-00004');
    // Reading checks the token too.
    assertProblem(await read(h.app, 'Bearer x', receiptId), 401);
    assertProblem(await read(h.app, `Bearer ${await token(h.issuers, { scope: 'altinn:other' })}`, receiptId), 403, 'MVA-00001');
    assertProblem(await read(h.app, `Bearer ${await token(h.issuers, { scope: 'samsvar:mva.read', details: null })}`, receiptId), 403, 'MVA-00002');
  });
});

describe('mva in buildApp', () => {
  test('the component is mounted at /mva; the real PDP refuses a system user without rights', async () => {
    const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
    try {
      assertProblem(await submit(app, undefined), 401);
      // A system user token minted by the test data hook, for a system user that holds no rights:
      // the real PDP does not permit it.
      const minted = await app.inject({
        method: 'POST', url: '/testdata/api/v1/maskinporten/tokens',
        payload: { claims: systemUserClaims({}) },
      });
      assert.equal(minted.statusCode, 201, minted.body);
      const bearer = `Bearer ${String(minted.json().access_token)}`;
      assertProblem(await submit(app, bearer), 403, 'MVA-00003');
      const decisions = await app.inject({ method: 'GET', url: `/testdata/api/v1/decisions?systemUserId=${SYSTEM_USER_ID}` });
      assert.equal(decisions.statusCode, 200, decisions.body);
      const logged = decisions.json() as Array<Record<string, unknown>>;
      assert.equal(logged.length, 1);
      assert.equal(logged[0]?.action, 'write');
      assert.equal(logged[0]?.resource, 'samsvar-mva-rapportering');
      assert.notEqual(logged[0]?.decision, 'Permit');
    } finally {
      await app.close();
    }
  });
});
