// Reads a cucumber-js message stream (NDJSON) and gives one result per scenario: passed, failed
// (a Then-step's assertion: the target does not conform), broken (setup or suite problem),
// undefined/ambiguous/pending/skipped.

import { readFileSync } from 'node:fs';

export type ScenarioStatus = 'passed' | 'failed' | 'broken' | 'undefined' | 'ambiguous' | 'pending' | 'skipped';

export interface ScenarioResult {
  uri: string;
  name: string;
  line: number;
  tags: string[];
  status: ScenarioStatus;
  message?: string;
}

interface Envelope {
  pickle?: { id: string; uri: string; name: string; tags: Array<{ name: string }>; location?: { line: number } };
  testCase?: { id: string; pickleId: string };
  testCaseStarted?: { id: string; testCaseId: string; attempt: number };
  testStepFinished?: {
    testCaseStartedId: string;
    testStepResult: { status: string; message?: string; exception?: { type?: string; message?: string } };
  };
  testCaseFinished?: { testCaseStartedId: string; willBeRetried: boolean };
  testRunFinished?: { success: boolean };
}

/** A scenario cucumber selected for the run (it got a test case), whether or not it finished. */
export interface SelectedScenario {
  uri: string;
  name: string;
  line: number;
  tags: string[];
}

/** What one run's message stream says: what was selected, what finished, and whether the run itself ended. */
export interface RunRecord {
  selected: SelectedScenario[];
  results: ScenarioResult[];
  /** A testRunFinished message was written (the run was not cut short by a crash or a kill). */
  finished: boolean;
}

const RANK: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, FAILED: 5, UNKNOWN: 1 };

function isAssertion(result: NonNullable<Envelope['testStepFinished']>['testStepResult']): boolean {
  const type = result.exception?.type ?? '';
  return type === 'AssertionError' || /^AssertionError/.test(result.message ?? '');
}

export function readResults(path: string): ScenarioResult[] {
  return readRun(path).results;
}

export function readRun(path: string): RunRecord {
  const pickles = new Map<string, NonNullable<Envelope['pickle']>>();
  const testCases = new Map<string, string>();
  const started = new Map<string, string>();
  const worst = new Map<string, { status: string; assertion: boolean; message?: string }>();
  const finished: Array<{ startedId: string; retried: boolean }> = [];
  const selectedPickles: string[] = [];
  let runFinished = false;

  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  for (const [index, line] of lines.entries()) {
    let e: Envelope;
    try {
      e = JSON.parse(line) as Envelope;
    } catch (error) {
      // A run killed while writing leaves a cut-off last line: the run did not finish, and says so.
      if (index === lines.length - 1) break;
      throw error;
    }
    if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    else if (e.testCase) {
      testCases.set(e.testCase.id, e.testCase.pickleId);
      selectedPickles.push(e.testCase.pickleId);
    }
    else if (e.testCaseStarted) started.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    else if (e.testStepFinished) {
      const { testCaseStartedId: id, testStepResult: r } = e.testStepFinished;
      const prev = worst.get(id);
      if (!prev || (RANK[r.status] ?? 0) > (RANK[prev.status] ?? 0)) {
        worst.set(id, { status: r.status, assertion: isAssertion(r), message: r.exception?.message ?? r.message });
      }
    } else if (e.testCaseFinished) {
      finished.push({ startedId: e.testCaseFinished.testCaseStartedId, retried: e.testCaseFinished.willBeRetried });
    } else if (e.testRunFinished) runFinished = true;
  }

  const results: ScenarioResult[] = [];
  for (const { startedId, retried } of finished) {
    if (retried) continue;
    const pickle = pickles.get(testCases.get(started.get(startedId) ?? '') ?? '');
    if (!pickle) continue;
    const w = worst.get(startedId) ?? { status: 'PASSED', assertion: false };
    const status: ScenarioStatus =
      w.status === 'PASSED' ? 'passed'
      : w.status === 'FAILED' ? (w.assertion ? 'failed' : 'broken')
      : (w.status.toLowerCase() as ScenarioStatus);
    results.push({
      uri: pickle.uri,
      name: pickle.name,
      line: pickle.location?.line ?? 0,
      tags: pickle.tags.map((t) => t.name),
      status,
      ...(w.message ? { message: w.message.split('\n')[0] } : {}),
    });
  }
  const selected = selectedPickles.flatMap((id) => {
    const pickle = pickles.get(id);
    return pickle ? [{ uri: pickle.uri, name: pickle.name, line: pickle.location?.line ?? 0, tags: pickle.tags.map((t) => t.name) }] : [];
  });
  return { selected, results, finished: runFinished };
}
