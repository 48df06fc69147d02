// The Samsvar runner: `npm run conformance [-- options] [-- cucumber options]`, and
// `npm run plan -- --target <file>`: what a run would select and what it lacks, without running.
//
//   --target <file>             target profile (default: $SAMSVAR_TARGET or targets/referanse.json)
//   --reports <dir>             where results and reports go (default: reports)
//   --no-report                 skip the Allure HTML report (results are still written)
//   --expected-failures <file>  expected failures (default: the profile's `expectedFailures`); an
//                               entry names its scenario and requirement id (krav), and excuses only
//                               a `failed` scenario whose message names [krav]
//   --repeat <N>                run the suite N times and report every scenario whose result changed
//   --bundle                    write one archive for certification (report, JUnit, messages, trace,
//                               redacted profile, command line); only for a complete verdict (a full
//                               run with every gate passed), otherwise say why and exit non-zero
//   --end-user api|browser      how persons act: through the APIs, or in a real browser on the
//                               target's portal (default: browser when the target declares portal-ui)
//   anything else               passed to cucumber-js (--tags @scenario:3, --name, --shard, --parallel 2,
//                               --order, a feature file); a selection makes a partial run. Refused with
//                               exit 2, because they would make the verdict lie: --dry-run, --retry,
//                               --retry-tag-filter, --fail-fast, --no-strict, --format, --format-options,
//                               --config, --profile, --import, --require, --require-module, --loader,
//                               --plugin, --plugin-options, --world-parameters (scripts/lib/cucumber-options.ts)
//
// It loads and validates the profile, starts the reference implementation once when the profile
// asks for it, runs cucumber-js with the scenarios the target's capabilities allow, judges the run
// (scripts/lib/verdict.ts: every gate, full or partial run, the exit code), writes the requirement
// trace and the Allure single-file report, and prints where it is.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProfile, resolveProfile, ProfileError, type RawProfile } from '../support/target/profile.ts';
import { readExpectedFailures, type ExpectedFailure } from './lib/expected-failures.ts';
import { checkTraceability, notApplicable, readRequirements, readScenarios, type Requirement, type SpecScenario } from './lib/features.ts';
import { refusedOption } from './lib/cucumber-options.ts';
import { parallelOf, preflight } from './lib/preflight.ts';
import { lookAlikeProvides, prepareLookAlike, type LookAlike } from './lib/look-alike.ts';
import { startReference, type RunningReference } from './lib/reference-process.ts';
import { readRun, type RunRecord, type ScenarioResult } from './lib/results.ts';
import { groupSeedSteps } from './lib/seed-steps.ts';
import { guardCounts, guardLine, scenarioKey, traceMarkdown, traceTable, writeAllureTrace, type TraceRow } from './lib/traceability.ts';
import { bundleRefusal, judge, traceLine, type Verdict } from './lib/verdict.ts';
import { mergeShards, shardOf, type Shard } from './lib/shards.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

interface Options {
  /** run: the suite; plan: what a run against the target would select, and what it lacks, without running. */
  command: 'run' | 'plan' | 'merge';
  target: string;
  reports: string;
  report: boolean;
  bundle: boolean;
  repeat: number;
  expectedFailures?: string;
  endUser?: 'api' | 'browser';
  /** --shard k/n (passed on to cucumber-js): this run is slice k of n, to be merged with `samsvar merge`. */
  shard?: Shard;
  cucumberArgs: string[];
  /** merge: the shards' reports directories. */
  shardDirs: string[];
}

