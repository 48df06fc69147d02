// Streaming through the broker stand-in (issue 7 part 4), against the reference started as its own
// process with --data-dir pointing at a temporary directory this test inspects:
//   - an upload cut off midway (the socket destroyed after ~100 MB of a declared 1 GiB) leaves nothing
//     published: the transfer is Failed, the download is refused (403 BRO-00007), no file is left;
//   - a 1 GiB upload, generated on the fly (never held in the test's memory) with its MD5 computed while
//     generating, keeps the server process's memory growth (VmHWM during the upload minus VmRSS before,
//     from /proc/<pid>/status) under 100 MB; the download streams back with the same MD5.
// The world (a company's system user holding the broker resource as a single right, Kartverket as the
// resource's service owner and recipient) is built over HTTP as in broker.test.ts.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { startReference, type RunningReference } from '../../scripts/lib/reference-process.ts';

const GiB = 1024 * 1024 * 1024;
const MiB = 1024 * 1024;
const SIZE = GiB;
const CUT_AFTER = 100 * MiB;
const MAX_GROWTH = 100 * MiB;

const VENDOR = '310000019';
const COMPANY = '310000027';
const KARTVERKET = '310000051';
const DAGL = '01818510078';
const CLIENT_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const RESOURCE = 'samsvar-tinglysing-strom';
const ISO = 'iso6523-actorid-upis';
const API = '/broker/api/v1';

// ---- The payload: 1 GiB of deterministic bytes, one fresh 1 MiB chunk at a time ----------------------

const PATTERN = Buffer.alloc(MiB);
for (let i = 0; i < PATTERN.length; i++) PATTERN[i] = (i * 31 + (i >> 12)) % 251;

/** Chunk `i` of the payload: the pattern with the chunk number in its first bytes, so no two chunks are alike. */
function chunk(i: number): Buffer {
  const c = Buffer.allocUnsafe(MiB);
  PATTERN.copy(c);
  c.writeUInt32BE(i, 0);
  return c;
}

/** The payload as a stream of `size` bytes; `onChunk` sees each chunk as it goes out. */
function payload(size: number, onChunk: (c: Buffer) => void = () => {}): Readable {
  return Readable.from((function* () {
    for (let i = 0; i < size / MiB; i++) {
      const c = chunk(i);
      onChunk(c);
      yield c;
    }
  })(), { objectMode: false });
}

function md5Of(size: number): string {
  const hash = createHash('md5');
  for (let i = 0; i < size / MiB; i++) hash.update(chunk(i));
  return hash.digest('hex');
}

// ---- The reference process and the world ------------------------------------------------------------

let reference: RunningReference;
let dataDir: string;
let sender: string;
let recipient: string;

