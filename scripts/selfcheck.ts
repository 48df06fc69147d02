// Proof that the suite's refusals can fail (issue 6 part 4): `npm run selfcheck [-- options]`.
//
//   --fault <name>   check only this fault (repeatable; default: every fault in the reference's catalogue)
//   --parallel <N>   cucumber workers per run (default 2)
//   --reports <dir>  where each run's results go (default .tmp/selfcheck)
//
// First the whole suite runs against the reference with no fault; it must be green, or the matrix
// would prove nothing. Then, one fault at a time, the reference is started with `--fault <name>` and
// every feature that holds a scenario tagged with one of the fault's requirement ids runs against it
// (whole features, so the fault's other effects there are seen as collateral or broken; the features
// without such a scenario cannot catch it and are left out, which keeps the proof's time from growing
// with the whole suite times the number of faults), through the runner, with the
// target profile targets/referanse-ekstern.json and persons acting through the APIs. Each run is
// judged by reason from its samsvar-summary.json, never by the runner's exit code
// (scripts/lib/fault-verdict.ts): a fault is caught only when a scenario tagged with one of the
// requirement ids the fault declares failed on an assertion naming that id; other failures are
// collateral (listed, not counted); a broken (or undefined, pending, ambiguous, skipped) scenario,
// a run without results, a timeout or a reference that did not start or died fails the fault's
// check. The matrix fault -> ids -> scenarios is printed and written to <reports>/selvsjekk.md and
// .json. Exit 1 when the suite is not green without faults, or when any fault is not caught for its
// reason. The reference is reached only as a process (its --list-faults and --fault flags).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeBaseline, judgeFault, location, type Coverage, type FaultVerdict, type JudgedResult } from './lib/fault-verdict.ts';
import { featuresFor, notApplicable, readRequirements, readScenarios } from './lib/features.ts';
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
  /** The requirement ids the fault violates: one of them must be tripped for the fault to count as caught. */
  krav: string[];
  description: string;
}

