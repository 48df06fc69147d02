// System users, vendor and Maskinporten reads (docs/contracts/altinn-authentication.md §5.1–§5.2): vendor/bysystem
// (paged), vendor/byquery and byExternalId. Vendors cannot delete system users (§5.2).

import type { FastifyReply, FastifyRequest } from 'fastify';
import { PlainProblem } from '../../platform/errors.ts';
import { faultActive } from '../../faults.ts';
import { requireVendorForRead } from './access.ts';
import type { AuthContext } from './context.ts';
import { systemUserExternal } from './dto.ts';
import { decodeToken, paginate } from './paging.ts';
import { authProblem } from './problems.ts';
import { requestKey } from './requests.ts';
import { findByExternalId } from './service.ts';

type BySystemRequest = FastifyRequest<{ Params: { systemId: string }; Querystring: { token?: string } }>;
type ByQueryRequest = FastifyRequest<{ Querystring: { 'system-id': string; orgno: string; 'external-ref'?: string } }>;
type ByExternalIdRequest = FastifyRequest<{
  Querystring: { clientId?: string; systemProviderOrgNo?: string; systemUserOwnerOrgNo?: string; externalRef?: string };
}>;

export function systemUserHandlers(ctx: AuthContext) {
  return {
    /** GET vendor/bysystem/{systemId}[?token=]: paged by sequence number; unknown or another vendor's system → 404 AUTH-00011. */
    async listBySystem(request: BySystemRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const after = decodeToken<number>(request.query.token, 'number');
      const system = ctx.store.systems.get(request.params.systemId);
      if (!system || system.vendorOrgNo !== vendorOrgNo) throw authProblem('AUTH-00011');
      const all = ctx.store.systemUsers.listBySystem(system.id);
      const items = faultActive(ctx.config, 'systembrukerliste-mangler-nyeste') ? all.slice(0, -1) : all;
      const { page, next } = paginate(request, ctx.config.publicUrl, items, (u) => u.sequenceNo, after);
      return reply.send({ links: { next }, data: page.map((u) => systemUserExternal(u)) });
    },

    /**
     * GET vendor/byquery?system-id=&orgno=[&external-ref=]: the active system user for the key, only when
     * the caller is its supplier; otherwise 404 (Altinn: a bare 404; the reference: AUTH-00015).
     */
    async byQuery(request: ByQueryRequest, reply: FastifyReply) {
      const vendorOrgNo = requireVendorForRead(request);
      const query = request.query;
      const user = ctx.store.systemUsers.findActiveByKey(requestKey(query['system-id'], query.orgno, query['external-ref']));
      if (!user || user.supplierOrgno !== vendorOrgNo) throw authProblem('AUTH-00015');
      return reply.send(systemUserExternal(user));
    },

    /**
     * GET byExternalId (Maskinporten's lookup, §5.2, §6.2): 400 when clientId, systemProviderOrgNo or
     * systemUserOwnerOrgNo is missing (Altinn: a bare BadRequest); the match rule is findByExternalId,
     * shared with the Maskinporten stand-in. Not found → 404 (Altinn: bare; the reference: AUTH-00015).
     * productName is set to the system id, as Altinn does for Maskinporten.
     */
    async byExternalId(request: ByExternalIdRequest, reply: FastifyReply) {
      const { clientId, systemProviderOrgNo, systemUserOwnerOrgNo, externalRef } = request.query;
      if (!clientId || !systemProviderOrgNo || !systemUserOwnerOrgNo) {
        throw new PlainProblem(400, 'Bad Request', 'clientId, systemProviderOrgNo and systemUserOwnerOrgNo are required.');
      }
      const user = findByExternalId(ctx.store, { clientId, systemProviderOrgNo, systemUserOwnerOrgNo, externalRef });
      if (!user) throw authProblem('AUTH-00015');
      return reply.send(systemUserExternal(user, user.systemId));
    },
  };
}
