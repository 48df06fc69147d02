// The end-user side (docs/contracts/altinn-authentication.md §3.5, §5.2) for persons logged in through the ID-porten
// stand-in: read, approve and reject requests; list, read and delete the party's system users.
// `{party}` is the organisation's legacy integer party id.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive } from '../../faults.ts';
import type { Organisation, Right, SystemUserType } from '../../platform/model.ts';
import { packageCode, partyOrganisation, personPackages, personPidOf, requireAccessManager, requireRelation, type PartyStanding } from './access.ts';
import { RESOURCE_ATTRIBUTE, PACKAGE_URN_PREFIX, type AuthContext } from './context.ts';
import { requestResponseInternal, systemUserDetailInternal, systemUserInternal } from './dto.ts';
import { authProblem } from './problems.ts';
import { checkPackagesInSystem, checkRightsInSystem, requestKey } from './requests.ts';
import type { StoredRequest, StoredSystem, StoredSystemUser } from './store.ts';

type PartyRequestRequest = FastifyRequest<{ Params: { party: string; requestId: string } }>;
type RequestIdRequest = FastifyRequest<{ Params: { requestId: string } }>;
type PartyRequest = FastifyRequest<{ Params: { party: string } }>;
type PartySystemUserRequest = FastifyRequest<{ Params: { party: string; systemUserId: string } }>;
type AgentDeleteRequest = FastifyRequest<{ Params: { party: string; systemUserId: string }; Querystring: { facilitatorId?: string } }>;

// ---- checks ---------------------------------------------------------------------------------------

/**
 * The request of a party action (§3.5 ValidatePartyRequest): unknown → 404 AUTH-00010 (standard) or
 * AUTH-00030 (agent); a request for another org than the party → 403 AUTH-00041 / AUTH-00042.
 */
function partyRequest(ctx: AuthContext, requestId: string, org: Organisation, userType: SystemUserType): StoredRequest {
  const found = ctx.store.requests.get(requestId, userType);
  if (!found) throw authProblem(userType === 'agent' ? 'AUTH-00030' : 'AUTH-00010');
  if (found.partyOrgNo !== org.orgNo) throw authProblem(userType === 'agent' ? 'AUTH-00042' : 'AUTH-00041');
  return found;
}

/** §3.3: only a New request can be approved or rejected → 409 AUTH-00013. */
function requireNew(found: StoredRequest): void {
  if (found.status !== 'New') throw authProblem('AUTH-00013');
}

/** The request's system must still be registered and active → 404 AUTH-00011. */
function requestSystem(ctx: AuthContext, found: StoredRequest): StoredSystem {
  const system = ctx.store.systems.get(found.systemId);
  if (!system || system.isDeleted) throw authProblem('AUTH-00011');
  return system;
}

/** §3.3: one active system user per (systemId, orgno, externalRef) → 400 AUTH-00004. */
function checkNoSystemUserForKey(ctx: AuthContext, found: StoredRequest, org: Organisation): void {
  if (ctx.store.systemUsers.findActiveByKey(requestKey(found.systemId, org.orgNo, found.externalRef))) {
    throw authProblem('AUTH-00004');
  }
}

/**
 * The delegation check for single rights (§3.5, §7.4): the person can pass on a right only if it holds
 * it. For each resource of each right: a resource that is gone or not delegable → 403 AUTH-00070; a
 * Maskinporten schema → 403 AUTH-00071; the person holds none of the packages the resource policy
 * grants the action with (any action when the right names none) → 403 AUTH-00068 (missing package access).
 */
