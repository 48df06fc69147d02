// Display data the pages show next to what the end-user APIs answer: names of organisations, access
// packages, resources and systems. Each read goes through the platform's own read API where that API is
// one an end user's token may call; the others are read server side, as the platform reads them for
// Altinn's own frontend, through the owning component's service seam:
// - the system's name and vendor: the portal's system register read (`GET systemregister/{systemId}`,
//   docs/contracts/altinn-authentication.md §2.1, portal scope) is not a route of the reference yet;
// - organisations and parties from Register: Register v1 is platform-internal (docs/contracts/register.md
//   §1), so a person's token is refused there; the portal reads the register service, as Altinn's
//   frontend reads Register with its platform access token.
// None of these decide anything: every rule is the API's.

import type { Organisation } from '../../platform/model.ts';
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

/** Register (read server side, see above): an organisation's name, or undefined. */
export function organisationName(services: Services, orgNo: string): string | undefined {
  return services.register.organisation(orgNo)?.name;
}

function partyInfo(org: Organisation | undefined): PartyInfo | undefined {
  return org ? { partyId: org.partyId, partyUuid: org.partyUuid, orgNo: org.orgNo, name: org.name } : undefined;
}

/** Register (read server side): an organisation party by its partyUuid; a person or no party is undefined. */
export function partyByUuid(services: Services, partyUuid: string): PartyInfo | undefined {
  return partyInfo(services.register.organisationByPartyUuid(partyUuid));
}

/** Register (read server side): an organisation party by its legacy integer party id. */
export function partyById(services: Services, partyId: string): PartyInfo | undefined {
  return /^[0-9]{1,10}$/.test(partyId) ? partyInfo(services.register.organisationByPartyId(Number(partyId))) : undefined;
}

/** Register (read server side): an organisation party by org number. */
export function partyByOrgNo(services: Services, orgNo: string): PartyInfo | undefined {
  return partyInfo(services.register.organisation(orgNo));
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

/** Access package metadata: one package by URN (docs/contracts/altinn-authorization.md §2.6); unknown → the code alone. */
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
