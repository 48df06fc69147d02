// Altinn Authentication: the system register (vendor), system user requests, standard and agent
// (vendor and end user), system users, and client delegation for agent system users (docs/contracts/altinn-authentication.md
// §2, §3, §5, §5.3; docs/contracts/altinn-authorization.md §4.2). Paths are appended to the `platform` endpoint
// exactly as on platform.altinn.no.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

const BASE = '/authentication/api/v1';

/** ISO 6523 party reference (`vendor`, `consumer`, `systemuser_org`). Real Altinn writes `ID`; docs show `id`. */
export interface Iso6523Party {
  authority?: string;
  ID?: string;
  id?: string;
}

/** Right = {action?, resource:[{id, value}]} (docs/contracts/altinn-authentication.md §2.2). */
export interface Right {
  action?: string;
  resource: Array<{ id: string; value: string }>;
}

export interface AccessPackageRef {
  urn: string;
}

/** RegisterSystemRequest (docs/contracts/altinn-authentication.md §2.2). */
export interface RegisterSystemRequest {
  id: string;
  vendor: Iso6523Party;
  name: Record<string, string>;
  description: Record<string, string>;
  rights?: Right[];
  accessPackages?: AccessPackageRef[];
  clientId?: string[];
  allowedRedirectUrls?: string[];
  isVisible?: boolean;
}

/** RegisteredSystemResponse: the request's fields plus isDeleted. */
export interface RegisteredSystemResponse extends RegisterSystemRequest {
  isDeleted?: boolean;
}

/** CreateRequestSystemUser (docs/contracts/altinn-authentication.md §3.2). */
export interface CreateRequestSystemUser {
  systemId: string;
  partyOrgNo: string;
  externalRef?: string;
  integrationTitle?: string;
  rights?: Right[];
  accessPackages?: AccessPackageRef[];
  redirectUrl?: string;
}

export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

/** RequestSystemResponse (docs/contracts/altinn-authentication.md §3.2). */
export interface RequestSystemResponse {
  id: string;
  integrationTitle?: string;
  externalRef: string;
  systemId: string;
  partyOrgNo: string;
  rights: Right[];
  accessPackages: AccessPackageRef[];
  status: RequestStatus | string;
  redirectUrl?: string;
  confirmUrl: string;
  escalated?: boolean;
  created?: string;
  timedOut?: boolean;
}

/**
 * CreateAgentRequestSystemUser (docs/contracts/altinn-authentication.md §3.2): the standard request's fields without
 * `rights`, and `accessPackages` required and non-empty. `rights` is here only so a refusal scenario
 * can send what the contract forbids.
 */
export interface CreateAgentRequestSystemUser {
  systemId: string;
  partyOrgNo: string;
  externalRef?: string;
  integrationTitle?: string;
  accessPackages?: AccessPackageRef[];
  redirectUrl?: string;
  rights?: Right[];
}

/** AgentRequestSystemResponse: RequestSystemResponse without `rights` (docs/contracts/altinn-authentication.md §3.2). */
export type AgentRequestSystemResponse = Omit<RequestSystemResponse, 'rights'>;

/** ChangeRequestSystemUser: what the vendor asks to add (required) and remove (unwanted) (docs/contracts/change-requests.md §2). */
export interface ChangeRequestBody {
  requiredRights?: Right[];
  unwantedRights?: Right[];
  requiredAccessPackages?: AccessPackageRef[];
  unwantedAccessPackages?: AccessPackageRef[];
  redirectUrl?: string;
}

/** ChangeRequestResponse (docs/contracts/change-requests.md §2). */
export interface ChangeRequestResponse {
  id: string;
  externalRef?: string;
  systemId: string;
  systemUserId: string;
  partyOrgNo: string;
  requiredRights: Right[];
  unwantedRights: Right[];
  requiredAccessPackages: AccessPackageRef[];
  unwantedAccessPackages: AccessPackageRef[];
  status: 'New' | 'Accepted' | 'Rejected' | 'NoChangeNeeded' | string;
  redirectUrl?: string;
  confirmUrl: string;
  created?: string;
  timedOut?: boolean;
}

/** A standard system user as its owner reads it (GET systemuser/{party}/{systemUserId}): the packages and rights it holds. */
export interface SystemUserDetail {
  id: string;
  systemId?: string;
  reporteeOrgNo?: string;
  accessPackages?: AccessPackageRef[];
  rights?: Right[];
  [member: string]: unknown;
}