async function call(method: 'GET' | 'POST' | 'PUT', path: string, token?: string, body?: unknown): Promise<{ status: number; text: string; json: () => any }> {
  const res = await request(`${reference.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: () => JSON.parse(text) };
}

async function ok(answer: Promise<{ status: number; text: string; json: () => any }>, what: string) {
  const a = await answer;
  assert.ok(a.status < 300, `set-up ${what}: ${a.status} ${a.text}`);
  return a;
}

/** The server's memory figures from /proc/<pid>/status, in bytes. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the peak (VmHWM) to the current RSS (`clear_refs` 5), so the peak measured is the upload's own. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Every file under the data directory (the broker keeps its files in a directory of its own there). */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile());
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'samsvar-streaming-'));
  reference = await startReference({ extraArgs: ['--data-dir', dataDir] });
  const td = (method: 'POST' | 'PUT', path: string, body: unknown) => ok(call(method, `/testdata/api/v1${path}`, undefined, body), path);
  let companyParty = 0;
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [COMPANY, 'Kjøper AS'], [KARTVERKET, 'Kartverket (syntetisk)']] as const) {
    const res = await td('POST', '/organisations', { orgNo, name, orgForm: orgNo === KARTVERKET ? 'ORGL' : 'AS' });
    if (orgNo === COMPANY) companyParty = res.json().partyId;
  }
  await td('POST', '/persons', { pid: DAGL, name: 'Dagny Leder' });
  await td('POST', '/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: DAGL } });
  await td('PUT', `/resources/${RESOURCE}`, {
    title: { nb: 'Tinglysing (strømming)' }, resourceType: 'BrokerService', hasCompetentAuthority: { organization: KARTVERKET, orgcode: 'KV' },
    policy: { rules: [{ subjects: ['urn:altinn:accesspackage:tinglysing-eiendom'], actions: ['read', 'write'] }] },
  });
  const mp = async (scope: string, org: string, extra: Record<string, unknown> = {}) =>
    (await td('POST', '/maskinporten/tokens', { claims: { scope, client_id: CLIENT_ID, consumer: { authority: ISO, ID: `0192:${org}` }, ...extra } })).json().access_token as string;
  const right = { resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] };
  await ok(call('POST', '/authentication/api/v1/systemregister/vendor', await mp('altinn:authentication/systemregister.write', VENDOR), {
    id: `${VENDOR}_strom`, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'Strøm' }, description: { nb: 'Store filer' },
    rights: [right], accessPackages: [], clientId: [CLIENT_ID], allowedRedirectUrls: [], isVisible: true,
  }), 'system');
  const requested = await ok(call('POST', '/authentication/api/v1/systemuser/request/vendor', await mp('altinn:authentication/systemuser.request.write', VENDOR), {
    systemId: `${VENDOR}_strom`, partyOrgNo: COMPANY, rights: [right], accessPackages: [],
  }), 'request');
  const systemUserId = requested.json().id as string;
  const login = (await ok(call('POST', '/idporten/api/v1/testlogin', undefined, { pid: DAGL }), 'login')).json().access_token as string;
  await ok(call('POST', `/authentication/api/v1/systemuser/request/${companyParty}/${systemUserId}/approve`, login), 'approve');
  sender = await mp('altinn:broker.write altinn:broker.read', VENDOR, {
    authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [systemUserId], systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` }, system_id: `${VENDOR}_strom` }],
  });
  recipient = await mp('altinn:broker.read', KARTVERKET);
});

