// System register, vendor API (docs/contracts/altinn-authentication.md §2): POST/GET vendor, GET/PUT/DELETE
// vendor/{systemId}, PUT vendor/{systemId}/rights and /accesspackages, GET vendor/{systemId}/changelog.
// Each handler runs the contract's checks in the contract's order (§2.1, §2.3).

import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive, type FaultConfig } from '../../faults.ts';
import { Forbidden, NotFound, PlainProblem, PlainTextError, type ValidationErrorItem } from '../../platform/errors.ts';
import type { Right } from '../../platform/model.ts';
import { clientIdOf, hasSystemRegisterAdmin, vendorOrgNoOf } from './access.ts';
import { PACKAGE_URN_PREFIX, RESOURCE_ATTRIBUTE, type AuthContext } from './context.ts';
import { changeLogEntry, registeredSystemDto, registeredSystemResponse } from './dto.ts';
import { validationProblem, vld, VLD_PATH } from './problems.ts';
import { isSafeRedirectUrl } from './redirect-urls.ts';
import type { StoredSystem, SystemChangeType } from './store.ts';

export interface RightInput {
  action?: string | null;
  resource: Array<{ id: string; value: string }>;
}

export interface AccessPackageInput {
  urn?: string | null;
}

export interface RegisterSystemBody {
  id: string;
  vendor: { authority?: string | null; ID: string };
  name: Record<string, string>;
  description: Record<string, string>;
  rights?: RightInput[] | null;
  accessPackages?: AccessPackageInput[] | null;
  clientId?: string[] | null;
  isVisible?: boolean;
  allowedRedirectUrls?: string[] | null;
}

type SystemIdRequest = FastifyRequest<{ Params: { systemId: string } }>;
type SystemIdBodyRequest<B> = FastifyRequest<{ Params: { systemId: string }; Body: B }>;

/** Resource types a system may carry rights to (docs/contracts/altinn-authentication.md §2.3, VLD-17). */
const DELEGABLE_RESOURCE_TYPES = new Set(
  ['AltinnApp', 'Systemresource', 'Default', 'CorrespondenceService', 'BrokerService', 'GenericAccessResource', 'MigratedApp'].map((t) =>
    t.toLowerCase(),
  ),
);

/** Rights as stored: only the contract's members; a null action is left out. */
export function toRights(input: RightInput[] | null | undefined): Right[] {
  return (input ?? []).map((r) => ({
    ...(typeof r.action === 'string' ? { action: r.action } : {}),
    resource: r.resource.map((p) => ({ id: p.id, value: p.value })),
  }));
}

function toPackages(input: AccessPackageInput[] | null | undefined): Array<{ urn: string }> {
  return (input ?? []).map((p) => ({ urn: p.urn ?? '' }));
}

// ---- checks (docs/contracts/altinn-authentication.md §2.3) -------------------------------------------------------

/**
 * §2.3 step 1: `vendor.ID` must be `0192:<orgno>`; otherwise VLD-00 alone. Altinn checks only the
 * `0192` prefix and then fails with a 500 on `0192` without an org number; the reference is strict
 * and requires nine digits after the prefix.
 */
function checkVendorIdentifier(vendorId: string): string {
  const m = /^0192:(\d{9})$/.exec(vendorId);
  if (!m?.[1]) throw validationProblem([vld('AUTH.VLD-00000', VLD_PATH.vendorId)]);
  return m[1];
}

/** §2.3 VLD-13: no spaces in the id (leading and trailing ones are trimmed away before this check). */
function checkSystemIdSpaces(id: string, errors: ValidationErrorItem[]): void {
  if (/\s/.test(id)) errors.push(vld('AUTH.VLD-00013', VLD_PATH.systemId));
}

/** §2.3 VLD-01: the part of the id before the first `_` is the vendor org number. */
function checkSystemIdPrefix(id: string, vendorOrgNo: string, errors: ValidationErrorItem[]): void {
  if (id.split('_')[0] !== vendorOrgNo) errors.push(vld('AUTH.VLD-00001', VLD_PATH.systemId));
}

