// Proof that the suite's refusals can fail (issue 6 part 4): `npm run selfcheck [-- options]`.
//
//   --fault <name>   check only this fault (repeatable; default: every fault in the reference's catalogue)
//   --parallel <N>   cucumber workers per run (default 2)
//   --reports <dir>  where each run's results go (default .tmp/selfcheck)
//
// First the whole suite runs against the reference with no fault; it must be green, or the matrix
// would prove nothing. Then, one fault at a time, the reference is started with `--fault <name>` and
// the whole suite (every feature, no selection by fault) runs against it through the runner, with the
// target profile targets/referanse-ekstern.json and persons acting through the APIs. Each scenario
// that did not pass caught the fault. The matrix fault -> scenarios is printed and written to
// <reports>/selvsjekk.md and .json. Exit 1 when the suite is not green without faults, or when any
// fault leaves it green. The reference is reached only as a process (its --list-faults and --fault flags).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReference, type RunningReference } from './lib/reference-process.ts';
import type { ScenarioResult } from './lib/results.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const PROFILE = 'targets/referanse-ekstern.json';
/** One suite run may take this long before it counts as hanging (a fault may make a target hang). */
const RUN_TIMEOUT_MS = 8 * 60_000;

interface Options {
  faults: string[];
  parallel: number;
  reports: string;
}

interface Fault {
  name: string;
  description: string;
}

interface Run {
  /** The fault, or undefined for the run without faults. */
  fault?: string;
  exitCode: number;
  timedOut: boolean;
  seconds: number;
  results: ScenarioResult[];
  /** Why the run gave no results (the runner's own error), when it gave none. */
  problem?: string;
  log: string;
}

