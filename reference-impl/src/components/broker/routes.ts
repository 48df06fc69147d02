// Routes of the broker stand-in under /broker/api/v1 (docs/contracts/dialogporten-broker.md §B.1). The token
// gate runs in onRequest hooks, before a body is read; uploads are streams (never parsed into memory).

import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { ComponentOptions } from '../../config.ts';
import { ExposedError } from '../../platform/errors.ts';
import { callerOf, RECIPIENT, requireBrokerToken, SENDER, SENDER_OR_RECIPIENT } from './checks.ts';
import { TooLarge, type Staged } from './files.ts';
import { bro, BrokerHttpProblem, modelValidation, unsupportedMediaType } from './problems.ts';
import { checkInitialize } from './rules.ts';
import {
  canonicalMembers, fileTransferParams, initializeBody, listQuery,
  type FileTransferParams, type InitializeInput, type ListQuery,
} from './schemas.ts';
import {
  beginUpload, completeUpload, confirmDownload, details, download, initialize, overview, readable, search, upload,
  MAX_SIZE_UNSCANNED, type BrokerContext,
} from './service.ts';
import type { FileTransfer } from './store.ts';

type IdRequest = FastifyRequest<{ Params: FileTransferParams }>;

/** Content-Disposition for a stored file name: an ASCII fallback and the RFC 8187 UTF-8 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function contentLengthOf(request: FastifyRequest): number | undefined {
  const raw = request.headers['content-length'];
  return typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** The multipart form's metadata fields (names bind case-insensitively), as the JSON model. */
function metadataOf(fields: Array<{ name: string; value: string }>): InitializeInput {
  const input: InitializeInput = {};
  const recipients: string[] = [];
  const properties: Record<string, string> = {};
  for (const { name, value } of fields) {
    const key = name.toLowerCase();
    if (key === 'metadata.filename') input.fileName = value;
    else if (key === 'metadata.resourceid') input.resourceId = value;
    else if (key === 'metadata.sendersfiletransferreference') input.sendersFileTransferReference = value;
    else if (key === 'metadata.sender') input.sender = value;
    else if (key === 'metadata.checksum') input.checksum = value;
    else if (key === 'metadata.recipients' || /^metadata\.recipients\[\d+\]$/.test(key)) recipients.push(value);
    else if (key.startsWith('metadata.propertylist[') && key.endsWith(']')) properties[name.slice('metadata.propertylist['.length, -1)] = value;
    else if (key === 'metadata.disablevirusscan') {
      if (!/^(true|false)$/i.test(value)) throw modelValidation({ 'Metadata.DisableVirusScan': [`The value '${value}' is not valid.`] });
      input.disableVirusScan = value.toLowerCase() === 'true';
    }
  }
  if (recipients.length > 0) input.recipients = recipients;
  if (Object.keys(properties).length > 0) input.propertyList = properties;
  return input;
}

/**
 * Busboy (under @fastify/multipart) reports a malformed body (no boundary, a broken part header, a body
 * that ends mid-part) as a plain Error without a status, which the error handler would answer with a
 * 500. The fault is the client's: 400. The broker's own problems, errors that carry a status (the
 * multipart limits) and system errors (a `syscall`, e.g. a full disk) pass unchanged. Found by the
 * fuzz test: `Content-Type: multipart/form-data` without a boundary, or a body `{` with one, gave a 500.
 */
function malformedMultipart(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof ExposedError) return error;
  if (typeof (error as { statusCode?: unknown }).statusCode === 'number' || 'syscall' in error) return error;
  return new BrokerHttpProblem(400, `The multipart body could not be read: ${error.message}`);
}