/** §2.3 VLD-02: ids are unique among all systems, deleted ones included. */
function checkSystemIdUnique(ctx: AuthContext, id: string, errors: ValidationErrorItem[]): void {
  if (ctx.store.systems.has(id)) errors.push(vld('AUTH.VLD-00002', VLD_PATH.systemId));
}

/**
 * §2.3 VLD-05: every redirect URL is an absolute https URL (redirect-urls.ts). Altinn checks it on POST
 * only; the reference checks PUT as well, so an update cannot smuggle a `javascript:` URL in.
 */
function checkRedirectUrls(urls: string[], errors: ValidationErrorItem[], config?: FaultConfig): void {
  // Fault systemregister-godta-http-redirect (selfcheck): plain http is accepted as well.
  const httpToo = faultActive(config, 'systemregister-godta-http-redirect');
  const valid = urls.every((u) => isSafeRedirectUrl(u) || (httpToo && isSafeRedirectUrl(u.replace(/^http:/i, 'https:'))));
  if (!valid) errors.push(vld('AUTH.VLD-00005', VLD_PATH.allowedRedirectUrls));
}

/** §2.3 VLD-04 (POST): no client id may already belong to an active system. */
function checkClientIdsFree(ctx: AuthContext, clientIds: string[], errors: ValidationErrorItem[]): void {
  if (clientIds.some((c) => ctx.store.systems.activeSystemWithClientId(c) !== undefined)) {
    errors.push(vld('AUTH.VLD-00004', VLD_PATH.clientId));
  }
}

/**
 * §2.3 rights: resource attribute id exactly `urn:altinn:resource` (VLD-09), resource found in the
 * resource registry (VLD-03), of a delegable resource type (VLD-17), no duplicate rights (VLD-06).
 * The offending resource ids are joined with " | " in the extension member Altinn names.
 */
function checkRights(ctx: AuthContext, rights: Right[], errors: ValidationErrorItem[]): void {
  const invalidFormat: string[] = [];
  const notFound: string[] = [];
  const notDelegable: string[] = [];
  for (const right of rights) {
    for (const pair of right.resource) {
      if (pair.id !== RESOURCE_ATTRIBUTE) {
        invalidFormat.push(pair.value);
        continue;
      }
      const resource = ctx.services.resources.resource(pair.value);
      if (!resource) notFound.push(pair.value);
      else if (!DELEGABLE_RESOURCE_TYPES.has(resource.resourceType.toLowerCase())) notDelegable.push(pair.value);
    }
  }
  if (invalidFormat.length > 0) {
    errors.push(vld('AUTH.VLD-00009', VLD_PATH.rightsResource, { 'Invalid Resource Id Details : ': invalidFormat.join(' | ') }));
  }
  if (notFound.length > 0) {
    errors.push(vld('AUTH.VLD-00003', VLD_PATH.rightsResource, { 'ResourceIds Not Found : ': notFound.join(' | ') }));
  }
  if (notDelegable.length > 0) {
    errors.push(vld('AUTH.VLD-00017', VLD_PATH.rightsResource, { 'ResourceIds Not Delegable : ': notDelegable.join(' | ') }));
  }
  const keys = rights.map((r) => `${r.action ?? ''}:${r.resource.map((p) => `${p.id}:${p.value}`).join(',')}`);
  if (new Set(keys).size !== keys.length) errors.push(vld('AUTH.VLD-00006', VLD_PATH.rightsResource));
}

/**
 * §2.3 packages: a URN of at least four colon-separated parts that names a package in the catalogue,
 * delegable or assignable (VLD-08, details in "Invalid Urn Details : "); no duplicates (VLD-07);
 * `isVisible:true` only with assignable packages (VLD-18). The reference looks packages up by their
 * full `urn:altinn:accesspackage:` URN only, as Altinn's metadata lookup by URN does.
 */
