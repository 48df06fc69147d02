// The service-owner side of Dialogporten (docs/contracts/dialogporten-broker.md §A.1, §A.4): create a dialog,
// add a transmission, soft-delete a dialog. Each operation runs its checks in the contract's order: the
// gathered validation errors (400), then the service resource's owner (403), then conflicts.

import { randomUUID } from 'node:crypto';
import type { Resource } from '../../platform/model.ts';
import { faultActive, type FaultConfig } from '../../faults.ts';
import type { Services } from '../../platform/services.ts';
import type { ServiceOwnerCaller } from './checks.ts';
import { conflict, entityNotFound, entityRemoved, forbidden, preconditionFailed, unprocessable, validation } from './problems.ts';
import type {
  Activity, ApiAction, Attachment, ContentValue, Dialog, DialogContent, DialogStore, GuiAction, Localization, NavigationalAction, Transmission,
} from './store.ts';
import {
  isUuid, isUuidV7, isValidParty, normaliseLanguageCode, normaliseTimestamp, resourceIdOf, timestamp, uuidV7, uuidV7Time,
} from './values.ts';

// ---- Input shapes (as the route schema lets them through) -----------------------------------------

type Maybe<T> = T | null | undefined;

export interface LocalizationInput { value: string; languageCode: string }
export interface ContentValueInput { value: LocalizationInput[]; mediaType?: string }
export interface ActorInput { actorType: 'PartyRepresentative' | 'ServiceOwner'; actorName?: string | null; actorId?: string | null }
export interface AttachmentInput {
  id?: string | null; displayName?: LocalizationInput[] | null; name?: string | null; expiresAt?: string | null;
  urls: Array<{ id?: string | null; url: string; mediaType?: string | null; consumerType?: 'Gui' | 'Api' }>;
}
export interface TransmissionInput {
  id?: string | null; idempotentKey?: string | null; createdAt?: string; authorizationAttribute?: string | null; extendedType?: string | null;
  externalReference?: string | null; relatedTransmissionId?: string | null; type: string; sender: ActorInput;
  content?: { title: ContentValueInput; summary?: ContentValueInput | null; contentReference?: ContentValueInput | null } | null;
  attachments?: AttachmentInput[] | null;
  navigationalActions?: Array<{ title: LocalizationInput[]; url: string; expiresAt?: string | null }> | null;
}
interface GuiActionInput {
  id?: string | null; action: string; url: string; authorizationAttribute?: string | null; isDeleteDialogAction?: boolean;
  httpMethod?: string | null; priority: 'Primary' | 'Secondary' | 'Tertiary'; title: LocalizationInput[]; prompt?: LocalizationInput[] | null;
}
interface ApiActionInput {
  id?: string | null; action: string; authorizationAttribute?: string | null; name?: string | null;
  endpoints?: Array<{
    id?: string | null; version?: string | null; url: string; httpMethod: string; documentationUrl?: string | null;
    requestSchema?: string | null; responseSchema?: string | null; deprecated?: boolean; sunsetAt?: string | null;
  }> | null;
}
export interface ActivityInput {
  id?: string | null; createdAt?: string | null; extendedType?: string | null; type: string; transmissionId?: string | null;
  performedBy: ActorInput; description?: LocalizationInput[] | null;
}

export interface CreateDialogInput {
  id?: string | null; idempotentKey?: string | null; serviceResource: string; party: string; progress?: number | null;
  extendedStatus?: string | null; externalReference?: string | null; visibleFrom?: string | null; dueAt?: string | null;
  process?: string | null; precedingProcess?: string | null; expiresAt?: string | null; createdAt?: string | null; updatedAt?: string | null;
  status?: string | null; systemLabel?: string | null; isApiOnly?: boolean;
  content?: {
    title: ContentValueInput; summary?: ContentValueInput | null; senderName?: ContentValueInput | null; additionalInfo?: ContentValueInput | null;
    extendedStatus?: ContentValueInput | null; mainContentReference?: ContentValueInput | null;
    nonSensitiveTitle?: ContentValueInput | null; nonSensitiveSummary?: ContentValueInput | null;
  } | null;
  searchTags?: Array<{ value: string }> | null;
  serviceOwnerContext?: unknown;
  attachments?: AttachmentInput[] | null;
  transmissions?: TransmissionInput[] | null;
  guiActions?: GuiActionInput[] | null;
  apiActions?: ApiActionInput[] | null;
  activities?: ActivityInput[] | null;
}

