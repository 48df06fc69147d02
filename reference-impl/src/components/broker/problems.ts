// Altinn Broker's error shapes (docs/contracts/dialogporten-broker.md §B.5): ProblemDetails with `type` (an
// RFC 9110 section link), `title` (the status phrase), `status`, `detail`, `code` (`BRO-` + five
// digits) and `traceId`; model validation failures are ASP.NET ValidationProblemDetails (`errors`
// keyed by property). The platform's one error handler writes Altinn's STD shape, so this component
// serialises its own problems in one place (installProblemHandler) and hands anything else on.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExposedError } from '../../platform/errors.ts';
import { MAX_VALIDATION_ERRORS, traceId } from '../../platform/error-handler.ts';

const STATUS: Record<number, [string, string]> = {
  400: ['15.5.1', 'Bad Request'],
  401: ['15.5.2', 'Unauthorized'],
  403: ['15.5.4', 'Forbidden'],
  404: ['15.5.5', 'Not Found'],
  406: ['15.5.7', 'Not Acceptable'],
  409: ['15.5.10', 'Conflict'],
  413: ['15.5.14', 'Content Too Large'],
  415: ['15.5.16', 'Unsupported Media Type'],
  416: ['15.5.17', 'Range Not Satisfiable'],
  500: ['15.6.1', 'Internal Server Error'],
  503: ['15.6.4', 'Service Unavailable'],
};

/** The error catalogue (Errors.cs, docs/contracts/dialogporten-broker.md §B.5): number → [HTTP status, message]. */
const CATALOGUE = {
  1: [404, 'The requested file transfer was not found.'],
  3: [400, 'No file has been uploaded for this file transfer.'],
  4: [409, 'The file transfer has already been uploaded, or an upload was attempted. Initialize a new file transfer.'],
  5: [403, 'The resource needs to be registered as an Altinn 3 resource and be associated with a service owner.'],
  6: [401, 'You must use a bearer token that represents a system user or an organisation with access to the resource.'],
  7: [403, 'The file transfer is not ready for download.'],
  8: [500, 'Error occurred while uploading the file.'],
  9: [400, 'The checksum of the uploaded file did not match the checksum given when the file transfer was initialized.'],
  10: [400, 'Download can only be confirmed for a file transfer that is published.'],
  16: [400, 'The file size exceeds the maximum allowed for this resource.'],
  19: [400, 'Download cannot be confirmed before the recipient has started a download.'],
  25: [400, 'The resource is not configured for use with Altinn Broker.'],
  29: [416, 'The requested byte range is not satisfiable.'],
} as const satisfies Record<number, readonly [number, string]>;

export type BrokerErrorNumber = keyof typeof CATALOGUE;

/** A BRO-coded problem. */
export class BrokerProblem extends ExposedError {
  readonly status: number;
  readonly detail: string;
  readonly code: string;

  constructor(readonly number: BrokerErrorNumber, readonly headers: Record<string, string> = {}) {
    const [status, detail] = CATALOGUE[number];
    super(`BRO-${String(number).padStart(5, '0')}: ${detail}`);
    this.status = status;
    this.detail = detail;
    this.code = `BRO-${String(number).padStart(5, '0')}`;
  }
}

export const bro = (number: BrokerErrorNumber, headers: Record<string, string> = {}): BrokerProblem => new BrokerProblem(number, headers);

/** A problem without a BRO code: model validation (with `errors`), 401/403 from the token gate, 406/415. */
export class BrokerHttpProblem extends ExposedError {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: Record<string, string[]>,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? `HTTP ${status}`);
  }
}

/** ASP.NET ValidationProblemDetails: `errors` keyed by the model's property names (casing [?], docs/contracts/dialogporten-broker.md §C.1). */
export const modelValidation = (errors: Record<string, string[]>): BrokerHttpProblem => new BrokerHttpProblem(400, undefined, errors);

/** No or invalid bearer token: 401 with `WWW-Authenticate: Bearer` (Broker sends an empty body; the reference a problem). */
export const unauthenticated = (): BrokerHttpProblem =>
  new BrokerHttpProblem(401, 'A valid bearer token (Maskinporten) is required.', undefined, { 'www-authenticate': 'Bearer' });

/** A valid token without the operation's scope: 403 (Broker sends ASP.NET's empty 403; the reference a problem). */
export const missingScope = (scopes: readonly string[]): BrokerHttpProblem => new BrokerHttpProblem(403, `The token lacks the required scope (one of: ${scopes.join(', ')}).`);

export const unsupportedMediaType = (expected: string): BrokerHttpProblem => new BrokerHttpProblem(415, `The request body must be ${expected}.`);

function typeOf(status: number): string {
  return `https://tools.ietf.org/html/rfc9110#section-${(STATUS[status] ?? STATUS[400] as [string, string])[0]}`;
}

function titleOf(status: number): string {
  return (STATUS[status] ?? STATUS[400] as [string, string])[1];
}

function send(reply: FastifyReply, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): FastifyReply {
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.code(status).type('application/problem+json').send(JSON.stringify({ type: typeOf(status), title: titleOf(status), status, ...body, traceId: traceId() }));
}

/** Fastify's schema errors as ASP.NET model-state keys: `/propertyList/x` → `PropertyList.x`, `$` for the body itself. */
function schemaErrors(error: FastifyError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const v of (error.validation ?? []).slice(0, MAX_VALIDATION_ERRORS)) { // ASP.NET's cap (error-handler.ts)
    const params = v.params as Record<string, unknown>;
    const path = v.instancePath.split('/').filter(Boolean);
    if (v.keyword === 'required' && typeof params.missingProperty === 'string') path.push(params.missingProperty);
    const key = path.map((p) => (/^\d+$/.test(p) ? `[${p}]` : p.charAt(0).toUpperCase() + p.slice(1))).join('.').replace(/\.\[/g, '[') || '$';
    (errors[key] ??= []).push(v.message ?? 'The value is not valid.');
  }
  return errors;
}

/**
 * The component's error handler: BRO problems, the broker's HTTP problems, route-schema failures
 * (ValidationProblemDetails) and Fastify's own client errors on broker routes keep the broker's shape;
 * anything else goes to the platform's handler.
 */
export function installProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler(function brokerProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof BrokerProblem) {
      if (error.status >= 500) request.log.error({ err: error }, 'broker storage failed');
      return send(reply, error.status, { detail: error.detail, code: error.code }, error.headers);
    }
    if (error instanceof BrokerHttpProblem) {
      return send(reply, error.status, { ...(error.detail ? { detail: error.detail } : {}), ...(error.errors ? { errors: error.errors } : {}) }, error.headers);
    }
    const fe = error as FastifyError;
    if (fe.validation) return send(reply, 400, { errors: schemaErrors(fe) });
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 && !(error instanceof ExposedError)) {
      return send(reply, fe.statusCode, { detail: fe.message });
    }
    throw error;
  });
}
