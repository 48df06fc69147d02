// The broker's operations (docs/contracts/dialogporten-broker.md §B.1–§B.4), each an ordered list of named
// checks in the order of §B.4, and the transfer and recipient status machines of §B.3:
//   transfer:  Initialized → UploadStarted → (UploadProcessing when virus-scanned) → Published
//              → AllConfirmedDownloaded; or → Failed (checksum mismatch, size, aborted upload)
//   recipient: Initialized → DownloadStarted → DownloadConfirmed

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { faultActive, type FaultConfig } from '../../faults.ts';
import type { Services } from '../../platform/services.ts';
import { checkPermitted, permits, type BrokerCaller } from './checks.ts';
import { TooLarge, type FileVault, type Staged } from './files.ts';
import { bro, modelValidation } from './problems.ts';
import { orgNoOf, type Initialize } from './rules.ts';
import type { ListQuery } from './schemas.ts';
import {
  currentRecipientStatus, currentStatus, RECIPIENT_STATUS_TEXT, RECIPIENT_STATUSES, TRANSFER_STATUS_TEXT, TRANSFER_STATUSES,
  type FileTransfer, type FileTransferStore, type RecipientStatus, type TransferStatus,
} from './store.ts';

export interface BrokerContext {
  services: Services;
  transfers: FileTransferStore;
  vault: FileVault;
  /** Faults (selfcheck), read at request time. */
  config?: FaultConfig;
}

/** docs/contracts/dialogporten-broker.md §B.7: 50 GB with virus scan; 100 GB (the resource configuration cap) without. */
export const MAX_SIZE_SCANNED = 50_000_000_000;
export const MAX_SIZE_UNSCANNED = 100_000_000_000;
const DEFAULT_TIME_TO_LIVE_MS = 30 * 24 * 3600 * 1000;
const DOWNLOAD_DEBOUNCE_MS = 5 * 60 * 1000;

/** .NET DateTimeOffset form, with an explicit offset. */
const timestamp = (ms = Date.now()): string => new Date(ms).toISOString().replace('Z', '+00:00');

const maxSize = (t: FileTransfer): number => (t.useVirusScan ? MAX_SIZE_SCANNED : MAX_SIZE_UNSCANNED);

function setStatus(t: FileTransfer, status: TransferStatus, text: string = TRANSFER_STATUS_TEXT[status]): void {
  t.statusHistory.push({ fileTransferStatus: status, fileTransferStatusText: text, fileTransferStatusChanged: timestamp() });
}

function setRecipientStatus(t: FileTransfer, recipient: string, status: RecipientStatus): void {
  t.recipientHistory.push({
    recipient, recipientFileTransferStatusCode: status, recipientFileTransferStatusText: RECIPIENT_STATUS_TEXT[status],
    recipientFileTransferStatusChanged: timestamp(),
  });
}

// ---- Checks shared by several operations ---------------------------------------------------------

/** §B.4: an unknown id (or one that is no GUID) is 404 BRO-00001, checked first. */
function found(ctx: BrokerContext, fileTransferId: string): FileTransfer {
  const t = ctx.transfers.get(fileTransferId);
  if (!t) throw bro(1);
  return t;
}

const isSender = (t: FileTransfer, caller: BrokerCaller): boolean => t.sender === `0192:${caller.orgNo}`;
const isRecipient = (t: FileTransfer, caller: BrokerCaller): boolean => t.recipients.includes(`0192:${caller.orgNo}`);

/** §B.4 download/confirm: the caller is one of the recipients and the PDP permits `read` for it (401 BRO-00006). */
function checkRecipientAccess(ctx: BrokerContext, t: FileTransfer, caller: BrokerCaller): void {
  if (!isRecipient(t, caller)) throw bro(6);
  checkPermitted(ctx.services.pdp, caller, 'read', t.resourceId, caller.orgNo, ctx.config);
}

/** §B.4 overview/details: `write` as the sender, or `read` as one of the recipients; else 401 BRO-00006 (not 403/404). */
function checkSenderOrRecipientAccess(ctx: BrokerContext, t: FileTransfer, caller: BrokerCaller): void {
  const pdp = ctx.services.pdp;
  if (isSender(t, caller) && permits(pdp, caller, 'write', t.resourceId, orgNoOf(t.sender), ctx.config)) return;
  if (isRecipient(t, caller) && permits(pdp, caller, 'read', t.resourceId, caller.orgNo, ctx.config)) return;
  throw bro(6);
}

// ---- Initialize ----------------------------------------------------------------------------------

/**
 * POST /filetransfer (docs/contracts/dialogporten-broker.md §B.4 Initialize), after the model rules (rules.ts):
 * the PDP permits `write` for the sender (401 BRO-00006); the resource is in the resource registry
 * (403 BRO-00005) and is a broker service (400 BRO-00025).
 */
