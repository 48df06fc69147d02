// The portal is a BFF (backend for frontend), like Altinn's own: every page reads and acts through the
// platform's end-user APIs with the logged-in person's token, so each rule lives in one place (the API)
// and the page only shows what the API answered. The calls go in-process through `inject`: a plugin's
// instance inherits `inject` from the root, and it dispatches through the root's router (Fastify's
// `inject` closes over the root's HTTP handler), so the call runs the whole app: hooks, schemas,
// token checks and the error handler, exactly as an HTTP call would.

import type { FastifyInstance } from 'fastify';

/** What an API call answered: status, parsed body (JSON, else text) and the problem when it is one. */
export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  problem: ApiProblem | undefined;
}

/** The parts of an RFC 9457 problem (Altinn's shape) the pages explain. */
export interface ApiProblem {
  status: number;
  code: string | undefined;
  title: string | undefined;
  detail: string | undefined;
  /** The codes of `validationErrors[]` when the problem is a validation problem (STD-00000). */
  validationCodes?: string[];
}

type Method = 'GET' | 'POST' | 'DELETE';
type Query = Record<string, string | undefined>;

/** A path with its query string; every value is percent-encoded. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** One path segment, percent-encoded (ids from the query string never reshape the API path). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

function parseBody(contentType: string, text: string): unknown {
  if (/json/i.test(contentType) && text.length > 0) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function problemOf(status: number, body: unknown): ApiProblem | undefined {
  if (status < 400) return undefined;
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const validationCodes = Array.isArray(b.validationErrors)
    ? b.validationErrors.map((v: unknown) => (v && typeof v === 'object' ? str((v as Record<string, unknown>).code) : undefined)).filter((c): c is string => !!c)
    : [];
  return {
    status, code: str(b.code), title: str(b.title) ?? (typeof body === 'string' && body ? body : undefined), detail: str(b.detail),
    ...(validationCodes.length ? { validationCodes } : {}),
  };
}

/** Calls the platform's APIs as one person (the bearer token of the portal session). */
export class PlatformClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly token: string | undefined,
  ) {}

  async call<T = unknown>(method: Method, path: string, query: Query = {}, payload?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await this.app.inject({
      method,
      url: withQuery(path, query),
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    const body = parseBody(String(res.headers['content-type'] ?? ''), res.body);
    return { status: res.statusCode, body: body as T, problem: problemOf(res.statusCode, body) };
  }

  get<T = unknown>(path: string, query?: Query): Promise<ApiResult<T>> {
    return this.call<T>('GET', path, query);
  }

  post<T = unknown>(path: string, query?: Query, payload?: unknown): Promise<ApiResult<T>> {
    return this.call<T>('POST', path, query, payload);
  }

  delete<T = unknown>(path: string, query?: Query): Promise<ApiResult<T>> {
    return this.call<T>('DELETE', path, query);
  }

  /**
   * Every page of a paged Altinn list (`{links:{next}, data:[]}`): `next` is an absolute URL built from
   * the public base URL, so only its path and query are followed, on this app. At most `maxPages`.
   */
  async getAllPages<T>(path: string, query: Query, maxPages = 20): Promise<ApiResult<T[]>> {
    const items: T[] = [];
    let url = withQuery(path, query);
    for (let page = 0; page < maxPages; page++) {
      const res = await this.get<{ data?: T[]; links?: { next?: string | null } } | T[]>(url);
      if (res.problem) return { status: res.status, body: [], problem: res.problem };
      const body = res.body;
      if (Array.isArray(body)) return { status: res.status, body: body, problem: undefined };
      items.push(...(Array.isArray(body?.data) ? body.data : []));
      const next = body?.links?.next;
      if (typeof next !== 'string' || next === '') break;
      const parsed = new URL(next, 'http://portal.invalid');
      url = `${parsed.pathname}${parsed.search}`;
    }
    return { status: 200, body: items, problem: undefined };
  }
}
