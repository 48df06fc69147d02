// The end-user views of a dialog (docs/contracts/dialogporten-broker.md §A.2, §A.3), member for member as the
// official OpenAPI names them: V1EndUserDialogsQueriesSearch_Dialog, V1EndUserDialogsQueriesGet_Dialog,
// V1EndUserDialogsQueriesSearchTransmissions_Transmission and ..GetTransmission_Transmission.
// Unauthorised URLs are replaced by `urn:dialogporten:unauthorized`, expired ones by `urn:dialogporten:expired`.

import { faultActive } from '../../faults.ts';
import type { FaultConfig } from '../../faults.ts';
import { callerKey, type EndUserCaller } from './checks.ts';

/**
 * What a view needs to know about access: the end user it is for (none for the service owner's own view)
 * and the decisions on the dialog's resources. DialogAccess (the PDP's answers) is one.
 */
export interface DialogAccess {
  readonly caller: EndUserCaller | undefined;
  readonly config?: FaultConfig | undefined;
  canRead(dialog: Dialog): boolean;
  isAuthorized(dialog: Dialog, action: string, authorizationAttribute: string | null): boolean;
}
import type { Activity, Attachment, ContentValue, Dialog, NavigationalAction, SeenLogEntry, Transmission } from './store.ts';

export const UNAUTHORIZED_URL = 'urn:dialogporten:unauthorized';
export const EXPIRED_URL = 'urn:dialogporten:expired';

type Json = Record<string, unknown>;

export const contentValue = (v: ContentValue | null): Json | null => (v ? { value: v.value.map((l) => ({ ...l })), mediaType: v.mediaType } : null);

function expired(expiresAt: string | null, now: number): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}

export function attachment(a: Attachment, authorized: boolean, now: number): Json {
  return {
    id: a.id,
    displayName: a.displayName.map((l) => ({ ...l })),
    name: a.name,
    urls: a.urls.map((u) => ({
      id: u.id,
      url: !authorized ? UNAUTHORIZED_URL : expired(a.expiresAt, now) ? EXPIRED_URL : u.url,
      mediaType: u.mediaType,
      consumerType: u.consumerType,
    })),
    expiresAt: a.expiresAt,
  };
}

function navigationalAction(n: NavigationalAction, authorized: boolean, now: number): Json {
  return { title: n.title.map((l) => ({ ...l })), url: !authorized ? UNAUTHORIZED_URL : expired(n.expiresAt, now) ? EXPIRED_URL : n.url, expiresAt: n.expiresAt };
}

const actor = (a: { actorType: string; actorName: string | null; actorId: string | null }): Json => ({ actorType: a.actorType, actorName: a.actorName, actorId: a.actorId });

export function activity(a: Activity): Json {
  return {
    id: a.id, createdAt: a.createdAt, extendedType: a.extendedType, type: a.type, transmissionId: a.transmissionId, performedBy: actor(a.performedBy),
    description: a.description ? a.description.map((l) => ({ ...l })) : null,
  };
}

export function isOpened(dialog: Dialog, transmissionId: string): boolean {
  return dialog.activities.some((a) => a.type === 'TransmissionOpened' && a.transmissionId === transmissionId);
}

/** The transmission members every view shares; the content reference is hidden when not authorised. */
export function transmissionBase(dialog: Dialog, t: Transmission, access: DialogAccess, now: number): Json {
  const authorized = access.isAuthorized(dialog, 'read', t.authorizationAttribute);
  const reference = t.content.contentReference;
  return {
    id: t.id,
    createdAt: t.createdAt,
    authorizationAttribute: t.authorizationAttribute,
    isAuthorized: authorized,
    extendedType: t.extendedType,
    externalReference: t.externalReference,
    relatedTransmissionId: t.relatedTransmissionId,
    type: t.type,
    sender: actor(t.sender),
    content: {
      title: contentValue(t.content.title),
      summary: contentValue(t.content.summary),
      contentReference: reference && !authorized ? { value: reference.value.map((l) => ({ ...l, value: UNAUTHORIZED_URL })), mediaType: reference.mediaType } : contentValue(reference),
    },
    attachments: t.attachments.map((a) => attachment(a, authorized, now)),
    navigationalActions: t.navigationalActions.map((n) => navigationalAction(n, authorized, now)),
  };
}

/** GET .../transmissions and .../transmissions/{id}: the transmission views (with `deletedAt`, no `isOpened`). */
export function transmissionView(dialog: Dialog, t: Transmission, access: DialogAccess, now = Date.now()): Json {
  return { ...transmissionBase(dialog, t, access, now), deletedAt: null };
}

/** The latest entry per end user since `since` (docs/contracts/dialogporten-broker.md §A.3: seenSinceLastUpdate / ...ContentUpdate). */
function seenSince(log: SeenLogEntry[], since: string, callerId: string): Json[] {
  const latest = new Map<string, SeenLogEntry>();
  for (const entry of log) {
    if (Date.parse(entry.seenAt) < Date.parse(since)) continue;
    const previous = latest.get(entry.endUserKey);
    if (!previous || Date.parse(previous.seenAt) <= Date.parse(entry.seenAt)) latest.set(entry.endUserKey, entry);
  }
  return [...latest.values()].map((e) => ({
    id: e.id, seenAt: e.seenAt, seenBy: actor(e.seenBy), isViaServiceOwner: false, isCurrentEndUser: e.endUserKey === callerId,
  }));
}

