// Paged lists of Altinn Authentication (docs/contracts/altinn-authentication.md §5.2): `{links:{next}, data}`, with an
// opaque base64url continuation token and an absolute `next` URL built from the public base URL.

import type { FastifyRequest } from 'fastify';
import { ValidationProblem } from '../../platform/errors.ts';

/** Page size (docs/contracts/altinn-authentication.md §5.2: 20 in Altinn's dev configuration). */
export const PAGE_SIZE = 20;

export interface Paginated<T> {
  links: { next: string | null };
  data: T[];
}

/** The token is the base64url of the JSON of the last key on the page, as Altinn's Opaque<T> is. */
export function encodeToken(key: string | number): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function badToken(): ValidationProblem {
  return new ValidationProblem([
    { code: 'STD.VLD-00003', title: 'The continuation token is not valid.', paths: ['/querystring/token'] },
  ]);
}

/** Decodes a token of the expected key type; a malformed token is a 400 validation problem. */
export function decodeToken<K extends string | number>(token: string | undefined, kind: 'string' | 'number'): K | undefined {
  if (token === undefined) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw badToken();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badToken();
  }
  if (typeof key !== kind) throw badToken();
  return key as K;
}

/**
 * One page of `items` (already in key order) after the key `after` (exclusive). `next` is the absolute
 * URL of this same route with the token, from the configured public URL, never from the Host header.
 */
export function paginate<T, K extends string | number>(
  request: FastifyRequest,
  publicUrl: string,
  items: T[],
  keyOf: (item: T) => K,
  after: K | undefined,
): { page: T[]; next: string | null } {
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  const page = rest.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  if (rest.length <= PAGE_SIZE || last === undefined) return { page, next: null };
  const path = request.url.split('?')[0] ?? '';
  return { page, next: `${publicUrl}${path}?token=${encodeToken(keyOf(last))}` };
}
