// Altinn Broker, the file transfer API (formidlingstjenesten; docs/contracts/dialogporten-broker.md §B):
// initialize, upload, overview, details, list, download and confirm download, under
// `{broker}/broker/api/v1`. Uploads and downloads are streams: the client never holds a file whole.
// An upload sends a Readable as the raw body (application/octet-stream) with its Content-Length; a
// download is read through an MD5 as it arrives and only its length and MD5 are kept. Streamed
// exchanges are recorded as evidence like every other, with a note in place of the bytes.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { DigestingStream, type Digest } from '../checksum.ts';
import { Broken, HttpClient, parseProblem, type ApiResponse, type HttpContext } from './http.ts';
import type { Exchange } from '../evidence.ts';

const BASE = '/broker/api/v1';

/** FileTransferInitalizeExt (docs/contracts/dialogporten-broker.md §B.2). */
export interface FileTransferInitialize {
  resourceId: string;
  fileName: string;
  sendersFileTransferReference?: string;
  sender: string;
  recipients: string[];
  propertyList?: Record<string, string>;
  /** MD5, 32 lower-case hex characters. */
  checksum?: string;
  disableVirusScan?: boolean;
}

export interface FileTransferId {
  fileTransferId: string;
}

export type FileTransferStatus =
  | 'Initialized' | 'UploadStarted' | 'UploadProcessing' | 'Published' | 'Cancelled' | 'AllConfirmedDownloaded' | 'Purged' | 'Failed';
export type RecipientStatus = 'Initialized' | 'DownloadStarted' | 'DownloadConfirmed';

/** FileTransferOverviewExt (docs/contracts/dialogporten-broker.md §B.3). */
export interface FileTransferOverview {
  fileTransferId: string;
  resourceId: string;
  fileName: string;
  sendersFileTransferReference: string | null;
  checksum: string | null;
  useVirusScan?: boolean;
  fileTransferSize: number;
  fileTransferStatus: FileTransferStatus | string;
  fileTransferStatusText: string;
  fileTransferStatusChanged: string;
  created: string;
  expirationTime: string;
  sender: string;
  recipients: Array<{
    recipient: string;
    currentRecipientFileTransferStatusCode: RecipientStatus | string;
    currentRecipientFileTransferStatusText: string;
    currentRecipientFileTransferStatusChanged: string;
  }>;
  propertyList: Record<string, string>;
  published: string | null;
}

/** FileTransferStatusDetailsExt (docs/contracts/dialogporten-broker.md §B.3): the overview without `published`, with both histories. */
export interface FileTransferDetails extends Omit<FileTransferOverview, 'published'> {
  fileTransferStatusHistory: Array<{ fileTransferStatus: string; fileTransferStatusText: string; fileTransferStatusChanged: string }>;
  recipientFileTransferStatusHistory: Array<{
    recipient: string;
    recipientFileTransferStatusCode: string;
    recipientFileTransferStatusText: string;
    recipientFileTransferStatusChanged: string;
  }>;
}

/** The list query (docs/contracts/dialogporten-broker.md §B.1). */
export interface FileTransferQuery {
  resourceId: string;
  status?: FileTransferStatus;
  recipientStatus?: RecipientStatus;
  role?: 'Sender' | 'Recipient';
}

/** A download: the answer, and for a 2xx the length and MD5 of the bytes that arrived. */
export type DownloadResponse = ApiResponse<never> & { received?: Digest };

