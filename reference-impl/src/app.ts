// Builds the reference implementation: one Fastify app, the platform layer first, then each
// component as an encapsulated plugin under its own prefix, in one visible list (no autoload).

import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ComponentOptions, ReferenceConfig } from './config.ts';
import { checkFaultNames } from './faults.ts';
import { installCharsetCheck } from './platform/charset.ts';
import { installErrorHandling, traceId } from './platform/error-handler.ts';
import type { Services } from './platform/services.ts';
import { TokenIssuers } from './platform/tokens.ts';
import { routeValidatorCompiler } from './platform/validation.ts';
import { accessManagementComponent, createAccessService, createCatalogueService } from './components/accessmanagement/index.ts';
import { amUiComponent } from './components/amui/index.ts';
import { authenticationComponent, createAuthenticationServices } from './components/authentication/index.ts';
import { authorizationComponent, createDecisionLogService, createPdpService } from './components/authorization/index.ts';
import { brokerComponent } from './components/broker/index.ts';
import { dialogportenComponent } from './components/dialogporten/index.ts';
import { idportenComponent } from './components/idporten/index.ts';
import { createMaskinportenClientService, maskinportenComponent } from './components/maskinporten/index.ts';
import { mvaComponent } from './components/mva/index.ts';
import { portalComponent } from './components/portal/index.ts';
import { createRegisterService, registerComponent } from './components/register/index.ts';
import { createResourceRegistryService, resourceRegistryComponent } from './components/resourceregistry/index.ts';
import { testdataComponent } from './components/testdata/index.ts';
import { testToolsComponent } from './components/testtools/index.ts';
import { seedFixtures } from './tt02/fixtures.ts';

/** One registered route, as the robustness and fuzz tests enumerate them. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: Record<string, unknown> | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app (filled as routes are registered). */
    routeTable: RouteEntry[];
  }
}

/**
 * Wires the services; each create function may read the others from `services` at call time. Those
 * with a fault at their check site also get the configuration (faults.ts).
 */
function createServices(config: ReferenceConfig): Services {
  const services = {} as Services;
  services.register = createRegisterService();
  services.catalogue = createCatalogueService();
  services.resources = createResourceRegistryService();
  services.maskinportenClients = createMaskinportenClientService();
  services.access = createAccessService(services, config);
  const authentication = createAuthenticationServices(services, config);
  services.systemRegister = authentication.systemRegister;
  services.systemUsers = authentication.systemUsers;
  services.decisions = createDecisionLogService();
  services.pdp = createPdpService(services, config);
  return services;
}

export async function buildApp(config: ReferenceConfig): Promise<FastifyInstance> {
  // Faults (selfcheck) must name catalogue entries: an unknown name is refused before anything starts.
  checkFaultNames(config.faults);
  const app = Fastify({
    logger: config.logger,
    bodyLimit: 1024 * 1024,
    // ASP.NET routes match case-insensitively (`byexternalid` works on Altinn); path params keep their case.
    routerOptions: { caseSensitive: false },
    // Errors Fastify raises before routing (a malformed %-escape in the URL) keep the problem shape too.
    frameworkErrors: (error, _request, rawReply) => {
      const reply = rawReply as FastifyReply;
      void reply.code(400).type('application/problem+json').send(
        JSON.stringify({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1', title: 'Bad Request', status: 400, statusDescription: 'Bad Request', traceId: traceId(), detail: error.message }),
      );
    },
  });
  // Validation mirrors the contract one schema at a time: no coercion, no stripping, no defaults, every
  // violation of a small input reported, the first of a large one (platform/validation.ts: Ajv's
  // allErrors on a large invalid body is a denial of service).
  app.setValidatorCompiler(routeValidatorCompiler());
  app.decorateRequest('auth', null);
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, schema: route.schema as Record<string, unknown> | undefined });
    }
  });
  installErrorHandling(app);
  // A JSON body in another charset than UTF-8 is refused with 415 on every component (platform/charset.ts).
  installCharsetCheck(app);

  const services = createServices(config);
  // TT02 look-alike: what Tenor holds, seeded through the test data API's operations (tt02/fixtures.ts).
  if (config.tt02) await seedFixtures(services, config.tt02.fixtures);
  const issuers = await TokenIssuers.create({
    get publicUrl() {
      return config.publicUrl;
    },
    get faults() {
      return config.faults;
    },
  });
  const opts: ComponentOptions = { config, services, issuers };

  await app.register(maskinportenComponent, { ...opts, prefix: '/maskinporten' });
  await app.register(idportenComponent, { ...opts, prefix: '/idporten' });
  await app.register(registerComponent, { ...opts, prefix: '/register/api/v1' });
  await app.register(resourceRegistryComponent, { ...opts, prefix: '/resourceregistry/api/v1' });
  await app.register(accessManagementComponent, { ...opts, prefix: '/accessmanagement/api/v1' });
  await app.register(authenticationComponent, { ...opts, prefix: '/authentication/api/v1' });
  await app.register(authorizationComponent, { ...opts, prefix: '/authorization/api/v1' });
  await app.register(mvaComponent, { ...opts, prefix: '/mva' });
  await app.register(dialogportenComponent, { ...opts, prefix: '/dialogporten' });
  await app.register(brokerComponent, { ...opts, prefix: '/broker/api/v1' });
  await app.register(portalComponent, { ...opts, prefix: '/portal' });
  await app.register(amUiComponent, { ...opts, prefix: '/amui' });
  // TT02 has no test data API; it has Altinn Test Tools' token generator instead (docs/platform-surface.md).
  if (config.tt02) await app.register(testToolsComponent, { ...opts, prefix: '/testtools' });
  else await app.register(testdataComponent, { ...opts, prefix: '/testdata' });

  app.get('/health', { schema: { response: { 200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] } } } },
    async () => ({ status: 'ok' }));
  return app;
}
