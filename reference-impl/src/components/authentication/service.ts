// The services the authentication component offers the other components (platform/services.ts):
// the system register and system users, read-only. byExternalId is the one place its matching rule
// lives; the HTTP route (systemusers.ts) and the Maskinporten stand-in both call it.

import { faultActive, type FaultConfig } from '../../faults.ts';
import type { RegisteredSystem, SystemUser } from '../../platform/model.ts';
import type { Services, SystemRegisterService, SystemUserService } from '../../platform/services.ts';
import type { AuthenticationStore, StoredSystem, StoredSystemUser } from './store.ts';

function publicSystem(s: StoredSystem): RegisteredSystem {
  return {
    id: s.id,
    vendorOrgNo: s.vendorOrgNo,
    name: { ...s.name },
    description: { ...s.description },
    rights: s.rights.map((r) => ({ ...r, resource: r.resource.map((p) => ({ ...p })) })),
    accessPackages: s.accessPackages.map((p) => ({ urn: p.urn })),
    clientId: [...s.clientId],
    allowedRedirectUrls: [...s.allowedRedirectUrls],
    isVisible: s.isVisible,
    isDeleted: s.isDeleted,
  };
}

function publicSystemUser(u: StoredSystemUser): SystemUser {
  return {
    id: u.id,
    integrationTitle: u.integrationTitle,
    systemId: u.systemId,
    productName: u.productName,
    reporteeOrgNo: u.reporteeOrgNo,
    created: u.created,
    isDeleted: u.isDeleted,
    supplierName: u.supplierName,
    supplierOrgno: u.supplierOrgno,
    externalRef: u.externalRef,
    userType: u.userType,
    accessPackages: u.accessPackages.map((p) => ({ urn: p.urn })),
    rights: u.rights.map((r) => ({ ...r, resource: r.resource.map((p) => ({ ...p })) })),
  };
}

export interface ByExternalIdQuery {
  clientId: string;
  systemProviderOrgNo: string;
  systemUserOwnerOrgNo: string;
  externalRef?: string | undefined;
}

/**
 * Maskinporten's lookup (docs/contracts/altinn-authentication.md §5.2 byExternalId, §6.2). A hit needs all of:
 * the system user is active and owned by `systemUserOwnerOrgNo`; its system is active and lists
 * `clientId` (exact match); the system's vendor is `systemProviderOrgNo`; `externalRef` matches exactly,
 * defaulting to the owner org number when absent or empty.
 */
export function findByExternalId(store: AuthenticationStore, query: ByExternalIdQuery, options: { includeDeleted?: boolean } = {}): StoredSystemUser | undefined {
  const externalRef = query.externalRef ? query.externalRef : query.systemUserOwnerOrgNo;
  return store.systemUsers.all().find((u) => {
    if ((u.isDeleted && options.includeDeleted !== true) || u.reporteeOrgNo !== query.systemUserOwnerOrgNo || u.externalRef !== externalRef) return false;
    const system = store.systems.get(u.systemId);
    return (
      system !== undefined &&
      !system.isDeleted &&
      system.clientId.includes(query.clientId) &&
      system.vendorOrgNo === query.systemProviderOrgNo
    );
  });
}

export class AuthenticationSystemRegisterService implements SystemRegisterService {
  constructor(readonly store: AuthenticationStore) {}

  /** Any registered system, deleted ones included (check `isDeleted`). */
  system(systemId: string): RegisteredSystem | undefined {
    const s = this.store.systems.get(systemId);
    return s ? publicSystem(s) : undefined;
  }
}

export class AuthenticationSystemUserService implements SystemUserService {
  constructor(
    readonly store: AuthenticationStore,
    private readonly services?: Services,
    private readonly config?: FaultConfig,
  ) {}

  /** Any system user, deleted ones included (check `isDeleted`). */
  systemUser(id: string): SystemUser | undefined {
    const u = this.store.systemUsers.get(id);
    return u ? publicSystemUser(u) : undefined;
  }

  byExternalId(query: ByExternalIdQuery): SystemUser | undefined {
    // Fault slett-systembruker-beholder-token (selfcheck): the lookup Maskinporten asks also finds a deleted system user.
    const includeDeleted = faultActive(this.config, 'slett-systembruker-beholder-token');
    const u = findByExternalId(this.store, query, { includeDeleted }) ?? this.viaClientFault(query);
    return u ? publicSystemUser(u) : undefined;
  }

  /**
   * Fault maskinporten-godta-klient-org (selfcheck): Maskinporten's lookup also takes a client of an
   * agent system user for its owner, so a token is issued when systemuser_org names the client.
   */
  private viaClientFault(query: ByExternalIdQuery): StoredSystemUser | undefined {
    if (!faultActive(this.config, 'maskinporten-godta-klient-org') || !this.services) return undefined;
    const access = this.services.access;
    const owners = this.store.systemUsers.all()
      .filter((u) => !u.isDeleted && access.clientDelegationsTo(u.id).some((d) => d.clientOrgNo === query.systemUserOwnerOrgNo))
      .map((u) => u.reporteeOrgNo);
    for (const owner of new Set(owners)) {
      const found = findByExternalId(this.store, { ...query, systemUserOwnerOrgNo: owner });
      if (found) return found;
    }
    return undefined;
  }
}