function usage(message: string): never {
  console.error(`${message}\nBruk: samsvar plan [--target <profil>]\n      samsvar merge [--target <profil>] [--reports <mappe>] [--no-report] [--expected-failures <fil>] <delmappe> ...\n      samsvar run [--target <profil>] [--reports <mappe>] [--no-report] [--expected-failures <fil>] [--repeat N] [--bundle] [--end-user api|browser] [cucumber-valg]`);
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'plan' && command !== 'merge') usage(`Ukjent kommando: ${command ?? '(ingen)'}`);
  const options: Options = {
    command,
    target: process.env.SAMSVAR_TARGET || 'targets/referanse.json',
    reports: 'reports',
    report: true,
    bundle: false,
    repeat: 1,
    cucumberArgs: [],
    shardDirs: [],
  };
  const valued = new Set(['--target', '--reports', '--expected-failures', '--repeat', '--end-user']);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (valued.has(arg)) {
      const value = rest[++i];
      if (value === undefined) usage(`${arg} trenger en verdi.`);
      if (arg === '--target') options.target = value;
      else if (arg === '--reports') options.reports = value;
      else if (arg === '--expected-failures') options.expectedFailures = value;
      else if (arg === '--end-user') {
        if (value !== 'api' && value !== 'browser') usage('--end-user tar api eller browser.');
        options.endUser = value;
      }
      else {
        options.repeat = Number(value);
        if (!Number.isInteger(options.repeat) || options.repeat < 1 || options.repeat > 100) usage('--repeat tar et heltall fra 1 til 100.');
      }
    } else if (arg === '--no-report') options.report = false;
    else if (arg === '--bundle') options.bundle = true;
    else if (options.command === 'merge' && arg !== '--') options.shardDirs.push(arg);
    else if (arg !== '--') options.cucumberArgs.push(arg);
  }
  const refused = refusedOption(options.cucumberArgs);
  if (refused) usage(`Valget ${refused.option} godtas ikke: ${refused.why}.`);
  const shard = shardOf(options.cucumberArgs);
  if (shard === null) usage('--shard tar k/n med 1 ≤ k ≤ n (for eksempel --shard 2/3).');
  if (shard) options.shard = shard;
  return options;
}

function commandOutput(command: string, args: string[]): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined;
  return `${r.stdout}${r.stderr}`.trim();
}

