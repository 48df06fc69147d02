// The documented guards in the trace: each guard of a requirement with the scenarios tagged
// @vakt:<kode> that show it, the guards without a scenario listed (shown, not a gate), and the gate
// that a @vakt names a guard of a requirement the scenario is tagged with.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkTraceability, readRequirements, readScenarios, type Requirement, type SpecScenario } from '../scripts/lib/features.ts';
import type { ScenarioResult } from '../scripts/lib/results.ts';
import { guardCounts, guardLine, traceHtml, traceMarkdown, traceTable } from '../scripts/lib/traceability.ts';

const URI = 'features/x.feature';
const requirements: Requirement[] = [
  {
    id: 'A', tekst: 'a', kilde: 'k', niva: 'MUST',
    vakter: [{ kode: 'AUTH-00035', tekst: 'med klienter kan ikke slettes' }, { kode: 'AUTH-00024', tekst: 'en annen parts' }],
  },
  { id: 'B', tekst: 'b', kilde: 'k', niva: 'MUST', vakter: [{ kode: 'AUTH-00004', tekst: 'finnes allerede' }] },
];
const scenario = (line: number, krav: string[], vakter: string[]): SpecScenario => ({ uri: URI, line, name: `s${line}`, tags: [], krav, vakter, capabilities: [] });
const result = (line: number, status: ScenarioResult['status']): ScenarioResult => ({ uri: URI, name: `s${line}`, line, tags: [], status });

test('each guard gets the scenarios that show it and their verdict; a guard without one is "ikke dekket"', () => {
  const spec = [scenario(1, ['A'], ['AUTH-00035']), scenario(2, ['A'], []), scenario(3, ['B'], ['AUTH-00004'])];
  const rows = traceTable(requirements, spec, [result(1, 'failed'), result(2, 'passed'), result(3, 'passed')], new Set());
  const a = rows[0]!;
  assert.deepEqual(a.guards.map((g) => [g.guard.kode, g.verdict, g.scenarios.map((s) => s.name)]), [
    ['AUTH-00035', 'avvik', ['s1']],
    ['AUTH-00024', 'ikke dekket', []],
  ]);
  assert.deepEqual(rows[1]!.guards.map((g) => g.verdict), ['oppfylt']);
  const counts = guardCounts(rows);
  assert.equal(counts.total, 3);
  assert.equal(counts.covered, 2);
  assert.deepEqual(counts.uncovered, [{ kode: 'AUTH-00024', krav: 'A' }]);
  assert.equal(counts.all.avvik, 1);
  assert.equal(counts.all['ikke dekket'], 1);
  assert.match(guardLine(rows), /3 dokumenterte vakter: 2 vist av et @negativ-scenario, 1 uten scenario: AUTH-00024 \(A\)/);

  const md = traceMarkdown(rows, 'referanse');
  assert.match(md, /## Vakter/);
  assert.match(md, /\| AUTH-00024 \| A \| en annen parts \| ikke dekket \| \*\*ingen scenario\*\* \|/);
  assert.match(md, /\| AUTH-00035 \| A \| med klienter kan ikke slettes \| avvik \| s1 \(avvik\) \|/);
  assert.match(traceHtml(rows), /Vakt AUTH-00024 — <b>IKKE DEKKET<\/b>.*ingen scenarier viser vakten/);
});

test('a guard no scenario of the run selected is "ikke kjørt", one only on a not applicable scenario "ikke aktuelt"', () => {
  const spec = [scenario(1, ['A'], ['AUTH-00035']), scenario(3, ['B'], ['AUTH-00004'])];
  const rows = traceTable(requirements, spec, [], new Set([`${URI}:3`]));
  assert.equal(rows[0]!.guards[0]!.verdict, 'ikke kjørt');
  assert.equal(rows[1]!.guards[0]!.verdict, 'ikke aktuelt');
});

test('the gate refuses a @vakt no requirement lists, and one on a scenario without its requirement', () => {
  const spec = [scenario(1, ['B'], ['AUTH-00035']), scenario(2, ['A'], ['AUTH-99999']), scenario(3, ['A'], ['AUTH-00035'])];
  const problems = checkTraceability(spec, requirements);
  assert.deepEqual(problems.misplacedGuards.map((p) => [p.kode, p.owner, p.scenario.name]), [
    ['AUTH-00035', 'A', 's1'],
    ['AUTH-99999', undefined, 's2'],
  ]);
});

test('the register refuses a guard listed twice or without kode and tekst', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-vakter-'));
  const twice = join(dir, 'twice.yaml');
  writeFileSync(twice, [
    '- { id: A, tekst: a, kilde: k, niva: MUST, vakter: [{ kode: AUTH-00035, tekst: x }] }',
    '- { id: B, tekst: b, kilde: k, niva: MUST, vakter: [{ kode: AUTH-00035, tekst: y }] }',
  ].join('\n'));
  assert.throws(() => readRequirements(twice), /AUTH-00035 is listed twice \(under A and B\)/);
  const bare = join(dir, 'bare.yaml');
  writeFileSync(bare, '- { id: A, tekst: a, kilde: k, niva: MUST, vakter: [{ kode: AUTH-00035 }] }\n');
  assert.throws(() => readRequirements(bare), /every guard needs kode and tekst/);
});

test('the register lists AUTH-00036 and a scenario shows it', () => {
  const a = readRequirements('features/krav.yaml').find((r) => (r.vakter ?? []).some((g) => g.kode === 'AUTH-00036'));
  assert.ok(a, 'features/krav.yaml lists the guard AUTH-00036');
  const shown = readScenarios(process.cwd()).filter((s) => s.vakter.includes('AUTH-00036'));
  assert.ok(shown.length > 0 && shown.every((s) => s.krav.includes(a.id) && s.tags.includes('@negativ')), 'a @negativ scenario of its requirement shows it');
});
