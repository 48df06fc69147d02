// In-memory stores of the authentication component: the system register (with its change log),
// system user requests (standard and agent) and system users. One AuthenticationStore is created per
// app instance (see index.ts); nothing here is module-level state.

import type { RegisteredSystem, Right, SystemUser, SystemUserType } from '../../platform/model.ts';

/** A registered system as stored: the shared model plus what only this component needs. */
export interface StoredSystem extends RegisteredSystem {
  /** The GUID returned by POST vendor (docs/contracts/altinn-authentication.md §2.1). */
  internalId: string;
  created: string;
  lastChanged: string;
}

/** docs/contracts/altinn-authentication.md §2.1: changeType of the change log. */
export type SystemChangeType = 'create' | 'update' | 'rightsupdate' | 'accesspackageupdate' | 'delete' | 'unknown';

export interface SystemChangeLogEntry {
  systemInternalId: string;
  changedByOrgNumber: string | undefined;
  changeType: SystemChangeType;
  changedData: unknown;
  clientId: string | undefined;
  created: string;
}

/** docs/contracts/altinn-authentication.md §3.3. `Denied` and `Timedout` exist but are never set by the current code. */
export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

export interface StoredRequest {
  id: string;
  userType: SystemUserType;
  /** The vendor (token consumer) that created the request. */
  vendorOrgNo: string;
  integrationTitle: string | undefined;
  externalRef: string;
  systemId: string;
  partyOrgNo: string;
  /** Always [] for agent requests. */
  rights: Right[];
  accessPackages: Array<{ urn: string }>;
  status: RequestStatus;
  redirectUrl: string | undefined;
  escalated: boolean;
  created: string;
  isDeleted: boolean;
}

/** docs/contracts/change-requests.md §2: a change request's status. `NoChangeNeeded` is answered, never stored. */
export type ChangeRequestStatus = 'New' | 'Accepted' | 'Rejected' | 'NoChangeNeeded';

/** A change request on a standard system user (docs/contracts/change-requests.md); id = the correlation id. */
export interface StoredChangeRequest {
  id: string;
  /** The vendor (token consumer) that made the change request. */
  vendorOrgNo: string;
  systemUserId: string;
  systemId: string;
  partyOrgNo: string;
  externalRef: string;
  requiredRights: Right[];
  unwantedRights: Right[];
  requiredAccessPackages: Array<{ urn: string }>;
  unwantedAccessPackages: Array<{ urn: string }>;
  status: ChangeRequestStatus;
  redirectUrl: string | undefined;
  created: string;
  isDeleted: boolean;
}

/** A system user as stored: the shared model plus the internal fields of SystemUserInternalDTO. */
export interface StoredSystemUser extends SystemUser {
  partyId: number;
  partyUuid: string;
  systemInternalId: string;
  /** Paging key of the vendor list (docs/contracts/altinn-authentication.md §5.2: system users page by sequence number). */
  sequenceNo: number;
}

function lower(s: string): string {
  return s.toLowerCase();
}

export class SystemStore {
  private readonly systems = new Map<string, StoredSystem>();
  private readonly changeLog: SystemChangeLogEntry[] = [];

  /** Any system with this id, deleted ones included (ids are never reused, docs/contracts/altinn-authentication.md §2.2). */
  get(id: string): StoredSystem | undefined {
    return this.systems.get(id);
  }

  has(id: string): boolean {
    return this.systems.has(id);
  }

  insert(system: StoredSystem): boolean {
    if (this.systems.has(system.id)) return false;
    this.systems.set(system.id, system);
    return true;
  }

  replace(system: StoredSystem): void {
    this.systems.set(system.id, system);
  }

  /** Non-deleted systems of a vendor, in registration order. */
  listByVendor(vendorOrgNo: string): StoredSystem[] {
    return [...this.systems.values()].filter((s) => !s.isDeleted && s.vendorOrgNo === vendorOrgNo);
  }

  /**
   * The active system that lists `clientId` (compared case-insensitively, as Altinn does on PUT).
   * Deleted systems lose their client id mappings (docs/contracts/altinn-authentication.md §2.1 DELETE).
   */
  activeSystemWithClientId(clientId: string, except?: string): StoredSystem | undefined {
    const wanted = lower(clientId);
    for (const s of this.systems.values()) {
      if (s.isDeleted || s.id === except) continue;
      if (s.clientId.some((c) => lower(c) === wanted)) return s;
    }
    return undefined;
  }

  log(entry: SystemChangeLogEntry): void {
    this.changeLog.push(entry);
  }

  /**
   * The system's change log, newest entry first, as Altinn answers it (`ORDER BY created DESC`;
   * docs/contracts/platform-behaviour.md §1). Entries made in the same millisecond keep their order of
   * logging, reversed.
   */
  changes(systemInternalId: string): SystemChangeLogEntry[] {
    return this.changeLog.filter((e) => e.systemInternalId === systemInternalId).reverse();
  }
}

