// Route schemas of Dialogporten (docs/contracts/dialogporten-broker.md §A.2–§A.5), written from the official
// OpenAPI (`@digdir/dialogporten-schema`, schemas V1ServiceOwnerDialogsCommandsCreate_* and the end-user
// query parameters). Shape only: members, types, enums and lengths; the rules with an order run in the
// handlers. Members are nullable where the OpenAPI says so; unknown members are refused, as
// `additionalProperties: false` in the OpenAPI says. Responses carry no schema (they are checked
// against the official schema in the unit tests instead).

const nullable = (schema: Record<string, unknown>): Record<string, unknown> => {
  const type = schema.type;
  return { ...schema, type: Array.isArray(type) ? [...type, 'null'] : [type, 'null'] };
};
const str = (maxLength?: number) => ({ type: 'string', ...(maxLength ? { maxLength } : {}) });
const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const uri = { type: 'string', format: 'uri', maxLength: 1023 } as const;

export const TRANSMISSION_TYPES = ['Information', 'Acceptance', 'Rejection', 'Request', 'Alert', 'Decision', 'Submission', 'Correction'] as const;
export const ACTIVITY_TYPES = [
  'DialogCreated', 'DialogClosed', 'Information', 'TransmissionOpened', 'PaymentMade', 'SignatureProvided', 'DialogOpened', 'DialogDeleted',
  'DialogRestored', 'SentToSigning', 'SentToFormFill', 'SentToSendIn', 'SentToPayment', 'FormSubmitted', 'FormSaved', 'CorrespondenceOpened',
  'CorrespondenceConfirmed',
] as const;
export const DIALOG_STATUSES = ['InProgress', 'Draft', 'RequiresAttention', 'Completed', 'NotApplicable', 'Awaiting'] as const;
export const DIALOG_STATUS_INPUTS = ['New', 'InProgress', 'Draft', 'Sent', 'RequiresAttention', 'Completed', 'NotApplicable', 'Awaiting'] as const;
export const SYSTEM_LABELS = ['Default', 'Bin', 'Archive', 'MarkedAsUnopened', 'Sent'] as const;
const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT'] as const;

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false,
});

const localization = object({ value: str(), languageCode: str(10) }, ['value', 'languageCode']);
const localizations = { type: 'array', items: localization, maxItems: 20 };
const contentValue = object({ value: localizations, mediaType: str(255) }, ['value']);
const actor = object({
  actorType: { type: 'string', enum: ['PartyRepresentative', 'ServiceOwner'] },
  actorName: nullable(str(255)),
  actorId: nullable(str(255)),
}, ['actorType']);

const attachmentUrl = object({
  id: nullable(uuid),
  url: uri,
  mediaType: nullable(str(255)),
  consumerType: { type: 'string', enum: ['Gui', 'Api'] },
}, ['url']);
const attachment = object({
  id: nullable(uuid),
  displayName: nullable(localizations),
  name: nullable(str(255)),
  urls: { type: 'array', items: attachmentUrl, minItems: 1, maxItems: 100 },
  expiresAt: nullable(dateTime),
}, ['urls']);

const navigationalAction = object({ title: localizations, url: uri, expiresAt: nullable(dateTime) }, ['title', 'url']);

/** V1ServiceOwnerDialogsCommandsCreate_Transmission / CreateTransmission_TransmissionRequest. */
export const transmission = object({
  id: nullable(uuid),
  idempotentKey: nullable(str(36)),
  createdAt: dateTime,
  authorizationAttribute: nullable(str(255)),
  extendedType: nullable(uri),
  externalReference: nullable(str(255)),
  relatedTransmissionId: nullable(uuid),
  type: { type: 'string', enum: TRANSMISSION_TYPES },
  sender: actor,
  content: nullable(object({ title: contentValue, summary: nullable(contentValue), contentReference: nullable(contentValue) }, ['title'])),
  attachments: nullable({ type: 'array', items: attachment, maxItems: 100 }),
  navigationalActions: nullable({ type: 'array', items: navigationalAction, maxItems: 100 }),
}, ['type', 'sender']);

const guiAction = object({
  id: nullable(uuid),
  action: str(255),
  url: uri,
  authorizationAttribute: nullable(str(255)),
  isDeleteDialogAction: { type: 'boolean' },
  httpMethod: nullable({ type: 'string', enum: HTTP_VERBS }),
  priority: { type: 'string', enum: ['Primary', 'Secondary', 'Tertiary'] },
  title: localizations,
  prompt: nullable(localizations),
}, ['action', 'url', 'priority', 'title']);

const apiActionEndpoint = object({
  id: nullable(uuid),
  version: nullable(str(255)),
  url: uri,
  httpMethod: { type: 'string', enum: HTTP_VERBS },
  documentationUrl: nullable(uri),
  requestSchema: nullable(uri),
  responseSchema: nullable(uri),
  deprecated: { type: 'boolean' },
  sunsetAt: nullable(dateTime),
}, ['url', 'httpMethod']);
const apiAction = object({
  id: nullable(uuid),
  action: str(255),
  authorizationAttribute: nullable(str(255)),
  name: nullable(str(255)),
  endpoints: nullable({ type: 'array', items: apiActionEndpoint, maxItems: 100 }),
}, ['action']);

/** V1ServiceOwnerDialogsCommandsCreateActivity_ActivityRequest (and the create body's activities). */
export const activity = object({
  id: nullable(uuid),
  createdAt: nullable(dateTime),
  extendedType: nullable(uri),
  type: { type: 'string', enum: ACTIVITY_TYPES },
  transmissionId: nullable(uuid),
  performedBy: actor,
  description: nullable(localizations),
}, ['type', 'performedBy']);

