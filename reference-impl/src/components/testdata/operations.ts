// The test data API's operations, one function per route, each running the checks in the order
// docs/samsvar-apis.md §1 gives its errors and writing nothing until every check has passed. The
// routes (routes.ts) and the TT02 fixtures seeding (tt02/fixtures.ts) both call these: one rule, one place.

import { randomUUID } from 'node:crypto';
import type { ErRole, MaskinportenClient, Organisation, Person, Resource } from '../../platform/model.ts';
import type { PartyIds, Services } from '../../platform/services.ts';
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

type Localised = { nb: string; nn?: string; en?: string };

export interface ResourceInput {
  title: Localised;
  description?: Localised;
  resourceType: string;
  delegable?: boolean;
  visible?: boolean;
  hasCompetentAuthority: { organization: string; orgcode: string; name?: Localised };
  policy: { rules: Array<{ effect?: 'Permit' | 'Deny'; subjects: string[]; actions: string[] }> };
}

export interface ClientInput {
  clientId?: string;
  orgNo: string;
  scopes: string[];
  jwks: { keys: Array<Record<string, unknown>> };
}

/** What an operation did: `created` false when the same thing existed already (200, not 201). */
export interface Outcome<T> {
  created: boolean;
  value: T;
}

export function createOrganisation(services: Services, input: { orgNo: string; name: string; orgForm: string } & PartyIds): Outcome<Organisation> {
  const { orgNo, name, orgForm } = input;
  checkOrgNo(orgNo); // samsvar-apis §1 POST /organisations: TD-00001
  checkOrgForm(orgForm); // TD-00002
  const existing = services.register.organisation(orgNo); // same data: 200; other data: 409 TD-00003
  if (existing) {
    if (existing.name !== name || existing.orgForm !== orgForm) throw conflict(`Organisation ${orgNo} exists with other data.`);
    return { created: false, value: existing };
  }
  return { created: true, value: services.register.createOrganisation(input) };
}

export function createPerson(services: Services, input: { pid: string; name: string } & PartyIds): Outcome<Person> {
  const { pid, name } = input;
  checkPid(pid); // samsvar-apis §1 POST /persons: TD-00004
  const existing = services.register.person(pid); // same data: 200; other data: 409 TD-00003
  if (existing) {
    if (existing.name !== name) throw conflict('The person exists with another name.');
    return { created: false, value: existing };
  }
  return { created: true, value: services.register.createPerson(input) };
}

export function addRole(services: Services, input: ErRole): Outcome<ErRole> {
  const { orgNo, role, holder } = input;
  checkRole(role); // samsvar-apis §1 POST /roles: TD-00005
  // TD-00006. An org number or pid that fails its check digits cannot exist, so it is unknown too.
  if (!services.register.organisation(orgNo)) throw unknownParty(`No organisation ${orgNo}.`);
  if ('pid' in holder && !services.register.person(holder.pid)) throw unknownParty('The holder (person) is unknown.');
  if ('orgNo' in holder && !services.register.organisation(holder.orgNo)) throw unknownParty(`The holder (organisation ${holder.orgNo}) is unknown.`);
  const same = (r: ErRole) => r.role === role
    && ('pid' in holder ? 'pid' in r.holder && r.holder.pid === holder.pid : 'orgNo' in r.holder && r.holder.orgNo === holder.orgNo);
  const exists = services.register.rolesIn(orgNo).some(same);
  if (!exists) services.register.addRole({ orgNo, role, holder });
  return { created: !exists, value: { orgNo, role, holder } };
}

export async function registerClient(services: Services, input: ClientInput): Promise<MaskinportenClient> {
  const { orgNo, scopes, jwks } = input;
  await checkPublicRsaKeys(jwks.keys); // samsvar-apis §1 POST /maskinporten/clients: TD-00007
  if (!services.register.organisation(orgNo)) throw unknownParty(`No organisation ${orgNo}.`); // TD-00006
  const clientId = input.clientId ?? randomUUID();
  if (services.maskinportenClients.client(clientId)) throw conflict(`Client id ${clientId} exists.`); // TD-00003
  const client: MaskinportenClient = { clientId, orgNo, scopes: [...scopes], jwks: jwks.keys.map((k) => ({ ...k })) };
  return services.maskinportenClients.register(client);
}

export function putResource(services: Services, identifier: string, body: ResourceInput): Outcome<Resource> {
  checkPolicySubjects(body.policy.rules, services.catalogue); // samsvar-apis §1 PUT /resources: TD-00008
  checkResourceType(body.resourceType); // TD-00009
  const resource: Resource = {
    identifier,
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
  return { created, value: resource };
}
