import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function resourceRegistryComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { ResourceRegistryService } from '../../platform/services.ts';
export function createResourceRegistryService(): ResourceRegistryService { throw new Error('not built'); }
