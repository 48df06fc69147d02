// What a conforming broker answers (docs/contracts/dialogporten-broker.md §B): a tinglysning sent with a
// system user holding the single right is initialized, uploaded and published for Kartverket; Kartverket
// finds it, downloads bytes whose MD5 is the file's checksum, and confirms, after which every
// recipient has confirmed. A sender without the right is refused (401 BRO-00006); a corrupted upload
// fails (400 BRO-00009), is never published and cannot be downloaded (403 BRO-00007).

import assert from 'node:assert/strict';
import { expectProblem, expectStatus } from '../assertions.ts';
import { brokerParty } from '../clients/broker.ts';
import { TINGLYSING_OPERATION, TINGLYSING_RESOURCE_ID, transferIdOf, type FileTransferNotes } from '../tasks/formidling.ts';
import type { Digest } from '../checksum.ts';
import type { Company } from '../actors/company.ts';
import type { Kartverket } from '../actors/kartverket.ts';
import type { Vendor } from '../actors/vendor.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sent(vendor: Vendor, company: Company): FileTransferNotes {
  const notes = vendor.customer(company).fileTransfer;
  assert.ok(notes?.initialize, `Systemet har ikke sendt noen tinglysning for ${company.role}.`);
  return notes;
}

/**
 * BR-3: the recipient's own check of what it downloaded. The MD5 the suite computed over the bytes
 * that arrived must be the checksum the file's overview gives, and their number the file's size.
 * A download whose bytes do not match is caught here (test/formidling-checksum.test.ts proves it).
 */
export function expectChecksumMatches(received: Digest | undefined, checksum: string | null | undefined, size: number | undefined, what: string): void {
  assert.ok(received, `[BR-3] ${what}: ingen bytes ble mottatt.`);
  assert.ok(typeof checksum === 'string' && /^[0-9a-f]{32}$/.test(checksum), `[BR-3] ${what}: filoversikten skal ha en MD5-sjekksum (32 små heksadesimale tegn), hadde ${JSON.stringify(checksum)}.`);
  assert.equal(received.md5, checksum, `[BR-3] ${what}: MD5 av de nedlastede bytene (${received.md5}) er ikke filens sjekksum (${checksum}): filen er endret eller ødelagt underveis.`);
  if (size !== undefined) assert.equal(received.size, size, `[BR-3] ${what}: ${received.size} byte ble lastet ned, filen er på ${size} byte.`);
}

/**
 * SB-5.3 / BR-1 / BR-2: initialize answers 200 with a fileTransferId, the upload 200 with the same id,
 * and the sender's overview shows the file published for the recipient: status Published, the checksum
 * sent, the size, sender and recipient as 0192:<orgno>, the resource, the file name, the reference and
 * the operation property, each recipient still Initialized.
 */
export function expectTransferPublished(vendor: Vendor, company: Company, kartverket: Kartverket): void {
  const notes = sent(vendor, company);
  const document = notes.document;
  assert.ok(document && notes.initialize, 'Systemet har ikke sendt noen tinglysning.');
  expectStatus(notes.initialize, 200, 'BR-1', `Initialisering av tinglysningen fra ${company.role}`);
  const id = notes.initialize.data?.fileTransferId;
  assert.ok(typeof id === 'string' && UUID.test(id), `[BR-1] Svaret skal ha en fileTransferId (UUID), var ${notes.initialize.text}.`);
  assert.ok(notes.upload, 'Systemet har ikke lastet opp tinglysningen.');
  expectStatus(notes.upload, 200, 'BR-2', `Opplasting av tinglysningen ${id}`);
  assert.equal(notes.upload.data?.fileTransferId, id, `[BR-2] Opplastingen skal svare med fileTransferId ${id}, var ${notes.upload.text}.`);

  assert.ok(notes.overview, 'Systemet har ikke lest tinglysningen tilbake.');
  expectStatus(notes.overview, 200, 'BR-2', `Systemets oversikt over tinglysningen ${id}`);
  const overview = notes.overview.data;
  const what = `[BR-2] Tinglysningen ${id}`;
  assert.equal(overview?.fileTransferId, id, `${what}: fileTransferId skal være ${id}, var ${overview?.fileTransferId}.`);
  assert.equal(overview?.fileTransferStatus, 'Published', `${what}: status skal være Published (klar for nedlasting), var ${overview?.fileTransferStatus} (${overview?.fileTransferStatusText}).`);
  assert.ok(overview?.published, `${what}: published skal ha tidspunktet filen ble publisert, var ${String(overview?.published)}.`);
  assert.equal(overview?.checksum, document.md5, `${what}: checksum skal være MD5-en systemet sendte (${document.md5}), var ${overview?.checksum}.`);
  assert.equal(overview?.fileTransferSize, document.content.length, `${what}: fileTransferSize skal være ${document.content.length}, var ${overview?.fileTransferSize}.`);
  assert.equal(overview?.resourceId, vendor.resource('tinglysing'), `${what}: resourceId skal være ${vendor.resource('tinglysing')}, var ${overview?.resourceId}.`);
  assert.equal(overview?.fileName, document.fileName, `${what}: fileName skal være ${document.fileName}, var ${overview?.fileName}.`);
  assert.equal(overview?.sendersFileTransferReference, document.reference, `${what}: sendersFileTransferReference skal være ${document.reference}, var ${overview?.sendersFileTransferReference}.`);
  assert.equal(overview?.sender, brokerParty(company.orgNo), `${what}: sender skal være ${brokerParty(company.orgNo)}, var ${overview?.sender}.`);
  assert.deepEqual(
    (overview?.recipients ?? []).map((r) => [r.recipient, r.currentRecipientFileTransferStatusCode]),
    [[brokerParty(kartverket.orgNo), 'Initialized']],
    `${what}: mottakeren skal være Kartverket ${brokerParty(kartverket.orgNo)} med status Initialized, var ${JSON.stringify(overview?.recipients)}.`,
  );
  assert.equal(overview?.propertyList?.operation, TINGLYSING_OPERATION, `${what}: propertyList.operation skal være ${TINGLYSING_OPERATION}, var ${JSON.stringify(overview?.propertyList)}.`);
}

