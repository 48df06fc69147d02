// The runner's gates: preflight of a real target's environment, the expected-failures baseline
// (listed, unlisted, stale), and the requirement trace verdicts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyBaseline } from '../scripts/lib/expected-failures.ts';
import { checkTraceability, notApplicable, readRequirements, readScenarios } from '../scripts/lib/features.ts';
import { parallelOf, preflight } from '../scripts/lib/preflight.ts';
import type { ScenarioResult } from '../scripts/lib/results.ts';
import { traceTable } from '../scripts/lib/traceability.ts';
import { readProfile } from '../support/target/profile.ts';

const result = (name: string, status: ScenarioResult['status'], line = 1): ScenarioResult => ({ uri: 'features/x.feature', name, line, tags: [], status });

test('preflight names every missing variable, key and secret of the TT02 example', () => {
  const missing = preflight(readProfile('targets/tt02.example.json'), {});
  const names = ['SAMSVAR_MVA_URL', 'SAMSVAR_VENDOR_PRIVATE_KEY', 'SAMSVAR_SERVICEOWNER_PRIVATE_KEY', 'SAMSVAR_KARTVERKET_PRIVATE_KEY', 'SAMSVAR_TT02_SUBSCRIPTION_KEY', 'SAMSVAR_TT02_TESTTOOLS_CREDENTIALS'];
  for (const name of names) assert.match(missing.join('\n'), new RegExp(name));
  // The subscription key is named twice (PDP and broker); each mention is listed.
  assert.equal(missing.length, names.length + 1, missing.join('\n'));
  assert.deepEqual(preflight(readProfile('targets/tt02.example.json'), Object.fromEntries(names.map((n) => [n, 'x']))), []);
});

test('preflight refuses more parallel workers than the fixtures have pools', () => {
  const env = Object.fromEntries(['SAMSVAR_MVA_URL', 'SAMSVAR_VENDOR_PRIVATE_KEY', 'SAMSVAR_SERVICEOWNER_PRIVATE_KEY', 'SAMSVAR_KARTVERKET_PRIVATE_KEY', 'SAMSVAR_TT02_SUBSCRIPTION_KEY', 'SAMSVAR_TT02_TESTTOOLS_CREDENTIALS'].map((n) => [n, 'x']));
  assert.match(preflight(readProfile('targets/tt02.example.json'), env, { parallel: 2 }).join('\n'), /--parallel 2 trenger 2 pooler/);
  assert.equal(parallelOf(['--tags', '@x', '--parallel', '3']), 3);
  assert.equal(parallelOf(['--parallel=2']), 2);
  assert.equal(parallelOf([]), 1);
});

test('preflight lets the runner supply SAMSVAR_REFERENCE_URL for the reference profile only', () => {
  assert.deepEqual(preflight(readProfile('targets/referanse.json'), {}), []);
  assert.equal(preflight(readProfile('targets/referanse-ekstern.json'), {}).length, 9);
});

test('the baseline: listed failures pass, unlisted fail, listed passes are stale', () => {
  const expected = [
    { feature: 'features/x.feature', scenario: 'kjent feil', krav: 'A', reason: 'r' },
    { feature: 'features/x.feature', scenario: 'fikset', krav: 'A', reason: 'r' },
  ];
  const v = applyBaseline([{ ...result('kjent feil', 'failed'), message: '[A] feil' }, result('fikset', 'passed'), result('ny feil', 'failed'), result('ok', 'passed'), result('udefinert', 'undefined')], expected);
  assert.deepEqual(v.expected.map((r) => r.name), ['kjent feil']);
  assert.deepEqual(v.unexpected.map((r) => r.name), ['ny feil', 'udefinert']);
  assert.deepEqual(v.stale.map((e) => e.scenario), ['fikset']);
  assert.match(v.stale[0]!.why, /består nå/);
});

test('the baseline never excuses broken, pending or a failure for another requirement', () => {
  const expected = [
    { feature: 'features/x.feature', scenario: 'nede', krav: 'A', reason: 'r' },
    { feature: 'features/x.feature', scenario: 'venter', krav: 'A', reason: 'r' },
    { feature: 'features/x.feature', scenario: 'annet krav', krav: 'A', reason: 'r' },
  ];
  const v = applyBaseline([
    { ...result('nede', 'broken'), message: 'ECONNREFUSED' },
    result('venter', 'pending'),
    { ...result('annet krav', 'failed'), message: '[B] feil' },
  ], expected);
  assert.deepEqual(v.expected.map((r) => r.name), []);
  assert.deepEqual(v.unexpected.map((r) => r.name), ['nede', 'venter', 'annet krav']);
  assert.deepEqual(v.stale.map((e) => e.scenario), ['nede', 'venter', 'annet krav']);
});

test('the baseline: an entry that matches no scenario that ran is stale', () => {
  const v = applyBaseline([result('ok', 'passed')], [{ feature: 'features/x.feature', scenario: 'borte', krav: 'A', reason: 'r' }]);
  assert.deepEqual(v.stale.map((e) => e.scenario), ['borte']);
});

test('the trace table gives each requirement the verdict of its scenarios', () => {
  const requirements = [
    { id: 'A', tekst: 'a', kilde: 'k', niva: 'MUST' as const },
    { id: 'B', tekst: 'b', kilde: 'k', niva: 'MUST' as const },
    { id: 'C', tekst: 'c', kilde: 'k', niva: 'SHOULD' as const },
  ];
  const scenarios = [
    { uri: 'features/x.feature', line: 1, name: 's1', tags: [], krav: ['A', 'B'], vakter: [], capabilities: [] },
    { uri: 'features/x.feature', line: 2, name: 's2', tags: [], krav: ['B'], vakter: [], capabilities: ['portal-ui'] },
  ];
  const rows = traceTable(requirements, scenarios, [result('s1', 'passed', 1)], new Set(['features/x.feature:2']));
  assert.deepEqual(rows.map((r) => r.verdict), ['oppfylt', 'oppfylt', 'ikke dekket']);
  const failing = traceTable(requirements, scenarios, [result('s1', 'failed', 1)], new Set());
  assert.deepEqual(failing.map((r) => r.verdict), ['avvik', 'avvik', 'ikke dekket']);
  assert.deepEqual(checkTraceability(scenarios, requirements).uncoveredMusts, []);
  assert.deepEqual(notApplicable(scenarios, []).map((s) => s.name), ['s2']);
});

test('the specification itself passes the traceability gate', () => {
  const problems = checkTraceability(readScenarios(process.cwd()), readRequirements('features/krav.yaml'));
  assert.deepEqual(problems.withoutKrav, []);
  assert.deepEqual(problems.unknownIds, []);
  assert.deepEqual(problems.uncoveredMusts, []);
  assert.deepEqual(problems.misplacedGuards, []);
});