/** Bytes to upload: a stream (with its length) or a buffer. */
export interface UploadContent {
  body: Readable | Buffer;
  /** The number of bytes the stream will give (sent as Content-Length). */
  size: number;
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class BrokerClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('broker', baseUrl, context);
  }

  /** POST filetransfer (scope altinn:broker.write): 200 {fileTransferId}. */
  initialize(token: string, body: FileTransferInitialize): Promise<ApiResponse<FileTransferId>> {
    return this.send({ method: 'POST', path: `${BASE}/filetransfer`, bearer: token, json: body });
  }

  /** POST filetransfer/{id}/upload (scope altinn:broker.write): the raw body streamed; 200 {fileTransferId}. */
  upload(token: string, fileTransferId: string, content: UploadContent): Promise<ApiResponse<FileTransferId>> {
    return this.streamed<FileTransferId>('POST', `${BASE}/filetransfer/${encodeURIComponent(fileTransferId)}/upload`, token, content);
  }

  /** GET filetransfer/{id} (write as sender or read as recipient): 200 FileTransferOverviewExt. */
  overview(token: string, fileTransferId: string): Promise<ApiResponse<FileTransferOverview>> {
    return this.send({ method: 'GET', path: `${BASE}/filetransfer/${encodeURIComponent(fileTransferId)}`, bearer: token });
  }

  /** GET filetransfer/{id}/details: 200 FileTransferStatusDetailsExt. */
  details(token: string, fileTransferId: string): Promise<ApiResponse<FileTransferDetails>> {
    return this.send({ method: 'GET', path: `${BASE}/filetransfer/${encodeURIComponent(fileTransferId)}/details`, bearer: token });
  }

  /** GET filetransfer?resourceId=..: 200 with the ids (newest first, at most 100). */
  list(token: string, query: FileTransferQuery): Promise<ApiResponse<string[]>> {
    return this.send({ method: 'GET', path: `${BASE}/filetransfer`, bearer: token, query: { ...query } });
  }

  /** GET filetransfer/{id}/download (scope altinn:broker.read): the bytes, read through an MD5 and dropped. */
  download(token: string, fileTransferId: string): Promise<DownloadResponse> {
    return this.streamed<never>('GET', `${BASE}/filetransfer/${encodeURIComponent(fileTransferId)}/download`, token);
  }

  /** POST filetransfer/{id}/confirmdownload (scope altinn:broker.read): 204. */
  confirmDownload(token: string, fileTransferId: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'POST', path: `${BASE}/filetransfer/${encodeURIComponent(fileTransferId)}/confirmdownload`, bearer: token });
  }

  /**
   * One exchange with a streamed body: an upload sends `content` as application/octet-stream; a
   * 2xx answer that is not JSON (a download) is hashed as it arrives. JSON and problem answers are
   * read and parsed as `send` does. Throws `Broken` only when there is no answer.
   */
  private async streamed<T>(method: 'GET' | 'POST', path: string, token: string, content?: UploadContent): Promise<ApiResponse<T> & { received?: Digest }> {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = {
      accept: content ? 'application/json, application/problem+json;q=0.9' : 'application/octet-stream, application/problem+json;q=0.9',
      ...this.context.headers,
      authorization: `Bearer ${token}`,
    };
    if (content) {
      headers['content-type'] = 'application/octet-stream';
      headers['content-length'] = String(content.size);
    }
    const exchange: Exchange = {
      seq: this.context.recorder.nextSeq(),
      actor: this.context.actor,
      component: this.component,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      request: { method, url, headers, ...(content ? { body: `<strøm: ${content.size} byte application/octet-stream>` } : {}) },
      verified: false,
    };
    const started = performance.now();
    const fail = (error: unknown): never => {
      exchange.durationMs = Math.round(performance.now() - started);
      const cause = error as Error & { code?: string; cause?: { code?: string } };
      const code = cause.code ?? cause.cause?.code;
      exchange.error = `${cause.name}${code ? ` ${code}` : ''}: ${cause.message}`;
      this.context.recorder.record(exchange);
      const timedOut = cause.name === 'TimeoutError' || cause.name === 'AbortError';
      throw new Broken(
        timedOut
          ? `${this.component}: ${method} ${url} ble ikke ferdig innen ${this.context.timeoutMs} ms`
          : `${this.component}: ${method} ${url} feilet uten svar (${exchange.error})`,
      );
    };
    let status: number;
    let responseHeaders: Record<string, string>;
    let text = '';
    let received: Digest | undefined;
    try {
      const response = await request(url, {
        method,
        headers,
        ...(content ? { body: content.body } : {}),
        signal: AbortSignal.timeout(this.context.timeoutMs),
      });
      status = response.statusCode;
      responseHeaders = flatten(response.headers);
      const type = responseHeaders['content-type'] ?? '';
      if (status >= 200 && status < 300 && !/json/i.test(type)) {
        const meter = new DigestingStream();
        await pipeline(response.body, meter, new Writable({ write: (_chunk, _encoding, done) => done() }));
        received = meter.digest();
        text = `<strøm: ${received.size} byte mottatt, MD5 ${received.md5}>`;
      } else {
        text = await response.body.text();
      }
    } catch (error) {
      return fail(error);
    }
    exchange.durationMs = Math.round(performance.now() - started);
    exchange.response = { status, headers: responseHeaders, body: text };
    this.context.recorder.record(exchange);

    const contentType = responseHeaders['content-type'] ?? '';
    let parsed: unknown = text;
    let isJson = false;
    if (!received && text !== '' && /json/i.test(contentType)) {
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        parsed = text;
      }
    }
    const problem = status >= 400 ? parseProblem(parsed, contentType) : undefined;
    return {
      status,
      headers: responseHeaders,
      body: parsed,
      text,
      exchange,
      ...(status >= 200 && status < 300 && isJson ? { data: parsed as T } : {}),
      ...(problem ? { problem } : {}),
      ...(received ? { received } : {}),
    };
  }
}

/** `0192:<orgno>`: how the broker names a sender or recipient organisation (docs/contracts/dialogporten-broker.md §B.2). */
export const brokerParty = (orgNo: string): string => `0192:${orgNo}`;

/** A Buffer as upload content. */
export const bytes = (buffer: Buffer): UploadContent => ({ body: buffer, size: buffer.length });

/** A stream of known length as upload content. */
export const stream = (body: Readable, size: number): UploadContent => ({ body, size });
