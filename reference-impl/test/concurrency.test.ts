// Concurrency of the reference's state-changing endpoints (issue 7 part 3): the app listens on
// 127.0.0.1 and gets 100 truly concurrent HTTP requests (undici, 100 connections, Promise.all):
//   - 100 approvals of the same system user request: exactly one 200, 99 × 409 AUTH-00013, one system
//     user, its package and right granted once;
//   - 100 creations of a request with the same key (systemId, partyOrgNo, externalRef): one 201, 99 × 200
//     with the same id, one request stored;
//   - 100 additions of the same client to an agent system user: all 200 (idempotent), one delegation;
//   - 100 additions of 100 different clients: all 200, all 100 delegated afterwards.
// Node runs one handler at a time, but a handler that awaits between its check and its write can still
// lose an update or let two requests past the same check. Each burst uses tokens the server has not
// seen, so every request waits in the token check and the whole burst is in flight at the server at
// once (counted with hooks, asserted >= N/2). The final state (read back over HTTP, ids normalised)
// and the multiset of answers are compared with a serial run of the same requests on a fresh app.
// (Seen to fail: an `await` put between the status check and the write in approve gave 1 × 200 and
// 98 × 400 AUTH-00004; one between the key lookup and the insert in create gave 100 × 201.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Pool } from 'undici';
import { buildApp } from '../src/app.ts';

const N = 100;

/** `count` synthetic org numbers (mod 11) from the 8-digit base `from` on. */
function orgNos(from: number, count: number): string[] {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const out: string[] = [];
  for (let n = from; out.length < count; n++) {
    const digits = [...String(n)].map(Number);
    const rest = weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) out.push(`${n}${check}`);
  }
  return out;
}

// VENDOR makes the system; ACCOUNTANT owns both system users and holds REGN in every client.
const [VENDOR, ACCOUNTANT, SKATTEETATEN] = orgNos(31200000, 3) as [string, string, string];
const CLIENTS = orgNos(31300000, N);
const DAGL = '01818520030'; // daglig leder of ACCOUNTANT (Tenor: month + 80)
const SYSTEM_ID = `${VENDOR}_samtidig`;
const RESOURCE = 'samsvar-mva-rapportering';
const STANDARD_PACKAGE = 'merverdiavgift';
const AGENT_PACKAGE = 'regnskapsforer-med-signeringsrettighet';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const ISO = 'iso6523-actorid-upis';
const AUTH = '/authentication/api/v1';

interface Answer { status: number; body: string }

/** One listening app with its world and a pool of N connections. */
interface World {
  app: FastifyInstance;
  pool: Pool;
  vendor: string;
  /**
   * New tokens for a burst. The reference caches a token once verified, so with a token it has seen the
   * requests of a burst would pass the token check without ever waiting, and the server would serve them
   * one at a time; with a new one all of them wait for the signature check together, as load would have it.
   */
  fresh(): Promise<{ vendor: string; person: string }>;
  person: string;
  party: Record<string, { partyId: number; partyUuid: string }>;
  agentId: string;
  /** The most requests the server had in flight at once since the last reset. */
  inFlight: { now: number; max: number };
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  // Requests between arrival and answer, to show that a burst is really in flight at once.
  const inFlight = { now: 0, max: 0 };
  app.addHook('onRequest', async () => { inFlight.max = Math.max(inFlight.max, ++inFlight.now); });
  app.addHook('onResponse', async () => { inFlight.now--; });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections: N, pipelining: 1 });
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown): Promise<Answer> => {
    const res = await pool.request({
      method, path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.statusCode, body: await res.body.text() };
  };
  const ok = async (answer: Promise<Answer>, what: string): Promise<Answer> => {
    const a = await answer;
    assert.ok(a.status < 300, `set-up ${what}: ${a.status} ${a.body}`);
    return a;
  };
  const close = async () => {
    await pool.close();
    await app.close();
  };
  try {
    return { app, pool, call, close, inFlight, ...(await populate(call, ok)) };
  } catch (error) {
    await close(); // a failed set-up must not leave the server listening (the test process would hang)
    throw error;
  }
}