export function initialize(ctx: BrokerContext, caller: BrokerCaller, init: Initialize): FileTransfer {
  checkPermitted(ctx.services.pdp, caller, 'write', init.resourceId, orgNoOf(init.sender), ctx.config);
  const resource = ctx.services.resources.resource(init.resourceId);
  if (!resource) throw bro(5);
  if (resource.resourceType.toLowerCase() !== 'brokerservice') throw bro(25);
  const now = Date.now();
  const transfer: FileTransfer = {
    fileTransferId: randomUUID(),
    resourceId: resource.identifier,
    fileName: init.fileName,
    sendersFileTransferReference: init.sendersFileTransferReference,
    checksum: init.checksum,
    useVirusScan: !init.disableVirusScan,
    fileTransferSize: 0,
    sender: init.sender,
    recipients: [...init.recipients],
    propertyList: { ...init.propertyList },
    created: timestamp(now),
    expirationTime: timestamp(now + DEFAULT_TIME_TO_LIVE_MS),
    published: null,
    statusHistory: [],
    recipientHistory: [],
    hasFile: false,
  };
  setStatus(transfer, 'Initialized');
  for (const recipient of transfer.recipients) setRecipientStatus(transfer, recipient, 'Initialized');
  ctx.transfers.add(transfer);
  return transfer;
}

// ---- Upload --------------------------------------------------------------------------------------

/**
 * docs/contracts/dialogporten-broker.md §B.4 Upload, before any byte is read: known (404 BRO-00001); the PDP permits `write` for the
 * stored sender (401 BRO-00006); not uploaded before (409 BRO-00004: status beyond UploadStarted, or an
 * upload in flight); a declared Content-Length within the maximum (400 BRO-00016). Claims the upload slot.
 */
export function beginUpload(ctx: BrokerContext, caller: BrokerCaller, fileTransferId: string, contentLength: number | undefined): FileTransfer {
  const t = found(ctx, fileTransferId);
  checkPermitted(ctx.services.pdp, caller, 'write', t.resourceId, orgNoOf(t.sender), ctx.config);
  const status = currentStatus(t).fileTransferStatus;
  if (status !== 'Initialized' && status !== 'UploadStarted') throw bro(4);
  if (contentLength !== undefined && contentLength > maxSize(t)) throw bro(16);
  if (!ctx.transfers.beginUpload(t.fileTransferId)) throw bro(4);
  if (status === 'Initialized') {
    setStatus(t, 'UploadStarted');
    ctx.transfers.put(t);
  }
  return t;
}

/** Fails the transfer (status Failed with `text`), keeps nothing of its content, and releases the upload slot. */
async function fail(ctx: BrokerContext, t: FileTransfer, text: string, staged?: Staged): Promise<void> {
  if (staged) await ctx.vault.discard(staged.path);
  const latest = ctx.transfers.get(t.fileTransferId) ?? t;
  setStatus(latest, 'Failed', text);
  ctx.transfers.put(latest);
  ctx.transfers.endUpload(t.fileTransferId);
}

/**
 * docs/contracts/dialogporten-broker.md §B.4 Upload, after the bytes are on disk: a checksum given at initialize must match
 * (case-insensitively) the MD5 of what arrived, else the transfer is Failed ("Checksum mismatch"), its
 * content deleted and the answer 400 BRO-00009. Only then is the content published: the staging file is
 * renamed into place, the status goes to Published (through UploadProcessing when virus-scanned).
 */
export async function completeUpload(ctx: BrokerContext, t: FileTransfer, staged: Staged): Promise<FileTransfer> {
  // Fault broker-ignorer-md5 (selfcheck): the checksum is not compared, corrupted content is published.
  if (t.checksum !== null && t.checksum.toLowerCase() !== staged.md5 && !faultActive(ctx.config, 'broker-ignorer-md5')) {
    await fail(ctx, t, 'Checksum mismatch', staged);
    throw bro(9);
  }
  try {
    await ctx.vault.publish(staged, t.fileTransferId);
  } catch {
    await fail(ctx, t, TRANSFER_STATUS_TEXT.Failed, staged);
    throw bro(8);
  }
  const latest = ctx.transfers.get(t.fileTransferId) ?? t;
  latest.fileTransferSize = staged.size;
  latest.checksum ??= staged.md5;
  latest.hasFile = true;
  if (latest.useVirusScan) setStatus(latest, 'UploadProcessing');
  setStatus(latest, 'Published');
  latest.published = timestamp();
  ctx.transfers.put(latest);
  ctx.transfers.endUpload(t.fileTransferId);
  return latest;
}

/**
 * Streams the content to disk. A stream past the maximum fails the transfer (400 BRO-00016); a stream
 * that breaks off (client gone, aborted) fails it too (500 BRO-00008): nothing is published either way.
 */
