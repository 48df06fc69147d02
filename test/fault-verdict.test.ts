// The judges of the selfcheck and the service-API proof: a fault is caught only by a failed
// assertion naming one of its requirement ids in a scenario tagged with it; anything broken, an empty
// run or a timeout fails the check; the service-API proof holds only for the exact expected set.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeBaseline, judgeFault, judgeServiceApi, namedKrav, type JudgedResult } from '../scripts/lib/fault-verdict.ts';

let nextLine = 1;
function scenario(name: string, krav: string[], status: JudgedResult['status'], message?: string): JudgedResult {
  return { uri: 'features/x.feature', line: nextLine++, name, tags: ['@kapabilitet:mva', ...krav.map((k) => `@krav:${k}`)], status, ...(message ? { message } : {}) };
}

test('the message names ids in square brackets on its first line only, each exactly', () => {
  assert.deepEqual(namedKrav('[SVC-2] Rapporten skal avvises: forventet HTTP 403, fikk 201.'), ['SVC-2']);
  assert.deepEqual(namedKrav('[SVC-2, PDP-2] to krav'), ['SVC-2', 'PDP-2']);
  assert.deepEqual(namedKrav('[SB-1.40] annet krav'), ['SB-1.40']);
  assert.deepEqual(namedKrav('Ikke testbar: noe\n[SVC-2] på linje to'), []);
  assert.deepEqual(namedKrav(undefined), []);
  assert.deepEqual(namedKrav('fixtures.a[0] er feil'), []);
});

test('a fault is caught when a scenario tagged with its id fails on an assertion naming that id', () => {
  const hit = scenario('annen part avvises', ['SB-3.5', 'SVC-2'], 'failed', '[SVC-2] Rapporten for den andre virksomheten skal avvises: forventet HTTP 403, fikk 201.');
  const v = judgeFault('mva-hopper-over-pdp', ['SVC-2', 'SVC-5'], { results: [scenario('ok', ['SVC-1'], 'passed'), hit] });
  assert.equal(v.ok, true, v.reasons.join('; '));
  assert.deepEqual(v.tripped.map((t) => [t.scenario.name, t.krav]), [['annen part avvises', 'SVC-2']]);
  assert.deepEqual(v.collateral, []);
  assert.deepEqual(v.broken, []);
});

test('a fault whose scenarios failed only for another id is not caught; those failures are collateral', () => {
  const otherId = scenario('token', ['TOK-1', 'SVC-2'], 'failed', '[TOK-1] Maskinporten skal utstede et token.');
  const untagged = scenario('utagget', ['TOK-1'], 'failed', '[SVC-2] nevner kravet, men scenariet er ikke merket med det');
  const v = judgeFault('mva-hopper-over-pdp', ['SVC-2'], { results: [otherId, untagged, scenario('ok', ['SVC-2'], 'passed')] });
  assert.equal(v.ok, false);
  assert.deepEqual(v.tripped, []);
  assert.deepEqual(v.collateral.map((c) => c.name), ['token', 'utagget']);
  assert.match(v.reasons.join('\n'), /ikke fanget av sitt krav/);
  // Collateral next to a real trip is listed, not held against the fault.
  const caught = judgeFault('mva-hopper-over-pdp', ['SVC-2'], { results: [otherId, scenario('treff', ['SVC-2'], 'failed', '[SVC-2] avvist')] });
  assert.equal(caught.ok, true, caught.reasons.join('; '));
  assert.deepEqual(caught.collateral.map((c) => c.name), ['token']);
});

