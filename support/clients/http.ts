// The one HTTP base every component client stands on (undici `request`). It records every exchange
// as evidence, parses what came back, and never throws on a 4xx/5xx: a status is an answer from the
// target, and only a Then-step decides whether it conforms. Network faults, timeouts and bad
// configuration throw `Broken`, a plain Error (not an AssertionError), so the report marks the
// scenario *broken* (the test could not run) rather than *failed* (the target answered wrongly).

import { request } from 'undici';
import type { EvidenceRecorder, Exchange } from '../evidence.ts';

/** The suite could not talk to the target (network, timeout, configuration): not a verdict on the target. */
export class Broken extends Error {
  override name = 'Broken';
}

/** One entry of an Altinn validation problem (docs/contracts/altinn-authentication.md §7.2). */
export interface ValidationError {
  code: string;
  title?: string;
  detail?: string;
  paths?: string[];
  [extension: string]: unknown;
}

/** RFC 9457 problem details in Altinn's shape (docs/contracts/altinn-authentication.md §7.1). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  traceId?: string;
  statusDescription?: string;
  /** `validationErrors` (Altinn's ProblemDetails v5) or, from newer versions, `errors` as a list. */
  validationErrors?: ValidationError[];
  [extension: string]: unknown;
}

/** An OAuth 2.0 error response (RFC 6749 §5.2), as Maskinporten sends it. */
export interface OAuthErrorBody {
  error: string;
  error_description?: string;
  error_uri?: string;
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  /** Parsed JSON when the content type is JSON (also problem+json), else the text (possibly ""). */
  readonly body: unknown;
  /** The body typed as the contract's success shape: set only for a 2xx JSON body. Not validated. */
  readonly data?: T;
  /** Set when the body is a problem (problem+json, or JSON with title/type and status). */
  readonly problem?: Problem;
  /** Set when the body is an OAuth error ({error, error_description}). */
  readonly oauthError?: OAuthErrorBody;
  /** The raw body text. */
  readonly text: string;
  /** The recorded exchange; assertions mark it verified. */
  readonly exchange: Exchange;
}

