// The seed's step headings in the report (scripts/lib/seed-steps.ts): a main scenario's steps are
// grouped under the "# Steg N" comments, statuses and attachments survive, other scenarios are untouched.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { groupSeedSteps, groupSteps, headedPickles, headingOf, worstStatus, type AllureStep } from '../scripts/lib/seed-steps.ts';

const FEATURE = `# language: no
Egenskap: Eksempel

  Bakgrunn:
    Gitt at tjenesteeieren har en ressurs

  Scenario: Hovedscenario
    # Forutsetninger
    Gitt at systemet er registrert
    # Steg 1: Legge til klient. Lang overskrift som
    # fortsetter på neste linje
    Når klienten legges til
    Så er klienten lagt til
    # Steg 2: Hente token
    Når systemet henter token
    # @implisitt: Mottak
    Så mottar Kartverket filen

  Scenario: Uten overskrifter
    Når noe skjer
    Så skjer det
`;

const step = (name: string, status = 'passed', extra: Partial<AllureStep> = {}): AllureStep => ({ name, status, stage: 'finished', start: 1, stop: 2, steps: [], attachments: [], parameters: [], ...extra });

test('headings come from comment blocks; continuation lines are joined, @implisitt is named as beyond the seed', () => {
  assert.equal(headingOf(['# Steg 1: Legge til klient.', '# fortsetter']), 'Steg 1: Legge til klient. fortsetter');
  assert.equal(headingOf(['# @implisitt: Mottak']), 'Utover brukerscenarioet: Mottak');
  assert.equal(headingOf(['#']), undefined);
  const [main, plain] = headedPickles(FEATURE, 'features/x.feature');
  assert.deepEqual(main!.steps, [
    { name: 'Gitt at tjenesteeieren har en ressurs', heading: 'Forutsetninger' },
    { name: 'Gitt at systemet er registrert', heading: 'Forutsetninger' },
    { name: 'Når klienten legges til', heading: 'Steg 1: Legge til klient. Lang overskrift som fortsetter på neste linje' },
    { name: 'Så er klienten lagt til', heading: 'Steg 1: Legge til klient. Lang overskrift som fortsetter på neste linje' },
    { name: 'Når systemet henter token', heading: 'Steg 2: Hente token' },
    { name: 'Så mottar Kartverket filen', heading: 'Utover brukerscenarioet: Mottak' },
  ]);
  // A scenario without comments gets no headings, not even for the background.
  assert.deepEqual(plain!.steps, [{ name: 'Gitt at tjenesteeieren har en ressurs' }, { name: 'Når noe skjer' }, { name: 'Så skjer det' }]);
});

test('grouping keeps order, attachments and nested steps; a parent step takes the worst status and the failure', () => {
  const [main] = headedPickles(FEATURE, 'features/x.feature');
  const evidence = step('HTTP 1 GET /x → 200.json', undefined, { attachments: [{ name: 'HTTP 1', source: 'a.json', type: 'application/json' }] });
  const steps = [
    step('Gitt at tjenesteeieren har en ressurs', 'passed', { steps: [evidence] }),
    step('Gitt at systemet er registrert'),
    step('Når klienten legges til'),
    step('Så er klienten lagt til', 'failed', { statusDetails: { message: 'klienten mangler', trace: 'at x' } }),
    step('Når systemet henter token', 'skipped'),
    step('Så mottar Kartverket filen', 'skipped'),
  ];
  const grouped = groupSteps(steps, main!)!;
  assert.deepEqual(grouped.map((g) => [g.name, g.status, g.steps!.length]), [
    ['Forutsetninger', 'passed', 2],
    ['Steg 1: Legge til klient. Lang overskrift som fortsetter på neste linje', 'failed', 2],
    ['Steg 2: Hente token', 'skipped', 1],
    ['Utover brukerscenarioet: Mottak', 'skipped', 1],
  ]);
  assert.equal(grouped[0]!.steps![0]!.steps![0], evidence);
  assert.deepEqual(grouped[1]!.statusDetails, { message: 'klienten mangler', trace: 'at x' });
  assert.deepEqual(grouped.flatMap((g) => g.steps!), steps);
  // A step the pickle does not have (a hook) stays where it is, ungrouped.
  const withHook = groupSteps([step('After'), ...steps], main!)!;
  assert.equal(withHook[0]!.name, 'After');
  assert.equal(withHook.length, 5);
  assert.equal(worstStatus(['passed', 'broken', 'skipped']), 'broken');
  assert.equal(worstStatus(['passed', undefined]), 'unknown');
});

test('groupSeedSteps rewrites the results of headed scenarios only', () => {
  const root = mkdtempSync(join(tmpdir(), 'samsvar-seed-'));
  writeFileSync(join(root, 'x.feature'), FEATURE);
  const main = { fullName: 'samsvar:x.feature#Hovedscenario', steps: headedPickles(FEATURE, 'x.feature')[0]!.steps.map((s) => step(s.name)) };
  const plain = { fullName: 'samsvar:x.feature#Uten overskrifter', steps: [step('Gitt at tjenesteeieren har en ressurs'), step('Når noe skjer'), step('Så skjer det')] };
  writeFileSync(join(root, 'a-result.json'), JSON.stringify(main));
  writeFileSync(join(root, 'b-result.json'), JSON.stringify(plain));
  assert.equal(groupSeedSteps(root, root), 1);
  const a = JSON.parse(readFileSync(join(root, 'a-result.json'), 'utf8')) as AllureStep;
  assert.deepEqual(a.steps!.map((s) => s.name), ['Forutsetninger', 'Steg 1: Legge til klient. Lang overskrift som fortsetter på neste linje', 'Steg 2: Hente token', 'Utover brukerscenarioet: Mottak']);
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'b-result.json'), 'utf8')), plain);
  // Run twice: already grouped results are left as they are.
  assert.equal(groupSeedSteps(root, root), 0);
});
