// The system vendor (systemleverandør) and its system ("systemet" in the features is the vendor's
// software, so both words name this actor). It has its own synthetic organisation, an RSA key pair,
// and a Maskinporten client with the scopes its system needs; it registers the system, asks
// companies for system users and fetches system user tokens.

import { Actor, type ActorContext } from './actor.ts';
import { MaskinportenIdentity, importProfileKey, newSigningKey } from './maskinporten-identity.ts';
import { AuthenticationClient, type AgentRequestSystemResponse, type CreateAgentRequestSystemUser, type CreateRequestSystemUser, type RegisterSystemRequest, type RegisteredSystemResponse, type RequestSystemResponse, type SystemUserExternal } from '../clients/authentication.ts';
import { MaskinportenClient, type TokenResponse } from '../clients/maskinporten.ts';
import { AccessPackageMetaClient, ResourceRegistryClient, type AccessPackageInfo, type PolicyRule, type ServiceResource } from '../clients/resourceregistry.ts';
import { MvaClient, type VatReceipt, type VatReport } from '../clients/mva.ts';
import { TestdataClient } from '../clients/testdata.ts';
import { DialogportenClient } from '../clients/dialogporten.ts';
import { BrokerClient } from '../clients/broker.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { ListPages } from '../lists.ts';
import type { Company } from './company.ts';
import type { MessageNotes } from '../tasks/dialogporten.ts';
import type { FileTransferNotes } from '../tasks/formidling.ts';
import type { SecurityNotes } from '../tasks/sikkerhet.ts';
import type { ChangeRequestNotes } from '../tasks/changerequest.ts';

/** Scopes the vendor's own calls to the platform need (docs/contracts/altinn-authentication.md §1). */
export const VENDOR_PLATFORM_SCOPES = [
  'altinn:authentication/systemregister.write',
  'altinn:authentication/systemuser.request.write',
  'altinn:authentication/systemuser.request.read',
] as const;

/** Scopes of the MVA sample service (docs/samsvar-apis.md §3). */
export const MVA_SCOPES = { write: 'samsvar:mva.write', read: 'samsvar:mva.read' } as const;

/**
 * Scopes for Dialogporten's end-user API, Altinn's messaging (Correspondence) recipient side and the
 * broker's sender side, which the system asks for in its system user tokens (seed scenario 4:
 * "Systemleverandør har nødvendige scope for dialogporten og Altinn meldingstjenester"; Altinn's guide
 * names digdir:dialogporten and altinn:correspondence.read for a system user reading Dialogporten,
 * docs/contracts/platform-behaviour.md §6; docs/contracts/dialogporten-broker.md §A.6, §B.6).
 */
export const MESSAGE_AND_FILE_SCOPES = {
  dialogporten: 'digdir:dialogporten',
  correspondenceRead: 'altinn:correspondence.read',
  brokerWrite: 'altinn:broker.write',
  brokerRead: 'altinn:broker.read',
} as const;

/** The scopes of the system's Dialogporten token: Dialogporten's and the messaging service's, space separated. */
export const DIALOGPORTEN_TOKEN_SCOPE = `${MESSAGE_AND_FILE_SCOPES.dialogporten} ${MESSAGE_AND_FILE_SCOPES.correspondenceRead}`;

/** What the vendor remembers about one customer (a company it asked for a system user). */
export interface CustomerNotes {
  requestBody?: CreateRequestSystemUser;
  request?: ApiResponse<RequestSystemResponse>;
  repeatedRequest?: ApiResponse<RequestSystemResponse>;
  requestRead?: ApiResponse<RequestSystemResponse>;
  /** GET request/vendor/bysystem/{systemId}, every page, after a refused request (issue 15: none for this customer). */
  requestsBySystem?: ListPages<RequestSystemResponse>;
  /** GET byexternalref for the customer's standard request (after a refusal: none). */
  requestLookup?: ApiResponse<RequestSystemResponse>;
  /** The vendor's delete of its request (DELETE systemuser/request/vendor/{id}). */
  requestDeletion?: ApiResponse<unknown>;
  systemUserQuery?: ApiResponse<SystemUserExternal>;
  /** GET systemuser/vendor/bysystem/{systemId}, every page (support/lists.ts), read with the byquery look-up. */
  systemUsersBySystem?: ListPages<SystemUserExternal>;
  /** The last change request on the customer's standard system user (docs/contracts/change-requests.md). */
  change?: ChangeRequestNotes;
  /** The agent (client) system user request for an accountant, and the reads of it. */
  agentRequestBody?: CreateAgentRequestSystemUser;
  agentRequest?: ApiResponse<AgentRequestSystemResponse>;
  agentRequestRead?: ApiResponse<AgentRequestSystemResponse>;
  agentRequestLookup?: ApiResponse<AgentRequestSystemResponse>;
  /** Maskinporten's answer to the last system user token request for this customer. */
  tokenResponse?: ApiResponse<TokenResponse>;
  /** The token the system presents to the service for this customer, and how it came about. */
  token?: { value: string; kind: 'maskinporten' | 'utløpt' | 'fremmed' };
  /**
   * The last report sent for this customer (as the party), the service's answer, the company whose
   * system user token carried it (the party itself, or e.g. its accountant), and when it was sent
   * (epoch ms, the suite's clock).
   */
  report?: { body: VatReport; response: ApiResponse<VatReceipt>; tokenOwner: Company; sentAt: number };
  /** What the system fetched from Dialogporten with this customer's system user token (scenario 4). */
  messages?: MessageNotes;
  /** The file transfer the system sent through the broker for this customer (scenario 5). */
  fileTransfer?: FileTransferNotes;
}

