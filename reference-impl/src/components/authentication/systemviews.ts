// The end-user views of a registered system (docs/contracts/platform-behaviour.md §2):
// GET systemregister/{systemId}/rights and GET systemregister/{systemId}/accesspackages, read by the
// portal (any token with altinn:portal/enduser: a person's, or an enterprise token) to show what a
// system asks for. Altinn reads the stored lists without looking at is_deleted, and an unknown
// system is an empty list, not a 404.

import type { FastifyRequest } from 'fastify';
import type { Right } from '../../platform/model.ts';
import { RESOURCE_ATTRIBUTE, type AuthContext } from './context.ts';

export type SystemViewRequest = FastifyRequest<{ Params: { systemId: string }; Querystring: { useOldFormatForApp?: string } }>;

const ORG_ATTRIBUTE = 'urn:altinn:org';
const APP_ATTRIBUTE = 'urn:altinn:app';

/**
 * `useOldFormatForApp=true`: an app resource `app_{org}_{app}` becomes the pair urn:altinn:org +
 * urn:altinn:app; other resource ids stay; attributes that are not urn:altinn:resource are left out,
 * as Altinn's DelegationHelper does.
 */
function oldAppFormat(resource: Right['resource']): Right['resource'] {
  const out: Right['resource'] = [];
  for (const pair of resource) {
    if (pair.id !== RESOURCE_ATTRIBUTE) continue;
    if (pair.value.startsWith('app_')) {
      const parts = pair.value.split('_');
      const org = parts[1] ?? '';
      const app = parts.slice(2).join('_');
      if (parts.length >= 3 && org !== '' && app !== '') out.push({ id: ORG_ATTRIBUTE, value: org }, { id: APP_ATTRIBUTE, value: app });
    } else {
      out.push({ id: pair.id, value: pair.value });
    }
  }
  return out;
}

export function systemViewHandlers(ctx: AuthContext) {
  return {
    /** GET systemregister/{systemId}/rights[?useOldFormatForApp=true]. */
    async rights(request: SystemViewRequest) {
      const system = ctx.store.systems.get(request.params.systemId);
      const oldFormat = String(request.query.useOldFormatForApp ?? '').toLowerCase() === 'true';
      return (system?.rights ?? []).map((r) => ({
        ...(r.action !== undefined ? { action: r.action } : {}),
        resource: oldFormat ? oldAppFormat(r.resource) : r.resource.map((p) => ({ id: p.id, value: p.value })),
      }));
    },

    /** GET systemregister/{systemId}/accesspackages (useOldFormatForApp is taken and ignored). */
    async accessPackages(request: SystemViewRequest) {
      const system = ctx.store.systems.get(request.params.systemId);
      return (system?.accessPackages ?? []).map((p) => ({ urn: p.urn }));
    },
  };
}
