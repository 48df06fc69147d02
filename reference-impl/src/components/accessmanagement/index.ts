// Access Management: the access package catalogue (public metadata routes) and the assignments the
// PDP reads as its policy information point.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { AccessService, CatalogueService, Services } from '../../platform/services.ts';
import { Catalogue } from './catalogue.ts';
import { metadataRoutes } from './routes.ts';
import { AccessManager } from './service.ts';

export async function accessManagementComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  // The metadata routes need areas and groups, which CatalogueService does not offer; the catalogue is
  // immutable data, so the component's own instance serves them.
  const catalogue = opts.services.catalogue instanceof Catalogue ? opts.services.catalogue : new Catalogue();
  metadataRoutes(app, catalogue);
}

export function createCatalogueService(): CatalogueService {
  return new Catalogue();
}

export function createAccessService(services: Services): AccessService {
  return new AccessManager(services);
}