export interface RequestKey {
  systemId: string;
  partyOrgNo: string;
  externalRef: string;
}

export class RequestStore {
  private readonly requests = new Map<string, StoredRequest>();

  /** A non-deleted request of the given type. */
  get(id: string, userType: SystemUserType): StoredRequest | undefined {
    const r = this.requests.get(lower(id));
    return r && !r.isDeleted && r.userType === userType ? r : undefined;
  }

  /** A non-deleted request of either type. */
  getAny(id: string): StoredRequest | undefined {
    const r = this.requests.get(lower(id));
    return r && !r.isDeleted ? r : undefined;
  }

  insert(request: StoredRequest): void {
    this.requests.set(lower(request.id), request);
  }

  /** The non-deleted request of this type for the uniqueness key (docs/contracts/altinn-authentication.md §3.3). */
  findByKey(userType: SystemUserType, key: RequestKey): StoredRequest | undefined {
    for (const r of this.requests.values()) {
      if (r.isDeleted || r.userType !== userType) continue;
      if (r.systemId === key.systemId && r.partyOrgNo === key.partyOrgNo && r.externalRef === key.externalRef) return r;
    }
    return undefined;
  }

  /** Non-deleted requests of a type for a system, ordered by id (Altinn pages requests in GUID order). */
  listBySystem(userType: SystemUserType, systemId: string): StoredRequest[] {
    return [...this.requests.values()]
      .filter((r) => !r.isDeleted && r.userType === userType && r.systemId === systemId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export class ChangeRequestStore {
  private readonly changeRequests = new Map<string, StoredChangeRequest>();

  /** Any change request with this id, deleted ones included (a correlation id is never reused). */
  getIncludingDeleted(id: string): StoredChangeRequest | undefined {
    return this.changeRequests.get(lower(id));
  }

  /** A non-deleted change request. */
  get(id: string): StoredChangeRequest | undefined {
    const c = this.changeRequests.get(lower(id));
    return c && !c.isDeleted ? c : undefined;
  }

  insert(changeRequest: StoredChangeRequest): void {
    this.changeRequests.set(lower(changeRequest.id), changeRequest);
  }

  /** The newest non-deleted change request for the uniqueness key of its system user. */
  findByKey(key: RequestKey): StoredChangeRequest | undefined {
    let found: StoredChangeRequest | undefined;
    for (const c of this.changeRequests.values()) {
      if (c.isDeleted || c.systemId !== key.systemId || c.partyOrgNo !== key.partyOrgNo || c.externalRef !== key.externalRef) continue;
      if (!found || c.created >= found.created) found = c;
    }
    return found;
  }

  /** Non-deleted change requests for a system, ordered by id (as requests are paged). */
  listBySystem(systemId: string): StoredChangeRequest[] {
    return [...this.changeRequests.values()]
      .filter((c) => !c.isDeleted && c.systemId === systemId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

export class SystemUserStore {
  private readonly users = new Map<string, StoredSystemUser>();
  private sequence = 0;

  nextSequenceNo(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Any system user with this id, deleted ones included. */
  get(id: string): StoredSystemUser | undefined {
    return this.users.get(lower(id));
  }

  /** A system user that is not deleted. */
  getActive(id: string): StoredSystemUser | undefined {
    const u = this.get(id);
    return u && !u.isDeleted ? u : undefined;
  }

  insert(user: StoredSystemUser): void {
    this.users.set(lower(user.id), user);
  }

  /** The active system user for the uniqueness key, whatever its type (docs/contracts/altinn-authentication.md §3.4 step 2). */
  findActiveByKey(key: RequestKey): StoredSystemUser | undefined {
    for (const u of this.users.values()) {
      if (u.isDeleted) continue;
      if (u.systemId === key.systemId && u.reporteeOrgNo === key.partyOrgNo && u.externalRef === key.externalRef) return u;
    }
    return undefined;
  }

  /** Active system users of a system, ordered by sequence number. */
  listBySystem(systemId: string): StoredSystemUser[] {
    return [...this.users.values()].filter((u) => !u.isDeleted && u.systemId === systemId).sort((a, b) => a.sequenceNo - b.sequenceNo);
  }

  /** Active system users of a type owned by a party. */
  listByParty(partyId: number, userType: SystemUserType): StoredSystemUser[] {
    return [...this.users.values()]
      .filter((u) => !u.isDeleted && u.partyId === partyId && u.userType === userType)
      .sort((a, b) => a.sequenceNo - b.sequenceNo);
  }

  all(): StoredSystemUser[] {
    return [...this.users.values()];
  }
}

/** Everything the authentication component stores, for one app instance. */
export class AuthenticationStore {
  readonly systems = new SystemStore();
  readonly requests = new RequestStore();
  readonly changeRequests = new ChangeRequestStore();
  readonly systemUsers = new SystemUserStore();
}