function checkAccessPackages(ctx: AuthContext, packages: Array<{ urn: string }>, isVisible: boolean, errors: ValidationErrorItem[]): void {
  const invalidFormat: string[] = [];
  const notFound: string[] = [];
  const notDelegable: string[] = [];
  let nonAssignable = 0;
  for (const { urn } of packages) {
    if (!urn || urn.split(':').length < 4) {
      invalidFormat.push(urn);
      continue;
    }
    const found = urn.startsWith(PACKAGE_URN_PREFIX) ? ctx.services.catalogue.find(urn) : undefined;
    if (!found || found.urn !== urn) {
      notFound.push(urn);
      continue;
    }
    if (!found.isDelegable && !found.isAssignable) notDelegable.push(urn);
    if (!found.isAssignable) nonAssignable += 1;
  }
  if (invalidFormat.length + notFound.length + notDelegable.length > 0) {
    const details: string[] = [];
    if (invalidFormat.length > 0) details.push(`Invalid format: ${invalidFormat.join(', ')}`);
    if (notFound.length > 0) details.push(`Not found: ${notFound.join(', ')}`);
    if (notDelegable.length > 0) details.push(`Not possible to delegate: ${notDelegable.join(', ')}`);
    errors.push(vld('AUTH.VLD-00008', VLD_PATH.accessPackages, { 'Invalid Urn Details : ': details.join(' | ') }));
  }
  const urns = packages.map((p) => p.urn);
  if (new Set(urns).size !== urns.length) errors.push(vld('AUTH.VLD-00007', VLD_PATH.accessPackages));
  if (isVisible && nonAssignable > 0) errors.push(vld('AUTH.VLD-00018', VLD_PATH.accessPackages));
}

/** §2.1 PUT: no duplicate client ids in the body (VLD-11); none used by another active system (VLD-04, one per id). */
function checkClientIdsForUpdate(ctx: AuthContext, system: StoredSystem, clientIds: string[], errors: ValidationErrorItem[]): void {
  const lowered = clientIds.map((c) => c.toLowerCase());
  if (new Set(lowered).size !== lowered.length) errors.push(vld('AUTH.VLD-00011', VLD_PATH.clientId));
  for (const clientId of clientIds) {
    if (ctx.store.systems.activeSystemWithClientId(clientId, system.id)) errors.push(vld('AUTH.VLD-00004', VLD_PATH.clientId));
  }
}

/** §1: the caller owns the system (its consumer org is the vendor) or holds the admin scope; otherwise 403. */
function requireWriteAccess(request: FastifyRequest, vendorOrgNo: string): void {
  if (hasSystemRegisterAdmin(request)) return;
  if (vendorOrgNoOf(request) !== vendorOrgNo) throw new Forbidden('The caller does not own this system.');
}

/** §2.1 PUT: unknown system → 404 with Altinn's plain text. */
function notFoundText(systemId: string): PlainTextError {
  return new PlainTextError(404, `System with ID '${systemId}' not found.`);
}

/** §2.1: updates of a deleted system → 400 with Altinn's plain text. */
function requireNotDeleted(system: StoredSystem): void {
  if (system.isDeleted) throw new PlainTextError(400, 'Cannot update a system marked as deleted.');
}

function logChange(ctx: AuthContext, request: FastifyRequest, system: StoredSystem, changeType: SystemChangeType, changedData: unknown): void {
  ctx.store.systems.log({
    systemInternalId: system.internalId,
    changedByOrgNumber: vendorOrgNoOf(request),
    changeType,
    changedData,
    clientId: clientIdOf(request),
    created: new Date().toISOString(),
  });
}

const UPDATED = { succeeded: true } as const;

// ---- handlers -------------------------------------------------------------------------------------

