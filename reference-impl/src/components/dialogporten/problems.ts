// Dialogporten's own error shape (docs/contracts/dialogporten-broker.md §A.8): ASP.NET ProblemDetails with
// `type` (an RFC 7231/7232 section link), a `title` ending in a full stop, `status`, `instance` (the
// request path), `traceId` and `errors` ({key: [messages]}). The platform's one error handler writes
// Altinn's shape, so this component serialises its own problems in one place (installProblemHandler)
// and hands every other error on to the platform handler.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExposedError } from '../../platform/errors.ts';
import { MAX_VALIDATION_ERRORS, traceId } from '../../platform/error-handler.ts';

const RFC7231 = 'https://datatracker.ietf.org/doc/html/rfc7231';

/** Status → [type, title] (docs/contracts/dialogporten-broker.md §A.8). 401 has no body on Dialogporten; the reference sends one. */
const SHAPES: Record<number, [string, string]> = {
  400: [`${RFC7231}#section-6.5.1`, 'One or more validation errors occurred.'],
  401: ['https://datatracker.ietf.org/doc/html/rfc7235#section-3.1', 'Unauthorized.'],
  403: [`${RFC7231}#section-6.5.3`, 'Forbidden.'],
  404: [`${RFC7231}#section-6.5.4`, 'Resource not found.'],
  409: [`${RFC7231}#section-6.5.8`, 'Conflict.'],
  410: [`${RFC7231}#section-6.5.9`, 'Resource no longer available.'],
  412: ['https://datatracker.ietf.org/doc/html/rfc7232#section-4.2', 'Precondition failed.'],
  413: [`${RFC7231}#section-6.5.11`, 'Payload too large. The maximum allowed size is 20000000 bytes.'],
  415: [`${RFC7231}#section-6.5.13`, 'Unsupported media type.'],
  422: ['https://datatracker.ietf.org/doc/html/rfc4918#section-11.2', 'Unprocessable request.'],
};

/** A Dialogporten ProblemDetails error. `errors` may be empty (412, 401). */
export class DialogportenProblem extends ExposedError {
  constructor(
    readonly status: number,
    readonly errors: Record<string, string[]> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`Dialogporten ${status}`);
  }
}

/** 400 validation: FluentValidation keys (`dto.party`, ...). */
export const validation = (errors: Record<string, string[]>): DialogportenProblem => new DialogportenProblem(400, errors);

/** 401: missing, malformed, expired or foreign token (Dialogporten answers with an empty body). */
export const unauthorized = (): DialogportenProblem =>
  new DialogportenProblem(401, {}, { 'www-authenticate': 'Bearer' });

/** 403 with `errors.Forbidden` (or another key, e.g. `Type` for the user-type check). */
export const forbidden = (message = 'Forbidden', key = 'Forbidden'): DialogportenProblem => new DialogportenProblem(403, { [key]: [message] });

/** 404 for an entity: "Entity 'DialogEntity' with the following key(s) was not found: (<id>)." */
export const entityNotFound = (entity: string, id: string, headers: Record<string, string> = {}): DialogportenProblem =>
  new DialogportenProblem(404, { [entity]: [`Entity '${entity}' with the following key(s) was not found: (${id}).`] }, headers);

/** 410: "Entity 'DialogEntity' with the following key(s) is removed: (<id>)." */
export const entityRemoved = (entity: string, id: string): DialogportenProblem =>
  new DialogportenProblem(410, { [entity]: [`Entity '${entity}' with the following key(s) is removed: (${id}).`] });

export const conflict = (key: string, message: string): DialogportenProblem => new DialogportenProblem(409, { [key]: [message] });
export const preconditionFailed = (): DialogportenProblem => new DialogportenProblem(412);
export const unprocessable = (key: string, message: string): DialogportenProblem => new DialogportenProblem(422, { [key]: [message] });

/** Fastify's schema errors as FluentValidation-style keys: `/content/title` → `dto.content.title` (body), `party` (query). */
function schemaErrors(error: FastifyError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const v of (error.validation ?? []).slice(0, MAX_VALIDATION_ERRORS)) { // ASP.NET's cap (error-handler.ts)
    const params = v.params as Record<string, unknown>;
    let path = v.instancePath.split('/').filter(Boolean);
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') path = [...path, params.missingProperty];
    if (v.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') path = [...path, params.additionalProperty];
    const key = error.validationContext === 'body' ? ['dto', ...path].join('.') : path.join('.') || String(error.validationContext ?? '');
    (errors[key] ??= []).push(v.message ?? 'Invalid value.');
  }
  return errors;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, errors: Record<string, string[]>): FastifyReply {
  const [type, title] = SHAPES[status] ?? SHAPES[400] as [string, string];
  // `instance` is the path as Dialogporten sees it: its OpenAPI paths, without the gateway's /dialogporten.
  const instance = (request.url.split('?')[0] ?? '').replace(/^\/dialogporten(?=\/)/i, '');
  const body = { type, title, status, instance, traceId: traceId(), errors };
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * The component's error handler: Dialogporten problems, route-schema failures and Fastify's own
 * client errors on its routes (unparsable JSON, unsupported media type) get Dialogporten's shape;
 * anything else goes to the platform's handler (a thrown error in a child handler reaches the parent).
 */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler(function dialogportenProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof DialogportenProblem) {
      for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
      return send(reply, request, error.status, error.errors);
    }
    const fe = error as FastifyError;
    if (fe.validation) return send(reply, request, 400, schemaErrors(fe));
    if (typeof fe.statusCode === 'number' && SHAPES[fe.statusCode] && fe.statusCode < 500 && !(error instanceof ExposedError)) {
      return send(reply, request, fe.statusCode, { [fe.statusCode === 415 ? 'ContentType' : 'Body']: [fe.message] });
    }
    throw error;
  });
}
