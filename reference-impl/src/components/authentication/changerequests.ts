// Change requests on standard system users (docs/contracts/change-requests.md): the vendor asks for
// rights or access packages to be added (required) or removed (unwanted); a person who is access
// manager of the system user's party approves or rejects. On approval the system user's grants change,
// so the PDP's decisions follow.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive } from '../../faults.ts';
import { PlainTextError, Unauthorized } from '../../platform/errors.ts';
import type { Organisation, Right } from '../../platform/model.ts';
import { partyOrganisation, personPackages, personPidOf, requireAccessManager, requireRelation, requireVendorForCreate, requireVendorForRead, type PartyStanding } from './access.ts';
import type { AuthContext } from './context.ts';
import { changeRequestResponse, changeRequestResponseInternal } from './dto.ts';
import { checkPersonHoldsPackages, checkPersonMayDelegateRights } from './enduser.ts';
import { decodeToken, paginate, type Paginated } from './paging.ts';
import { authProblem } from './problems.ts';
import { checkPackagesInSystem, checkRedirectUrl, checkRightsInSystem, requestKey } from './requests.ts';
import type { StoredChangeRequest, StoredSystem, StoredSystemUser } from './store.ts';
import { toRights, type AccessPackageInput, type RightInput } from './systemregister.ts';

export interface ChangeRequestBody {
  requiredRights?: RightInput[] | null;
  unwantedRights?: RightInput[] | null;
  requiredAccessPackages?: AccessPackageInput[] | null;
  unwantedAccessPackages?: AccessPackageInput[] | null;
  redirectUrl?: string | null;
}

export interface ChangeRequestQuery {
  'correlation-id'?: string;
  'system-user-id'?: string;
}

type CreateRequest = FastifyRequest<{ Body: ChangeRequestBody; Querystring: ChangeRequestQuery }>;
type RequestIdRequest = FastifyRequest<{ Params: { requestId: string } }>;
type PartyRequestRequest = FastifyRequest<{ Params: { party: string; requestId: string } }>;
type ByExternalRefRequest = FastifyRequest<{ Params: { systemId: string; orgNo: string; externalRef: string } }>;
type BySystemRequest = FastifyRequest<{ Params: { systemId: string }; Querystring: { token?: string } }>;

const toPackages = (input: AccessPackageInput[] | null | undefined): Array<{ urn: string }> => (input ?? []).map((p) => ({ urn: p.urn ?? '' }));

/** Two rights are the same when their actions are equal and their attribute pairs are the same set. */
function sameRight(a: Right, b: Right): boolean {
  return (a.action ?? undefined) === (b.action ?? undefined) &&
    a.resource.length === b.resource.length &&
    b.resource.every((p) => a.resource.some((q) => q.id === p.id && q.value === p.value));
}

/** The system of a change request's system user, if it is active and the caller's. */
function vendorSystem(ctx: AuthContext, systemId: string, vendorOrgNo: string): StoredSystem | undefined {
  const system = ctx.store.systems.get(systemId);
  return system && !system.isDeleted && system.vendorOrgNo === vendorOrgNo ? system : undefined;
}

/** A change request of the party (unknown → 404 AUTH-00010; another org's → 403 AUTH-00041), as requests do. */
function partyChangeRequest(ctx: AuthContext, requestId: string, org: Organisation): StoredChangeRequest {
  const found = ctx.store.changeRequests.get(requestId);
  if (!found) throw authProblem('AUTH-00010');
  if (found.partyOrgNo !== org.orgNo) throw authProblem('AUTH-00041');
  return found;
}

/** The active standard system user a change request is for → else 404 AUTH-00015. */
function changedSystemUser(ctx: AuthContext, found: StoredChangeRequest): StoredSystemUser {
  const user = ctx.store.systemUsers.getActive(found.systemUserId);
  if (!user || user.userType !== 'standard') throw authProblem('AUTH-00015');
  return user;
}

/**
 * The change itself: the required packages and rights are granted from the party, the unwanted ones
 * revoked (what is already there, or already gone, is skipped), and the system user's own record (the
 * end-user detail lists its packages and rights) follows.
 */
