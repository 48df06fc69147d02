// The end-user side of Dialogporten as a system user reaches it (docs/contracts/dialogporten-broker.md §A.2,
// §A.3): search, get one dialog, its transmissions. Access is the PDP's `read` on the dialog's service
// resource for its party (access.ts).

import { randomUUID } from 'node:crypto';
import type { FaultConfig } from '../../faults.ts';
import type { Services } from '../../platform/services.ts';
import { DialogAccess } from './access.ts';
import { callerKey, isPerson, type EndUserCaller } from './checks.ts';
import { entityNotFound, entityRemoved, forbidden, validation } from './problems.ts';
import type { Repeated, SearchQuery } from './schemas.ts';
import { DIALOG_STATUSES, SYSTEM_LABELS } from './schemas.ts';
import type { Dialog, DialogStore } from './store.ts';
import { isUuid, isValidParty, normaliseLanguageCode, RESOURCE_PREFIX, timestamp } from './values.ts';

export interface EndUserContext {
  services: Services;
  dialogs: DialogStore;
  /** Faults (selfcheck), read at request time. */
  config?: FaultConfig;
}

/** docs/contracts/dialogporten-broker.md §A.2, §A.9: end-user search limits (metadata/limits defaults). */
export const LIMITS = { maxPartyFilterValues: 100, maxServiceResourceFilterValues: 20, maxOrgFilterValues: 20, maxExtendedStatusFilterValues: 20 } as const;

const ORDER_KEYS = { contentupdatedat: 'contentUpdatedAt', updatedat: 'updatedAt', createdat: 'createdAt', dueat: 'dueAt', id: 'id' } as const;
type OrderKey = (typeof ORDER_KEYS)[keyof typeof ORDER_KEYS];
interface OrderPart { key: OrderKey; desc: boolean }

const list = (value: Repeated | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const bool = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : value.toLowerCase() === 'true');

/** A search query after its rules: lists lower-cased where Dialogporten lower-cases them, dates as milliseconds. */
interface Search {
  org: string[];
  serviceResource: string[];
  party: string[];
  extendedStatus: string[];
  status: string[];
  systemLabel: string[];
  externalReference?: string;
  process?: string;
  search?: string;
  ranges: Array<{ key: 'createdAt' | 'updatedAt' | 'contentUpdatedAt' | 'dueAt'; after?: number; before?: number }>;
  isContentSeen?: boolean;
  excludeApiOnly: boolean;
  orderBy: OrderPart[];
  after?: Array<string | null>;
  limit: number;
}

/** docs/contracts/dialogporten-broker.md §A.2: `key[_asc|_desc]`, comma-separated, default direction desc, `id` always last. */
function parseOrderBy(value: string | undefined, errors: Record<string, string[]>): OrderPart[] {
  const parts: OrderPart[] = [];
  for (const raw of (value ?? 'contentupdatedat').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean)) {
    const match = /^([a-z]+?)(?:_(asc|desc))?$/.exec(raw);
    const key = match?.[1] ? ORDER_KEYS[match[1] as keyof typeof ORDER_KEYS] : undefined;
    if (!key) {
      (errors.orderBy ??= []).push(`Invalid orderBy key '${raw}'. Valid keys: contentUpdatedAt, updatedAt, createdAt, dueAt, id.`);
      continue;
    }
    if (key !== 'id') parts.push({ key, desc: match?.[2] !== 'asc' });
  }
  const idDesc = /(^|,)\s*id_asc\s*(,|$)/i.test(value ?? '') ? false : true;
  return [...parts, { key: 'id', desc: idDesc }];
}

const orderByText = (order: OrderPart[]): string => order.map((p) => `${p.key.toLowerCase()}_${p.desc ? 'desc' : 'asc'}`).join(',');

