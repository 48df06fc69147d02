// System user requests, vendor side (docs/contracts/altinn-authentication.md §3.1–§3.4): create (standard and agent),
// get by id, by external reference and by system (paged), and delete.

import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { faultActive, type FaultConfig } from '../../faults.ts';
import { PlainProblem, ValidationProblem } from '../../platform/errors.ts';
import type { Right, SystemUserType } from '../../platform/model.ts';
import { requireVendorForCreate, requireVendorForRead } from './access.ts';
import type { AuthContext } from './context.ts';
import { requestResponse } from './dto.ts';
import { decodeToken, paginate, type Paginated } from './paging.ts';
import { authProblem } from './problems.ts';
import { isSafeRedirectUrl } from './redirect-urls.ts';
import type { RequestKey, StoredRequest, StoredSystem } from './store.ts';
import { toRights, type AccessPackageInput, type RightInput } from './systemregister.ts';

export interface CreateRequestBody {
  systemId: string;
  partyOrgNo: string;
  externalRef?: string | null;
  integrationTitle?: string | null;
  rights?: RightInput[] | null;
  accessPackages?: AccessPackageInput[] | null;
  redirectUrl?: string | null;
}

/**
 * Packages that may never be given to a system user (docs/contracts/altinn-authorization.md §2.5: AM refuses them with
 * AM.VLD-00028 at grant time). The reference refuses them already when the request is made.
 */
const NEVER_FOR_SYSTEM_USERS = new Set(['urn:altinn:accesspackage:virksomhetens-representant-skjemaoppgaver']);

/**
 * The uniqueness key (docs/contracts/altinn-authentication.md §3.3). A missing or empty externalRef defaults to the
 * party org number. (Altinn defaults only a missing one in its lookups, so `""` slips past the
 * duplicate checks there; the reference treats both the same everywhere.)
 */
export function requestKey(systemId: string, partyOrgNo: string, externalRef: string | null | undefined): RequestKey {
  return { systemId, partyOrgNo, externalRef: externalRef ? externalRef : partyOrgNo };
}

// ---- checks (docs/contracts/altinn-authentication.md §3.4, in order) ---------------------------------------------

/** §3.4 step 2: an active system user exists for the key → 400 AUTH-00004. */
function checkNoActiveSystemUser(ctx: AuthContext, key: RequestKey): void {
  // Fault ny-foresporsel-for-eksisterende-systembruker (selfcheck): the check is skipped.
  if (faultActive(ctx.config, 'ny-foresporsel-for-eksisterende-systembruker')) return;
  if (ctx.store.systemUsers.findActiveByKey(key)) throw authProblem('AUTH-00004');
}

/** The system of a request, if it exists, is active and belongs to the vendor. */
function vendorSystem(ctx: AuthContext, systemId: string, vendorOrgNo: string): StoredSystem | undefined {
  const system = ctx.store.systems.get(systemId);
  return system && !system.isDeleted && system.vendorOrgNo === vendorOrgNo ? system : undefined;
}

/**
 * §3.4 step 4: the system must exist → 404 AUTH-00011. Altinn also accepts requests for a deleted
 * system; the reference does not.
 */
function requireSystem(ctx: AuthContext, systemId: string): StoredSystem {
  const system = ctx.store.systems.get(systemId);
  if (!system || system.isDeleted) throw authProblem('AUTH-00011');
  return system;
}

/** §3.4 step 5: a stored request for the key (from another vendor, else step 3 returned it) → AUTH-00006/7/8/9. */
function checkNoStoredRequest(existing: StoredRequest | undefined): void {
  if (!existing) return;
  if (existing.status === 'Accepted') throw authProblem('AUTH-00006');
  if (existing.status === 'New') throw authProblem('AUTH-00007');
  if (existing.status === 'Denied') throw authProblem('AUTH-00008');
  if (existing.status === 'Rejected') throw authProblem('AUTH-00009');
}

