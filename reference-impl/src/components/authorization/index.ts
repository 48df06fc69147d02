// Authorization: the PDP (POST /authorize, XACML JSON profile) and its decision log.

import type { FastifyInstance } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { FaultConfig } from '../../faults.ts';
import type { DecisionLogService, PdpService, Services } from '../../platform/services.ts';
import { authorizeRoutes } from './routes.ts';
import { Pdp } from './service.ts';
import { DecisionLog } from './store.ts';
import { installSubscriptionKeyGate } from '../../tt02/apim.ts';

export async function authorizationComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  // The route evaluates whole XACML requests; PdpService offers only the system-user shortcut.
  const pdp = opts.services.pdp instanceof Pdp ? opts.services.pdp : new Pdp(opts.services, opts.config);
  installSubscriptionKeyGate(app, opts.config);
  authorizeRoutes(app, opts, pdp);
}

export function createDecisionLogService(): DecisionLogService {
  return new DecisionLog();
}

export function createPdpService(services: Services, config?: FaultConfig): PdpService {
  return new Pdp(services, config);
}
