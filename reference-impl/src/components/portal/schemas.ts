// Route schemas of the portal (shape only; every rule is the API's). Form bodies are
// application/x-www-form-urlencoded, so every value is a string; a repeated field becomes an array and
// fails the schema. `_csrf` is checked by the CSRF hook before validation, so it is optional here.

const csrf = { type: 'string', maxLength: 200 } as const;
const shortText = { type: 'string', maxLength: 200 } as const;

export const loginQuery = {
  type: 'object',
  properties: { returnTo: { type: 'string', maxLength: 2000 } },
} as const;

export const loginBody = {
  type: 'object',
  required: ['pid'],
  properties: {
    _csrf: csrf,
    pid: { type: 'string', maxLength: 64 },
    returnTo: { type: 'string', maxLength: 2000 },
  },
  additionalProperties: false,
} as const;

export const csrfOnlyBody = {
  type: 'object',
  properties: { _csrf: csrf },
  additionalProperties: false,
} as const;

/** The confirmUrl's query (docs/contracts/altinn-authentication.md §3.1): `id` and Altinn's `DONTCHOOSEREPORTEE`. */
export const requestPageQuery = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 100 },
    DONTCHOOSEREPORTEE: shortText,
  },
} as const;

export const requestActionBody = {
  type: 'object',
  required: ['id'],
  properties: { _csrf: csrf, id: { type: 'string', minLength: 1, maxLength: 100 } },
  additionalProperties: false,
} as const;

export const partyQuery = {
  type: 'object',
  required: ['party'],
  properties: {
    party: { type: 'string', minLength: 1, maxLength: 100 },
    done: shortText,
  },
} as const;

export const grantBody = {
  type: 'object',
  required: ['orgNo', 'package'],
  properties: { _csrf: csrf, orgNo: shortText, package: shortText },
  additionalProperties: false,
} as const;

export const revokeBody = {
  type: 'object',
  required: ['to', 'package'],
  properties: { _csrf: csrf, to: shortText, package: shortText },
  additionalProperties: false,
} as const;

export const systemUserParams = {
  type: 'object',
  required: ['systemUserId'],
  properties: { systemUserId: { type: 'string', minLength: 1, maxLength: 100 } },
  additionalProperties: false,
} as const;

export const clientBody = {
  type: 'object',
  required: ['client'],
  properties: { _csrf: csrf, client: { type: 'string', minLength: 1, maxLength: 100 } },
  additionalProperties: false,
} as const;

export const clientOrgNoBody = {
  type: 'object',
  required: ['orgNo'],
  properties: { _csrf: csrf, orgNo: shortText },
  additionalProperties: false,
} as const;

export const assetParams = {
  type: 'object',
  required: ['file'],
  properties: { file: { type: 'string', minLength: 1, maxLength: 100 } },
  additionalProperties: false,
} as const;

export interface LoginBody { _csrf?: string; pid: string; returnTo?: string }
export interface RequestActionBody { _csrf?: string; id: string }
export interface GrantBody { _csrf?: string; orgNo: string; package: string }
export interface RevokeBody { _csrf?: string; to: string; package: string }
export interface ClientBody { _csrf?: string; client: string }
export interface ClientOrgNoBody { _csrf?: string; orgNo: string }
export interface PartyQuery { party: string; done?: string }