/** BR-3: Kartverket's list of published files for it holds the company's tinglysning. */
export function expectTransferWaiting(kartverket: Kartverket, company: Company): void {
  const list = kartverket.reception.list;
  assert.ok(list, 'Kartverket har ikke sett etter tinglysninger som venter.');
  expectStatus(list, 200, 'BR-3', 'Kartverkets liste over publiserte tinglysninger');
  const id = transferIdOf(company);
  assert.ok(Array.isArray(list.data), `[BR-3] Listen skal være en liste med fileTransferId-er, var ${list.text}.`);
  assert.ok(list.data.includes(id), `[BR-3] Tinglysningen ${id} fra ${company.role} skal være blant filene som venter på Kartverket, listen var ${list.text}.`);
}

/**
 * BR-3: Kartverket reads the transfer (200, its checksum and size) and downloads it (200,
 * application/octet-stream); the MD5 of the bytes that arrived is the file's checksum, which is also
 * the MD5 of the document the company's user sent.
 */
export function expectDownloadVerified(kartverket: Kartverket, company: Company, vendor: Vendor): void {
  const { overviewBefore, download } = kartverket.reception;
  assert.ok(overviewBefore && download, 'Kartverket har ikke lastet ned tinglysningen.');
  const id = transferIdOf(company);
  expectStatus(overviewBefore, 200, 'BR-3', `Kartverkets oversikt over tinglysningen ${id}`);
  expectStatus(download, 200, 'BR-3', `Kartverkets nedlasting av tinglysningen ${id}`);
  assert.match(download.headers['content-type'] ?? '', /^application\/octet-stream/, `[BR-3] Nedlastingen skal være application/octet-stream, var ${download.headers['content-type'] ?? '(ingen)'}.`);
  const overview = overviewBefore.data;
  expectChecksumMatches(download.received, overview?.checksum, overview?.fileTransferSize, `Tinglysningen ${id} Kartverket lastet ned`);
  const document = vendor.customer(company).fileTransfer?.document;
  assert.equal(download.received?.md5, document?.md5, `[BR-3] Tinglysningen ${id}: Kartverket skal ha fått nøyaktig dokumentet brukeren hos ${company.role} sendte.`);
}

/** Statuses `expected` appear in `history` in this order (other statuses may come between). */
function inOrder(history: string[], expected: string[]): boolean {
  let at = 0;
  for (const status of history) if (status === expected[at]) at += 1;
  return at === expected.length;
}

/**
 * BR-4: the confirmation answers 204; the details show Kartverket's status DownloadConfirmed and, every
 * recipient having confirmed, the transfer AllConfirmedDownloaded, with both status histories in the
 * order of the status machines (docs/contracts/dialogporten-broker.md §B.3).
 */
