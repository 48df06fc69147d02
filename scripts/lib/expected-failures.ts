// Expected failures of an external target (a known non-conformance someone has accepted for now).
// A listed failure keeps the run green; an unlisted failure fails it; a listed scenario that now
// passes is stale and fails the run too, so the list never outlives the defect it records.

import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { ScenarioResult } from './results.ts';

export interface ExpectedFailure {
  /** The feature file, as cucumber names it (features/...). */
  feature: string;
  /** The scenario's name. */
  scenario: string;
  reason: string;
  owner?: string;
  since?: string;
}

export const failureKey = (feature: string, scenario: string): string => `${feature} » ${scenario}`;

export function readExpectedFailures(path: string): ExpectedFailure[] {
  const data = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new Error(`${path} must be a YAML list of {feature, scenario, reason}.`);
  return data.map((entry, i) => {
    const e = entry as Partial<ExpectedFailure>;
    if (typeof e.feature !== 'string' || typeof e.scenario !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new Error(`${path}: entry ${i + 1} needs feature, scenario and a reason.`);
    }
    return e as ExpectedFailure;
  });
}

export interface BaselineVerdict {
  expected: ScenarioResult[];
  unexpected: ScenarioResult[];
  stale: ExpectedFailure[];
}

const FAILING = new Set(['failed', 'broken', 'pending']);

/** Undefined and ambiguous steps are suite defects and can never be expected. */
export function applyBaseline(results: ScenarioResult[], expected: ExpectedFailure[]): BaselineVerdict {
  const listed = new Map(expected.map((e) => [failureKey(e.feature, e.scenario), e] as const));
  const verdict: BaselineVerdict = { expected: [], unexpected: [], stale: [] };
  const seen = new Set<string>();
  for (const r of results) {
    const key = failureKey(r.uri, r.name);
    seen.add(key);
    const entry = listed.get(key);
    if (r.status === 'passed' || r.status === 'skipped') {
      if (entry && r.status === 'passed') verdict.stale.push(entry);
    } else if (entry && FAILING.has(r.status)) {
      verdict.expected.push(r);
    } else {
      verdict.unexpected.push(r);
    }
  }
  return verdict;
}
