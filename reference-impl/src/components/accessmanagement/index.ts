import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function accessManagementComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { AccessService, CatalogueService, Services } from '../../platform/services.ts';
export function createCatalogueService(): CatalogueService { return notBuilt(); }
export function createAccessService(_services: Services): AccessService { return notBuilt(); }

function notBuilt<T>(): T { return new Proxy({}, { get: () => () => { throw new Error('component not built yet'); } }) as T; }