const content = object({
  title: contentValue,
  summary: nullable(contentValue),
  senderName: nullable(contentValue),
  additionalInfo: nullable(contentValue),
  extendedStatus: nullable(contentValue),
  mainContentReference: nullable(contentValue),
  nonSensitiveTitle: nullable(contentValue),
  nonSensitiveSummary: nullable(contentValue),
});

/** V1ServiceOwnerDialogsCommandsCreate_Dialog (docs/contracts/dialogporten-broker.md §A.4). */
export const createDialogBody = object({
  id: nullable(uuid),
  idempotentKey: nullable({ type: 'string', minLength: 3, maxLength: 36 }),
  serviceResource: str(1023),
  party: str(255),
  progress: nullable({ type: 'integer', minimum: 0, maximum: 100 }),
  extendedStatus: nullable(str(255)),
  externalReference: nullable(str(255)),
  visibleFrom: nullable(dateTime),
  dueAt: nullable(dateTime),
  process: nullable(uri),
  precedingProcess: nullable(uri),
  expiresAt: nullable(dateTime),
  createdAt: nullable(dateTime),
  updatedAt: nullable(dateTime),
  status: nullable({ type: 'string', enum: DIALOG_STATUS_INPUTS }),
  systemLabel: nullable({ type: 'string', enum: SYSTEM_LABELS }),
  isApiOnly: { type: 'boolean' },
  content: nullable(content),
  searchTags: nullable({ type: 'array', items: object({ value: str(63) }, ['value']), maxItems: 100 }),
  serviceOwnerContext: nullable(object({ serviceOwnerLabels: nullable({ type: 'array', items: object({ value: str(255) }, ['value']) }) })),
  attachments: nullable({ type: 'array', items: attachment, maxItems: 100 }),
  transmissions: nullable({ type: 'array', items: transmission, maxItems: 100 }),
  guiActions: nullable({ type: 'array', items: guiAction, maxItems: 7 }),
  apiActions: nullable({ type: 'array', items: apiAction, maxItems: 100 }),
  activities: nullable({ type: 'array', items: activity, maxItems: 100 }),
}, ['serviceResource', 'party']);

export const dialogParams = object({ dialogId: { type: 'string', maxLength: 100 } }, ['dialogId']);
export const transmissionParams = object({
  dialogId: { type: 'string', maxLength: 100 },
  transmissionId: { type: 'string', maxLength: 100 },
}, ['dialogId', 'transmissionId']);

/** A query parameter that may be repeated: one value is a string, several an array (values are OR-ed). */
const repeated = (maxLength = 1023) => ({ anyOf: [str(maxLength), { type: 'array', items: str(maxLength) }] });

/**
 * End-user search query (docs/contracts/dialogporten-broker.md §A.2). Values are strings (no coercion); their
 * rules (URN formats, limits, date order) are checked in the handler. Unknown parameters are ignored,
 * as ASP.NET ignores them.
 */
export const searchQuery = {
  type: 'object',
  properties: {
    org: repeated(255),
    serviceResource: repeated(),
    party: repeated(255),
    extendedStatus: repeated(255),
    externalReference: str(255),
    status: repeated(50),
    createdAfter: str(64), createdBefore: str(64),
    updatedAfter: str(64), updatedBefore: str(64),
    contentUpdatedAfter: str(64), contentUpdatedBefore: str(64),
    dueAfter: str(64), dueBefore: str(64),
    isContentSeen: { type: 'string', enum: ['true', 'false', 'True', 'False'] },
    process: str(1023),
    systemLabel: repeated(50),
    excludeApiOnly: { type: 'string', enum: ['true', 'false', 'True', 'False'] },
    search: str(1023),
    searchLanguageCode: str(10),
    orderBy: str(255),
    continuationToken: str(4096),
    limit: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;

export type Repeated = string | string[];

export interface SearchQuery {
  org?: Repeated;
  serviceResource?: Repeated;
  party?: Repeated;
  extendedStatus?: Repeated;
  externalReference?: string;
  status?: Repeated;
  createdAfter?: string; createdBefore?: string;
  updatedAfter?: string; updatedBefore?: string;
  contentUpdatedAfter?: string; contentUpdatedBefore?: string;
  dueAfter?: string; dueBefore?: string;
  isContentSeen?: string;
  process?: string;
  systemLabel?: Repeated;
  excludeApiOnly?: string;
  search?: string;
  searchLanguageCode?: string;
  orderBy?: string;
  continuationToken?: string;
  limit?: string;
}

/** GET /api/v1/serviceowner/dialogs: the end-user query's parameters (but org) and the service owner's own. */
export const serviceOwnerSearchQuery = {
  ...searchQuery,
  properties: {
    ...Object.fromEntries(Object.entries(searchQuery.properties).filter(([name]) => name !== 'org')),
    endUserId: str(255),
    deleted: { type: 'string', enum: ['Exclude', 'Include', 'Only'] },
    visibleAfter: str(64), visibleBefore: str(64),
    serviceOwnerLabels: repeated(255),
  },
} as const;

/** GET /api/v1/serviceowner/dialogs/{dialogId}?endUserId=. */
export const serviceOwnerGetQuery = { type: 'object', properties: { endUserId: str(255) } } as const;

/** GET /api/v1/serviceowner/dialogs/endusercontext. */
export const endUserContextQuery = {
  type: 'object',
  properties: {
    party: repeated(255),
    contentUpdatedAfter: str(64),
    label: repeated(50),
    continuationToken: str(4096),
    limit: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