/** §3.4 step 6: the system's vendor is the caller → else 404 AUTH-00011 (not 403). */
function checkSystemVendor(system: StoredSystem, vendorOrgNo: string): void {
  if (system.vendorOrgNo !== vendorOrgNo) throw authProblem('AUTH-00011');
}

/** §3.4 step 7: the customer org exists in Register → else 400 AUTH-00000. */
function checkCustomerExists(ctx: AuthContext, partyOrgNo: string): void {
  if (!ctx.services.register.organisation(partyOrgNo)) throw authProblem('AUTH-00000');
}

/**
 * §3.4 step 8: a non-empty redirectUrl must match one of the system's allowed URLs by scheme, host,
 * port and path (the query is ignored). No allowed URLs → AUTH-00026; no match, not a URL or not an absolute
 * https URL → AUTH-00021.
 */
export function checkRedirectUrl(system: StoredSystem, redirectUrl: string | null | undefined, config?: FaultConfig): void {
  if (!redirectUrl) return;
  if (system.allowedRedirectUrls.length === 0) throw authProblem('AUTH-00026');
  // Fault redirect-url-ikke-https-lagres (selfcheck): no https check, and the match ignores the scheme.
  const anyScheme = faultActive(config, 'redirect-url-ikke-https-lagres');
  // Stricter than Altinn (redirect-urls.ts): only an absolute https URL, whatever the system's list holds.
  if (!anyScheme && !isSafeRedirectUrl(redirectUrl)) throw authProblem('AUTH-00021');
  const leftPart = (u: string): string | undefined => {
    try {
      const url = new URL(u);
      return `${anyScheme ? '' : url.protocol}//${url.host}${url.pathname}`;
    } catch {
      return undefined;
    }
  };
  const chosen = leftPart(redirectUrl);
  if (chosen === undefined || !system.allowedRedirectUrls.some((allowed) => leftPart(allowed) === chosen)) {
    throw authProblem('AUTH-00021');
  }
}

/** §3.4 step 9 (standard): rights and packages both null → AUTH-00001; neither has an entry → AUTH-00059. */
function checkStandardHasSomething(body: CreateRequestBody): void {
  if (body.rights == null && body.accessPackages == null) throw authProblem('AUTH-00001');
  if ((body.rights ?? []).length === 0 && (body.accessPackages ?? []).length === 0) throw authProblem('AUTH-00059');
}

/** §3.4 step 9 (agent): packages null or empty → AUTH-00058. */
function checkAgentHasPackages(body: CreateRequestBody): void {
  if ((body.accessPackages ?? []).length === 0) throw authProblem('AUTH-00058');
}

/**
 * §3.4 step 10: every requested right is one of the system's rights (AUTH-00001). A right matches when
 * its resource attribute pairs are exactly a system right's pairs (in any order). Altinn ignores the
 * action; the reference also requires the action to match when both name one.
 */
export function checkRightsInSystem(system: StoredSystem, rights: Right[]): void {
  if (rights.length > system.rights.length) throw authProblem('AUTH-00001');
  const samePairs = (a: Right, b: Right): boolean =>
    a.resource.length === b.resource.length && b.resource.every((p) => a.resource.some((q) => q.id === p.id && q.value === p.value));
  const sameAction = (a: Right, b: Right): boolean => a.action === undefined || b.action === undefined || a.action === b.action;
  for (const requested of rights) {
    if (!system.rights.some((s) => samePairs(requested, s) && sameAction(requested, s))) throw authProblem('AUTH-00001');
  }
}

/**
 * §3.4 step 11: every package is in the system (AUTH-00063, `NotFoundPackages`), and is assignable for a
 * standard request (AUTH-00064) or delegable for an agent request (AUTH-00065), `NotDelegablePackages`
 * (docs/contracts/altinn-authorization.md §2.5). URNs are comma-joined in the extensions.
 */