export async function brokerRoutes(app: FastifyInstance, opts: ComponentOptions & { ctx: BrokerContext }): Promise<void> {
  const { issuers, ctx } = opts;
  // TT02 (docs/contracts/tt02.md §4): behind API Management the broker takes exchanged Altinn tokens.
  const tokens = opts.config.tt02 ? { raw: false } : {};
  const sender = requireBrokerToken(issuers, SENDER, tokens);
  const recipient = requireBrokerToken(issuers, RECIPIENT, tokens);
  const either = requireBrokerToken(issuers, SENDER_OR_RECIPIENT, tokens);

  // A raw upload body is handed to the handler as the request stream, never read into memory.
  app.addContentTypeParser('application/octet-stream', function rawStream(_request, payload, done) {
    done(null, payload);
  });

  app.post<{ Body: InitializeInput }>('/filetransfer', {
    onRequest: sender,
    preValidation: async function bindMembers(request: FastifyRequest) {
      if (request.body instanceof Readable) throw unsupportedMediaType('application/json');
      request.body = canonicalMembers(request.body);
    },
    schema: { body: initializeBody },
  }, async function initializeRoute(request: FastifyRequest<{ Body: InitializeInput }>) {
    const caller = callerOf(request.auth);
    const transfer = initialize(ctx, caller, checkInitialize(request.body ?? {}));
    return { fileTransferId: transfer.fileTransferId };
  });

  app.post<{ Params: FileTransferParams }>('/filetransfer/:fileTransferId/upload', {
    onRequest: sender, schema: { params: fileTransferParams },
  }, async function uploadRoute(request: IdRequest) {
    const caller = callerOf(request.auth);
    if (!(request.body instanceof Readable)) throw unsupportedMediaType('application/octet-stream');
    const transfer = await upload(ctx, caller, request.params.fileTransferId, request.body, contentLengthOf(request));
    return { fileTransferId: transfer.fileTransferId };
  });

  /**
   * POST /filetransfer/upload (multipart/form-data): initialize and upload in one request. The file part
   * (`FileTransfer`) is streamed to a staging file as it arrives, whatever the order of the parts; the
   * form's metadata then runs the initialize checks, and the staged file the upload checks. A refused
   * request leaves no content behind.
   */
  app.post('/filetransfer/upload', { onRequest: sender }, async function initializeAndUploadRoute(request: FastifyRequest) {
    const caller = callerOf(request.auth);
    if (!request.isMultipart()) throw unsupportedMediaType('multipart/form-data');
    const fields: Array<{ name: string; value: string }> = [];
    let staged: Staged | undefined;
    let transfer: FileTransfer | undefined;
    try {
      for await (const part of request.parts() as AsyncIterableIterator<Multipart>) {
        if (part.type === 'field') {
          fields.push({ name: part.fieldname, value: String(part.value) });
          continue;
        }
        const file = part as MultipartFile;
        if (file.fieldname.toLowerCase() !== 'filetransfer' || staged) {
          file.file.resume();
          continue;
        }
        try {
          staged = await ctx.vault.receive(file.file, MAX_SIZE_UNSCANNED);
        } catch (error) {
          throw error instanceof TooLarge ? bro(16) : error;
        }
      }
      if (!staged) throw modelValidation({ FileTransfer: ['The FileTransfer field is required.'] });
      const init = checkInitialize(metadataOf(fields), 'Metadata.');
      transfer = initialize(ctx, caller, init);
    } catch (error) {
      if (staged) await ctx.vault.discard(staged.path);
      throw malformedMultipart(error);
    }
    // From here the transfer exists: the upload checks run on it as a separate upload call's would
    // (size 400 BRO-00016; checksum mismatch → Failed and 400 BRO-00009).
    let started: FileTransfer;
    try {
      started = beginUpload(ctx, caller, transfer.fileTransferId, staged.size);
    } catch (error) {
      await ctx.vault.discard(staged.path);
      throw error;
    }
    const published = await completeUpload(ctx, started, staged);
    return { fileTransferId: published.fileTransferId };
  });

  app.get<{ Querystring: ListQuery }>('/filetransfer', {
    onRequest: either, schema: { querystring: listQuery },
  }, async function listRoute(request: FastifyRequest<{ Querystring: ListQuery }>) {
    return search(ctx, callerOf(request.auth), request.query);
  });

  app.get<{ Params: FileTransferParams }>('/filetransfer/:fileTransferId', {
    onRequest: either, schema: { params: fileTransferParams },
  }, async function overviewRoute(request: IdRequest) {
    return overview(readable(ctx, callerOf(request.auth), request.params.fileTransferId));
  });

  app.get<{ Params: FileTransferParams }>('/filetransfer/:fileTransferId/details', {
    onRequest: either, schema: { params: fileTransferParams },
  }, async function detailsRoute(request: IdRequest) {
    return details(readable(ctx, callerOf(request.auth), request.params.fileTransferId));
  });

  app.get<{ Params: FileTransferParams }>('/filetransfer/:fileTransferId/download', {
    onRequest: recipient, schema: { params: fileTransferParams },
  }, async function downloadRoute(request: IdRequest, reply: FastifyReply) {
    const range = typeof request.headers.range === 'string' ? request.headers.range : undefined;
    const result = await download(ctx, callerOf(request.auth), request.params.fileTransferId, range);
    void reply
      .header('accept-ranges', 'bytes')
      .header('content-disposition', contentDisposition(result.transfer.fileName))
      .type('application/octet-stream');
    if (result.range) {
      const { start, end } = result.range;
      return reply.code(206)
        .header('content-range', `bytes ${start}-${end}/${result.size}`)
        .header('content-length', String(end - start + 1))
        .send(ctx.vault.read(result.transfer.fileTransferId, result.range));
    }
    return reply.header('content-length', String(result.size)).send(ctx.vault.read(result.transfer.fileTransferId));
  });

  app.post<{ Params: FileTransferParams }>('/filetransfer/:fileTransferId/confirmdownload', {
    onRequest: recipient, schema: { params: fileTransferParams },
  }, async function confirmDownloadRoute(request: IdRequest, reply: FastifyReply) {
    confirmDownload(ctx, callerOf(request.auth), request.params.fileTransferId);
    return reply.code(204).send();
  });
}