test('a broken scenario under a fault fails the check, even when the fault was also caught', () => {
  const hit = scenario('treff', ['SVC-2'], 'failed', '[SVC-2] avvist');
  for (const status of ['broken', 'undefined', 'pending', 'ambiguous', 'skipped'] as const) {
    const v = judgeFault('f', ['SVC-2'], { results: [hit, scenario('brudd', ['SVC-2'], status, 'Ikke testbar: [SVC-2] oppsettet lyktes ikke')] });
    assert.equal(v.ok, false, status);
    assert.deepEqual(v.broken.map((b) => b.name), ['brudd']);
    assert.match(v.reasons.join('\n'), /brøt testoppsettet/);
  }
  // Caught only as broken is not caught at all.
  const onlyBroken = judgeFault('f', ['SVC-2'], { results: [scenario('brudd', ['SVC-2'], 'broken', '[SVC-2] Ikke testbar')] });
  assert.equal(onlyBroken.ok, false);
  assert.deepEqual(onlyBroken.tripped, []);
});

test('a run with no results, a timeout or a target that did not start is a failed check, never caught', () => {
  const hit = scenario('treff', ['SVC-2'], 'failed', '[SVC-2] avvist');
  assert.equal(judgeFault('f', ['SVC-2'], { results: [] }).ok, false);
  assert.match(judgeFault('f', ['SVC-2'], { results: [] }).reasons.join('\n'), /ingen resultater/);
  const timedOut = judgeFault('f', ['SVC-2'], { results: [hit], timedOut: true });
  assert.equal(timedOut.ok, false);
  assert.match(timedOut.reasons.join('\n'), /for lang tid/);
  const notStarted = judgeFault('f', ['SVC-2'], { results: [], problem: 'referansen startet ikke' });
  assert.equal(notStarted.ok, false);
  assert.match(notStarted.reasons.join('\n'), /referansen startet ikke/);
  assert.equal(judgeFault('f', [], { results: [hit] }).ok, false, 'a fault that declares no ids cannot be caught');
});

test('a fault that declares an id krav.yaml lacks, or one no scenario that runs is tagged with, fails the check', () => {
  const hit = scenario('treff', ['SVC-2'], 'failed', '[SVC-2] avvist');
  const coverage = { known: new Set(['SVC-2', 'SVC-5']), tagged: new Set(['SVC-2']) };
  assert.equal(judgeFault('f', ['SVC-2'], { results: [hit] }, coverage).ok, true);
  const typo = judgeFault('f', ['SVC-2', 'SVC-9'], { results: [hit] }, coverage);
  assert.equal(typo.ok, false);
  assert.match(typo.reasons.join('\n'), /ikke finnes i features\/krav.yaml: SVC-9/);
  const untested = judgeFault('f', ['SVC-2', 'SVC-5'], { results: [hit] }, coverage);
  assert.equal(untested.ok, false);
  assert.match(untested.reasons.join('\n'), /ingen kjørte scenarier er merket med: SVC-5/);
});

test('the baseline must be fully green with results', () => {
  assert.equal(judgeBaseline({ results: [scenario('a', ['X-1'], 'passed')] }).ok, true);
  assert.equal(judgeBaseline({ results: [scenario('a', ['X-1'], 'passed'), scenario('b', ['X-1'], 'broken')] }).ok, false);
  assert.equal(judgeBaseline({ results: [] }).ok, false);
  assert.equal(judgeBaseline({ results: [scenario('a', ['X-1'], 'passed')], timedOut: true }).ok, false);
});

// The service-API proof: the selection from the feature files, and the run's results.
function serviceApiCase() {
  const selected = [
    scenario('godtas', ['SVC-1'], 'passed'),
    scenario('annen part', ['SVC-2', 'PDP-2'], 'passed'),
    scenario('beslutningslogg', ['SVC-5'], 'passed'),
    scenario('utløpt', ['SVC-3'], 'passed'),
  ].map(({ uri, line, name, tags }) => ({ uri, line, name, tags }));
  const [godtas, annen, logg, utlopt] = selected as [typeof selected[0], typeof selected[0], typeof selected[0], typeof selected[0]];
  const as = (s: typeof godtas, status: JudgedResult['status'], message?: string): JudgedResult => ({ ...s, status, ...(message ? { message } : {}) });
  return { selected, godtas, annen, logg, utlopt, as };
}
const PDP_IDS = ['SVC-2', 'SVC-5'];

