// The test data API (docs/samsvar-apis.md §1), under {testdata}/api/v1. No authentication: it exists
// only on test targets. Each handler runs the checks in the order the table gives its errors, and
// writes nothing until every check has passed.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { ErRole } from '../../platform/model.ts';
import { resourceJson } from '../resourceregistry/present.ts';
import { addRole, createOrganisation, createPerson, putResource, registerClient, type ClientInput, type ResourceInput } from './operations.ts';
import {
  decisionsQuery,
  maskinportenClientBody,
  organisationBody,
  personBody,
  resourceBody,
  resourceParams,
  roleBody,
  tokenBody,
} from './schemas.ts';

/** Default token lifetime of the mint route: 120 s, Maskinporten's longest grant lifetime. */
const DEFAULT_TOKEN_SECONDS = 120;

export function testdataRoutes(app: FastifyInstance, opts: ComponentOptions): void {
  const { services, issuers } = opts;

  app.post<{ Body: { orgNo: string; name: string; orgForm: string } }>('/api/v1/organisations', { schema: { body: organisationBody } },
    async function createOrganisationRoute(request, reply) {
      const { orgNo, name, orgForm } = request.body;
      const { created, value } = createOrganisation(services, { orgNo, name, orgForm });
      return reply.code(created ? 201 : 200).send(organisationJson(value));
    });

  app.post<{ Body: { pid: string; name: string } }>('/api/v1/persons', { schema: { body: personBody } },
    async function createPersonRoute(request, reply) {
      const { pid, name } = request.body;
      const { created, value } = createPerson(services, { pid, name });
      return reply.code(created ? 201 : 200).send(personJson(value));
    });

  app.post<{ Body: ErRole }>('/api/v1/roles', { schema: { body: roleBody } },
    async function addRoleRoute(request, reply) {
      const { created, value } = addRole(services, request.body);
      return reply.code(created ? 201 : 200).send(value);
    });

  app.post<{ Body: ClientInput }>(
    '/api/v1/maskinporten/clients', { schema: { body: maskinportenClientBody } },
    async function registerClientRoute(request, reply) {
      const stored = await registerClient(services, request.body);
      return reply.code(201).send({ clientId: stored.clientId, orgNo: stored.orgNo, scopes: stored.scopes });
    });

  app.put<{ Params: { identifier: string }; Body: ResourceInput }>('/api/v1/resources/:identifier',
    { schema: { params: resourceParams, body: resourceBody } },
    async function putResourceRoute(request, reply) {
      const { created, value } = putResource(services, request.params.identifier, request.body);
      return reply.code(created ? 201 : 200).send(resourceJson(value));
    });

  // A test hook: mints a token Maskinporten would never issue (docs/samsvar-apis.md §1).
  app.post<{ Body: { claims: Record<string, unknown>; iat?: number; exp?: number } }>('/api/v1/maskinporten/tokens',
    { schema: { body: tokenBody } },
    async function mintToken(request: FastifyRequest<{ Body: { claims: Record<string, unknown>; iat?: number; exp?: number } }>, reply: FastifyReply) {
      const now = Math.floor(Date.now() / 1000);
      const iat = request.body.iat ?? now;
      const exp = request.body.exp ?? now + DEFAULT_TOKEN_SECONDS;
      const token = await issuers.sign('maskinporten', request.body.claims, exp - iat, iat);
      return reply.code(201).send({ access_token: token });
    });

  app.get<{ Querystring: { systemUserId?: string; resource?: string } }>('/api/v1/decisions', { schema: { querystring: decisionsQuery } },
    async function listDecisions(request) {
      const { systemUserId, resource } = request.query;
      return services.decisions.list().filter((d) =>
        (systemUserId === undefined || d.subject['urn:altinn:systemuser:uuid']?.toLowerCase() === systemUserId.toLowerCase())
        && (resource === undefined || d.resource === resource));
    });
}

function organisationJson(org: { orgNo: string; name: string; orgForm: string; partyId: number; partyUuid: string }) {
  return { orgNo: org.orgNo, name: org.name, orgForm: org.orgForm, partyId: org.partyId, partyUuid: org.partyUuid };
}

function personJson(person: { pid: string; name: string; partyId: number; partyUuid: string }) {
  return { pid: person.pid, name: person.name, partyId: person.partyId, partyUuid: person.partyUuid };
}
