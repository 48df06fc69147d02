// Minimal read routes of Register v1 (prefix /register/api/v1).
//
// Real Register v1 is platform-internal (it also wants a platform access token from an Altinn app).
// The reference asks only for a valid bearer token from one of its own issuers, with no scope: the
// suite has no platform access token to present. These routes exist for debugging and evidence.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireBearer } from '../../platform/tokens.ts';
import { organisationPartyJson, organizationJson, personPartyJson } from './present.ts';
import { orgNoParams, partyIdParams, partyUuidParams } from './schemas.ts';
import type { RegisterService } from '../../platform/services.ts';

export function registerRoutes(app: FastifyInstance, opts: ComponentOptions, store: RegisterService): void {
  const bearer = requireBearer(opts.issuers, { accept: ['maskinporten', 'idporten'], anyScope: [] });

  app.get('/organizations/:orgNo', { onRequest: bearer, schema: { params: orgNoParams } },
    async function getOrganization(request: FastifyRequest<{ Params: { orgNo: string } }>) {
      const org = store.organisation(request.params.orgNo);
      if (!org) throw new NotFound(`No organization with number ${request.params.orgNo}.`);
      return organizationJson(org);
    });

  app.get('/parties/:partyId', { onRequest: bearer, schema: { params: partyIdParams } },
    async function getParty(request: FastifyRequest<{ Params: { partyId: string } }>) {
      const partyId = Number(request.params.partyId);
      const org = store.organisationByPartyId(partyId);
      if (org) return organisationPartyJson(org);
      const person = store.personByPartyId(partyId);
      if (person) return personPartyJson(person);
      throw new NotFound(`No party with id ${request.params.partyId}.`);
    });

  app.get('/parties/byuuid/:partyUuid', { onRequest: bearer, schema: { params: partyUuidParams } },
    async function getPartyByUuid(request: FastifyRequest<{ Params: { partyUuid: string } }>) {
      const org = store.organisationByPartyUuid(request.params.partyUuid);
      if (org) return organisationPartyJson(org);
      const person = store.personByPartyUuid(request.params.partyUuid);
      if (person) return personPartyJson(person);
      throw new NotFound(`No party with uuid ${request.params.partyUuid}.`);
    });
}
