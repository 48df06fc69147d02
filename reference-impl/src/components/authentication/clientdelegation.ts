// Client delegation for agent system users, the end-user facade of Authentication (docs/contracts/altinn-authentication.md
// §5.3, docs/contracts/altinn-authorization.md §4.2–§4.3), relative to /authentication/api/v1:
//
//   GET    enduser/systemuser/clients/available?agent=   clients of the owner holding ANY of the system user's packages
//   GET    enduser/systemuser/clients?agent=             clients delegated to the system user
//   POST   enduser/systemuser/clients?agent=&client=     delegate a client (it must supply EVERY package) → {agent, client}
//   DELETE enduser/systemuser/clients?agent=&client=     remove a client → {agent, client}
//   GET    enduser/systemuser/agents?party={orgno}       the party's agent system users
//
// `agent` is the system user id, `client` the client's partyUuid. The caller is a person (ID-porten
// stand-in token) with altinn:clientdelegations.read / .write (or altinn:portal/enduser). Altinn's PDP
// check on resource altinn_client_administration for the owner party is modelled as: the person holds
// klientadministrator or hovedadministrator in the owner organisation (a DAGL does through the key role),
// else a bare 403 as ASP.NET's Forbid() gives. (Altinn skips that check on clients/available in older
// versions; the reference always makes it.)

import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, PlainProblem, type ValidationErrorItem } from '../../platform/errors.ts';
import { faultActive } from '../../faults.ts';
import type { ClientAccess, RolePackages } from '../../platform/services.ts';
import type { Organisation } from '../../platform/model.ts';
import { packageCode, personPackages, personPidOf } from './access.ts';
import type { AuthContext } from './context.ts';
import { systemUserInternal } from './dto.ts';
import { authProblem, clientDelegationVld, validationProblem } from './problems.ts';
import type { StoredSystemUser } from './store.ts';

type AgentRequest = FastifyRequest<{ Querystring: { agent?: string } }>;
type AgentClientRequest = FastifyRequest<{ Querystring: { agent?: string; client?: string } }>;
type AgentsRequest = FastifyRequest<{ Querystring: { party: string } }>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/** The packages that let a person administer the owner's clients (altinn_client_administration). */
const CLIENT_ADMINISTRATOR_PACKAGES = ['klientadministrator', 'hovedadministrator'];

/** A GUID query value as ASP.NET binds it: missing, empty or malformed is Guid.Empty (here: undefined). */
function guidOf(value: string | undefined): string | undefined {
  if (value === undefined || !GUID.test(value.trim())) return undefined;
  const guid = value.trim().toLowerCase();
  return guid === EMPTY_GUID ? undefined : guid;
}

// ---- checks (SystemUserClientDelegationController, in its order) -------------------------------------

/**
 * ValidateSystemUser: `agent` missing or invalid → AUTH.VLD-00014; unknown (or deleted) system user →
 * AUTH.VLD-00014 "System user not found"; not an agent system user → AUTH.VLD-00015. Each at `?agent`.
 */
function validateAgent(ctx: AuthContext, agent: string | undefined): { user?: StoredSystemUser; errors: ValidationErrorItem[] } {
  const id = guidOf(agent);
  if (!id) return { errors: [clientDelegationVld('agentMissing')] };
  const user = ctx.store.systemUsers.getActive(id);
  if (!user) return { errors: [clientDelegationVld('agentNotFound')] };
  if (user.userType !== 'agent') return { user, errors: [clientDelegationVld('agentNotAgent')] };
  return { user, errors: [] };
}

/** ValidateClient: `client` missing or invalid → AUTH.VLD-00016 at `?client`. */
function validateClient(client: string | undefined): { client?: string; errors: ValidationErrorItem[] } {
  const id = guidOf(client);
  return id ? { client: id, errors: [] } : { errors: [clientDelegationVld('clientMissing')] };
}

/** Throws the gathered validation errors (agent and client together, as Altinn merges them). */
function throwIfAny(...errors: ValidationErrorItem[][]): void {
  const all = errors.flat();
  if (all.length > 0) throw validationProblem(all);
}