/** The members the search and the get views share. */
export function common(dialog: Dialog, access: DialogAccess): Json {
  const callerId = access.caller ? callerKey(access.caller) : '';
  const fromServiceOwner = dialog.transmissions.filter((t) => t.sender.actorType === 'ServiceOwner');
  return {
    id: dialog.id,
    org: dialog.org,
    serviceResource: dialog.serviceResource,
    serviceResourceType: dialog.serviceResourceType,
    // Fault dialogporten-feil-feltnavn (selfcheck): the member is named partyId, not party as the schema says.
    [faultActive(access.config, 'dialogporten-feil-feltnavn') ? 'partyId' : 'party']: dialog.party,
    progress: dialog.progress,
    process: dialog.process,
    precedingProcess: dialog.precedingProcess,
    extendedStatus: dialog.extendedStatus,
    externalReference: dialog.externalReference,
    createdAt: dialog.createdAt,
    updatedAt: dialog.updatedAt,
    contentUpdatedAt: dialog.contentUpdatedAt,
    dueAt: dialog.dueAt,
    status: dialog.status,
    systemLabel: dialog.systemLabel,
    isApiOnly: dialog.isApiOnly,
    hasUnopenedContent: fromServiceOwner.some((t) => !isOpened(dialog, t.id)),
    isContentSeen: dialog.seenLog.some((e) => e.endUserKey === callerId && Date.parse(e.seenAt) >= Date.parse(dialog.contentUpdatedAt)),
    fromServiceOwnerTransmissionsCount: fromServiceOwner.length,
    fromPartyTransmissionsCount: dialog.transmissions.length - fromServiceOwner.length,
    seenSinceLastUpdate: seenSince(dialog.seenLog, dialog.updatedAt, callerId),
    seenSinceLastContentUpdate: seenSince(dialog.seenLog, dialog.contentUpdatedAt, callerId),
    endUserContext: { revision: dialog.endUserContextRevision, systemLabels: [dialog.systemLabel] },
  };
}

/** One item of GET /api/v1/enduser/dialogs (V1EndUserDialogsQueriesSearch_Dialog). */
export function searchItem(dialog: Dialog, access: DialogAccess): Json {
  const latest = [...dialog.activities].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
  const c = dialog.content;
  return {
    ...common(dialog, access),
    guiAttachmentCount: dialog.attachments.filter((a) => a.urls.some((u) => u.consumerType === 'Gui')).length,
    latestActivity: latest ? activity(latest) : null,
    content: c ? { title: contentValue(c.title), summary: contentValue(c.summary), senderName: contentValue(c.senderName), extendedStatus: contentValue(c.extendedStatus) } : null,
  };
}

/** GET /api/v1/enduser/dialogs/{dialogId} (V1EndUserDialogsQueriesGet_Dialog). */
export function dialogView(dialog: Dialog, access: DialogAccess, dialogToken: string | null, now = Date.now()): Json {
  const c = dialog.content;
  const mainAuthorized = access.canRead(dialog);
  return {
    ...common(dialog, access),
    revision: dialog.revision,
    expiresAt: dialog.expiresAt,
    dialogToken,
    content: c ? {
      title: contentValue(c.title),
      summary: contentValue(c.summary),
      senderName: contentValue(c.senderName),
      additionalInfo: contentValue(c.additionalInfo),
      extendedStatus: contentValue(c.extendedStatus),
      mainContentReference: contentValue(c.mainContentReference),
    } : null,
    attachments: dialog.attachments.map((a) => attachment(a, mainAuthorized, now)),
    transmissions: dialog.transmissions.map((t) => ({ ...transmissionBase(dialog, t, access, now), isOpened: isOpened(dialog, t.id) })),
    guiActions: dialog.guiActions.map((g) => {
      const authorized = access.isAuthorized(dialog, g.action, g.authorizationAttribute);
      return {
        id: g.id, action: g.action, url: authorized ? g.url : UNAUTHORIZED_URL, authorizationAttribute: g.authorizationAttribute,
        isAuthorized: authorized, isDeleteDialogAction: g.isDeleteDialogAction, httpMethod: g.httpMethod, priority: g.priority,
        title: g.title.map((l) => ({ ...l })), prompt: g.prompt ? g.prompt.map((l) => ({ ...l })) : null,
      };
    }),
    apiActions: dialog.apiActions.map((a) => {
      const authorized = access.isAuthorized(dialog, a.action, a.authorizationAttribute);
      return {
        id: a.id, action: a.action, authorizationAttribute: a.authorizationAttribute, isAuthorized: authorized, name: a.name,
        endpoints: a.endpoints.map((e) => ({ ...e, url: authorized ? e.url : UNAUTHORIZED_URL })),
      };
    }),
    activities: dialog.activities.map(activity),
  };
}
