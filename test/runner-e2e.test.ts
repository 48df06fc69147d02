// The real runner end to end (it only reads the specification from the suite): a refused --dry-run,
// and a dead target whose scenarios are all listed as expected failures. Both were green on the
// runner before the verdict module (exit 0).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readScenarios } from '../scripts/lib/features.ts';

const runner = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/samsvar.ts', 'run', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });

test('end to end: --dry-run is refused with a Norwegian message and exit 2, before the reference starts', () => {
  const r = runner(['--end-user', 'api', '--no-report', '--reports', join(tmpdir(), 'samsvar-e2e-dry'), '--dry-run', '--tags', '@scenario:3']);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /Valget --dry-run godtas ikke: en tørrkjøring utfører ingen steg/);
  assert.doesNotMatch(r.stdout, /Referanseimplementasjonen kjører/);
});

test('end to end: a dead target whose scenarios are all listed as expected failures fails the run', async () => {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-e2e-dead-'));
  try {
    const feature = 'features/00-forutsetninger/systemregister.feature';
    const listed = readScenarios(process.cwd()).filter((s) => s.uri === feature);
    assert.ok(listed.length > 0);
    const yaml = listed.map((s) => `- feature: ${s.uri}\n  scenario: ${JSON.stringify(s.name)}\n  krav: ${s.krav[0]}\n  reason: målet er nede\n`).join('');
    writeFileSync(join(dir, 'forventet.yaml'), yaml);
    const r = runner(['--target', 'targets/referanse-ekstern.json', '--end-user', 'api', '--no-report', '--reports', join(dir, 'reports'), '--expected-failures', join(dir, 'forventet.yaml'), feature], {
      SAMSVAR_REFERENCE_URL: `http://127.0.0.1:${port}`,
    });
    const out = r.stdout + r.stderr;
    assert.notEqual(r.status, 0, out);
    assert.match(out, /BROKEN/);
    assert.match(r.stderr, /PORT: .*bestod ikke \(brutt/);
    assert.match(r.stderr, /PORT: Ingen scenarier bestod/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
