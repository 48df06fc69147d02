// Access package metadata routes (docs/contracts/altinn-authorization.md §2.6). Public, as in AM: these controllers
// carry no [Authorize]. Accept-Language is not honoured: names are Norwegian (nb).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { faultActive, type FaultConfig } from '../../faults.ts';
import { NotFound } from '../../platform/errors.ts';
import type { Catalogue } from './catalogue.ts';
import { areaDto, groupDto, packageDto } from './present.ts';
import { idParams, searchQuery, urnParams } from './schemas.ts';
import { searchHandler, type SearchQuery } from './search.ts';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const BASE = '/meta/info/accesspackages';

export function metadataRoutes(app: FastifyInstance, catalogue: Catalogue, config?: FaultConfig): void {
  function groupOr404(id: string) {
    const group = catalogue.group(id);
    if (!group) throw new NotFound(`No area group with id ${id}.`);
    return group;
  }
  function areaOr404(id: string) {
    const area = catalogue.area(id);
    if (!area) throw new NotFound(`No area with id ${id}.`);
    return area;
  }

  // docs/contracts/platform-behaviour.md §3.
  app.get<{ Querystring: SearchQuery }>(`${BASE}/search`, { schema: { querystring: searchQuery } }, searchHandler(catalogue));

  app.get(`${BASE}/export`, async function exportCatalogue() {
    return catalogue.groups().map((g) => groupDto(catalogue, g));
  });

  for (const path of [`${BASE}/group`, `${BASE}/group/`]) {
    app.get(path, async function listGroups() {
      return catalogue.groups().map((g) => groupDto(catalogue, g));
    });
  }

  app.get(`${BASE}/group/:id`, { schema: { params: idParams } }, async function getGroup(request: IdRequest) {
    return groupDto(catalogue, groupOr404(request.params.id));
  });

  app.get(`${BASE}/group/:id/areas`, { schema: { params: idParams } }, async function getGroupAreas(request: IdRequest) {
    const group = groupOr404(request.params.id);
    return catalogue.areas(group.id).map((a) => areaDto(catalogue, a));
  });

  app.get(`${BASE}/area/:id`, { schema: { params: idParams } }, async function getArea(request: IdRequest) {
    return areaDto(catalogue, areaOr404(request.params.id));
  });

  app.get(`${BASE}/area/:id/packages`, { schema: { params: idParams } }, async function getAreaPackages(request: IdRequest) {
    const area = areaOr404(request.params.id);
    return catalogue.packagesIn(area.id).map((p) => packageDto(catalogue, p));
  });

  app.get(`${BASE}/package/:id`, { schema: { params: idParams } }, async function getPackage(request: IdRequest) {
    const pkg = catalogue.find(request.params.id);
    if (!pkg || pkg.id !== request.params.id.toLowerCase()) throw new NotFound(`No access package with id ${request.params.id}.`);
    return packageDto(catalogue, pkg);
  });

  // Full URN (url-encoded) or bare code (docs/contracts/altinn-authorization.md §2.6).
  app.get(`${BASE}/package/urn/:urn`, { schema: { params: urnParams } },
    async function getPackageByUrn(request: FastifyRequest<{ Params: { urn: string } }>) {
      const urn = request.params.urn;
      const pkg = catalogue.find(urn);
      if (!pkg || (pkg.urn !== urn && pkg.code !== urn)) throw new NotFound(`No access package with urn ${urn}.`);
      // Fault tilgangspakkekatalog-uten-beskrivelse (selfcheck): the package is found, but not described.
      if (faultActive(config, 'tilgangspakkekatalog-uten-beskrivelse')) return { ...packageDto(catalogue, pkg), name: '', description: '' };
      return packageDto(catalogue, pkg);
    });
}
