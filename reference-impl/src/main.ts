// Standalone server: `npm run reference -- --port N [--host H] [--public-url URL] [--data-dir DIR] [--log]
// [--fault NAME ...]`. `--fault` (repeatable) switches on a deliberate non-conformance from the catalogue
// in faults.ts, for `npm run selfcheck`; an unknown name is refused with the list of known ones.
// `--list-faults` prints the catalogue (one `name<TAB>krav ids, comma-separated<TAB>description` line each) and exits.
// `--as tt02 --seed FILE [--subscription-key-env NAME] [--testtools-credentials-env NAME]` starts the TT02
// look-alike (docs/platform-surface.md): no Samsvar-only APIs, the PDP and broker behind API Management
// (key from env NAME, default SAMSVAR_TT02_SUBSCRIPTION_KEY), a Test Tools token generator under
// /testtools (credentials `user:password` from env NAME, default SAMSVAR_TT02_TESTTOOLS_CREDENTIALS),
// seeded with the fixtures FILE (schema: reference-impl/src/tt02/fixtures.ts).
// `--host` defaults to 127.0.0.1; a non-loopback host is refused (exit 2) unless `--allow-remote-test-hooks`
// is given, since the test hooks need no authentication (host-exposure.ts); `--as tt02` has no hooks.
// `--port 0` picks a free port. Prints its base URL on a line of its own:
//   SAMSVAR_REFERENCE_URL=http://127.0.0.1:PORT
// which the conformance runner reads when it starts the reference as a child process.

import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import type { ReferenceConfig } from './config.ts';
import { FAULT_NAMES, FAULTS, UnknownFaultError, type FaultName } from './faults.ts';
import { checkHostExposure } from './host-exposure.ts';
import { FixturesError, loadFixtures } from './tt02/fixtures.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4000' },
    host: { type: 'string', default: '127.0.0.1' },
    'allow-remote-test-hooks': { type: 'boolean', default: false },
    'public-url': { type: 'string' },
    log: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    fault: { type: 'string', multiple: true, default: [] },
    'list-faults': { type: 'boolean', default: false },
    as: { type: 'string' },
    seed: { type: 'string' },
    'subscription-key-env': { type: 'string', default: 'SAMSVAR_TT02_SUBSCRIPTION_KEY' },
    'testtools-credentials-env': { type: 'string', default: 'SAMSVAR_TT02_TESTTOOLS_CREDENTIALS' },
  },
  strict: true,
});

if (values['list-faults']) {
  for (const name of FAULT_NAMES) console.log(`${name}\t${FAULTS[name].krav.join(',')}\t${FAULTS[name].description}`);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid --port ${values.port}: give a number from 0 to 65535.`);
  process.exit(2);
}

/** The TT02 look-alike's options, or a clear refusal (exit 2). */
async function tt02Options(): Promise<ReferenceConfig['tt02']> {
  if (values.as === undefined) {
    if (values.seed !== undefined) fail('--seed needs --as tt02.');
    return undefined;
  }
  if (values.as !== 'tt02') fail(`Unknown --as ${values.as}: the only look-alike is tt02.`);
  if (values.seed === undefined) fail('--as tt02 needs --seed <fixtures.json> (example: reference-impl/tt02/fixtures.example.json).');
  const keyEnv = values['subscription-key-env'];
  const subscriptionKey = process.env[keyEnv];
  if (!subscriptionKey) fail(`--as tt02: set the API Management subscription key in the environment variable ${keyEnv}.`);
  const credEnv = values['testtools-credentials-env'];
  const credentials = process.env[credEnv] ?? '';
  const colon = credentials.indexOf(':');
  if (colon < 1) fail(`--as tt02: set the Test Tools credentials as user:password in the environment variable ${credEnv}.`);
  try {
    return {
      fixtures: await loadFixtures(values.seed),
      subscriptionKey,
      testTools: { username: credentials.slice(0, colon), password: credentials.slice(colon + 1) },
    };
  } catch (error) {
    if (error instanceof FixturesError) fail(error.message);
    throw error;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const exposure = checkHostExposure({ host: values.host, tt02: values.as === 'tt02', allowRemoteTestHooks: values['allow-remote-test-hooks'] });
if (!exposure.ok) fail(exposure.error);
if (exposure.warning) console.error(exposure.warning);

const tt02 = await tt02Options();
const config: ReferenceConfig = {
  publicUrl: values['public-url']?.replace(/\/+$/, '') ?? '',
  logger: values.log,
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  ...(values.fault.length > 0 ? { faults: new Set(values.fault) } : {}),
  ...(tt02 ? { tt02 } : {}),
};
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (error) {
  if (!(error instanceof UnknownFaultError || error instanceof FixturesError)) throw error;
  console.error(error.message);
  process.exit(2);
}
for (const name of config.faults ?? []) {
  console.error(`WARNING: fault ${name} is on, the reference deliberately does NOT conform: ${FAULTS[name as FaultName].description}`);
}
const address = await app.listen({ port, host: values.host });
if (!config.publicUrl) {
  const { port: actual } = app.server.address() as { port: number };
  const host = values.host.includes(':') ? `[${values.host}]` : values.host;
  config.publicUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}`;
}
console.log(`Samsvar reference implementation listening on ${address}`);
console.log(`SAMSVAR_REFERENCE_URL=${config.publicUrl}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
