// The runner's verdict (scripts/lib/verdict.ts), its expected failures and refused options: every
// gate is shown failing for the right reason, and a good run is shown passing. The real runner is
// run end to end in test/runner-e2e.test.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { refusedOption } from '../scripts/lib/cucumber-options.ts';
import { readExpectedFailures, type ExpectedFailure } from '../scripts/lib/expected-failures.ts';
import type { Requirement, SpecScenario } from '../scripts/lib/features.ts';
import { readRun, type RunRecord, type ScenarioResult } from '../scripts/lib/results.ts';
import { traceMarkdown, traceTable } from '../scripts/lib/traceability.ts';
import { bundleRefusal, judge, traceLine, type Verdict } from '../scripts/lib/verdict.ts';

const URI = 'features/x.feature';
const requirements: Requirement[] = [
  { id: 'A', tekst: 'a', kilde: 'k', niva: 'MUST' },
  { id: 'B', tekst: 'b', kilde: 'k', niva: 'MUST' },
  { id: 'C', tekst: 'c', kilde: 'k', niva: 'MUST' },
  { id: 'S', tekst: 's', kilde: 'k', niva: 'SHOULD' },
];
// s1 proves A, s2 proves B, s3 proves A and S; s4 (a capability the target lacks) is the only one for C.
const spec: SpecScenario[] = [
  { uri: URI, line: 1, name: 's1', tags: [], krav: ['A'], vakter: [], capabilities: [] },
  { uri: URI, line: 2, name: 's2', tags: [], krav: ['B'], vakter: [], capabilities: [] },
  { uri: URI, line: 3, name: 's3', tags: [], krav: ['A', 'S'], vakter: [], capabilities: [] },
  { uri: URI, line: 4, name: 's4', tags: [], krav: ['C'], vakter: [], capabilities: ['formidling'] },
];
const notApplicable = new Set([`${URI}:4`]);

const result = (name: string, status: ScenarioResult['status'], message?: string): ScenarioResult => {
  const s = spec.find((x) => x.name === name)!;
  return { uri: s.uri, name: s.name, line: s.line, tags: s.tags, status, ...(message ? { message } : {}) };
};
const selected = (...names: string[]) => names.map((n) => spec.find((s) => s.name === n)!).map(({ uri, name, line, tags }) => ({ uri, name, line, tags }));

function verdictOf(results: ScenarioResult[], options: { selected?: string[]; exit?: number; expected?: ExpectedFailure[]; finished?: boolean } = {}): Verdict {
  const run: RunRecord = { selected: selected(...(options.selected ?? ['s1', 's2', 's3'])), results, finished: options.finished ?? true };
  const rows = traceTable(requirements, spec, results, notApplicable);
  const failing = results.some((r) => r.status !== 'passed');
  return judge({ spec, notApplicable, run, cucumberExitCode: options.exit ?? (failing ? 1 : 0), rows, expected: options.expected ?? [] });
}
const allPassed = () => [result('s1', 'passed'), result('s2', 'passed'), result('s3', 'passed')];
const entry = (scenario: string, krav: string, extra: Partial<ExpectedFailure> = {}): ExpectedFailure => ({ feature: URI, scenario, krav, reason: 'kjent', ...extra });
const errors = (v: Verdict) => v.gateErrors.join('\n');

test('a full run where every applicable scenario passed is a complete verdict', () => {
  const v = verdictOf(allPassed());
  assert.deepEqual(v.gateErrors, []);
  assert.equal(v.kind, 'full');
  assert.equal(v.complete, true);
  assert.equal(v.exitCode, 0);
  assert.deepEqual(v.notApplicableMusts, ['C']);
  assert.equal(bundleRefusal(v), undefined);
});

test('zero passed fails the run, even when every failure is excused', () => {
  const v = verdictOf([result('s1', 'failed', '[A] feil'), result('s2', 'failed', '[B] feil'), result('s3', 'failed', '[A] feil')], {
    expected: [entry('s1', 'A'), entry('s2', 'B'), entry('s3', 'A')],
  });
  assert.equal(v.baseline.unexpected.length, 0);
  assert.match(errors(v), /Ingen scenarier bestod/);
  assert.equal(v.ok, false);
  assert.notEqual(v.exitCode, 0);
});

test('an all-skipped run (what --dry-run gives) is not passed: skipped never counts, and unmet MUSTs fail', () => {
  const v = verdictOf([result('s1', 'skipped'), result('s2', 'skipped'), result('s3', 'skipped')], { exit: 0 });
  assert.equal(v.passed, 0);
  assert.match(errors(v), /«s1» .* bestod ikke \(hoppet over\)/);
  assert.match(errors(v), /Ingen scenarier bestod/);
  assert.match(errors(v), /MUST-kravet A er ikke oppfylt/);
  assert.match(errors(v), /MUST-kravet B er ikke oppfylt/);
  assert.notEqual(v.exitCode, 0);
  assert.equal(v.trace.must.oppfylt, 0);
  assert.equal(v.trace.must['ikke kjørt'], 2);
});

