// Judges the proofs that the suite's refusals can fail (`npm run selfcheck`, `npm run service-api`)
// by the reason a scenario did not pass, never by a run's exit code or by "something failed".
//
// A scenario *trips* a requirement id when it is tagged `@krav:<id>`, ended `failed` (a Then-step's
// assertion, not `broken`), and the first line of its message names `[<id>]` (every assertion
// message names its requirement id in square brackets). A fault is caught only when a scenario
// trips one of the ids the fault declares; scenarios that failed for another id are collateral
// (listed, not counted). A scenario that ended broken, undefined, pending, ambiguous or skipped
// under a fault fails the check: the fault broke the harness instead of being caught by an
// assertion. There is no exception: a scenario the fault makes untestable (NotTestableError in a
// Given) says nothing about whether the suite can catch it, and in the full matrix no fault left a
// scenario broken. A run that produced no results, timed out, or whose target did not start is a
// failed check, never "caught".
//
// Pure: the scripts read the results (samsvar-summary.json) and pass them in.

import type { ScenarioResult, ScenarioStatus } from './results.ts';

/** The part of a scenario result the judges read. */
export type JudgedResult = Pick<ScenarioResult, 'uri' | 'line' | 'name' | 'tags' | 'status' | 'message'>;

/** One suite run as the scripts saw it. */
export interface RunOutcome {
  results: readonly JudgedResult[];
  /** The run was stopped because it took too long. */
  timedOut?: boolean;
  /** Why the run could not be judged: the target did not start, the runner gave no results, ... */
  problem?: string;
}

/** A scenario that tripped a requirement id. */
export interface Trip {
  scenario: JudgedResult;
  krav: string;
}

export interface FaultVerdict {
  fault: string;
  /** The ids the fault must trip (its declaration in the reference's catalogue). */
  krav: readonly string[];
  /** The fault was caught for its reason and nothing broke: the check passes. */
  ok: boolean;
  /** Scenarios that tripped one of the fault's ids. */
  tripped: Trip[];
  /** Scenarios that failed on an assertion, but not naming one of the fault's ids (listed, not counted). */
  collateral: JudgedResult[];
  /** Scenarios that ended neither passed nor failed (broken, undefined, pending, ambiguous, skipped). */
  broken: JudgedResult[];
  /** Why the check failed, in Norwegian, one line each (empty when ok). */
  reasons: string[];
}

const NOT_JUDGEABLE: ReadonlySet<ScenarioStatus> = new Set(['broken', 'undefined', 'pending', 'ambiguous', 'skipped']);

/** The requirement ids a message's first line names in square brackets (`[SVC-2]`, `[SVC-2, PDP-2]`). */
export function namedKrav(message: string | undefined): string[] {
  const first = (message ?? '').split('\n')[0] ?? '';
  const ids: string[] = [];
  for (const m of first.matchAll(/\[([^\]]+)\]/g)) {
    for (const part of (m[1] ?? '').split(/[,\s]+/)) if (/^[A-Z]+-[0-9][0-9.]*$/.test(part)) ids.push(part);
  }
  return ids;
}

/** The `@krav:` ids a scenario is tagged with. */
export function taggedKrav(result: Pick<JudgedResult, 'tags'>): string[] {
  return result.tags.filter((t) => t.startsWith('@krav:')).map((t) => t.slice('@krav:'.length));
}

/** The first of `ids` the scenario trips (tagged, failed on an assertion, message names it), if any. */
export function trippedKrav(result: JudgedResult, ids: readonly string[]): string | undefined {
  if (result.status !== 'failed') return undefined;
  const tagged = taggedKrav(result);
  const named = namedKrav(result.message);
  return ids.find((id) => tagged.includes(id) && named.includes(id));
}

export const location = (r: Pick<JudgedResult, 'uri' | 'line'>): string => `${r.uri}:${r.line}`;

/** Reasons a run cannot be judged at all (no results, timeout, a problem), in Norwegian. */
function runProblems(run: RunOutcome): string[] {
  const reasons: string[] = [];
  if (run.problem) reasons.push(`kjøringen feilet: ${run.problem}`);
  if (run.timedOut) reasons.push('kjøringen ble stoppet fordi den tok for lang tid');
  if (run.results.length === 0) reasons.push('kjøringen ga ingen resultater');
  return reasons;
}

/** What the specification holds: the requirement ids of features/krav.yaml, and the ids the scenarios that run are tagged with. */
export interface Coverage {
  known: ReadonlySet<string>;
  tagged: ReadonlySet<string>;
}

