import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  AltinnProblem,
  ExposedError,
  OAuthError,
  PlainProblem,
  PlainTextError,
  ValidationProblem,
  type ValidationErrorItem,
} from './errors.ts';

/** Route config key: routes whose errors must have the OAuth shape (token endpoints). */
export interface RouteErrorConfig {
  errorFormat?: 'oauth' | 'problem';
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteErrorConfig {}
}

/** W3C trace-context style id, as Altinn's traceId looks ("00-<32 hex>-<16 hex>-01"). */
export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

function problemBody(status: number, extra: Record<string, unknown>): Record<string, unknown> {
  return { status, statusDescription: STATUS_CODES[status] ?? 'Error', traceId: traceId(), ...extra };
}

function sendProblem(reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

function rfc9110Type(status: number): string {
  const section: Record<number, string> = {
    400: '15.5.1', 401: '15.5.2', 403: '15.5.4', 404: '15.5.5', 405: '15.5.6', 409: '15.5.10',
    410: '15.5.11', 413: '15.5.14', 415: '15.5.16', 416: '15.5.17', 422: '15.5.21',
  };
  return `https://tools.ietf.org/html/rfc9110#section-${section[status] ?? '15.5.1'}`;
}

/**
 * ASP.NET's MvcOptions.MaxModelValidationErrors: model state keeps at most 200 errors. Without the cap
 * a body of many invalid items answers with a problem many times its size: the fuzz test found that
 * 200 KB of array items (`[1,1,...]` to PUT systemregister/vendor/{id}/rights) gave a 7 MB problem after
 * 800 ms. Every component's error mapper uses the cap (see also platform/validation.ts).
 */
export const MAX_VALIDATION_ERRORS = 200;

/** Turns Ajv errors from a route schema into Altinn validation errors (shape only; rules run in handlers). */
function schemaErrors(error: FastifyError): ValidationErrorItem[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).slice(0, MAX_VALIDATION_ERRORS).map((v) => {
    let path = `/${context}${v.instancePath}`;
    const params = v.params as Record<string, unknown>;
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') {
      path = `${path}/${params.missingProperty}`;
    } else if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
      path = `${path}/${params.additionalProperty}`;
    }
    // The contracts give no Altinn id for pure shape errors; STD.VLD-00000 ("Required") is used for
    // missing members and STD.VLD-00003 for other invalid values, the closest of Altinn's standard ids.
    const code = v.keyword === 'required' ? 'STD.VLD-00000' : 'STD.VLD-00003';
    return { code, title: v.message ?? 'Invalid value', paths: [path] };
  });
}

function oauthFor(error: unknown): { status: number; body: Record<string, string> } {
  if (error instanceof OAuthError) {
    return { status: error.status, body: { error: error.error, error_description: error.errorDescription } };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const first = fe.validation[0];
    const what = first ? `${first.instancePath || fe.validationContext} ${first.message ?? ''}`.trim() : 'invalid';
    return { status: 400, body: { error: 'invalid_request', error_description: `Invalid request: ${what}` } };
  }
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status === 500) return { status, body: { error: 'server_error', error_description: 'An internal error occurred.' } };
  return { status, body: { error: 'invalid_request', error_description: fe.message } };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(function handle(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const format = request.routeOptions?.config?.errorFormat ?? 'problem';
    if (format === 'oauth') {
      const { status, body } = oauthFor(error);
      if (status >= 500) request.log.error({ err: error }, 'token endpoint failed');
      return reply.code(status).header('cache-control', 'no-store').type('application/json').send(body);
    }
    if (error instanceof ValidationProblem) {
      return sendProblem(reply, 400, problemBody(400, {
        type: `urn:altinn:error:${error.code}`, title: error.title, code: error.code,
        validationErrors: error.validationErrors,
      }));
    }
    if (error instanceof AltinnProblem) {
      if (!error.expose) request.log.error({ err: error }, 'internal problem');
      return sendProblem(reply, error.status, problemBody(error.status, {
        type: `urn:altinn:error:${error.code}`, title: error.title, code: error.code,
        ...(error.detail ? { detail: error.detail } : {}), ...error.extensions,
      }));
    }
    if (error instanceof PlainProblem) {
      return sendProblem(reply, error.status, problemBody(error.status, {
        type: rfc9110Type(error.status), title: error.title, ...(error.detail ? { detail: error.detail } : {}),
      }));
    }
    if (error instanceof PlainTextError) {
      return reply.code(error.status).type('text/plain; charset=utf-8').send(error.text);
    }
    if (error instanceof OAuthError) {
      return reply.code(error.status).type('application/json').send({ error: error.error, error_description: error.errorDescription });
    }
    if (error instanceof ExposedError) {
      return sendProblem(reply, error.status, problemBody(error.status, { type: rfc9110Type(error.status), title: error.message }));
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      return sendProblem(reply, 400, problemBody(400, {
        type: 'urn:altinn:error:STD-00000', title: 'One or more validation errors occurred.', code: 'STD-00000',
        validationErrors: schemaErrors(fe),
      }));
    }
    const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: unparsable JSON, empty body, unsupported media type, body too large.
      return sendProblem(reply, status, problemBody(status, {
        type: rfc9110Type(status), title: STATUS_CODES[status] ?? 'Bad Request', detail: fe.message,
      }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, problemBody(500, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1', title: 'An error occurred while processing your request.',
    }));
  });

  app.setNotFoundHandler(function notFound(request: FastifyRequest, reply: FastifyReply) {
    return sendProblem(reply, 404, problemBody(404, {
      type: rfc9110Type(404), title: 'Not Found', detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
    }));
  });
}