after(async () => {
  await reference?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function initialize(checksum: string | null): Promise<string> {
  const res = await call('POST', `${API}/filetransfer`, sender, {
    resourceId: RESOURCE, fileName: 'stor.bin', sendersFileTransferReference: 'strom', sender: `0192:${COMPANY}`,
    recipients: [`0192:${KARTVERKET}`], checksum,
  });
  assert.equal(res.status, 200, res.text);
  return res.json().fileTransferId as string;
}

async function overview(id: string): Promise<{ fileTransferStatus: string; published: string | null; fileTransferSize: number; checksum: string | null }> {
  const res = await call('GET', `${API}/filetransfer/${id}`, sender);
  assert.equal(res.status, 200, res.text);
  return res.json();
}

test('an upload cut off after ~100 MB leaves nothing published and no file behind', { timeout: 60_000 }, async () => {
  const id = await initialize(null);
  const { hostname, port } = new URL(reference.url);
  let sent = 0;
  await new Promise<void>((resolve) => {
    const req = httpRequest({
      host: hostname, port: Number(port), method: 'POST', path: `${API}/filetransfer/${id}/upload`,
      headers: { authorization: `Bearer ${sender}`, 'content-type': 'application/octet-stream', 'content-length': String(SIZE) },
    });
    req.on('error', () => resolve()); // the destroyed socket
    req.on('response', (res) => { res.resume(); resolve(); }); // an early answer would be a failure below
    let i = 0;
    const pump = () => {
      while (sent < CUT_AFTER) {
        const c = chunk(i++);
        sent += c.length;
        if (!req.write(c)) return void req.once('drain', pump);
      }
      // ~100 MB are on their way: cut the connection, as a client that dies mid-upload would.
      setTimeout(() => { req.destroy(); resolve(); }, 200);
    };
    pump();
  });
  // The server notices the broken stream: the transfer fails.
  let status = '';
  for (let i = 0; i < 200 && status !== 'Failed'; i++) {
    status = (await overview(id)).fileTransferStatus;
    if (status !== 'Failed') await new Promise((r) => setTimeout(r, 50));
  }
  const after = await overview(id);
  assert.equal(after.fileTransferStatus, 'Failed');
  assert.equal(after.published, null);
  const download = await call('GET', `${API}/filetransfer/${id}/download`, recipient);
  assert.equal(download.status, 403, download.text);
  assert.equal(download.json().code, 'BRO-00007');
  assert.deepEqual(filesIn(dataDir), [], 'the aborted upload left a file in the data directory');
  console.log(`streaming: upload cut off after ${(sent / MiB).toFixed(0)} MB: status ${after.fileTransferStatus}, download 403 BRO-00007, data directory empty`);
});

test('a 1 GiB upload keeps the server\'s memory growth under 100 MB, and downloads with the same MD5', { timeout: 120_000 }, async () => {
  const pid = reference.process.pid!;
  let started = performance.now();
  const expected = md5Of(SIZE);
  const md5Ms = performance.now() - started;
  const id = await initialize(expected);

  const peakReset = resetPeak(pid);
  const beforeUpload = memory(pid);
  started = performance.now();
  const hash = createHash('md5');
  const res = await request(`${reference.url}${API}/filetransfer/${id}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sender}`, 'content-type': 'application/octet-stream', 'content-length': String(SIZE) },
    body: payload(SIZE, (c) => hash.update(c)),
  });
  const answer = await res.body.text();
  const uploadMs = performance.now() - started;
  const afterUpload = memory(pid);
  assert.equal(res.statusCode, 200, answer);
  assert.equal(hash.digest('hex'), expected, 'the stream sent is not the payload hashed beforehand');
  const growth = afterUpload.hwm - beforeUpload.rss;

  const published = await overview(id);
  assert.equal(published.fileTransferStatus, 'Published');
  assert.equal(published.fileTransferSize, SIZE);
  assert.equal(published.checksum, expected);

  started = performance.now();
  const download = await request(`${reference.url}${API}/filetransfer/${id}/download`, { headers: { authorization: `Bearer ${recipient}` } });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-length'], String(SIZE));
  const back = createHash('md5');
  let received = 0;
  for await (const part of download.body) {
    back.update(part as Buffer);
    received += (part as Buffer).length;
  }
  const downloadMs = performance.now() - started;
  const afterDownload = memory(pid);
  assert.equal(received, SIZE);
  assert.equal(back.digest('hex'), expected, 'the download differs from the upload');

  const mb = (bytes: number) => (bytes / MiB).toFixed(1);
  console.log(`streaming: 1 GiB upload in ${(uploadMs / 1000).toFixed(1)} s (${(SIZE / MiB / (uploadMs / 1000)).toFixed(0)} MB/s), ` +
    `download + MD5 in ${(downloadMs / 1000).toFixed(1)} s, MD5 beforehand ${(md5Ms / 1000).toFixed(1)} s; server VmRSS before ${mb(beforeUpload.rss)} MB, ` +
    `VmHWM after the upload ${mb(afterUpload.hwm)} MB (peak ${peakReset ? 'reset before the upload' : 'since start'}): growth ${mb(growth)} MB ` +
    `(limit ${mb(MAX_GROWTH)} MB); VmHWM after the download ${mb(afterDownload.hwm)} MB`);
  assert.ok(growth < MAX_GROWTH, `the server grew by ${mb(growth)} MB during a 1 GiB upload`);
  assert.ok(afterDownload.hwm - beforeUpload.rss < MAX_GROWTH, `the server grew by ${mb(afterDownload.hwm - beforeUpload.rss)} MB by the end of the download`);
});
