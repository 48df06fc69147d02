// The seams between components. app.ts builds one instance of each service and hands the whole
// set to every component plugin as an option; a component reaches another component's data only
// through these interfaces, never through its store.

import type {
  AccessPackage,
  DecisionLogEntry,
  ErRole,
  MaskinportenClient,
  Organisation,
  PepService,
  Person,
  RegisteredSystem,
  Resource,
  Right,
  SystemUser,
} from './model.ts';

/** A party's ids as a seeded fixture names them (both optional). */
export interface PartyIds {
  partyId?: number;
  partyUuid?: string;
}

/** Register (ER): organisations, persons and ER roles. Owned by components/register. */
export interface RegisterService {
  organisation(orgNo: string): Organisation | undefined;
  organisationByPartyId(partyId: number): Organisation | undefined;
  organisationByPartyUuid(partyUuid: string): Organisation | undefined;
  person(pid: string): Person | undefined;
  personByPartyId(partyId: number): Person | undefined;
  personByPartyUuid(partyUuid: string): Person | undefined;
  /** ER roles held in `orgNo` (the org the role is registered on). */
  rolesIn(orgNo: string): ErRole[];
  /** ER roles a person or organisation holds, in any organisation. */
  rolesHeldBy(holder: ErRole['holder']): ErRole[];
  /** `partyId`/`partyUuid` given: kept (TT02 fixtures name them); else the register assigns them. */
  createOrganisation(input: { orgNo: string; name: string; orgForm: string } & PartyIds): Organisation;
  createPerson(input: { pid: string; name: string } & PartyIds): Person;
  addRole(role: ErRole): void;
}

/** The access package catalogue. Owned by components/accessmanagement. */
export interface CatalogueService {
  /** Accepts a full URN, a bare code or a package id. */
  find(urnOrCodeOrId: string): AccessPackage | undefined;
  all(): AccessPackage[];
}

/** Resource registry. Owned by components/resourceregistry. */
export interface ResourceRegistryService {
  resource(identifier: string): Resource | undefined;
  all(): Resource[];
  upsert(resource: Resource): { created: boolean };
}

/** Maskinporten clients. Owned by components/maskinporten. */
export interface MaskinportenClientService {
  client(clientId: string): MaskinportenClient | undefined;
  register(client: MaskinportenClient): MaskinportenClient;
}

/** The system register. Owned by components/authentication. */
export interface SystemRegisterService {
  system(systemId: string): RegisteredSystem | undefined;
}

/** System users. Owned by components/authentication. */
export interface SystemUserService {
  systemUser(id: string): SystemUser | undefined;
  /** Maskinporten's lookup (docs/contracts/altinn-authentication.md §6.2, §5.2 byExternalId). */
  byExternalId(query: {
    clientId: string;
    systemProviderOrgNo: string;
    systemUserOwnerOrgNo: string;
    externalRef?: string;
  }): SystemUser | undefined;
}

/** Packages one AM role gives (ClientDto.access): the role code (regnskapsforer, rettighetshaver, ...) and package codes. */
export interface RolePackages {
  /** AM role code: regnskapsforer, revisor, forretningsforer, rettighetshaver, ... (docs/contracts/altinn-authorization.md §3.1). */
  role: string;
  /** Package codes (no URN prefix). */
  packages: string[];
}

/** One client of a facilitator (AM ClientDto, docs/contracts/altinn-authorization.md §4.4): the client and what it gives, per role. */
export interface ClientAccess {
  clientOrgNo: string;
  access: RolePackages[];
}

/** One client delegated to an agent system user (AM Delegation + DelegationPackage, docs/contracts/altinn-authorization.md §4.1). */
export interface ClientDelegation {
  facilitatorOrgNo: string;
  clientOrgNo: string;
  agentSystemUserId: string;
  /** The packages delegated, per role of the client relation they came through. */
  access: RolePackages[];
}

/** The outcome of a client delegation: refused (AM's validation), or done (`changed: false` when it was all there). */
export type ClientDelegationOutcome = { ok: true; changed: boolean } | { ok: false; reason: string };

/**
 * Access management: who holds which access packages for which party. Owned by
 * components/accessmanagement. The PDP uses it as its policy information point.
 */