// ---- Validation (gathered, as FluentValidation gathers them into one 400) --------------------------

class Errors {
  readonly map: Record<string, string[]> = {};
  add(key: string, message: string): void {
    (this.map[key] ??= []).push(message);
  }
  throwIfAny(): void {
    if (Object.keys(this.map).length > 0) throw validation(this.map);
  }
}

const TEXT_PLAIN = 'text/plain';
const MARKDOWN = 'text/markdown';
const EMBED_MARKDOWN = 'application/vnd.dialogporten.frontchannelembed-url;type=text/markdown';

/** docs/contracts/dialogporten-broker.md §A.4: one content value: localizations with valid language codes, a permitted media type, texts within the limit. */
function checkContentValue(errors: Errors, key: string, value: Maybe<ContentValueInput>, mediaTypes: string[], maxLength: number, required: boolean): void {
  if (!value) {
    if (required) errors.add(key, `'${key.split('.').pop()}' must not be empty.`);
    return;
  }
  if (value.value.length === 0) errors.add(`${key}.value`, "'Value' must not be empty.");
  checkLocalizations(errors, `${key}.value`, value.value, maxLength);
  const mediaType = value.mediaType ?? TEXT_PLAIN;
  if (!mediaTypes.includes(mediaType)) errors.add(`${key}.mediaType`, `'${mediaType}' is not an allowed media type here (allowed: ${mediaTypes.join(', ')}).`);
  if (mediaType === EMBED_MARKDOWN && value.value.some((l) => !l.value.startsWith('https://'))) errors.add(`${key}.value`, 'An embeddable content reference must be an HTTPS URL.');
}

function checkLocalizations(errors: Errors, key: string, values: Maybe<LocalizationInput[]>, maxLength: number): void {
  (values ?? []).forEach((l, i) => {
    if (!normaliseLanguageCode(l.languageCode)) errors.add(`${key}[${i}].languageCode`, `'${l.languageCode}' is not a valid ISO 639-1 language code ('no' is not accepted; use 'nb' or 'nn').`);
    if (l.value.length > maxLength) errors.add(`${key}[${i}].value`, `The length of 'Value' must be ${maxLength} characters or fewer.`);
  });
  const codes = (values ?? []).map((l) => normaliseLanguageCode(l.languageCode));
  if (new Set(codes).size !== codes.length) errors.add(key, 'Only one localization per language is allowed.');
}

/** docs/contracts/dialogporten-broker.md §A.4: a ServiceOwner actor names nobody; a PartyRepresentative has a name or an id. */
function checkActor(errors: Errors, key: string, actor: ActorInput): void {
  if (actor.actorType === 'ServiceOwner' && (actor.actorName || actor.actorId)) errors.add(key, "A ServiceOwner actor must not have 'ActorName' or 'ActorId'.");
  if (actor.actorType === 'PartyRepresentative' && !actor.actorName && !actor.actorId) errors.add(key, "A PartyRepresentative actor needs 'ActorName' or 'ActorId'.");
  if (actor.actorId && !isValidParty(actor.actorId)) errors.add(`${key}.actorId`, `'${actor.actorId}' is not a valid actor id.`);
}

function checkSelfChosenId(errors: Errors, key: string, id: Maybe<string>, now: number): void {
  if (!id) return;
  if (!isUuidV7(id)) errors.add(key, 'Invalid format, expected a UUIDv7.');
  else if (uuidV7Time(id) > now) errors.add(key, 'The timestamp of a self-chosen UUIDv7 must be in the past.');
}

function checkAttachments(errors: Errors, key: string, attachments: Maybe<AttachmentInput[]>): void {
  (attachments ?? []).forEach((a, i) => checkLocalizations(errors, `${key}[${i}].displayName`, a.displayName, 255));
}