export function checkPackagesInSystem(ctx: AuthContext, system: StoredSystem, packages: Array<{ urn: string }>, userType: SystemUserType): void {
  if (packages.length > system.accessPackages.length) throw authProblem('AUTH-00063');
  const notFound: string[] = [];
  const notDelegable: string[] = [];
  for (const { urn } of packages) {
    if (!system.accessPackages.some((p) => p.urn === urn)) {
      notFound.push(urn);
      continue;
    }
    const found = ctx.services.catalogue.find(urn);
    const allowed = found !== undefined && found.urn === urn && !NEVER_FOR_SYSTEM_USERS.has(urn) && (userType === 'agent' ? found.isDelegable : found.isAssignable);
    if (!allowed) notDelegable.push(urn);
  }
  if (notFound.length > 0) throw authProblem('AUTH-00063', { NotFoundPackages: notFound.join(', ') });
  if (notDelegable.length > 0) {
    throw authProblem(userType === 'agent' ? 'AUTH-00065' : 'AUTH-00064', { NotDelegablePackages: notDelegable.join(', ') });
  }
}

/** docs/contracts/altinn-authentication.md §3.2: an agent request carries access packages only, never rights. */
function checkAgentWithoutRights(body: { rights?: unknown }, config: FaultConfig): void {
  const rights = body.rights;
  if (rights === undefined || rights === null || (Array.isArray(rights) && rights.length === 0)) return;
  // Fault klientforesporsel-avvist-uten-grunn (selfcheck): refused, but a bare 400 that does not say why.
  if (faultActive(config, 'klientforesporsel-avvist-uten-grunn')) throw new PlainProblem(400, 'Bad Request');
  throw new ValidationProblem([
    { code: 'STD.VLD-00003', title: 'An agent request cannot carry rights; agent system users get access packages only.', paths: ['/body/rights'] },
  ]);
}

// ---- handlers -------------------------------------------------------------------------------------

type RequestIdRequest = FastifyRequest<{ Params: { requestId: string } }>;
type ByExternalRefRequest = FastifyRequest<{ Params: { systemId: string; orgNo: string; externalRef: string } }>;
type BySystemRequest = FastifyRequest<{ Params: { systemId: string }; Querystring: { token?: string } }>;

