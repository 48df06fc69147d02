// Starts the MVA example service: reads the environment (config.js), Maskinporten's metadata, and
// listens; prints SAMSVAR_SERVICE_URL=http://127.0.0.1:<port> once it accepts requests.

import { ConfigError, readConfig, readMaskinportenMetadata } from './config.js';
import { createOwnerTokenSource, createPdp } from './pdp.js';
import { createMvaService } from './server.js';
import { createTokenVerifier } from './token.js';

async function main() {
  const config = await readConfig();
  const metadata = await readMaskinportenMetadata(config.maskinportenUrl);
  const verifyToken = createTokenVerifier({ issuer: metadata.issuer, jwksUri: metadata.jwksUri });

  let pdp = null;
  if (config.skipPdp) {
    console.error('mva-service: SKIP_PDP=1 — the PDP is never asked and every system user token is permitted. This variant is deliberately broken.');
  } else {
    const tokens = createOwnerTokenSource({
      issuer: metadata.issuer,
      tokenEndpoint: metadata.tokenEndpoint,
      clientId: config.clientId,
      keyId: config.keyId,
      privateKey: config.privateKey,
    });
    pdp = createPdp({ pdpUrl: config.pdpUrl, tokens });
  }

  let boundUrl = '';
  const server = createMvaService({
    verifyToken,
    pdp,
    resource: config.resource,
    publicUrl: () => config.publicUrl ?? boundUrl,
    log: config.log ? (line) => console.error(`mva-service: ${line}`) : () => {},
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  boundUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  console.log(`SAMSVAR_SERVICE_URL=${boundUrl}`);

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
