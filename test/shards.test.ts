// Sharding (issue 17): three shards of a small feature set merged give the same verdict, counts,
// results and requirement trace as one unsharded run of the same set; a missing shard fails the
// merged verdict. Runs the real runner against the reference (persons through the APIs).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { shardOf } from '../scripts/lib/shards.ts';

const FEATURES = ['features/00-forutsetninger/tokenveksling.feature', 'features/00-forutsetninger/systemregister.feature'];

const samsvar = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/samsvar.ts', ...args], { encoding: 'utf8', timeout: 180_000 });

interface Summary {
  counts: Record<string, number>;
  results: Array<{ uri: string; line: number; status: string }>;
  verdict: { kind: string; ok: boolean; exitCode: number; selected: number; applicable: number; passed: number; gateErrors: string[] };
  trace: unknown;
  requirements: unknown;
  shard?: unknown;
}
const summaryIn = (dir: string) => JSON.parse(readFileSync(join(dir, 'samsvar-summary.json'), 'utf8')) as Summary;
const byPlace = (s: Summary) => s.results.map((r) => `${r.uri}:${r.line} ${r.status}`).sort();

test('--shard k/n is read as the runner passes it on', () => {
  assert.deepEqual(shardOf(['--shard', '2/3']), { index: 2, total: 3 });
  assert.deepEqual(shardOf(['--shard=1/1']), { index: 1, total: 1 });
  assert.equal(shardOf(['--tags', '@x']), undefined);
  assert.equal(shardOf(['--shard', '4/3']), null);
  assert.equal(shardOf(['--shard', '0/3']), null);
  assert.equal(shardOf(['--shard']), null);
});

test('3 shards merged give the same verdict, counts and trace as one unsharded run; a missing shard fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-shards-'));
  try {
    const run = (reports: string, extra: string[] = []) => {
      const r = samsvar(['run', '--target', 'targets/referanse.json', '--end-user', 'api', '--no-report', '--reports', reports, ...FEATURES, ...extra]);
      assert.equal(r.status, 0, r.stdout + r.stderr);
      return summaryIn(reports);
    };
    const whole = run(join(dir, 'whole'));
    const shards = [1, 2, 3].map((k) => run(join(dir, `shard${k}`), ['--shard', `${k}/3`]));
    const sizes = shards.map((s) => s.results.length);
    assert.ok(sizes.every((n) => n > 0), `every shard ran something (${sizes.join(', ')})`);
    assert.equal(sizes.reduce((a, b) => a + b, 0), whole.results.length, 'every scenario in exactly one shard');

    const m = samsvar(['merge', '--target', 'targets/referanse.json', '--no-report', '--reports', join(dir, 'merged'), ...[1, 2, 3].map((k) => join(dir, `shard${k}`))]);
    assert.equal(m.status, 0, m.stdout + m.stderr);
    const merged = summaryIn(join(dir, 'merged'));
    assert.deepEqual(merged.counts, whole.counts);
    assert.deepEqual(byPlace(merged), byPlace(whole));
    const { gateErrors: _a, ...mergedVerdict } = merged.verdict;
    const { gateErrors: _b, ...wholeVerdict } = whole.verdict;
    assert.deepEqual(mergedVerdict, wholeVerdict);
    assert.deepEqual(merged.verdict.gateErrors, whole.verdict.gateErrors);
    assert.deepEqual(merged.trace, whole.trace);
    assert.deepEqual(merged.requirements, whole.requirements);
    assert.equal(merged.shard, undefined, 'the merged run is not a shard');
    assert.equal(readFileSync(join(dir, 'merged/kravsporing.md'), 'utf8'), readFileSync(join(dir, 'whole/kravsporing.md'), 'utf8'));
    const traces = readdirSync(join(dir, 'merged/allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .filter((f) => readFileSync(join(dir, 'merged/allure-results', f), 'utf8').includes('"fullName":"samsvar:kravsporing#'));
    assert.equal(traces.length, 1, 'one trace in the merged Allure results');

    const missing = samsvar(['merge', '--target', 'targets/referanse.json', '--no-report', '--reports', join(dir, 'merged2'), join(dir, 'shard1'), join(dir, 'shard3')]);
    assert.notEqual(missing.status, 0, missing.stdout);
    assert.match(missing.stderr, /Del 2\/3 mangler/);
    const doubled = samsvar(['merge', '--target', 'targets/referanse.json', '--no-report', '--reports', join(dir, 'merged3'), join(dir, 'shard1'), join(dir, 'shard1'), join(dir, 'shard2'), join(dir, 'shard3')]);
    assert.notEqual(doubled.status, 0, doubled.stdout);
    assert.match(doubled.stderr, /Del 1\/3 finnes to ganger/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
