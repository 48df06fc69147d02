// ID-porten stand-in (prefix /idporten): person login for end-user actions (docs/samsvar-apis.md §2).
// Stateless: the person comes from the register, the signing key from the shared token issuers.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { idportenRoutes } from './routes.ts';

export async function idportenComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  await idportenRoutes(app, { config: opts.config, services: opts.services, issuers: opts.issuers });
}
