// Resource registry: service-owner resources with their policies.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { ResourceRegistryService } from '../../platform/services.ts';
import { resourceRoutes } from './routes.ts';
import { ResourceStore } from './store.ts';

export async function resourceRegistryComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  resourceRoutes(app, opts.services.resources);
}

export function createResourceRegistryService(): ResourceRegistryService {
  return new ResourceStore();
}
