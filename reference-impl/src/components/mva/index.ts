// MVA sample service (prefix /mva): Samsvar's own small VAT reporting API, protected the way Altinn
// tells API providers to protect theirs (docs/samsvar-apis.md §3, docs/contracts/altinn-authorization.md §1.5).

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { mvaRoutes } from './routes.ts';
import { ReceiptStore } from './store.ts';

export async function mvaComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  await mvaRoutes(app, { config: opts.config, services: opts.services, issuers: opts.issuers, receipts: new ReceiptStore() });
}
