import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function authorizationComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { DecisionLogService, PdpService, Services } from '../../platform/services.ts';
export function createDecisionLogService(): DecisionLogService { throw new Error('not built'); }
export function createPdpService(_services: Services): PdpService { throw new Error('not built'); }