/** The system user's owner in Register → else 404 "System Owner not Found" (a plain ProblemDetails in Altinn). */
function ownerOf(ctx: AuthContext, user: StoredSystemUser): Organisation {
  const owner = ctx.services.register.organisation(user.reporteeOrgNo);
  if (!owner) throw new PlainProblem(404, 'System Owner not Found', `No associated party information found for systemuser owner ${user.reporteeOrgNo}`);
  return owner;
}

/** Whether the person may administer the party's clients (the PDP's answer on altinn_client_administration). */
export function isClientAdministrator(ctx: AuthContext, pid: string, party: Organisation): boolean {
  const held = personPackages(ctx, pid, party.orgNo);
  return CLIENT_ADMINISTRATOR_PACKAGES.some((code) => held.has(code));
}

/** The PDP check on altinn_client_administration for the owner party → else 403. */
function requireClientAdministrator(ctx: AuthContext, request: FastifyRequest, owner: Organisation): void {
  if (!isClientAdministrator(ctx, personPidOf(request), owner)) {
    throw new Forbidden('The person is not a client administrator (klientadministrator or hovedadministrator) of the system user\'s owner.');
  }
}

/** The system user's package codes. */
function packageCodesOf(user: StoredSystemUser): string[] {
  return user.accessPackages.map((p) => packageCode(p.urn));
}

/**
 * SystemUserService.DelegateToAgentSystemUser step 1: an agent system user (else AUTH-00034) with at
 * least one package (else AUTH-00063). Both are guarded earlier (AUTH.VLD-00015, AUTH-00058 at request
 * time); Altinn checks them again here, and so does the reference.
 */
function checkAgentWithPackages(user: StoredSystemUser): string[] {
  if (user.userType !== 'agent') throw authProblem('AUTH-00034');
  const codes = packageCodesOf(user);
  if (codes.length === 0) throw authProblem('AUTH-00063');
  return codes;
}

/**
 * ValidateClientForAgentSystemUser (docs/contracts/altinn-authorization.md §4.3 steps 2–3): AM lists the owner's clients
 * filtered by the system user's packages (any of them); the client must be among them, else AUTH-00079
 * (also for a partyUuid that is no organisation, or no client at all); and the client must supply EVERY
 * package of the system user, through any combination of its relations (ER role packages, rettighetshaver
 * packages), else AUTH-00080. Returns the role → packages batch to delegate.
 */
function clientBatch(ctx: AuthContext, owner: Organisation, client: string, codes: string[]): { clientOrgNo: string; values: RolePackages[] } {
  const clientOrg = ctx.services.register.organisationByPartyUuid(client);
  const entry: ClientAccess | undefined = clientOrg
    ? ctx.services.access.clientsOf(owner.orgNo, codes).find((c) => c.clientOrgNo === clientOrg.orgNo)
    : undefined;
  if (!clientOrg || !entry) throw authProblem('AUTH-00079');
  const supplied = new Set(entry.access.flatMap((a) => a.packages));
  if (!codes.every((code) => supplied.has(code))) throw authProblem('AUTH-00080');
  return { clientOrgNo: clientOrg.orgNo, values: entry.access };
}

/** ClientInfo for an organisation. */
function clientInfo(org: Organisation) {
  return { clientId: org.partyUuid, clientOrganizationNumber: org.orgNo, clientOrganizationName: org.name };
}

/** ClientInfoPaginated: one page, `links.next` null. */
function clientList(user: StoredSystemUser, clients: Organisation[]) {
  return {
    links: { next: null as string | null },
    data: clients.map(clientInfo),
    systemUserInformation: { systemUserId: user.id.toLowerCase(), systemUserOwnerOrg: user.reporteeOrgNo },
  };
}

// ---- handlers -------------------------------------------------------------------------------------

