// Standalone server: `npm run reference -- --port N [--host H] [--public-url URL] [--data-dir DIR] [--log]
// [--fault NAME ...]`. `--fault` (repeatable) switches on a deliberate non-conformance from the catalogue
// in faults.ts, for `npm run selfcheck`; an unknown name is refused with the list of known ones.
// `--list-faults` prints the catalogue (one `name<TAB>krav ids, comma-separated<TAB>description` line each) and exits.
// `--port 0` picks a free port. Prints its base URL on a line of its own:
//   SAMSVAR_REFERENCE_URL=http://127.0.0.1:PORT
// which the conformance runner reads when it starts the reference as a child process.

import { parseArgs } from 'node:util';
import { buildApp } from './app.ts';
import type { ReferenceConfig } from './config.ts';
import { FAULT_NAMES, FAULTS, UnknownFaultError, type FaultName } from './faults.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4000' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    log: { type: 'boolean', default: false },
    'data-dir': { type: 'string' },
    fault: { type: 'string', multiple: true, default: [] },
    'list-faults': { type: 'boolean', default: false },
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

const config: ReferenceConfig = {
  publicUrl: values['public-url']?.replace(/\/+$/, '') ?? '',
  logger: values.log,
  ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  ...(values.fault.length > 0 ? { faults: new Set(values.fault) } : {}),
};
let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp(config);
} catch (error) {
  if (!(error instanceof UnknownFaultError)) throw error;
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
