// What a run needs from the environment, checked before anything starts, so a run against a real
// target without its credentials fails at once with a list of what is missing (never halfway).

import { existsSync } from 'node:fs';
import { ENDPOINT_KEYS, overrideVariable, type RawProfile } from '../../support/target/profile.ts';

export function preflight(raw: RawProfile, env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  const provided = (name: string) => env[name] !== undefined && env[name] !== '';
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
  const keySources: Array<[string, string | undefined]> = [['leverandørens private nøkkel (vendor.privateKey)', raw.vendor?.privateKey]];
  const serviceOwner = (raw.fixtures as { serviceOwner?: { privateKey?: string } } | undefined)?.serviceOwner;
  keySources.push(['tjenesteeierens private nøkkel (fixtures.serviceOwner.privateKey)', serviceOwner?.privateKey]);
  for (const [what, source] of keySources) {
    if (!source) continue;
    const [kind, ref] = [source.slice(0, source.indexOf(':')), source.slice(source.indexOf(':') + 1)];
    if (kind === 'env' && !provided(ref)) missing.push(`${what} leses fra miljøvariabelen ${ref}, som ikke er satt`);
    if (kind === 'file' && !existsSync(ref)) missing.push(`${what} leses fra filen ${ref}, som ikke finnes`);
  }
  if (!raw.capabilities.includes('testdata-api')) {
    if (!raw.vendor) missing.push('målet har ikke test data-API-et, så profilen må ha «vendor» (leverandørens Maskinporten-klient)');
    if (!raw.fixtures) missing.push('målet har ikke test data-API-et, så profilen må ha «fixtures» (eksisterende testparter)');
  }
  return missing;
}
