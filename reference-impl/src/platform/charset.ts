// A JSON body must be UTF-8 (RFC 8259 §8.1). Fastify's JSON parser ignores the declared charset and
// reads the bytes as UTF-8 whatever the header says, so a body sent as `application/json;
// charset=utf-16` was read as something its sender did not say. Every component refuses a JSON body
// whose declared charset is not UTF-8 (`utf-8` or its alias `utf8`, any case; no charset means UTF-8)
// with 415 problem details, before the body is read. Installed once on the root app (app.ts), so it
// runs for every component's routes, after their authentication (onRequest) as in ASP.NET.

import { MIMEType } from 'node:util';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const UTF8 = new Set(['utf-8', 'utf8']);

/** Whether a media type is JSON: application/json or a structured +json type. */
function isJson(mime: MIMEType): boolean {
  return mime.type === 'application' && (mime.subtype === 'json' || mime.subtype.endsWith('+json'));
}

/** The charset a JSON Content-Type declares that is not UTF-8, or undefined (UTF-8, none, or not JSON). */
export function unsupportedJsonCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  let mime: MIMEType;
  try {
    mime = new MIMEType(contentType);
  } catch {
    return undefined; // not a media type Fastify's parsers match either: it answers 415 itself
  }
  if (!isJson(mime)) return undefined;
  const charset = mime.params.get('charset');
  if (charset === null || UTF8.has(charset.toLowerCase())) return undefined;
  return charset;
}

/**
 * Thrown like Fastify's own unsupported-media-type error (statusCode 415, its code), so each
 * component's error handler answers it in that component's problem shape, as it answers an unknown
 * media type.
 */
export class UnsupportedJsonCharset extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';

  constructor(readonly charset: string) {
    super(`Unsupported Media Type: a JSON body must be UTF-8; the declared charset "${charset}" is not supported.`);
  }
}

export function installCharsetCheck(app: FastifyInstance): void {
  app.addHook('preParsing', async function jsonCharset(request: FastifyRequest) {
    const { 'content-length': length, 'transfer-encoding': chunked } = request.headers;
    if ((length === undefined || length === '0') && chunked === undefined) return; // no body to read
    const charset = unsupportedJsonCharset(request.headers['content-type']);
    if (charset !== undefined) {
      throw new UnsupportedJsonCharset(charset);
    }
  });
}
