// Error classes of the reference implementation. Handlers throw these; one error handler
// (see error-handler.ts) serialises them. Handlers never build error JSON inline.
//
// Wire shapes (docs/contracts/altinn-authentication.md §7):
// - Altinn problem:      application/problem+json {type, title, status, detail?, code, traceId, statusDescription, ...ext}
// - Altinn validation:   the same with code STD-00000 and validationErrors[{code, title, paths, detail?, ...ext}]
// - OAuth (Maskinporten): application/json {error, error_description: "MP-nnn: ..."}
// - Plain text:          some Altinn endpoints answer with a bare string (system register update/delete)

export interface ValidationErrorItem {
  code: string;
  title: string;
  paths: string[];
  detail?: string;
  [extension: string]: unknown;
}

/** Base for every error the reference implementation exposes on the wire. */
export abstract class ExposedError extends Error {
  abstract readonly status: number;
  /** Only 4xx errors expose their details; a 5xx is masked by the error handler. */
  get expose(): boolean {
    return this.status < 500;
  }
}

/** An Altinn ProblemDetails error with an Altinn error code (AUTH-00011, BRO-..., STD-00000 ...). */
export class AltinnProblem extends ExposedError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly extensions: Record<string, unknown> = {},
    readonly detail?: string,
  ) {
    super(`${code}: ${title}`);
  }
}

/** A validation problem: code STD-00000 with one or more validation errors. */
export class ValidationProblem extends AltinnProblem {
  constructor(readonly validationErrors: ValidationErrorItem[]) {
    super(400, 'STD-00000', 'One or more validation errors occurred.');
  }
}

/**
 * An RFC 7807 problem without an Altinn code, as ASP.NET emits for a bare NotFound()/BadRequest()
 * (type https://tools.ietf.org/html/rfc9110#section-15.5.x). Used where Altinn has no code.
 */
export class PlainProblem extends ExposedError {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(title);
  }
}

/** A response body that is a bare string, as some Altinn endpoints send (docs/contracts/altinn-authentication.md §7.3). */
export class PlainTextError extends ExposedError {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}

/**
 * An OAuth 2.0 error from the Maskinporten or ID-porten stand-in. The MP id, where one exists, leads the
 * description ("MP-303: ..."), as Maskinporten does (docs/contracts/altinn-authentication.md §6.4).
 */
export class OAuthError extends ExposedError {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly mpId: string | undefined,
    readonly description: string,
  ) {
    super(mpId ? `${mpId}: ${description}` : description);
  }

  get errorDescription(): string {
    return this.message;
  }
}

/** invalid_grant (400) with an MP id. */
export class InvalidGrant extends OAuthError {
  constructor(mpId: string, description: string) {
    super(400, 'invalid_grant', mpId, description);
  }
}

/** invalid_request (400) with an MP id. */
export class InvalidRequest extends OAuthError {
  constructor(mpId: string | undefined, description: string) {
    super(400, 'invalid_request', mpId, description);
  }
}

/** invalid_scope (400) with an MP id. */
export class InvalidScope extends OAuthError {
  constructor(mpId: string, description: string) {
    super(400, 'invalid_scope', mpId, description);
  }
}

/** invalid_altinn_customer_configuration (400), MP-303, per Altinn's docs (docs/contracts/altinn-authentication.md §6.4). */
export class InvalidAltinnCustomerConfiguration extends OAuthError {
  constructor(description: string) {
    super(400, 'invalid_altinn_customer_configuration', 'MP-303', description);
  }
}

/** 401 for a missing or invalid bearer token on an Altinn API (problem shape, no Altinn code). */
export class Unauthorized extends PlainProblem {
  constructor(detail: string) {
    super(401, 'Unauthorized', detail);
  }
}

/** 403 for a valid token that lacks the scope or the right (problem shape, no Altinn code). */
export class Forbidden extends PlainProblem {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}

/** 404 for an unknown id where Altinn has no code. */
export class NotFound extends PlainProblem {
  constructor(detail: string) {
    super(404, 'Not Found', detail);
  }
}
