// The Norwegian words the features use for what a platform answered, and the exact answer each one
// asserts. Feature text says what the answer means to a reader ("systembrukeren får tilgang", "avviser
// kallet som ikke autentisert"); the XACML decision and the HTTP status live here, in the assertion
// messages and in the evidence, never in the feature text.

/** A decision of Altinn Authorization as the features word it, with the XACML decision it requires. */
export interface Decision {
  /** The feature's words: "får tilgang" or "ikke får tilgang". */
  phrase: string;
  /** The exact XACML decision the step requires (docs/contracts/altinn-authorization.md §2). */
  xacml: 'Permit' | 'NotApplicable';
}

/**
 * "Ikke tilgang" is NotApplicable, exactly: Altinn Authorization answers NotApplicable when no rule of
 * the policy gives the subject the action, and the suite's checks have always required that decision
 * (a Deny or an Indeterminate is a different answer and fails the step).
 */
export const DECISION_WORDS: Readonly<Record<string, Decision['xacml']>> = {
  'får tilgang': 'Permit',
  'ikke får tilgang': 'NotApplicable',
};

/** The decision the phrase names; a phrase outside DECISION_WORDS is an error in the feature. */
export function decisionOf(phrase: string): Decision {
  const xacml = DECISION_WORDS[phrase];
  if (xacml === undefined) throw new Error(`Ukjent beslutning «${phrase}»; bruk ${Object.keys(DECISION_WORDS).map((w) => `«${w}»`).join(' eller ')}.`);
  return { phrase, xacml };
}

/** The expected refusal of a call: a status, and the API's own error code when the contract names one. */
export interface Refusal {
  /** The feature's words, for the report: "som ikke autentisert", "som uten tilgang, med feilkoden MVA-00001". */
  phrase: string;
  status: number;
  code?: string;
}

/** How a refusal is worded in the features, and the exact HTTP status each wording requires. */
export const REFUSAL_WORDS: Readonly<Record<string, number>> = {
  'som ugyldig': 400,
  'som ikke autentisert': 401,
  'som uten tilgang': 403,
};

/** Alternatives matching exactly one of `words` (longest first, so "ikke får tilgang" is never read as "får tilgang"). */
function alternatives(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

/** What `{beslutning}` matches: one of DECISION_WORDS. */
export const DECISION_PATTERN = new RegExp(alternatives(Object.keys(DECISION_WORDS)));

/** What `{avvisning}` matches: one of REFUSAL_WORDS, then the API's error code when the feature gives one ("…, med feilkoden MVA-00001"). */
export const REFUSAL_PATTERN = new RegExp(`(${alternatives(Object.keys(REFUSAL_WORDS))})(?:, med feilkoden ([A-Z][A-Z.]*-\\d+))?`);

/** The refusal the words name (with the API's error code when the feature gives one). */
export function refusalOf(words: string, code?: string): Refusal {
  const status = REFUSAL_WORDS[words];
  if (status === undefined) throw new Error(`Ukjent avvisning «${words}»; bruk ${Object.keys(REFUSAL_WORDS).map((w) => `«${w}»`).join(', ')}.`);
  return { phrase: code ? `${words}, med feilkoden ${code}` : words, status, ...(code ? { code } : {}) };
}

/** Where a step writes its note for the report (the world's log). */
export interface ReportLog {
  log(text: string): void;
}

/** The report says which exact decision the feature's words require. */
export function noteDecision(report: ReportLog, decision: Decision): void {
  report.log(`Beslutningen «${decision.phrase}» betyr her XACML-beslutningen ${decision.xacml} fra Altinn Autorisasjon.`);
}

/** The report says which exact HTTP status (and error code) the feature's words require. */
export function noteRefusal(report: ReportLog, refusal: Refusal): void {
  report.log(`Avvisningen «${refusal.phrase}» betyr her HTTP-status ${refusal.status}${refusal.code ? ` og feilkoden ${refusal.code}` : ''}.`);
}
