// Evidence of every HTTP exchange, recorded by the clients (never written by steps) and attached to
// the step that made it (AfterStep hook, see hooks.ts): a JSON record of the exchange, a curl line
// that reproduces it, and the decoded header and claims of every JWT seen on the wire.
//
// Secrets are redacted before anything leaves this module: a JWT keeps its header and payload (they
// are the evidence) and loses its signature, so a token in the report can never be replayed; private
// key material (JWK private members, PEM private keys) is never shown.

import { appendFileSync } from 'node:fs';
import { decodeJwt, decodeProtectedHeader } from 'jose';

/**
 * `npm run bench` measures the suite's overhead against a plain replay of the same exchanges: with
 * SAMSVAR_RECORD_EXCHANGES set to a file, every request is appended to it as sent (unredacted, so
 * only ever to a local benchmark file, never to the report).
 */
const recordTo = process.env.SAMSVAR_RECORD_EXCHANGES;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The body exactly as sent (JSON text, form text), before redaction. */
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as received, before redaction. */
  body: string;
}

/** One request and what came back (or the fault that stopped it). */
export interface Exchange {
  /** Order within the scenario, from 1. */
  seq: number;
  /** The role word of the actor that made the call (systemleverandøren, virksomheten, ...). */
  actor: string;
  /** The platform component the client talks to (maskinporten, authentication, ...). */
  component: string;
  startedAt: string;
  durationMs: number;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Network, timeout or configuration fault: no response. */
  error?: string;
  /** Set when a step asserted on this response (STYLE habit 6: no error response goes unchecked). */
  verified: boolean;
}

/** The World's recorder: every exchange of one scenario, and the ones not yet attached to a step. */
export class EvidenceRecorder {
  private readonly all: Exchange[] = [];
  private pending: Exchange[] = [];
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  record(exchange: Exchange): void {
    if (recordTo) appendFileSync(recordTo, `${JSON.stringify(exchange.request)}\n`);
    this.all.push(exchange);
    this.pending.push(exchange);
  }

  /** Exchanges made since the last call (the current step's evidence). */
  takePending(): Exchange[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** Responses with status >= 400 that no step asserted. */
  unverifiedErrors(): Exchange[] {
    return this.all.filter((e) => e.response !== undefined && e.response.status >= 400 && !e.verified);
  }

  exchanges(): readonly Exchange[] {
    return this.all;
  }
}

// ---------------------------------------------------------------------------------------------
// Redaction

export const REDACTED = '<redacted>';
export const REDACTED_PRIVATE_KEY = '<redacted private key>';

/** A compact JWS: three base64url parts, the first two JSON objects (they start with "eyJ"). */
const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+/g;
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;
/** JWK members that hold private key material (RFC 7518 §6.2.2, §6.3.2, §6.4). */
const JWK_PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);
/** Headers whose values are secrets without being JWTs. */
const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'ocp-apim-subscription-key', 'x-api-key', 'proxy-authorization']);

/** A JWT without its signature: header.payload.<redacted>. */
export function redactJwt(token: string): string {
  const parts = token.split('.');
  if (parts.length !== 3) return REDACTED;
  return `${parts[0]}.${parts[1]}.${REDACTED}`;
}

/** Replaces every JWT signature and every PEM private key inside a text. */
export function redactText(text: string): string {
  return text.replace(JWT_PATTERN, (jwt) => redactJwt(jwt)).replace(PEM_PRIVATE_KEY, REDACTED_PRIVATE_KEY);
}

/** Redacts a parsed JSON value: JWTs in strings, PEM keys, and private members of JWK objects. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const isJwk = typeof record.kty === 'string';
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(record)) {
      out[key] = isJwk && JWK_PRIVATE_MEMBERS.has(key) ? REDACTED : redactJson(member);
    }
    return out;
  }
  return value;
}

/** Redacts one header value: bearer tokens keep header.payload, other secret headers are hidden. */
export function redactHeader(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'authorization') {
    const match = /^(\S+)\s+(\S+)$/.exec(value);
    if (!match) return REDACTED;
    const [, scheme, credentials] = match;
    const looksLikeJwt = credentials !== undefined && /^eyJ[^.]*\.eyJ[^.]*\.[^.]+$/.test(credentials);
    return `${scheme} ${looksLikeJwt ? redactJwt(credentials) : REDACTED}`;
  }
  if (SECRET_HEADERS.has(lower)) return REDACTED;
  return redactText(value);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = redactHeader(name, value);
  return out;
}

function contentType(headers: Record<string, string>): string {
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === 'content-type') return value.toLowerCase();
  return '';
}

function isJsonType(type: string): boolean {
  return /^application\/([a-z0-9.+-]*\+)?json\b/.test(type) || type.startsWith('application/json');
}

/** Form fields that carry a JWT or another secret. */
const SECRET_FORM_FIELDS = new Set(['assertion', 'client_assertion', 'access_token', 'id_token', 'refresh_token', 'client_secret', 'password', 'code']);

/** A body for the report: parsed and redacted when JSON or a form, redacted text otherwise. */
export function redactBody(body: string | undefined, headers: Record<string, string>): unknown {
  if (body === undefined || body === '') return body;
  const type = contentType(headers);
  if (isJsonType(type)) {
    try {
      return redactJson(JSON.parse(body));
    } catch {
      return redactText(body);
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return redactForm(body);
  }
  return redactText(body);
}

/** A form body as a record, with secret fields reduced to header.payload.<redacted> (or <redacted>). */
export function redactForm(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (SECRET_FORM_FIELDS.has(key)) {
      out[key] = /^eyJ[^.]*\.eyJ[^.]*\.[^.]+$/.test(value) ? redactJwt(value) : REDACTED;
    } else {
      out[key] = redactText(value);
    }
  }
  return out;
}

