// Display data the pages show next to what the end-user APIs answer: names of organisations, access
// packages, resources and systems. Each read goes through the platform's own read API where the
// reference has one; two have no API in the reference and use the owning component's service seam:
// - the system's name and vendor: the portal's system register read (`GET systemregister/{systemId}`,
//   contracts authentication §2.1, portal scope) is not a route of the reference yet;
// - an organisation's partyUuid from its number: Register's party lookup is not a route of the
//   reference yet (`GET organizations/{orgNo}` answers without party ids).
// None of these decide anything: every rule is the API's.

import type { Services } from '../../platform/services.ts';
import { seg, type PlatformClient } from './platform-client.ts';

export interface PackageInfo {
  urn: string;
  code: string;
  name: string;
  description: string;
  isAssignable: boolean;
  isDelegable: boolean;
  areaName: string;
}

export interface PartyInfo {
  partyId: number;
  partyUuid: string;
  orgNo: string;
  name: string;
}

export interface SystemInfo {
  id: string;
  name: string;
  vendorOrgNo: string | undefined;
}

const PACKAGE_PREFIX = 'urn:altinn:accesspackage:';

export function packageCode(urn: string): string {
  return urn.startsWith(PACKAGE_PREFIX) ? urn.slice(PACKAGE_PREFIX.length) : urn;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Register: an organisation's name, or undefined. */
export async function organisationName(api: PlatformClient, orgNo: string): Promise<string | undefined> {
  const res = await api.get<{ name?: unknown }>(`/register/api/v1/organizations/${seg(orgNo)}`);
  return res.problem ? undefined : str(res.body?.name);
}

function partyInfo(body: Record<string, unknown>): PartyInfo | undefined {
  const partyId = body.partyId;
  const partyUuid = str(body.partyUuid);
  const orgNo = str(body.orgNumber);
  if (typeof partyId !== 'number' || !partyUuid || !orgNo) return undefined; // a person, or no party
  return { partyId, partyUuid, orgNo, name: str(body.name) ?? orgNo };
}

/** Register: an organisation party by its partyUuid. */
export async function partyByUuid(api: PlatformClient, partyUuid: string): Promise<PartyInfo | undefined> {
  const res = await api.get<Record<string, unknown>>(`/register/api/v1/parties/byuuid/${seg(partyUuid)}`);
  return res.problem || !res.body || typeof res.body !== 'object' ? undefined : partyInfo(res.body);
}

/** Register: an organisation party by its legacy integer party id. */
export async function partyById(api: PlatformClient, partyId: string): Promise<PartyInfo | undefined> {
  const res = await api.get<Record<string, unknown>>(`/register/api/v1/parties/${seg(partyId)}`);
  return res.problem || !res.body || typeof res.body !== 'object' ? undefined : partyInfo(res.body);
}

/** An organisation party by org number (register service: no lookup route in the reference, see above). */
export function partyByOrgNo(services: Services, orgNo: string): PartyInfo | undefined {
  const org = services.register.organisation(orgNo);
  return org ? { partyId: org.partyId, partyUuid: org.partyUuid, orgNo: org.orgNo, name: org.name } : undefined;
}

function toPackageInfo(body: Record<string, unknown>): PackageInfo | undefined {
  const urn = str(body.urn);
  if (!urn) return undefined;
  const area = body.area && typeof body.area === 'object' ? (body.area as Record<string, unknown>) : {};
  return {
    urn,
    code: packageCode(urn),
    name: str(body.name) ?? packageCode(urn),
    description: str(body.description) ?? '',
    isAssignable: body.isAssignable === true,
    isDelegable: body.isDelegable === true,
    areaName: str(area.name) ?? '',
  };
}

/** Access package metadata: one package by URN (contracts authorization §2.6); unknown → the code alone. */
export async function packageInfo(api: PlatformClient, urn: string): Promise<PackageInfo> {
  const res = await api.get<Record<string, unknown>>(`/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${seg(urn)}`);
  const info = !res.problem && res.body && typeof res.body === 'object' ? toPackageInfo(res.body) : undefined;
  return info ?? { urn, code: packageCode(urn), name: packageCode(urn), description: '', isAssignable: false, isDelegable: false, areaName: '' };
}

/** Access package metadata: the whole catalogue (export: groups → areas → packages), flattened. */
export async function catalogue(api: PlatformClient): Promise<PackageInfo[]> {
  const res = await api.get<unknown>('/accessmanagement/api/v1/meta/info/accesspackages/export');
  if (res.problem || !Array.isArray(res.body)) return [];
  const out: PackageInfo[] = [];
  for (const group of res.body as Array<Record<string, unknown>>) {
    for (const area of Array.isArray(group.areas) ? (group.areas as Array<Record<string, unknown>>) : []) {
      for (const pkg of Array.isArray(area.packages) ? (area.packages as Array<Record<string, unknown>>) : []) {
        const info = toPackageInfo(pkg);
        if (info) out.push({ ...info, areaName: info.areaName || (str(area.name) ?? '') });
      }
    }
  }
  return out;
}

/** Resource registry: a resource's Norwegian title, or the identifier. */
export async function resourceTitle(api: PlatformClient, identifier: string): Promise<string> {
  const res = await api.get<{ title?: Record<string, unknown> }>(`/resourceregistry/api/v1/resource/${seg(identifier)}`);
  const title = res.problem ? undefined : res.body?.title;
  return (title && (str(title.nb) ?? str(title.nn) ?? str(title.en))) ?? identifier;
}

/** System register: the system's name (nb, else nn, en) and vendor (service seam, see above). */
export function systemInfo(services: Services, systemId: string): SystemInfo {
  const system = services.systemRegister.system(systemId);
  if (!system) return { id: systemId, name: systemId, vendorOrgNo: undefined };
  const name = system.name.nb ?? system.name.nn ?? system.name.en ?? systemId;
  return { id: systemId, name, vendorOrgNo: system.vendorOrgNo };
}