export function checkPersonMayDelegateRights(ctx: AuthContext, held: Set<string>, rights: Right[]): void {
  for (const right of rights) {
    for (const pair of right.resource) {
      if (pair.id !== RESOURCE_ATTRIBUTE) continue;
      const resource = ctx.services.resources.resource(pair.value);
      if (!resource || resource.delegable === false) throw authProblem('AUTH-00070');
      if (resource.resourceType.toLowerCase() === 'maskinportenschema') throw authProblem('AUTH-00071');
      const granting = resource.policy.rules
        .filter((rule) => (rule.effect ?? 'Permit') === 'Permit')
        .filter((rule) => right.action === undefined || rule.actions.includes(right.action))
        .flatMap((rule) => rule.subjects)
        .filter((subject) => subject.startsWith(PACKAGE_URN_PREFIX))
        .map(packageCode);
      if (!granting.some((code) => held.has(code))) throw authProblem('AUTH-00068');
    }
  }
}

/**
 * The delegation check for access packages (§3.5): the person must hold every requested package in the
 * party. Altinn's code answers a failed package delegation check with 400 AUTH-00053 ("The user does not
 * have enough access to delegate the requested access packages"); AUTH-00068 is what its single-right
 * delegation check gives, so the reference uses AUTH-00053 here and AUTH-00068 for rights.
 */
export function checkPersonHoldsPackages(held: Set<string>, packages: Array<{ urn: string }>): void {
  if (packages.some((p) => !held.has(packageCode(p.urn)))) throw authProblem('AUTH-00053');
}

/** The system user needs the system's Norwegian name when the request has no title (§2.2) → 404 AUTH-00017. */
function integrationTitleFor(found: StoredRequest, system: StoredSystem): string {
  const title = found.integrationTitle ?? system.name.nb;
  if (title === undefined) throw authProblem('AUTH-00017');
  return title;
}

/** The active system user of the party → else 404 AUTH-00015. */
function partySystemUser(ctx: AuthContext, systemUserId: string, org: Organisation): StoredSystemUser {
  const user = ctx.store.systemUsers.getActive(systemUserId);
  if (!user || user.partyId !== org.partyId) throw authProblem('AUTH-00015');
  return user;
}

/** Whether an agent system user still holds client delegations (they are deleted with it: docs/contracts/guards.md). */
function hasClientDelegations(ctx: AuthContext, user: StoredSystemUser): boolean {
  return ctx.services.access.clientDelegationsTo(user.id).length > 0;
}

// ---- actions (one rule, one place: the end-user routes, the portal's BFF and the AM BFF call these) ----

/** A request as a person reads it: the request, its party and the person's standing there. */
export interface PersonRequestView {
  found: StoredRequest;
  org: Organisation;
  standing: PartyStanding;
}

/**
 * What a person can do with a request (§3.3, §3.5), without the HTTP around it. Each throws the
 * Authentication problem of the first rule that fails; nothing is written before every check passed.
 */
export function endUserRequestActions(ctx: AuthContext) {
  return {
    /** Read by request id: 404 AUTH-00010, 400 AUTH-00000, 403 AUTH-00066. */
    readRequest(pid: string, requestId: string, userType: SystemUserType): PersonRequestView {
      const found = ctx.store.requests.get(requestId, userType);
      if (!found) throw authProblem('AUTH-00010');
      const org = ctx.services.register.organisation(found.partyOrgNo);
      if (!org) throw authProblem('AUTH-00000');
      const standing = requireRelation(ctx, pid, org);
      return { found, org, standing };
    },

    /** Reject: the request becomes Rejected and nothing is created. */
    reject(pid: string, party: string, requestId: string, userType: SystemUserType): void {
      const org = partyOrganisation(ctx, party); // 400 AUTH-00000
      requireAccessManager(ctx, pid, org); // 403 AUTH-00066
      const found = partyRequest(ctx, requestId, org, userType); // 404 / 403 party mismatch
      requireNew(found); // 409 AUTH-00013
      found.status = 'Rejected';
      // Fault avvist-gir-systembruker (selfcheck): the rejection creates the system user all the same.
      if (faultActive(ctx.config, 'avvist-gir-systembruker')) {
        const system = requestSystem(ctx, found);
        const user = newSystemUser(ctx, found, system, org, userType, integrationTitleFor(found, system));
        if (userType === 'standard' && found.accessPackages.length > 0) ctx.services.access.assignToSystemUser(org.orgNo, user.id, found.accessPackages.map((p) => p.urn));
        ctx.store.systemUsers.insert(user);
      }
    },

    /** Approve: standard or agent (below). */
    approve(pid: string, party: string, requestId: string, userType: SystemUserType): void {
      if (userType === 'standard') approveStandard(ctx, pid, party, requestId);
      else approveAgent(ctx, pid, party, requestId);
    },
  };
}