interface Run {
  /** The fault, or undefined for the run without faults. */
  fault?: string;
  /** The runner's exit code: logged, never judged (the runner's gates are not the selfcheck's). */
  exitCode: number;
  timedOut: boolean;
  seconds: number;
  results: ScenarioResult[];
  /** Why the run cannot be judged: the reference did not start or died, or the runner gave no results. */
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

/** The reference's fault catalogue, as it prints it (`--list-faults`: name<TAB>krav,krav<TAB>description). */
function faultCatalogue(): Fault[] {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'reference-impl/src/main.ts', '--list-faults'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`Referanseimplementasjonen kunne ikke liste feilene sine (--list-faults):\n${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.trim() !== '').map((line) => {
    const [name = '', krav = '', ...rest] = line.split('\t');
    return { name, krav: krav.split(',').map((k) => k.trim()).filter((k) => k !== ''), description: rest.join('\t') };
  });
}

/** Capabilities the reference profile declares that the external-reference profile does not (they would not run). */
function capabilityGap(): string[] {
  const read = (file: string) => (JSON.parse(readFileSync(join(root, file), 'utf8')) as { capabilities: string[] }).capabilities;
  const external = new Set(read(PROFILE));
  // am-bff is left out of the external profile on purpose: its runs cover Authentication's end-user routes.
  return read('targets/referanse.json').filter((c) => !external.has(c) && c !== 'portal-ui' && c !== 'am-bff');
}

/** The requirement ids, and the ids the scenarios that run against the profile are tagged with. */
function coverage(): Coverage {
  const capabilities = (JSON.parse(readFileSync(join(root, PROFILE), 'utf8')) as { capabilities: string[] }).capabilities;
  const scenarios = readScenarios(root);
  const skipped = new Set(notApplicable(scenarios, capabilities).map((s) => `${s.uri}:${s.line}`));
  return {
    known: new Set(readRequirements(join(root, 'features/krav.yaml')).map((r) => r.id)),
    tagged: new Set(scenarios.filter((s) => !skipped.has(`${s.uri}:${s.line}`)).flatMap((s) => s.krav)),
  };
}

/** Runs the suite (or the given feature files) through the runner against a reference that is already up. */
async function runSuite(reference: RunningReference, reportsDir: string, options: Options, fault?: string, features: string[] = []): Promise<Run> {
  // The runner empties its reports directory, so the log lies beside it.
  const logPath = `${reportsDir}.log`;
  const log = createWriteStream(logPath);
  const args = [
    '--import', 'tsx', 'scripts/samsvar.ts', 'run',
    '--target', PROFILE, '--no-report', '--reports', relative(root, reportsDir), '--end-user', 'api',
    '--', '--parallel', String(options.parallel), ...features,
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
async function check(options: Options, fault?: string, features: string[] = []): Promise<Run> {
  const reportsDir = resolve(root, options.reports, fault ?? 'uten-feil');
  let reference: RunningReference;
  try {
    reference = await startReference(fault ? { extraArgs: ['--fault', fault] } : {});
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { ...(fault ? { fault } : {}), exitCode: 1, timedOut: false, seconds: 0, results: [], problem: `referanseimplementasjonen startet ikke (${reason})`, log: '' };
  }
  try {
    const run = await runSuite(reference, reportsDir, options, fault, features);
    // A fault that crashes the reference broke the harness; it was not caught by an assertion.
    const { exitCode, signalCode } = reference.process;
    if (exitCode !== null || signalCode !== null) {
      run.problem = `referanseimplementasjonen stoppet under kjøringen (${signalCode ?? exitCode})${run.problem ? `; ${run.problem}` : ''}`;
    }
    return run;
  } finally {
    await reference.stop();
  }
}

const esc = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const ids = (krav: readonly string[]) => krav.map((k) => `[${k}]`).join(' ');
const firstLine = (r: JudgedResult) => (r.message ?? '').split('\n')[0] ?? '';

function matrixMarkdown(baseline: Run, baselineOk: boolean, verdicts: FaultVerdict[], runs: Run[], catalogue: Fault[], seconds: number): string {
  const passed = verdicts.filter((v) => v.ok).length;
  const lines = [
    '# Selvsjekk: feil → krav → scenarier som fanget den',
    '',
    `Uten feil: ${baseline.results.length} scenarier, ${baselineOk ? 'alle bestått' : 'IKKE grønn'} (${baseline.seconds} s). Total tid: ${seconds} s.`,
    `Fanget for riktig grunn: ${passed} av ${verdicts.length} feil.`,
    '',
    'En feil er fanget bare når et scenario merket med et av kravene feilen bryter, feilet på en påstand som nevner kravet. Andre feil er følgefeil (listet, ikke talt); et brutt scenario, en tom kjøring eller et tidsavbrudd gjør sjekken rød.',
    '',
    '| Feil | Krav | Fanget av | Følgefeil | Brutt | Dom |',
    '|---|---|---|---|---|---|',
  ];
  verdicts.forEach((v, i) => {
    const run = runs[i];
    const description = catalogue.find((f) => f.name === v.fault)?.description ?? '';
    const tripped = v.tripped.map((t) => `[${t.krav}] ${t.scenario.name} (${location(t.scenario)})`).join('<br>') || '—';
    const collateral = v.collateral.map((r) => `${r.name} (${location(r)}): ${firstLine(r)}`).join('<br>') || '—';
    const broken = v.broken.map((r) => `${r.name} (${location(r)}, ${r.status}): ${firstLine(r)}`).join('<br>') || '—';
    const verdict = v.ok ? 'fanget' : `**IKKE GODKJENT**: ${v.reasons.join('; ')}${run?.log ? ` (logg: ${run.log})` : ''}`;
    lines.push(`| \`${v.fault}\`<br>${esc(description)} | ${ids(v.krav)} | ${esc(tripped)} | ${esc(collateral)} | ${esc(broken)} | ${esc(verdict)} |`);
  });
  return `${lines.join('\n')}\n`;
}

