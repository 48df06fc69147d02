// Altinn Authentication stand-in (docs/contracts/altinn-authentication.md §2, §3, §5): system register, system user
// requests (standard and agent) and system users, mounted under /authentication/api/v1.
// createAuthenticationServices creates this app instance's store; the plugin finds the same store
// through the service objects it created.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { FaultConfig } from '../../faults.ts';
import type { Services, SystemRegisterService, SystemUserService } from '../../platform/services.ts';
import { authenticationRoutes } from './routes.ts';
import { AuthenticationSystemRegisterService, AuthenticationSystemUserService } from './service.ts';
import { AuthenticationStore } from './store.ts';

export async function authenticationComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  const registerService = opts.services.systemRegister;
  if (!(registerService instanceof AuthenticationSystemRegisterService)) {
    throw new Error('authentication: services.systemRegister must come from createAuthenticationServices');
  }
  await authenticationRoutes(app, { config: opts.config, services: opts.services, issuers: opts.issuers, store: registerService.store });
}

export function createAuthenticationServices(services: Services, config?: FaultConfig): { systemRegister: SystemRegisterService; systemUsers: SystemUserService } {
  const store = new AuthenticationStore();
  return {
    systemRegister: new AuthenticationSystemRegisterService(store),
    // The services and faults are read at call time (the lookup's fault needs the client delegations).
    systemUsers: new AuthenticationSystemUserService(store, services, config),
  };
}
