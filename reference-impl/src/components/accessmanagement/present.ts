// DTOs of the access package metadata API (docs/contracts/altinn-authorization.md §2.6; AM PackageDto, AreaDto,
// AreaGroupDto, TypeDto). Children are nested one way only (group -> areas -> packages), and every
// package carries a summary of its area and group, so no DTO refers back to its parent's list.
// Values the reference does not have (area group URN, icon URLs) are null, as AM writes them.

import type { AccessPackage } from '../../platform/model.ts';
import { ORGANISATION_ENTITY_TYPE, type AreaData, type AreaGroupData } from './catalogue-data.ts';
import type { Catalogue } from './catalogue.ts';

function groupSummary(group: AreaGroupData): Record<string, unknown> {
  return {
    id: group.id,
    name: group.name,
    urn: null,
    description: `Fullmaktsområder i gruppen ${group.name} (${group.nameEn}).`,
    type: ORGANISATION_ENTITY_TYPE.name,
  };
}

function areaSummary(catalogue: Catalogue, area: AreaData): Record<string, unknown> {
  const group = catalogue.group(area.groupId);
  return {
    id: area.id,
    name: area.name,
    urn: `accesspackage:area:${area.code}`,
    description: `Tilgangspakker for ${area.name.toLowerCase()}.`,
    iconUrl: null,
    group: group ? groupSummary(group) : null,
  };
}

export function packageDto(catalogue: Catalogue, pkg: AccessPackage): Record<string, unknown> {
  const area = catalogue.area(pkg.areaId);
  return {
    id: pkg.id,
    name: pkg.name,
    urn: pkg.urn,
    description: pkg.description,
    isDelegable: pkg.isDelegable,
    isAssignable: pkg.isAssignable,
    isResourcePolicyAvailable: pkg.isResourcePolicyAvailable,
    area: area ? areaSummary(catalogue, area) : null,
    type: { id: ORGANISATION_ENTITY_TYPE.id, name: ORGANISATION_ENTITY_TYPE.name },
    // The reference does not link resources to packages in the catalogue.
    resources: [],
  };
}

export function areaDto(catalogue: Catalogue, area: AreaData): Record<string, unknown> {
  return {
    ...areaSummary(catalogue, area),
    packages: catalogue.packagesIn(area.id).map((p) => packageDto(catalogue, p)),
  };
}

export function groupDto(catalogue: Catalogue, group: AreaGroupData): Record<string, unknown> {
  return {
    ...groupSummary(group),
    areas: catalogue.areas(group.id).map((a) => areaDto(catalogue, a)),
  };
}