/** Judges one fault's run; with `coverage`, an id the fault declares that no scenario can trip is also a reason. */
export function judgeFault(fault: string, krav: readonly string[], run: RunOutcome, coverage?: Coverage): FaultVerdict {
  const tripped: Trip[] = [];
  const collateral: JudgedResult[] = [];
  const broken: JudgedResult[] = [];
  for (const r of run.results) {
    if (r.status === 'failed') {
      const id = trippedKrav(r, krav);
      if (id) tripped.push({ scenario: r, krav: id });
      else collateral.push(r);
    } else if (NOT_JUDGEABLE.has(r.status)) broken.push(r);
  }
  const reasons = runProblems(run);
  if (krav.length === 0) reasons.push('feilen oppgir ingen krav den bryter');
  const unknown = coverage ? krav.filter((id) => !coverage.known.has(id)) : [];
  const untested = coverage ? krav.filter((id) => coverage.known.has(id) && !coverage.tagged.has(id)) : [];
  if (unknown.length > 0) reasons.push(`feilen oppgir krav som ikke finnes i features/krav.yaml: ${unknown.join(', ')}`);
  if (untested.length > 0) reasons.push(`feilen oppgir krav ingen kjørte scenarier er merket med: ${untested.join(', ')}`);
  if (broken.length > 0) reasons.push(`${broken.length} scenarier endte ${[...new Set(broken.map((b) => b.status))].join('/')}: feilen brøt testoppsettet i stedet for å bli fanget av en påstand`);
  if (tripped.length === 0 && run.results.length > 0) {
    reasons.push(
      collateral.length > 0
        ? `ikke fanget av sitt krav: ingen scenario merket med ${krav.map((k) => `@krav:${k}`).join('/')} feilet med en melding som nevner ${krav.map((k) => `[${k}]`).join('/')} (bare ${collateral.length} andre feil)`
        : 'ikke fanget: alle scenarier besto med feilen',
    );
  }
  return { fault, krav, ok: reasons.length === 0, tripped, collateral, broken, reasons };
}

/** The run without faults must be fully green: results, every one passed, no timeout or problem. */
export function judgeBaseline(run: RunOutcome): { ok: boolean; notPassed: JudgedResult[]; reasons: string[] } {
  const notPassed = run.results.filter((r) => r.status !== 'passed');
  const reasons = runProblems(run);
  if (notPassed.length > 0) reasons.push(`${notPassed.length} scenarier besto ikke uten feil`);
  return { ok: reasons.length === 0, notPassed, reasons };
}

// --- The service-API proof --------------------------------------------------------------------------

/** A scenario the run was meant to execute (from the feature files). */
export type SelectedScenario = Pick<JudgedResult, 'uri' | 'line' | 'name' | 'tags'>;

export interface ServiceApiVerdict {
  variant: string;
  ok: boolean;
  /** Scenarios expected to fail (tagged with one of the ids), sorted by location. */
  expectedFailures: string[];
  /** Scenarios that failed naming one of their expected ids. */
  failedAsExpected: string[];
  /** Expected to fail, but passed or failed naming another id. */
  missingFailures: string[];
  /** Failed, although the variant should pass them. */
  extraFailures: string[];
  /** Ended broken, undefined, pending, ambiguous or skipped. */
  broken: string[];
  /** Selected, but the run has no result for it. */
  notRun: string[];
  /** Run, but not selected (the run's selection differs from the feature files'). */
  unselected: string[];
  reasons: string[];
}

const describeResult = (r: JudgedResult): string => `${r.name} (${location(r)}, ${r.status}${r.message ? `: ${r.message.split('\n')[0]}` : ''})`;
const describeScenario = (s: SelectedScenario): string => `${s.name} (${location(s)})`;

/**
 * Judges one variant of the service-API proof. `mustTrip` are the ids the variant must trip: none for
 * the service as written (every selected scenario passes); for the variant that skips the PDP, the
 * ids that need the service to ask the PDP. Exactly the selected scenarios tagged with one of
 * `mustTrip` must fail naming one of their tagged `mustTrip` ids, and every other one must pass.
 */
export function judgeServiceApi(variant: string, selected: readonly SelectedScenario[], mustTrip: readonly string[], run: RunOutcome): ServiceApiVerdict {
  const key = (s: Pick<JudgedResult, 'uri' | 'line' | 'name'>) => `${location(s)}\u0000${s.name}`;
  const byKey = new Map(run.results.map((r) => [key(r), r]));
  const expected = selected.filter((s) => taggedKrav(s).some((id) => mustTrip.includes(id)));
  const expectedKeys = new Set(expected.map(key));
  const verdict: ServiceApiVerdict = {
    variant,
    ok: false,
    expectedFailures: expected.map(describeScenario),
    failedAsExpected: [],
    missingFailures: [],
    extraFailures: [],
    broken: [],
    notRun: [],
    unselected: [],
    reasons: runProblems(run),
  };
  const selectedKeys = new Set(selected.map(key));
  for (const s of selected) if (!byKey.has(key(s))) verdict.notRun.push(describeScenario(s));
  for (const r of run.results) {
    if (!selectedKeys.has(key(r))) verdict.unselected.push(describeResult(r));
    else if (NOT_JUDGEABLE.has(r.status)) verdict.broken.push(describeResult(r));
    else if (expectedKeys.has(key(r))) {
      if (trippedKrav(r, mustTrip)) verdict.failedAsExpected.push(describeResult(r));
      else verdict.missingFailures.push(describeResult(r));
    } else if (r.status !== 'passed') verdict.extraFailures.push(describeResult(r));
  }
  if (verdict.notRun.length > 0) verdict.reasons.push(`${verdict.notRun.length} valgte scenarier ble ikke kjørt`);
  if (verdict.unselected.length > 0) verdict.reasons.push(`${verdict.unselected.length} scenarier ble kjørt uten å være valgt`);
  if (verdict.broken.length > 0) verdict.reasons.push(`${verdict.broken.length} scenarier endte uten dom (broken/udefinert/...)`);
  if (verdict.missingFailures.length > 0) verdict.reasons.push(`${verdict.missingFailures.length} scenarier skulle feilet med ${mustTrip.map((k) => `[${k}]`).join('/')}, men gjorde det ikke`);
  if (verdict.extraFailures.length > 0) verdict.reasons.push(`${verdict.extraFailures.length} scenarier feilet som skulle bestått`);
  verdict.ok = verdict.reasons.length === 0;
  return verdict;
}
