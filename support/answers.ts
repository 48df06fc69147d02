// Answers are consistent with themselves and with the contract (issue 20, class 3): pure checks a
// Then-step runs on what the target returned. Each returns the problems it found, in Norwegian (an
// empty list, or undefined, when the answer is consistent); the step asserts with its requirement id.
// The contract facts are in docs/contracts/answer-consistency.md.

/** How far `expires_in` may be from the token's `exp - iat` (the response and the token are made a moment apart). */
export const EXPIRES_IN_TOLERANCE_SECONDS = 2;

/** The scopes of a space-separated scope string, as a sorted set. */
function scopeSet(scope: unknown): string[] {
  return typeof scope === 'string' ? [...new Set(scope.split(' ').filter(Boolean))].sort() : [];
}

/**
 * A token response (RFC 6749 §5.1) against the token it carries: `token_type` is `Bearer`, `expires_in`
 * agrees with the token's `exp - iat`, and `scope` is the token's `scope` claim (the same scopes).
 */
export function tokenResponseProblems(
  body: { token_type?: unknown; expires_in?: unknown; scope?: unknown },
  claims: { iat?: unknown; exp?: unknown; scope?: unknown },
): string[] {
  const problems: string[] = [];
  if (body.token_type !== 'Bearer') problems.push(`token_type skal være Bearer, var ${JSON.stringify(body.token_type)}`);
  const { iat, exp } = claims;
  if (typeof body.expires_in !== 'number' || !(body.expires_in > 0)) {
    problems.push(`expires_in skal være et positivt tall, var ${JSON.stringify(body.expires_in)}`);
  } else if (typeof iat !== 'number' || typeof exp !== 'number') {
    problems.push(`tokenet skal ha iat og exp som tall, hadde iat=${JSON.stringify(iat)}, exp=${JSON.stringify(exp)}`);
  } else if (Math.abs(body.expires_in - (exp - iat)) > EXPIRES_IN_TOLERANCE_SECONDS) {
    problems.push(`expires_in (${body.expires_in} s) skal stemme med tokenets levetid exp − iat (${exp - iat} s)`);
  }
  const answered = scopeSet(body.scope);
  const inToken = scopeSet(claims.scope);
  if (typeof body.scope !== 'string') problems.push(`svaret skal ha scope, var ${JSON.stringify(body.scope)}`);
  else if (answered.join(' ') !== inToken.join(' ')) problems.push(`scope i svaret ("${body.scope}") skal være tokenets scope ("${String(claims.scope)}")`);
  return problems;
}

/** The approval page of each kind of request, as the confirmUrl's path ends (docs/contracts/answer-consistency.md §2). */
export const CONFIRM_PAGES = {
  standard: '/accessmanagement/ui/systemuser/request',
  agent: '/accessmanagement/ui/systemuser/agentrequest',
  change: '/accessmanagement/ui/systemuser/changerequest',
} as const;

export type ConfirmKind = keyof typeof CONFIRM_PAGES;

/**
 * Why `confirmUrl` is not the platform's approval page for the request `id` of this kind (undefined when
 * it is): an absolute http(s) URL whose path ends with the kind's page and whose query `id` is the
 * request id (exactly one `id`). The host is not compared: the reference serves the page under its own
 * URL, the platform under am.ui.<env>.
 */
export function confirmUrlProblem(confirmUrl: unknown, kind: ConfirmKind, id: string | undefined): string | undefined {
  const page = CONFIRM_PAGES[kind];
  const wanted = `…${page}?id=${id}`;
  if (typeof confirmUrl !== 'string') return `confirmUrl skal peke på godkjenningssiden ${wanted}, var ${JSON.stringify(confirmUrl)}`;
  let url: URL;
  try {
    url = new URL(confirmUrl);
  } catch {
    return `confirmUrl skal være en absolutt URL til ${wanted}, var "${confirmUrl}"`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `confirmUrl skal være en http(s)-URL, var "${confirmUrl}"`;
  if (!url.pathname.endsWith(page)) return `confirmUrl skal peke på godkjenningssiden ${wanted}, men peker på ${url.pathname} ("${confirmUrl}")`;
  const ids = url.searchParams.getAll('id');
  if (ids.length !== 1 || ids[0]?.toLowerCase() !== id?.toLowerCase()) {
    return `confirmUrl skal peke på godkjenningssiden for akkurat denne forespørselen (id=${id}), men har id=${ids.join(',') || '(ingen)'} ("${confirmUrl}")`;
  }
  return undefined;
}
