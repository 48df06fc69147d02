// The capability list in code and the enum in targets/profile.schema.json are one list.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CAPABILITIES, loadProfile, ProfileError, readProfile, resolveProfile } from '../support/target/profile.ts';

test('the schema enum and CAPABILITIES name the same capabilities', () => {
  const schema = JSON.parse(readFileSync(new URL('../targets/profile.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual([...schema.$defs.capability.enum].sort(), [...CAPABILITIES].sort());
});

test('every shipped profile validates', () => {
  for (const name of ['referanse', 'referanse-ekstern']) {
    assert.equal(readProfile(`targets/${name}.json`).name, name);
  }
});

test('a missing environment variable is named in the error', () => {
  assert.throws(() => loadProfile({ SAMSVAR_TARGET: 'targets/referanse-ekstern.json' }), (e: unknown) => e instanceof ProfileError && /SAMSVAR_REFERENCE_URL/.test(e.message));
});

test('an endpoint override wins over the profile, and trailing slashes are dropped', () => {
  const p = resolveProfile(readProfile('targets/referanse.json'), { SAMSVAR_REFERENCE_URL: 'http://127.0.0.1:4000/', SAMSVAR_ENDPOINT_MVA: 'https://mva.example/base/' });
  assert.equal(p.endpoints.mva, 'https://mva.example/base');
  assert.equal(p.endpoints.platform, 'http://127.0.0.1:4000');
  assert.equal(p.endpoints.maskinporten, 'http://127.0.0.1:4000/maskinporten');
});

test('an invalid profile is refused with the offending member', () => {
  assert.throws(
    () => resolveProfile({ name: 'x', endpoints: { mva: 'ftp://x' }, capabilities: [], path: 'x' } as never, {}),
    (e: unknown) => e instanceof ProfileError && /mva/.test(e.message),
  );
});