function usage(message: string): never {
  console.error(`${message}\nBruk: npm run selfcheck [-- --fault <navn> ...] [--parallel N] [--reports <mappe>]`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const options: Options = { faults: [], parallel: 2, reports: '.tmp/selfcheck' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    const value = argv[i + 1];
    if (arg !== '--fault' && arg !== '--parallel' && arg !== '--reports') usage(`Ukjent valg: ${arg}`);
    if (value === undefined) usage(`${arg} trenger en verdi.`);
    i++;
    if (arg === '--fault') options.faults.push(value);
    else if (arg === '--reports') options.reports = value;
    else {
      options.parallel = Number(value);
      if (!Number.isInteger(options.parallel) || options.parallel < 1 || options.parallel > 16) usage('--parallel tar et heltall fra 1 til 16.');
    }
  }
  return options;
}

/** The reference's fault catalogue, as it prints it (`--list-faults`). */
function faultCatalogue(): Fault[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'reference-impl/src/main.ts', '--list-faults'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`Referanseimplementasjonen kunne ikke liste feilene sine (--list-faults):\n${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const [name = '', ...rest] = line.split('\t');
    return { name, description: rest.join('\t') };
  });
}

/** Capabilities the reference profile declares that the external-reference profile does not (they would not run). */
function capabilityGap(): string[] {
  const read = (file: string) => (JSON.parse(readFileSync(join(root, file), 'utf8')) as { capabilities: string[] }).capabilities;
  const external = new Set(read(PROFILE));
  // am-bff is left out of the external profile on purpose: its runs cover Authentication's end-user routes.
  return read('targets/referanse.json').filter((c) => !external.has(c) && c !== 'portal-ui' && c !== 'am-bff');
}

/** Runs the whole suite through the runner against a reference that is already up. */
async function runSuite(reference: RunningReference, reportsDir: string, options: Options, fault?: string): Promise<Run> {
  // The runner empties its reports directory, so the log lies beside it.
  const logPath = `${reportsDir}.log`;
  const log = createWriteStream(logPath);
  const args = [
    '--import', 'tsx', 'scripts/samsvar.ts', 'run',
    '--target', PROFILE, '--no-report', '--reports', relative(root, reportsDir), '--end-user', 'api',
    '--', '--parallel', String(options.parallel),
  ];
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, SAMSVAR_REFERENCE_URL: reference.url, SAMSVAR_TARGET: PROFILE },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a run that hangs can be stopped with its cucumber workers.
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, RUN_TIMEOUT_MS);
  const exitCode = await new Promise<number>((resolveRun) => {
    child.once('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
  clearTimeout(timer);
  await new Promise<void>((done) => log.end(done));
  const seconds = Math.round((Date.now() - started) / 1000);
  const summaryPath = join(reportsDir, 'samsvar-summary.json');
  const run: Run = { ...(fault ? { fault } : {}), exitCode, timedOut, seconds, results: [], log: relative(process.cwd(), logPath) };
  if (existsSync(summaryPath)) {
    run.results = (JSON.parse(readFileSync(summaryPath, 'utf8')) as { results: ScenarioResult[] }).results;
  }
  // A run that ran nothing caught nothing: the suite could not start (see its log).
  if (run.results.length === 0) {
    const tail = readFileSync(logPath, 'utf8').trim().split('\n').filter((l) => l.trim() !== '').slice(-3).join(' | ');
    run.problem = timedOut ? `kjøringen ble stoppet etter ${RUN_TIMEOUT_MS / 60_000} minutter` : `ingen scenarier ble kjørt (${tail.slice(0, 400)})`;
  }
  return run;
}

/** Starts the reference (with the fault, if any), runs the suite, stops the reference. */
async function check(options: Options, fault?: string): Promise<Run> {
  const reportsDir = resolve(root, options.reports, fault ?? 'uten-feil');
  const reference = await startReference(fault ? { extraArgs: ['--fault', fault] } : {});
  try {
    return await runSuite(reference, reportsDir, options, fault);
  } finally {
    await reference.stop();
  }
}

const location = (r: ScenarioResult) => `${r.uri}:${r.line}`;
const notPassed = (run: Run) => run.results.filter((r) => r.status !== 'passed');

function isGreen(run: Run): boolean {
  return !run.problem && run.results.length > 0 && notPassed(run).length === 0 && run.exitCode === 0;
}

function matrixMarkdown(baseline: Run, runs: Run[], catalogue: Fault[], seconds: number): string {
  const lines = [
    '# Selvsjekk: feil → scenarier som fanget den',
    '',
    `Uten feil: ${baseline.results.length} scenarier, ${isGreen(baseline) ? 'alle bestått' : 'IKKE grønn'} (${baseline.seconds} s). Total tid: ${seconds} s.`,
    '',
    '| Feil | Beskrivelse | Scenarier som fanget den |',
    '|---|---|---|',
  ];
  for (const run of runs) {
    const description = catalogue.find((f) => f.name === run.fault)?.description ?? '';
    const caught = notPassed(run).map((r) => `${r.name} (${location(r)}, ${r.status})`);
    const cell = run.problem ? `KJØRINGEN FEILET: ${run.problem}` : caught.length > 0 ? caught.join('<br>') : '**IKKE FANGET**';
    lines.push(`| \`${run.fault}\` | ${description.replace(/\|/g, '\\|')} | ${cell.replace(/\|/g, '\\|')} |`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const began = Date.now();
  const catalogue = faultCatalogue();
  const unknown = options.faults.filter((f) => !catalogue.some((c) => c.name === f));
  if (unknown.length > 0) usage(`Ukjent feil: ${unknown.join(', ')}. Kjente: ${catalogue.map((c) => c.name).join(', ')}`);
  const faults = options.faults.length > 0 ? catalogue.filter((c) => options.faults.includes(c.name)) : catalogue;
  const reportsRoot = resolve(root, options.reports);
  rmSync(reportsRoot, { recursive: true, force: true });
  mkdirSync(reportsRoot, { recursive: true });

  const gap = capabilityGap();
  if (gap.length > 0) {
    console.warn(`ADVARSEL: ${PROFILE} mangler kapabilitetene ${gap.join(', ')} som targets/referanse.json har; scenariene deres kjøres ikke i selvsjekken.`);
  }

  console.log(`Selvsjekk: hele suiten mot referanseimplementasjonen uten feil, så med hver av ${faults.length} feil (${PROFILE}, sluttbruker: api, --parallel ${options.parallel}).`);
  const baseline = await check(options);
  const baselineBad = notPassed(baseline);
  console.log(`  uten feil: ${baseline.results.length} scenarier, ${baselineBad.length} ikke bestått (${baseline.seconds} s)`);
  if (!isGreen(baseline)) {
    console.error(`Suiten er ikke grønn uten feil, så selvsjekken beviser ingenting. Logg: ${baseline.log}`);
    if (baseline.problem) console.error(`  ${baseline.problem}`);
    for (const r of baselineBad) console.error(`  ${r.status.toUpperCase()}: ${r.name} (${location(r)})${r.message ? ` — ${r.message}` : ''}`);
    if (baseline.results.length === 0 && !baseline.problem) console.error('  Ingen scenarier ble kjørt.');
    console.log(`selfcheck: 0 passed, ${faults.length} failed`);
    return 1;
  }

  const runs: Run[] = [];
  for (const fault of faults) {
    const run = await check(options, fault.name);
    runs.push(run);
    const caught = notPassed(run);
    const verdict = run.problem ? `KJØRINGEN FEILET (${run.problem})` : caught.length > 0 ? `fanget av ${caught.length}` : 'IKKE FANGET';
    console.log(`  ${fault.name}: ${verdict} (${run.seconds} s)`);
  }

  const seconds = Math.round((Date.now() - began) / 1000);
  console.log('');
  console.log('Feil → scenarier som fanget den:');
  for (const run of runs) {
    const description = catalogue.find((f) => f.name === run.fault)?.description ?? '';
    console.log(`${run.fault} — ${description}`);
    if (run.problem) {
      console.log(`    KJØRINGEN FEILET: ${run.problem} (logg: ${run.log})`);
      continue;
    }
    const caught = notPassed(run);
    if (caught.length === 0) console.log('    IKKE FANGET: alle scenarier besto med denne feilen.');
    for (const r of caught) console.log(`    ${r.status === 'failed' ? '✗' : '!'} ${r.name} (${location(r)}, ${r.status})`);
    if (caught.length > 0 && caught.every((r) => r.status !== 'failed')) {
      console.log('    MERK: fanget bare som brudd (broken), ikke som et avvik i en Så-påstand.');
    }
  }
  writeFileSync(join(reportsRoot, 'selvsjekk.md'), matrixMarkdown(baseline, runs, catalogue, seconds));
  writeFileSync(join(reportsRoot, 'selvsjekk.json'), `${JSON.stringify({
    seconds,
    baseline: { scenarios: baseline.results.length, seconds: baseline.seconds },
    faults: runs.map((run) => ({
      fault: run.fault,
      description: catalogue.find((f) => f.name === run.fault)?.description,
      seconds: run.seconds,
      caught: !run.problem && notPassed(run).length > 0,
      ...(run.problem ? { problem: run.problem } : {}),
      scenarios: notPassed(run).map((r) => ({ uri: r.uri, line: r.line, name: r.name, status: r.status, message: r.message })),
    })),
  }, null, 2)}\n`);

  const caughtCount = runs.filter((run) => !run.problem && notPassed(run).length > 0).length;
  console.log('');
  console.log(`Matrise: ${relative(process.cwd(), join(reportsRoot, 'selvsjekk.md'))}. Tid: ${Math.floor(seconds / 60)} min ${seconds % 60} s.`);
  console.log(`selfcheck: ${caughtCount} passed, ${runs.length - caughtCount} failed`);
  return caughtCount === runs.length ? 0 : 1;
}

process.exitCode = await main();
