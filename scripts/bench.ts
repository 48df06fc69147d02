// `npm run bench`: speed figures of the reference implementation and the suite, measured in one
// run on this machine, each printed with its goal beside it. Load comes from autocannon; every
// server runs as its own process, on loopback only, and every loop is bounded in count and time.
//
//   1. token endpoint: tokens/s against the crypto ceiling (RSA sign + verify per second, same run)
//   2. PDP: decisions/s against a bare Fastify route (same run)
//   3. suite overhead: conformance wall time / plain replay of the same HTTP exchanges
//   4. parallel speed-up: 2 cucumber workers over 1
//   5. reference start time
//
// Options: --quick (shorter load phases), --skip-suite (figures 1, 2 and 5 only).

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { request } from 'undici';
import { startReference } from './lib/reference-process.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
const skipSuite = process.argv.includes('--skip-suite');
const LOAD_SECONDS = quick ? 3 : 6;

interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean;
  detail: string;
}
const figures: Figure[] = [];

function report(f: Figure): void {
  figures.push(f);
  console.log(`  ${f.met ? 'OK  ' : 'MISS'} ${f.name}: ${f.value.toFixed(2)} ${f.unit} (mål ${f.goal}) — ${f.detail}`);
}

async function json(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const r = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.body.text();
  return { status: r.statusCode, body: text ? JSON.parse(text) : undefined };
}

function orgNo(prefix: string): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (let i = 0; i < 1000; i++) {
    const base = `${prefix}${String(Math.floor(Math.random() * 10 ** (8 - prefix.length))).padStart(8 - prefix.length, '0')}`;
    const rest = weights.reduce((a, w, j) => a + w * Number(base[j]), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return `${base}${check}`;
  }
  throw new Error('no org number');
}

/** RSA-2048 sign + verify per second, single thread: the ceiling of a token endpoint that verifies a grant and signs a token. */
async function cryptoCeiling(): Promise<number> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const deadline = performance.now() + (quick ? 1500 : 3000);
  let n = 0;
  const started = performance.now();
  while (performance.now() < deadline && n < 100_000) {
    const jwt = await new SignJWT({ scope: 'x', n }).setProtectedHeader({ alg: 'RS256' }).setIssuedAt().setExpirationTime('2m').sign(privateKey);
    await jwtVerify(jwt, publicKey);
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

async function tokenEndpoint(base: string): Promise<void> {
  const ceiling = await cryptoCeiling();
  const vendor = orgNo('31');
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `bench-${randomUUID()}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const scope = 'altinn:authentication/systemregister.write';
  if ((await json('POST', `${base}/testdata/api/v1/organisations`, { orgNo: vendor, name: 'Bench AS', orgForm: 'AS' })).status >= 300) throw new Error('bench org');
  const client = await json('POST', `${base}/testdata/api/v1/maskinporten/clients`, { orgNo: vendor, scopes: [scope], jwks: { keys: [jwk] } });
  if (client.status !== 201) throw new Error(`bench client: ${JSON.stringify(client.body)}`);
  const meta = await json('GET', `${base}/maskinporten/.well-known/oauth-authorization-server`);
  // Grants are signed before the load (so the bench process's own signing does not compete with the
  // server), with iat a few seconds ahead so all of them stay within Maskinporten's ±10 s window.
  const count = Math.ceil(Math.max(ceiling, 200) * LOAD_SECONDS * 1.2);
  const iat = Math.floor(Date.now() / 1000) + Math.min(8, Math.ceil(count / Math.max(ceiling, 1)) + 2);
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const grant = await new SignJWT({ scope })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(client.body.clientId)
      .setAudience(meta.body.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 100)
      .setJti(randomUUID())
      .sign(privateKey);
    bodies.push(`grant_type=${encodeURIComponent('urn:ietf:params:oauth:grant-type:jwt-bearer')}&assertion=${grant}`);
  }
  let next = 0;
  const result = await autocannon({
    url: `${base}/maskinporten/token`,
    connections: 8,
    duration: LOAD_SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] ?? '' }),
      },
    ],
  });
  const ok = result['2xx'];
  const rate = ok / (result.duration || LOAD_SECONDS);
  const share = rate / ceiling;
  report({
    name: 'Tokenendepunkt',
    value: rate,
    unit: 'token/s',
    goal: '≥ 60 % av kryptotaket',
    met: share >= 0.6 && result.non2xx === 0,
    detail: `${(share * 100).toFixed(0)} % av kryptotaket ${ceiling.toFixed(0)} sign+verify/s; ${ok} token, ${result.non2xx} ikke-2xx, ${result.errors} feil, p99 ${result.latency.p99} ms`,
  });
}

async function pdp(base: string): Promise<void> {
  const owner = orgNo('31');
  const party = orgNo('31');
  for (const o of [owner, party]) await json('POST', `${base}/testdata/api/v1/organisations`, { orgNo: o, name: 'Bench AS', orgForm: 'AS' });
  const resource = `bench-${randomUUID().slice(0, 8)}`;
  const put = await json('PUT', `${base}/testdata/api/v1/resources/${resource}`, {
    title: { nb: 'Bench' }, resourceType: 'GenericAccessResource',
    hasCompetentAuthority: { organization: owner, orgcode: 'bench' },
    policy: { rules: [{ subjects: ['urn:altinn:accesspackage:merverdiavgift'], actions: ['read', 'write'] }] },
  });
  if (put.status >= 300) throw new Error(`bench resource: ${JSON.stringify(put.body)}`);
  const minted = await json('POST', `${base}/testdata/api/v1/maskinporten/tokens`, {
    claims: { client_id: 'bench', scope: 'altinn:authorization/authorize', consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${owner}` } },
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  const body = JSON.stringify({
    Request: {
      AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:systemuser:uuid', Value: randomUUID() }] }],
      Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'write' }] }],
      Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: resource }, { AttributeId: 'urn:altinn:organization:identifier-no', Value: party }] }],
    },
  });
  const load = (url: string, headers: Record<string, string>) =>
    autocannon({ url, method: 'POST', connections: 10, duration: LOAD_SECONDS, headers: { 'content-type': 'application/json', ...headers }, body });
  const pdpRun = await load(`${base}/authorization/api/v1/authorize`, { authorization: `Bearer ${minted.body.access_token}` });
  const bare = await startReference({ script: 'scripts/lib/bare-server.ts' });
  let bareRun;
  try {
    bareRun = await load(`${bare.url}/decide`, {});
  } finally {
    await bare.stop();
  }
  const share = pdpRun.requests.average / bareRun.requests.average;
  report({
    name: 'PDP-beslutninger',
    value: pdpRun.requests.average,
    unit: 'beslutninger/s',
    goal: '≥ 50 % av en bar Fastify-rute',
    met: share >= 0.5 && pdpRun.non2xx === 0,
    detail: `${(share * 100).toFixed(0)} % av ${bareRun.requests.average.toFixed(0)} svar/s fra en bar rute; ${pdpRun.non2xx} ikke-2xx, p99 ${pdpRun.latency.p99} ms`,
  });
}

