// Altinn's Access Management BFF, the approval UI's own backend (docs/contracts/am-bff.md): what the
// confirmUrl page calls to read a request and to approve or reject it, with the person's token. Paths
// are appended to the profile's `amUi` endpoint (TT02: https://am.ui.tt02.altinn.no). Answers are
// `true` (200) or the BFF's own problem (AMUI-000NN). The client administration views
// (docs/contracts/my-clients.md §2) answer plain arrays.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

const BASE = '/accessmanagement/api/v1/systemuser';

/** `request` for a standard system user request, `agentrequest` for an agent one, `changerequest` for a change request on a standard system user. */
export type BffRequestKind = 'standard' | 'agent' | 'change';

const SEGMENT: Readonly<Record<BffRequestKind, string>> = { standard: 'request', agent: 'agentrequest', change: 'changerequest' };

/** ClientDelegation (docs/contracts/my-clients.md §2): a client and, per role of its relation, the packages. */
export interface BffClientDelegation {
  client: { id?: string; name?: string; organizationIdentifier?: string | null; [member: string]: unknown };
  access: Array<{ role?: { code?: string; [member: string]: unknown }; packages?: Array<{ id?: string; urn?: string }>; resources?: unknown[] }>;
}

/** AgentDelegation (docs/contracts/client-administration.md §2): an agent, when it was added, and its role. */
export interface BffAgentDelegation {
  agent?: { id?: string; name?: string; type?: string; [member: string]: unknown };
  agentAddedAt?: string;
  access?: Array<{ role?: { code?: string; [member: string]: unknown }; packages?: unknown[]; resources?: unknown[] }>;
}

/** Connection (client-administration.md §2): a right holder of the party, its roles, the connections under it. */
export interface BffConnection {
  party?: { id?: string; name?: string; type?: string; organizationIdentifier?: string | null; [member: string]: unknown };
  roles?: Array<{ id?: string; code?: string }>;
  connections?: BffConnection[];
}

/** DelegationCheck (client-administration.md §2): may the person delegate the package on the party's behalf. */
export interface BffDelegationCheck {
  package?: { id?: string; urn?: string; areaId?: string };
  result?: boolean;
  reasons?: Array<{ description?: string }>;
}

const V1 = '/accessmanagement/api/v1';
const CLIENT_DELEGATIONS = `${V1}/clientdelegations`;

/** SystemUserRequestFE / SystemUserAgentRequestFE (the fields the suite reads). */
export interface BffRequest {
  id: string;
  partyId: number;
  partyUuid: string;
  status: string;
  redirectUrl?: string;
  userMayEscalateButNotApprove?: boolean;
}

export class AmBffClient extends HttpClient {
  constructor(amUiUrl: string, context: HttpContext) {
    super('am-bff', amUiUrl, context);
  }

  /** GET systemuser/request/{requestId} (or agentrequest/{id}, changerequest/{id}). */
  getRequest(personToken: string, kind: BffRequestKind, requestId: string): Promise<ApiResponse<BffRequest>> {
    return this.send({ method: 'GET', path: `${BASE}/${SEGMENT[kind]}/${encodeURIComponent(requestId)}`, bearer: personToken });
  }

  /** POST systemuser/request/{partyId}/{requestId}/approve|reject (or agentrequest/..., changerequest/...): 200 `true`. */
  answer(personToken: string, kind: BffRequestKind, partyId: number, requestId: string, reply: 'approve' | 'reject'): Promise<ApiResponse<boolean>> {
    return this.send({ method: 'POST', path: `${BASE}/${SEGMENT[kind]}/${partyId}/${encodeURIComponent(requestId)}/${reply}`, bearer: personToken });
  }

  /** GET clientdelegations/agents/accesspackages?party=&to=: the clients the party has delegated to the agent `to` (my-clients.md §2). */
  agentClients(personToken: string, party: string, agent: string): Promise<ApiResponse<BffClientDelegation[]>> {
    return this.send({ method: 'GET', path: `${CLIENT_DELEGATIONS}/agents/accesspackages`, bearer: personToken, query: { party, to: agent } });
  }

  /** GET clientdelegations/agents?party=: the party's agents (client-administration.md §2). */
  agents(personToken: string, party: string): Promise<ApiResponse<BffAgentDelegation[]>> {
    return this.send({ method: 'GET', path: `${CLIENT_DELEGATIONS}/agents`, bearer: personToken, query: { party } });
  }

  /** GET connection/rightholders?party=&from=: the party's right holders (client-administration.md §2). */
  rightholders(personToken: string, party: string, from: string): Promise<ApiResponse<BffConnection[]>> {
    return this.send({ method: 'GET', path: `${V1}/connection/rightholders`, bearer: personToken, query: { party, from } });
  }

  /** GET accesspackage/delegationcheck?party=: per package, whether the person may delegate it for the party (client-administration.md §2). */
  delegationCheck(personToken: string, party: string): Promise<ApiResponse<BffDelegationCheck[]>> {
    return this.send({ method: 'GET', path: `${V1}/accesspackage/delegationcheck`, bearer: personToken, query: { party } });
  }

  /** GET clientdelegations/clients?party=: the party's clients and the packages each relation gives (my-clients.md §2). */
  clients(personToken: string, party: string): Promise<ApiResponse<BffClientDelegation[]>> {
    return this.send({ method: 'GET', path: `${CLIENT_DELEGATIONS}/clients`, bearer: personToken, query: { party } });
  }
}
