// The CI example (examples/ci/github-actions-shards.yml) runs the commands the runner really has:
// one shard per matrix entry, each with its own reports folder, and a merge over exactly those
// folders. Sharding and merging themselves are proven by test/shards.test.ts; this keeps the
// example from drifting away from them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Step { name?: string; run?: string; uses?: string; with?: Record<string, unknown>; 'continue-on-error'?: boolean }
interface Workflow {
  env: { TARGET: string; SHARDS: number };
  jobs: {
    shard: { strategy: { matrix: { shard: number[] } }; steps: Step[] };
    verdict: { needs: string; if: string; steps: Step[] };
  };
}

const workflow = parse(readFileSync(new URL('../examples/ci/github-actions-shards.yml', import.meta.url), 'utf8')) as Workflow;

test('the matrix has one entry per shard, 1..SHARDS', () => {
  const n = workflow.env.SHARDS;
  assert.deepEqual(workflow.jobs.shard.strategy.matrix.shard, Array.from({ length: n }, (_, i) => i + 1));
});

test('each shard runs the conformance command with --shard k/n into its own folder, and uploads it', () => {
  const steps = workflow.jobs.shard.steps;
  const run = steps.find((s) => s.run?.startsWith('npm run conformance'));
  assert.ok(run?.run, 'a step runs npm run conformance');
  assert.match(run.run, /--shard \$\{\{ matrix\.shard \}\}\/\$\{\{ env\.SHARDS \}\}/);
  assert.match(run.run, /--reports reports\/shard\$\{\{ matrix\.shard \}\}/);
  assert.match(run.run, /--target "\$TARGET"/);
  assert.ok(!/\|\|\s*true|;\s*true\s*$/.test(run.run), 'the command itself is not made to succeed');
  const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
  assert.equal(upload?.with?.path, 'reports/shard${{ matrix.shard }}');
  assert.equal(upload?.with?.name, 'shard${{ matrix.shard }}');
});

test('the verdict job runs after every shard, even failed ones, and merges exactly the shard folders', () => {
  const job = workflow.jobs.verdict;
  assert.equal(job.needs, 'shard');
  assert.equal(job.if, 'always()');
  const merge = job.steps.find((s) => s.run?.includes('scripts/samsvar.ts merge'));
  assert.ok(merge?.run, 'a step runs samsvar merge');
  assert.match(merge.run, /--target "\$TARGET"/);
  assert.ok(!merge['continue-on-error'], 'the merge decides the job');
  const folders = merge.run.split(/\s+/).filter((w) => /^reports\/shard\d+$/.test(w));
  const expected = workflow.jobs.shard.strategy.matrix.shard.map((k) => `reports/shard${k}`);
  assert.deepEqual(folders, expected);
});
