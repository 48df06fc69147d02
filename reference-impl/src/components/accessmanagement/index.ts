// Access Management: the access package catalogue (public metadata routes), the end-user connections
// API (a customer grants packages to another party), and the assignments and client delegations the
// PDP reads as its policy information point, and a person's "my clients".

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { FaultConfig } from '../../faults.ts';
import type { AccessService, CatalogueService, Services } from '../../platform/services.ts';
import { Catalogue } from './catalogue.ts';
import { connectionRoutes } from './connections.ts';
import { myClientsRoutes } from './my-clients.ts';
import { metadataRoutes } from './routes.ts';
import { AccessManager } from './service.ts';

export async function accessManagementComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  // The metadata routes need areas and groups, which CatalogueService does not offer; the catalogue is
  // immutable data, so the component's own instance serves them.
  const catalogue = opts.services.catalogue instanceof Catalogue ? opts.services.catalogue : new Catalogue();
  metadataRoutes(app, catalogue, opts.config);
  const access = opts.services.access;
  if (!(access instanceof AccessManager)) throw new Error('accessmanagement: services.access must come from createAccessService');
  connectionRoutes(app, { ...opts, access });
  myClientsRoutes(app, { ...opts, access });
}

export function createCatalogueService(): CatalogueService {
  return new Catalogue();
}

export function createAccessService(services: Services, config?: FaultConfig): AccessService {
  return new AccessManager(services, config);
}
