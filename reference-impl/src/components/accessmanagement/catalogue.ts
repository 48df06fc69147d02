// The access package catalogue built from catalogue-data.ts. Immutable: one instance per app is
// enough, but nothing breaks if there are several.

import { createHash } from 'node:crypto';
import type { AccessPackage } from '../../platform/model.ts';
import type { CatalogueService } from '../../platform/services.ts';
import {
  AREA_GROUPS,
  AREAS,
  AREAS_NOT_FOR_SERVICE_OWNERS,
  KEY_PACKAGES,
  NOT_ASSIGNABLE,
  NOT_DELEGABLE,
  NOT_FOR_SERVICE_OWNERS,
  type AreaData,
  type AreaGroupData,
} from './catalogue-data.ts';

export const PACKAGE_URN_PREFIX = 'urn:altinn:accesspackage:';

/**
 * A stable, UUID-shaped id derived from the package code (SHA-1, version nibble 5). Used for packages
 * whose real id the contracts do not give: these are NOT Altinn's ids.
 */
export function derivedPackageId(code: string): string {
  const h = createHash('sha1').update(`samsvar:accesspackage:${code}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function nameFromCode(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function buildPackage(code: string, area: AreaData): AccessPackage {
  const key = KEY_PACKAGES[code];
  const name = key?.name ?? nameFromCode(code);
  return {
    id: key?.id ?? derivedPackageId(code),
    urn: `${PACKAGE_URN_PREFIX}${code}`,
    code,
    name,
    description: key?.description ?? `Tilgangspakken ${name} i fullmaktsområdet ${area.name}.`,
    areaId: area.id,
    isDelegable: key?.isDelegable ?? !NOT_DELEGABLE.includes(code),
    isAssignable: key?.isAssignable ?? !NOT_ASSIGNABLE.includes(code),
    isResourcePolicyAvailable: key?.isResourcePolicyAvailable
      ?? (!AREAS_NOT_FOR_SERVICE_OWNERS.includes(area.code) && !NOT_FOR_SERVICE_OWNERS.includes(code)),
  };
}

export class Catalogue implements CatalogueService {
  private readonly packages: AccessPackage[];
  private readonly byCode = new Map<string, AccessPackage>();
  private readonly byId = new Map<string, AccessPackage>();

  constructor() {
    this.packages = AREAS.flatMap((area) => area.packages.map((code) => buildPackage(code, area)));
    for (const p of this.packages) {
      if (this.byCode.has(p.code) || this.byId.has(p.id)) throw new Error(`duplicate access package ${p.code}`);
      this.byCode.set(p.code, p);
      this.byId.set(p.id, p);
    }
  }

  /** A full URN (`urn:altinn:accesspackage:<code>`), `:<code>`, a bare code or a package id (docs/contracts/altinn-authorization.md §2.1). */
  find(urnOrCodeOrId: string): AccessPackage | undefined {
    const key = urnOrCodeOrId.trim();
    let found: AccessPackage | undefined;
    if (key.startsWith(PACKAGE_URN_PREFIX)) found = this.byCode.get(key.slice(PACKAGE_URN_PREFIX.length));
    else if (key.startsWith(':')) found = this.byCode.get(key.slice(1));
    else found = this.byCode.get(key) ?? this.byId.get(key.toLowerCase());
    return found ? { ...found } : undefined;
  }

  all(): AccessPackage[] {
    return this.packages.map((p) => ({ ...p }));
  }

  groups(): readonly AreaGroupData[] {
    return AREA_GROUPS;
  }

  group(id: string): AreaGroupData | undefined {
    return AREA_GROUPS.find((g) => g.id === id.toLowerCase());
  }

  areas(groupId?: string): readonly AreaData[] {
    return groupId ? AREAS.filter((a) => a.groupId === groupId) : AREAS;
  }

  area(id: string): AreaData | undefined {
    return AREAS.find((a) => a.id === id.toLowerCase());
  }

  packagesIn(areaId: string): AccessPackage[] {
    return this.packages.filter((p) => p.areaId === areaId).map((p) => ({ ...p }));
  }
}
