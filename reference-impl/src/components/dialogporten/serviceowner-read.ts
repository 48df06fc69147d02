// The service owner's reading side of Dialogporten (docs/contracts/dialogporten-serviceowner.md §1, §2,
// §4): search of its own dialogs, get with details, and the end-user contexts of its dialogs. A service
// owner sees only dialogs on resources it owns, deleted ones included; with `endUserId` the answer is
// narrowed to what that person may read (the PDP decides, as on the end-user API).

import { faultActive } from '../../faults.ts';
import { DialogAccess } from './access.ts';
import { personOfEndUserId, type ServiceOwnerCaller } from './checks.ts';
import { checkSearchQuery, matches, pageOf, type EndUserContext } from './enduser.ts';
import { activity, common, contentValue, dialogView, type DialogAccess as ViewAccess } from './present.ts';
import { entityNotFound, validation } from './problems.ts';
import type { SearchQuery } from './schemas.ts';
import type { Dialog } from './store.ts';
import { isUuid } from './values.ts';

/** docs/contracts/dialogporten-broker.md §A.9: the service owner's search limits (metadata/limits). */
const SERVICE_OWNER_MAX_PARTY = 20;

/** The service owner's own view: every resource authorised, no end user. */
const OWNER_VIEW: ViewAccess = { caller: undefined, canRead: () => true, isAuthorized: () => true };

export interface ServiceOwnerSearchQuery extends SearchQuery {
  endUserId?: string;
  deleted?: string;
  visibleAfter?: string;
  visibleBefore?: string;
  serviceOwnerLabels?: string | string[];
}

/** The person `endUserId` names (400 when it names nobody valid), or undefined when not given. */
function endUserAccess(ctx: EndUserContext, endUserId: string | undefined): DialogAccess | undefined {
  if (endUserId === undefined) return undefined;
  const person = personOfEndUserId(endUserId);
  if (!person) {
    throw validation({ endUserId: ["'End User Id' must be a valid end user identifier. It must match the format 'urn:altinn:person:identifier-no:{norwegian f-nr/d-nr}'."] });
  }
  return new DialogAccess(ctx.services.pdp, person, ctx.config, ctx.services);
}

/** Whether the caller owns the dialog. Fault dialogporten-tjenesteeier-ser-andres (selfcheck): every dialog counts as its own. */
function owns(ctx: EndUserContext, caller: ServiceOwnerCaller, dialog: Dialog): boolean {
  return dialog.ownerOrgNo === caller.orgNo || faultActive(ctx.config, 'dialogporten-tjenesteeier-ser-andres');
}

/** GET /api/v1/serviceowner/dialogs (§1): the caller's own dialogs matching the query, in pages. */
export function searchOwnDialogs(ctx: EndUserContext, caller: ServiceOwnerCaller, query: ServiceOwnerSearchQuery): Record<string, unknown> {
  const s = checkSearchQuery(query, { requireFilter: query.endUserId !== undefined, maxParty: SERVICE_OWNER_MAX_PARTY });
  if (query.search !== undefined && query.endUserId === undefined) throw validation({ search: ["'EndUserId' must be specified if 'Search' is provided."] });
  const endUser = endUserAccess(ctx, query.endUserId);
  const deleted = query.deleted?.toLowerCase() ?? 'exclude';
  const found = ctx.dialogs.all()
    .filter((d) => owns(ctx, caller, d))
    .filter((d) => (deleted === 'include' ? true : deleted === 'only' ? d.deletedAt !== null : d.deletedAt === null))
    .filter((d) => matches(d, s, ''))
    .filter((d) => !endUser || endUser.canRead(d));
  const result = pageOf(found, s);
  const view = endUser ?? OWNER_VIEW;
  return {
    items: result.page.map((d) => searchItemForOwner(d, view)),
    hasNextPage: result.hasNextPage,
    continuationToken: result.continuationToken,
    orderBy: result.orderBy,
  };
}

/** GET /api/v1/serviceowner/dialogs/{dialogId} (§2): the own dialog with details; deleted dialogs too. */
export function ownDialogDetails(ctx: EndUserContext, caller: ServiceOwnerCaller, dialogId: string, endUserId: string | undefined): { dialog: Dialog; view: Record<string, unknown> } {
  const dialog = isUuid(dialogId) ? ctx.dialogs.get(dialogId) : undefined;
  if (!dialog || !owns(ctx, caller, dialog)) throw entityNotFound('DialogEntity', dialogId);
  const access = endUserAccess(ctx, endUserId) ?? OWNER_VIEW;
  const { dialogToken: _token, ...details } = dialogView(dialog, access, null);
  return {
    dialog,
    view: {
      ...details,
      idempotentKey: dialog.idempotentKey,
      deletedAt: dialog.deletedAt,
      visibleFrom: dialog.visibleFrom,
      searchTags: dialog.searchTags.map((value) => ({ value })),
      serviceOwnerContext: serviceOwnerContext(dialog),
      transmissions: (details.transmissions as Array<Record<string, unknown>>).map((t, i) => ({ ...t, idempotentKey: dialog.transmissions[i]?.idempotentKey ?? null })),
    },
  };
}

/** GET /api/v1/serviceowner/dialogs/endusercontext (§4): the end-user contexts of the own dialogs for the parties asked. */
export function ownEndUserContexts(ctx: EndUserContext, caller: ServiceOwnerCaller, query: { party?: string | string[]; label?: string | string[]; limit?: string }): Record<string, unknown> {
  const parties = (query.party === undefined ? [] : Array.isArray(query.party) ? query.party : [query.party]).map((p) => p.toLowerCase());
  if (parties.length === 0) throw validation({ party: ["'Party' must not be empty."] });
  const labels = (query.label === undefined ? [] : Array.isArray(query.label) ? query.label : [query.label]).map((l) => l.toLowerCase());
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!(limit >= 1 && limit <= 1000)) throw validation({ limit: ["'Limit' must be between 1 and 1000."] });
  const found = ctx.dialogs.all()
    .filter((d) => owns(ctx, caller, d) && d.deletedAt === null && parties.includes(d.party))
    .filter((d) => labels.length === 0 || labels.includes(d.systemLabel.toLowerCase()))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    items: found.slice(0, limit).map((d) => ({ dialogId: d.id, endUserContextRevision: d.endUserContextRevision, systemLabels: [d.systemLabel] })),
    hasNextPage: found.length > limit,
    continuationToken: null,
    orderBy: 'id_asc',
  };
}

const serviceOwnerContext = (dialog: Dialog) => ({ revision: dialog.endUserContextRevision, serviceOwnerLabels: [] });

function searchItemForOwner(dialog: Dialog, access: ViewAccess): Record<string, unknown> {
  const latest = [...dialog.activities].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  const c = dialog.content;
  return {
    ...common(dialog, access),
    revision: dialog.revision,
    deletedAt: dialog.deletedAt,
    visibleFrom: dialog.visibleFrom,
    guiAttachmentCount: dialog.attachments.filter((a) => a.urls.some((u) => u.consumerType === 'Gui')).length,
    latestActivity: latest ? activity(latest) : null,
    serviceOwnerContext: serviceOwnerContext(dialog),
    content: c ? { title: contentValue(c.title), summary: contentValue(c.summary), senderName: contentValue(c.senderName), extendedStatus: contentValue(c.extendedStatus) } : null,
  };
}
