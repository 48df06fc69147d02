// Assertions shared by Then-steps (and the prerequisite guard used by Givens and actor set-up).
// Every helper marks the response it looks at as verified, so the After hook knows an error
// response was checked (STYLE habit 6), and every message is Norwegian and names the requirement.

import assert from 'node:assert/strict';
import { markVerified, type ApiResponse, type ValidationError } from './clients/http.ts';

export function describe(response: ApiResponse<unknown>): string {
  const { method, url } = response.exchange.request;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep the URL
  }
  const code = response.problem?.code ?? response.oauthError?.error;
  const detail = response.oauthError?.error_description ?? response.problem?.title;
  return `${method} ${path} → ${response.status}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}`;
}

/**
 * The scenario cannot be tested: a precondition the target must meet first (a Given, an actor's
 * set-up) did not hold. This is never a non-conformance of what the scenario is about, so it is not
 * an AssertionError: cucumber reports it as an error, the runner and the report file it as
 * *broken* (oppsett eller testmiljø), and an expected-failures entry can never excuse it.
 */
export class NotTestableError extends Error {
  override name = 'NotTestableError';

  constructor(reason: string) {
    super(`Ikke testbar: ${reason}`);
  }
}

/** Throws NotTestableError (never an AssertionError) when `condition` is falsy. */
export function assertTestable(condition: unknown, reason: string): asserts condition {
  if (!condition) throw new NotTestableError(reason);
}

/**
 * A Given or an actor's set-up needs the target to do something before the scenario can test what it
 * is about. When the target refuses, the scenario cannot be tested: it is reported broken (never a
 * silent skip, never a non-conformance) with a message saying so, and the evidence shows the answer.
 */
export function requireSuccess<T>(response: ApiResponse<T>, what: string, accepted: number[] = [200, 201]): T {
  markVerified(response);
  assertTestable(accepted.includes(response.status), `${what} lyktes ikke. Målet svarte ${describe(response)}.`);
  return response.data as T;
}

/** The response has exactly this status. */
export function expectStatus(response: ApiResponse<unknown>, status: number, krav: string, what: string): void {
  markVerified(response);
  assert.equal(response.status, status, `[${krav}] ${what}: forventet HTTP ${status}, fikk ${describe(response)}.`);
}

/** The response is an Altinn problem with this status and top-level `code`. */
export function expectProblem(response: ApiResponse<unknown>, status: number, code: string, krav: string, what: string): void {
  expectStatus(response, status, krav, what);
  assert.ok(response.problem, `[${krav}] ${what}: forventet et problem (application/problem+json), fikk ${JSON.stringify(response.body)}.`);
  assert.equal(response.problem.code, code, `[${krav}] ${what}: forventet feilkoden ${code}, fikk ${response.problem.code ?? '(ingen kode)'}.`);
}

/**
 * The response is an Altinn validation problem (400 STD-00000) whose validationErrors hold `code` at
 * `path` (docs/contracts/altinn-authentication.md §7.2: tests match on code + paths).
 */
export function expectValidationError(
  response: ApiResponse<unknown>,
  code: string,
  path: string,
  krav: string,
  what: string,
  options: { only?: boolean } = {},
): ValidationError {
  expectProblem(response, 400, 'STD-00000', krav, what);
  const errors = response.problem?.validationErrors ?? [];
  if (options.only) {
    assert.deepEqual(
      errors.map((e) => e.code),
      [code],
      `[${krav}] ${what}: bare én regel er brutt, så svaret skal ha nøyaktig valideringsfeilen ${code}, fikk ${errors.map((e) => e.code).join(', ') || 'ingen'}.`,
    );
  }
  const found = errors.find((e) => e.code === code);
  assert.ok(
    found,
    `[${krav}] ${what}: forventet valideringsfeilen ${code}, fikk ${errors.map((e) => e.code).join(', ') || 'ingen valideringsfeil'}.`,
  );
  assert.ok(
    (found.paths ?? []).some((p) => p.toLowerCase() === path.toLowerCase()),
    `[${krav}] ${what}: valideringsfeilen ${code} skal peke på ${path}, men peker på ${(found.paths ?? []).join(', ') || '(ingen sti)'}.`,
  );
  return found;
}

/** The response is an OAuth error with this `error` and an MP id in the description. */
export function expectOAuthError(response: ApiResponse<unknown>, error: string, mpId: string, krav: string, what: string): void {
  markVerified(response);
  assert.ok(response.status >= 400 && response.status < 500, `[${krav}] ${what}: forventet en avvisning (4xx), fikk ${describe(response)}.`);
  assert.ok(response.oauthError, `[${krav}] ${what}: forventet en OAuth-feil {error, error_description}, fikk ${JSON.stringify(response.body)}.`);
  assert.equal(response.oauthError.error, error, `[${krav}] ${what}: forventet error=${error}, fikk ${response.oauthError.error}.`);
  assert.match(
    response.oauthError.error_description ?? '',
    new RegExp(`\\b${mpId}\\b`),
    `[${krav}] ${what}: error_description skal nevne ${mpId}, var "${response.oauthError.error_description ?? ''}".`,
  );
}