test('service-api: the exact set holds — the PDP scenarios fail naming their SVC id, the rest pass', () => {
  const { selected, godtas, annen, logg, utlopt, as } = serviceApiCase();
  const results = [as(godtas, 'passed'), as(annen, 'failed', '[SVC-2] avvist: forventet 403, fikk 201'), as(logg, 'failed', '[SVC-5] Beslutningsloggen har ingen beslutning'), as(utlopt, 'passed')];
  const v = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results });
  assert.equal(v.ok, true, v.reasons.join('; '));
  assert.equal(v.failedAsExpected.length, 2);
  assert.equal(v.expectedFailures.length, 2);
  // As written, nothing may fail.
  const green = judgeServiceApi('som-skrevet', selected, [], { results: selected.map((s) => as(s, 'passed')) });
  assert.equal(green.ok, true, green.reasons.join('; '));
  assert.deepEqual(green.expectedFailures, []);
});

test('service-api: an extra failure fails the proof', () => {
  const { selected, godtas, annen, logg, utlopt, as } = serviceApiCase();
  const results = [as(godtas, 'failed', '[SVC-1] kvittering mangler'), as(annen, 'failed', '[SVC-2] avvist'), as(logg, 'failed', '[SVC-5] logg'), as(utlopt, 'passed')];
  const v = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results });
  assert.equal(v.ok, false);
  assert.equal(v.extraFailures.length, 1);
  assert.match(v.extraFailures[0] ?? '', /godtas/);
  const asWritten = judgeServiceApi('som-skrevet', selected, [], { results: [as(godtas, 'passed'), as(annen, 'failed', '[SVC-2] x'), as(logg, 'passed'), as(utlopt, 'passed')] });
  assert.equal(asWritten.ok, false);
  assert.equal(asWritten.extraFailures.length, 1);
});

test('service-api: a missing failure (passed, or failed naming another id) fails the proof', () => {
  const { selected, godtas, annen, logg, utlopt, as } = serviceApiCase();
  const passed = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [as(godtas, 'passed'), as(annen, 'failed', '[SVC-2] avvist'), as(logg, 'passed'), as(utlopt, 'passed')] });
  assert.equal(passed.ok, false);
  assert.equal(passed.missingFailures.length, 1);
  assert.match(passed.missingFailures[0] ?? '', /beslutningslogg/);
  const otherId = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [as(godtas, 'passed'), as(annen, 'failed', '[PDP-2] PDP-en svarte Permit'), as(logg, 'failed', '[SVC-5] logg'), as(utlopt, 'passed')] });
  assert.equal(otherId.ok, false);
  assert.match(otherId.missingFailures[0] ?? '', /annen part/);
});

test('service-api: a broken scenario, an empty run, a run that did not start or a scenario not run fails the proof', () => {
  const { selected, godtas, annen, logg, utlopt, as } = serviceApiCase();
  const broken = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [as(godtas, 'passed'), as(annen, 'broken', 'Ikke testbar: [SVC-2] x'), as(logg, 'failed', '[SVC-5] logg'), as(utlopt, 'passed')] });
  assert.equal(broken.ok, false);
  assert.equal(broken.broken.length, 1);
  assert.equal(judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [] }).ok, false);
  const notStarted = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [], problem: 'tjenesten startet ikke' });
  assert.equal(notStarted.ok, false);
  assert.match(notStarted.reasons.join('\n'), /tjenesten startet ikke/);
  const partial = judgeServiceApi('uten-pdp', selected, PDP_IDS, { results: [as(annen, 'failed', '[SVC-2] avvist'), as(logg, 'failed', '[SVC-5] logg')] });
  assert.equal(partial.ok, false);
  assert.equal(partial.notRun.length, 2);
  const unselected = judgeServiceApi('som-skrevet', selected.slice(0, 3), [], { results: selected.map((s) => as(s, 'passed')) });
  assert.equal(unselected.ok, false);
  assert.equal(unselected.unselected.length, 1);
});
