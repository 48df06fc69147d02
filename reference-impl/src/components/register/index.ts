import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function registerComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { RegisterService } from '../../platform/services.ts';
export function createRegisterService(): RegisterService { throw new Error('not built'); }