export async function receiveContent(ctx: BrokerContext, t: FileTransfer, source: Readable): Promise<Staged> {
  try {
    return await ctx.vault.receive(source, maxSize(t));
  } catch (error) {
    await fail(ctx, t, TRANSFER_STATUS_TEXT.Failed);
    throw error instanceof TooLarge ? bro(16) : bro(8);
  }
}

/** POST /filetransfer/{id}/upload: the whole upload of a raw body stream. */
export async function upload(ctx: BrokerContext, caller: BrokerCaller, fileTransferId: string, source: Readable, contentLength: number | undefined): Promise<FileTransfer> {
  const t = beginUpload(ctx, caller, fileTransferId, contentLength);
  const staged = await receiveContent(ctx, t, source);
  return completeUpload(ctx, t, staged);
}

// ---- Reading -------------------------------------------------------------------------------------

/** GET /filetransfer/{id} and /details (docs/contracts/dialogporten-broker.md §B.4): 404 BRO-00001 first, then 401 BRO-00006. */
export function readable(ctx: BrokerContext, caller: BrokerCaller, fileTransferId: string): FileTransfer {
  const t = found(ctx, fileTransferId);
  checkSenderOrRecipientAccess(ctx, t, caller);
  return t;
}

/** FileTransferOverviewExt (docs/contracts/dialogporten-broker.md §B.3). */
export function overview(t: FileTransfer): Record<string, unknown> {
  return { ...common(t), published: t.published };
}

/** FileTransferStatusDetailsExt (docs/contracts/dialogporten-broker.md §B.3): the overview without `published`, with both histories. */
export function details(t: FileTransfer): Record<string, unknown> {
  return {
    ...common(t),
    fileTransferStatusHistory: t.statusHistory.map((e) => ({ ...e })),
    recipientFileTransferStatusHistory: t.recipientHistory.map((e) => ({ ...e })),
  };
}

function common(t: FileTransfer): Record<string, unknown> {
  const status = currentStatus(t);
  return {
    fileTransferId: t.fileTransferId,
    resourceId: t.resourceId,
    fileName: t.fileName,
    sendersFileTransferReference: t.sendersFileTransferReference,
    checksum: t.checksum,
    useVirusScan: t.useVirusScan,
    fileTransferSize: t.fileTransferSize,
    fileTransferStatus: status.fileTransferStatus,
    fileTransferStatusText: status.fileTransferStatusText,
    fileTransferStatusChanged: status.fileTransferStatusChanged,
    created: t.created,
    expirationTime: t.expirationTime,
    sender: t.sender,
    recipients: t.recipients.map((recipient) => {
      const current = currentRecipientStatus(t, recipient);
      return {
        recipient,
        currentRecipientFileTransferStatusCode: current?.recipientFileTransferStatusCode ?? 'Initialized',
        currentRecipientFileTransferStatusText: current?.recipientFileTransferStatusText ?? RECIPIENT_STATUS_TEXT.Initialized,
        currentRecipientFileTransferStatusChanged: current?.recipientFileTransferStatusChanged ?? t.created,
      };
    }),
    propertyList: { ...t.propertyList },
  };
}

/** Enum values bind case-insensitively from the query, as ASP.NET binds them. */
function enumValue<T extends string>(values: readonly T[], raw: string | undefined, key: string, errors: Record<string, string[]>): T | undefined {
  if (raw === undefined) return undefined;
  const value = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (!value) (errors[key] ??= []).push(`The value '${raw}' is not valid.`);
  return value;
}

/**
 * GET /filetransfer (docs/contracts/dialogporten-broker.md §B.1, §B.4 Search): the PDP permits both `write` and `read` on the
 * resource for the caller's organisation (401 BRO-00006); the resource exists (403 BRO-00005). The
 * newest 100 ids (oldest with orderAscending) where the caller is sender or recipient (or the `role`
 * asked for). With `status`, `from`/`to` apply to that status change; without, to `created`.
 */