/**
 * Approve a standard request (§3.5): creates the standard system user with id = request id (§3.3),
 * grants the requested packages and rights from the party, marks the request Accepted.
 */
function approveStandard(ctx: AuthContext, pid: string, party: string, requestId: string): void {
  const org = partyOrganisation(ctx, party); // 400 AUTH-00000
  requireAccessManager(ctx, pid, org); // 403 AUTH-00066
  const found = partyRequest(ctx, requestId, org, 'standard'); // 404 AUTH-00010, 403 AUTH-00041
  requireNew(found); // 409 AUTH-00013
  const system = requestSystem(ctx, found); // 404 AUTH-00011
  checkNoSystemUserForKey(ctx, found, org); // 400 AUTH-00004
  // The system may have changed since the request was made: re-check it as Altinn does on approval.
  if (found.rights.length > 0) checkRightsInSystem(system, found.rights); // 400 AUTH-00001
  if (found.accessPackages.length > 0) checkPackagesInSystem(ctx, system, found.accessPackages, 'standard'); // 400 AUTH-00063/64
  const held = personPackages(ctx, pid, org.orgNo);
  checkPersonMayDelegateRights(ctx, held, found.rights); // 403 AUTH-00068/70/71
  checkPersonHoldsPackages(held, found.accessPackages); // 400 AUTH-00053
  const integrationTitle = integrationTitleFor(found, system); // 404 AUTH-00017

  const user = newSystemUser(ctx, found, system, org, 'standard', integrationTitle);
  const urns = found.accessPackages.map((p) => p.urn);
  try {
    if (urns.length > 0) ctx.services.access.assignToSystemUser(org.orgNo, user.id, urns);
    if (found.rights.length > 0) ctx.services.access.assignRightsToSystemUser(org.orgNo, user.id, found.rights);
  } catch (err) {
    ctx.services.access.revokeAllForSystemUser(user.id); // leave no half-granted system user behind
    throw err;
  }
  // Fault godkjent-uten-tilgangspakker (selfcheck): the system user is created and the request Accepted,
  // but the system user, as its owner reads it, holds none of the approved packages.
  if (faultActive(ctx.config, 'godkjent-uten-tilgangspakker')) user.accessPackages = [];
  ctx.store.systemUsers.insert(user);
  found.status = 'Accepted';
}

/**
 * Approve an agent request (§3.5): 404 AUTH-00030, 403 AUTH-00042, 409 AUTH-00013; creates the agent
 * system user (id = request id) owned by the party. Its packages reach it only through client
 * delegation, so nothing is granted here.
 */
function approveAgent(ctx: AuthContext, pid: string, party: string, requestId: string): void {
  const org = partyOrganisation(ctx, party);
  requireAccessManager(ctx, pid, org);
  const found = partyRequest(ctx, requestId, org, 'agent');
  requireNew(found);
  const system = requestSystem(ctx, found);
  checkNoSystemUserForKey(ctx, found, org);
  checkPackagesInSystem(ctx, system, found.accessPackages, 'agent'); // 400 AUTH-00063/65
  const integrationTitle = integrationTitleFor(found, system);
  ctx.store.systemUsers.insert(newSystemUser(ctx, found, system, org, 'agent', integrationTitle));
  found.status = 'Accepted';
}

// ---- handlers -------------------------------------------------------------------------------------