/** docs/contracts/dialogporten-broker.md §A.4: the checks of one transmission (content with a title, the sender, language codes, ids). */
function checkTransmission(errors: Errors, key: string, t: TransmissionInput, now: number): void {
  checkSelfChosenId(errors, `${key}.id`, t.id, now);
  checkActor(errors, `${key}.sender`, t.sender);
  if (!t.content) errors.add(`${key}.content`, "'Content' must not be empty.");
  else {
    checkContentValue(errors, `${key}.content.title`, t.content.title, [TEXT_PLAIN], 255, true);
    checkContentValue(errors, `${key}.content.summary`, t.content.summary, [TEXT_PLAIN], 255, false);
    checkContentValue(errors, `${key}.content.contentReference`, t.content.contentReference, [EMBED_MARKDOWN], 1023, false);
  }
  checkAttachments(errors, `${key}.attachments`, t.attachments);
  (t.navigationalActions ?? []).forEach((n, i) => checkLocalizations(errors, `${key}.navigationalActions[${i}].title`, n.title, 255));
}

/** docs/contracts/dialogporten-broker.md §A.4 rules of the create body, gathered. */
function checkCreateBody(body: CreateDialogInput, now: number): void {
  const errors = new Errors();
  if (!resourceIdOf(body.serviceResource)) errors.add('dto.serviceResource', "'Service Resource' must start with 'urn:altinn:resource:'.");
  if (!isValidParty(body.party)) errors.add('dto.party', "'Party' is not a valid organization or person identifier URN (urn:altinn:organization:identifier-no:<orgno>, urn:altinn:person:identifier-no:<pid>).");
  checkSelfChosenId(errors, 'dto.id', body.id, now);
  const content = body.content;
  if (!content) {
    if (body.isApiOnly !== true) errors.add('dto.content', "'Content' must not be empty.");
  } else {
    checkContentValue(errors, 'dto.content.title', content.title, [TEXT_PLAIN], 255, true);
    for (const name of ['summary', 'senderName', 'nonSensitiveTitle', 'nonSensitiveSummary'] as const) {
      checkContentValue(errors, `dto.content.${name}`, content[name], [TEXT_PLAIN], 255, false);
    }
    checkContentValue(errors, 'dto.content.additionalInfo', content.additionalInfo, [TEXT_PLAIN, MARKDOWN], 1023, false);
    checkContentValue(errors, 'dto.content.extendedStatus', content.extendedStatus, [TEXT_PLAIN], 25, false);
    checkContentValue(errors, 'dto.content.mainContentReference', content.mainContentReference, [EMBED_MARKDOWN], 1023, false);
  }
  const at = (v: Maybe<string>) => (v ? Date.parse(v) : undefined);
  const [dueAt, expiresAt, visibleFrom, createdAt, updatedAt] = [at(body.dueAt), at(body.expiresAt), at(body.visibleFrom), at(body.createdAt), at(body.updatedAt)];
  if (expiresAt !== undefined && dueAt !== undefined && expiresAt < dueAt) errors.add('dto.expiresAt', "'Expires At' must be greater than or equal to 'Due At'.");
  if (expiresAt !== undefined && visibleFrom !== undefined && expiresAt < visibleFrom) errors.add('dto.expiresAt', "'Expires At' must be greater than or equal to 'Visible From'.");
  if (createdAt !== undefined && createdAt > now) errors.add('dto.createdAt', "'Created At' must be in the past.");
  if (updatedAt !== undefined && updatedAt > now) errors.add('dto.updatedAt', "'Updated At' must be in the past.");
  if (updatedAt !== undefined && createdAt !== undefined && updatedAt < createdAt) errors.add('dto.updatedAt', "'Updated At' must be greater than or equal to 'Created At'.");
  if (body.systemLabel && !['Default', 'Bin', 'Archive'].includes(body.systemLabel)) errors.add('dto.systemLabel', "'System Label' must be Default, Bin or Archive.");
  checkAttachments(errors, 'dto.attachments', body.attachments);
  (body.transmissions ?? []).forEach((t, i) => checkTransmission(errors, `dto.transmissions[${i}]`, t, now));
  const guiActions = body.guiActions ?? [];
  const count = (p: string) => guiActions.filter((g) => g.priority === p).length;
  if (count('Primary') > 1) errors.add('dto.guiActions', 'Only one GUI action with priority Primary is allowed.');
  if (count('Secondary') > 1) errors.add('dto.guiActions', 'Only one GUI action with priority Secondary is allowed.');
  if (count('Tertiary') > 5) errors.add('dto.guiActions', 'At most five GUI actions with priority Tertiary are allowed.');
  if (guiActions.filter((g) => g.isDeleteDialogAction).length > 1) errors.add('dto.guiActions', 'Only one GUI action may be a delete action.');
  guiActions.forEach((g, i) => checkLocalizations(errors, `dto.guiActions[${i}].title`, g.title, 255));
  (body.activities ?? []).forEach((a, i) => checkActor(errors, `dto.activities[${i}].performedBy`, a.performedBy));
  errors.throwIfAny();
}