/** SystemUserExternalDTO (docs/contracts/altinn-authentication.md §5.1). */
export interface SystemUserExternal {
  id: string;
  integrationTitle?: string;
  systemId: string;
  productName?: string;
  reporteeOrgNo: string;
  created?: string;
  isDeleted?: boolean;
  supplierName?: string;
  supplierOrgno: string;
  externalRef: string;
  userType: 'standard' | 'agent' | string;
}

/** One client of an agent system user (docs/contracts/altinn-authentication.md §5.3: ClientInfo). */
export interface ClientInfo {
  clientId: string;
  clientOrganizationNumber: string;
  clientOrganizationName?: string;
}

/** GET clients and clients/available (docs/contracts/altinn-authentication.md §5.3: ClientInfoPaginated). */
export interface ClientList {
  links?: { next?: string | null };
  data: ClientInfo[];
  systemUserInformation?: { systemUserId?: string; systemUserOwnerOrg?: string };
}

/** POST and DELETE clients: `{agent, client}` (docs/contracts/altinn-authentication.md §5.3: ClientDelegationResponse). */
export interface ClientDelegationResponse {
  agent: string;
  client: string;
}

/** An agent system user as GET agents?party= lists it (docs/contracts/altinn-authorization.md §4.2: the internal DTO). */
export interface AgentSystemUser {
  id: string;
  integrationTitle?: string;
  systemId?: string;
  reporteeOrgNo?: string;
  partyUuId?: string;
  supplierOrgno?: string;
  externalRef?: string;
  accessPackages?: AccessPackageRef[];
  userType?: string;
  isDeleted?: boolean;
  [member: string]: unknown;
}

