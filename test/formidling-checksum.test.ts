// The recipient's own check of a download (BR-3) must be able to fail: a byte stream whose content was
// changed on the way, or cut short, gives an MD5 (or a length) that is not the file's, and the
// expectation Kartverket's Then-step uses fails with a message naming BR-3. The MD5 is computed over the
// stream as it passes (support/checksum.ts), as the broker client does for a download.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { digestOf, DigestingStream, generatedContent, md5Of } from '../support/checksum.ts';
import { expectChecksumMatches } from '../support/expectations/formidling.ts';
import { tampered } from '../support/tasks/formidling.ts';

const document = Buffer.from('<innsending><dokument type="skjoete"/></innsending>\n'.repeat(500));
const checksum = md5Of(document);

/** The document as a stream in small chunks, `change` applied to each chunk on the way. */
function streamOf(bytes: Buffer, change: (chunk: Buffer, index: number) => Buffer = (c) => c): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 1000) chunks.push(change(Buffer.from(bytes.subarray(at, at + 1000)), chunks.length));
  return Readable.from(chunks);
}

test('the untouched stream passes: its MD5 and length are the file\'s', async () => {
  const received = await digestOf(streamOf(document));
  assert.equal(received.md5, checksum);
  expectChecksumMatches(received, checksum, document.length, 'nedlasting');
});

test('a stream with one byte changed on the way is caught (BR-3)', async () => {
  const received = await digestOf(streamOf(document, (chunk, i) => {
    if (i === 7) chunk[123] = (chunk[123] ?? 0) ^ 0x01;
    return chunk;
  }));
  assert.equal(received.size, document.length, 'same length: only the MD5 can tell');
  assert.throws(
    () => expectChecksumMatches(received, checksum, document.length, 'nedlasting'),
    (error: Error) => error.name === 'AssertionError' && /\[BR-3\]/.test(error.message) && error.message.includes(received.md5) && error.message.includes(checksum),
  );
});

test('the tampering the corrupted-upload scenario uses changes the MD5 but not the length', () => {
  const changed = tampered(document);
  assert.equal(changed.length, document.length);
  assert.notEqual(md5Of(changed), checksum);
  assert.throws(() => expectChecksumMatches({ size: changed.length, md5: md5Of(changed) }, checksum, document.length, 'nedlasting'), /\[BR-3\]/);
});

test('a stream cut short is caught, and so are a missing download and a missing checksum', async () => {
  const short = await digestOf(streamOf(document.subarray(0, document.length - 1)));
  assert.throws(() => expectChecksumMatches(short, checksum, document.length, 'nedlasting'), /\[BR-3\]/);
  assert.throws(() => expectChecksumMatches(undefined, checksum, document.length, 'nedlasting'), /\[BR-3\].*ingen bytes/);
  assert.throws(() => expectChecksumMatches({ size: document.length, md5: checksum }, null, document.length, 'nedlasting'), /\[BR-3\].*sjekksum/);
  assert.throws(() => expectChecksumMatches({ size: document.length, md5: checksum }, checksum.toUpperCase(), document.length, 'nedlasting'), /\[BR-3\]/);
});

test('DigestingStream passes the bytes through unchanged and hashes them', async () => {
  const meter = new DigestingStream();
  const out: Buffer[] = [];
  for await (const chunk of streamOf(document).pipe(meter)) out.push(chunk as Buffer);
  assert.deepEqual(Buffer.concat(out), document);
  assert.deepEqual(meter.digest(), { size: document.length, md5: checksum });
});

test('generated content is deterministic, of the exact size, and differs by seed', async () => {
  const size = 3 * 1024 * 1024 + 7;
  const a = await digestOf(generatedContent(size, 1, 1 << 16));
  const b = await digestOf(generatedContent(size, 1, 1 << 20));
  const c = await digestOf(generatedContent(size, 2));
  assert.equal(a.size, size);
  assert.deepEqual(a, b, 'the chunk size does not change the bytes');
  assert.notEqual(a.md5, c.md5);
  const whole: Buffer[] = [];
  for await (const chunk of generatedContent(size, 1)) whole.push(chunk as Buffer);
  assert.equal(createHash('md5').update(Buffer.concat(whole)).digest('hex'), a.md5);
});