// ---- Mapping input → stored entities --------------------------------------------------------------

const localizationsOf = (values: Maybe<LocalizationInput[]>): Localization[] =>
  (values ?? []).map((l) => ({ value: l.value, languageCode: normaliseLanguageCode(l.languageCode) ?? l.languageCode }));
const contentValueOf = (v: ContentValueInput): ContentValue => ({ value: localizationsOf(v.value), mediaType: v.mediaType ?? TEXT_PLAIN });
const optionalContentValue = (v: Maybe<ContentValueInput>): ContentValue | null => (v ? contentValueOf(v) : null);
const actorOf = (a: ActorInput) => ({ actorType: a.actorType, actorName: a.actorName ?? null, actorId: a.actorId?.toLowerCase() ?? null });

function attachmentOf(a: AttachmentInput): Attachment {
  return {
    id: a.id?.toLowerCase() ?? uuidV7(),
    displayName: localizationsOf(a.displayName),
    name: a.name ?? null,
    urls: a.urls.map((u) => ({ id: u.id?.toLowerCase() ?? uuidV7(), url: u.url, mediaType: u.mediaType ?? null, consumerType: u.consumerType ?? 'Gui' })),
    expiresAt: a.expiresAt ? normaliseTimestamp(a.expiresAt) : null,
  };
}

export function transmissionOf(t: TransmissionInput, defaultCreatedAt: string): Transmission {
  const content = t.content as NonNullable<TransmissionInput['content']>;
  return {
    id: t.id?.toLowerCase() ?? uuidV7(),
    idempotentKey: t.idempotentKey ?? null,
    createdAt: t.createdAt ? normaliseTimestamp(t.createdAt) : defaultCreatedAt,
    authorizationAttribute: t.authorizationAttribute ?? null,
    extendedType: t.extendedType ?? null,
    externalReference: t.externalReference ?? null,
    relatedTransmissionId: t.relatedTransmissionId?.toLowerCase() ?? null,
    type: t.type,
    sender: actorOf(t.sender),
    content: { title: contentValueOf(content.title), summary: optionalContentValue(content.summary), contentReference: optionalContentValue(content.contentReference) },
    attachments: (t.attachments ?? []).map(attachmentOf),
    navigationalActions: (t.navigationalActions ?? []).map((n): NavigationalAction => ({
      title: localizationsOf(n.title), url: n.url, expiresAt: n.expiresAt ? normaliseTimestamp(n.expiresAt) : null,
    })),
  };
}

function guiActionOf(g: GuiActionInput): GuiAction {
  return {
    id: g.id?.toLowerCase() ?? uuidV7(), action: g.action, url: g.url, authorizationAttribute: g.authorizationAttribute ?? null,
    isDeleteDialogAction: g.isDeleteDialogAction ?? false, httpMethod: g.httpMethod ?? 'GET', priority: g.priority,
    title: localizationsOf(g.title), prompt: g.prompt ? localizationsOf(g.prompt) : null,
  };
}

function apiActionOf(a: ApiActionInput): ApiAction {
  return {
    id: a.id?.toLowerCase() ?? uuidV7(), action: a.action, authorizationAttribute: a.authorizationAttribute ?? null, name: a.name ?? null,
    endpoints: (a.endpoints ?? []).map((e) => ({
      id: e.id?.toLowerCase() ?? uuidV7(), version: e.version ?? null, url: e.url, httpMethod: e.httpMethod,
      documentationUrl: e.documentationUrl ?? null, requestSchema: e.requestSchema ?? null, responseSchema: e.responseSchema ?? null,
      deprecated: e.deprecated ?? false, sunsetAt: e.sunsetAt ? normaliseTimestamp(e.sunsetAt) : null,
    })),
  };
}