/** What a client needs to know about where it runs. */
export interface HttpContext {
  /** The role word of the actor making the calls (for the evidence). */
  actor: string;
  recorder: EvidenceRecorder;
  /** Per-request timeout (profile `timeouts.requestMs`). */
  timeoutMs: number;
  /** Headers every request of this client carries (an API Management subscription key, profile `access`). */
  headers?: Record<string, string>;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface SendOptions {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path appended to the client's base URL; starts with "/". */
  path: string;
  /** An absolute URL the target gave (a list's `links.next`): used as is, in place of base URL + path. */
  url?: string;
  query?: Query;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer <token>`. */
  bearer?: string;
  /** JSON body (serialised here, content type application/json). */
  json?: unknown;
  /** Form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  /** A raw body with its own content type in `headers`. */
  raw?: string;
}

function isJsonContentType(type: string): boolean {
  return /^application\/(?:[a-z0-9.+-]*\+)?json(?:\s*;|$)/i.test(type.trim()) || /^application\/json/i.test(type.trim());
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads a problem from a parsed body, tolerating `errors` (list) in place of `validationErrors`. */
export function parseProblem(body: unknown, contentType: string): Problem | undefined {
  const record = asRecord(body);
  if (!record) return undefined;
  const isProblemType = /^application\/problem\+json/i.test(contentType.trim());
  const looksLikeProblem = typeof record.status === 'number' && (typeof record.title === 'string' || typeof record.type === 'string');
  if (!isProblemType && !looksLikeProblem) return undefined;
  const problem: Problem = { ...record } as Problem;
  const list = Array.isArray(record.validationErrors) ? record.validationErrors : Array.isArray(record.errors) ? record.errors : undefined;
  if (list) {
    problem.validationErrors = list
      .map((item) => asRecord(item))
      .filter((item): item is Record<string, unknown> => item !== undefined && typeof item.code === 'string')
      .map((item) => ({ ...item, code: item.code as string, paths: Array.isArray(item.paths) ? item.paths.map(String) : undefined }) as ValidationError);
  }
  return problem;
}

function parseOAuthError(body: unknown): OAuthErrorBody | undefined {
  const record = asRecord(body);
  if (!record || typeof record.error !== 'string') return undefined;
  const out: OAuthErrorBody = { error: record.error };
  if (typeof record.error_description === 'string') out.error_description = record.error_description;
  if (typeof record.error_uri === 'string') out.error_uri = record.error_uri;
  return out;
}

function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** The base every component client extends: one base URL, one actor, every exchange recorded. */
export class HttpClient {
  constructor(
    /** Component name for the evidence (maskinporten, authentication, ...). */
    readonly component: string,
    /** Base URL of the component from the target profile (no trailing slash). */
    readonly baseUrl: string,
    protected readonly context: HttpContext,
  ) {}

  /** GET of an absolute URL the target answered with (a list's `links.next`), with the same token. */
  follow<T = unknown>(url: string, bearer: string): Promise<ApiResponse<T>> {
    return this.send<T>({ method: 'GET', path: '', url, bearer });
  }

  /** Sends one request. Resolves with any status; throws `Broken` only when there is no answer. */
  async send<T = unknown>(options: SendOptions): Promise<ApiResponse<T>> {
    let url: string;
    try {
      url = options.url !== undefined ? new URL(options.url).toString() : buildUrl(this.baseUrl, options.path, options.query);
    } catch (error) {
      throw new Broken(`Ugyldig URL for ${this.component}: ${this.baseUrl}${options.path} (${(error as Error).message})`);
    }
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1', ...this.context.headers, ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    } else if (options.form !== undefined) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.raw !== undefined) {
      body = options.raw;
    }
    if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;

    const exchange: Exchange = {
      seq: this.context.recorder.nextSeq(),
      actor: this.context.actor,
      component: this.component,
      startedAt: new Date().toISOString(),
      durationMs: 0,
      request: { method: options.method, url, headers, ...(body !== undefined ? { body } : {}) },
      verified: false,
    };
    const started = performance.now();
    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    try {
      const response = await request(url, {
        method: options.method,
        headers,
        body,
        signal: AbortSignal.timeout(this.context.timeoutMs),
      });
      status = response.statusCode;
      responseHeaders = flattenHeaders(response.headers);
      text = await response.body.text();
    } catch (error) {
      exchange.durationMs = Math.round(performance.now() - started);
      const cause = error as Error & { code?: string; cause?: { code?: string } };
      const code = cause.code ?? cause.cause?.code;
      exchange.error = `${cause.name}${code ? ` ${code}` : ''}: ${cause.message}`;
      this.context.recorder.record(exchange);
      const timedOut = cause.name === 'TimeoutError' || cause.name === 'AbortError';
      throw new Broken(
        timedOut
          ? `${this.component}: ${options.method} ${url} fikk ikke svar innen ${this.context.timeoutMs} ms`
          : `${this.component}: ${options.method} ${url} feilet uten svar (${exchange.error})`,
      );
    }
    exchange.durationMs = Math.round(performance.now() - started);
    exchange.response = { status, headers: responseHeaders, body: text };
    this.context.recorder.record(exchange);

    const contentType = responseHeaders['content-type'] ?? '';
    let parsed: unknown = text;
    let isJson = false;
    if (text !== '' && isJsonContentType(contentType)) {
      try {
        parsed = JSON.parse(text);
        isJson = true;
      } catch {
        parsed = text; // a JSON content type with a body that is not JSON: leave the text for the assertion to show
      }
    }
    const problem = status >= 400 ? parseProblem(parsed, contentType) : undefined;
    const oauthError = status >= 400 ? parseOAuthError(parsed) : undefined;
    const data = status >= 200 && status < 300 && isJson ? (parsed as T) : undefined;
    return {
      status,
      headers: responseHeaders,
      body: parsed,
      text,
      exchange,
      ...(data !== undefined ? { data } : {}),
      ...(problem ? { problem } : {}),
      ...(oauthError ? { oauthError } : {}),
    };
  }
}

/** Marks a response as asserted by a step, so the After hook does not report it as unchecked. */
export function markVerified(response: ApiResponse<unknown>): void {
  response.exchange.verified = true;
}