function applyChange(ctx: AuthContext, org: Organisation, user: StoredSystemUser, found: StoredChangeRequest): void {
  const access = ctx.services.access;
  const requiredUrns = found.requiredAccessPackages.map((p) => p.urn);
  if (requiredUrns.length > 0) access.assignToSystemUser(org.orgNo, user.id, requiredUrns);
  if (found.requiredRights.length > 0) access.assignRightsToSystemUser(org.orgNo, user.id, found.requiredRights);
  // An unwanted package that is not in the catalogue cannot be held: skip it rather than fail.
  const unwantedUrns = found.unwantedAccessPackages.map((p) => p.urn).filter((urn) => ctx.services.catalogue.find(urn)?.urn === urn);
  access.revokeFromSystemUser(org.orgNo, user.id, unwantedUrns, found.unwantedRights);

  // The system user's own record (the end-user detail lists its packages and rights).
  const unwanted = new Set(found.unwantedAccessPackages.map((p) => p.urn));
  const packages = user.accessPackages.filter((p) => !unwanted.has(p.urn));
  for (const urn of requiredUrns) if (!packages.some((p) => p.urn === urn)) packages.push({ urn });
  user.accessPackages = packages;
  const rights = user.rights.filter((r) => !found.unwantedRights.some((u) => sameRight(r, u)));
  for (const r of found.requiredRights) if (!rights.some((x) => sameRight(x, r))) rights.push({ ...r, resource: r.resource.map((p) => ({ ...p })) });
  user.rights = rights;
}

/** A change request as a person reads it: the change request, its party and the person's standing there. */
export interface PersonChangeRequestView {
  found: StoredChangeRequest;
  org: Organisation;
  standing: PartyStanding;
}

/**
 * What a person can do with a change request, without the HTTP around it (Authentication's end-user
 * routes, the reference portal and the Access Management BFF all call these). The access-manager rule is
 * the one request approval uses (access.ts requireAccessManager); nothing is written before every check
 * passed.
 */
export function endUserChangeRequestActions(ctx: AuthContext) {
  return {
    /** Read by id: 404 AUTH-00010, 400 AUTH-00000, 403 AUTH-00066 (no relation to the party). */
    read(pid: string, requestId: string): PersonChangeRequestView {
      const found = ctx.store.changeRequests.get(requestId);
      if (!found) throw authProblem('AUTH-00010');
      const org = ctx.services.register.organisation(found.partyOrgNo);
      if (!org) throw authProblem('AUTH-00000');
      const standing = requireRelation(ctx, pid, org);
      return { found, org, standing };
    },

    /** Read in a party: a change request of another org → 404 AUTH-00010. */
    readInParty(pid: string, party: string, requestId: string): StoredChangeRequest {
      const org = partyOrganisation(ctx, party);
      requireRelation(ctx, pid, org);
      const found = ctx.store.changeRequests.get(requestId);
      if (!found || found.partyOrgNo !== org.orgNo) throw authProblem('AUTH-00010');
      return found;
    },

    /** Reject: the change request becomes Rejected; the system user is left as it is. */
    reject(pid: string, party: string, requestId: string): void {
      const org = partyOrganisation(ctx, party); // 400 AUTH-00000
      requireAccessManager(ctx, pid, org); // 403 AUTH-00066
      const found = partyChangeRequest(ctx, requestId, org); // 404 AUTH-00010, 403 AUTH-00041
      if (found.status !== 'New') throw authProblem('AUTH-00013'); // 409
      found.status = 'Rejected';
      // Fault endring-avvist-gir-tilgang (selfcheck): the rejection changes the system user all the same.
      if (faultActive(ctx.config, 'endring-avvist-gir-tilgang')) {
        const user = ctx.store.systemUsers.getActive(found.systemUserId);
        if (user) applyChange(ctx, org, user, found);
      }
    },

    /**
     * Approve: the required packages and rights are granted from the party, the unwanted ones revoked
     * (what is already there, or already gone, is skipped), and the change request becomes Accepted.
     */
    approve(pid: string, party: string, requestId: string): void {
      const org = partyOrganisation(ctx, party); // 400 AUTH-00000
      requireAccessManager(ctx, pid, org); // 403 AUTH-00066
      const found = partyChangeRequest(ctx, requestId, org); // 404 AUTH-00010, 403 AUTH-00041
      if (found.status !== 'New') throw authProblem('AUTH-00013'); // 409
      const user = changedSystemUser(ctx, found); // 404 AUTH-00015
      const system = ctx.store.systems.get(found.systemId);
      if (!system || system.isDeleted) throw authProblem('AUTH-00011');
      // The system may have changed since the change request was made: re-check what is to be added.
      if (found.requiredRights.length > 0) checkRightsInSystem(system, found.requiredRights); // 400 AUTH-00001
      if (found.requiredAccessPackages.length > 0) checkPackagesInSystem(ctx, system, found.requiredAccessPackages, 'standard'); // 400 AUTH-00063/64
      const held = personPackages(ctx, pid, org.orgNo);
      checkPersonMayDelegateRights(ctx, held, found.requiredRights); // 403 AUTH-00068/70/71
      checkPersonHoldsPackages(held, found.requiredAccessPackages); // 400 AUTH-00053

      // Fault endring-godkjent-uten-tilgang (selfcheck): the change request is Accepted, but nothing changes.
      if (!faultActive(ctx.config, 'endring-godkjent-uten-tilgang')) applyChange(ctx, org, user, found);
      found.status = 'Accepted';
    },
  };
}