function activityOf(a: ActivityInput, defaultCreatedAt: string): Activity {
  return {
    id: a.id?.toLowerCase() ?? uuidV7(), createdAt: a.createdAt ? normaliseTimestamp(a.createdAt) : defaultCreatedAt,
    extendedType: a.extendedType ?? null, type: a.type, transmissionId: a.transmissionId?.toLowerCase() ?? null, performedBy: actorOf(a.performedBy),
    description: a.description && a.description.length > 0 ? localizationsOf(a.description) : null,
  };
}

/** docs/contracts/dialogporten-broker.md §A.4: status input `New` is stored as `NotApplicable`, `Sent` as `Awaiting`; the default is `NotApplicable`. */
function statusOf(input: Maybe<string>): string {
  if (!input || input === 'New') return 'NotApplicable';
  return input === 'Sent' ? 'Awaiting' : input;
}

function contentOf(c: NonNullable<CreateDialogInput['content']>): DialogContent {
  return {
    title: contentValueOf(c.title), summary: optionalContentValue(c.summary), senderName: optionalContentValue(c.senderName),
    additionalInfo: optionalContentValue(c.additionalInfo), extendedStatus: optionalContentValue(c.extendedStatus),
    mainContentReference: optionalContentValue(c.mainContentReference),
  };
}

// ---- Domain checks after validation --------------------------------------------------------------

/** Resource types a dialog may refer to (docs/contracts/dialogporten-broker.md §A.4). */
const DIALOG_RESOURCE_TYPES = ['genericaccessresource', 'altinnapp', 'migratedapp', 'correspondenceservice'];

/**
 * docs/contracts/dialogporten-broker.md §A.4: the service resource exists and its competent authority is the caller (403), and it
 * is of a type dialogs may use (403, as Dialogporten refuses a resource type the caller may not modify).
 */
function checkOwnedResource(services: Services, caller: ServiceOwnerCaller, serviceResource: string): Resource {
  const resource = services.resources.resource(resourceIdOf(serviceResource) ?? '');
  if (!resource || resource.hasCompetentAuthority.organization !== caller.orgNo) {
    throw forbidden(`Not allowed to reference a service resource owned by another service owner: '${serviceResource}'.`);
  }
  if (!DIALOG_RESOURCE_TYPES.includes(resource.resourceType.toLowerCase())) {
    throw forbidden(`User cannot create or modify resource type '${resource.resourceType}'.`);
  }
  return resource;
}

/** docs/contracts/dialogporten-broker.md §A.4: ids of child entities are unique, and a related transmission is one of the dialog's (422). */
function checkTransmissionGraph(transmissions: Transmission[]): void {
  const ids = transmissions.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw unprocessable('DialogTransmission', 'Transmission ids must be unique within the dialog.');
  for (const t of transmissions) {
    if (t.relatedTransmissionId && !ids.includes(t.relatedTransmissionId)) {
      throw unprocessable('DialogTransmission', `Entity 'DialogTransmission' with the following key(s) was not found: (${t.relatedTransmissionId}).`);
    }
  }
}

// ---- Operations ----------------------------------------------------------------------------------

export interface ServiceOwnerContext {
  services: Services;
  dialogs: DialogStore;
  /** Faults (selfcheck), read at request time. */
  config?: FaultConfig;
}

