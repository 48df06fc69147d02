// docs/environment.md lists every SAMSVAR_* variable that code, profiles or CI read, and nothing
// that is no longer read. A variable prefix (SAMSVAR_ENDPOINT_<KEY>) is listed once as a prefix.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repositoryFiles } from '../scripts/lib/citations.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const doc = readFileSync(join(root, 'docs/environment.md'), 'utf8');

/** The variables named in the doc's table (first column), `<KEY>` suffixes as prefixes. */
function documented(): { names: Set<string>; prefixes: string[] } {
  const names = new Set<string>();
  const prefixes: string[] = [];
  for (const line of doc.split('\n').filter((l) => l.startsWith('| `SAMSVAR_'))) {
    const first = line.split('|')[1] ?? '';
    for (const [, name] of first.matchAll(/`(SAMSVAR_[A-Z0-9_]*(?:<[A-Z]+>)?)`/g)) {
      if (!name) continue;
      if (name.endsWith('>')) prefixes.push(name.replace(/<[A-Z]+>$/, ''));
      else names.add(name);
    }
  }
  return { names, prefixes };
}

/** Every SAMSVAR_* name read in code, profiles, CI and examples (docs and this test left out). */
function used(): Map<string, string> {
  const where = new Map<string, string>();
  for (const file of repositoryFiles(root)) {
    if (file.endsWith('.md') || file === 'test/environment.test.ts') continue;
    for (const [name] of readFileSync(join(root, file), 'utf8').matchAll(/SAMSVAR_[A-Z0-9_]+/g)) {
      if (!where.has(name)) where.set(name, file);
    }
  }
  return where;
}

test('every SAMSVAR_* variable read anywhere is in docs/environment.md', () => {
  const { names, prefixes } = documented();
  const missing = [...used()].filter(([name]) => !names.has(name) && !prefixes.some((p) => name.startsWith(p)));
  assert.deepEqual(missing.map(([name, file]) => `${name} (${file})`), []);
});

test('every variable in docs/environment.md is still read somewhere', () => {
  const { names, prefixes } = documented();
  const seen = [...used().keys()];
  const stale = [...names].filter((n) => !seen.includes(n)).concat(prefixes.filter((p) => !seen.some((n) => n.startsWith(p) && n !== p)));
  assert.deepEqual(stale, []);
});
