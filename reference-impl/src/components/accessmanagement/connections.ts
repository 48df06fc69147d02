// The end-user connections API of Access Management (docs/contracts/altinn-authorization.md §5), relative to
// /accessmanagement/api/v1: a customer's access manager makes another party a rights holder
// (rettighetshaver) and grants it access packages; the unregistered accountant's way to clients.
//
//   GET    enduser/connections                  ConnectionDto list     (party, from?, to?, include*)
//   POST   enduser/connections                  AssignmentDto          (party, to?; PersonInput body when no `to`)
//   DELETE enduser/connections                  204                    (party, from, to, cascade)
//   GET    enduser/connections/accesspackages   PackagePermissionDto list (party, from?, to?)
//   POST   enduser/connections/accesspackages   AssignmentPackageDto   (party, to?, packageId | package)
//   DELETE enduser/connections/accesspackages   204                    (party, from, to, packageId | package)
//
// `party` is the partyUuid of the organisation administered. Callers are persons (ID-porten stand-in
// token) with a connections scope or altinn:portal/enduser. AM's PDP check on altinn_access_management
// is modelled as: the person is an access manager of the party (holds tilgangsstyrer or
// hovedadministrator there; a DAGL does through the key role), else a bare 403 as ASP.NET's Forbid()
// gives. The reference models organisations as parties; a person's own connections are not modelled,
// so a party that is no organisation is answered 403 as well.
// Lists are AM's PaginatedResult with one page: `{links:{next:null}, data:[...]}`.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { Forbidden, Unauthorized, type ValidationErrorItem } from '../../platform/errors.ts';
import { faultActive } from '../../faults.ts';
import type { AccessPackage, Organisation } from '../../platform/model.ts';
import { requireBearer } from '../../platform/tokens.ts';
import { erRole } from '../register/er-roles.ts';
import {
  accessReason,
  assignmentPackageId,
  compactEntity,
  compactPackage,
  compactRole,
  entityByUuid,
  entityId,
  entityOfRecipient,
  recipientOf,
  RIGHTHOLDER_ROLE_ID,
  type Entity,
} from './entities.ts';
import { amProblem, amValidation, amVld, stdRequired } from './problems.ts';
import * as s from './schemas.ts';
import type { AccessManager, RoleAccess } from './service.ts';
import type { Recipient } from './store.ts';

/** docs/contracts/altinn-authorization.md §5 (AM AuthzConstants): the connections scopes, or the portal scope. */
const SCOPE = {
  portal: 'altinn:portal/enduser',
  toOthersRead: 'altinn:accessmanagement/enduser:connections:toothers.read',
  toOthersWrite: 'altinn:accessmanagement/enduser:connections:toothers.write',
  fromOthersRead: 'altinn:accessmanagement/enduser:connections:fromothers.read',
  fromOthersWrite: 'altinn:accessmanagement/enduser:connections:fromothers.write',
} as const;

const BASE = '/enduser/connections';

export interface GetQuery {
  party: string;
  from?: string;
  to?: string;
  includeClientDelegations?: string;
  includeAgentConnections?: string;
  includeAccessPackages?: string;
  includeResources?: string;
  includeInstances?: string;
}
interface PostQuery { party: string; to?: string }
interface DeleteQuery { party: string; from: string; to: string; cascade?: string }
interface PackagesQuery { party: string; from?: string; to?: string }
interface PackagePostQuery { party: string; to?: string; packageId?: string; package?: string }
interface PackageDeleteQuery { party: string; from: string; to: string; packageId?: string; package?: string }
interface PersonInput { personIdentifier: string; lastName: string }

export type Ctx = ComponentOptions & { access: AccessManager };

