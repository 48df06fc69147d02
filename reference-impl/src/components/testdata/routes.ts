// The test data API (docs/samsvar-apis.md §1), under {testdata}/api/v1. No authentication: it exists
// only on test targets. Each handler runs the checks in the order the table gives its errors, and
// writes nothing until every check has passed.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import type { ErRole, MaskinportenClient, Resource } from '../../platform/model.ts';
import { resourceJson } from '../resourceregistry/present.ts';
import {
  checkOrgForm,
  checkOrgNo,
  checkPid,
  checkPolicySubjects,
  checkPublicRsaKeys,
  checkResourceType,
  checkRole,
  conflict,
  unknownParty,
} from './checks.ts';
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

type Localised = { nb: string; nn?: string; en?: string };

interface ResourceInput {
  title: Localised;
  description?: Localised;
  resourceType: string;
  delegable?: boolean;
  visible?: boolean;
  hasCompetentAuthority: { organization: string; orgcode: string; name?: Localised };
  policy: { rules: Array<{ effect?: 'Permit' | 'Deny'; subjects: string[]; actions: string[] }> };
}

/** Default token lifetime of the mint route: 120 s, Maskinporten's longest grant lifetime. */
const DEFAULT_TOKEN_SECONDS = 120;

export function testdataRoutes(app: FastifyInstance, opts: ComponentOptions): void {
  const { services, issuers } = opts;

  app.post<{ Body: { orgNo: string; name: string; orgForm: string } }>('/api/v1/organisations', { schema: { body: organisationBody } },
    async function createOrganisation(request, reply) {
      const { orgNo, name, orgForm } = request.body;
      checkOrgNo(orgNo); // samsvar-apis §1 POST /organisations: TD-00001
      checkOrgForm(orgForm); // TD-00002
      const existing = services.register.organisation(orgNo); // same data: 200; other data: 409 TD-00003
      if (existing) {
        if (existing.name !== name || existing.orgForm !== orgForm) throw conflict(`Organisation ${orgNo} exists with other data.`);
        return reply.code(200).send(organisationJson(existing));
      }
      return reply.code(201).send(organisationJson(services.register.createOrganisation({ orgNo, name, orgForm })));
    });

  app.post<{ Body: { pid: string; name: string } }>('/api/v1/persons', { schema: { body: personBody } },
    async function createPerson(request, reply) {
      const { pid, name } = request.body;
      checkPid(pid); // samsvar-apis §1 POST /persons: TD-00004
      const existing = services.register.person(pid); // same data: 200; other data: 409 TD-00003
      if (existing) {
        if (existing.name !== name) throw conflict('The person exists with another name.');
        return reply.code(200).send(personJson(existing));
      }
      return reply.code(201).send(personJson(services.register.createPerson({ pid, name })));
    });

  app.post<{ Body: ErRole }>('/api/v1/roles', { schema: { body: roleBody } },
    async function addRole(request, reply) {
      const { orgNo, role, holder } = request.body;
      checkRole(role); // samsvar-apis §1 POST /roles: TD-00005
      // TD-00006. An org number or pid that fails its check digits cannot exist, so it is unknown too.
      if (!services.register.organisation(orgNo)) throw unknownParty(`No organisation ${orgNo}.`);
      if ('pid' in holder && !services.register.person(holder.pid)) throw unknownParty('The holder (person) is unknown.');
      if ('orgNo' in holder && !services.register.organisation(holder.orgNo)) throw unknownParty(`The holder (organisation ${holder.orgNo}) is unknown.`);
      const same = (r: ErRole) => r.role === role
        && ('pid' in holder ? 'pid' in r.holder && r.holder.pid === holder.pid : 'orgNo' in r.holder && r.holder.orgNo === holder.orgNo);
      const exists = services.register.rolesIn(orgNo).some(same);
      if (!exists) services.register.addRole({ orgNo, role, holder });
      return reply.code(exists ? 200 : 201).send({ orgNo, role, holder });
    });

  app.post<{ Body: { clientId?: string; orgNo: string; scopes: string[]; jwks: { keys: Array<Record<string, unknown>> } } }>(
    '/api/v1/maskinporten/clients', { schema: { body: maskinportenClientBody } },
    async function registerClient(request, reply) {
      const { orgNo, scopes, jwks } = request.body;
      await checkPublicRsaKeys(jwks.keys); // samsvar-apis §1 POST /maskinporten/clients: TD-00007
      if (!services.register.organisation(orgNo)) throw unknownParty(`No organisation ${orgNo}.`); // TD-00006
      const clientId = request.body.clientId ?? randomUUID();
      if (services.maskinportenClients.client(clientId)) throw conflict(`Client id ${clientId} exists.`); // TD-00003
      const client: MaskinportenClient = { clientId, orgNo, scopes: [...scopes], jwks: jwks.keys.map((k) => ({ ...k })) };
      const stored = services.maskinportenClients.register(client);
      return reply.code(201).send({ clientId: stored.clientId, orgNo: stored.orgNo, scopes: stored.scopes });
    });

  app.put<{ Params: { identifier: string }; Body: ResourceInput }>('/api/v1/resources/:identifier',
    { schema: { params: resourceParams, body: resourceBody } },
    async function putResource(request, reply) {
      const body = request.body;
      checkPolicySubjects(body.policy.rules, services.catalogue); // samsvar-apis §1 PUT /resources: TD-00008
      checkResourceType(body.resourceType); // TD-00009
      const resource: Resource = {
        identifier: request.params.identifier,
        title: body.title,
        ...(body.description ? { description: body.description } : {}),
        resourceType: body.resourceType,
        delegable: body.delegable ?? true,
        visible: body.visible ?? true,
        hasCompetentAuthority: body.hasCompetentAuthority,
        policy: {
          rules: body.policy.rules.map((r) => ({ ...(r.effect ? { effect: r.effect } : {}), subjects: [...r.subjects], actions: [...r.actions] })),
        },
      };
      const { created } = services.resources.upsert(resource);
      return reply.code(created ? 201 : 200).send(resourceJson(resource));
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
