// Unit tests of the broker stand-in (docs/contracts/dialogporten-broker.md §B): a company's system user, holding
// the broker resource as a single right (enkeltrettighet), sends a tinglysning file to Kartverket, the
// resource's service owner, which downloads it (whole and by byte range) and confirms with its own
// Maskinporten token. Every refusal of §B.4 with its BRO code; a corrupted or aborted upload is never
// published. The world is built through the test data API and the real authentication endpoints.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const API = '/broker/api/v1';

// Synthetic org numbers (mod 11, starting with 3) and a Tenor national identity number.
const VENDOR = '310000019';
const COMPANY = '310000027';
const OTHER = '310000035';
const KARTVERKET = '310000051';
const DAGL = '01818510078';
const CLIENT_ID = '0b6c9f1e-2d3a-4b5c-8d7e-9f0a1b2c3d4e';

const TINGLYSING = 'samsvar-tinglysing-formidling';
const NOT_BROKER = 'samsvar-tinglysing-skjema';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const RIGHT = (resource: string) => ({ resource: [{ id: 'urn:altinn:resource', value: resource }] });

const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');

interface World {
  app: FastifyInstance;
  dataDir: string;
  /** The company's system user with the single right on the broker resource. */
  sender(scope?: string): Promise<string>;
  /** The company's system user of a system without that right (it holds an unrelated package only). */
  senderWithoutRight(): Promise<string>;
  /** A plain Maskinporten token for `org` (no system user). */
  mp(scope: string, org: string): Promise<string>;
  close(): Promise<void>;
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), 'samsvar-broker-test-'));
  const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false, dataDir });
  await app.ready();
  const td = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object }).then((r) => ok(r, `test data ${url}`));
  let companyParty = 0;
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [COMPANY, 'Kjøper AS'], [OTHER, 'Annen AS'], [KARTVERKET, 'Kartverket (syntetisk)']] as const) {
    const res = await td('POST', '/organisations', { orgNo, name, orgForm: orgNo === KARTVERKET ? 'ORGL' : 'AS' });
    if (orgNo === COMPANY) companyParty = (res.json() as { partyId: number }).partyId;
  }
  await td('POST', '/persons', { pid: DAGL, name: 'Dagny Leder' });
  await td('POST', '/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: DAGL } });
  // Kartverket's broker resource: a BrokerService it is the competent authority of; its policy lets
  // holders of the tinglysing package read and write (what a general manager may delegate onwards).
  for (const [identifier, resourceType] of [[TINGLYSING, 'BrokerService'], [NOT_BROKER, 'GenericAccessResource']] as const) {
    await td('PUT', `/resources/${identifier}`, {
      title: { nb: identifier }, resourceType, hasCompetentAuthority: { organization: KARTVERKET, orgcode: 'KV' },
      policy: { rules: [{ subjects: [PKG('tinglysing-eiendom')], actions: ['read', 'write'] }] },
    });
  }
  const mp = async (scope: string, org: string, extra: Record<string, unknown> = {}) => {
    const res = await td('POST', '/maskinporten/tokens', {
      claims: { scope, client_id: CLIENT_ID, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` }, ...extra },
    });
    return (res.json() as { access_token: string }).access_token;
  };
  const auth = (url: string, token: string, payload?: unknown) =>
    app.inject({ method: 'POST', url: `/authentication/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });
  const login = (await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: DAGL } })).json() as { access_token: string };
  /** Registers a system and has the company's general manager approve a system user for it. */
  const systemUser = async (name: string, clientId: string, grants: { rights: unknown[]; accessPackages: unknown[] }) => {
    await ok(await auth('/systemregister/vendor', await mp('altinn:authentication/systemregister.write', VENDOR), {
      id: `${VENDOR}_${name}`, vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
      name: { nb: name, nn: name, en: name }, description: { nb: 'x', nn: 'x', en: 'x' },
      ...grants, clientId: [clientId], allowedRedirectUrls: [], isVisible: true,
    }), `register ${name}`);
    const request = await ok(await auth('/systemuser/request/vendor', await mp('altinn:authentication/systemuser.request.write', VENDOR), {
      systemId: `${VENDOR}_${name}`, partyOrgNo: COMPANY, ...grants,
    }), `request ${name}`);
    const id = (request.json() as { id: string }).id;
    await ok(await auth(`/systemuser/request/${companyParty}/${id}/approve`, login.access_token), `approve ${name}`);
    return { id, systemId: `${VENDOR}_${name}` };
  };
  const withRight = await systemUser('tinglysing', CLIENT_ID, { rights: [RIGHT(TINGLYSING), RIGHT(NOT_BROKER)], accessPackages: [] });
  const withoutRight = await systemUser('regnskap', randomUUID(), { rights: [], accessPackages: [{ urn: PKG('merverdiavgift') }] });
  const systemUserToken = (su: { id: string; systemId: string }, scope: string) => mp(scope, VENDOR, {
    authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [su.id], systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${COMPANY}` }, system_id: su.systemId }],
  });
  return {
    app,
    dataDir,
    sender: (scope = 'altinn:broker.write altinn:broker.read') => systemUserToken(withRight, scope),
    senderWithoutRight: () => systemUserToken(withoutRight, 'altinn:broker.write altinn:broker.read'),
    mp: (scope, org) => mp(scope, org),
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function call(w: World, method: 'GET' | 'POST', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) {
  return w.app.inject({
    method, url: `${API}${url}`,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

function initBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceId: TINGLYSING,
    fileName: 'tinglysing.zip',
    sendersFileTransferReference: 'forsendelse-1',
    sender: `0192:${COMPANY}`,
    recipients: [`0192:${KARTVERKET}`],
    propertyList: { operation: 'sendTilTinglysing' },
    ...overrides,
  };
}

async function initialize(w: World, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(w, 'POST', '/filetransfer', await w.sender(), initBody(overrides));
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { fileTransferId: string }).fileTransferId;
}

function uploadRaw(w: World, id: string, token: string, content: Buffer | Readable, contentType = 'application/octet-stream') {
  return w.app.inject({ method: 'POST', url: `${API}/filetransfer/${id}/upload`, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: content });
}

/** Asserts a BRO problem (docs/contracts/dialogporten-broker.md §B.5): status, code, the RFC 9110 type and the title. */
function assertBro(res: LightMyRequestResponse, status: number, number: number): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, `BRO-${String(number).padStart(5, '0')}`);
  assert.equal(body.status, status);
  assert.match(String(body.type), /^https:\/\/tools\.ietf\.org\/html\/rfc9110#section-15\.\d\.\d+$/);
  assert.equal(typeof body.detail, 'string');
  assert.equal(typeof body.traceId, 'string');
  return body;
}

/** Asserts an ASP.NET ValidationProblemDetails with these `errors` keys. */
function assertValidation(res: LightMyRequestResponse, keys: string[]): Record<string, string[]> {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json() as { title: string; errors: Record<string, string[]>; type: string };
  assert.equal(body.title, 'Bad Request');
  assert.equal(body.type, 'https://tools.ietf.org/html/rfc9110#section-15.5.1');
  assert.deepEqual(Object.keys(body.errors).sort(), [...keys].sort());
  return body.errors;
}

function overviewOf(w: World, id: string, token: string): Promise<Record<string, unknown>> {
  return call(w, 'GET', `/filetransfer/${id}`, token).then((r) => {
    assert.equal(r.statusCode, 200, r.body);
    return r.json() as Record<string, unknown>;
  });
}

/** The files in the app's data directory (content `.bin`, staging `.part`). */
async function filesOnDisk(w: World): Promise<string[]> {
  const [dir] = await readdir(w.dataDir);
  return dir ? readdir(join(w.dataDir, dir)) : [];
}

function multipart(fields: Array<[string, string]>, file?: { name: string; content: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----samsvar${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="tinglysing.zip"\r\nContent-Type: application/zip\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------------------------
describe('send, download and confirm (docs/contracts/dialogporten-broker.md §B.1–§B.4)', () => {
  test('the company\'s system user sends; Kartverket downloads whole and by range, and confirms', async () => {
    const w = await world();
    try {
      const content = Buffer.from('<innsending>tinglysing av skjøte</innsending>\n'.repeat(100));
      const checksum = md5(content);
      const id = await initialize(w, { checksum, FileName: undefined, fileName: undefined, FILENAME: 'skjøte «1».zip' });
      const sender = await w.sender();
      const kartverket = await w.mp('altinn:broker.read', KARTVERKET);
      let overview = await overviewOf(w, id, sender);
      assert.equal(overview.fileTransferStatus, 'Initialized');
      assert.equal(overview.fileTransferStatusText, 'Ready for upload');
      assert.equal(overview.published, null);
      // Not published: the recipient cannot download yet, nor confirm.
      assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, kartverket), 403, 7);
      assertBro(await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket), 400, 3);

      const uploaded = await uploadRaw(w, id, sender, content);
      assert.equal(uploaded.statusCode, 200, uploaded.body);
      assert.deepEqual(uploaded.json(), { fileTransferId: id });
      overview = await overviewOf(w, id, kartverket);
      assert.deepEqual(Object.keys(overview).sort(), [
        'checksum', 'created', 'expirationTime', 'fileName', 'fileTransferId', 'fileTransferSize', 'fileTransferStatus', 'fileTransferStatusChanged',
        'fileTransferStatusText', 'propertyList', 'published', 'recipients', 'resourceId', 'sender', 'sendersFileTransferReference', 'useVirusScan',
      ]);
      assert.equal(overview.fileTransferStatus, 'Published');
      assert.equal(overview.fileTransferStatusText, 'Ready for download');
      assert.equal(overview.fileTransferSize, content.length);
      assert.equal(overview.checksum, checksum);
      assert.equal(overview.fileName, 'skjøte «1».zip');
      assert.equal(overview.sender, `0192:${COMPANY}`);
      assert.equal(overview.resourceId, TINGLYSING);
      assert.deepEqual(overview.propertyList, { operation: 'sendTilTinglysing' });
      assert.equal(typeof overview.published, 'string');

      // Kartverket lists what it has received.
      const listed = await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}&role=Recipient&status=Published`, await w.mp('altinn:broker.read', KARTVERKET));
      assert.equal(listed.statusCode, 200, listed.body);
      assert.deepEqual(listed.json(), [id]);

      const whole = await call(w, 'GET', `/filetransfer/${id}/download`, kartverket);
      assert.equal(whole.statusCode, 200, whole.body);
      assert.equal(whole.headers['content-type'], 'application/octet-stream');
      assert.equal(whole.headers['accept-ranges'], 'bytes');
      assert.equal(whole.headers['content-length'], String(content.length));
      assert.equal(whole.headers['content-disposition'], "attachment; filename=\"skj_te _1_.zip\"; filename*=UTF-8''skj%C3%B8te%20%C2%AB1%C2%BB.zip");
      assert.ok(whole.rawPayload.equals(content));
      assert.equal(md5(whole.rawPayload), checksum);

      const part = await call(w, 'GET', `/filetransfer/${id}/download`, kartverket, undefined, { range: 'bytes=1-10' });
      assert.equal(part.statusCode, 206);
      assert.equal(part.headers['content-range'], `bytes 1-10/${content.length}`);
      assert.ok(part.rawPayload.equals(content.subarray(1, 11)));
      const suffix = await call(w, 'GET', `/filetransfer/${id}/download`, kartverket, undefined, { range: 'bytes=-4' });
      assert.equal(suffix.statusCode, 206);
      assert.ok(suffix.rawPayload.equals(content.subarray(content.length - 4)));
      const beyond = assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, kartverket, undefined, { range: `bytes=${content.length}-` }), 416, 29);
      assert.equal(beyond.title, 'Range Not Satisfiable');

      const confirmed = await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket);
      assert.equal(confirmed.statusCode, 204, confirmed.body);
      assert.equal(confirmed.body, '');
      const details = (await call(w, 'GET', `/filetransfer/${id}/details`, sender)).json() as Record<string, unknown>;
      assert.equal(details.fileTransferStatus, 'AllConfirmedDownloaded');
      assert.equal('published' in details, false);
      assert.deepEqual((details.fileTransferStatusHistory as Array<{ fileTransferStatus: string }>).map((e) => e.fileTransferStatus),
        ['Initialized', 'UploadStarted', 'UploadProcessing', 'Published', 'AllConfirmedDownloaded']);
      assert.deepEqual((details.recipientFileTransferStatusHistory as Array<{ recipientFileTransferStatusCode: string; recipient: string }>).map((e) => `${e.recipient} ${e.recipientFileTransferStatusCode}`),
        [`0192:${KARTVERKET} Initialized`, `0192:${KARTVERKET} DownloadStarted`, `0192:${KARTVERKET} DownloadConfirmed`]);
      assert.deepEqual((details.recipients as Array<Record<string, unknown>>)[0]?.currentRecipientFileTransferStatusText, 'Recipient has downloaded fileTransfer');
      // §B.4 order: once all have confirmed the status is no longer Published: 400 BRO-00010.
      assertBro(await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket), 400, 10);
      // Still downloadable after confirmation.
      assert.equal((await call(w, 'GET', `/filetransfer/${id}/download`, kartverket)).statusCode, 200);
      // The PDP decided for Kartverket as an organisation.
      const decisions = (await w.app.inject({ url: `/testdata/api/v1/decisions?resource=${TINGLYSING}` })).json() as Array<{ subject: Record<string, string>; decision: string; action: string }>;
      assert.ok(decisions.some((d) => d.subject['urn:altinn:organization:identifier-no'] === KARTVERKET && d.action === 'read' && d.decision === 'Permit'));
    } finally {
      await w.close();
    }
  });

  test('without a checksum the MD5 of the content is kept; without virus scan no UploadProcessing; two recipients', async () => {
    const w = await world();
    try {
      const id = await initialize(w, { checksum: null, disableVirusScan: true, recipients: [`0192:${KARTVERKET}`, `urn:altinn:organization:identifier-no:${OTHER}`] });
      const content = Buffer.from('abc');
      assert.equal((await uploadRaw(w, id, await w.sender(), content)).statusCode, 200);
      const details = (await call(w, 'GET', `/filetransfer/${id}/details`, await w.sender())).json() as Record<string, unknown>;
      assert.equal(details.checksum, md5(content));
      assert.equal(details.useVirusScan, false);
      assert.deepEqual((details.recipients as Array<{ recipient: string }>).map((r) => r.recipient), [`0192:${KARTVERKET}`, `0192:${OTHER}`]);
      assert.deepEqual((details.fileTransferStatusHistory as Array<{ fileTransferStatus: string }>).map((e) => e.fileTransferStatus), ['Initialized', 'UploadStarted', 'Published']);
      // Kartverket confirms first: Published until every recipient has confirmed.
      const kartverket = await w.mp('altinn:broker.read', KARTVERKET);
      assertBro(await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket), 400, 19);
      assert.equal((await call(w, 'GET', `/filetransfer/${id}/download`, kartverket)).statusCode, 200);
      assert.equal((await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket)).statusCode, 204);
      assert.equal((await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket)).statusCode, 204, 'confirming twice is idempotent while Published');
      assert.equal((await overviewOf(w, id, kartverket)).fileTransferStatus, 'Published');
      // The other recipient is no service owner of the resource: its plain Maskinporten token is refused by the PDP.
      assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, await w.mp('altinn:broker.read', OTHER)), 401, 6);
    } finally {
      await w.close();
    }
  });

  test('initialize and upload in one multipart request; the parts may come in any order', async () => {
    const w = await world();
    try {
      const content = Buffer.from('PK\u0003\u0004 zip-innhold');
      const form = multipart([
        ['Metadata.FileName', 'tinglysing.zip'], ['Metadata.ResourceId', `urn:altinn:resource:${TINGLYSING}`], ['Metadata.Sender', `0192:${COMPANY}`],
        ['Metadata.Recipients', `0192:${KARTVERKET}`], ['Metadata.Checksum', md5(content)], ['Metadata.PropertyList[operation]', 'valider'],
      ], { name: 'FileTransfer', content });
      const res = await w.app.inject({ method: 'POST', url: `${API}/filetransfer/upload`, headers: { authorization: `Bearer ${await w.sender()}`, 'content-type': form.contentType }, payload: form.body });
      assert.equal(res.statusCode, 200, res.body);
      const id = (res.json() as { fileTransferId: string }).fileTransferId;
      const overview = await overviewOf(w, id, await w.sender());
      assert.equal(overview.fileTransferStatus, 'Published');
      assert.deepEqual(overview.propertyList, { operation: 'valider' });
      assert.equal(overview.resourceId, TINGLYSING);
      const download = await call(w, 'GET', `/filetransfer/${id}/download`, await w.mp('altinn:broker.read', KARTVERKET));
      assert.ok(download.rawPayload.equals(content));

      // A corrupted multipart upload: the transfer exists, Failed, and nothing is published.
      const bad = multipart([['metadata.filename', 'x.zip'], ['metadata.resourceid', TINGLYSING], ['metadata.sender', `0192:${COMPANY}`], ['metadata.recipients', `0192:${KARTVERKET}`], ['metadata.checksum', md5('annet innhold')]], { name: 'FileTransfer', content });
      const failed = await w.app.inject({ method: 'POST', url: `${API}/filetransfer/upload`, headers: { authorization: `Bearer ${await w.sender()}`, 'content-type': bad.contentType }, payload: bad.body });
      assertBro(failed, 400, 9);
      const ids = (await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}&status=Failed`, await w.sender())).json() as string[];
      assert.equal(ids.length, 1);
      assert.equal((await overviewOf(w, ids[0] as string, await w.sender())).fileTransferStatusText, 'Checksum mismatch');

      // No file part, or invalid metadata: 400 before anything is created, and no staging file is left.
      const noFile = multipart([['Metadata.FileName', 'x.zip']]);
      assertValidation(await w.app.inject({ method: 'POST', url: `${API}/filetransfer/upload`, headers: { authorization: `Bearer ${await w.sender()}`, 'content-type': noFile.contentType }, payload: noFile.body }), ['FileTransfer']);
      const badMeta = multipart([['Metadata.FileName', 'x.zip'], ['Metadata.Checksum', 'ABC']], { name: 'FileTransfer', content });
      assertValidation(await w.app.inject({ method: 'POST', url: `${API}/filetransfer/upload`, headers: { authorization: `Bearer ${await w.sender()}`, 'content-type': badMeta.contentType }, payload: badMeta.body }),
        ['Metadata.ResourceId', 'Metadata.Sender', 'Metadata.Recipients', 'Metadata.Checksum']);
      assert.deepEqual((await filesOnDisk(w)).filter((f) => f.endsWith('.part')), []);
      const json = await w.app.inject({ method: 'POST', url: `${API}/filetransfer/upload`, headers: { authorization: `Bearer ${await w.sender()}` }, payload: initBody() });
      assert.equal(json.statusCode, 415, json.body);
    } finally {
      await w.close();
    }
  });
});

describe('the PDP for a plain organisation subject (docs/contracts/dialogporten-broker.md §B.6)', () => {
  test('the resource\'s service owner, acting for itself, is permitted what the policy names; nobody else', async () => {
    const w = await world();
    try {
      const token = await w.mp('altinn:authorization/authorize', KARTVERKET);
      const decide = async (subjectOrg: string, partyOrg: string, action: string) => {
        const attr = (AttributeId: string, Value: string) => ({ AttributeId, Value });
        const res = await w.app.inject({
          method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
          payload: { Request: {
            AccessSubject: [{ Attribute: [attr('urn:altinn:organization:identifier-no', subjectOrg)] }],
            Action: [{ Attribute: [attr('urn:oasis:names:tc:xacml:1.0:action:action-id', action)] }],
            Resource: [{ Attribute: [attr('urn:altinn:resource', TINGLYSING), attr('urn:altinn:organization:identifier-no', partyOrg)] }],
          } },
        });
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as { response: Array<{ decision: string }> }).response[0]?.decision;
      };
      assert.equal(await decide(KARTVERKET, KARTVERKET, 'read'), 'Permit');
      assert.equal(await decide(KARTVERKET, KARTVERKET, 'write'), 'Permit');
      assert.equal(await decide(KARTVERKET, KARTVERKET, 'subscribe'), 'NotApplicable');
      assert.equal(await decide(KARTVERKET, COMPANY, 'read'), 'NotApplicable');
      assert.equal(await decide(COMPANY, COMPANY, 'read'), 'NotApplicable');
      assert.equal(await decide(OTHER, KARTVERKET, 'read'), 'NotApplicable');
    } finally {
      await w.close();
    }
  });
});

describe('refusals (docs/contracts/dialogporten-broker.md §B.4, §B.5, §B.6)', () => {
  test('initialize: token gate, model validation, and the PDP (401 BRO-00006) before the resource checks', async () => {
    const w = await world();
    try {
      const post = async (body: unknown, token?: string) => call(w, 'POST', '/filetransfer', token ?? await w.sender(), body);
      const noToken = await call(w, 'POST', '/filetransfer', undefined, initBody());
      assert.equal(noToken.statusCode, 401);
      assert.equal(noToken.headers['www-authenticate'], 'Bearer');
      assert.equal((await post(initBody(), await w.sender('altinn:broker.read'))).statusCode, 403);
      assertValidation(await post({}), ['ResourceId', 'FileName', 'Sender', 'Recipients']);
      const errors = assertValidation(await post(initBody({
        checksum: 'D41D8CD98F00B204E9800998ECF8427E', recipients: [], sender: '0192:310000028',
        propertyList: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])),
      })), ['Checksum', 'Recipients', 'Sender', 'PropertyList']);
      assert.deepEqual(errors.Checksum, ['The checksum, if used, must be a MD5 hash in lower case.']);
      assert.deepEqual(errors.PropertyList, ['PropertyList can contain at most 10 properties.']);
      assertValidation(await post(initBody({ checksum: 'abc' })), ['Checksum']);
      assertValidation(await post(initBody({ recipients: 'x' })), ['Recipients']);
      assertValidation(await post(initBody({ propertyList: { [`${'k'.repeat(51)}`]: 'v', ok: 'x'.repeat(3001) } })), ['PropertyList']);
      // The PDP: a system user without the single right; a sender that is not the system user's party;
      // a plain Maskinporten token of the company itself; an unknown resource (the PDP finds no policy).
      assertBro(await post(initBody(), await w.senderWithoutRight()), 401, 6);
      assertBro(await post(initBody({ sender: `0192:${OTHER}` })), 401, 6);
      assertBro(await post(initBody(), await w.mp('altinn:broker.write', COMPANY)), 401, 6);
      assertBro(await post(initBody({ resourceId: 'finnes-ikke' })), 401, 6);
      // The resource is not a broker service (the right permits, so the resource check speaks).
      assertBro(await post(initBody({ resourceId: NOT_BROKER })), 400, 25);
      const malformed = await w.app.inject({ method: 'POST', url: `${API}/filetransfer`, headers: { authorization: `Bearer ${await w.sender()}`, 'content-type': 'application/json' }, payload: '{"a":' });
      assert.equal(malformed.statusCode, 400);
    } finally {
      await w.close();
    }
  });

  test('a corrupted upload fails (400 BRO-00009), its content is deleted and it is never published', async () => {
    const w = await world();
    try {
      const id = await initialize(w, { checksum: md5('det riktige innholdet') });
      const res = await uploadRaw(w, id, await w.sender(), Buffer.from('det korrupte innholdet'));
      assertBro(res, 400, 9);
      const overview = await overviewOf(w, id, await w.sender());
      assert.equal(overview.fileTransferStatus, 'Failed');
      assert.equal(overview.fileTransferStatusText, 'Checksum mismatch');
      assert.equal(overview.published, null);
      assert.deepEqual(await filesOnDisk(w), []);
      const kartverket = await w.mp('altinn:broker.read', KARTVERKET);
      assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, kartverket), 403, 7);
      assertBro(await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, kartverket), 400, 3);
      // A failed transfer cannot be uploaded again.
      assertBro(await uploadRaw(w, id, await w.sender(), Buffer.from('det riktige innholdet')), 409, 4);
    } finally {
      await w.close();
    }
  });

  test('upload: 404 unknown, 401 for another sender, 409 once published, 415 not a raw body, 400 for a non-GUID id', async () => {
    const w = await world();
    try {
      const sender = await w.sender();
      assertBro(await uploadRaw(w, randomUUID(), sender, Buffer.from('x')), 404, 1);
      const id = await initialize(w);
      assertBro(await uploadRaw(w, id, await w.senderWithoutRight(), Buffer.from('x')), 401, 6);
      assert.equal((await uploadRaw(w, id, sender, Buffer.from('{}'), 'application/json')).statusCode, 415);
      assert.equal((await uploadRaw(w, id, sender, Buffer.from('x'))).statusCode, 200);
      assertBro(await uploadRaw(w, id, sender, Buffer.from('x')), 409, 4);
      assertValidation(await uploadRaw(w, 'ikke-en-guid', sender, Buffer.from('x')), ['FileTransferId']);
    } finally {
      await w.close();
    }
  });

  test('who may read: the sender and the recipients, nobody else (401 BRO-00006); the sender may not download', async () => {
    const w = await world();
    try {
      const id = await initialize(w);
      await uploadRaw(w, id, await w.sender(), Buffer.from('innhold'));
      const other = await w.mp('altinn:broker.read altinn:broker.write', OTHER);
      assertBro(await call(w, 'GET', `/filetransfer/${id}`, other), 401, 6);
      assertBro(await call(w, 'GET', `/filetransfer/${id}/details`, other), 401, 6);
      assertBro(await call(w, 'GET', `/filetransfer/${randomUUID()}`, other), 404, 1);
      assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, await w.sender('altinn:broker.read')), 401, 6);
      assertBro(await call(w, 'POST', `/filetransfer/${id}/confirmdownload`, await w.sender('altinn:broker.read')), 401, 6);
      // Recipient operations need altinn:broker.read.
      assert.equal((await call(w, 'GET', `/filetransfer/${id}/download`, await w.mp('altinn:broker.write', KARTVERKET))).statusCode, 403);
      // Search: the PDP must permit both write and read for the caller's organisation.
      assertBro(await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}`, other), 401, 6);
      assertValidation(await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}&status=Ukjent`, await w.sender()), ['status']);
      assertValidation(await call(w, 'GET', '/filetransfer', await w.sender()), ['ResourceId']);
      assert.deepEqual((await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}&role=Sender`, await w.sender())).json(), [id]);
      assert.deepEqual((await call(w, 'GET', `/filetransfer?resourceId=${TINGLYSING}&role=Recipient`, await w.sender())).json(), []);
    } finally {
      await w.close();
    }
  });

  test('an upload that breaks off is never published and leaves no file', async () => {
    const w = await world();
    try {
      const id = await initialize(w, { checksum: null });
      const token = await w.sender();
      await w.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = w.app.server.address() as { port: number };
      await new Promise<void>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: `${API}/filetransfer/${id}/upload`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': '1000000' } });
        req.on('error', () => resolve());
        req.write(Buffer.alloc(64 * 1024, 1), () => setTimeout(() => { req.destroy(); resolve(); }, 100));
      });
      // Wait until the server has noticed the broken stream.
      for (let i = 0; i < 50 && (await overviewOf(w, id, token)).fileTransferStatus !== 'Failed'; i++) await new Promise((r) => setTimeout(r, 20));
      const overview = await overviewOf(w, id, token);
      assert.equal(overview.fileTransferStatus, 'Failed');
      assert.equal(overview.published, null);
      assert.deepEqual(await filesOnDisk(w), []);
      assertBro(await call(w, 'GET', `/filetransfer/${id}/download`, await w.mp('altinn:broker.read', KARTVERKET)), 403, 7);
    } finally {
      await w.close();
    }
  });

  test('a large upload streams to disk and back (memory growth printed)', async () => {
    const w = await world();
    try {
      const size = 32 * 1024 * 1024;
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31) % 251;
      const hash = createHash('md5');
      for (let i = 0; i < size / chunk.length; i++) hash.update(chunk);
      const id = await initialize(w, { checksum: hash.digest('hex') });
      const before = process.memoryUsage();
      const source = Readable.from((function* () {
        for (let i = 0; i < size / chunk.length; i++) yield chunk;
      })());
      const res = await uploadRaw(w, id, await w.sender(), source);
      assert.equal(res.statusCode, 200, res.body);
      const after = process.memoryUsage();
      console.log(`broker: ${size / 1024 / 1024} MB upload, heap growth ${((after.heapUsed - before.heapUsed) / 1024 / 1024).toFixed(1)} MB, rss growth ${((after.rss - before.rss) / 1024 / 1024).toFixed(1)} MB`);
      const overview = await overviewOf(w, id, await w.sender());
      assert.equal(overview.fileTransferSize, size);
      assert.equal(overview.fileTransferStatus, 'Published');
    } finally {
      await w.close();
    }
  });
});