export function expectAllConfirmed(company: Company, kartverket: Kartverket): void {
  const { confirmation, detailsAfter } = kartverket.reception;
  assert.ok(confirmation && detailsAfter, 'Kartverket har ikke bekreftet nedlastingen.');
  const id = transferIdOf(company);
  expectStatus(confirmation, 204, 'BR-4', `Kartverkets bekreftelse av nedlastingen av ${id}`);
  expectStatus(detailsAfter, 200, 'BR-4', `Detaljene for tinglysningen ${id} etter bekreftelsen`);
  const details = detailsAfter.data;
  const me = brokerParty(kartverket.orgNo);
  assert.equal(details?.fileTransferStatus, 'AllConfirmedDownloaded', `[BR-4] Tinglysningen ${id}: status skal være AllConfirmedDownloaded når alle mottakerne har bekreftet, var ${details?.fileTransferStatus}.`);
  const recipient = (details?.recipients ?? []).find((r) => r.recipient === me);
  assert.equal(recipient?.currentRecipientFileTransferStatusCode, 'DownloadConfirmed', `[BR-4] Kartverkets status skal være DownloadConfirmed, var ${recipient?.currentRecipientFileTransferStatusCode}.`);
  const history = (details?.fileTransferStatusHistory ?? []).map((e) => e.fileTransferStatus);
  const expected = ['Initialized', 'UploadStarted', 'Published', 'AllConfirmedDownloaded'];
  assert.ok(inOrder(history, expected), `[BR-4] Statushistorikken skal gå ${expected.join(' → ')}, var ${history.join(' → ')}.`);
  const mine = (details?.recipientFileTransferStatusHistory ?? []).filter((e) => e.recipient === me).map((e) => e.recipientFileTransferStatusCode);
  const expectedMine = ['Initialized', 'DownloadStarted', 'DownloadConfirmed'];
  assert.ok(inOrder(mine, expectedMine), `[BR-4] Kartverkets statushistorikk skal gå ${expectedMine.join(' → ')}, var ${mine.join(' → ')}.`);
}

/**
 * BR-5 (BRO-00006 at initialize: the PDP did not permit `write` for the sender) / BR-6 (BRO-00009 at
 * upload: the bytes do not match the checksum): the refusal with its status and BRO code.
 */
export function expectSendRefused(vendor: Vendor, company: Company, code: string): void {
  const notes = sent(vendor, company);
  const initialize = notes.initialize as NonNullable<FileTransferNotes['initialize']>;
  if (code === 'BRO-00006') {
    expectProblem(initialize, 401, code, 'BR-5', `Tinglysning fra ${company.role} med en systembruker uten enkeltrettigheten`);
    assert.equal((initialize.body as { fileTransferId?: unknown }).fileTransferId, undefined, '[BR-5] En avvist initialisering skal ikke gi noen fileTransferId.');
    assert.equal(notes.upload, undefined, '[BR-5] Uten fileTransferId skal systemet ikke ha noe å laste opp.');
    return;
  }
  expectStatus(initialize, 200, 'BR-6', `Initialisering av tinglysningen fra ${company.role}`);
  assert.ok(notes.upload, 'Systemet har ikke lastet opp tinglysningen.');
  expectProblem(notes.upload, 400, code, 'BR-6', `Opplasting av en tinglysning der bytene ikke stemmer med sjekksummen (${notes.uploaded?.md5} ≠ ${notes.initializeBody?.checksum})`);
}

/** BR-6: the sender's overview shows the transfer Failed (checksum mismatch) and never published. */
export function expectTransferFailed(vendor: Vendor, company: Company): void {
  const notes = sent(vendor, company);
  assert.ok(notes.overview, 'Systemet har ikke lest tinglysningen tilbake.');
  const id = transferIdOf(company);
  expectStatus(notes.overview, 200, 'BR-6', `Systemets oversikt over tinglysningen ${id}`);
  const overview = notes.overview.data;
  assert.equal(overview?.fileTransferStatus, 'Failed', `[BR-6] Tinglysningen ${id}: status skal være Failed, var ${overview?.fileTransferStatus}.`);
  assert.match(overview?.fileTransferStatusText ?? '', /checksum/i, `[BR-6] Tinglysningen ${id}: statusteksten skal si at sjekksummen ikke stemte, var "${overview?.fileTransferStatusText ?? ''}".`);
  assert.equal(overview?.published ?? null, null, `[BR-6] Tinglysningen ${id} skal aldri ha blitt publisert, published var ${String(overview?.published)}.`);
}

/** BR-6: Kartverket's download of a transfer that is not published is refused with 403 and the code, and gives no bytes. */
export function expectDownloadRefused(kartverket: Kartverket, code: string): void {
  const download = kartverket.reception.download;
  assert.ok(download, 'Kartverket har ikke prøvd å laste ned tinglysningen.');
  expectProblem(download, 403, code, 'BR-6', 'Kartverkets nedlasting av en tinglysning som ikke er publisert');
  assert.equal(download.received, undefined, '[BR-6] En avvist nedlasting skal ikke gi noen bytes.');
}
