// What a run needs from the environment and the profile, checked before anything starts, so a run
// against a real target without its credentials or with fixtures that cannot work fails at once with
// a list of what is missing (never halfway).

import { existsSync } from 'node:fs';
import { ACCESS_COMPONENTS, ENDPOINT_KEYS, overrideVariable, type RawProfile } from '../../support/target/profile.ts';
import { fixtureProblems } from '../../support/target/fixtures.ts';

/** Where each private key and secret of the profile comes from, with what it is for. */
export function secretSources(raw: RawProfile): Array<[what: string, source: string]> {
  const sources: Array<[string, string]> = [];
  const fixtures = raw.fixtures;
  fixtures?.pools.forEach((pool, i) => sources.push([`leverandørens private nøkkel (fixtures.pools[${i}].vendor.privateKey)`, pool.vendor.privateKey]));
  if (fixtures?.serviceOwner) sources.push(['tjenesteeierens private nøkkel (fixtures.serviceOwner.privateKey)', fixtures.serviceOwner.privateKey]);
  if (fixtures?.kartverket) sources.push(['Kartverkets private nøkkel (fixtures.kartverket.privateKey)', fixtures.kartverket.privateKey]);
  for (const component of ACCESS_COMPONENTS) {
    const key = raw.access?.[component]?.subscriptionKey;
    if (key) sources.push([`API Management-nøkkelen for ${component} (access.${component}.subscriptionKey)`, key]);
  }
  if (raw.persons?.testTools) sources.push(['Test Tools-påloggingen user:password (persons.testTools.credentials)', raw.persons.testTools.credentials]);
  return sources;
}

/** `--parallel N` among the cucumber arguments (1 when absent). */
export function parallelOf(cucumberArgs: readonly string[]): number {
  for (let i = 0; i < cucumberArgs.length; i++) {
    const arg = cucumberArgs[i]!;
    const value = arg === '--parallel' ? cucumberArgs[i + 1] : arg.startsWith('--parallel=') ? arg.slice('--parallel='.length) : undefined;
    if (value !== undefined) return Math.max(1, Number(value) || 1);
  }
  return 1;
}

export interface PreflightOptions {
  /** Secrets the runner itself provides (a look-alike reference it starts): not asked of the environment. */
  provided?: ReadonlySet<string>;
  parallel?: number;
}

export function preflight(raw: RawProfile, env: NodeJS.ProcessEnv, options: PreflightOptions = {}): string[] {
  const missing: string[] = [];
  const provided = (name: string) => options.provided?.has(name) || (env[name] !== undefined && env[name] !== '');
  for (const key of ENDPOINT_KEYS) {
    if (provided(overrideVariable(key))) continue;
    const value = raw.endpoints[key];
    if (!value) continue;
    for (const [, name] of value.matchAll(/\$\{([A-Z0-9_]+)\}/g)) {
      // The runner sets SAMSVAR_REFERENCE_URL itself when it starts the reference.
      if (raw.reference && name === 'SAMSVAR_REFERENCE_URL') continue;
      if (!provided(name!)) missing.push(`endepunktet «${key}» trenger miljøvariabelen ${name} (eller ${overrideVariable(key)})`);
    }
  }
  for (const [what, source] of secretSources(raw)) {
    const [kind, ref] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
    if (kind === 'env' && !provided(ref)) missing.push(`${what} leses fra miljøvariabelen ${ref}, som ikke er satt`);
    if (kind === 'file' && !existsSync(ref)) missing.push(`${what} leses fra filen ${ref}, som ikke finnes`);
  }
  if (raw.persons?.tokens === 'testtools') {
    if (!raw.persons.testTools) missing.push('persons.tokens er testtools, så profilen må ha persons.testTools (env og credentials)');
    if (!raw.endpoints.testtools) missing.push('persons.tokens er testtools, så profilen må ha endepunktet «testtools»');
  }
  if (raw.lookAlike && !raw.reference) missing.push('lookAlike gjelder bare når runneren starter referanseimplementasjonen (reference: true)');
  if (!raw.capabilities.includes('testdata-api')) {
    if (!raw.fixtures) missing.push('målet har ikke test data-API-et, så profilen må ha «fixtures» (eksisterende testparter)');
    else missing.push(...fixtureProblems(raw.fixtures, raw.capabilities, options.parallel ?? 1));
  }
  return missing;
}