export class AuthenticationClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('authentication', platformUrl, context);
  }

  // System register, vendor side (scope altinn:authentication/systemregister.write) -----------------

  /** POST systemregister/vendor: 200 with the new internal id as a JSON string (not 201). */
  registerSystem(token: string, system: RegisterSystemRequest): Promise<ApiResponse<string>> {
    return this.send({ method: 'POST', path: `${BASE}/systemregister/vendor`, bearer: token, json: system });
  }

  getSystem(token: string, systemId: string): Promise<ApiResponse<RegisteredSystemResponse>> {
    return this.send({ method: 'GET', path: `${BASE}/systemregister/vendor/${encodeURIComponent(systemId)}`, bearer: token });
  }

  /** PUT systemregister/vendor/{systemId}: a full replace of the system; 200 {succeeded:true}. */
  updateSystem(token: string, systemId: string, system: RegisterSystemRequest): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'PUT', path: `${BASE}/systemregister/vendor/${encodeURIComponent(systemId)}`, bearer: token, json: system });
  }

  /** DELETE systemregister/vendor/{systemId}: 200 {succeeded:true}, a soft delete that frees the system's client ids. */
  deleteSystem(token: string, systemId: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: `${BASE}/systemregister/vendor/${encodeURIComponent(systemId)}`, bearer: token });
  }

  // Requests, vendor side ------------------------------------------------------------------------

  /** DELETE systemuser/request/vendor/{requestId} (scope systemuser.request.write): 202, a soft delete. */
  deleteRequest(token: string, requestId: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: `${BASE}/systemuser/request/vendor/${encodeURIComponent(requestId)}`, bearer: token });
  }

  /** POST systemuser/request/vendor: 201 new, 200 with the existing request for the same key. */
  createRequest(token: string, request: CreateRequestSystemUser): Promise<ApiResponse<RequestSystemResponse>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/vendor`, bearer: token, json: request });
  }

  getRequest(token: string, requestId: string): Promise<ApiResponse<RequestSystemResponse>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/request/vendor/${encodeURIComponent(requestId)}`, bearer: token });
  }

  /** GET systemuser/vendor/byquery (scope systemuser.request.write); external-ref defaults to orgno. */
  systemUserByQuery(token: string, query: { systemId: string; orgNo: string; externalRef?: string }): Promise<ApiResponse<SystemUserExternal>> {
    return this.send({
      method: 'GET',
      path: `${BASE}/systemuser/vendor/byquery`,
      bearer: token,
      query: { 'system-id': query.systemId, orgno: query.orgNo, 'external-ref': query.externalRef },
    });
  }

  /**
   * GET systemuser/vendor/bysystem/{systemId} (scope systemregister.write): every active system user of
   * the vendor's system, paged `{links:{next}, data:[SystemUserExternal]}` (docs/contracts/altinn-authentication.md §5.2).
   */
  systemUsersBySystem(token: string, systemId: string): Promise<ApiResponse<{ links?: { next?: string | null }; data: SystemUserExternal[] }>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/vendor/bysystem/${encodeURIComponent(systemId)}`, bearer: token });
  }

  /**
   * GET systemuser/request/vendor/bysystem/{systemId} (scope systemuser.request.read): the standard
   * requests on the vendor's system, paged `{links:{next}, data:[RequestSystemResponse]}`.
   */
  requestsBySystem(token: string, systemId: string): Promise<ApiResponse<{ links?: { next?: string | null }; data: RequestSystemResponse[] }>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/request/vendor/bysystem/${encodeURIComponent(systemId)}`, bearer: token });
  }

  /** GET systemuser/request/vendor/byexternalref/{systemId}/{orgNo}/{externalRef} (404 AUTH-00010 when none). */
  requestByExternalRef(token: string, key: { systemId: string; orgNo: string; externalRef: string }): Promise<ApiResponse<RequestSystemResponse>> {
    const path = [key.systemId, key.orgNo, key.externalRef].map(encodeURIComponent).join('/');
    return this.send({ method: 'GET', path: `${BASE}/systemuser/request/vendor/byexternalref/${path}`, bearer: token });
  }

  /** POST systemuser/request/vendor/agent: 201 new, 200 with the existing agent request for the same key. */
  createAgentRequest(token: string, request: CreateAgentRequestSystemUser): Promise<ApiResponse<AgentRequestSystemResponse>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/vendor/agent`, bearer: token, json: request });
  }

  getAgentRequest(token: string, requestId: string): Promise<ApiResponse<AgentRequestSystemResponse>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/request/vendor/agent/${encodeURIComponent(requestId)}`, bearer: token });
  }

  /** GET systemuser/request/vendor/agent/byexternalref/{systemId}/{orgNo}/{externalRef} (404 AUTH-00010 when none). */
  agentRequestByExternalRef(token: string, key: { systemId: string; orgNo: string; externalRef: string }): Promise<ApiResponse<AgentRequestSystemResponse>> {
    const path = [key.systemId, key.orgNo, key.externalRef].map(encodeURIComponent).join('/');
    return this.send({ method: 'GET', path: `${BASE}/systemuser/request/vendor/agent/byexternalref/${path}`, bearer: token });
  }

  // Requests, end-user side (person token, altinn:portal/enduser) ------------------------------------

  /** POST systemuser/request/{party}/{requestId}/approve; `party` is the legacy integer party id. */
  approveRequest(personToken: string, partyId: number, requestId: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/${partyId}/${encodeURIComponent(requestId)}/approve`, bearer: personToken });
  }

  rejectRequest(personToken: string, partyId: number, requestId: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/${partyId}/${encodeURIComponent(requestId)}/reject`, bearer: personToken });
  }

  /** POST systemuser/request/agent/{party}/{requestId}/approve: 200 `true`; creates the agent system user. */
  approveAgentRequest(personToken: string, partyId: number, requestId: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/agent/${partyId}/${encodeURIComponent(requestId)}/approve`, bearer: personToken });
  }

  /** POST systemuser/request/agent/{party}/{requestId}/reject: 200 `true`; nothing is created. */
  rejectAgentRequest(personToken: string, partyId: number, requestId: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/request/agent/${partyId}/${encodeURIComponent(requestId)}/reject`, bearer: personToken });
  }

  /** GET systemuser/{party}/{systemUserId}: the owner's system user with the packages and rights it holds. */
  systemUserOfParty(personToken: string, partyId: number, systemUserId: string): Promise<ApiResponse<SystemUserDetail>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/${partyId}/${encodeURIComponent(systemUserId)}`, bearer: personToken });
  }

  // Change requests on a standard system user (docs/contracts/change-requests.md) -------------------

  /** POST systemuser/changerequest/vendor?correlation-id=&system-user-id=: 201 new, 200 stored or NoChangeNeeded. */
  createChangeRequest(token: string, ids: { correlationId: string; systemUserId: string }, body: ChangeRequestBody): Promise<ApiResponse<ChangeRequestResponse>> {
    return this.send({
      method: 'POST', path: `${BASE}/systemuser/changerequest/vendor`, bearer: token, json: body,
      query: { 'correlation-id': ids.correlationId, 'system-user-id': ids.systemUserId },
    });
  }

  getChangeRequest(token: string, id: string): Promise<ApiResponse<ChangeRequestResponse>> {
    return this.send({ method: 'GET', path: `${BASE}/systemuser/changerequest/vendor/${encodeURIComponent(id)}`, bearer: token });
  }

  /** GET systemuser/changerequest/vendor/byexternalref/{systemId}/{orgNo}/{externalRef}. */
  changeRequestByExternalRef(token: string, key: { systemId: string; orgNo: string; externalRef: string }): Promise<ApiResponse<ChangeRequestResponse>> {
    const path = [key.systemId, key.orgNo, key.externalRef].map(encodeURIComponent).join('/');
    return this.send({ method: 'GET', path: `${BASE}/systemuser/changerequest/vendor/byexternalref/${path}`, bearer: token });
  }

  /** DELETE systemuser/changerequest/vendor/{id}: 202. */
  deleteChangeRequest(token: string, id: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: `${BASE}/systemuser/changerequest/vendor/${encodeURIComponent(id)}`, bearer: token });
  }

  /** POST systemuser/changerequest/{party}/{id}/approve: 200 `true`; the system user's grants change. */
  approveChangeRequest(personToken: string, partyId: number, id: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/changerequest/${partyId}/${encodeURIComponent(id)}/approve`, bearer: personToken });
  }

  /** POST systemuser/changerequest/{party}/{id}/reject: 200 `true`; nothing changes. */
  rejectChangeRequest(personToken: string, partyId: number, id: string): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/systemuser/changerequest/${partyId}/${encodeURIComponent(id)}/reject`, bearer: personToken });
  }

  // Client delegation for agent system users (person token with altinn:clientdelegations.read/.write) --

  /** GET enduser/systemuser/agents?party={orgno}: the owner's agent system users. */
  agentSystemUsers(personToken: string, partyOrgNo: string): Promise<ApiResponse<AgentSystemUser[]>> {
    return this.send({ method: 'GET', path: `${BASE}/enduser/systemuser/agents`, bearer: personToken, query: { party: partyOrgNo } });
  }

  /** GET enduser/systemuser/clients/available?agent=: the owner's clients holding at least one of the agent's packages. */
  availableClients(personToken: string, agent: string): Promise<ApiResponse<ClientList>> {
    return this.send({ method: 'GET', path: `${BASE}/enduser/systemuser/clients/available`, bearer: personToken, query: { agent } });
  }

  /** GET enduser/systemuser/clients?agent=: the clients already delegated to the agent system user. */
  clients(personToken: string, agent: string): Promise<ApiResponse<ClientList>> {
    return this.send({ method: 'GET', path: `${BASE}/enduser/systemuser/clients`, bearer: personToken, query: { agent } });
  }

  /** POST enduser/systemuser/clients?agent=&client={client partyUuid}: adds the client. */
  addClient(personToken: string, agent: string, client: string): Promise<ApiResponse<ClientDelegationResponse>> {
    return this.send({ method: 'POST', path: `${BASE}/enduser/systemuser/clients`, bearer: personToken, query: { agent, client } });
  }

  /** DELETE systemuser/{party}/{systemUserId}: the customer's access manager deletes a standard system user (202). */
  deleteSystemUser(personToken: string, partyId: number, systemUserId: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: `${BASE}/systemuser/${partyId}/${encodeURIComponent(systemUserId)}`, bearer: personToken });
  }

  /** DELETE systemuser/agent/{party}/{systemUserId}: deletes an agent system user that has no clients left (202). */
  deleteAgentSystemUser(personToken: string, partyId: number, systemUserId: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: `${BASE}/systemuser/agent/${partyId}/${encodeURIComponent(systemUserId)}`, bearer: personToken });
  }

  /** DELETE enduser/systemuser/clients?agent=&client=: removes the client. */
  removeClient(personToken: string, agent: string, client: string): Promise<ApiResponse<ClientDelegationResponse>> {
    return this.send({ method: 'DELETE', path: `${BASE}/enduser/systemuser/clients`, bearer: personToken, query: { agent, client } });
  }
}

/** The org number in an ISO 6523 party reference (`0192:<orgno>`), reading `ID` or `id`. */
export function orgNoOf(party: Iso6523Party | undefined): string | undefined {
  const value = party?.ID ?? party?.id;
  if (typeof value !== 'string') return undefined;
  const match = /^0192:(\d{9})$/.exec(value);
  return match?.[1];
}

/**
 * Where each system register validation error points (docs/contracts/altinn-authentication.md §2.3, `paths[]`),
 * and the requirement of the register (features/krav.yaml) that names it.
 */
export const SYSTEM_REGISTER_ERRORS: Record<string, { path: string; krav: string }> = {
  'AUTH.VLD-00000': { path: '/registersystemrequest/vendor/id', krav: 'SR-3' },
  'AUTH.VLD-00001': { path: '/registersystemrequest/systemid', krav: 'SR-4' },
  'AUTH.VLD-00003': { path: '/registersystemrequest/rights/resource', krav: 'SR-7' },
  'AUTH.VLD-00005': { path: '/registersystemrequest/allowedredirecturls', krav: 'SR-5' },
  'AUTH.VLD-00008': { path: '/registersystemrequest/accesspackages', krav: 'SR-6' },
};
