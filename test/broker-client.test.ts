// The suite's broker client (support/clients/broker.ts): a download is hashed as it arrives and only
// its length and MD5 are kept, in the answer and in the evidence; a BRO problem is parsed like any
// other answer and never thrown; an upload sends its stream with the declared Content-Length; a
// connection that fails is Broken, not a verdict on the target.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { withMock } from './helpers/mock-target.ts';
import { BrokerClient, bytes, stream } from '../support/clients/broker.ts';
import { Broken } from '../support/clients/http.ts';
import { md5Of } from '../support/checksum.ts';
import { EvidenceRecorder } from '../support/evidence.ts';

const ORIGIN = 'http://broker.samsvar.invalid';
const ID = '0b6c9f1e-2d3a-4b5c-8d7e-9f0a1b2c3d4e';

const client = (recorder: EvidenceRecorder) => new BrokerClient(ORIGIN, { actor: 'Kartverket', recorder, timeoutMs: 2_000 });

test('a download keeps only its length and MD5, and the evidence shows no bytes', async () => {
  const content = Buffer.from('tinglysning '.repeat(4096));
  await withMock(async (agent) => {
    agent.get(ORIGIN).intercept({ path: `/broker/api/v1/filetransfer/${ID}/download`, method: 'GET' })
      .reply(200, content, { headers: { 'content-type': 'application/octet-stream', 'content-length': String(content.length) } });
    const recorder = new EvidenceRecorder();
    const answer = await client(recorder).download('token', ID);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.received, { size: content.length, md5: md5Of(content) });
    assert.equal(answer.data, undefined);
    const [exchange] = recorder.exchanges();
    assert.match(exchange?.response?.body ?? '', /^<strøm: 49152 byte mottatt, MD5 [0-9a-f]{32}>$/);
    assert.equal(exchange?.request.headers.authorization, 'Bearer token');
  });
});

test('a refused download is a parsed BRO problem with no bytes, never an exception', async () => {
  await withMock(async (agent) => {
    agent.get(ORIGIN).intercept({ path: `/broker/api/v1/filetransfer/${ID}/download`, method: 'GET' }).reply(403, JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.4', title: 'Forbidden', status: 403, detail: 'not ready', code: 'BRO-00007', traceId: 't',
    }), { headers: { 'content-type': 'application/problem+json' } });
    const answer = await client(new EvidenceRecorder()).download('token', ID);
    assert.equal(answer.status, 403);
    assert.equal(answer.problem?.code, 'BRO-00007');
    assert.equal(answer.received, undefined);
  });
});

test('an upload sends the stream as application/octet-stream with its Content-Length, and reads the JSON answer', async () => {
  const content = Buffer.from('<innsending/>\n'.repeat(100));
  await withMock(async (agent) => {
    let seen: { headers: Record<string, string>; body: string } | undefined;
    agent.get(ORIGIN).intercept({ path: `/broker/api/v1/filetransfer/${ID}/upload`, method: 'POST' }).reply(200, (options) => {
      seen = { headers: options.headers as Record<string, string>, body: String(options.body ?? '') };
      return JSON.stringify({ fileTransferId: ID });
    }, { headers: { 'content-type': 'application/json' } });
    const recorder = new EvidenceRecorder();
    const answer = await client(recorder).upload('token', ID, bytes(content));
    assert.equal(answer.status, 200);
    assert.equal(answer.data?.fileTransferId, ID);
    assert.equal(seen?.headers['content-type'], 'application/octet-stream');
    assert.equal(seen?.headers['content-length'], String(content.length));
    assert.equal(recorder.exchanges()[0]?.request.body, `<strøm: ${content.length} byte application/octet-stream>`);
  });
});

test('no answer at all is Broken (setup), and is recorded', async () => {
  await withMock(async (agent) => {
    agent.get(ORIGIN).intercept({ path: `/broker/api/v1/filetransfer/${ID}/upload`, method: 'POST' }).replyWithError(new Error('connection reset'));
    const recorder = new EvidenceRecorder();
    await assert.rejects(client(recorder).upload('token', ID, stream(Readable.from([Buffer.from('x')]), 1)), Broken);
    assert.match(recorder.exchanges()[0]?.error ?? '', /connection reset/);
  });
});