function flag(value: string | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value.toLowerCase() === 'true';
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function paged<T>(data: T[]): { links: { next: null }; data: T[] } {
  return { links: { next: null }, data };
}

// ---- checks ---------------------------------------------------------------------------------------

function personPidOf(request: FastifyRequest): string {
  const auth = request.auth;
  if (auth?.issuer !== 'idporten' || typeof auth.claims.pid !== 'string') throw new Unauthorized('A person token with a pid claim is required.');
  return auth.claims.pid;
}

/** AM's PDP check on altinn_access_management for `party`: an organisation the person is access manager of, else 403. */
function administeredParty(ctx: Ctx, request: FastifyRequest, party: string): Organisation {
  return administeredPartyOf(ctx, personPidOf(request), party);
}

function administeredPartyOf(ctx: Ctx, pid: string, party: string): Organisation {
  const org = ctx.services.register.organisationByPartyUuid(party);
  if (!org || !ctx.access.isAccessManager(pid, org.orgNo)) {
    throw new Forbidden('The person is not an access manager (tilgangsstyrer or hovedadministrator) of the party.');
  }
  return org;
}

/**
 * ConnectionValidation.ValidateReadConnection / PartyMatchesFromOrTo: `from` or `to` must be given and one
 * of them must be the party → else AM.VLD-00009 on both. (AM's DELETE routes do not run this check and
 * rely on the PDP check of `party` alone; the reference is strict and runs it on every route.)
 */
function checkPartyIsFromOrTo(party: string, from: string | undefined, to: string | undefined): void {
  if (same(from, party) || same(to, party)) return;
  throw amValidation(
    amVld('AM.VLD-00009', 'QUERY/from', { from: "Either the 'from' UUID or the 'to' UUID must match the 'party' UUID. Neither matches the 'party' UUID." }),
    amVld('AM.VLD-00009', 'QUERY/to', { to: "Either the 'to' UUID or the 'from' UUID must match the 'party' UUID. Neither matches the 'party' UUID." }),
  );
}

/** EntityValidation.FromExists / ToExists: unknown parties → AM.VLD-00006 at QUERY/from and/or QUERY/to. */
function existingEntities(ctx: Ctx, from: string, to: string): { from: Entity; to: Entity } {
  const fromEntity = entityByUuid(ctx.services, from);
  const toEntity = entityByUuid(ctx.services, to);
  const errors: ValidationErrorItem[] = [];
  if (!fromEntity) errors.push(amVld('AM.VLD-00006', 'QUERY/from'));
  if (!toEntity) errors.push(amVld('AM.VLD-00006', 'QUERY/to'));
  if (!fromEntity || !toEntity) throw amValidation(...errors);
  return { from: fromEntity, to: toEntity };
}

/**
 * InputValidation.SanitizeToInput: `to` names an existing entity (else AM.VLD-00006); a person named by
 * `to` must already have a connection from the party (else AM.VLD-00006, AM hides who exists). Without
 * `to`, the PersonInput body names a person by national identity number and last name. Neither →
 * STD.VLD-00000 on the three inputs. (AM ignores this check's result on POST accesspackages; the
 * reference applies it on both POST routes.)
 */
function recipientEntity(ctx: Ctx, party: Organisation, to: string | undefined, person: PersonInput | null | undefined): Entity {
  const notFound = (path: string, value: string) => amValidation(amVld('AM.VLD-00006', path, { [path.replace(/^QUERY\//, '')]: `Cannot find any parties with uuid '${value}'.` }));
  if (to !== undefined) {
    const entity = entityByUuid(ctx.services, to);
    if (!entity) throw notFound('QUERY/to', to);
    if (entity.kind === 'person' && !ctx.access.hasConnection(party.orgNo, recipientOf(entity))) throw notFound('QUERY/to', to);
    return entity;
  }
  if (person) {
    const found = ctx.services.register.person(person.personIdentifier);
    const lastName = found?.name.trim().split(/\s+/).pop() ?? '';
    if (!found || lastName.toLowerCase() !== person.lastName.trim().toLowerCase()) {
      throw amValidation(amVld('AM.VLD-00006', '/personIdentifier', { personIdentifier: 'No person with this national identity number and last name.' }));
    }
    return { kind: 'person', person: found };
  }
  throw amValidation(stdRequired(['QUERY/to', '/PersonIdentifier', '/LastName'], {
    params: "Invalid combination of params. Either 'QUERY/to' must be set or '/PersonIdentifier' and '/LastName'.",
  }));
}

/** The package named by `packageId` or `package` (URN or code) → else AM.VLD-00011 (PackageValidation.PackageExists). */
function namedPackage(ctx: Ctx, query: { packageId?: string; package?: string }): { pkg: AccessPackage; param: 'packageId' | 'package' } {
  if (query.packageId !== undefined) {
    const pkg = ctx.services.catalogue.find(query.packageId);
    if (pkg && pkg.id === query.packageId.toLowerCase()) return { pkg, param: 'packageId' };
    throw amValidation(amVld('AM.VLD-00011', 'QUERY/packageId', { packages: `No packages with id '${query.packageId}' do not exists.` }));
  }
  const name = query.package ?? '';
  const pkg = name === '' ? undefined : ctx.services.catalogue.find(name);
  if (pkg && (pkg.urn === name || pkg.code === name || `:${pkg.code}` === name)) return { pkg, param: 'package' };
  throw amValidation(amVld('AM.VLD-00011', 'QUERY/package', { packages: `No packages with name '${name}' do not exists.` }));
}

/** AddPackage: any connection from the party to the recipient, unless it is a system user → else AM-00022. */
function checkConnectionExists(ctx: Ctx, party: Organisation, to: Entity): void {
  if (to.kind === 'systemuser') return;
  if (!ctx.access.hasConnection(party.orgNo, recipientOf(to))) throw amProblem('AM-00022');
}

/**
 * AddPackage's rules, gathered as AM's ValidationComposer does:
 * - the person must be able to assign the package for the party (delegation check `IsAssignable &&
 *   CanDelegate`) → AM.VLD-00026 at QUERY/packageId. This is the refusal a customer gets for
 *   `regnskapsforer-*` (IsAssignable=false, docs/contracts/altinn-authorization.md §2.4, §5): AM folds IsAssignable into
 *   the delegation check, so the code is 00026, not 00048 (PackageIsNotAssignable, which only AM's
 *   delegation-request API uses);
 * - PackageIsAssignableTo: hovedadministrator and virksomhetens-representant-skjemaoppgaver never to an
 *   organisation, virksomhetens-representant-skjemaoppgaver never to a system user → AM.VLD-00028.
 * - PackageIsAssignableFrom (the package's entity type is the party's) always holds: every package in
 *   the reference's catalogue is an organisation package and parties are organisations.
 */
function checkMayAssign(ctx: Ctx, pid: string, party: Organisation, to: Entity, pkg: AccessPackage, param: string): void {
  const errors: ValidationErrorItem[] = [];
  if (!ctx.access.mayAssign(pid, party.orgNo, pkg.code)) {
    errors.push(amVld('AM.VLD-00026', 'QUERY/packageId', { packages: `User is not allowed to assign the following package(s) '${pkg.urn}'.` }));
  }
  const notToOrganisation = ['hovedadministrator', 'virksomhetens-representant-skjemaoppgaver'];
  const notToSystemUser = ['virksomhetens-representant-skjemaoppgaver'];
  if ((to.kind === 'organisation' && notToOrganisation.includes(pkg.code)) || (to.kind === 'systemuser' && notToSystemUser.includes(pkg.code))) {
    errors.push(amVld('AM.VLD-00028', `QUERY/${param}`, { Packages: `${pkg.urn} are not assignable to the given entitytype in input.` }));
  }
  if (errors.length > 0) throw amValidation(...errors);
}

/**
 * CheckAssignmentForConnectedReferences (DELETE without cascade): an assignment that still carries
 * packages, or that client delegations hang on → AM.VLD-00010 at QUERY/cascade.
 */
function checkNothingHangsOn(ctx: Ctx, fromOrgNo: string, to: Recipient): void {
  const assignment = ctx.access.rightholderAssignment(fromOrgNo, to);
  if (!assignment) return;
  const errors: ValidationErrorItem[] = [];
  if (assignment.packages.length > 0) {
    const ids = assignment.packages.map((code) => assignmentPackageId(assignment.id, ctx.services.catalogue.find(code)?.id ?? code));
    errors.push(amVld('AM.VLD-00010', 'QUERY/cascade', { packages: `following packages have active assignments [${ids.join(',')}].` }));
  }
  const delegations = ctx.access.delegationsOnRightholder(fromOrgNo, to);
  if (delegations.length > 0) errors.push(amVld('AM.VLD-00010', 'QUERY/cascade', { delegations: delegations.map((d) => d.id).join(',') }));
  if (errors.length > 0) throw amValidation(...errors);
}

// ---- reading connections ---------------------------------------------------------------------------

/** One connection between the organisation that gives and a recipient, with the roles and packages it carries. */
interface Link {
  from: Organisation;
  to: Entity;
  access: RoleAccess[];
  /** Roles of the connection, including those that give no packages (an ER role such as MEDL, an empty rettighetshaver). */
  roles: string[];
}

function holderEntity(ctx: Ctx, holder: { orgNo: string } | { pid: string }): Entity | undefined {
  return entityOfRecipient(ctx.services, 'pid' in holder ? { type: 'person', pid: holder.pid } : { type: 'organisation', orgNo: holder.orgNo });
}

/** The AM role code of an ER role (REGN → regnskapsforer; docs/contracts/altinn-authorization.md §3.1). */
function roleCode(er: string): string {
  return erRole(er)?.code ?? er;
}

/** Every connection from the organisation (AM ToOthers): ER role holders in it, and its assignments. */
function linksFrom(ctx: Ctx, from: Organisation, includeAgents: boolean): Link[] {
  const links = new Map<string, Link>();
  const add = (to: Entity, role: string) => {
    const key = entityId(to);
    const link = links.get(key) ?? { from, to, access: ctx.access.accessFromTo(from.orgNo, recipientOf(to)), roles: [] };
    if (!link.roles.includes(role)) link.roles.push(role);
    links.set(key, link);
  };
  for (const role of ctx.services.register.rolesIn(from.orgNo)) {
    const to = holderEntity(ctx, role.holder);
    if (to) add(to, roleCode(role.role));
  }
  for (const assignment of ctx.access.store.from(from.orgNo)) {
    if (assignment.role === 'agent' && !includeAgents) continue;
    const to = entityOfRecipient(ctx.services, assignment.to);
    if (to) add(to, assignment.role);
  }
  return [...links.values()];
}

/** Every connection to the organisation (AM FromOthers): ER roles it holds in others, and assignments to it. */
function linksTo(ctx: Ctx, to: Organisation): Link[] {
  const recipient: Recipient = { type: 'organisation', orgNo: to.orgNo };
  const entity: Entity = { kind: 'organisation', org: to };
  const links = new Map<string, Link>();
  const add = (fromOrgNo: string, role: string) => {
    const from = ctx.services.register.organisation(fromOrgNo);
    if (!from) return;
    const link = links.get(fromOrgNo) ?? { from, to: entity, access: ctx.access.accessFromTo(fromOrgNo, recipient), roles: [] };
    if (!link.roles.includes(role)) link.roles.push(role);
    links.set(fromOrgNo, link);
  };
  for (const role of ctx.services.register.rolesHeldBy({ orgNo: to.orgNo })) add(role.orgNo, roleCode(role.role));
  for (const assignment of ctx.access.store.to(recipient)) add(assignment.fromOrgNo, assignment.role);
  return [...links.values()];
}

function packageDtos(ctx: Ctx, codes: string[]): Array<Record<string, unknown>> {
  return [...new Set(codes)].flatMap((code) => {
    const pkg = ctx.services.catalogue.find(code);
    return pkg ? [compactPackage(pkg)] : [];
  });
}

/** The client delegations the organisation (as a client) made through a facilitator, as nested connections. */
function delegationConnections(ctx: Ctx, client: Organisation, facilitator: Entity, includePackages: boolean): Array<Record<string, unknown>> {
  if (facilitator.kind !== 'organisation') return [];
  return ctx.access.delegations.fromClientVia(client.orgNo, facilitator.org.orgNo).flatMap((d) => {
    const agent = entityOfRecipient(ctx.services, { type: 'systemuser', id: d.agentSystemUserId });
    if (!agent) return [];
    return [{
      party: compactEntity(agent),
      roles: [compactRole('agent')],
      packages: includePackages ? packageDtos(ctx, d.packages.map((p) => p.code)) : [],
      resources: [],
      instances: [],
      connections: [],
    }];
  });
}

/**
 * GET enduser/connections: the party's connections to others (party = from) or from others (party = to),
 * for the person `pid` (an access manager of the party). Also what the BFF's connection/rightholders
 * forwards to (amui/client-administration.ts). Throws AM's problems.
 */
export function readConnections(ctx: Ctx, pid: string, q: GetQuery): Array<Record<string, unknown>> {
  const party = administeredPartyOf(ctx, pid, q.party);
  checkPartyIsFromOrTo(q.party, q.from, q.to);
  const includePackages = flag(q.includeAccessPackages, false);
  const includeDelegations = flag(q.includeClientDelegations, true);
  const toOthers = same(q.from, q.party);
  const links = toOthers ? linksFrom(ctx, party, flag(q.includeAgentConnections, true)) : linksTo(ctx, party);
  const counterpart = (l: Link): Entity => (toOthers ? l.to : { kind: 'organisation', org: l.from });
  const filterId = toOthers ? q.to : q.from;
  return links
    .filter((l) => filterId === undefined || same(filterId, entityId(counterpart(l))))
    .map((l) => ({
      party: compactEntity(counterpart(l)),
      roles: l.roles.map((r) => compactRole(r)),
      packages: includePackages ? packageDtos(ctx, l.access.flatMap((a) => a.packages.map((p) => p.code))) : [],
      resources: [],
      instances: [],
      connections: toOthers && includeDelegations ? delegationConnections(ctx, party, l.to, includePackages) : [],
    }));
}

/**
 * GET enduser/connections/accesspackages/delegationcheck?party= (ConnectionService.CheckPackage): for
 * every package of the party's entity type (the reference's catalogue is organisation packages only),
 * whether the person may assign it on the party's behalf (`IsAssignable && CanDelegate`, mayAssign).
 * AM's policy is the access management write check on `party`: an access manager, else 403. The
 * reasons' descriptions are not pinned (docs/contracts/client-administration.md §3).
 */
export function packageDelegationCheck(ctx: Ctx, pid: string, partyUuid: string): Array<Record<string, unknown>> {
  const party = administeredPartyOf(ctx, pid, partyUuid);
  // Fault delegeringssjekk-sier-ja-til-alt: every package is answered as one the person may delegate.
  const yesToAll = faultActive(ctx.config, 'delegeringssjekk-sier-ja-til-alt');
  return ctx.services.catalogue.all().map((pkg) => {
    const result = yesToAll || ctx.access.mayAssign(pid, party.orgNo, pkg.code);
    return { package: compactPackage(pkg), result, reasons: [{ description: result ? 'Delegable' : 'NoAccess' }] };
  });
}

// ---- routes ----------------------------------------------------------------------------------------

export function connectionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const person = (scopes: string[]) => requireBearer(ctx.issuers, { accept: ['idporten'], anyScope: scopes });
  const read = person([SCOPE.toOthersRead, SCOPE.fromOthersRead, SCOPE.portal]);
  const writeToOthers = person([SCOPE.toOthersWrite, SCOPE.portal]);
  const writeBidirectional = person([SCOPE.toOthersWrite, SCOPE.fromOthersWrite, SCOPE.portal]);

  /** GET connections: the party's connections to others (party = from) or from others (party = to). */
  app.get<{ Querystring: GetQuery }>(BASE, { onRequest: read, schema: { querystring: s.connectionsGetQuery } },
    async function getConnections(request) {
      return paged(readConnections(ctx, personPidOf(request), request.query));
    });

  app.post<{ Querystring: PostQuery; Body: PersonInput | null | undefined }>(BASE,
    { onRequest: writeToOthers, schema: { querystring: s.connectionsPostQuery, body: s.personInputBody } },
    async function addRightholder(request) {
      const q = request.query;
      const party = administeredParty(ctx, request, q.party);
      const to = recipientEntity(ctx, party, q.to, request.body);
      // The reference refuses a party's connection to itself (AM's ConnectionCombinationRules.FromAndToMustBeDifferent).
      if (same(entityId(to), party.partyUuid)) {
        throw amValidation(amVld('AM.VLD-00009', 'QUERY/to', { to: "The 'to' UUID cannot be the 'party' UUID." }));
      }
      const assignment = ctx.access.addRightholder(party.orgNo, recipientOf(to));
      return { id: assignment.id, roleId: RIGHTHOLDER_ROLE_ID, fromId: party.partyUuid, toId: entityId(to) };
    });

  /** DELETE connections: remove the rettighetshaver assignment; with cascade its packages and client delegations too → 204. */
  app.delete<{ Querystring: DeleteQuery }>(BASE,
    { onRequest: writeBidirectional, schema: { querystring: s.connectionsDeleteQuery } },
    async function removeRightholder(request, reply: FastifyReply) {
      const q = request.query;
      administeredParty(ctx, request, q.party);
      checkPartyIsFromOrTo(q.party, q.from, q.to);
      const { from, to } = existingEntities(ctx, q.from, q.to);
      if (from.kind === 'organisation') {
        const recipient = recipientOf(to);
        if (!flag(q.cascade, false)) checkNothingHangsOn(ctx, from.org.orgNo, recipient);
        ctx.access.removeRightholder(from.org.orgNo, recipient);
      }
      return reply.code(204).send();
    });

  /** GET connections/accesspackages: per package, who gives it to whom and why (PackagePermissionDto). */
  app.get<{ Querystring: PackagesQuery }>(`${BASE}/accesspackages`, { onRequest: read, schema: { querystring: s.packagesGetQuery } },
    async function getPackages(request) {
      const q = request.query;
      const party = administeredParty(ctx, request, q.party);
      checkPartyIsFromOrTo(q.party, q.from, q.to);
      const toOthers = same(q.from, q.party);
      const filterId = toOthers ? q.to : q.from;
      const byPackage = new Map<string, Array<Record<string, unknown>>>();
      const permit = (code: string, permission: Record<string, unknown>) => byPackage.set(code, [...(byPackage.get(code) ?? []), permission]);
      const links = toOthers ? linksFrom(ctx, party, true) : linksTo(ctx, party);
      for (const l of links) {
        const other: Entity = toOthers ? l.to : { kind: 'organisation', org: l.from };
        if (filterId !== undefined && !same(filterId, entityId(other))) continue;
        for (const a of l.access) {
          for (const p of a.packages) {
            permit(p.code, {
              from: compactEntity({ kind: 'organisation', org: l.from }), to: compactEntity(l.to), via: null,
              role: compactRole(a.role), viaRole: null, reason: accessReason(a.role === 'rettighetshaver' ? 'direct' : 'rolemap'),
            });
          }
        }
      }
      if (toOthers) {
        // Client delegations from the party (as a client) through a facilitator to an agent system user.
        for (const d of ctx.access.delegationsFromClient(party.orgNo)) {
          const agent = entityOfRecipient(ctx.services, { type: 'systemuser', id: d.agentSystemUserId });
          const facilitator = ctx.services.register.organisation(d.facilitatorOrgNo);
          if (!agent || !facilitator || (filterId !== undefined && !same(filterId, entityId(agent)))) continue;
          for (const p of d.packages) {
            permit(p.code, {
              from: compactEntity({ kind: 'organisation', org: party }), to: compactEntity(agent),
              via: compactEntity({ kind: 'organisation', org: facilitator }), role: compactRole('agent'),
              viaRole: compactRole(p.role), reason: accessReason('client-delegation'),
            });
          }
        }
      }
      return paged([...byPackage.entries()].flatMap(([code, permissions]) => {
        const pkg = ctx.services.catalogue.find(code);
        return pkg ? [{ package: compactPackage(pkg), permissions }] : [];
      }));
    });

  /** POST connections/accesspackages: grant one package from the party to `to` → 200 AssignmentPackageDto (idempotent). */
  app.post<{ Querystring: PackagePostQuery; Body: PersonInput | null | undefined }>(`${BASE}/accesspackages`,
    { onRequest: writeToOthers, schema: { querystring: s.packagesPostQuery, body: s.personInputBody } },
    async function addPackage(request) {
      const q = request.query;
      const pid = personPidOf(request);
      const party = administeredParty(ctx, request, q.party);
      const { pkg, param } = namedPackage(ctx, q);
      const to = recipientEntity(ctx, party, q.to, request.body);
      checkConnectionExists(ctx, party, to);
      checkMayAssign(ctx, pid, party, to, pkg, param);
      const assignment = ctx.access.addPackage(party.orgNo, recipientOf(to), pkg.code);
      return { id: assignmentPackageId(assignment.id, pkg.id), assignmentId: assignment.id, packageId: pkg.id };
    });

  /** DELETE connections/accesspackages: take one package off the rettighetshaver assignment (and off client delegations) → 204. */
  app.delete<{ Querystring: PackageDeleteQuery }>(`${BASE}/accesspackages`,
    { onRequest: writeBidirectional, schema: { querystring: s.packagesDeleteQuery } },
    async function removePackage(request, reply: FastifyReply) {
      const q = request.query;
      administeredParty(ctx, request, q.party);
      checkPartyIsFromOrTo(q.party, q.from, q.to);
      const { pkg } = namedPackage(ctx, q);
      const { from, to } = existingEntities(ctx, q.from, q.to);
      if (from.kind === 'organisation') ctx.access.removePackage(from.org.orgNo, recipientOf(to), pkg.code);
      return reply.code(204).send();
    });
}