export interface VendorNotes {
  /** The system as last sent for registration, and the answer. */
  system?: RegisterSystemRequest;
  registration?: ApiResponse<string>;
  systemRead?: ApiResponse<RegisteredSystemResponse>;
  /** The last update of the registered system (PUT), and the answer. */
  systemUpdate?: ApiResponse<unknown>;
  /** The system the vendor's customers use (registered successfully). */
  registeredSystemId?: string;
  /** Every system registered in this scenario, for the cleanup on external targets (support/cleanup.ts). */
  createdSystems?: string[];
  resourceRead?: ApiResponse<ServiceResource>;
  policyRules?: ApiResponse<PolicyRule[]>;
  packageInfo?: ApiResponse<AccessPackageInfo>;
  customers: Map<string, CustomerNotes>;
  /**
   * The system users approved on this vendor's systems in this scenario (id → system and the owner's
   * role), and not deleted since: the members the vendor's bysystem list must hold, no more.
   */
  systemUsers: Map<string, { systemId: string; owner: string }>;
  /** The attack battery's grants and tokens, and what the target answered (features/sikkerhet/). */
  security?: SecurityNotes;
}

export class Vendor extends Actor {
  readonly notes: VendorNotes = { customers: new Map(), systemUsers: new Map() };
  private identity: MaskinportenIdentity | undefined;

  constructor(role: string, context: ActorContext) {
    super(role, context);
  }

  get orgNo(): string {
    return this.maskinporten.orgNo;
  }

  get clientId(): string {
    return this.maskinporten.clientId;
  }

  /** The vendor's Maskinporten client (key + client id). */
  get maskinporten(): MaskinportenIdentity {
    if (!this.identity) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.identity;
  }

  get authentication(): AuthenticationClient {
    return new AuthenticationClient(this.endpoint('platform'), this.http());
  }

  get resourceRegistry(): ResourceRegistryClient {
    return new ResourceRegistryClient(this.endpoint('platform'), this.http());
  }

  get accessPackages(): AccessPackageMetaClient {
    return new AccessPackageMetaClient(this.endpoint('platform'), this.http());
  }

  get mva(): MvaClient {
    return new MvaClient(this.endpoint('mva'), this.http('mva'));
  }

  get testdata(): TestdataClient {
    return new TestdataClient(this.endpoint('testdata'), this.http());
  }

  get dialogporten(): DialogportenClient {
    return new DialogportenClient(this.endpoint('dialogporten'), this.http('dialogporten'));
  }

  get broker(): BrokerClient {
    return new BrokerClient(this.endpoint('broker'), this.http('broker'));
  }

  private maskinportenClient(): MaskinportenClient {
    return new MaskinportenClient(this.endpoint('maskinporten'), this.http());
  }

  /** The notes about one customer, made on first use. */
  customer(company: Company): CustomerNotes {
    let notes = this.notes.customers.get(company.orgNo);
    if (!notes) {
      notes = {};
      this.notes.customers.set(company.orgNo, notes);
    }
    return notes;
  }

  /** A token for the vendor's own platform calls (system register, requests). */
  async platformToken(): Promise<string> {
    await this.ready();
    return this.maskinporten.accessToken([...VENDOR_PLATFORM_SCOPES], 'systemleverandørens kall til systemregisteret og forespørsels-API-et');
  }

  protected async setUp(): Promise<void> {
    if (!this.usesTestdataApi) {
      const vendor = this.pool().pool.vendor;
      const key = await importProfileKey(vendor.privateKey, vendor.keyId);
      this.identity = new MaskinportenIdentity(vendor.orgNo, vendor.clientId, key, this.maskinportenClient());
      return;
    }
    const testdata = this.testdata;
    const { orgNo, response } = await testdata.createNewOrganisation((n) => ({ name: `Syntetisk systemleverandør ${n} AS`, orgForm: 'AS' }));
    requireSuccess(response, 'Å opprette systemleverandørens organisasjon i testdata-API-et');
    const key = await newSigningKey();
    const client = requireSuccess(
      await testdata.registerMaskinportenClient({
        orgNo,
        scopes: [...VENDOR_PLATFORM_SCOPES, MVA_SCOPES.write, MVA_SCOPES.read, ...Object.values(MESSAGE_AND_FILE_SCOPES)],
        jwks: { keys: [key.publicJwk] },
      }),
      'Å registrere systemleverandørens Maskinporten-klient i testdata-API-et',
    );
    assertTestable(typeof client?.clientId === 'string', 'testdata-API-et ga ingen clientId for systemleverandørens klient.');
    this.identity = new MaskinportenIdentity(orgNo, client.clientId, key, this.maskinportenClient());
  }
}
