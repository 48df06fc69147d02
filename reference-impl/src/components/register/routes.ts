// Minimal read routes of Register v1 (prefix /register/api/v1).
//
// Register v1 is platform-internal (docs/contracts/register.md §1): every route wants the scope
// `altinn:register/partylookup.admin` or a platform access token. The reference issues no platform
// access tokens, so here the scope is the one way in: a token without it gets 403, no token 401. The
// reference's own portal reads Register server side, as the platform, through the register service
// (components/portal/lookups.ts), not over these routes.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireBearer } from '../../platform/tokens.ts';
import { organisationPartyJson, organizationJson, personPartyJson } from './present.ts';
import { orgNoParams, partyIdParams, partyUuidParams } from './schemas.ts';
import type { RegisterService } from '../../platform/services.ts';

/** The scope of Register's policy InternalOrPlatformAccess (docs/contracts/register.md §1). */
export const PARTY_LOOKUP_ADMIN_SCOPE = 'altinn:register/partylookup.admin';

export function registerRoutes(app: FastifyInstance, opts: ComponentOptions, store: RegisterService): void {
  const accept: ['maskinporten', 'idporten'] = ['maskinporten', 'idporten'];
  const internal = requireBearer(opts.issuers, { accept, anyScope: [PARTY_LOOKUP_ADMIN_SCOPE] });
  // Fault register-viser-fodselsnummer: any valid bearer token reads every party, a person's ssn included.
  const anyToken = requireBearer(opts.issuers, { accept, anyScope: [] });
  const partyLookup = (request: FastifyRequest, reply: FastifyReply) =>
    (faultActive(opts.config, 'register-viser-fodselsnummer') ? anyToken : internal)(request, reply);

  app.get('/organizations/:orgNo', { onRequest: internal, schema: { params: orgNoParams } },
    async function getOrganization(request: FastifyRequest<{ Params: { orgNo: string } }>) {
      const org = store.organisation(request.params.orgNo);
      if (!org) throw new NotFound(`No organization with number ${request.params.orgNo}.`);
      return organizationJson(org);
    });

  app.get('/parties/:partyId', { onRequest: partyLookup, schema: { params: partyIdParams } },
    async function getParty(request: FastifyRequest<{ Params: { partyId: string } }>) {
      const partyId = Number(request.params.partyId);
      const org = store.organisationByPartyId(partyId);
      if (org) return organisationPartyJson(org);
      const person = store.personByPartyId(partyId);
      if (person) return personPartyJson(person);
      throw new NotFound(`No party with id ${request.params.partyId}.`);
    });

  app.get('/parties/byuuid/:partyUuid', { onRequest: partyLookup, schema: { params: partyUuidParams } },
    async function getPartyByUuid(request: FastifyRequest<{ Params: { partyUuid: string } }>) {
      const org = store.organisationByPartyUuid(request.params.partyUuid);
      if (org) return organisationPartyJson(org);
      const person = store.personByPartyUuid(request.params.partyUuid);
      if (person) return personPartyJson(person);
      throw new NotFound(`No party with uuid ${request.params.partyUuid}.`);
    });
}
