// Hooks: the target for each scenario, evidence after each step, and the rule that no error response
// goes unchecked (STYLE habit 6).

import assert from 'node:assert/strict';
import { After, AfterStep, Before, setDefaultTimeout, Status } from '@cucumber/cucumber';
import * as allure from 'allure-js-commons';
import { CAPABILITIES, hasCapability, type Capability } from './target/profile.ts';
import { attachExchange } from './evidence.ts';
import { castUndos, cleanupWanted, runUndos } from './cleanup.ts';
import type { TargetProfile } from './target/profile.ts';
import type { SamsvarWorld } from './world.ts';

// HTTP steps that set up parties and keys take longer than cucumber's 5 s default.
setDefaultTimeout(30_000);

function requiredCapabilities(tags: readonly { name: string }[]): string[] {
  return tags.map((t) => /^@kapabilitet:(.+)$/.exec(t.name)?.[1]).filter((c): c is string => c !== undefined);
}

/**
 * Loads the target profile (a ProfileError breaks the scenario with its message). The runner selects
 * scenarios by capability before the run; when cucumber-js is run by hand against a target that does
 * not declare a capability, the scenario is reported as not applicable here instead of failing.
 */
Before(async function (this: SamsvarWorld, { pickle, gherkinDocument }) {
  // Group the report by feature, so a product owner finds a seed scenario's scenarios together.
  await allure.parentSuite('Samsvar');
  if (gherkinDocument.feature?.name) await allure.suite(gherkinDocument.feature.name);
  const profile = this.loadTarget();
  const required = requiredCapabilities(pickle.tags);
  const unknown = required.filter((c) => !CAPABILITIES.includes(c as Capability));
  if (unknown.length > 0) {
    throw new Error(`Ukjent kapabilitet i taggene: ${unknown.join(', ')} (kjente: ${CAPABILITIES.join(', ')}).`);
  }
  const missing = required.filter((c) => !hasCapability(profile, c as Capability));
  if (missing.length > 0) {
    this.log(`Ikke aktuelt for målet "${profile.name}": det tilbyr ikke ${missing.join(', ')}.`);
    return 'skipped';
  }
  return undefined;
});

/** Every exchange a step made is attached to that step (also when the step failed). */
AfterStep(async function (this: SamsvarWorld) {
  for (const exchange of this.evidence.takePending()) {
    await attachExchange(this, exchange);
  }
});

/** A scenario that passed may not leave an error response unchecked: that would hide a deviation. */
After(function (this: SamsvarWorld, { result }) {
  if (result?.status !== Status.PASSED) return;
  const unchecked = this.unverifiedResponses();
  if (unchecked.length === 0) return;
  const lines = unchecked.map((e) => {
    const { method, url } = e.request;
    return `  #${e.seq} ${e.actor}: ${method} ${url} → ${e.response?.status ?? '?'}`;
  });
  assert.fail(`Målet svarte med feilstatus som ingen steg kontrollerte (hvert svar ≥ 400 skal verifiseres av et Så-steg):\n${lines.join('\n')}`);
});

/** Cleanup on external targets (support/cleanup.ts): never part of the verdict. */
After(async function (this: SamsvarWorld) {
  let profile: TargetProfile;
  try {
    profile = this.profile;
  } catch {
    return; // no target loaded: nothing was made
  }
  if (!cleanupWanted(profile)) return;
  const { lines, failed } = await runUndos(castUndos(this.actors));
  for (const exchange of this.evidence.takePending()) await attachExchange(this, exchange);
  if (lines.length > 0) this.log(lines.join('\n'));
  if (failed > 0) console.warn(`samsvar: opprydding etter scenarioet feilet for ${failed} objekt(er) på ${profile.name}.`);
});
