// The accountant (regnskapsfører): an accounting firm, itself a company, that owns an agent system
// user (klientsystembruker) and adds its clients to it. Its daglig leder acts for it in Altinn: approves
// the vendor's agent request (docs/contracts/altinn-authentication.md §3.5) and, as client administrator, adds and
// removes clients (docs/contracts/altinn-authentication.md §5.3, docs/contracts/altinn-authorization.md §4.2) with a person token carrying the
// client delegation scopes.

import { Company, type FixtureRef } from './company.ts';
import type { ActorContext } from './actor.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { AgentSystemUser, ClientDelegationResponse, ClientInfo, ClientList } from '../clients/authentication.ts';
import type { ListPages } from '../lists.ts';
import type { DelegationAnswer } from '../abilities/delegate.ts';
import type { BffAgentDelegation, BffClientDelegation } from '../clients/am-bff.ts';
import type { MyClient, Paged } from '../clients/accessmanagement.ts';

/** Scopes of the person token for client delegation (docs/contracts/altinn-authentication.md §1). */
export const CLIENT_DELEGATION_SCOPE = 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write';

/** What the accountant did and saw for one client (keyed by the client's org number). */
export interface ClientNotes {
  /** The client's role in the scenario (how messages name it). */
  role: string;
  /** Adding the client: POST clients, or what the portal's client page showed after "Legg til …". */
  added?: DelegationAnswer<ClientDelegationResponse>;
  /** Removing the client: DELETE clients, or what the page showed after "Fjern …". */
  removed?: DelegationAnswer<ClientDelegationResponse>;
  /** The packages the accountant asked the customer to delegate (scenario 2, step 1). */
  askedFor?: string[];
}

export interface AccountantNotes {
  clients: Map<string, ClientNotes>;
  /** GET clients/available for the agent system user (the last look). */
  available?: ApiResponse<ClientList>;
  /** GET clients for the agent system user, every page (support/lists.ts; the last look). */
  delegated?: ListPages<ClientInfo>;
  /** GET agents?party=: the accountant's agent system users. */
  agents?: ApiResponse<AgentSystemUser[]>;
  /** The BFF's client administration: the clients on the agent system user (agents/accesspackages, the last look). */
  agentView?: ApiResponse<BffClientDelegation[]>;
  /** The BFF's client administration: the accountant's agents (clientdelegations/agents, the last look). */
  agentsView?: ListPages<BffAgentDelegation>;
  /** Another party's daglig leder looking at this accountant's agents and the clients on its agent system user (refused). */
  outsiderViews?: { agents: ApiResponse<BffAgentDelegation[]>; agentClients: ApiResponse<BffClientDelegation[]>; who: string };
  /** Access Management's my/clients for the daglig leder, from this accountant (the last look). */
  myClients?: ApiResponse<Paged<MyClient>>;
}

export class Accountant extends Company {
  readonly accounting: AccountantNotes = { clients: new Map() };

  constructor(role: string, context: ActorContext, fixture: FixtureRef = { key: 'accountant' }) {
    super(role, context, fixture);
  }

  /** The notes about one client, made on first use. */
  client(client: Company): ClientNotes {
    let notes = this.accounting.clients.get(client.orgNo);
    if (!notes) {
      notes = { role: client.role };
      this.accounting.clients.set(client.orgNo, notes);
    }
    return notes;
  }

  /** The daglig leder's person token for client delegation. */
  clientDelegationToken(): Promise<string> {
    return this.dagligLeder.token(CLIENT_DELEGATION_SCOPE);
  }

  protected override syntheticName(orgNo: string): string {
    return `Syntetisk regnskapsfører ${orgNo} AS`;
  }
}