async function startTime(): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const ref = await startReference();
    samples.push(performance.now() - t0);
    await ref.stop();
  }
  const median = samples.sort((a, b) => a - b)[1]!;
  report({ name: 'Oppstart av referanseimplementasjonen', value: median / 1000, unit: 's', goal: '< 2 s', met: median < 2000, detail: `median av 3 (${samples.map((s) => (s / 1000).toFixed(2)).join(', ')} s), til URL-en er skrevet ut` });
}

function cucumber(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number }> {
  const t0 = performance.now();
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/@cucumber/cucumber/bin/cucumber.js'), ...args], { cwd: root, env, stdio: 'ignore' });
    child.once('exit', (code) => resolveRun({ ms: performance.now() - t0, code: code ?? 1 }));
  });
}

interface RecordedExchange {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

async function suite(): Promise<void> {
  const ref = await startReference();
  const reports = join(root, '.tmp/bench');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const recording = join(reports, 'exchanges.ndjson');
  const env = {
    ...process.env,
    SAMSVAR_TARGET: join(root, 'targets/referanse-ekstern.json'),
    SAMSVAR_REFERENCE_URL: ref.url,
    SAMSVAR_REPORTS_DIR: reports,
  };
  try {
    const serial = await cucumber([], { ...env, SAMSVAR_RECORD_EXCHANGES: recording });
    if (serial.code !== 0) throw new Error('the conformance run failed; fix it before benchmarking');
    if (!existsSync(recording)) throw new Error(`no exchanges were recorded to ${recording}`);
    const exchanges = readFileSync(recording, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RecordedExchange);
    const t0 = performance.now();
    for (const e of exchanges) {
      // undici sets the length of the body it sends (a streamed upload is recorded as a summary, not its bytes).
      const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = e.headers;
      const r = await request(e.url, { method: e.method as 'GET', headers, ...(e.body === undefined ? {} : { body: e.body }) });
      await r.body.dump();
    }
    const replayMs = performance.now() - t0;
    const ratio = serial.ms / replayMs;
    report({
      name: 'Suitens egenkostnad',
      value: ratio,
      unit: '× ren avspilling',
      goal: '≤ 2.0',
      met: ratio <= 2.0,
      detail: `samsvar-kjøring ${(serial.ms / 1000).toFixed(1)} s mot avspilling av de samme ${exchanges.length} HTTP-utvekslingene ${(replayMs / 1000).toFixed(1)} s`,
    });
    const one = await cucumber(['--parallel', '1'], env);
    const two = await cucumber(['--parallel', '2'], env);
    if (one.code !== 0 || two.code !== 0) throw new Error('a parallel conformance run failed');
    const speedup = one.ms / two.ms;
    report({
      name: 'Parallell speed-up',
      value: speedup,
      unit: '×',
      goal: '≥ 1.6',
      met: speedup >= 1.6,
      detail: `1 arbeider ${(one.ms / 1000).toFixed(1)} s, 2 arbeidere ${(two.ms / 1000).toFixed(1)} s`,
    });
  } finally {
    await ref.stop();
  }
}

console.log(`Samsvar bench — Node ${process.version}, ${(await import('node:os')).cpus().length} kjerner${quick ? ', --quick' : ''}`);
const ref = await startReference();
try {
  await tokenEndpoint(ref.url);
  await pdp(ref.url);
} finally {
  await ref.stop();
}
await startTime();
if (!skipSuite) await suite();

const missed = figures.filter((f) => !f.met);
console.log(`\nbench: ${figures.length - missed.length} av ${figures.length} mål nådd${missed.length ? ` (ikke nådd: ${missed.map((f) => f.name).join(', ')})` : ''}`);
