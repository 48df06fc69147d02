// `npm test`: the type check, the unit tests, the conformance run against `referanse` (the runner
// starts the reference) with persons in the browser and again through the APIs, against
// `tt02-simulert` (the reference as a TT02 look-alike, two rounds on one reference), and against
// `referanse-ekstern` with the reference started here as its own process. `npm test -- unit` runs only the type check and the unit tests.
// Ends with one line "test: N passed, N failed" over unit tests and scenarios.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReference } from './lib/reference-process.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const only = process.argv[2];

/** Unit test files, listed explicitly (Node 20 and 22 read directory and glob arguments differently). */
function unitTestFiles(): string[] {
  return ['reference-impl/test', 'test']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`));
}

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  console.log(`\n=== ${title}\n`);
  const r = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return r.status ?? 1;
}

const tally = { passed: 0, failed: 0 };
const failures: string[] = [];

function record(step: string, status: number, counts?: { passed: number; failed: number }): void {
  if (counts) {
    tally.passed += counts.passed;
    tally.failed += counts.failed;
  }
  if (status !== 0) {
    failures.push(step);
    if (!counts || counts.failed === 0) tally.failed += 1;
  }
}

function scenarioCounts(reportsDir: string): { passed: number; failed: number } | undefined {
  const file = join(reportsDir, 'samsvar-summary.json');
  if (!existsSync(file)) return undefined;
  const summary = JSON.parse(readFileSync(file, 'utf8')) as { counts: Record<string, number> };
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const passed = summary.counts.passed ?? 0;
  return { passed, failed: total - passed };
}

function tapCounts(file: string): { passed: number; failed: number } | undefined {
  if (!existsSync(file)) return undefined;
  const tap = readFileSync(file, 'utf8');
  const pass = /^# pass (\d+)$/m.exec(tap);
  const fail = /^# fail (\d+)$/m.exec(tap);
  return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : undefined;
}

const tsx = join(root, 'node_modules/.bin/tsx');

record('typecheck', run('Typesjekk (tsc --noEmit)', join(root, 'node_modules/.bin/tsc'), ['--noEmit']));

mkdirSync(join(root, '.tmp'), { recursive: true });
const tapFile = join(root, '.tmp/unit.tap');
const files = unitTestFiles();
const unitStatus = run('Enhetstester (node:test)', process.execPath, [
  '--import', 'tsx', '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
  ...files,
]);
record('unit tests', unitStatus, tapCounts(tapFile));

if (only !== 'unit') {
  const status = run('Samsvar mot referanse, personer i nettleseren (runneren starter referanseimplementasjonen)', tsx, ['scripts/samsvar.ts', 'run', '--target', 'targets/referanse.json']);
  record('conformance referanse (browser)', status, scenarioCounts(join(root, 'reports')));

  const apiReports = join(root, 'reports/referanse-api');
  const statusApi = run('Samsvar mot referanse, personer via API-ene', tsx, ['scripts/samsvar.ts', 'run', '--target', 'targets/referanse.json', '--end-user', 'api', '--reports', 'reports/referanse-api']);
  record('conformance referanse (api)', statusApi, scenarioCounts(apiReports));

  // The TT02 look-alike: only what real TT02 offers, parties from fixtures, cleanup after every
  // scenario; twice on one reference, so a second run on the same long-lived parties must give the same result.
  const tt02Reports = join(root, 'reports/tt02-simulert');
  const statusTt02 = run('Samsvar mot tt02-simulert (referansen som TT02-lookalike), to runder på samme referanse', tsx, ['scripts/samsvar.ts', 'run', '--target', 'targets/tt02-simulert.json', '--repeat', '2', '--reports', 'reports/tt02-simulert']);
  record('conformance tt02-simulert', statusTt02, scenarioCounts(tt02Reports));

  console.log('\n=== Starter referanseimplementasjonen som egen prosess');
  const reference = await startReference();
  console.log(`SAMSVAR_REFERENCE_URL=${reference.url}`);
  try {
    const ekstern = join(root, 'reports/referanse-ekstern');
    const status2 = run('Samsvar mot referanse-ekstern', tsx, ['scripts/samsvar.ts', 'run', '--target', 'targets/referanse-ekstern.json', '--end-user', 'api', '--reports', 'reports/referanse-ekstern'], {
      ...process.env,
      SAMSVAR_REFERENCE_URL: reference.url,
    });
    record('conformance referanse-ekstern', status2, scenarioCounts(ekstern));
  } finally {
    await reference.stop();
  }
}

console.log('');
if (failures.length > 0) console.log(`Feilet: ${failures.join(', ')}`);
console.log(`test: ${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = failures.length > 0 ? 1 : 0;