export function search(ctx: BrokerContext, caller: BrokerCaller, query: ListQuery): string[] {
  const errors: Record<string, string[]> = {};
  const status = enumValue(TRANSFER_STATUSES, query.status, 'status', errors);
  const recipientStatus = enumValue(RECIPIENT_STATUSES, query.recipientStatus, 'recipientStatus', errors);
  const role = enumValue(['Sender', 'Recipient'] as const, query.role, 'role', errors);
  if (Object.keys(errors).length > 0) throw modelValidation(errors);
  const resourceId = query.resourceId.replace(/^urn:altinn:resource:/, '');
  const pdp = ctx.services.pdp;
  if (!(permits(pdp, caller, 'write', resourceId, caller.orgNo, ctx.config) && permits(pdp, caller, 'read', resourceId, caller.orgNo, ctx.config))) throw bro(6);
  if (!ctx.services.resources.resource(resourceId)) throw bro(5);
  const from = query.from ? Date.parse(query.from) : undefined;
  const to = query.to ? Date.parse(query.to) : undefined;
  const me = `0192:${caller.orgNo}`;
  const ascending = query.orderAscending?.toLowerCase() === 'true';
  return ctx.transfers.all()
    .filter((t) => t.resourceId === resourceId)
    .filter((t) => (role === 'Sender' ? t.sender === me : role === 'Recipient' ? t.recipients.includes(me) : t.sender === me || t.recipients.includes(me)))
    .filter((t) => !status || currentStatus(t).fileTransferStatus === status)
    .filter((t) => !recipientStatus || currentRecipientStatus(t, me)?.recipientFileTransferStatusCode === recipientStatus)
    .map((t) => {
      const changed = status ? [...t.statusHistory].reverse().find((e) => e.fileTransferStatus === status)?.fileTransferStatusChanged : t.created;
      return { t, at: Date.parse(changed ?? t.created) };
    })
    .filter(({ at }) => (from === undefined || at >= from) && (to === undefined || at <= to))
    .sort((a, b) => (ascending ? a.at - b.at : b.at - a.at))
    .slice(0, 100)
    .map(({ t }) => t.fileTransferId);
}

// ---- Download and confirm ------------------------------------------------------------------------

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range (docs/contracts/dialogporten-broker.md §B.1). A header that is not a single
 * byte range is ignored (the whole file, as RFC 9110 §14.2 lets a server do); a range that starts past
 * the end is unsatisfiable (416 BRO-00029).
 */
export function byteRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const unsatisfiable = () => bro(29, { 'content-range': `bytes */${size}` });
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) throw unsatisfiable();
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  if (start >= size) throw unsatisfiable();
  return { start, end };
}

/**
 * GET /filetransfer/{id}/download (docs/contracts/dialogporten-broker.md §B.4 Download): 404 BRO-00001; a recipient with `read`
 * (401 BRO-00006); published (403 BRO-00007); has content (400 BRO-00003); a satisfiable range (416
 * BRO-00029). Sets the recipient's status to DownloadStarted, once per five minutes.
 */
export async function download(ctx: BrokerContext, caller: BrokerCaller, fileTransferId: string, rangeHeader: string | undefined): Promise<{ transfer: FileTransfer; size: number; range?: ByteRange }> {
  const t = found(ctx, fileTransferId);
  checkRecipientAccess(ctx, t, caller);
  const status = currentStatus(t).fileTransferStatus;
  if (status !== 'Published' && status !== 'AllConfirmedDownloaded') throw bro(7);
  const size = t.hasFile ? await ctx.vault.size(t.fileTransferId) : undefined;
  if (size === undefined) throw bro(3);
  const range = byteRange(rangeHeader, size);
  const me = `0192:${caller.orgNo}`;
  const current = currentRecipientStatus(t, me);
  const recent = current?.recipientFileTransferStatusCode === 'DownloadStarted'
    && Date.now() - Date.parse(current.recipientFileTransferStatusChanged) < DOWNLOAD_DEBOUNCE_MS;
  if (current?.recipientFileTransferStatusCode !== 'DownloadConfirmed' && !recent) {
    setRecipientStatus(t, me, 'DownloadStarted');
    ctx.transfers.put(t);
  }
  return range ? { transfer: t, size, range } : { transfer: t, size };
}

/**
 * POST /filetransfer/{id}/confirmdownload (docs/contracts/dialogporten-broker.md §B.4 Confirm download): 404 BRO-00001; a recipient
 * with `read` (401 BRO-00006); has content (400 BRO-00003); published (400 BRO-00010); already confirmed
 * by the caller → nothing to do (204); the caller started a download (400 BRO-00019). The last
 * recipient's confirmation moves the transfer to AllConfirmedDownloaded.
 */
export function confirmDownload(ctx: BrokerContext, caller: BrokerCaller, fileTransferId: string): void {
  const t = found(ctx, fileTransferId);
  checkRecipientAccess(ctx, t, caller);
  if (!t.hasFile) throw bro(3);
  if (currentStatus(t).fileTransferStatus !== 'Published') throw bro(10);
  const me = `0192:${caller.orgNo}`;
  const current = currentRecipientStatus(t, me)?.recipientFileTransferStatusCode;
  if (current === 'DownloadConfirmed') return;
  if (current !== 'DownloadStarted') throw bro(19);
  setRecipientStatus(t, me, 'DownloadConfirmed');
  if (t.recipients.every((r) => currentRecipientStatus(t, r)?.recipientFileTransferStatusCode === 'DownloadConfirmed')) {
    setStatus(t, 'AllConfirmedDownloaded');
  }
  ctx.transfers.put(t);
}
