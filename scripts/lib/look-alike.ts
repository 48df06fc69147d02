// A profile whose reference the runner starts as a look-alike of a real environment
// (`lookAlike: {as: tt02, seed}`): the reference runs with `--as tt02 --seed <file>` and the suite
// meets it exactly as it would meet TT02, with fixtures, private keys from environment variables, an
// API Management subscription key and Test Tools credentials. No secret sits in the repository: for
// every Maskinporten client the profile names, a fresh key pair is made here, its public key is put on
// the seed's client (in a copy of the seed, in a temporary folder) and its private key is handed to the
// suite through the variable the profile names. The subscription key and the Test Tools credentials
// are random too, unless the environment already sets them.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { ACCESS_COMPONENTS, ProfileError, type RawProfile } from '../../support/target/profile.ts';
import type { MaskinportenClientFixture } from '../../support/target/fixtures.ts';

export interface LookAlike {
  /** Arguments for reference-impl/src/main.ts after --port. */
  args: string[];
  /** Variables the runner sets for the reference and the suite (private keys, subscription key, credentials). */
  env: Record<string, string>;
  /** Removes the temporary seed copy. */
  dispose(): void;
}

interface SeedClient {
  clientId: string;
  orgNo: string;
  jwks: { keys: unknown[] };
}

const envName = (source: string, what: string): string => {
  if (!source.startsWith('env:')) throw new ProfileError(`${what}: en lookAlike-profil må hente hemmeligheten fra en miljøvariabel (env:NAVN), ikke ${source}.`);
  return source.slice(4);
};

/** Every Maskinporten client the profile names, with where it is named. */
function profileClients(raw: RawProfile): Array<[where: string, client: MaskinportenClientFixture]> {
  const out: Array<[string, MaskinportenClientFixture]> = [];
  const fixtures = raw.fixtures;
  fixtures?.pools.forEach((pool, i) => out.push([`fixtures.pools[${i}].vendor`, pool.vendor]));
  if (fixtures?.serviceOwner) out.push(['fixtures.serviceOwner', fixtures.serviceOwner]);
  if (fixtures?.kartverket) out.push(['fixtures.kartverket', fixtures.kartverket]);
  return out;
}

/** The variables the runner sets itself for a look-alike (so a plan does not ask them of the environment). */
export function lookAlikeProvides(raw: RawProfile): Set<string> {
  const names = profileClients(raw).map(([where, client]) => envName(client.privateKey, `${where}.privateKey`));
  for (const c of ACCESS_COMPONENTS) {
    const key = raw.access?.[c]?.subscriptionKey;
    if (key) names.push(envName(key, `access.${c}.subscriptionKey`));
  }
  if (raw.persons?.testTools) names.push(envName(raw.persons.testTools.credentials, 'persons.testTools.credentials'));
  return new Set(names);
}

export async function prepareLookAlike(raw: RawProfile & { path: string }, env: NodeJS.ProcessEnv): Promise<LookAlike> {
  const look = raw.lookAlike;
  if (!look) throw new ProfileError(`Profilen «${raw.name}» har ingen lookAlike.`);
  const seedPath = resolve(dirname(raw.path), look.seed);
  let seed: { maskinportenClients?: SeedClient[] } & Record<string, unknown>;
  try {
    seed = JSON.parse(readFileSync(seedPath, 'utf8'));
  } catch (error) {
    throw new ProfileError(`Kan ikke lese lookAlike.seed ${seedPath}: ${(error as Error).message}`);
  }
  const out: Record<string, string> = {};
  for (const [where, client] of profileClients(raw)) {
    const seeded = seed.maskinportenClients?.find((c) => c.clientId === client.clientId);
    if (!seeded) throw new ProfileError(`${where}.clientId ${client.clientId} finnes ikke blant maskinportenClients i ${look.seed}.`);
    if (seeded.orgNo !== client.orgNo) throw new ProfileError(`${where}.orgNo ${client.orgNo} er ikke klientens organisasjon i ${look.seed} (${seeded.orgNo}).`);
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    seeded.jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: client.keyId, alg: 'RS256', use: 'sig' }] };
    out[envName(client.privateKey, `${where}.privateKey`)] = await exportPKCS8(privateKey);
  }
  const keyNames = [...new Set(ACCESS_COMPONENTS.flatMap((c) => {
    const key = raw.access?.[c]?.subscriptionKey;
    return key ? [envName(key, `access.${c}.subscriptionKey`)] : [];
  }))];
  // One API Management in front of every component: one key, whatever variables name it.
  const subscriptionKey = keyNames.map((n) => env[n]).find((v) => v) ?? randomBytes(16).toString('hex');
  const keyEnv = keyNames[0] ?? 'SAMSVAR_TT02_SUBSCRIPTION_KEY';
  for (const name of [keyEnv, ...keyNames]) out[name] = subscriptionKey;
  const credentialsEnv = raw.persons?.testTools ? envName(raw.persons.testTools.credentials, 'persons.testTools.credentials') : 'SAMSVAR_TT02_TESTTOOLS_CREDENTIALS';
  out[credentialsEnv] = env[credentialsEnv] || `samsvar:${randomBytes(12).toString('hex')}`;

  const dir = mkdtempSync(join(tmpdir(), 'samsvar-lookalike-'));
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed), { mode: 0o600 });
  return {
    args: ['--as', look.as, '--seed', file, '--subscription-key-env', keyEnv, '--testtools-credentials-env', credentialsEnv],
    env: out,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