export function changeRequestHandlers(ctx: AuthContext) {
  const respond = (c: StoredChangeRequest) => changeRequestResponse(ctx.config.publicUrl, c);
  const actions = endUserChangeRequestActions(ctx);

  /** The caller's change request by id: unknown or deleted → 404 AUTH-00010; not the caller's system → 404 AUTH-00011. */
  function vendorChangeRequest(id: string, vendorOrgNo: string): StoredChangeRequest {
    const found = ctx.store.changeRequests.get(id);
    if (!found) throw authProblem('AUTH-00010');
    if (!vendorSystem(ctx, found.systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
    return found;
  }

  return {
    /**
     * POST vendor?correlation-id=&system-user-id= (docs/contracts/change-requests.md §2), in this order:
     * correlation-id missing, empty or equal to system-user-id → 400 plain text; no vendor in the token →
     * 401 AUTH-00023; a stored change request with this id → 200 with it, whatever the body says; the
     * system user unknown or an agent → 404 AUTH-00015; its vendor not the caller → 401; all four lists
     * empty → 200 NoChangeNeeded (not stored); the redirect and the *required* rights and packages are
     * checked as for requests; 201.
     */
    async create(request: CreateRequest, reply: FastifyReply) {
      const correlationId = request.query['correlation-id'] ?? '';
      const systemUserId = request.query['system-user-id'] ?? '';
      if (correlationId === '') throw new PlainTextError(400, 'correlation-id is required');
      if (correlationId.toLowerCase() === systemUserId.toLowerCase()) throw new PlainTextError(400, 'correlation-id must differ from system-user-id');
      const vendorOrgNo = requireVendorForCreate(request);
      const stored = ctx.store.changeRequests.getIncludingDeleted(correlationId);
      if (stored && stored.vendorOrgNo === vendorOrgNo && !stored.isDeleted) return reply.code(200).send(respond(stored));
      // A correlation id is used once: another vendor's, or a deleted one, is refused without saying which.
      if (stored) throw new Unauthorized('The correlation-id is not available to this vendor.');
      const user = systemUserId === '' ? undefined : ctx.store.systemUsers.getActive(systemUserId);
      if (!user || user.userType !== 'standard') throw authProblem('AUTH-00015');
      if (user.supplierOrgno !== vendorOrgNo) throw new Unauthorized("The system user's vendor is not the caller.");

      const body = request.body ?? {};
      const requiredRights = toRights(body.requiredRights);
      const unwantedRights = toRights(body.unwantedRights);
      const requiredAccessPackages = toPackages(body.requiredAccessPackages);
      const unwantedAccessPackages = toPackages(body.unwantedAccessPackages);
      const changeRequest: StoredChangeRequest = {
        id: correlationId.toLowerCase(),
        vendorOrgNo,
        systemUserId: user.id,
        systemId: user.systemId,
        partyOrgNo: user.reporteeOrgNo,
        externalRef: user.externalRef,
        requiredRights,
        unwantedRights,
        requiredAccessPackages,
        unwantedAccessPackages,
        status: 'New',
        redirectUrl: body.redirectUrl ?? undefined,
        created: new Date().toISOString(),
        isDeleted: false,
      };
      if (requiredRights.length + unwantedRights.length + requiredAccessPackages.length + unwantedAccessPackages.length === 0) {
        return reply.code(200).send(respond({ ...changeRequest, status: 'NoChangeNeeded' }));
      }
      const system = ctx.store.systems.get(user.systemId);
      if (!system || system.isDeleted) throw authProblem('AUTH-00011');
      checkRedirectUrl(system, body.redirectUrl, ctx.config); // 400 AUTH-00026 / AUTH-00021
      if (requiredRights.length > 0) checkRightsInSystem(system, requiredRights); // 400 AUTH-00001
      if (requiredAccessPackages.length > 0) checkPackagesInSystem(ctx, system, requiredAccessPackages, 'standard'); // 400 AUTH-00063/64
      ctx.store.changeRequests.insert(changeRequest);
      return reply.code(201).send(respond(changeRequest));
    },

    /** GET vendor/{requestId}: 404 AUTH-00010, 404 AUTH-00011. */
    async get(request: RequestIdRequest, reply: FastifyReply) {
      return reply.send(respond(vendorChangeRequest(request.params.requestId, requireVendorForRead(request))));
    },

    /** GET vendor/byexternalref/{systemId}/{orgNo}/{externalRef}: the newest change request for the key; 404 AUTH-00010, then 404 AUTH-00011. */
    async getByExternalRef(request: ByExternalRefRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const { systemId, orgNo, externalRef } = request.params;
      const found = ctx.store.changeRequests.findByKey(requestKey(systemId, orgNo, externalRef));
      if (!found) throw authProblem('AUTH-00010');
      if (!vendorSystem(ctx, systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
      return reply.send(respond(found));
    },

    /** GET vendor/bysystem/{systemId}[?token=]: paged in id order; system unknown or not the caller's → 404 AUTH-00011. */
    async listBySystem(request: BySystemRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const { systemId } = request.params;
      const after = decodeToken<string>(request.query.token, 'string');
      if (!vendorSystem(ctx, systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
      const { page, next } = paginate(request, ctx.config.publicUrl, ctx.store.changeRequests.listBySystem(systemId), (c) => c.id, after);
      const body: Paginated<ReturnType<typeof respond>> = { links: { next }, data: page.map(respond) };
      return reply.send(body);
    },

    /** DELETE vendor/{requestId}: soft delete, 202 empty; unknown, deleted or another vendor's → 404 AUTH-00010 (strict, as requests). */
    async remove(request: RequestIdRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForCreate(request);
      const found = ctx.store.changeRequests.get(request.params.requestId);
      if (!found || found.vendorOrgNo !== vendorOrgNo) throw authProblem('AUTH-00010');
      found.isDeleted = true;
      return reply.code(202).send();
    },

    /** GET changerequest/{requestId} (end-user, what the BFF reads): ChangeRequestResponseInternal, with the party's ids. */
    async getForPerson(request: RequestIdRequest, reply: FastifyReply) {
      const { found, org } = actions.read(personPidOf(request), request.params.requestId);
      return reply.send(changeRequestResponseInternal(ctx.config.publicUrl, found, org));
    },

    /** GET changerequest/{party}/{requestId} (end-user). */
    async getInParty(request: PartyRequestRequest, reply: FastifyReply) {
      return reply.send(respond(actions.readInParty(personPidOf(request), request.params.party, request.params.requestId)));
    },

    /** POST changerequest/{party}/{requestId}/approve: 200 `true`. */
    async approve(request: PartyRequestRequest, reply: FastifyReply) {
      actions.approve(personPidOf(request), request.params.party, request.params.requestId);
      return reply.type('application/json; charset=utf-8').send('true');
    },

    /** POST changerequest/{party}/{requestId}/reject: 200 `true`. */
    async reject(request: PartyRequestRequest, reply: FastifyReply) {
      actions.reject(personPidOf(request), request.params.party, request.params.requestId);
      return reply.type('application/json; charset=utf-8').send('true');
    },
  };
}
