// The independently written MVA example service (examples/mva-service/, plain JavaScript, jose and
// fetch only) against the reference implementation: it refuses the tokens docs/samsvar-apis.md §3
// says it must refuse, asks the reference PDP the right question (read back from the decision log),
// and its SKIP_PDP=1 variant (which never asks) is visible as a 201 with no decision in the log, which
// is how the suite's service-API mode catches it (issue 6, part 5).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startReference, type RunningReference } from '../scripts/lib/reference-process.ts';
import { MVA_RESOURCE_ID, PDP_SCOPE, SKATTEETATEN_ORGNO, mvaResource } from '../support/actors/service-owner.ts';
import { newOrgNo } from '../support/testdata/index.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SERVICE_MAIN = 'examples/mva-service/src/main.js';

interface RunningService {
  url: string;
  stop(): Promise<void>;
  stderr(): string;
}

/** Starts the example service as its own plain Node process (no tsx) and waits for its URL line. */
async function startService(env: Record<string, string>): Promise<RunningService> {
  const child: ChildProcess = spawn(process.execPath, [SERVICE_MAIN], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolveStop) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolveStop();
      });
      child.kill('SIGTERM');
    });
    return stopped;
  };
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The example service did not report its URL within 15 s.\n${stderr.join('')}`));
    }, 15_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^SAMSVAR_SERVICE_URL=(\S+)$/.exec(line.trim());
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The example service exited (${signal ?? code}) before it was ready.\n${stderr.join('')}`));
    });
  });
  return { url, stop, stderr: () => stderr.join('') };
}

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(url: string, init: { method?: string; bearer?: string; json?: unknown; body?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.bearer !== undefined) headers.authorization = `Bearer ${init.bearer}`;
  let body = init.body;
  if (init.json !== undefined) body = JSON.stringify(init.json);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method: init.method ?? (body !== undefined ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = { text };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

function expectProblem(reply: Reply, status: number, code?: string): void {
  assert.equal(reply.status, status, `expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(reply.body.status, status);
  assert.equal(typeof reply.body.title, 'string');
  assert.equal(typeof reply.body.type, 'string');
  assert.equal(typeof reply.body.traceId, 'string');
  assert.equal(typeof reply.body.statusDescription, 'string');
  if (code !== undefined) {
    assert.equal(reply.body.code, code, JSON.stringify(reply.body));
    assert.equal(reply.body.type, `urn:altinn:error:${code}`);
  }
  assert.equal(reply.body.receiptId, undefined, 'a refusal carries no receipt');
}

interface DecisionEntry {
  at: string;
  subject: Record<string, string>;
  action: string;
  resource: string;
  party: Record<string, string>;
  decision: string;
}

describe('the MVA example service against the reference', { timeout: 120_000 }, () => {
  let reference: RunningReference | undefined;
  let service: RunningService | undefined;
  let skipping: RunningService | undefined;
  let testdata = '';
  const vendorOrgNo = newOrgNo();
  const partyOrgNo = newOrgNo();

  async function td(path: string, method: string, json?: unknown): Promise<Reply> {
    return call(`${testdata}${path}`, { method, ...(json !== undefined ? { json } : {}) });
  }

  async function decisions(systemUserId: string): Promise<DecisionEntry[]> {
    const reply = await call(`${testdata}/decisions?systemUserId=${encodeURIComponent(systemUserId)}`);
    assert.equal(reply.status, 200);
    assert.ok(Array.isArray(reply.body), JSON.stringify(reply.body));
    return reply.body as unknown as DecisionEntry[];
  }

  /** Claims as Maskinporten issues them for a system user (docs/contracts/altinn-authentication.md §6.3). */
  function systemUserClaims(systemUserId: string, scope = 'samsvar:mva.write'): Record<string, unknown> {
    return {
      scope,
      client_id: randomUUID(),
      client_amr: 'private_key_jwt',
      token_type: 'Bearer',
      consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${vendorOrgNo}` },
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_id: [systemUserId],
          systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${partyOrgNo}` },
          system_id: `${vendorOrgNo}_samsvar-eksempel`,
        },
      ],
      jti: randomUUID(),
    };
  }

  /** POST /maskinporten/tokens: a token signed with the reference Maskinporten's key (a test hook). */
  async function mint(claims: Record<string, unknown>, times: { iat?: number; exp?: number } = {}): Promise<string> {
    const reply = await td('/maskinporten/tokens', 'POST', { claims, ...times });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    assert.equal(typeof reply.body.access_token, 'string');
    return reply.body.access_token as string;
  }

  function report(orgNo = partyOrgNo): Record<string, unknown> {
    return {
      partyOrgNo: orgNo,
      year: new Date().getUTCFullYear() - 1,
      term: 1,
      lines: [
        { code: '3', basis: 1_000_000, vat: 250_000 },
        { code: '31', basis: 400_000, vat: 60_000 },
      ],
    };
  }

  before(async () => {
    reference = await startReference();
    testdata = `${reference.url}/testdata/api/v1`;

    // The service owner (Skatteetaten, synthetic) with its own Maskinporten client for the PDP.
    const owner = await td('/organisations', 'POST', { orgNo: SKATTEETATEN_ORGNO, name: 'Skatteetaten (syntetisk)', orgForm: 'ORGL' });
    assert.ok([200, 201].includes(owner.status), JSON.stringify(owner.body));
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `mva-example-${randomUUID()}`;
    const client = await td('/maskinporten/clients', 'POST', {
      orgNo: SKATTEETATEN_ORGNO,
      scopes: [PDP_SCOPE],
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] },
    });
    assert.equal(client.status, 201, JSON.stringify(client.body));
    const clientId = client.body.clientId as string;

    // The resource with the suite's own policy body (the same body, so the PUT changes nothing for anyone else).
    const resource = await td(`/resources/${MVA_RESOURCE_ID}`, 'PUT', mvaResource());
    assert.ok([200, 201].includes(resource.status), JSON.stringify(resource.body));

    for (const orgNo of [vendorOrgNo, partyOrgNo]) {
      const org = await td('/organisations', 'POST', { orgNo, name: `Eksempel ${orgNo} AS`, orgForm: 'AS' });
      assert.equal(org.status, 201, JSON.stringify(org.body));
    }

    const env = {
      PORT: '0',
      MASKINPORTEN_URL: `${reference.url}/maskinporten`,
      PDP_URL: reference.url,
      CLIENT_ID: clientId,
      KEY_ID: kid,
      PRIVATE_KEY_JWK: JSON.stringify({ ...(await exportJWK(privateKey)), kid }),
    };
    [service, skipping] = await Promise.all([startService(env), startService({ ...env, SKIP_PDP: '1' })]);
  });

  after(async () => {
    await Promise.all([service?.stop(), skipping?.stop()]);
    await reference?.stop();
  });

  test('a system user that does not exist gets 403 MVA-00003, after the PDP was asked the right question', async () => {
    const systemUserId = randomUUID();
    const token = await mint(systemUserClaims(systemUserId));
    const reply = await call(`${service!.url}/api/v1/vat-reports`, { bearer: token, json: report() });
    expectProblem(reply, 403, 'MVA-00003');

    const asked = await decisions(systemUserId);
    assert.equal(asked.length, 1, JSON.stringify(asked));
    const [decision] = asked;
    assert.deepEqual(decision?.subject, { 'urn:altinn:systemuser:uuid': systemUserId });
    assert.equal(decision?.action, 'write');
    assert.equal(decision?.resource, MVA_RESOURCE_ID);
    assert.deepEqual(decision?.party, { 'urn:altinn:organization:identifier-no': partyOrgNo });
    assert.notEqual(decision?.decision, 'Permit');
  });

  test('the PDP token is reused: a second refusal asks the PDP again without trouble', async () => {
    const systemUserId = randomUUID();
    const token = await mint(systemUserClaims(systemUserId));
    for (let i = 0; i < 3; i++) expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: token, json: report() }), 403, 'MVA-00003');
    assert.equal((await decisions(systemUserId)).length, 3);
  });

  test('an expired token gets 401, and the PDP is not asked', async () => {
    const systemUserId = randomUUID();
    const now = Math.floor(Date.now() / 1000);
    const token = await mint(systemUserClaims(systemUserId), { iat: now - 600, exp: now - 480 });
    const reply = await call(`${service!.url}/api/v1/vat-reports`, { bearer: token, json: report() });
    expectProblem(reply, 401);
    assert.match(reply.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.deepEqual(await decisions(systemUserId), []);
  });

  test('no token, or one that is not a JWT, gets 401', async () => {
    const none = await call(`${service!.url}/api/v1/vat-reports`, { json: report() });
    expectProblem(none, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: 'not-a-jwt', json: report() }), 401);
    expectProblem(await call(`${service!.url}/api/v1/vat-reports/${randomUUID()}`, {}), 401);
  });

  test("a token with Maskinporten's issuer and key id but signed by another key gets 401", async () => {
    const genuine = await mint(systemUserClaims(randomUUID()));
    const header = JSON.parse(Buffer.from(genuine.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: string };
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', ...(header.kid ? { kid: header.kid } : {}) }).sign(privateKey);
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: forged, json: report() }), 401);
  });

  test('a token without the scope gets 403 MVA-00001, and the PDP is not asked', async () => {
    const systemUserId = randomUUID();
    const token = await mint(systemUserClaims(systemUserId, 'samsvar:mva.read'));
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: token, json: report() }), 403, 'MVA-00001');
    const other = await mint(systemUserClaims(systemUserId, 'altinn:something.else'));
    expectProblem(await call(`${service!.url}/api/v1/vat-reports/${randomUUID()}`, { bearer: other }), 403, 'MVA-00001');
    assert.deepEqual(await decisions(systemUserId), []);
  });

  test('a Maskinporten token that is not a system user token gets 403 MVA-00002', async () => {
    const claims = systemUserClaims(randomUUID());
    delete claims.authorization_details;
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: await mint(claims), json: report() }), 403, 'MVA-00002');
    const wrongType = systemUserClaims(randomUUID());
    wrongType.authorization_details = [{ type: 'urn:altinn:something', systemuser_id: [randomUUID()] }];
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { bearer: await mint(wrongType), json: report() }), 403, 'MVA-00002');
  });

  test('a broken body gets 400 STD-00000 with validationErrors (never a 500), and the PDP is not asked', async () => {
    const systemUserId = randomUUID();
    const token = await mint(systemUserClaims(systemUserId));
    const url = `${service!.url}/api/v1/vat-reports`;
    const badOrgNo = `${partyOrgNo.slice(0, 8)}${(Number(partyOrgNo[8]) + 1) % 10}`;
    const cases: Array<{ body: string; path: string }> = [
      { body: JSON.stringify({ ...report(), partyOrgNo: badOrgNo }), path: '/partyOrgNo' },
      { body: JSON.stringify({ ...report(), term: 7 }), path: '/term' },
      { body: JSON.stringify({ ...report(), lines: [{ code: '3', basis: 1, vat: 0.5 }] }), path: '/lines/0/vat' },
      { body: JSON.stringify({ ...report(), extra: true }), path: '/extra' },
      { body: JSON.stringify({ year: 2024 }), path: '/partyOrgNo' },
      { body: '{"partyOrgNo":', path: '/' },
      { body: '[]', path: '/' },
      { body: 'null', path: '/' },
    ];
    for (const { body, path } of cases) {
      const reply = await call(url, { bearer: token, body });
      expectProblem(reply, 400, 'STD-00000');
      const errors = reply.body.validationErrors as Array<{ code: string; paths: string[] }>;
      assert.ok(Array.isArray(errors) && errors.length > 0, JSON.stringify(reply.body));
      assert.ok(errors.some((e) => e.paths.includes(path)), `${body}: expected an error at ${path}, got ${JSON.stringify(errors)}`);
    }
    const tooLarge = await call(url, { bearer: token, body: JSON.stringify({ ...report(), pad: 'x'.repeat(200_000) }) });
    expectProblem(tooLarge, 413);
    assert.deepEqual(await decisions(systemUserId), []);
  });

  test('an unknown receipt gets 404 MVA-00004; unknown routes and methods are problems too', async () => {
    const token = await mint(systemUserClaims(randomUUID(), 'samsvar:mva.read'));
    expectProblem(await call(`${service!.url}/api/v1/vat-reports/${randomUUID()}`, { bearer: token }), 404, 'MVA-00004');
    expectProblem(await call(`${service!.url}/api/v1/other`, { bearer: token }), 404);
    expectProblem(await call(`${service!.url}/api/v1/vat-reports`, { method: 'GET', bearer: token }), 405);
  });

  test('SKIP_PDP=1 (the broken variant) answers 201 with a receipt and asks the PDP nothing: what the suite catches', async () => {
    const systemUserId = randomUUID();
    const token = await mint(systemUserClaims(systemUserId));
    const reply = await call(`${skipping!.url}/api/v1/vat-reports`, { bearer: token, json: report() });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const receipt = reply.body;
    assert.equal(typeof receipt.receiptId, 'string');
    assert.equal(reply.headers.get('location'), `${skipping!.url}/api/v1/vat-reports/${String(receipt.receiptId)}`);
    assert.equal(receipt.partyOrgNo, partyOrgNo);
    assert.equal(receipt.totalVat, 310_000);
    assert.deepEqual(receipt.submittedBy, {
      systemUserId,
      systemId: `${vendorOrgNo}_samsvar-eksempel`,
      systemUserOwnerOrgNo: partyOrgNo,
      vendorOrgNo,
    });
    const read = await call(String(reply.headers.get('location')), { bearer: await mint(systemUserClaims(systemUserId, 'samsvar:mva.read')) });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, receipt);
    assert.deepEqual(await decisions(systemUserId), [], 'the variant never asked the PDP');
    // The token checks still hold in the variant: only the PDP is skipped.
    expectProblem(await call(`${skipping!.url}/api/v1/vat-reports`, { json: report() }), 401);
  });

  test('the service refuses to start without its configuration, naming what is missing', async () => {
    await assert.rejects(startService({ PORT: '0' }), /MASKINPORTEN_URL is not set[\s\S]*PDP_URL is not set[\s\S]*CLIENT_ID is not set[\s\S]*PRIVATE_KEY_JWK is not set/);
  });
});
