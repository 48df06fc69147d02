// `npm run service-api`: proves the service-API conformance mode. A service owner points the `mva`
// endpoint of a profile at its own API, configured to trust the reference's Maskinporten and PDP;
// the suite then checks that the API accepts a properly delegated system user token, refuses the
// others, and asked the PDP the right question (read from the reference PDP's decision log).
//
// Here the service is examples/mva-service, written independently of the reference from the
// contract alone. It runs twice: as written (every selected scenario must pass) and with SKIP_PDP=1,
// a variant that never asks the PDP. Each variant is judged by reason from samsvar-summary.json,
// never by the runner's exit code (scripts/lib/fault-verdict.ts): without the PDP exactly the
// selected scenarios tagged with a requirement that needs the service to ask the PDP (SVC-2, SVC-5, PEP-1)
// must fail, each on an assertion naming its id, and every other selected scenario must pass. The
// selection (`@kapabilitet:mva`, applicable to the profile) is read from the feature files. A
// variant whose reference or service did not start or died, or a run with no results, fails the
// proof. Ends with "service-api: N passed, N failed".

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
import { request } from 'undici';
import { judgeServiceApi, type RunOutcome, type ServiceApiVerdict } from './lib/fault-verdict.ts';
import { notApplicable, readRequirements, readScenarios } from './lib/features.ts';
import type { ScenarioResult } from './lib/results.ts';
import { startReference, type RunningReference } from './lib/reference-process.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
// The service owner the suite uses (support/actors/service-owner.ts): the same organisation, so
// creating it here and again in the suite is idempotent.
const SERVICE_OWNER = { orgNo: '310000019', name: 'Skatteetaten (syntetisk)', orgForm: 'ORGL' };
const PROFILE = 'targets/referanse-ekstern.json';
const SELECTION = '@kapabilitet:mva';
/**
 * The requirements only a service that asks the PDP can meet (features/krav.yaml): SVC-2 (anything
 * but Permit for the party gives 403 MVA-00003), SVC-5 (the decision log shows the service asked
 * the right question) and PEP-1 (the main scenarios' "Altinn Autorisasjon validerer tilgangen": the
 * service itself asked and got Permit). The variant that skips the PDP must fail exactly the
 * scenarios tagged with them.
 */
const NEEDS_PDP = ['SVC-2', 'SVC-5', 'PEP-1'];
/** One suite run may take this long before it counts as hanging. */
const RUN_TIMEOUT_MS = 8 * 60_000;

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

/** The scenarios the runner selects: tagged @kapabilitet:mva and applicable to the profile. */
function selectedScenarios() {
  const capabilities = (JSON.parse(readFileSync(join(root, PROFILE), 'utf8')) as { capabilities: string[] }).capabilities;
  const scenarios = readScenarios(root).filter((s) => s.tags.includes(SELECTION));
  const skipped = new Set(notApplicable(scenarios, capabilities).map((s) => `${s.uri}:${s.line}`));
  return scenarios.filter((s) => !skipped.has(`${s.uri}:${s.line}`));
}

function runSuite(reference: string, service: string, variant: string): RunOutcome {
  const reports = `reports/tjeneste-api/${variant}`;
  const summary = join(root, reports, 'samsvar-summary.json');
  rmSync(summary, { force: true });
  const r = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['scripts/samsvar.ts', 'run', '--target', PROFILE, '--end-user', 'api', '--no-report', '--reports', reports, '--tags', SELECTION],
    { cwd: root, stdio: 'inherit', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL', env: { ...process.env, SAMSVAR_REFERENCE_URL: reference, SAMSVAR_ENDPOINT_MVA: service } },
  );
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (!existsSync(summary)) return { results: [], timedOut, problem: `løperen skrev ingen resultater (kode ${r.status ?? r.signal ?? '?'})` };
  return { results: (JSON.parse(readFileSync(summary, 'utf8')) as { results: ScenarioResult[] }).results, timedOut };
}

const stoppedEarly = (p: RunningReference | undefined) => p !== undefined && (p.process.exitCode !== null || p.process.signalCode !== null);

const knownIds = new Set(readRequirements(join(root, 'features/krav.yaml')).map((r) => r.id));
for (const id of NEEDS_PDP) if (!knownIds.has(id)) throw new Error(`${id} finnes ikke i features/krav.yaml.`);
const selected = selectedScenarios();

const verdicts: ServiceApiVerdict[] = [];
for (const [variant, skipPdp] of [['som-skrevet', false], ['uten-pdp', true]] as const) {
  console.log(`\n=== Tjeneste-API-modus: examples/mva-service ${variant}`);
  let reference: RunningReference | undefined;
  let service: RunningReference | undefined;
  let run: RunOutcome;
  try {
    reference = await startReference();
    service = await startService(reference.url, skipPdp);
    console.log(`Referanse ${reference.url}, tjeneste-API ${service.url}`);
    run = runSuite(reference.url, service.url, variant);
    const died = [stoppedEarly(reference) ? 'referanseimplementasjonen' : '', stoppedEarly(service) ? 'tjeneste-API-et' : ''].filter(Boolean);
    if (died.length > 0) run = { ...run, problem: `${died.join(' og ')} stoppet under kjøringen${run.problem ? `; ${run.problem}` : ''}` };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    run = { results: [], problem: `${reference ? 'tjeneste-API-et' : 'referanseimplementasjonen'} startet ikke (${reason})` };
  } finally {
    await service?.stop();
    await reference?.stop();
  }
  verdicts.push(judgeServiceApi(variant, selected, skipPdp ? NEEDS_PDP : [], run));
}

console.log(`\nTjeneste-API-modus (${selected.length} scenarier valgt med ${SELECTION}):`);
const list = (title: string, items: string[]) => {
  if (items.length === 0) return;
  console.log(`         ${title}:`);
  for (const item of items) console.log(`           ${item}`);
};
for (const v of verdicts) {
  const expectation = v.expectedFailures.length === 0 ? 'alle skal bestå' : `nøyaktig ${v.expectedFailures.length} skal feile med ${NEEDS_PDP.map((k) => `[${k}]`).join('/')}`;
  console.log(`  ${v.ok ? 'OK  ' : 'FEIL'} ${v.variant}: ${expectation}${v.ok ? '' : ` — ${v.reasons.join('; ')}`}`);
  list('feilet som forventet', v.failedAsExpected);
  list('skulle feilet med sitt krav, men gjorde det ikke', v.missingFailures);
  list('feilet, men skulle bestått', v.extraFailures);
  list('uten dom (brutt, udefinert, ...)', v.broken);
  list('valgt, men ikke kjørt', v.notRun);
  list('kjørt, men ikke valgt', v.unselected);
}
const passed = verdicts.filter((v) => v.ok).length;
console.log(`service-api: ${passed} passed, ${verdicts.length - passed} failed`);
process.exitCode = passed === verdicts.length ? 0 : 1;
