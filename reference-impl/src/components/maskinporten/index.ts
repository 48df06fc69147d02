// Maskinporten stand-in (prefix /maskinporten): the JWT grant token endpoint with system user
// authorization_details, the authorization server metadata and the JWKS (docs/contracts/altinn-authentication.md §6).

import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { MaskinportenClientService } from '../../platform/services.ts';
import { maskinportenRoutes } from './routes.ts';
import { ClientStore, UsedGrantStore } from './store.ts';

export async function maskinportenComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  // The token endpoint takes application/x-www-form-urlencoded only (docs/contracts/altinn-authentication.md §6.1; the
  // docs examples that post JSON are wrong). Inside this plugin the inherited parsers (JSON, text) are
  // removed, so any other media type is a 415 in the OAuth error shape; siblings keep theirs.
  app.removeAllContentTypeParsers();
  await app.register(formbody);
  await maskinportenRoutes(app, { config: opts.config, services: opts.services, issuers: opts.issuers, usedGrants: new UsedGrantStore() });
}

export function createMaskinportenClientService(): MaskinportenClientService {
  return new ClientStore();
}