function redactFormText(body: string): string {
  return new URLSearchParams(redactForm(body)).toString().replaceAll('%3Credacted%3E', REDACTED);
}

// ---------------------------------------------------------------------------------------------
// Report shapes

export interface ExchangeReport {
  seq: number;
  actor: string;
  component: string;
  startedAt: string;
  durationMs: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown };
  response?: { status: number; headers: Record<string, string>; body?: unknown };
  error?: string;
}

/** The exchange as it appears in the report: everything, with secrets redacted. */
export function redactExchange(exchange: Exchange): ExchangeReport {
  const report: ExchangeReport = {
    seq: exchange.seq,
    actor: exchange.actor,
    component: exchange.component,
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
    request: {
      method: exchange.request.method,
      url: redactText(exchange.request.url),
      headers: redactHeaders(exchange.request.headers),
    },
  };
  if (exchange.request.body !== undefined) report.request.body = redactBody(exchange.request.body, exchange.request.headers);
  if (exchange.response) {
    report.response = {
      status: exchange.response.status,
      headers: redactHeaders(exchange.response.headers),
      body: redactBody(exchange.response.body, exchange.response.headers),
    };
  }
  if (exchange.error !== undefined) report.error = redactText(exchange.error);
  return report;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Headers curl computes itself or that only describe the transport. */
const CURL_SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/**
 * A curl command that repeats the request. Tokens are shown as header.payload.<redacted>, so the
 * reader substitutes a fresh token of their own before running it.
 */
export function curlFor(exchange: Exchange): string {
  const parts = ['curl', '-sS', '-i', '-X', exchange.request.method, shellQuote(redactText(exchange.request.url))];
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (CURL_SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    parts.push('-H', shellQuote(`${name}: ${redactHeader(name, value)}`));
  }
  const body = exchange.request.body;
  if (body !== undefined && body !== '') {
    const type = contentType(exchange.request.headers);
    let text: string;
    if (isJsonType(type)) {
      try {
        text = JSON.stringify(redactJson(JSON.parse(body)));
      } catch {
        text = redactText(body);
      }
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      text = redactFormText(body);
    } else {
      text = redactText(body);
    }
    parts.push('--data-raw', shellQuote(text));
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// JWTs seen on the wire

export interface DecodedJwt {
  /** Where the token was seen: "request header Authorization", "request form assertion", "response body access_token". */
  where: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decode(where: string, token: string): DecodedJwt | undefined {
  try {
    return { where, header: decodeProtectedHeader(token) as Record<string, unknown>, claims: decodeJwt(token) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

function jwtsInJson(value: unknown, path: string, where: string, out: DecodedJwt[]): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(JWT_PATTERN)) {
      const decoded = decode(`${where} ${path || '(body)'}`.trim(), match[0]);
      if (decoded) out.push(decoded);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => jwtsInJson(item, `${path}[${i}]`, where, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      jwtsInJson(member, path ? `${path}.${key}` : key, where, out);
    }
  }
}

function jwtsInBody(body: string | undefined, headers: Record<string, string>, where: string, out: DecodedJwt[]): void {
  if (body === undefined || body === '') return;
  const type = contentType(headers);
  if (isJsonType(type)) {
    try {
      jwtsInJson(JSON.parse(body), '', where, out);
      return;
    } catch {
      // fall through to text
    }
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body)) jwtsInJson(value, key, `${where} form`, out);
    return;
  }
  jwtsInJson(body, '', where, out);
}

/** Every JWT in the request (headers, body) and the response (headers, body), decoded. */
export function jwtsIn(exchange: Exchange): DecodedJwt[] {
  const out: DecodedJwt[] = [];
  for (const [name, value] of Object.entries(exchange.request.headers)) jwtsInJson(value, name, 'request header', out);
  jwtsInBody(exchange.request.body, exchange.request.headers, 'request body', out);
  if (exchange.response) {
    for (const [name, value] of Object.entries(exchange.response.headers)) jwtsInJson(value, name, 'response header', out);
    jwtsInBody(exchange.response.body, exchange.response.headers, 'response body', out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Attaching

export interface Attacher {
  attach(data: string, options: { mediaType: string; fileName?: string }): void | Promise<void>;
}

function shortPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Attaches one exchange: the JSON record, the curl line and, when any, the decoded JWTs. */
export async function attachExchange(target: Attacher, exchange: Exchange): Promise<void> {
  const status = exchange.response ? String(exchange.response.status) : 'feil';
  const title = `HTTP ${exchange.seq} ${exchange.request.method} ${shortPath(exchange.request.url)} → ${status} (${exchange.actor})`;
  await target.attach(JSON.stringify(redactExchange(exchange), null, 2), { mediaType: 'application/json', fileName: `${title}.json` });
  await target.attach(curlFor(exchange), { mediaType: 'text/plain', fileName: `curl ${exchange.seq}` });
  const jwts = jwtsIn(exchange);
  if (jwts.length > 0) {
    await target.attach(JSON.stringify(jwts, null, 2), { mediaType: 'application/json', fileName: `JWT ${exchange.seq} (dekodet, uten signatur)` });
  }
}
