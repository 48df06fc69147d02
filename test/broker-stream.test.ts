// A 200 MB file through the broker with the suite's own broker client (issue 4, "done when"): the
// reference implementation runs as its own process; the parties are made through the test data API
// with the suite's actors and tasks, as a scenario makes them; the file is generated on the fly and
// never held whole (its MD5 computed in one streaming pass, the upload made in another); Kartverket
// downloads it as a stream with the MD5 computed as the bytes arrive and confirms. The reference's
// memory (VmRSS before, VmHWM after, from /proc) must grow far less than the file's size.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReference, type RunningReference } from '../scripts/lib/reference-process.ts';
import { DigestingStream, digestOf, generatedContent } from '../support/checksum.ts';
import { stream, brokerParty } from '../support/clients/broker.ts';
import { Company } from '../support/actors/company.ts';
import { Kartverket } from '../support/actors/kartverket.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { EvidenceRecorder } from '../support/evidence.ts';
import {
  acceptSystemUser, ensureTinglysingSystemRegistered, obtainBrokerToken, publishTinglysingResource, requestTinglysingSystemUser,
  TINGLYSING_OPERATION, TINGLYSING_RESOURCE_ID,
} from '../support/tasks/formidling.ts';
import type { TargetProfile } from '../support/target/profile.ts';

const SIZE = 200 * 1024 * 1024;
const SEED = 4;
const MAX_GROWTH = 100 * 1024 * 1024;
const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** VmRSS and VmHWM (peak) of a process, in bytes, from /proc/<pid>/status (Linux). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    assert.ok(match?.[1], `/proc/${pid}/status has no ${name}`);
    return Number(match[1]) * 1024;
  };
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function profileFor(url: string): TargetProfile {
  return {
    name: 'referanse (strømtest)',
    path: '(test/broker-stream.test.ts)',
    reference: true,
    endpoints: {
      maskinporten: `${url}/maskinporten`,
      platform: url,
      broker: url,
      testdata: `${url}/testdata`,
      idporten: `${url}/idporten`,
      portal: `${url}/portal`,
    },
    capabilities: ['systemregister', 'standard-systembruker', 'maskinporten', 'pdp', 'formidling', 'testdata-api'],
    timeouts: { requestMs: 600_000 },
  };
}

const canMeasure = await readFile('/proc/self/status', 'utf8').then(() => true, () => false);

test('200 MB through send, download and confirm, with the reference\'s memory growth far below the file size', { skip: canMeasure ? false : 'needs /proc (Linux) to read the reference process\'s memory', timeout: 600_000 }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'samsvar-broker-stream-'));
  let reference: RunningReference | undefined;
  try {
    reference = await startReference({ extraArgs: ['--data-dir', dataDir] });
    const pid = reference.process.pid;
    assert.ok(pid, 'the reference process has a pid');
    const context = { profile: profileFor(reference.url), recorder: new EvidenceRecorder() };
    const vendor = new Vendor('systemleverandøren', context);
    const company = new Company('virksomheten', context, { key: 'company' });
    const kartverket = new Kartverket('Kartverket', context);

    // The world of scenario 5: Kartverket's resource, the system with the single right, the company's system user.
    await publishTinglysingResource(kartverket);
    await ensureTinglysingSystemRegistered(vendor);
    await requestTinglysingSystemUser(vendor, company);
    await acceptSystemUser(company, company.dagligLeder, vendor);
    const senderToken = await obtainBrokerToken(vendor, company);
    const recipientToken = await kartverket.brokerToken();

    // Pass 1: the checksum, computed over the generated stream (nothing kept).
    const started = performance.now();
    const expected = await digestOf(generatedContent(SIZE, SEED));
    assert.equal(expected.size, SIZE);

    const initialized = await vendor.broker.initialize(senderToken, {
      resourceId: TINGLYSING_RESOURCE_ID,
      fileName: 'stor-tinglysning.bin',
      sendersFileTransferReference: 'samsvar-strømtest',
      sender: brokerParty(company.orgNo),
      recipients: [brokerParty(kartverket.orgNo)],
      propertyList: { operation: TINGLYSING_OPERATION },
      checksum: expected.md5,
    });
    assert.equal(initialized.status, 200, initialized.text);
    const id = initialized.data?.fileTransferId as string;

    const before = await memoryOf(pid);
    const ownBefore = process.memoryUsage().rss;

    // Pass 2: the upload, the same bytes generated again, hashed once more on the way out.
    const sentMeter = new DigestingStream();
    const uploaded = await vendor.broker.upload(senderToken, id, stream(generatedContent(SIZE, SEED).pipe(sentMeter), SIZE));
    assert.equal(uploaded.status, 200, uploaded.text);
    assert.deepEqual(sentMeter.digest(), expected, 'the bytes sent are the bytes the checksum was computed over');
    const afterUpload = await memoryOf(pid);

    const overview = await vendor.broker.overview(senderToken, id);
    assert.equal(overview.status, 200, overview.text);
    assert.equal(overview.data?.fileTransferStatus, 'Published');
    assert.equal(overview.data?.fileTransferSize, SIZE);
    assert.equal(overview.data?.checksum, expected.md5);

    // Kartverket downloads it as a stream; the client hashes the bytes as they arrive and keeps none.
    const download = await kartverket.broker.download(recipientToken, id);
    assert.equal(download.status, 200, download.text);
    assert.deepEqual(download.received, { size: SIZE, md5: expected.md5 }, 'the downloaded bytes are the file (MD5 and length)');

    const confirmed = await kartverket.broker.confirmDownload(recipientToken, id);
    assert.equal(confirmed.status, 204, confirmed.text);
    const details = await kartverket.broker.details(recipientToken, id);
    assert.equal(details.data?.fileTransferStatus, 'AllConfirmedDownloaded', details.text);

    const after = await memoryOf(pid);
    const ownAfter = process.memoryUsage().rss;
    const growth = Math.max(afterUpload.peak, after.peak) - before.rss;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      [
        `broker-strømtest: ${MB(SIZE)} sendt, lastet ned og bekreftet på ${seconds.toFixed(1)} s (MD5 ${expected.md5})`,
        `  referansen (pid ${pid}): VmRSS før opplasting ${MB(before.rss)}, VmHWM før ${MB(before.peak)}`,
        `  referansen: VmRSS etter opplasting ${MB(afterUpload.rss)}, etter nedlasting og bekreftelse ${MB(after.rss)}, VmHWM etter ${MB(after.peak)}`,
        `  referansen: vekst (VmHWM etter − VmRSS før) ${MB(growth)} — grense ${MB(MAX_GROWTH)}, filen ${MB(SIZE)}`,
        `  suiten selv: RSS før ${MB(ownBefore)}, etter ${MB(ownAfter)}`,
      ].join('\n'),
    );
    assert.ok(growth < MAX_GROWTH, `the reference's memory grew ${MB(growth)} for a ${MB(SIZE)} file (limit ${MB(MAX_GROWTH)}): it must stream, not buffer`);
    assert.ok(ownAfter - ownBefore < MAX_GROWTH, `the suite's own memory grew ${MB(ownAfter - ownBefore)}: the broker client must stream, not buffer`);
  } finally {
    await reference?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
