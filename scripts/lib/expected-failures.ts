// Expected failures of an external target (a known non-conformance someone has accepted for now).
// An entry names the scenario (feature, scenario), the requirement id it excuses (krav) and, if it
// likes, a pattern the failure message must match (message, a regular expression). It excuses only
// a scenario whose status is `failed` (a Then-step's assertion: the target answered wrongly) and
// whose first message line names `[<krav>]` (and matches the pattern). Broken, pending, undefined,
// ambiguous and skipped are never excused: a dead target or a suite defect must never look like a
// known non-conformance. An entry that excuses nothing (its scenario passed, did not run, or failed
// for another requirement or reason) is stale and fails the run, so the list never outlives the
// defect it records and never hides a different one.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ScenarioResult } from './results.ts';

export interface ExpectedFailure {
  /** The feature file, as cucumber names it (features/...). */
  feature: string;
  /** The scenario's name. */
  scenario: string;
  /** The requirement id the failure is about: the failure's message must name `[<krav>]`. */
  krav: string;
  /** Optional regular expression the first line of the failure message must match. */
  message?: string;
  reason: string;
  owner?: string;
  since?: string;
}

export const failureKey = (feature: string, scenario: string): string => `${feature} » ${scenario}`;

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function readExpectedFailures(path: string): ExpectedFailure[] {
  const data = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error(`${path} must be a YAML list of {feature, scenario, krav, reason}.`);
  return data.map((entry, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    if (!nonEmpty(e.feature) || !nonEmpty(e.scenario) || !nonEmpty(e.reason)) {
      throw new Error(`${path}: entry ${i + 1} needs feature, scenario and a reason.`);
    }
    if (!nonEmpty(e.krav) || !/^[A-Za-z0-9_.-]+$/.test(e.krav)) {
      throw new Error(`${path}: entry ${i + 1} needs krav: the requirement id the failure is about (for example krav: SVC-3).`);
    }
    if (e.message !== undefined) {
      if (!nonEmpty(e.message)) throw new Error(`${path}: entry ${i + 1}: message must be a non-empty regular expression.`);
      try {
        new RegExp(e.message);
      } catch (error) {
        throw new Error(`${path}: entry ${i + 1}: message is not a valid regular expression (${error instanceof Error ? error.message : String(error)}).`);
      }
    }
    const known = new Set(['feature', 'scenario', 'krav', 'message', 'reason', 'owner', 'since']);
    const unknown = Object.keys(e).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new Error(`${path}: entry ${i + 1} has unknown fields: ${unknown.join(', ')}.`);
    return e as unknown as ExpectedFailure;
  });
}

/** Why an entry does not excuse a given result, or undefined when it does. */
export function mismatch(entry: ExpectedFailure, result: ScenarioResult): string | undefined {
  if (result.status === 'passed') return 'scenariet består nå; fjern oppføringen';
  if (result.status !== 'failed') return `scenariet er ${result.status}, og bare «failed» (et avvik hos målet) kan være en forventet feil`;
  const first = (result.message ?? '').split('\n')[0] ?? '';
  if (!first.includes(`[${entry.krav}]`)) return `feilmeldingen nevner ikke [${entry.krav}]: «${first}»`;
  if (entry.message !== undefined && !new RegExp(entry.message).test(first)) return `feilmeldingen matcher ikke mønsteret /${entry.message}/: «${first}»`;
  return undefined;
}

export interface StaleEntry extends ExpectedFailure {
  /** Why the entry excused nothing (Norwegian, for the console and the summary). */
  why: string;
}

export interface BaselineVerdict {
  /** Results excused by an entry. */
  expected: ScenarioResult[];
  /** Results that are not passed and not excused. */
  unexpected: ScenarioResult[];
  /** Entries that excused nothing and fail the run. */
  stale: StaleEntry[];
  /** Entries not judged: their scenario exists but was outside a partial selection. */
  notJudged: ExpectedFailure[];
}

/**
 * Matches results against the list. `selectedOnly` marks a partial selection: an entry whose scenario
 * exists in the specification (`specKeys`) but was not selected is not judged; in a full run it is stale.
 */
export function applyBaseline(
  results: ScenarioResult[],
  expected: ExpectedFailure[],
  options: { partial?: boolean; specKeys?: Set<string> } = {},
): BaselineVerdict {
  const verdict: BaselineVerdict = { expected: [], unexpected: [], stale: [], notJudged: [] };
  const used = new Set<ExpectedFailure>();
  const reasons = new Map<ExpectedFailure, string>();
  for (const r of results) {
    const entries = expected.filter((e) => failureKey(e.feature, e.scenario) === failureKey(r.uri, r.name));
    const excusing = entries.find((e) => mismatch(e, r) === undefined);
    for (const e of entries) if (e !== excusing && !reasons.has(e)) reasons.set(e, mismatch(e, r) ?? 'en annen oppføring for samme scenario unnskylder allerede feilen');
    if (excusing) {
      used.add(excusing);
      verdict.expected.push(r);
    } else if (r.status !== 'passed') verdict.unexpected.push(r);
  }
  for (const e of expected) {
    if (used.has(e)) continue;
    const why = reasons.get(e);
    if (why !== undefined) verdict.stale.push({ ...e, why });
    else if (options.specKeys && !options.specKeys.has(failureKey(e.feature, e.scenario))) {
      verdict.stale.push({ ...e, why: 'ingen scenarier i spesifikasjonen har dette navnet i denne featuren' });
    } else if (options.partial) verdict.notJudged.push(e);
    else verdict.stale.push({ ...e, why: 'scenariet ble ikke kjørt' });
  }
  return verdict;
}
