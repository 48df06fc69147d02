// `npm run service-api`: proves the service-API conformance mode. A service owner points the `mva`
// endpoint of a profile at its own API, configured to trust the reference's Maskinporten and PDP;
// the suite then checks that the API accepts a properly delegated system user token, refuses the
// others, and asked the PDP the right question (read from the reference PDP's decision log).
//
// Here the service is examples/mva-service, written independently of the reference from the
// contract alone. It runs twice: as written (the suite must pass) and with SKIP_PDP=1, a variant
// that never asks the PDP (the suite must fail). Ends with "service-api: N passed, N failed".

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { request } from 'undici';
import { startReference, type RunningReference } from './lib/reference-process.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
// The service owner the suite uses (support/actors/service-owner.ts): the same organisation, so
// creating it here and again in the suite is idempotent.
const SERVICE_OWNER = { orgNo: '310000019', name: 'Skatteetaten (syntetisk)', orgForm: 'ORGL' };

async function post(url: string, body: unknown): Promise<any> {
  const r = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await r.body.json();
  if (r.statusCode >= 300) throw new Error(`${url} → ${r.statusCode}: ${JSON.stringify(json)}`);
  return json;
}

async function startService(reference: string, skipPdp: boolean): Promise<RunningReference> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `mva-service-${skipPdp ? 'uten-pdp' : 'med-pdp'}-${Date.now()}`;
  await post(`${reference}/testdata/api/v1/organisations`, SERVICE_OWNER);
  const client = await post(`${reference}/testdata/api/v1/maskinporten/clients`, {
    orgNo: SERVICE_OWNER.orgNo,
    scopes: ['altinn:authorization/authorize'],
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] },
  });
  return startReference({
    script: 'examples/mva-service/src/main.js',
    urlVariable: 'SAMSVAR_SERVICE_URL',
    env: {
      ...process.env,
      PORT: '0',
      MASKINPORTEN_URL: `${reference}/maskinporten`,
      PDP_URL: reference,
      CLIENT_ID: client.clientId,
      KEY_ID: kid,
      PRIVATE_KEY_JWK: JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256' }),
      ...(skipPdp ? { SKIP_PDP: '1' } : {}),
    },
  });
}

interface Outcome {
  variant: string;
  expectGreen: boolean;
  exitCode: number;
  failed: string[];
}

function runSuite(reference: string, service: string, variant: string): { exitCode: number; failed: string[] } {
  const reports = `reports/tjeneste-api/${variant}`;
  const r = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/samsvar.ts', 'run', '--target', 'targets/referanse-ekstern.json', '--end-user', 'api', '--no-report', '--reports', reports, '--tags', '@kapabilitet:mva'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, SAMSVAR_REFERENCE_URL: reference, SAMSVAR_ENDPOINT_MVA: service } },
  );
  const summary = join(root, reports, 'samsvar-summary.json');
  const failed = existsSync(summary)
    ? (JSON.parse(readFileSync(summary, 'utf8')) as { results: Array<{ status: string; name: string; uri: string; line: number }> }).results
        .filter((x) => x.status !== 'passed')
        .map((x) => `${x.name} (${x.uri}:${x.line})`)
    : ['(ingen resultater)'];
  return { exitCode: r.status ?? 1, failed };
}

const outcomes: Outcome[] = [];
for (const [variant, skipPdp] of [['som-skrevet', false], ['uten-pdp', true]] as const) {
  console.log(`\n=== Tjeneste-API-modus: examples/mva-service ${variant}`);
  const reference = await startReference();
  let service: RunningReference | undefined;
  try {
    service = await startService(reference.url, skipPdp);
    console.log(`Referanse ${reference.url}, tjeneste-API ${service.url}`);
    const { exitCode, failed } = runSuite(reference.url, service.url, variant);
    outcomes.push({ variant, expectGreen: !skipPdp, exitCode, failed });
  } finally {
    await service?.stop();
    await reference.stop();
  }
}

console.log('\nTjeneste-API-modus:');
let passed = 0;
for (const o of outcomes) {
  const green = o.exitCode === 0;
  const ok = green === o.expectGreen;
  if (ok) passed++;
  console.log(`  ${ok ? 'OK  ' : 'FEIL'} ${o.variant}: suiten ${green ? 'grønn' : `rød (${o.failed.length} scenarier)`}, forventet ${o.expectGreen ? 'grønn' : 'rød'}`);
  for (const f of o.failed) console.log(`         avslørt av: ${f}`);
}
console.log(`service-api: ${passed} passed, ${outcomes.length - passed} failed`);
process.exitCode = passed === outcomes.length ? 0 : 1;