test('pending and undefined never count as passed, whatever cucumber exits with', () => {
  const v = verdictOf([result('s1', 'passed'), result('s2', 'pending'), result('s3', 'undefined')], { exit: 0 });
  assert.match(errors(v), /«s2» .* bestod ikke \(ikke ferdig/);
  assert.match(errors(v), /«s3» .* bestod ikke \(udefinerte steg\)/);
  assert.equal(v.ok, false);
});

test('a selected scenario that never finished (a crash) fails the run even when cucumber exits 0', () => {
  const v = verdictOf([result('s1', 'passed'), result('s2', 'passed')], { exit: 0 });
  assert.match(errors(v), /«s3» \(features\/x\.feature:3\) ble valgt, men fullførte aldri/);
  assert.match(errors(v), /MUST-kravet A er ikke oppfylt .*s3 \(ikke fullført\)/);
  assert.deepEqual(v.notFinished.map((s) => s.name), ['s3']);
  assert.equal(v.ok, false);
});

test('a run without its testRunFinished message fails', () => {
  const v = verdictOf(allPassed(), { finished: false, exit: 0 });
  assert.match(errors(v), /Kjøringen ble ikke fullført/);
});

test('an empty selection fails', () => {
  const v = verdictOf([], { selected: [], exit: 0 });
  assert.match(errors(v), /Ingen scenarier ble valgt/);
});

test('a selected scenario outside the specification fails (it traces to no requirement)', () => {
  const run: RunRecord = {
    selected: [...selected('s1', 's2', 's3'), { uri: 'elsewhere/y.feature', name: 'y', line: 1, tags: [] }],
    results: [...allPassed(), { uri: 'elsewhere/y.feature', name: 'y', line: 1, tags: [], status: 'passed' }],
    finished: true,
  };
  const v = judge({ spec, notApplicable, run, cucumberExitCode: 0, rows: traceTable(requirements, spec, run.results, notApplicable), expected: [] });
  assert.match(errors(v), /«y» .* er ikke en del av spesifikasjonen/);
});

test('a listed failure for the named requirement is excused: the run passes and the trace still says avvik', () => {
  const v = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[B] Målet svarte 200, forventet 403\nmer tekst'), result('s3', 'passed')], {
    expected: [entry('s2', 'B', { message: 'forventet 403' })],
  });
  assert.deepEqual(v.gateErrors, []);
  assert.equal(v.exitCode, 0);
  assert.equal(v.complete, true);
  assert.deepEqual(v.baseline.expected.map((r) => r.name), ['s2']);
  assert.equal(v.trace.must.avvik, 1);
});

