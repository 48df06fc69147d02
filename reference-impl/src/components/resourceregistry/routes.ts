// Resource registry read routes (docs/contracts/altinn-authorization.md §6.1). Public, as the registry's GETs are.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../platform/errors.ts';
import type { Resource } from '../../platform/model.ts';
import { policyRulesJson, policySubjectsJson, resourceJson } from './present.ts';
import { identifierParams, resourceListQuery } from './schemas.ts';
import type { ResourceRegistryService } from '../../platform/services.ts';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function resourceRoutes(app: FastifyInstance, store: ResourceRegistryService): void {
  function resourceOr404(id: string): Resource {
    const resource = store.resource(id);
    if (!resource) throw new NotFound(`No resource with identifier ${id}.`);
    return resource;
  }

  // Query flags of the real list (apps, Altinn 2 services) select kinds of resource the reference does not hold.
  app.get('/resource/resourcelist', { schema: { querystring: resourceListQuery } }, async function resourceList() {
    return store.all().map(resourceJson);
  });

  app.get('/resource/:id', { schema: { params: identifierParams } }, async function getResource(request: IdRequest) {
    return resourceJson(resourceOr404(request.params.id));
  });

  app.get('/resource/:id/policy/rules', { schema: { params: identifierParams } }, async function getPolicyRules(request: IdRequest) {
    return policyRulesJson(resourceOr404(request.params.id));
  });

  app.get('/resource/:id/policy/subjects', { schema: { params: identifierParams } }, async function getPolicySubjects(request: IdRequest) {
    return policySubjectsJson(resourceOr404(request.params.id));
  });
}