function printVerdict(v: FaultVerdict, run: Run, description: string): void {
  console.log(`${v.fault} — ${description}`);
  console.log(`    må fanges av: ${ids(v.krav) || '(ingen krav oppgitt)'}`);
  for (const t of v.tripped) console.log(`    ✓ [${t.krav}] ${t.scenario.name} (${location(t.scenario)})`);
  for (const r of v.collateral) console.log(`    ~ følgefeil: ${r.name} (${location(r)}) — ${firstLine(r)}`);
  for (const r of v.broken) console.log(`    ! ${r.status}: ${r.name} (${location(r)}) — ${firstLine(r)}`);
  console.log(`    dom: ${v.ok ? 'fanget for riktig grunn' : `IKKE GODKJENT — ${v.reasons.join('; ')}${run.log ? ` (logg: ${run.log})` : ''}`}`);
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
  const baselineVerdict = judgeBaseline(baseline);
  console.log(`  uten feil: ${baseline.results.length} scenarier, ${baselineVerdict.notPassed.length} ikke bestått (${baseline.seconds} s)`);
  if (!baselineVerdict.ok) {
    console.error(`Suiten er ikke grønn uten feil, så selvsjekken beviser ingenting (${baselineVerdict.reasons.join('; ')}). Logg: ${baseline.log}`);
    for (const r of baselineVerdict.notPassed) console.error(`  ${r.status.toUpperCase()}: ${r.name} (${location(r)})${r.message ? ` — ${r.message}` : ''}`);
    console.log(`selfcheck: 0 passed, ${faults.length} failed`);
    return 1;
  }
  if (baseline.exitCode !== 0) console.warn(`  MERK: løperen avsluttet med kode ${baseline.exitCode} uten feil (se ${baseline.log}); selvsjekken dømmer etter resultatene.`);

  const runs: Run[] = [];
  const verdicts: FaultVerdict[] = [];
  const spec = coverage();
  const scenarios = readScenarios(root);
  for (const fault of faults) {
    // No feature with a scenario of the fault's ids: the whole suite runs, and nothing can catch it.
    const run = await check(options, fault.name, featuresFor(fault.krav, scenarios));
    const verdict = judgeFault(fault.name, fault.krav, run, spec);
    runs.push(run);
    verdicts.push(verdict);
    const summary = verdict.ok ? `fanget av ${verdict.tripped.length} (${[...new Set(verdict.tripped.map((t) => t.krav))].join(', ')})` : `IKKE GODKJENT (${verdict.reasons.join('; ')})`;
    const extra = [verdict.collateral.length > 0 ? `${verdict.collateral.length} følgefeil` : '', verdict.broken.length > 0 ? `${verdict.broken.length} brutt` : ''].filter(Boolean).join(', ');
    console.log(`  ${fault.name}: ${summary}${extra ? `, ${extra}` : ''} (${run.seconds} s)`);
  }

  const seconds = Math.round((Date.now() - began) / 1000);
  console.log('');
  console.log('Feil → krav → scenarier som fanget den:');
  verdicts.forEach((v, i) => printVerdict(v, runs[i]!, catalogue.find((f) => f.name === v.fault)?.description ?? ''));
  writeFileSync(join(reportsRoot, 'selvsjekk.md'), matrixMarkdown(baseline, baselineVerdict.ok, verdicts, runs, catalogue, seconds));
  const scenarioJson = (r: JudgedResult) => ({ uri: r.uri, line: r.line, name: r.name, status: r.status, message: r.message });
  writeFileSync(join(reportsRoot, 'selvsjekk.json'), `${JSON.stringify({
    seconds,
    baseline: { scenarios: baseline.results.length, seconds: baseline.seconds, green: baselineVerdict.ok },
    passed: verdicts.filter((v) => v.ok).length,
    failed: verdicts.filter((v) => !v.ok).length,
    faults: verdicts.map((v, i) => {
      const run = runs[i]!;
      return {
        fault: v.fault,
        description: catalogue.find((f) => f.name === v.fault)?.description,
        krav: v.krav,
        caught: v.ok,
        seconds: run.seconds,
        runnerExitCode: run.exitCode,
        ...(run.timedOut ? { timedOut: true } : {}),
        ...(run.problem ? { problem: run.problem } : {}),
        reasons: v.reasons,
        tripped: v.tripped.map((t) => ({ krav: t.krav, ...scenarioJson(t.scenario) })),
        collateral: v.collateral.map(scenarioJson),
        broken: v.broken.map(scenarioJson),
        log: run.log,
      };
    }),
  }, null, 2)}\n`);

  const passed = verdicts.filter((v) => v.ok).length;
  console.log('');
  console.log(`Matrise: ${relative(process.cwd(), join(reportsRoot, 'selvsjekk.md'))}. Tid: ${Math.floor(seconds / 60)} min ${seconds % 60} s.`);
  console.log(`selfcheck: ${passed} passed, ${verdicts.length - passed} failed`);
  return passed === verdicts.length ? 0 : 1;
}

process.exitCode = await main();