test('broken is never excused: a dead target listed as expected failures fails the run', () => {
  const v = verdictOf([result('s1', 'broken', 'fetch failed: ECONNREFUSED'), result('s2', 'broken', 'ECONNREFUSED'), result('s3', 'broken', 'ECONNREFUSED')], {
    expected: [entry('s1', 'A'), entry('s2', 'B'), entry('s3', 'A')],
  });
  assert.equal(v.baseline.expected.length, 0);
  assert.match(errors(v), /«s1» .* bestod ikke \(brutt/);
  assert.match(errors(v), /unnskylder ingenting og må rettes eller fjernes \(scenariet er broken, og bare «failed»/);
  assert.match(errors(v), /cucumber-js avsluttet med kode 1/);
  assert.notEqual(v.exitCode, 0);
});

test('an entry excuses only a failure whose message names its requirement id (and matches its pattern)', () => {
  const other = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[A] feil krav'), result('s3', 'passed')], { expected: [entry('s2', 'B')] });
  assert.match(errors(other), /«s2» .* bestod ikke \(avvik\): \[A\] feil krav/);
  assert.match(errors(other), /unnskylder ingenting og må rettes eller fjernes \(feilmeldingen nevner ikke \[B\]/);
  assert.notEqual(other.exitCode, 0);
  const pattern = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[B] svarte 500'), result('s3', 'passed')], { expected: [entry('s2', 'B', { message: 'svarte 403' })] });
  assert.match(errors(pattern), /unnskylder ingenting og må rettes eller fjernes \(feilmeldingen matcher ikke mønsteret/);
  assert.notEqual(pattern.exitCode, 0);
});

test('a stale entry fails the run: its scenario passes, or matches no scenario that ran', () => {
  const passing = verdictOf(allPassed(), { expected: [entry('s2', 'B')] });
  assert.match(errors(passing), /unnskylder ingenting og må rettes eller fjernes \(scenariet består nå/);
  const unknown = verdictOf(allPassed(), { expected: [entry('finnes ikke', 'B')] });
  assert.match(errors(unknown), /unnskylder ingenting og må rettes eller fjernes \(ingen scenarier i spesifikasjonen/);
  const notRun = verdictOf(allPassed(), { expected: [entry('s4', 'C')] });
  assert.match(errors(notRun), /unnskylder ingenting og må rettes eller fjernes \(scenariet ble ikke kjørt\)/);
  for (const v of [passing, unknown, notRun]) assert.notEqual(v.exitCode, 0);
});

test('an entry naming an unknown requirement, or one its scenario does not prove, fails', () => {
  const unknown = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[X] feil'), result('s3', 'passed')], { expected: [entry('s2', 'X')] });
  assert.match(errors(unknown), /kravet X, som ikke finnes/);
  const untagged = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[A] feil'), result('s3', 'passed')], { expected: [entry('s2', 'A')] });
  assert.match(errors(untagged), /scenariet har ingen @krav:A/);
});

test('cucumber\'s non-zero exit code is never ignored when nothing explains it', () => {
  const v = verdictOf(allPassed(), { exit: 1 });
  assert.match(errors(v), /cucumber-js avsluttet med kode 1/);
  assert.equal(v.exitCode, 1);
});

test('an unmet MUST fails a full run: not testable, or not covered by any scenario', () => {
  const v = verdictOf([result('s1', 'passed'), result('s2', 'broken', 'Ikke testbar: oppsett'), result('s3', 'passed')]);
  assert.match(errors(v), /MUST-kravet B er ikke oppfylt \(ikke testbar\)/);
  assert.equal(v.trace.must['ikke testbar'], 1);
  const uncovered = [...requirements, { id: 'D', tekst: 'd', kilde: 'k', niva: 'MUST' as const }];
  const run: RunRecord = { selected: selected('s1', 's2', 's3'), results: allPassed(), finished: true };
  const d = judge({ spec, notApplicable, run, cucumberExitCode: 0, rows: traceTable(uncovered, spec, run.results, notApplicable), expected: [] });
  assert.match(errors(d), /MUST-kravet D er ikke oppfylt \(ikke dekket\): ingen scenarier dekker kravet/);
});

test('a partial run judges the MUSTs it selected, labels the rest "ikke kjørt" and is never complete', () => {
  const v = verdictOf([result('s2', 'passed')], { selected: ['s2'], expected: [entry('s1', 'A')] });
  assert.equal(v.kind, 'partial');
  assert.deepEqual(v.gateErrors, []);
  assert.equal(v.exitCode, 0);
  assert.equal(v.complete, false);
  assert.deepEqual(v.notRunMusts, ['A']);
  assert.deepEqual(verdictOf([result('s1', 'passed')], { selected: ['s1'] }).partlyRunMusts, ['A']);
  assert.deepEqual(v.baseline.notJudged.map((e) => e.scenario), ['s1']);
  assert.match(bundleRefusal(v) ?? '', /delkjøring \(1 av 3 aktuelle scenarier valgt\)/);
  const failing = verdictOf([result('s2', 'failed', '[B] feil')], { selected: ['s2'] });
  assert.match(errors(failing), /MUST-kravet B er ikke oppfylt \(avvik\)/);
  assert.notEqual(failing.exitCode, 0);
  // The same unselected entry in a full run is stale.
  assert.match(errors(verdictOf(allPassed(), { expected: [entry('s4', 'C')] })), /unnskylder ingenting/);
});

test('no bundle for a full run that failed a gate', () => {
  const v = verdictOf([result('s1', 'passed'), result('s2', 'failed', '[B] feil'), result('s3', 'passed')]);
  assert.equal(v.kind, 'full');
  assert.equal(v.complete, false);
  assert.match(bundleRefusal(v) ?? '', /ble ikke skrevet: kjøringen har \d+ portfeil/);
});

test('the trace line gives met, not met, not testable, not applicable and not run as separate numbers', () => {
  const rows = traceTable(requirements, spec, [result('s1', 'skipped'), result('s2', 'failed', '[B] x'), result('s3', 'broken')], notApplicable);
  const v = judge({ spec, notApplicable, run: { selected: selected('s1', 's2', 's3'), results: [], finished: true }, cucumberExitCode: 1, rows, expected: [] });
  assert.equal(traceLine(v.trace), '4 krav: 0 oppfylt, 1 ikke oppfylt (avvik), 2 ikke testbar, 1 ikke aktuelt, 0 ikke kjørt; av dem 3 MUST: 0 oppfylt, 1 ikke oppfylt (avvik), 1 ikke testbar, 1 ikke aktuelt, 0 ikke kjørt');
  assert.doesNotMatch(traceLine(v.trace), /oppfylt eller ikke aktuelle/);
  const md = traceMarkdown(rows, 'x', { kind: 'partial', notApplicableMusts: ['C'] });
  assert.match(md, /\*\*Delkjøring:\*\*/);
  assert.match(md, /3 MUST-krav: 0 oppfylt, 1 ikke oppfylt \(avvik\), 1 ikke testbar, 1 ikke aktuelt, 0 ikke kjørt, 0 ikke dekket/);
  assert.match(md, /MUST-krav som ikke er aktuelle for målet: C/);
});

test('the message stream: a scenario with a test case but no finished test case is selected, not a result', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-run-'));
  try {
    const pickle = (id: string, line: number) => ({ pickle: { id, uri: URI, name: `p${line}`, tags: [], location: { line }, astNodeIds: [], steps: [], language: 'no' } });
    const lines = [
      pickle('p1', 1), pickle('p2', 2), pickle('p3', 3),
      { testCase: { id: 't1', pickleId: 'p1' } }, { testCase: { id: 't2', pickleId: 'p2' } },
      { testCaseStarted: { id: 'c1', testCaseId: 't1', attempt: 0 } },
      { testStepFinished: { testCaseStartedId: 'c1', testStepResult: { status: 'PASSED' } } },
      { testCaseFinished: { testCaseStartedId: 'c1', willBeRetried: false } },
      { testCaseStarted: { id: 'c2', testCaseId: 't2', attempt: 0 } },
    ];
    // The last line is cut off, as when a run is killed while writing.
    writeFileSync(join(dir, 'm.ndjson'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"testStepFinished":{"testCaseSt`);
    const run = readRun(join(dir, 'm.ndjson'));
    assert.deepEqual(run.selected.map((s) => s.name), ['p1', 'p2']);
    assert.deepEqual(run.results.map((r) => `${r.name} ${r.status}`), ['p1 passed']);
    assert.equal(run.finished, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('expected-failures entries must name a requirement id; the message pattern must be a valid regex', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-ef-'));
  try {
    const file = join(dir, 'f.yaml');
    writeFileSync(file, '- feature: features/x.feature\n  scenario: s\n  reason: r\n');
    assert.throws(() => readExpectedFailures(file), /needs krav/);
    writeFileSync(file, '- feature: features/x.feature\n  scenario: s\n  krav: A\n  message: "(["\n  reason: r\n');
    assert.throws(() => readExpectedFailures(file), /not a valid regular expression/);
    writeFileSync(file, '- feature: features/x.feature\n  scenario: s\n  krav: A\n  reason: r\n  kravet: A\n');
    assert.throws(() => readExpectedFailures(file), /unknown fields: kravet/);
    writeFileSync(file, '- feature: features/x.feature\n  scenario: s\n  krav: A\n  message: "svarte 403"\n  reason: r\n');
    assert.deepEqual(readExpectedFailures(file), [{ feature: 'features/x.feature', scenario: 's', krav: 'A', message: 'svarte 403', reason: 'r' }]);
    assert.deepEqual(readExpectedFailures('targets/tt02.expected-failures.yaml'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pass-through options that would make the verdict lie are refused; selection and parallelism are not', () => {
  for (const args of [['--dry-run'], ['-d'], ['--retry', '2'], ['--retry=2'], ['--retry-tag-filter', '@x'], ['--fail-fast'], ['--no-strict'], ['--format', 'json'], ['--format=html:x.html'], ['-f', 'json'], ['--format-options', '{}'], ['--config', 'x.mjs'], ['-c', 'x'], ['--profile', 'p'], ['--import', 'x.ts'], ['-r', 'x.js'], ['--require-module', 'm'], ['--plugin', 'p'], ['--world-parameters', '{}'], ['-bd'], ['--tags', '@x', '--dry-run']]) {
    assert.ok(refusedOption(args), `${args.join(' ')} should be refused`);
  }
  assert.equal(refusedOption(['--retry', '2'])?.option, '--retry');
  for (const args of [['--tags', '@scenario:3'], ['--tags=@x'], ['-t', '@x'], ['--parallel', '2'], ['features/x.feature:3'], ['--order', 'random'], ['--name', '--dry-run'], ['--strict'], ['--shard', '1/2'], ['-b']]) {
    assert.equal(refusedOption(args), undefined, `${args.join(' ')} should pass`);
  }
});
