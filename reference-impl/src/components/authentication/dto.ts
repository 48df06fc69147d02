// Response shapes of the authentication component, member for member as the contract writes them
// (docs/contracts/altinn-authentication.md §2.2, §3.2, §3.5, §5.1). Members that are null in Altinn are left out
// (undefined here; JSON.stringify drops them), as ASP.NET's WhenWritingNull does.

import type { Organisation, Right } from '../../platform/model.ts';
import type { StoredChangeRequest, StoredRequest, StoredSystem, StoredSystemUser, SystemChangeLogEntry } from './store.ts';

/** Requests time out after 180 days (docs/contracts/altinn-authentication.md §3.3): the status stays, `timedOut` is set. */
const REQUEST_TIMEOUT_MS = 180 * 24 * 60 * 60 * 1000;

function copyRights(rights: Right[]): Right[] {
  return rights.map((r) => ({
    ...(r.action !== undefined ? { action: r.action } : {}),
    resource: r.resource.map((p) => ({ id: p.id, value: p.value })),
  }));
}

function copyPackages(packages: Array<{ urn: string }>): Array<{ urn: string }> {
  return packages.map((p) => ({ urn: p.urn }));
}

/** RegisteredSystemResponse (GET vendor/{systemId}). `vendor.ID` is rebuilt as 0192:<orgno>. */
export function registeredSystemResponse(s: StoredSystem) {
  return {
    id: s.id,
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${s.vendorOrgNo}` },
    name: { ...s.name },
    description: { ...s.description },
    rights: copyRights(s.rights),
    accessPackages: copyPackages(s.accessPackages),
    isDeleted: s.isDeleted,
    clientId: [...s.clientId],
    isVisible: s.isVisible,
    allowedRedirectUrls: [...s.allowedRedirectUrls],
  };
}

/** RegisteredSystemDTO (GET vendor). */
export function registeredSystemDto(s: StoredSystem) {
  return {
    systemId: s.id,
    systemVendorOrgNumber: s.vendorOrgNo,
    systemVendorOrgName: '',
    name: { ...s.name },
    description: { ...s.description },
    rights: copyRights(s.rights),
    accessPackages: copyPackages(s.accessPackages),
    isVisible: s.isVisible,
  };
}

export function changeLogEntry(e: SystemChangeLogEntry) {
  return {
    systemInternalId: e.systemInternalId,
    changedByOrgNumber: e.changedByOrgNumber,
    changeType: e.changeType,
    changedData: e.changedData ?? undefined,
    clientId: e.clientId,
    created: e.created,
  };
}

export function isTimedOut(r: StoredRequest, now = Date.now()): boolean {
  return now - Date.parse(r.created) > REQUEST_TIMEOUT_MS;
}

/** confirmUrl (docs/contracts/altinn-authentication.md §3.1), on the reference's own portal. */
export function confirmUrl(publicUrl: string, r: StoredRequest): string {
  const page = r.userType === 'agent' ? 'agentrequest' : 'request';
  return `${publicUrl}/portal/accessmanagement/ui/systemuser/${page}?id=${r.id}&DONTCHOOSEREPORTEE=true`;
}

/** RequestSystemResponse (standard) or AgentRequestSystemResponse (the same without `rights`). */
export function requestResponse(publicUrl: string, r: StoredRequest) {
  return {
    id: r.id,
    integrationTitle: r.integrationTitle,
    externalRef: r.externalRef,
    systemId: r.systemId,
    partyOrgNo: r.partyOrgNo,
    ...(r.userType === 'standard' ? { rights: copyRights(r.rights) } : {}),
    accessPackages: copyPackages(r.accessPackages),
    status: r.status,
    redirectUrl: r.redirectUrl,
    confirmUrl: confirmUrl(publicUrl, r),
    escalated: r.escalated,
    created: r.created,
    timedOut: isTimedOut(r),
  };
}

/** RequestSystemResponseInternal (docs/contracts/altinn-authentication.md §3.5): the end-user view of a request. */
export function requestResponseInternal(publicUrl: string, r: StoredRequest, party: Organisation, userMayEscalateButNotApprove: boolean) {
  return {
    id: r.id,
    integrationTitle: r.integrationTitle,
    externalRef: r.externalRef,
    systemId: r.systemId,
    partyOrgNo: r.partyOrgNo,
    partyId: party.partyId,
    partyUuid: party.partyUuid,
    rights: r.userType === 'standard' ? copyRights(r.rights) : [],
    accessPackages: copyPackages(r.accessPackages),
    status: r.status,
    redirectUrl: r.redirectUrl,
    confirmUrl: confirmUrl(publicUrl, r),
    escalated: r.escalated,
    userMayEscalateButNotApprove,
    created: r.created,
    systemUserType: r.userType === 'agent' ? 'Agent' : 'Standard',
  };
}

/** SystemUserExternalDTO (docs/contracts/altinn-authentication.md §5.1): no accessPackages, partyId or systemInternalId. */
export function systemUserExternal(u: StoredSystemUser, productName = u.productName) {
  return {
    id: u.id,
    integrationTitle: u.integrationTitle,
    systemId: u.systemId,
    productName,
    reporteeOrgNo: u.reporteeOrgNo,
    created: u.created,
    isDeleted: u.isDeleted,
    supplierName: u.supplierName,
    supplierOrgno: u.supplierOrgno,
    externalRef: u.externalRef,
    userType: u.userType,
  };
}

/** SystemUserInternalDTO (end-user list): the external shape plus the internal ids and the packages. */
export function systemUserInternal(u: StoredSystemUser) {
  return {
    id: u.id,
    integrationTitle: u.integrationTitle,
    systemId: u.systemId,
    productName: u.productName,
    systemInternalId: u.systemInternalId,
    partyId: String(u.partyId),
    partyUuId: u.partyUuid,
    reporteeOrgNo: u.reporteeOrgNo,
    created: u.created,
    isDeleted: u.isDeleted,
    supplierName: u.supplierName,
    supplierOrgno: u.supplierOrgno,
    externalRef: u.externalRef,
    userType: u.userType,
    accessPackages: copyPackages(u.accessPackages),
  };
}

/** SystemUserDetailInternalDTO (end-user detail): the internal shape plus the single rights. */
export function systemUserDetailInternal(u: StoredSystemUser) {
  return { ...systemUserInternal(u), rights: copyRights(u.rights) };
}

/**
 * confirmUrl of a change request (docs/contracts/change-requests.md §2), on the reference's own portal
 * as requests build theirs; `""` for NoChangeNeeded.
 */
export function changeRequestConfirmUrl(publicUrl: string, c: StoredChangeRequest): string {
  if (c.status === 'NoChangeNeeded') return '';
  return `${publicUrl}/portal/accessmanagement/ui/systemuser/changerequest?id=${c.id}&DONTCHOOSEREPORTEE=true`;
}

/**
 * ChangeRequestResponseInternal (docs/contracts/change-requests.md §3): what GET changerequest/{id}
 * answers a person (the BFF's read): the party's ids in place of `timedOut`.
 */
export function changeRequestResponseInternal(publicUrl: string, c: StoredChangeRequest, party: Organisation) {
  const { timedOut: _timedOut, ...rest } = changeRequestResponse(publicUrl, c);
  return { ...rest, partyId: party.partyId, partyUuid: party.partyUuid };
}

/** ChangeRequestResponse (docs/contracts/change-requests.md §2). */
export function changeRequestResponse(publicUrl: string, c: StoredChangeRequest) {
  return {
    id: c.id,
    externalRef: c.externalRef,
    systemId: c.systemId,
    systemUserId: c.systemUserId,
    partyOrgNo: c.partyOrgNo,
    requiredRights: copyRights(c.requiredRights),
    unwantedRights: copyRights(c.unwantedRights),
    requiredAccessPackages: copyPackages(c.requiredAccessPackages),
    unwantedAccessPackages: copyPackages(c.unwantedAccessPackages),
    status: c.status,
    redirectUrl: c.redirectUrl,
    confirmUrl: changeRequestConfirmUrl(publicUrl, c),
    created: c.created,
    timedOut: Date.now() - Date.parse(c.created) > REQUEST_TIMEOUT_MS,
  };
}