export function clientDelegationHandlers(ctx: AuthContext) {
  const organisations = (orgNos: string[]): Organisation[] =>
    orgNos.flatMap((orgNo) => {
      const org = ctx.services.register.organisation(orgNo);
      return org ? [org] : [];
    });

  return {
    /** GET clients/available?agent=: the owner's clients holding at least one of the system user's packages. */
    async availableClients(request: AgentRequest, reply: FastifyReply) {
      const { user, errors } = validateAgent(ctx, request.query.agent);
      throwIfAny(errors);
      const agent = user as StoredSystemUser;
      const owner = ownerOf(ctx, agent); // 404
      requireClientAdministrator(ctx, request, owner); // 403
      const clients = ctx.services.access.clientsOf(owner.orgNo, packageCodesOf(agent));
      return reply.send(clientList(agent, organisations(clients.map((c) => c.clientOrgNo))));
    },

    /** GET clients?agent=: the clients delegated to the system user. */
    async delegatedClients(request: AgentRequest, reply: FastifyReply) {
      const { user, errors } = validateAgent(ctx, request.query.agent);
      throwIfAny(errors);
      const agent = user as StoredSystemUser;
      const owner = ownerOf(ctx, agent);
      requireClientAdministrator(ctx, request, owner);
      const delegations = ctx.services.access.clientDelegationsTo(agent.id).filter((d) => d.facilitatorOrgNo === owner.orgNo);
      const list = clientList(agent, organisations(delegations.map((d) => d.clientOrgNo)));
      // Fault klientliste-neste-lenke-i-ring: the last page's links.next points back at the first page.
      if (faultActive(ctx.config, 'klientliste-neste-lenke-i-ring')) {
        list.links.next = `${ctx.config.publicUrl}${request.url.split('?')[0] ?? ''}?agent=${encodeURIComponent(request.query.agent ?? '')}`;
      }
      return reply.send(list);
    },

    /**
     * POST clients?agent=&client=: delegate the client's packages to the agent system user → 200 {agent, client}.
     * Idempotent: the same client again is 200 and changes nothing.
     */
    async addClient(request: AgentClientRequest, reply: FastifyReply) {
      const agentCheck = validateAgent(ctx, request.query.agent);
      const clientCheck = validateClient(request.query.client);
      throwIfAny(agentCheck.errors, clientCheck.errors); // 400 AUTH.VLD-00014/15/16
      const agent = agentCheck.user as StoredSystemUser;
      const client = clientCheck.client as string;
      const owner = ownerOf(ctx, agent); // 404
      requireClientAdministrator(ctx, request, owner); // 403
      const codes = checkAgentWithPackages(agent); // 400 AUTH-00034 / AUTH-00063
      const batch = clientBatch(ctx, owner, client, codes); // 400 AUTH-00079 / AUTH-00080
      // docs/contracts/altinn-authorization.md §4.3 step 4: AM's own checks (delegable, the package comes from the named
      // role). Altinn maps a refusal from AM to AUTH-00002.
      const outcome = ctx.services.access.delegateToAgent({
        facilitatorOrgNo: owner.orgNo, clientOrgNo: batch.clientOrgNo, agentSystemUserId: agent.id, values: batch.values,
      });
      if (!outcome.ok) throw authProblem('AUTH-00002', { detail: outcome.reason });
      return reply.send({ agent: agent.id.toLowerCase(), client });
    },

    /**
     * DELETE clients?agent=&client=: remove the client and every package it gave → 200 {agent, client}. A
     * client that was not delegated is no error: AM's RemoveClientFromAgent answers 204 when there is no
     * delegation, and Authentication then 200.
     */
    async removeClient(request: AgentClientRequest, reply: FastifyReply) {
      const agentCheck = validateAgent(ctx, request.query.agent);
      const clientCheck = validateClient(request.query.client);
      throwIfAny(agentCheck.errors, clientCheck.errors);
      const agent = agentCheck.user as StoredSystemUser;
      const client = clientCheck.client as string;
      const owner = ownerOf(ctx, agent);
      requireClientAdministrator(ctx, request, owner);
      const clientOrg = ctx.services.register.organisationByPartyUuid(client);
      if (clientOrg) ctx.services.access.revokeClientFromAgent(owner.orgNo, clientOrg.orgNo, agent.id);
      return reply.send({ agent: agent.id.toLowerCase(), client });
    },

    /** GET agents?party={orgno}: the party's active agent system users (SystemUserInternalDTO). */
    async listAgents(request: AgentsRequest, reply: FastifyReply) {
      const party = ctx.services.register.organisation(request.query.party);
      if (!party) throw new PlainProblem(404, 'Party not found', `No associated party information found for organisation ${request.query.party}`);
      requireClientAdministrator(ctx, request, party);
      return reply.send(ctx.store.systemUsers.listByParty(party.partyId, 'agent').map(systemUserInternal));
    },
  };
}