export function systemRegisterHandlers(ctx: AuthContext) {
  return {
    /** POST vendor: 200 with the new internal GUID as a JSON string (§2.1), checks in the order of §2.3. */
    async create(request: FastifyRequest<{ Body: RegisterSystemBody }>, reply: FastifyReply) {
      const body = request.body;
      const vendorOrgNo = checkVendorIdentifier(body.vendor.ID); // §2.3 step 1: VLD-00 alone
      const rights = toRights(body.rights);
      const packages = toPackages(body.accessPackages);
      const clientIds = body.clientId ?? [];
      const redirectUrls = body.allowedRedirectUrls ?? [];
      const isVisible = body.isVisible ?? true;

      const errors: ValidationErrorItem[] = []; // §2.3 step 2: gather
      checkSystemIdSpaces(body.id, errors);
      checkSystemIdPrefix(body.id, vendorOrgNo, errors);
      checkSystemIdUnique(ctx, body.id, errors);
      checkRedirectUrls(redirectUrls, errors, ctx.config);
      checkClientIdsFree(ctx, clientIds, errors);
      checkRights(ctx, rights, errors);
      checkAccessPackages(ctx, packages, isVisible, errors);

      requireWriteAccess(request, vendorOrgNo); // §2.3 step 3: the owner check before the gathered errors
      if (errors.length > 0) throw validationProblem(errors);

      const now = new Date().toISOString();
      const system: StoredSystem = {
        id: body.id,
        internalId: randomUUID(),
        vendorOrgNo,
        name: { ...body.name },
        description: { ...body.description },
        rights,
        accessPackages: packages,
        clientId: [...clientIds],
        allowedRedirectUrls: [...redirectUrls],
        isVisible,
        isDeleted: false,
        created: now,
        lastChanged: now,
      };
      // §2.1: a unique violation is 409 with plain text (normally caught by VLD-02 above).
      if (!ctx.store.systems.insert(system)) throw new PlainTextError(409, `The System already exist: ${body.id}`);
      logChange(ctx, request, system, 'create', body);
      return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(system.internalId));
    },

    /** GET vendor: the consumer's non-deleted systems (§2.1); 403 without a consumer. */
    async list(request: FastifyRequest, reply: FastifyReply) {
      const vendorOrgNo = vendorOrgNoOf(request);
      if (!vendorOrgNo) throw new Forbidden('The token has no consumer organisation number.');
      return reply.send(ctx.store.systems.listByVendor(vendorOrgNo).map(registeredSystemDto));
    },

    /** GET vendor/{systemId}: deleted systems are returned too (§2.1). */
    async get(request: SystemIdRequest, reply: FastifyReply) {
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system) throw new NotFound(`System with ID '${request.params.systemId}' not found.`);
      requireWriteAccess(request, system.vendorOrgNo);
      return reply.send(registeredSystemResponse(system));
    },

    /** PUT vendor/{systemId}: full replace, checks in the order of §2.1 PUT; PUT does not re-check the id format; it checks the redirect URLs (stricter than Altinn). */
    async update(request: SystemIdBodyRequest<RegisterSystemBody>, reply: FastifyReply) {
      const { systemId } = request.params;
      const body = request.body;
      const system = ctx.store.systems.get(systemId);
      if (!system) throw notFoundText(systemId); // unknown → 404 text
      requireWriteAccess(request, system.vendorOrgNo); // owner check first, then 403
      if (body.vendor.ID !== `0192:${system.vendorOrgNo}`) throw notFoundText(systemId); // body vendor ≠ stored → 404
      if (body.id !== systemId) throw validationProblem([vld('AUTH.VLD-00012', VLD_PATH.systemId)]);
      requireNotDeleted(system);

      const rights = toRights(body.rights);
      const packages = toPackages(body.accessPackages);
      const clientIds = body.clientId ?? [];
      const isVisible = body.isVisible ?? true;
      const errors: ValidationErrorItem[] = [];
      checkRights(ctx, rights, errors);
      checkAccessPackages(ctx, packages, isVisible, errors);
      checkClientIdsForUpdate(ctx, system, clientIds, errors);
      // Stricter than Altinn (redirect-urls.ts); fault redirect-url-ikke-https-lagres (selfcheck) skips it.
      if (!faultActive(ctx.config, 'redirect-url-ikke-https-lagres')) checkRedirectUrls(body.allowedRedirectUrls ?? [], errors, ctx.config);
      if (errors.length > 0) throw validationProblem(errors);

      const updated: StoredSystem = {
        ...system,
        name: { ...body.name },
        description: { ...body.description },
        rights,
        accessPackages: packages,
        clientId: [...clientIds],
        allowedRedirectUrls: [...(body.allowedRedirectUrls ?? [])],
        isVisible,
        lastChanged: new Date().toISOString(),
      };
      ctx.store.systems.replace(updated);
      logChange(ctx, request, updated, 'update', body);
      return reply.send(UPDATED);
    },

    /**
     * PUT vendor/{systemId}/rights. Altinn fails with a 500 on an unknown system; the reference answers
     * 404 with the text of PUT vendor/{systemId}.
     */
    async updateRights(request: SystemIdBodyRequest<RightInput[]>, reply: FastifyReply) {
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system) throw notFoundText(request.params.systemId);
      requireWriteAccess(request, system.vendorOrgNo);
      requireNotDeleted(system);
      const rights = toRights(request.body);
      const errors: ValidationErrorItem[] = [];
      checkRights(ctx, rights, errors);
      if (errors.length > 0) throw validationProblem(errors);
      const updated: StoredSystem = { ...system, rights, lastChanged: new Date().toISOString() };
      ctx.store.systems.replace(updated);
      logChange(ctx, request, updated, 'rightsupdate', request.body);
      return reply.send(UPDATED);
    },

    /** PUT vendor/{systemId}/accesspackages: the VLD-18 rule uses the stored isVisible (§2.1). Unknown system as /rights. */
    async updateAccessPackages(request: SystemIdBodyRequest<AccessPackageInput[]>, reply: FastifyReply) {
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system) throw notFoundText(request.params.systemId);
      requireWriteAccess(request, system.vendorOrgNo);
      requireNotDeleted(system);
      const packages = toPackages(request.body);
      const errors: ValidationErrorItem[] = [];
      checkAccessPackages(ctx, packages, system.isVisible, errors);
      if (errors.length > 0) throw validationProblem(errors);
      const updated: StoredSystem = { ...system, accessPackages: packages, lastChanged: new Date().toISOString() };
      ctx.store.systems.replace(updated);
      logChange(ctx, request, updated, 'accesspackageupdate', request.body);
      return reply.send(UPDATED);
    },

    /**
     * DELETE vendor/{systemId}: soft delete; the system's client ids are released (§2.1). Unknown → 400
     * (Altinn's ASP.NET validation problem "System not found"). Deleting an already deleted system is 400
     * (Altinn finds no client id mapping to delete and answers a bare 400). Altinn also answers 400 for a
     * first delete of a system without client ids; the reference deletes it.
     */
    async remove(request: SystemIdRequest, reply: FastifyReply) {
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system) throw new PlainProblem(400, 'One or more validation errors occurred.', 'System not found');
      requireWriteAccess(request, system.vendorOrgNo);
      if (system.isDeleted) throw new PlainProblem(400, 'Bad Request', 'The system is already deleted.');
      const deleted: StoredSystem = { ...system, isDeleted: true, clientId: [], lastChanged: new Date().toISOString() };
      ctx.store.systems.replace(deleted);
      logChange(ctx, request, deleted, 'delete', undefined);
      return reply.send(UPDATED);
    },

    /** GET vendor/{systemId}/changelog: 404 text if unknown, then the owner check (§2.1). */
    async changelog(request: SystemIdRequest, reply: FastifyReply) {
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system) throw new PlainTextError(404, `System with ID ${request.params.systemId} not found.`);
      requireWriteAccess(request, system.vendorOrgNo);
      return reply.send(ctx.store.systems.changes(system.internalId).map(changeLogEntry));
    },
  };
}