export function requestHandlers(ctx: AuthContext) {
  const respond = (r: StoredRequest) => {
    const answer = requestResponse(ctx.config.publicUrl, r);
    // Fault confirmurl-feil-foresporsel: the confirmUrl names the request by its externalRef, not its id.
    if (faultActive(ctx.config, 'confirmurl-feil-foresporsel')) answer.confirmUrl = answer.confirmUrl.replace(`id=${r.id}`, `id=${encodeURIComponent(r.externalRef)}`);
    return answer;
  };

  /** POST vendor and POST vendor/agent share the order of §3.4; `userType` picks the rules that differ. */
  function create(userType: SystemUserType) {
    return async function createRequest(request: FastifyRequest<{ Body: CreateRequestBody }>, reply: FastifyReply) {
      const body = request.body;
      if (userType === 'agent') checkAgentWithoutRights(body, ctx.config);
      const vendorOrgNo = requireVendorForCreate(request); // step 1
      const key = requestKey(body.systemId, body.partyOrgNo, body.externalRef);
      checkNoActiveSystemUser(ctx, key); // step 2
      const existing = ctx.store.requests.findByKey(userType, key);
      if (existing && vendorSystem(ctx, existing.systemId, vendorOrgNo)) {
        return reply.code(200).send(respond(existing)); // step 3: idempotent
      }
      const system = requireSystem(ctx, body.systemId); // step 4
      checkNoStoredRequest(existing); // step 5
      checkSystemVendor(system, vendorOrgNo); // step 6
      checkCustomerExists(ctx, body.partyOrgNo); // step 7
      checkRedirectUrl(system, body.redirectUrl, ctx.config); // step 8
      const rights = userType === 'standard' ? toRights(body.rights) : [];
      const packages = (body.accessPackages ?? []).map((p) => ({ urn: p.urn ?? '' }));
      if (userType === 'standard') checkStandardHasSomething(body); // step 9
      else checkAgentHasPackages(body);
      if (rights.length > 0) checkRightsInSystem(system, rights); // step 10
      if (packages.length > 0) checkPackagesInSystem(ctx, system, packages, userType); // step 11

      const stored: StoredRequest = {
        id: randomUUID(),
        userType,
        vendorOrgNo,
        // §3.2: integrationTitle defaults to the system's name.nb (an empty title counts as missing).
        integrationTitle: body.integrationTitle ? body.integrationTitle : system.name.nb,
        externalRef: key.externalRef,
        systemId: body.systemId,
        partyOrgNo: body.partyOrgNo,
        rights,
        accessPackages: packages,
        status: 'New',
        redirectUrl: body.redirectUrl ?? undefined,
        escalated: false,
        created: new Date().toISOString(),
        isDeleted: false,
      };
      ctx.store.requests.insert(stored);
      // §3.1: 201 with Location {platform}/authentication/api/v1/systemuser/request/{id}.
      const location = `${ctx.config.publicUrl}/authentication/api/v1/systemuser/request/${stored.id}`;
      return reply.code(201).header('location', location).send(respond(stored));
    };
  }

  /** GET vendor/{requestId} and vendor/agent/{requestId}: unknown, deleted or other type → 404 AUTH-00010; not the caller's system → 404 AUTH-00011. */
  function getById(userType: SystemUserType) {
    return async function getRequest(request: RequestIdRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const found = ctx.store.requests.get(request.params.requestId, userType);
      if (!found) throw authProblem('AUTH-00010');
      if (!vendorSystem(ctx, found.systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
      return reply.send(respond(found));
    };
  }

  /** GET vendor[/agent]/byexternalref/{systemId}/{orgNo}/{externalRef}: 404 AUTH-00010, then 404 AUTH-00011. */
  function getByExternalRef(userType: SystemUserType) {
    return async function getRequestByExternalRef(request: ByExternalRefRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const { systemId, orgNo, externalRef } = request.params;
      const found = ctx.store.requests.findByKey(userType, requestKey(systemId, orgNo, externalRef));
      if (!found) throw authProblem('AUTH-00010');
      if (!vendorSystem(ctx, systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
      return reply.send(respond(found));
    };
  }

  /** GET vendor[/agent]/bysystem/{systemId}[?token=]: paged in id order; system unknown or not the caller's → 404 AUTH-00011. */
  function listBySystem(userType: SystemUserType) {
    return async function listRequests(request: BySystemRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const { systemId } = request.params;
      const after = decodeToken<string>(request.query.token, 'string');
      if (!vendorSystem(ctx, systemId, vendorOrgNo)) throw authProblem('AUTH-00011');
      const items = ctx.store.requests.listBySystem(userType, systemId);
      const { page, next } = paginate(request, ctx.config.publicUrl, items, (r) => r.id, after);
      const body: Paginated<ReturnType<typeof respond>> = { links: { next }, data: page.map(respond) };
      return reply.send(body);
    };
  }

  return {
    createStandard: create('standard'),
    createAgent: create('agent'),
    getStandard: getById('standard'),
    getAgent: getById('agent'),
    getStandardByExternalRef: getByExternalRef('standard'),
    getAgentByExternalRef: getByExternalRef('agent'),
    listStandardBySystem: listBySystem('standard'),
    listAgentBySystem: listBySystem('agent'),

    /**
     * DELETE vendor/{requestId}: soft delete, 202 with an empty body; unknown or already deleted → 404
     * AUTH-00010. Altinn does not check who deletes a request (docs/contracts/altinn-authentication.md §3.1, §9.6); the
     * reference is strict: only the vendor that made the request may delete it, anyone else gets the
     * same 404 AUTH-00010, so the request's existence is not revealed.
     */
    async remove(request: RequestIdRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForCreate(request);
      const found = ctx.store.requests.getAny(request.params.requestId);
      if (!found || found.vendorOrgNo !== vendorOrgNo) throw authProblem('AUTH-00010');
      // Fault slettet-foresporsel-finnes-fortsatt (selfcheck): acknowledged, not deleted.
      if (!faultActive(ctx.config, 'slettet-foresporsel-finnes-fortsatt')) found.isDeleted = true;
      return reply.code(202).send();
    },
  };
}