function environmentInfo(profileName: string, profilePath: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const sha = commandOutput('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  const chromium = existsSync('/usr/bin/chromium') ? commandOutput('/usr/bin/chromium', ['--version']) : undefined;
  return {
    'Samsvar-versjon': sha ? `${pkg.version} (${sha})` : pkg.version,
    Målprofil: `${profileName} (${relative(root, profilePath)})`,
    Node: process.version,
    Chromium: chromium ?? 'ikke installert',
  };
}

function runCucumber(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const bin = join(root, 'node_modules/@cucumber/cucumber/bin/cucumber.js');
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

function generateReport(resultsDir: string, reportDir: string): boolean {
  if (!commandOutput('java', ['-version'])) {
    console.error(
      'Allure-rapporten kunne ikke lages: ingen Java-kjøretid funnet. Installer en (for eksempel ' +
        '`apt-get install -y default-jre-headless`) og kjør på nytt. Resultatene ligger i ' +
        `${relative(root, resultsDir)}.`,
    );
    return false;
  }
  const allure = join(root, 'node_modules/allure-commandline/bin/allure');
  const r = spawnSync(process.execPath, [allure, 'generate', resultsDir, '-o', reportDir, '--clean', '--single-file', '--name', 'Samsvar'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) {
    console.error(`Allure-rapporten feilet:\n${r.stdout}${r.stderr}`);
    return false;
  }
  return true;
}

/** The profile as handed over in a bundle: no secret values (a profile should hold none anyway). */
function redactedProfile(raw: RawProfile): RawProfile {
  const redact = (value: unknown, key = ''): unknown => {
    if (/secret|password|passord|token|privatekeyvalue|apikey|subscription/i.test(key) && typeof value === 'string') return '<redacted>';
    if (Array.isArray(value)) return value.map((v) => redact(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
    return value;
  };
  return redact(raw) as RawProfile;
}

function writeBundle(reportsDir: string, raw: RawProfile & { path: string }, argv: string[]): string | undefined {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const name = `samsvar-${raw.name}-${stamp}`;
  const staging = join(reportsDir, name);
  mkdirSync(staging, { recursive: true });
  for (const file of ['allure-report/index.html', 'junit.xml', 'cucumber-messages.ndjson', 'samsvar-summary.json', 'kravsporing.md']) {
    const from = join(reportsDir, file);
    if (existsSync(from)) copyFileSync(from, join(staging, basename(file) === 'index.html' ? 'samsvar-rapport.html' : basename(file)));
  }
  writeFileSync(join(staging, 'malprofil.json'), `${JSON.stringify(redactedProfile(raw), null, 2)}\n`);
  const variables = Object.keys(process.env).filter((k) => k.startsWith('SAMSVAR_')).sort();
  writeFileSync(
    join(staging, 'kommando.txt'),
    `npm run conformance -- ${argv.join(' ')}\n\nMiljøvariabler satt (verdier utelatt): ${variables.join(', ') || 'ingen'}\nNode ${process.version}\n`,
  );
  const archive = join(reportsDir, `${name}.tar.gz`);
  const r = spawnSync('tar', ['-czf', archive, '-C', reportsDir, name], { encoding: 'utf8' });
  rmSync(staging, { recursive: true, force: true });
  if (r.status !== 0) {
    console.error(`Kunne ikke lage arkivet: ${r.stderr}`);
    return undefined;
  }
  return archive;
}

/** The traceability gate's errors: every scenario has @krav, every id resolves, every MUST has a scenario, every @vakt sits with its requirement. */
function traceabilityErrors(scenarios: SpecScenario[], requirements: Requirement[]): string[] {
  const trace = checkTraceability(scenarios, requirements);
  return [
    ...trace.withoutKrav.map((s) => `Scenariet «${s.name}» (${s.uri}:${s.line}) har ingen @krav-tagg.`),
    ...trace.unknownIds.map(({ id, scenario: s }) => `@krav:${id} i «${s.name}» (${s.uri}:${s.line}) finnes ikke i features/krav.yaml.`),
    ...trace.uncoveredMusts.map((r) => `MUST-kravet ${r.id} («${r.tekst}») dekkes ikke av noe scenario.`),
    ...trace.misplacedGuards.map(({ kode, owner, scenario: s }) => owner === undefined
      ? `@vakt:${kode} i «${s.name}» (${s.uri}:${s.line}) er ikke en vakt i features/krav.yaml.`
      : `@vakt:${kode} i «${s.name}» (${s.uri}:${s.line}) hører til kravet ${owner}, men scenariet har ingen @krav:${owner}.`),
  ];
}

/**
 * samsvar-summary.json. selfcheck, service-api and the test driver read `counts` and
 * `results[].status|name|uri|line|tags|message`: keep those stable.
 */
function summaryOf(
  profileName: string,
  verdict: Verdict,
  run: RunRecord,
  cucumberExitCode: number,
  rows: TraceRow[],
  skipped: Array<SpecScenario & { missing: string[] }>,
  repeat?: { repeat: number; changed: ReturnType<typeof changedResults> },
) {
  return {
    profile: profileName,
    counts: verdict.counts,
    results: run.results,
    verdict: {
      kind: verdict.kind,
      complete: verdict.complete,
      ok: verdict.ok,
      exitCode: verdict.exitCode,
      cucumberExitCode,
      selected: verdict.selected,
      applicable: verdict.applicable,
      passed: verdict.passed,
      notFinished: verdict.notFinished,
      gateErrors: verdict.gateErrors,
    },
    trace: verdict.trace,
    guards: guardCounts(rows),
    notApplicableMusts: verdict.notApplicableMusts,
    notRunMusts: verdict.notRunMusts,
    partlyRunMusts: verdict.partlyRunMusts,
    unmetMusts: verdict.unmetMusts,
    expectedFailures: verdict.baseline.expected.map((r) => scenarioKey(r)),
    staleExpectedFailures: verdict.baseline.stale,
    expectedFailuresNotJudged: verdict.baseline.notJudged,
    notApplicable: skipped.map((s) => ({ uri: s.uri, line: s.line, name: s.name, missing: s.missing })),
    requirements: rows.map((r) => ({ id: r.requirement.id, niva: r.requirement.niva, verdict: r.verdict, scenarios: r.scenarios })),
    ...(repeat ?? {}),
  };
}

/** The console verdict: the scenario results, what was not applicable, the trace counts and every gate error. */
function printVerdict(
  profileName: string,
  verdict: Verdict,
  results: ScenarioResult[],
  skipped: Array<{ name: string; uri: string; line: number; missing: string[] }>,
  traceFile: string,
): void {
  console.log('');
  console.log(`Resultat mot «${profileName}»: ${results.length} scenarier — ${Object.entries(verdict.counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'ingen'}`);
  const excused = new Set(verdict.baseline.expected);
  for (const r of results.filter((r) => r.status !== 'passed')) {
    const mark = excused.has(r) ? ' (forventet feil)' : '';
    console.log(`  ${r.status.toUpperCase()}${mark}: ${r.name} (${r.uri}:${r.line})${r.message ? ` — ${r.message}` : ''}`);
  }
  if (skipped.length > 0) {
    console.log(`Ikke aktuelt for denne målprofilen (${skipped.length}):`);
    for (const s of skipped) console.log(`  ${s.name} (${s.uri}:${s.line}) — mangler kapabilitet ${s.missing.join(', ')}`);
  }
  console.log(`Kravsporing: ${traceLine(verdict.trace)} (${traceFile})`);
  if (verdict.notApplicableMusts.length > 0) console.log(`MUST-krav som ikke er aktuelle for målet: ${verdict.notApplicableMusts.join(', ')}`);
  if (verdict.kind === 'partial') {
    console.log(
      `Delkjøring: ${verdict.selected} av ${verdict.applicable} aktuelle scenarier valgt; ${verdict.notRunMusts.length} MUST-krav ikke kjørt, ` +
        `${verdict.partlyRunMusts.length} bare delvis kjørt (valgte scenarier bestått, resten ikke kjørt). ` +
        'Dette er ikke en fullstendig samsvarsvurdering.',
    );
  }
  for (const e of verdict.baseline.notJudged) console.log(`Forventet feil ikke vurdert (utenfor utvalget): ${e.feature} » ${e.scenario} [${e.krav}]`);
  for (const e of verdict.gateErrors) console.error(`PORT: ${e}`);
  console.log(
    verdict.ok
      ? `Dom: ${verdict.kind === 'full' ? 'fullstendig kjøring, alle porter bestått' : 'delkjøring, alle porter bestått for utvalget'}.`
      : `Dom: IKKE BESTÅTT (${verdict.gateErrors.length} portfeil).`,
  );
}

/**
 * `samsvar plan`: what a run against the target would select (and not, with the capability it
 * lacks), the seed walk-throughs among them, and what the environment still lacks. Starts nothing,
 * calls nothing, judges nothing: it is not a verdict.
 */
function plan(raw: RawProfile & { path: string }, scenarios: SpecScenario[], options: Options): number {
  const skipped = notApplicable(scenarios, raw.capabilities);
  const skippedKeys = new Set(skipped.map(scenarioKey));
  const selected = scenarios.filter((s) => !skippedKeys.has(scenarioKey(s)));
  console.log(`Plan for «${raw.name}» (${relative(root, raw.path)}): ${selected.length} av ${scenarios.length} scenarier er aktuelle. Ingenting kjøres; dette er ingen dom.`);
  for (const n of [1, 2, 3, 4, 5]) {
    const walkThroughs = scenarios.filter((s) => s.tags.includes(`@scenario:${n}`) && s.krav.includes(`SB-${n}.1`));
    const chosen = walkThroughs.filter((s) => !skippedKeys.has(scenarioKey(s)));
    console.log(`  Brukerscenario ${n}: ${chosen.length === walkThroughs.length && chosen.length > 0 ? 'gjennomgangen kjøres' : 'gjennomgangen kjøres IKKE'} (${walkThroughs.map((s) => s.name).join('; ')})`);
  }
  console.log('Aktuelle scenarier:');
  for (const s of selected) console.log(`  ${s.name} (${s.uri}:${s.line})`);
  if (skipped.length > 0) console.log('Ikke aktuelt for målet:');
  for (const s of skipped) console.log(`  ${s.name} (${s.uri}:${s.line}) — mangler kapabilitet ${s.missing.join(', ')}`);
  const missing = preflight(raw, process.env, { parallel: parallelOf(options.cucumberArgs), ...(raw.lookAlike ? { provided: lookAlikeProvides(raw) } : {}) });
  if (missing.length > 0) {
    console.log('Før en kjøring mangler:');
    for (const m of missing) console.log(`  - ${m}`);
  }
  return 0;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(3);
  const options = parseOptions(process.argv.slice(2));
  const reportsDir = resolve(root, options.reports);
  let raw: RawProfile & { path: string };
  let expected: ExpectedFailure[] = [];
  try {
    raw = readProfile(resolve(options.target));
    const baselineFile = options.expectedFailures ?? (raw.expectedFailures ? resolve(dirname(raw.path), raw.expectedFailures) : undefined);
    if (baselineFile) expected = readExpectedFailures(baselineFile);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }

  // Static gates first: they need no target.
  const scenarios = readScenarios(root);
  const requirements = readRequirements(join(root, 'features/krav.yaml'));
  const gateErrors = traceabilityErrors(scenarios, requirements);

  if (options.command === 'plan') return plan(raw, scenarios, options);
  if (options.command === 'merge') return merge(raw, expected, scenarios, requirements, gateErrors, options);

  let reference: RunningReference | undefined;
  let lookAlike: LookAlike | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, SAMSVAR_TARGET: raw.path };
  const stop = async () => {
    await reference?.stop();
    lookAlike?.dispose();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

  try {
    // Everything a run needs from the environment is checked before anything starts.
    if (raw.reference && raw.lookAlike) {
      try {
        lookAlike = await prepareLookAlike(raw, env);
      } catch (error) {
        console.error(error instanceof ProfileError ? error.message : String(error));
        return 2;
      }
      Object.assign(env, lookAlike.env);
    }
    const missing = preflight(raw, env, { parallel: parallelOf(options.cucumberArgs) });
    if (missing.length > 0) {
      console.error(`Målprofilen «${raw.name}» kan ikke kjøres ennå:`);
      for (const m of missing) console.error(`  - ${m}`);
      return 2;
    }
    if (raw.reference) {
      reference = await startReference({ env, ...(lookAlike ? { extraArgs: lookAlike.args } : {}) });
      env.SAMSVAR_REFERENCE_URL = reference.url;
      console.log(`Referanseimplementasjonen kjører på ${reference.url}${raw.lookAlike ? ` som ${raw.lookAlike.as}-lookalike (${raw.lookAlike.seed})` : ''}`);
    }
    let profile;
    try {
      profile = resolveProfile(raw, env);
    } catch (error) {
      console.error(error instanceof ProfileError ? error.message : String(error));
      return 2;
    }

    const skipped = notApplicable(scenarios, profile.capabilities);
    const skippedKeys = new Set(skipped.map(scenarioKey));
    const knownCapabilities = new Set(scenarios.flatMap((s) => s.capabilities));
    const undeclared = [...knownCapabilities].filter((c) => !profile.capabilities.includes(c as never)).sort();
    const tagFilter = undeclared.map((c) => `not @kapabilitet:${c}`).join(' and ');
    const args = [...(tagFilter ? ['--tags', tagFilter] : []), ...options.cucumberArgs];

    rmSync(reportsDir, { recursive: true, force: true });
    mkdirSync(reportsDir, { recursive: true });
    // How persons act. Browser mode needs the target's portal; asking for it without one is a setup error.
    const endUser = options.endUser ?? (profile.capabilities.includes('portal-ui') ? 'browser' : 'api');
    if (endUser === 'browser' && !profile.capabilities.includes('portal-ui')) {
      console.error(`--end-user browser krever at målprofilen «${profile.name}» erklærer kapabiliteten portal-ui.`);
      return 2;
    }
    env.SAMSVAR_END_USER = endUser;
    env.SAMSVAR_ENVIRONMENT_INFO = JSON.stringify({ ...environmentInfo(profile.name, raw.path), Sluttbruker: endUser === 'browser' ? 'nettleser (portal)' : 'API' });

    // One run, or N runs to find results that change (stability).
    const runs: RunRecord[] = [];
    let exitCode = 0;
    for (let i = 1; i <= options.repeat; i++) {
      const runDir = options.repeat === 1 || i === options.repeat ? reportsDir : join(reportsDir, 'gjentak', String(i));
      mkdirSync(runDir, { recursive: true });
      console.log(`Kjører Samsvar mot «${profile.name}» (sluttbruker: ${endUser})${options.repeat > 1 ? ` (runde ${i} av ${options.repeat})` : ''}${tagFilter ? ` (utelater: ${undeclared.join(', ')})` : ''}`);
      exitCode = await runCucumber(args, { ...env, SAMSVAR_REPORTS_DIR: runDir });
      const messages = join(runDir, 'cucumber-messages.ndjson');
      runs.push(existsSync(messages) ? readRun(messages) : { selected: [], results: [], finished: false });
    }
    await stop();

    // The verdict (scripts/lib/verdict.ts): every gate, the counts and the exit decision.
    const run = runs[runs.length - 1]!;
    const results = run.results;
    const changed = options.repeat > 1 ? changedResults(runs.map((r) => r.results)) : [];
    for (const c of changed) gateErrors.push(`Ustabilt resultat: «${c.name}» (${c.key}) ga ${c.statuses.join(' → ')}.`);
    const rows: TraceRow[] = traceTable(requirements, scenarios, results, skippedKeys);
    const verdict = judge({ spec: scenarios, notApplicable: skippedKeys, run, cucumberExitCode: exitCode, rows, expected, priorErrors: gateErrors });

    // What the run writes.
    const reportOk = conclude({ profileName: profile.name, reportsDir, verdict, run, exitCode, rows, skipped, options, ...(options.repeat > 1 ? { repeat: { repeat: options.repeat, changed } } : {}) });
    if (options.repeat > 1) console.log(`Stabilitet: ${options.repeat} runder, ${changed.length} scenarier endret resultat.`);

    // A certification bundle only for a complete verdict.
    let bundleOk = true;
    if (options.bundle) {
      const refusal = bundleRefusal(verdict);
      const archive = refusal ? undefined : writeBundle(reportsDir, raw, argv.filter((a) => a !== '--bundle'));
      if (refusal) console.error(refusal);
      if (archive) console.log(`Arkiv for sertifisering: ${relative(process.cwd(), archive)}`);
      else bundleOk = false;
    }
    console.log(`samsvar: ${verdict.passed} passed, ${Math.max(results.length, verdict.selected) - verdict.passed} failed`);

    if (!verdict.ok) return verdict.exitCode;
    return reportOk && bundleOk ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await stop();
  }
}

/** What a run (or a merge of shards) writes and prints: the summary, the trace, the Allure report and the verdict. */
function conclude(c: {
  profileName: string;
  reportsDir: string;
  verdict: Verdict;
  run: RunRecord;
  exitCode: number;
  rows: TraceRow[];
  skipped: Array<SpecScenario & { missing: string[] }>;
  options: Options;
  repeat?: { repeat: number; changed: ReturnType<typeof changedResults> };
}): boolean {
  const { profileName, reportsDir, verdict, run, rows, skipped, options } = c;
  const summary = { ...summaryOf(profileName, verdict, run, c.exitCode, rows, skipped, c.repeat), ...(options.shard ? { shard: options.shard } : {}) };
  writeFileSync(join(reportsDir, 'samsvar-summary.json'), JSON.stringify(summary, null, 2));
  writeFileSync(join(reportsDir, 'kravsporing.md'), traceMarkdown(rows, profileName, verdict));
  const resultsDir = join(reportsDir, 'allure-results');
  if (existsSync(resultsDir)) {
    // The seed's step headings (the features' "# Steg N" comments) as parent steps in the report.
    groupSeedSteps(resultsDir, root);
    writeAllureTrace(resultsDir, rows, profileName);
  }
  let reportOk = true;
  if (options.report) reportOk = generateReport(resultsDir, join(reportsDir, 'allure-report'));
  printVerdict(profileName, verdict, run.results, skipped, relative(process.cwd(), join(reportsDir, 'kravsporing.md')));
  console.log(`Vakter: ${guardLine(rows)} (vises, feiler ikke dommen).`);
  if (options.report && reportOk) console.log(`Rapport: ${relative(process.cwd(), join(reportsDir, 'allure-report/index.html'))}`);
  return reportOk;
}

/**
 * `samsvar merge <dirs...>`: the shards of one run (each `samsvar run --shard k/n`) judged as one run,
 * with one summary, one trace and one Allure results directory (scripts/lib/shards.ts). A missing or
 * doubled shard, or a scenario run twice, fails the verdict.
 */
function merge(raw: RawProfile & { path: string }, expected: ExpectedFailure[], scenarios: SpecScenario[], requirements: Requirement[], gateErrors: string[], options: Options): number {
  const reportsDir = resolve(root, options.reports);
  const dirs = options.shardDirs.map((d) => resolve(d));
  if (dirs.length === 0) usage('merge trenger delkjøringenes rapportmapper.');
  if (dirs.some((d) => d === reportsDir)) usage('--reports for sammenslåingen må være en annen mappe enn delkjøringenes.');
  const merged = mergeShards(dirs);
  gateErrors.push(...merged.errors);
  if (merged.profile !== undefined && merged.profile !== raw.name) gateErrors.push(`Delkjøringene er mot «${merged.profile}», ikke mot «${raw.name}» (--target).`);
  const skipped = notApplicable(scenarios, raw.capabilities);
  const skippedKeys = new Set(skipped.map(scenarioKey));
  const rows = traceTable(requirements, scenarios, merged.run.results, skippedKeys);
  const verdict = judge({ spec: scenarios, notApplicable: skippedKeys, run: merged.run, cucumberExitCode: merged.cucumberExitCode, rows, expected, priorErrors: gateErrors });
  rmSync(reportsDir, { recursive: true, force: true });
  mkdirSync(join(reportsDir, 'allure-results'), { recursive: true });
  for (const dir of dirs) {
    const results = join(dir, 'allure-results');
    // Every shard's scenario results; not the shard's own trace entry (the merged run writes one trace).
    const shardTrace = (file: string) => file.endsWith('-result.json') && readFileSync(file, 'utf8').includes('"fullName":"samsvar:kravsporing#');
    if (existsSync(results)) cpSync(results, join(reportsDir, 'allure-results'), { recursive: true, filter: (from) => !shardTrace(from) });
  }
  console.log(`Slår sammen ${dirs.length} delkjøringer${merged.total ? ` av ${merged.total}` : ''} mot «${raw.name}».`);
  const reportOk = conclude({ profileName: raw.name, reportsDir, verdict, run: merged.run, exitCode: merged.cucumberExitCode, rows, skipped, options: { ...options, shard: undefined } as Options });
  console.log(`samsvar: ${verdict.passed} passed, ${Math.max(merged.run.results.length, verdict.selected) - verdict.passed} failed`);
  if (!verdict.ok) return verdict.exitCode;
  return reportOk ? 0 : 1;
}

/** Scenarios whose result differed between rounds of --repeat. */
function changedResults(runs: ScenarioResult[][]): Array<{ key: string; name: string; statuses: string[] }> {
  const byKey = new Map<string, { name: string; statuses: string[] }>();
  runs.forEach((results, round) => {
    for (const r of results) {
      const entry = byKey.get(scenarioKey(r)) ?? { name: r.name, statuses: Array<string>(round).fill('ikke kjørt') };
      entry.statuses.push(r.status);
      byKey.set(scenarioKey(r), entry);
    }
    for (const entry of byKey.values()) if (entry.statuses.length < round + 1) entry.statuses.push('ikke kjørt');
  });
  return [...byKey.entries()]
    .filter(([, e]) => new Set(e.statuses).size > 1)
    .map(([key, e]) => ({ key, name: e.name, statuses: e.statuses }));
}

// `npm run plan | head`: a reader that stops reading is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main();
