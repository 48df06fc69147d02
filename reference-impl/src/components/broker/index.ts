// Altinn Broker (prefix /broker/api/v1): file transfers between organisations (docs/contracts/dialogporten-broker.md
// §B). File content is streamed to a directory of this app instance (under
// config.dataDir, or the system's temporary directory) and removed when the app closes.

import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ComponentOptions } from '../../config.ts';
import { FileVault } from './files.ts';
import { installProblemHandler } from './problems.ts';
import { brokerRoutes } from './routes.ts';
import { MAX_SIZE_UNSCANNED } from './service.ts';
import { FileTransferStore } from './store.ts';
import { installSubscriptionKeyGate } from '../../tt02/apim.ts';

export async function brokerComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  installProblemHandler(app);
  installSubscriptionKeyGate(app, opts.config);
  // Multipart parts are streamed (request.parts()); only small metadata fields are buffered.
  await app.register(multipart, { limits: { fileSize: MAX_SIZE_UNSCANNED + 1, files: 1, fields: 100, fieldSize: 64 * 1024, parts: 101 } });
  const vault = await FileVault.open(opts.config.dataDir);
  app.addHook('onClose', async function removeFiles() {
    await vault.close();
  });
  await brokerRoutes(app, { ...opts, ctx: { services: opts.services, transfers: new FileTransferStore(), vault, config: opts.config } });
}
