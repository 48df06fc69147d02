import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function portalComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
