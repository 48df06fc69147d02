// Access packages by display name (support/access-packages.ts): every name the features use is one of
// Altinn's display names, an unknown name fails with the valid ones, and the codes round-trip.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACCESS_PACKAGE_NAMES, accessPackageCode, accessPackageName } from '../support/access-packages.ts';
import { featureFiles } from '../scripts/lib/features.ts';

test('a display name maps to its package code and back; an unknown name lists the valid names', () => {
  assert.equal(accessPackageCode('Regnskapsfører med signeringsrettighet'), 'regnskapsforer-med-signeringsrettighet');
  assert.equal(accessPackageCode('Merverdiavgift'), 'merverdiavgift');
  assert.equal(accessPackageName('regnskap-okonomi-rapport'), 'Regnskap og økonomirapportering');
  assert.equal(accessPackageName('ukjent-kode'), 'ukjent-kode');
  // The code is not a display name: a feature that names a package by its code fails.
  assert.throws(() => accessPackageCode('merverdiavgift'), /Ukjent tilgangspakke "merverdiavgift"\. Gyldige navn \(Altinns visningsnavn\): .*"Merverdiavgift"/);
  for (const [name, code] of Object.entries(ACCESS_PACKAGE_NAMES)) assert.equal(accessPackageName(code), name);
});

test('every access package a step names in the features is a known display name', () => {
  const named = /tilgangspakke(?:n|ne)? "([^"]+)"(?: og "([^"]+)")?/g;
  let count = 0;
  for (const file of featureFiles('features')) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/^\s*(Gitt|Når|Så|Og|Men)\b/.test(line)) continue;
      for (const m of line.matchAll(named)) {
        for (const name of [m[1], m[2]].filter((n): n is string => n !== undefined)) {
          assert.ok(name in ACCESS_PACKAGE_NAMES, `${file}: ukjent tilgangspakke "${name}"`);
          count++;
        }
      }
    }
  }
  assert.ok(count > 50, `bare ${count} tilgangspakker funnet i stegene`);
});
