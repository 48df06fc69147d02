// The MVA sample service's HTTP API (docs/samsvar-apis.md §3), on node:http:
//   POST /api/v1/vat-reports              scope samsvar:mva.write, PDP action write → 201 + Location + receipt
//   GET  /api/v1/vat-reports/{receiptId}  scope samsvar:mva.read or .write, PDP action read → 200 receipt
// Receipts live in memory.

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { CODES, newTraceId, problem, VALIDATION } from './problem.js';
import { PdpUnavailable } from './pdp.js';
import { TokenRefusal, UpstreamUnavailable } from './token.js';
import { validateReport } from './validate.js';

export const SCOPES = { write: 'samsvar:mva.write', read: 'samsvar:mva.read' };
export const MAX_BODY_BYTES = 64 * 1024;
const MAX_RECEIPTS = 100_000;
const COLLECTION = '/api/v1/vat-reports';

class HttpProblem extends Error {
  constructor(status, title, options = {}) {
    super(title);
    this.status = status;
    this.options = options;
    this.headers = options.headers ?? {};
  }
}

function send(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  const contentType = status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The request body as a Buffer, at most MAX_BODY_BYTES (413 beyond that). */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      reject(new HttpProblem(413, 'Payload Too Large', { detail: `The body may be at most ${MAX_BODY_BYTES} bytes.`, headers: { connection: 'close' } }));
      return;
    }
    const chunks = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        reject(new HttpProblem(413, 'Payload Too Large', { detail: `The body may be at most ${MAX_BODY_BYTES} bytes.`, headers: { connection: 'close' } }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

function validationProblem(errors) {
  return new HttpProblem(400, 'One or more validation errors occurred.', { code: CODES.validation, validationErrors: errors });
}

/**
 * Builds the service. `verifyToken(header, scopes)` is the token check (token.js); `pdp.authorize(question)`
 * the PEP (pdp.js), or null for the deliberately broken variant that never asks and permits everything.
 */
export function createMvaService({ verifyToken, pdp, resource, publicUrl, log = () => {} }) {
  const receipts = new Map();

  async function permitted(caller, action, partyOrgNo) {
    if (pdp === null) return true; // SKIP_PDP: the broken variant
    return pdp.authorize({ systemUserId: caller.systemUserId, action, resource, partyOrgNo });
  }

  async function submit(req, res) {
    const raw = await readBody(req);
    const caller = await verifyToken(req.headers.authorization, [SCOPES.write]);

    let body;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw validationProblem([{ code: VALIDATION.notJson, title: 'The request body is not valid JSON.', paths: ['/'] }]);
    }
    const { report, errors } = validateReport(body);
    if (errors) throw validationProblem(errors);

    if (!(await permitted(caller, 'write', report.partyOrgNo))) {
      throw new HttpProblem(403, 'Forbidden', {
        code: CODES.notAuthorized,
        detail: `The system user may not submit VAT reports for ${report.partyOrgNo}.`,
      });
    }

    const receiptId = randomUUID();
    const receipt = {
      receiptId,
      partyOrgNo: report.partyOrgNo,
      year: report.year,
      term: report.term,
      totalVat: report.totalVat,
      receivedAt: new Date().toISOString(),
      submittedBy: {
        systemUserId: caller.systemUserId,
        systemId: caller.systemId,
        systemUserOwnerOrgNo: caller.systemUserOwnerOrgNo,
        vendorOrgNo: caller.vendorOrgNo,
      },
    };
    if (receipts.size >= MAX_RECEIPTS) receipts.delete(receipts.keys().next().value);
    receipts.set(receiptId, receipt);
    send(res, 201, receipt, { location: `${publicUrl()}${COLLECTION}/${receiptId}` });
  }

  async function read(req, res, receiptId) {
    req.resume();
    const caller = await verifyToken(req.headers.authorization, [SCOPES.read, SCOPES.write]);
    const unknown = () => new HttpProblem(404, 'Not Found', { code: CODES.unknownReceipt, detail: 'No such receipt.' });
    const receipt = receipts.get(receiptId);
    if (!receipt) throw unknown();
    // A receipt the caller may not read is indistinguishable from one that does not exist.
    if (!(await permitted(caller, 'read', receipt.partyOrgNo))) throw unknown();
    send(res, 200, receipt);
  }

  async function route(req, res) {
    let path;
    try {
      path = new URL(req.url ?? '/', 'http://service.invalid').pathname;
    } catch {
      throw new HttpProblem(400, 'Bad Request', { detail: 'The request target is not a valid path.' });
    }
    if (path === COLLECTION || path === `${COLLECTION}/`) {
      if (req.method !== 'POST') throw new HttpProblem(405, 'Method Not Allowed', { headers: { allow: 'POST' } });
      return submit(req, res);
    }
    if (path.startsWith(`${COLLECTION}/`)) {
      const segment = path.slice(COLLECTION.length + 1);
      let receiptId;
      try {
        receiptId = decodeURIComponent(segment);
      } catch {
        receiptId = undefined;
      }
      if (receiptId !== undefined && receiptId !== '' && !segment.includes('/')) {
        if (req.method !== 'GET') throw new HttpProblem(405, 'Method Not Allowed', { headers: { allow: 'GET' } });
        return read(req, res, receiptId);
      }
    }
    throw new HttpProblem(404, 'Not Found', { detail: `No route for ${req.method} ${path}.` });
  }

  return createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, async (req, res) => {
    const traceId = newTraceId();
    try {
      await route(req, res);
      log(`${req.method} ${req.url} ${res.statusCode}`);
    } catch (error) {
      let status;
      let body;
      let headers = {};
      if (error instanceof TokenRefusal) {
        status = error.status;
        body = problem(status, status === 401 ? 'Unauthorized' : 'Forbidden', { code: error.code, detail: error.message, traceId });
        if (status === 401) headers = { 'www-authenticate': error.missing ? 'Bearer' : 'Bearer error="invalid_token"' };
      } else if (error instanceof HttpProblem) {
        status = error.status;
        body = problem(status, error.message, { ...error.options, traceId });
        headers = error.headers;
      } else if (error instanceof PdpUnavailable || error instanceof UpstreamUnavailable) {
        // Not a decision, so never a Permit: fail closed, and say it is the platform's side.
        status = 503;
        body = problem(503, 'Service Unavailable', { detail: 'The authorization platform could not be reached.', traceId });
        headers = { 'retry-after': '5' };
        console.error(`mva-service: ${req.method} ${req.url}: ${error.message}`);
      } else {
        status = 500;
        body = problem(500, 'Internal Server Error', { traceId });
        console.error(`mva-service: ${req.method} ${req.url}:`, error);
      }
      log(`${req.method} ${req.url} ${status}${body.code ? ` ${body.code}` : ''}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(res, status, body, headers);
    }
  });
}