export function endUserHandlers(ctx: AuthContext) {
  const actions = endUserRequestActions(ctx);
  const internal = (r: StoredRequest, org: Organisation, mayOnlyEscalate: boolean) =>
    requestResponseInternal(ctx.config.publicUrl, r, org, mayOnlyEscalate);

  /** GET {requestId} and GET agent/{requestId}: 404 AUTH-00010, 400 AUTH-00000, 403 AUTH-00066 (§3.5). */
  function getRequest(userType: SystemUserType) {
    return async function getRequestForPerson(request: RequestIdRequest, reply: FastifyReply) {
      const { found, org, standing } = actions.readRequest(personPidOf(request), request.params.requestId, userType);
      return reply.send(internal(found, org, standing !== 'accessManager'));
    };
  }

  /** GET {party}/{requestId} and agent/{party}/{requestId}: a request of another org → 404 AUTH-00010 (§3.5). */
  function getPartyRequest(userType: SystemUserType) {
    return async function getPartyRequestForPerson(request: PartyRequestRequest, reply: FastifyReply) {
      const pid = personPidOf(request);
      const org = partyOrganisation(ctx, request.params.party);
      const standing = requireRelation(ctx, pid, org);
      const found = ctx.store.requests.get(request.params.requestId, userType);
      if (!found || found.partyOrgNo !== org.orgNo) throw authProblem('AUTH-00010');
      return reply.send(internal(found, org, standing !== 'accessManager'));
    };
  }

  /**
   * POST {party}/{requestId}/reject and agent/{party}/{requestId}/reject: 200 `true`; the request becomes
   * Rejected and nothing is created (§3.3, §3.5).
   */
  function reject(userType: SystemUserType) {
    return async function rejectRequest(request: PartyRequestRequest, reply: FastifyReply) {
      actions.reject(personPidOf(request), request.params.party, request.params.requestId, userType);
      return reply.type('application/json; charset=utf-8').send('true');
    };
  }

  function approve(userType: SystemUserType) {
    return async function approveRequest(request: PartyRequestRequest, reply: FastifyReply) {
      actions.approve(personPidOf(request), request.params.party, request.params.requestId, userType);
      return reply.type('application/json; charset=utf-8').send('true');
    };
  }

  return {
    getRequest: getRequest('standard'),
    getAgentRequest: getRequest('agent'),
    getPartyRequest: getPartyRequest('standard'),
    getAgentPartyRequest: getPartyRequest('agent'),
    rejectRequest: reject('standard'),
    rejectAgentRequest: reject('agent'),

    approveRequest: approve('standard'),
    approveAgentRequest: approve('agent'),

    /** GET systemuser/{party}: the party's active standard system users (SystemUserInternalDTO). */
    async listSystemUsers(request: PartyRequest, reply: FastifyReply) {
      const pid = personPidOf(request);
      const org = partyOrganisation(ctx, request.params.party);
      requireRelation(ctx, pid, org);
      return reply.send(ctx.store.systemUsers.listByParty(org.partyId, 'standard').map(systemUserInternal));
    },

    /** GET systemuser/{party}/{systemUserId}: the detail with packages and rights; another party's or unknown → 404 AUTH-00015. */
    async getSystemUser(request: PartySystemUserRequest, reply: FastifyReply) {
      const pid = personPidOf(request);
      const org = partyOrganisation(ctx, request.params.party);
      requireRelation(ctx, pid, org);
      return reply.send(systemUserDetailInternal(partySystemUser(ctx, request.params.systemUserId, org)));
    },

    /**
     * DELETE systemuser/{party}/{systemUserId} (§5.2, §3.3): soft delete, revoke everything the system user
     * holds, soft-delete its request so the key can be requested again; 202 `1`. Unknown or already
     * deleted: Altinn answers 404 with the body `0`; the reference answers 404 AUTH-00015 ("The SystemUser
     * was not found."). Another party's system user → 403 AUTH-00024; an agent one → 400 AUTH-00036.
     */
    async deleteSystemUser(request: PartySystemUserRequest, reply: FastifyReply) {
      const pid = personPidOf(request);
      const org = partyOrganisation(ctx, request.params.party);
      requireAccessManager(ctx, pid, org);
      const user = ctx.store.systemUsers.getActive(request.params.systemUserId);
      if (!user) throw authProblem('AUTH-00015');
      if (user.partyId !== org.partyId) throw authProblem('AUTH-00024');
      // Fault standard-sletting-godtar-klientsystembruker (selfcheck): the type is not checked.
      if (user.userType !== 'standard' && !faultActive(ctx.config, 'standard-sletting-godtar-klientsystembruker')) throw authProblem('AUTH-00036');
      ctx.services.access.revokeAllForSystemUser(user.id);
      user.isDeleted = true;
      const madeBy = ctx.store.requests.getAny(user.id);
      if (madeBy) madeBy.isDeleted = true;
      return reply.code(202).type('application/json; charset=utf-8').send('1');
    },

    /**
     * DELETE systemuser/agent/{party}/{systemUserId}[?facilitatorId=] (§5.2): soft delete, its request too,
     * and its client delegations with it, as Altinn asks Access Management to delete the agent's assignment
     * with `cascade=true` (docs/contracts/guards.md: AUTH-00035 is defined but returned nowhere); 200. `facilitatorId`,
     * when given, must be the party's uuid (400 AUTH-00039). Altinn deletes the request before checking
     * anything; the reference checks first.
     */
    async deleteAgentSystemUser(request: AgentDeleteRequest, reply: FastifyReply) {
      const pid = personPidOf(request);
      const org = partyOrganisation(ctx, request.params.party);
      requireAccessManager(ctx, pid, org);
      const user = ctx.store.systemUsers.getActive(request.params.systemUserId);
      if (!user) throw authProblem('AUTH-00015');
      if (user.partyId !== org.partyId) throw authProblem('AUTH-00024');
      if (user.userType !== 'agent') throw authProblem('AUTH-00034');
      const facilitatorId = request.query.facilitatorId;
      if (facilitatorId !== undefined && facilitatorId.toLowerCase() !== org.partyUuid.toLowerCase()) throw authProblem('AUTH-00039');
      // Fault klientsystembruker-med-klienter-svarer-slettet (selfcheck): answers success and deletes nothing.
      if (hasClientDelegations(ctx, user) && faultActive(ctx.config, 'klientsystembruker-med-klienter-svarer-slettet')) return reply.code(200).send();
      ctx.services.access.revokeAllForSystemUser(user.id);
      user.isDeleted = true;
      const madeBy = ctx.store.requests.getAny(user.id);
      if (madeBy) madeBy.isDeleted = true;
      return reply.code(200).send();
    },
  };
}

/** The system user an approval creates (§3.3: id = request id; §5.1 fields). */
function newSystemUser(
  ctx: AuthContext,
  found: StoredRequest,
  system: StoredSystem,
  org: Organisation,
  userType: SystemUserType,
  integrationTitle: string,
): StoredSystemUser {
  return {
    id: found.id,
    integrationTitle,
    systemId: system.id,
    productName: '',
    reporteeOrgNo: org.orgNo,
    created: new Date().toISOString(),
    isDeleted: false,
    supplierName: '',
    supplierOrgno: system.vendorOrgNo,
    externalRef: found.externalRef,
    userType,
    accessPackages: found.accessPackages.map((p) => ({ urn: p.urn })),
    rights: found.rights.map((r) => ({ ...r, resource: r.resource.map((p) => ({ ...p })) })),
    partyId: org.partyId,
    partyUuid: org.partyUuid,
    systemInternalId: system.internalId,
    sequenceNo: ctx.store.systemUsers.nextSequenceNo(),
  };
}