/** POST /api/v1/serviceowner/dialogs (docs/contracts/dialogporten-broker.md §A.4). Returns the stored dialog. */
export function createDialog(ctx: ServiceOwnerContext, caller: ServiceOwnerCaller, body: CreateDialogInput): Dialog {
  const nowMs = Date.now();
  checkCreateBody(body, nowMs); // 400, gathered
  const resource = checkOwnedResource(ctx.services, caller, body.serviceResource); // 403
  const org = resource.hasCompetentAuthority.orgcode.toLowerCase();
  if (body.idempotentKey) {
    const existing = ctx.dialogs.byIdempotentKey(org, body.idempotentKey);
    if (existing) throw conflict('IdempotentKey', `The IdempotentKey '${body.idempotentKey}' is already in use by dialog '${existing.id}'.`); // 409
  }
  const id = body.id?.toLowerCase() ?? uuidV7(nowMs);
  if (ctx.dialogs.get(id)) throw conflict('DialogEntity', `Entity 'DialogEntity' with the following key(s) already exists: (${id}).`); // 409
  const createdAt = body.createdAt ? normaliseTimestamp(body.createdAt) : timestamp(nowMs);
  const updatedAt = body.updatedAt ? normaliseTimestamp(body.updatedAt) : createdAt;
  const transmissions = (body.transmissions ?? []).map((t) => transmissionOf(t, createdAt));
  checkTransmissionGraph(transmissions); // 422
  const dialog: Dialog = {
    id,
    revision: randomUUID(),
    idempotentKey: body.idempotentKey ?? null,
    org,
    ownerOrgNo: caller.orgNo,
    serviceResource: `urn:altinn:resource:${resource.identifier}`,
    serviceResourceType: resource.resourceType,
    party: body.party.toLowerCase(),
    progress: body.progress ?? null,
    process: body.process ?? null,
    precedingProcess: body.precedingProcess ?? null,
    extendedStatus: body.extendedStatus ?? null,
    externalReference: body.externalReference ?? null,
    status: statusOf(body.status),
    systemLabel: body.systemLabel ?? 'Default',
    isApiOnly: body.isApiOnly ?? false,
    createdAt,
    updatedAt,
    contentUpdatedAt: updatedAt,
    dueAt: body.dueAt ? normaliseTimestamp(body.dueAt) : null,
    expiresAt: body.expiresAt ? normaliseTimestamp(body.expiresAt) : null,
    visibleFrom: body.visibleFrom ? normaliseTimestamp(body.visibleFrom) : null,
    searchTags: (body.searchTags ?? []).map((t) => t.value.toLowerCase()),
    content: body.content ? contentOf(body.content) : null,
    attachments: (body.attachments ?? []).map(attachmentOf),
    transmissions,
    guiActions: (body.guiActions ?? []).map(guiActionOf),
    apiActions: (body.apiActions ?? []).map(apiActionOf),
    activities: (body.activities ?? []).map((a) => activityOf(a, createdAt)),
    seenLog: [],
    endUserContextRevision: randomUUID(),
    deletedAt: null,
  };
  ctx.dialogs.add(dialog);
  return dialog;
}

/**
 * The service owner's own dialog: unknown, malformed or another owner's id → 404 (a service owner
 * only sees its own dialogs); deleted → 410; an If-Match that is not the revision → 412.
 */
