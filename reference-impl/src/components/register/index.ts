// Register (Enhetsregisteret stand-in): organisations, persons and ER roles.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { RegisterService } from '../../platform/services.ts';
import { registerRoutes } from './routes.ts';
import { RegisterStore } from './store.ts';

export async function registerComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  registerRoutes(app, opts, opts.services.register);
}

export function createRegisterService(): RegisterService {
  return new RegisterStore();
}