/** docs/contracts/dialogporten-broker.md §A.2: the continuation token is `<lowercasekey>_<value>` joined by `,`, in the order's keys. */
function parseContinuation(token: string, order: OrderPart[], errors: Record<string, string[]>): Array<string | null> | undefined {
  const parts = token.split(',');
  const values: Array<string | null> = [];
  if (parts.length !== order.length) {
    (errors.continuationToken ??= []).push('Invalid continuation token for the given orderBy.');
    return undefined;
  }
  for (const [i, part] of parts.entries()) {
    const cut = part.indexOf('_');
    const key = cut > 0 ? part.slice(0, cut) : '';
    if (key !== order[i]?.key.toLowerCase()) {
      (errors.continuationToken ??= []).push('Invalid continuation token for the given orderBy.');
      return undefined;
    }
    const value = part.slice(cut + 1);
    const isId = order[i]?.key === 'id';
    if (value === '' && !isId) {
      values.push(null);
    } else if (isId ? isUuid(value) : !Number.isNaN(Date.parse(value))) {
      values.push(isId ? value.toLowerCase() : new Date(value).toISOString());
    } else {
      (errors.continuationToken ??= []).push('Invalid continuation token for the given orderBy.');
      return undefined;
    }
  }
  return values;
}

const spelling = (values: readonly string[], value: string): string | undefined => values.find((v) => v.toLowerCase() === value.toLowerCase());

/** docs/contracts/dialogporten-broker.md §A.2 validation: every rule of the query, gathered into one 400. */
export function checkSearchQuery(query: SearchQuery, options: { requireFilter: boolean; maxParty: number } = { requireFilter: true, maxParty: LIMITS.maxPartyFilterValues }): Search {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const party = list(query.party).map((p) => p.toLowerCase());
  const serviceResource = list(query.serviceResource).map((r) => r.toLowerCase());
  // §A.2: at least one of serviceResource or party (the service owner's search: only with endUserId).
  if (options.requireFilter && party.length === 0 && serviceResource.length === 0) add('', 'Either ServiceResource or Party must be specified.');
  if (party.length > options.maxParty) add('party', `Maximum ${options.maxParty} values are allowed.`);
  if (serviceResource.length > LIMITS.maxServiceResourceFilterValues) add('serviceResource', `Maximum ${LIMITS.maxServiceResourceFilterValues} values are allowed.`);
  const org = list(query.org).map((o) => o.toLowerCase());
  if (org.length > LIMITS.maxOrgFilterValues) add('org', `Maximum ${LIMITS.maxOrgFilterValues} values are allowed.`);
  const extendedStatus = list(query.extendedStatus);
  if (extendedStatus.length > LIMITS.maxExtendedStatusFilterValues) add('extendedStatus', `Maximum ${LIMITS.maxExtendedStatusFilterValues} values are allowed.`);
  for (const p of party) if (!isValidParty(p)) add('party', `'${p}' is not a valid party identifier.`);
  for (const r of serviceResource) if (!r.startsWith(RESOURCE_PREFIX)) add('serviceResource', `'${r}' must start with '${RESOURCE_PREFIX}'.`);
  // Enum values bind case-insensitively (JsonStringEnumConverter / enum binding, docs/contracts/input-binding.md §1).
  const status = list(query.status).map((v) => spelling(DIALOG_STATUSES, v) ?? v);
  for (const s of status) if (!(DIALOG_STATUSES as readonly string[]).includes(s)) add('status', `'${s}' is not a valid DialogStatus.`);
  const systemLabel = list(query.systemLabel).map((v) => spelling(SYSTEM_LABELS, v) ?? v);
  for (const s of systemLabel) if (!(SYSTEM_LABELS as readonly string[]).includes(s)) add('systemLabel', `'${s}' is not a valid SystemLabel.`);
  const ranges: Search['ranges'] = [];
  for (const key of ['createdAt', 'updatedAt', 'contentUpdatedAt', 'dueAt'] as const) {
    const base = key.slice(0, -2);
    const read = (name: string): number | undefined => {
      const raw = (query as Record<string, string | undefined>)[name];
      if (raw === undefined) return undefined;
      // §A.2: an explicit time zone is required.
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(raw) || Number.isNaN(Date.parse(raw))) {
        add(name, `'${raw}' is not a valid date and time with an explicit time zone.`);
        return undefined;
      }
      return Date.parse(raw);
    };
    const after = read(`${base}After`);
    const before = read(`${base}Before`);
    if (after !== undefined && before !== undefined && after > before) add(`${base}After`, `'${base}After' must be less than or equal to '${base}Before'.`);
    if (after !== undefined || before !== undefined) ranges.push({ key, ...(after !== undefined ? { after } : {}), ...(before !== undefined ? { before } : {}) });
  }
  if (query.search !== undefined && query.search.length < 3) add('search', "The length of 'Search' must be at least 3 characters.");
  if (query.searchLanguageCode !== undefined && !normaliseLanguageCode(query.searchLanguageCode)) add('searchLanguageCode', `'${query.searchLanguageCode}' is not a valid language code.`);
  if (query.process !== undefined && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(query.process)) add('process', "'Process' must be a valid URI.");
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!(limit >= 1 && limit <= 1000)) add('limit', "'Limit' must be between 1 and 1000.");
  const orderBy = parseOrderBy(query.orderBy, errors);
  const after = query.continuationToken !== undefined && !errors.orderBy ? parseContinuation(query.continuationToken, orderBy, errors) : undefined;
  if (Object.keys(errors).length > 0) throw validation(errors);
  const search: Search = { org, serviceResource, party, extendedStatus, status, systemLabel, ranges, excludeApiOnly: bool(query.excludeApiOnly) ?? false, orderBy, limit };
  if (query.externalReference !== undefined) search.externalReference = query.externalReference;
  if (query.process !== undefined) search.process = query.process;
  if (query.search !== undefined) search.search = query.search.toLowerCase();
  const seen = bool(query.isContentSeen);
  if (seen !== undefined) search.isContentSeen = seen;
  if (after) search.after = after;
  return search;
}