function ownDialog(ctx: ServiceOwnerContext, caller: ServiceOwnerCaller, dialogId: string, ifMatch: string | undefined, anyOwner = false): Dialog {
  const dialog = isUuid(dialogId) ? ctx.dialogs.get(dialogId) : undefined;
  if (!dialog || (dialog.ownerOrgNo !== caller.orgNo && !anyOwner)) throw entityNotFound('DialogEntity', dialogId);
  if (dialog.deletedAt) throw entityRemoved('DialogEntity', dialogId);
  if (ifMatch !== undefined && ifMatch.replace(/"/g, '').toLowerCase() !== dialog.revision) throw preconditionFailed();
  return dialog;
}

/** POST /api/v1/serviceowner/dialogs/{dialogId}/transmissions. Returns the dialog and the new transmission. */
export function addTransmission(ctx: ServiceOwnerContext, caller: ServiceOwnerCaller, dialogId: string, ifMatch: string | undefined, body: TransmissionInput): { dialog: Dialog; transmission: Transmission } {
  const dialog = ownDialog(ctx, caller, dialogId, ifMatch); // 404, 410, 412
  const errors = new Errors();
  checkTransmission(errors, 'dto', body, Date.now());
  errors.throwIfAny(); // 400
  const now = timestamp();
  const transmission = transmissionOf(body, now);
  if (transmission.idempotentKey && dialog.transmissions.some((t) => t.idempotentKey === transmission.idempotentKey)) {
    throw conflict('IdempotentKey', `The IdempotentKey '${transmission.idempotentKey}' is already in use in this dialog.`);
  }
  checkTransmissionGraph([...dialog.transmissions, transmission]); // 422
  dialog.transmissions.push(transmission);
  dialog.revision = randomUUID();
  dialog.updatedAt = now;
  dialog.contentUpdatedAt = now;
  ctx.dialogs.put(dialog);
  return { dialog, transmission };
}

/**
 * POST /api/v1/serviceowner/dialogs/{dialogId}/activities (docs/contracts/dialogporten-serviceowner.md §3):
 * the own dialog (404, 410, 412 as for transmissions); the activity's rules gathered into one 400
 * (self-chosen id, createdAt in the past, actor, description only and always for Information,
 * transmissionId only and always for TransmissionOpened); Correspondence* types need the correspondence
 * scope (403); a transmissionId that is not the dialog's → 422. Returns the dialog and the new activity.
 */
export function addActivity(ctx: ServiceOwnerContext, caller: ServiceOwnerCaller, dialogId: string, ifMatch: string | undefined, body: ActivityInput): { dialog: Dialog; activity: Activity } {
  // Fault dialogporten-aktivitet-uten-eierkontroll (selfcheck): any service owner's dialog takes the activity.
  const dialog = ownDialog(ctx, caller, dialogId, ifMatch, faultActive(ctx.config, 'dialogporten-aktivitet-uten-eierkontroll')); // 404, 410, 412
  const nowMs = Date.now();
  const errors = new Errors();
  checkSelfChosenId(errors, 'id', body.id, nowMs);
  if (body.createdAt && Date.parse(body.createdAt) > nowMs) errors.add('createdAt', "'Created At' must be in the past.");
  checkActor(errors, 'performedBy', body.performedBy);
  const hasDescription = (body.description ?? []).length > 0;
  if (body.type === 'Information' && !hasDescription) errors.add('description', "Description is required when the type is 'Information'.");
  if (body.type !== 'Information' && hasDescription) errors.add('description', "Description is only allowed when the type is 'Information'.");
  if (body.type === 'Information') checkLocalizations(errors, 'description', body.description, 255);
  if (body.type !== 'TransmissionOpened' && body.transmissionId) errors.add('transmissionId', 'Only activities of type TransmissionOpened can reference a transmission.');
  if (body.type === 'TransmissionOpened' && !body.transmissionId) errors.add('transmissionId', 'An activity of type TransmissionOpened needs to reference a transmission.');
  errors.throwIfAny(); // 400
  if (body.type === 'CorrespondenceOpened' || body.type === 'CorrespondenceConfirmed') {
    throw forbidden('Use of CorrespondenceConfirmed or CorrespondenceOpened activity types requires the scope digdir:dialogporten.correspondence.');
  }
  const now = timestamp(nowMs);
  const activity = activityOf(body, now);
  if (activity.transmissionId && !dialog.transmissions.some((t) => t.id === activity.transmissionId)) {
    throw unprocessable('Activity.TransmissionId', `Invalid 'TransmissionId', entity 'DialogTransmission' with the following key(s) does not exist: (${activity.transmissionId}) in 'Transmissions'`);
  }
  if (dialog.activities.some((a) => a.id === activity.id)) throw conflict('DialogActivity', `Entity 'DialogActivity' with the following key(s) already exists: (${activity.id}).`);
  dialog.activities.push(activity);
  dialog.revision = randomUUID();
  dialog.updatedAt = now;
  ctx.dialogs.put(dialog);
  return { dialog, activity };
}

/** DELETE /api/v1/serviceowner/dialogs/{dialogId}: a soft delete; the dialog answers 410 from then on. */
export function deleteDialog(ctx: ServiceOwnerContext, caller: ServiceOwnerCaller, dialogId: string, ifMatch: string | undefined): Dialog {
  const dialog = ownDialog(ctx, caller, dialogId, ifMatch); // 404, 410, 412
  dialog.deletedAt = timestamp();
  dialog.revision = randomUUID();
  ctx.dialogs.put(dialog);
  return dialog;
}
