import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function authorizationComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { DecisionLogService, PdpService, Services } from '../../platform/services.ts';
export function createDecisionLogService(): DecisionLogService { return notBuilt(); }
export function createPdpService(_services: Services): PdpService { return notBuilt(); }

function notBuilt<T>(): T { return new Proxy({}, { get: () => () => { throw new Error('component not built yet'); } }) as T; }