/** A dialog end users may see at all: not deleted, visible from now, not expired (docs/contracts/dialogporten-broker.md §A.3 steps 3, 5). */
export function isLive(dialog: Dialog, now: number): boolean {
  return !dialog.deletedAt && !(dialog.visibleFrom && Date.parse(dialog.visibleFrom) > now) && !(dialog.expiresAt && Date.parse(dialog.expiresAt) <= now);
}

export function matches(dialog: Dialog, s: Search, callerId: string): boolean {
  if (s.party.length > 0 && !s.party.includes(dialog.party)) return false;
  if (s.serviceResource.length > 0 && !s.serviceResource.includes(dialog.serviceResource.toLowerCase())) return false;
  if (s.org.length > 0 && !s.org.includes(dialog.org)) return false;
  if (s.status.length > 0 && !s.status.includes(dialog.status)) return false;
  if (s.extendedStatus.length > 0 && !s.extendedStatus.includes(dialog.extendedStatus ?? '')) return false;
  if (s.systemLabel.length > 0 && !s.systemLabel.includes(dialog.systemLabel)) return false;
  if (s.externalReference !== undefined && dialog.externalReference !== s.externalReference) return false;
  if (s.process !== undefined && dialog.process !== s.process) return false;
  if (s.excludeApiOnly && dialog.isApiOnly) return false;
  for (const r of s.ranges) {
    const value = dialog[r.key];
    if (value === null) return false;
    const at = Date.parse(value);
    if ((r.after !== undefined && at < r.after) || (r.before !== undefined && at > r.before)) return false;
  }
  if (s.isContentSeen !== undefined) {
    const seen = dialog.seenLog.some((e) => e.endUserKey === callerId && Date.parse(e.seenAt) >= Date.parse(dialog.contentUpdatedAt));
    if (seen !== s.isContentSeen) return false;
  }
  if (s.search !== undefined) {
    const c = dialog.content;
    const texts = [c?.title, c?.summary, c?.senderName].flatMap((v) => v?.value.map((l) => l.value.toLowerCase()) ?? []);
    if (!texts.some((t) => t.includes(s.search as string)) && !dialog.searchTags.some((t) => t.includes(s.search as string))) return false;
  }
  return true;
}

/** Sort values: timestamps by their instant (as fixed-width ISO text), null first in ascending order. */
function sortValue(dialog: Dialog, key: OrderKey): string | null {
  const value = dialog[key];
  return value === null ? null : key === 'id' ? value : new Date(value).toISOString();
}

function compare(a: Array<string | null>, b: Array<string | null>, order: OrderPart[]): number {
  for (const [i, part] of order.entries()) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return (x < y ? -1 : 1) * (part.desc ? -1 : 1);
  }
  return 0;
}

/** GET /api/v1/enduser/dialogs (docs/contracts/dialogporten-broker.md §A.2). A party the caller may not see gives no items, never 403. */
export function searchDialogs(ctx: EndUserContext, caller: EndUserCaller, query: SearchQuery): { access: DialogAccess; page: Dialog[]; hasNextPage: boolean; continuationToken: string | null; orderBy: string } {
  const s = checkSearchQuery(query);
  const access = new DialogAccess(ctx.services.pdp, caller, ctx.config, ctx.services);
  const now = Date.now();
  const found = ctx.dialogs.all()
    .filter((d) => isLive(d, now) && matches(d, s, callerKey(caller)))
    .filter((d) => access.canRead(d));
  return { access, ...pageOf(found, s) };
}

