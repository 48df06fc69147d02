import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function accessManagementComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { AccessService, CatalogueService, Services } from '../../platform/services.ts';
export function createCatalogueService(): CatalogueService { throw new Error('not built'); }
export function createAccessService(_services: Services): AccessService { throw new Error('not built'); }