type Call = World['call'];

/** The parties, the system and the agent system user, made over HTTP. */
async function populate(call: Call, ok: (answer: Promise<Answer>, what: string) => Promise<Answer>): Promise<Omit<World, 'app' | 'pool' | 'call' | 'close' | 'inFlight'>> {
  const td = (path: string, body: unknown) => ok(call('POST', `/testdata/api/v1${path}`, '', body), path);
  const party: World['party'] = {};
  for (const [orgNo, name, orgForm] of [[VENDOR, 'Leverandør AS', 'AS'], [ACCOUNTANT, 'Regnskap AS', 'AS'], [SKATTEETATEN, 'Skatteetaten', 'ORGL']] as const) {
    party[orgNo] = JSON.parse((await td('/organisations', { orgNo, name, orgForm })).body);
  }
  for (const [i, orgNo] of CLIENTS.entries()) {
    party[orgNo] = JSON.parse((await td('/organisations', { orgNo, name: `Klient ${i} AS`, orgForm: 'AS' })).body);
    await td('/roles', { orgNo, role: 'REGN', holder: { orgNo: ACCOUNTANT } });
  }
  await td('/persons', { pid: DAGL, name: 'Anne Regnskap' });
  await td('/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: DAGL } });
  await ok(call('PUT', `/testdata/api/v1/resources/${RESOURCE}`, '', {
    title: { nb: 'MVA-rapportering' }, resourceType: 'GenericAccessResource', hasCompetentAuthority: { organization: SKATTEETATEN, orgcode: 'skd' },
    policy: { rules: [{ subjects: [PKG(STANDARD_PACKAGE)], actions: ['read', 'write'] }] },
  }), 'resource');
  const fresh = async () => {
    const minted = await td('/maskinporten/tokens', {
      claims: {
        scope: 'altinn:authentication/systemregister.write altinn:authentication/systemuser.request.write altinn:authentication/systemuser.request.read',
        client_id: 'samtidig', consumer: { authority: ISO, ID: `0192:${VENDOR}` },
      },
    });
    const login = await ok(call('POST', '/idporten/api/v1/testlogin', '', { pid: DAGL, scope: 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write' }), 'login');
    return { vendor: (JSON.parse(minted.body) as { access_token: string }).access_token, person: (JSON.parse(login.body) as { access_token: string }).access_token };
  };
  const { vendor, person } = await fresh();
  await ok(call('POST', `${AUTH}/systemregister/vendor`, vendor, {
    id: SYSTEM_ID, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'Samtidig' }, description: { nb: 'Samtidighet' },
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }],
    accessPackages: [{ urn: PKG(STANDARD_PACKAGE) }, { urn: PKG(AGENT_PACKAGE) }], clientId: ['samtidig'], isVisible: false,
  }), 'system');
  // The agent system user the client scenarios use (made and approved serially).
  const agent = await ok(call('POST', `${AUTH}/systemuser/request/vendor/agent`, vendor, {
    systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, externalRef: 'agent', accessPackages: [{ urn: PKG(AGENT_PACKAGE) }],
  }), 'agent request');
  const agentId = (JSON.parse(agent.body) as { id: string }).id;
  await ok(call('POST', `${AUTH}/systemuser/request/agent/${party[ACCOUNTANT]!.partyId}/${agentId}/approve`, person), 'agent approval');
  // Open all N connections before the bursts, so the requests of a burst are in flight together.
  await Promise.all(Array.from({ length: N }, () => call('GET', '/health', '')));
  return { vendor, person, fresh, party, agentId };
}

/** Runs the requests all at once, or one after the other; records the most the server had in flight. */
async function run(w: World, requests: Array<() => Promise<Answer>>, mode: 'concurrent' | 'serial', peaks: number[]): Promise<Answer[]> {
  w.inFlight.max = 0;
  let answers: Answer[] = [];
  if (mode === 'concurrent') answers = await Promise.all(requests.map((r) => r()));
  else for (const r of requests) answers.push(await r());
  peaks.push(w.inFlight.max);
  return answers;
}

/** How many of each status, e.g. {200: 1, 409: 99}. */
function tally(answers: Answer[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

interface Outcome {
  answers: Record<string, Record<number, number>>;
  state: unknown;
  details: { approvals: Answer[]; creations: Answer[]; sameClient: Answer[]; manyClients: Answer[]; requestId: string; peaks: number[] };
}

/** The four scenarios, concurrent or serial, and the final state read back over HTTP. */
async function scenarios(mode: 'concurrent' | 'serial'): Promise<Outcome> {
  const w = await world();
  try {
    const accountant = w.party[ACCOUNTANT]!;
    const standardBody = {
      systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, externalRef: 'standard',
      rights: [{ resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }], accessPackages: [{ urn: PKG(STANDARD_PACKAGE) }],
    };
    // 1. N creations of a request with the same key.
    const peaks: number[] = [];
    let tokens = await w.fresh();
    const creations = await run(w, Array.from({ length: N }, () => () => w.call('POST', `${AUTH}/systemuser/request/vendor`, tokens.vendor, standardBody)), mode, peaks);
    const requestId = (JSON.parse(creations.find((a) => a.status === 201)?.body ?? '{}') as { id?: string }).id ?? '';
    // 2. N approvals of that request.
    tokens = await w.fresh();
    const approvals = await run(w, Array.from({ length: N }, () => () => w.call('POST', `${AUTH}/systemuser/request/${accountant.partyId}/${requestId}/approve`, tokens.person)), mode, peaks);
    // 3. N additions of the same client; 4. N additions of N different clients.
    const add = (orgNo: string) => () => w.call('POST', `${AUTH}/enduser/systemuser/clients?agent=${w.agentId}&client=${w.party[orgNo]!.partyUuid}`, tokens.person);
    tokens = await w.fresh();
    const sameClient = await run(w, Array.from({ length: N }, () => add(CLIENTS[0]!)), mode, peaks);
    tokens = await w.fresh();
    const manyClients = await run(w, CLIENTS.map((orgNo) => add(orgNo)), mode, peaks);

    // The final state, with the ids each app made replaced by names.
    const read = async (path: string, token: string) => {
      const a = await w.call('GET', path, token);
      assert.equal(a.status, 200, `${path}: ${a.status} ${a.body}`);
      return JSON.parse(a.body) as unknown;
    };
    const names = new Map<string, string>([[requestId, '<standard>'], [w.agentId, '<agent>']]);
    for (const [orgNo, p] of Object.entries(w.party)) names.set(p.partyUuid, `<party ${orgNo}>`);
    const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => {
      if (typeof v === 'string') return names.get(v) ?? names.get(v.toLowerCase()) ?? v;
      if (['created', 'lastChanged', 'changed', 'traceId'].includes(key)) return '<time>';
      return v;
    }));
    const requests = await read(`${AUTH}/systemuser/request/vendor/bysystem/${SYSTEM_ID}`, w.vendor) as { data: Array<Record<string, unknown>> };
    const systemUsers = await read(`${AUTH}/systemuser/${accountant.partyId}`, w.person) as Array<Record<string, unknown>>;
    const packages = (await read(`/accessmanagement/api/v1/enduser/connections/accesspackages?party=${accountant.partyUuid}&from=${accountant.partyUuid}&to=${requestId}`, w.person) as { data: unknown[] }).data;
    const clients = await read(`${AUTH}/enduser/systemuser/clients?agent=${w.agentId}`, w.person) as { data: Array<{ clientOrganizationNumber: string }> };
    const state = normalise({
      requests: requests.data.map((r) => ({ id: r.id, status: r.status, externalRef: r.externalRef, partyOrgNo: r.partyOrgNo })),
      systemUsers: systemUsers.map((u) => ({ id: u.id, accessPackages: u.accessPackages, externalRef: u.externalRef })),
      rights: (await read(`${AUTH}/systemuser/${accountant.partyId}/${requestId}`, w.person) as { rights: unknown[] }).rights,
      packages,
      clients: clients.data.map((c) => c.clientOrganizationNumber).sort(),
    });
    return {
      answers: { creations: tally(creations), approvals: tally(approvals), sameClient: tally(sameClient), manyClients: tally(manyClients) },
      state,
      details: { approvals, creations, sameClient, manyClients, requestId, peaks },
    };
  } finally {
    await w.close();
  }
}

test(`${N} concurrent approvals, request creations and client additions: no lost update, the serial outcome`, { timeout: 120_000 }, async () => {
  const started = performance.now();
  const concurrent = await scenarios('concurrent');
  const concurrentMs = performance.now() - started;
  const serial = await scenarios('serial');
  const { approvals, creations, sameClient, manyClients, requestId, peaks } = concurrent.details;
  // The bursts were concurrent at the server, not only at the client (the serial run never has two).
  assert.ok(peaks.every((p) => p >= N / 2), `requests in flight at once per burst: ${peaks.join(', ')}`);
  assert.deepEqual(serial.details.peaks, [1, 1, 1, 1]);

  // Creations: one 201, the rest 200 with the same request.
  assert.deepEqual(tally(creations), { 201: 1, 200: N - 1 });
  for (const a of creations) assert.equal((JSON.parse(a.body) as { id: string }).id, requestId, `a creation answered another request: ${a.body}`);
  // Approvals: one 200 `true`, the rest 409 AUTH-00013.
  assert.deepEqual(tally(approvals), { 200: 1, 409: N - 1 });
  assert.equal(approvals.find((a) => a.status === 200)?.body, 'true');
  for (const a of approvals.filter((x) => x.status === 409)) assert.equal((JSON.parse(a.body) as { code: string }).code, 'AUTH-00013', a.body);
  // Client additions: all 200 {agent, client}.
  assert.deepEqual(tally(sameClient), { 200: N });
  assert.deepEqual(tally(manyClients), { 200: N });

  // The state: one request (Accepted), one system user, the package once, every client once.
  const state = concurrent.state as {
    requests: Array<{ status: string }>; systemUsers: Array<{ accessPackages: unknown[] }>; rights: unknown[];
    packages: Array<{ package: { urn: string }; permissions: unknown[] }>; clients: string[];
  };
  assert.deepEqual(state.requests.map((r) => r.status), ['Accepted'], JSON.stringify(state.requests));
  assert.equal(state.systemUsers.length, 1, JSON.stringify(state.systemUsers));
  assert.deepEqual(state.systemUsers[0]!.accessPackages, [{ urn: PKG(STANDARD_PACKAGE) }]);
  assert.equal(state.rights.length, 1, JSON.stringify(state.rights));
  assert.deepEqual(state.packages.map((p) => [p.package.urn, p.permissions.length]), [[PKG(STANDARD_PACKAGE), 1]], JSON.stringify(state.packages).slice(0, 2000));
  assert.deepEqual(state.clients, [...CLIENTS].sort());

  // The same as a serial run.
  assert.deepEqual(concurrent.answers, serial.answers);
  assert.deepEqual(concurrent.state, serial.state);
  console.log(`concurrency: ${4 * N} concurrent requests in 4 bursts of ${N} (${Math.round(concurrentMs)} ms with set-up; at most ${peaks.join('/')} in flight at the server): ` +
    `creations ${JSON.stringify(concurrent.answers.creations)}, approvals ${JSON.stringify(concurrent.answers.approvals)}, ` +
    `same client ${JSON.stringify(concurrent.answers.sameClient)}, ${N} clients ${JSON.stringify(concurrent.answers.manyClients)}; ` +
    `final state equals the serial run's (1 request, 1 system user, package granted once, ${state.clients.length} clients)`);
});
