// AM entities and roles as the connections API names them (docs/contracts/altinn-authorization.md §0, §3.1, §5;
// AM contracts CompactEntityDto, CompactRoleDto, CompactPackageDto, AccessReason): parties resolved
// from a partyUuid (organisations and persons from the register, system users from authentication)
// and their compact DTOs. Values the reference does not store (parent, children, userId, dates) are
// null, as AM writes them.

import { createHash } from 'node:crypto';
import type { AccessPackage, Organisation, Person, SystemUser } from '../../platform/model.ts';
import type { Services } from '../../platform/services.ts';
import { ER_ROLES } from '../register/er-roles.ts';
import type { Recipient } from './store.ts';

/** An AM entity the reference knows. */
export type Entity =
  | { kind: 'organisation'; org: Organisation }
  | { kind: 'person'; person: Person }
  | { kind: 'systemuser'; user: SystemUser };

/** The entity with this id: an organisation or person by partyUuid, or an active system user by id. */
export function entityByUuid(services: Services, uuid: string): Entity | undefined {
  const org = services.register.organisationByPartyUuid(uuid);
  if (org) return { kind: 'organisation', org };
  const person = services.register.personByPartyUuid(uuid);
  if (person) return { kind: 'person', person };
  const user = services.systemUsers.systemUser(uuid);
  if (user && !user.isDeleted) return { kind: 'systemuser', user };
  return undefined;
}

/** The entity a store recipient stands for (undefined when the register no longer has it). */
export function entityOfRecipient(services: Services, to: Recipient): Entity | undefined {
  if (to.type === 'organisation') {
    const org = services.register.organisation(to.orgNo);
    return org ? { kind: 'organisation', org } : undefined;
  }
  if (to.type === 'person') {
    const person = services.register.person(to.pid);
    return person ? { kind: 'person', person } : undefined;
  }
  const user = services.systemUsers.systemUser(to.id);
  return user && !user.isDeleted ? { kind: 'systemuser', user } : undefined;
}

export function recipientOf(entity: Entity): Recipient {
  if (entity.kind === 'organisation') return { type: 'organisation', orgNo: entity.org.orgNo };
  if (entity.kind === 'person') return { type: 'person', pid: entity.person.pid };
  return { type: 'systemuser', id: entity.user.id };
}

export function entityId(entity: Entity): string {
  if (entity.kind === 'organisation') return entity.org.partyUuid;
  if (entity.kind === 'person') return entity.person.partyUuid;
  return entity.user.id.toLowerCase();
}

/** AM CompactEntityDto. Type names are AM's EntityTypeConstants (Norwegian); variants its entity variants. */
export function compactEntity(entity: Entity): Record<string, unknown> {
  let head: { id: string; name: string; type: string; variant: string };
  let ids: { partyid: number | null; organizationIdentifier: string | null; personIdentifier: string | null };
  if (entity.kind === 'organisation') {
    const o = entity.org;
    head = { id: o.partyUuid, name: o.name, type: 'Organisasjon', variant: o.orgForm };
    ids = { partyid: o.partyId, organizationIdentifier: o.orgNo, personIdentifier: null };
  } else if (entity.kind === 'person') {
    const p = entity.person;
    head = { id: p.partyUuid, name: p.name, type: 'Person', variant: 'Person' };
    ids = { partyid: p.partyId, organizationIdentifier: null, personIdentifier: p.pid };
  } else {
    const u = entity.user;
    head = { id: u.id.toLowerCase(), name: u.integrationTitle, type: 'Systembruker', variant: u.userType === 'agent' ? 'AgentSystem' : 'StandardSystem' };
    ids = { partyid: null, organizationIdentifier: null, personIdentifier: null };
  }
  return {
    ...head, parent: null, children: null, partyid: ids.partyid, userId: null, username: null,
    organizationIdentifier: ids.organizationIdentifier, personIdentifier: ids.personIdentifier,
    dateOfBirth: null, dateOfDeath: null, isDeleted: false, deletedAt: null,
  };
}

interface RoleInfo {
  id: string;
  code: string;
  urn: string;
  legacyUrn: string | null;
}

/**
 * Altinn 3 roles (docs/contracts/altinn-authorization.md §3.1): rettighetshaver (direct assignment) and agent
 * (facilitator -> agent system user).
 */
const ALTINN_ROLES: readonly RoleInfo[] = [
  { id: '42cae370-2dc1-4fdc-9c67-c2f4b0f0f829', code: 'rettighetshaver', urn: 'urn:altinn:role:rettighetshaver', legacyUrn: null },
  { id: 'ff4c33f5-03f7-4445-85ed-1e60b8aafb30', code: 'agent', urn: 'urn:altinn:role:agent', legacyUrn: null },
];

/** A stable UUID-shaped id for an ER role whose real id the contracts do not give: NOT Altinn's id. */
function derivedRoleId(code: string): string {
  const h = createHash('sha1').update(`samsvar:role:${code}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The role for an AM role code (rettighetshaver, agent, regnskapsforer, daglig-leder, ...). */
export function roleInfo(code: string): RoleInfo {
  const altinn = ALTINN_ROLES.find((r) => r.code === code);
  if (altinn) return altinn;
  const er = ER_ROLES.find((r) => r.code === code);
  return {
    id: er?.id ?? derivedRoleId(code),
    code,
    urn: `urn:altinn:external-role:ccr:${code}`,
    legacyUrn: er ? `urn:altinn:rolecode:${er.legacy}` : null,
  };
}

export const RIGHTHOLDER_ROLE_ID = '42cae370-2dc1-4fdc-9c67-c2f4b0f0f829';

/** AM CompactRoleDto. The legacy URN's key really is `"legacyurn "`, with a trailing space (docs/contracts/altinn-authorization.md §0). */
export function compactRole(code: string): Record<string, unknown> {
  const r = roleInfo(code);
  return { id: r.id, code: r.code, urn: r.urn, 'legacyurn ': r.legacyUrn, children: null };
}

/** AM CompactPackageDto / AccessPackageDto: `{id, urn, areaId}`. */
export function compactPackage(pkg: AccessPackage): Record<string, unknown> {
  return { id: pkg.id, urn: pkg.urn, areaId: pkg.areaId };
}

/**
 * AM AccessReason as System.Text.Json writes it (no converter): the flag as a number and its records
 * (docs/contracts/altinn-authorization.md §4.1: direct, client-delegation, keyrole, rolemap, parent).
 */
const REASONS = {
  direct: { flag: 1, description: 'Access granted directly with assignment' },
  'client-delegation': { flag: 2, description: 'Access granted via client delegation' },
  rolemap: { flag: 8, description: 'Access granted through role mapping' },
} as const;

export function accessReason(name: keyof typeof REASONS): Record<string, unknown> {
  const r = REASONS[name];
  return { flag: r.flag, items: [{ name, description: r.description }] };
}

/** A stable id for an assignment package (AM AssignmentPackage.Id), derived from the assignment and the package. */
export function assignmentPackageId(assignmentId: string, packageId: string): string {
  const h = createHash('sha1').update(`samsvar:assignmentpackage:${assignmentId}:${packageId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-b${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