export interface AccessService {
  /** Grant packages from `fromOrgNo` to a system user (standard system user approval). Idempotent. */
  assignToSystemUser(fromOrgNo: string, systemUserId: string, packageUrns: string[]): void;
  /** Grant single rights (enkeltrettigheter) from `fromOrgNo` to a system user. Idempotent. */
  assignRightsToSystemUser(fromOrgNo: string, systemUserId: string, rights: Right[]): void;
  /**
   * Remove packages and single rights `fromOrgNo` gave a standard system user (an approved change request,
   * docs/contracts/change-requests.md §3). What the system user does not hold is skipped. Idempotent.
   */
  revokeFromSystemUser(fromOrgNo: string, systemUserId: string, packageUrns: string[], rights: Right[]): void;
  /** Remove every package, right and client delegation a system user holds, and its agent assignment (system user deleted). */
  revokeAllForSystemUser(systemUserId: string): void;
  /** Single rights the system user holds for `partyOrgNo`. */
  rightsForSystemUser(systemUserId: string, partyOrgNo: string): Right[];
  /**
   * Package codes (no URN prefix) the system user holds for `partyOrgNo`: packages assigned directly by
   * the party (standard system user) and packages client-delegated from the party when it is a client of
   * the agent system user's owner (docs/contracts/altinn-authorization.md §1.4 step 3, §4.1).
   */
  packagesForSystemUser(systemUserId: string, partyOrgNo: string): string[];
  /** Package codes a person holds for `orgNo` (through ER roles and direct assignments). */
  packagesForPerson(pid: string, orgNo: string): string[];
  /**
   * The facilitator's clients (AM GET clientdelegations/clients, docs/contracts/altinn-authorization.md §4.3–§4.4): every
   * organisation that has given `facilitatorOrgNo` an ER role or a rettighetshaver assignment carrying
   * delegable packages. With `anyOfPackages` (codes) only those packages are listed, and clients left
   * with none are dropped (the "any package matches" filter).
   */
  clientsOf(facilitatorOrgNo: string, anyOfPackages?: string[]): ClientAccess[];
  /**
   * Delegates packages from a client to an agent system user through the facilitator (AM POST
   * clientdelegations/agents/accesspackages, docs/contracts/altinn-authorization.md §4.3 step 4). Idempotent.
   */
  delegateToAgent(input: { facilitatorOrgNo: string; clientOrgNo: string; agentSystemUserId: string; values: RolePackages[] }): ClientDelegationOutcome;
  /** The clients delegated to an agent system user, in the order they were added. */
  clientDelegationsTo(agentSystemUserId: string): ClientDelegation[];
  /**
   * The facilitator's agents (AM GetAgents, docs/contracts/client-administration.md §1): the agent system
   * users it has an `agent` assignment to (made at the first client delegation), with when it was made.
   */
  agentsOf(facilitatorOrgNo: string): Array<{ agentSystemUserId: string; addedAt: string }>;
  /** Removes a client and every package it gave from an agent system user (cascade). False when there was none. */
  revokeClientFromAgent(facilitatorOrgNo: string, clientOrgNo: string, agentSystemUserId: string): boolean;
}

/** The PDP as a service API inside the reference calls it (the MVA sample service). Owned by components/authorization. */
export interface PdpService {
  /** Decide for a system user subject; every decision is written to the decision log, with `pep` as who asked. */
  decideForSystemUser(query: { systemUserId: string; action: string; resource: string; partyOrgNo: string; pep: PepService }): DecisionLogEntry['decision'];
  /**
   * Decide for a plain organisation subject (`urn:altinn:organization:identifier-no`), as a PEP builds it
   * from a Maskinporten token without a system user (the `consumer` org; docs/contracts/dialogporten-broker.md
   * §B.6). Every decision is written to the decision log.
   */
  decideForOrganisation(query: { orgNo: string; action: string; resource: string; partyOrgNo: string; pep: PepService }): DecisionLogEntry['decision'];
  /**
   * Decide for a person subject (`urn:altinn:person:identifier-no`), as Dialogporten asks for a person's
   * token; the party is an organisation or a person (the person's own party gives the PRIV role,
   * docs/contracts/pdp-callers.md §2). Every decision is written to the decision log.
   */
  decideForPerson(query: { pid: string; action: string; resource: string; party: { orgNo: string } | { pid: string }; pep: PepService }): DecisionLogEntry['decision'];
}

/** The PDP's decision log. Owned by components/authorization. */
export interface DecisionLogService {
  record(entry: DecisionLogEntry): void;
  list(): DecisionLogEntry[];
}

export interface Services {
  register: RegisterService;
  catalogue: CatalogueService;
  resources: ResourceRegistryService;
  maskinportenClients: MaskinportenClientService;
  systemRegister: SystemRegisterService;
  systemUsers: SystemUserService;
  access: AccessService;
  decisions: DecisionLogService;
  pdp: PdpService;
}