/** One page of `found` in the search's order, after its continuation token (docs/contracts/dialogporten-broker.md §A.2). */
export function pageOf(found: Dialog[], s: Search): { page: Dialog[]; hasNextPage: boolean; continuationToken: string | null; orderBy: string } {
  const keyed = found
    .map((d) => ({ d, values: s.orderBy.map((p) => sortValue(d, p.key)) }))
    .sort((x, y) => compare(x.values, y.values, s.orderBy));
  const after = s.after;
  const rest = after ? keyed.filter((k) => compare(k.values, after, s.orderBy) > 0) : keyed;
  const page = rest.slice(0, s.limit);
  const hasNextPage = rest.length > s.limit;
  const last = page[page.length - 1];
  const continuationToken = hasNextPage && last
    ? s.orderBy.map((p, i) => `${p.key.toLowerCase()}_${last.values[i] ?? ''}`).join(',')
    : null;
  return { page: page.map((k) => k.d), hasNextPage, continuationToken, orderBy: orderByText(s.orderBy) };
}

/**
 * The dialog an end user asks for, in the order of docs/contracts/dialogporten-broker.md §A.3: unknown → 404; no `read` → 403
 * (existence is not hidden); deleted → 410; visible later → 404 with `Expires`; expired → 404.
 */
export function readableDialog(ctx: EndUserContext, caller: EndUserCaller, dialogId: string): { dialog: Dialog; access: DialogAccess } {
  const dialog = isUuid(dialogId) ? ctx.dialogs.get(dialogId) : undefined;
  if (!dialog) throw entityNotFound('DialogEntity', dialogId); // step 1
  const access = new DialogAccess(ctx.services.pdp, caller, ctx.config, ctx.services);
  if (!access.canRead(dialog)) throw forbidden(); // step 2
  if (dialog.deletedAt) throw entityRemoved('DialogEntity', dialog.id); // step 3
  const now = Date.now();
  if (dialog.visibleFrom && Date.parse(dialog.visibleFrom) > now) {
    throw entityNotFound('DialogEntity', dialog.id, { expires: new Date(dialog.visibleFrom).toUTCString() }); // step 5
  }
  if (dialog.expiresAt && Date.parse(dialog.expiresAt) <= now) throw entityNotFound('DialogEntity', dialog.id);
  return { dialog, access };
}

/**
 * docs/contracts/dialogporten-broker.md §A.3 step 6: GET writes a seen-log entry for the caller (a system user is named by its system's
 * name, a person by the person's name in the register, with the person's party URN as actor id).
 */
export function recordSeen(ctx: EndUserContext, caller: EndUserCaller, dialog: Dialog): Dialog {
  if (isPerson(caller)) {
    const person = ctx.services.register.person(caller.pid);
    dialog.seenLog.push({
      id: randomUUID(), seenAt: timestamp(), endUserKey: callerKey(caller),
      seenBy: { actorType: 'PartyRepresentative', actorName: person?.name ?? null, actorId: callerKey(caller) },
    });
    ctx.dialogs.put(dialog);
    return dialog;
  }
  const systemUser = ctx.services.systemUsers.systemUser(caller.systemUserId);
  const systemId = systemUser?.systemId ?? caller.systemId;
  const system = systemId ? ctx.services.systemRegister.system(systemId) : undefined;
  const name = system?.name.nb ?? system?.name.en ?? systemUser?.integrationTitle ?? null;
  dialog.seenLog.push({
    id: randomUUID(),
    seenAt: timestamp(),
    endUserKey: caller.systemUserId,
    seenBy: { actorType: 'PartyRepresentative', actorName: name, actorId: null },
  });
  ctx.dialogs.put(dialog);
  return dialog;
}

/** The actions the caller holds on the dialog's resource, for the dialog token's `a` claim. */
export function authorizedActions(dialog: Dialog, access: DialogAccess): string[] {
  const actions = new Set<string>(['read']);
  for (const a of [...dialog.guiActions, ...dialog.apiActions]) {
    if (access.isAuthorized(dialog, a.action, a.authorizationAttribute)) actions.add(a.authorizationAttribute ? `${a.action},${a.authorizationAttribute}` : a.action);
  }
  return [...actions];
}
