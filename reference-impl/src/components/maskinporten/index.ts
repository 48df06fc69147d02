import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function maskinportenComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { MaskinportenClientService } from '../../platform/services.ts';
export function createMaskinportenClientService(): MaskinportenClientService { return notBuilt(); }

function notBuilt<T>(): T { return new Proxy({}, { get: () => () => { throw new Error('component not built yet'); } }) as T; }
