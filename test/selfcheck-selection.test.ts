// The selfcheck runs, against each fault, every feature that holds a scenario tagged with one of the
// fault's requirement ids (scripts/lib/features.ts featuresFor): no feature that could catch it is
// left out, and each is run whole.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { featuresFor, readScenarios } from '../scripts/lib/features.ts';
import { FAULTS } from '../reference-impl/src/faults.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

test('the features of a fault are those with a scenario of its ids, once each, sorted', () => {
  const scenarios = [
    { uri: 'features/b.feature', krav: ['A', 'B'] },
    { uri: 'features/a.feature', krav: ['C'] },
    { uri: 'features/b.feature', krav: ['C'] },
    { uri: 'features/c.feature', krav: ['D'] },
  ];
  assert.deepEqual(featuresFor(['C'], scenarios), ['features/a.feature', 'features/b.feature']);
  assert.deepEqual(featuresFor(['A', 'D'], scenarios), ['features/b.feature', 'features/c.feature']);
  assert.deepEqual(featuresFor(['X'], scenarios), []);
});

test('every fault of the catalogue has at least one feature to run, and it holds every scenario of its ids', () => {
  const scenarios = readScenarios(root);
  for (const [name, spec] of Object.entries(FAULTS)) {
    const features = featuresFor(spec.krav, scenarios);
    assert.ok(features.length > 0, `${name}: no feature has a scenario tagged ${spec.krav.join(', ')}`);
    const tagged = scenarios.filter((s) => s.krav.some((k) => (spec.krav as readonly string[]).includes(k)));
    assert.ok(tagged.every((s) => features.includes(s.uri)), `${name}: a scenario of its ids is in a feature that is not run`);
  }
});
