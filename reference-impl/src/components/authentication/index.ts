import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';

// Placeholder until the component is built.
export async function authenticationComponent(_app: FastifyInstance, _opts: ComponentOptions): Promise<void> {}
import type { Services, SystemRegisterService, SystemUserService } from '../../platform/services.ts';
export function createAuthenticationServices(_services: Services): { systemRegister: SystemRegisterService; systemUsers: SystemUserService } { return { systemRegister: notBuilt(), systemUsers: notBuilt() }; }

function notBuilt<T>(): T { return new Proxy({}, { get: () => () => { throw new Error('component not built yet'); } }) as T; }
