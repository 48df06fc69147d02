import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function authenticationComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { Services, SystemRegisterService, SystemUserService } from '../../platform/services.ts';
export function createAuthenticationServices(_services: Services): { systemRegister: SystemRegisterService; systemUsers: SystemUserService } { throw new Error('not built'); }
