// The Samsvar runner: `npm run conformance [-- options] [-- cucumber options]`.
//
//   --target <file>   target profile (default: $SAMSVAR_TARGET or targets/referanse.json)
//   --reports <dir>   where results and reports go (default: reports)
//   --no-report       skip the Allure HTML report (results are still written)
//   anything else     passed to cucumber-js (e.g. --tags @scenario:3, --parallel 2, a feature path)
//
// It loads and validates the profile, starts the reference implementation once when the profile
// asks for it, runs cucumber-js with the scenarios the target's capabilities allow, applies the
// gates (no scenario ran, undefined or ambiguous steps, @krav traceability), writes the Allure
// single-file report, and prints where it is.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProfile, resolveProfile, ProfileError } from '../support/target/profile.ts';
import { checkTraceability, notApplicable, readRequirements, readScenarios } from './lib/features.ts';
import { startReference, type RunningReference } from './lib/reference-process.ts';
import { readResults, type ScenarioResult } from './lib/results.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

interface Options {
  target: string;
  reports: string;
  report: boolean;
  cucumberArgs: string[];
}

function parseOptions(argv: string[]): Options {
  const [command, ...rest] = argv;
  if (command !== 'run') {
    console.error('Bruk: samsvar run [--target <profil>] [--reports <mappe>] [--no-report] [cucumber-valg]');
    process.exit(2);
  }
  const options: Options = {
    target: process.env.SAMSVAR_TARGET || 'targets/referanse.json',
    reports: 'reports',
    report: true,
    cucumberArgs: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--target' || arg === '--reports') {
      const value = rest[++i];
      if (!value) {
        console.error(`${arg} trenger en verdi.`);
        process.exit(2);
      }
      if (arg === '--target') options.target = value;
      else options.reports = value;
    } else if (arg === '--no-report') {
      options.report = false;
    } else if (arg !== '--') {
      options.cucumberArgs.push(arg);
    }
  }
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

function summarise(results: ScenarioResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const reportsDir = resolve(root, options.reports);
  let raw;
  try {
    raw = readProfile(resolve(options.target));
  } catch (error) {
    console.error(error instanceof ProfileError ? error.message : String(error));
    return 2;
  }

  // Static gates first: they need no target.
  const scenarios = readScenarios(root);
  const requirements = readRequirements(join(root, 'features/krav.yaml'));
  const trace = checkTraceability(scenarios, requirements);
  const traceErrors = [
    ...trace.withoutKrav.map((s) => `Scenariet «${s.name}» (${s.uri}:${s.line}) har ingen @krav-tagg.`),
    ...trace.unknownIds.map(({ id, scenario: s }) => `@krav:${id} i «${s.name}» (${s.uri}:${s.line}) finnes ikke i features/krav.yaml.`),
    ...trace.uncoveredMusts.map((r) => `MUST-kravet ${r.id} («${r.tekst}») dekkes ikke av noe scenario.`),
  ];

  let reference: RunningReference | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, SAMSVAR_TARGET: raw.path, SAMSVAR_REPORTS_DIR: reportsDir };
  const stop = async () => {
    await reference?.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

  try {
    if (raw.reference) {
      reference = await startReference();
      env.SAMSVAR_REFERENCE_URL = reference.url;
      console.log(`Referanseimplementasjonen kjører på ${reference.url}`);
    }
    let profile;
    try {
      profile = resolveProfile(raw, env);
    } catch (error) {
      console.error(error instanceof ProfileError ? error.message : String(error));
      return 2;
    }

    const skipped = notApplicable(scenarios, profile.capabilities);
    const knownCapabilities = new Set(scenarios.flatMap((s) => s.capabilities));
    const missing = [...knownCapabilities].filter((c) => !profile.capabilities.includes(c as never)).sort();
    const tagFilter = missing.map((c) => `not @kapabilitet:${c}`).join(' and ');

    rmSync(reportsDir, { recursive: true, force: true });
    mkdirSync(reportsDir, { recursive: true });
    env.SAMSVAR_ENVIRONMENT_INFO = JSON.stringify(environmentInfo(profile.name, raw.path));
    const args = [...(tagFilter ? ['--tags', tagFilter] : []), ...options.cucumberArgs];
    console.log(`Kjører Samsvar mot «${profile.name}»${tagFilter ? ` (utelater: ${missing.join(', ')})` : ''}`);
    const exitCode = await runCucumber(args, env);
    await stop();

    const messages = join(reportsDir, 'cucumber-messages.ndjson');
    const results = existsSync(messages) ? readResults(messages) : [];
    const counts = summarise(results);
    writeFileSync(
      join(reportsDir, 'samsvar-summary.json'),
      JSON.stringify({ profile: profile.name, counts, results, notApplicable: skipped.map((s) => ({ uri: s.uri, line: s.line, name: s.name, missing: s.missing })) }, null, 2),
    );

    const gateErrors = [...traceErrors];
    if (results.length === 0) gateErrors.push('Ingen scenarier ble kjørt: en tom kjøring beviser ingenting.');
    for (const r of results.filter((r) => r.status === 'undefined' || r.status === 'ambiguous')) {
      gateErrors.push(`Scenariet «${r.name}» (${r.uri}:${r.line}) har ${r.status === 'undefined' ? 'udefinerte' : 'tvetydige'} steg.`);
    }

    let reportOk = true;
    const reportFile = join(reportsDir, 'allure-report/index.html');
    if (options.report) reportOk = generateReport(join(reportsDir, 'allure-results'), join(reportsDir, 'allure-report'));

    console.log('');
    console.log(`Resultat mot «${profile.name}»: ${results.length} scenarier — ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'ingen'}`);
    for (const r of results.filter((r) => r.status !== 'passed')) {
      console.log(`  ${r.status.toUpperCase()}: ${r.name} (${r.uri}:${r.line})${r.message ? ` — ${r.message}` : ''}`);
    }
    if (skipped.length > 0) {
      console.log(`Ikke aktuelt for denne målprofilen (${skipped.length}):`);
      for (const s of skipped) console.log(`  ${s.name} (${s.uri}:${s.line}) — mangler kapabilitet ${s.missing.join(', ')}`);
    }
    for (const e of gateErrors) console.error(`PORT: ${e}`);
    if (options.report && reportOk) console.log(`Rapport: ${relative(process.cwd(), reportFile) || reportFile}`);
    const passed = counts.passed ?? 0;
    console.log(`samsvar: ${passed} passed, ${results.length - passed} failed`);

    if (exitCode !== 0 || gateErrors.length > 0 || !reportOk) return exitCode || 1;
    return 0;
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    return 1;
  } finally {
    await stop();
  }
}

process.exitCode = await main();
