// Route schemas of the test data API (docs/samsvar-apis.md §1): shape only, no unknown fields.
// Business rules (mod 11, known org forms, roles, packages, resource types) run in the handlers.

const text = { type: 'string', minLength: 1 } as const;

const localised = {
  type: 'object',
  properties: { nb: text, nn: text, en: text },
  required: ['nb'],
  additionalProperties: false,
} as const;

export const organisationBody = {
  type: 'object',
  properties: { orgNo: { type: 'string' }, name: text, orgForm: { type: 'string' } },
  required: ['orgNo', 'name', 'orgForm'],
  additionalProperties: false,
} as const;

export const personBody = {
  type: 'object',
  properties: { pid: { type: 'string' }, name: text },
  required: ['pid', 'name'],
  additionalProperties: false,
} as const;

export const roleBody = {
  type: 'object',
  properties: {
    orgNo: { type: 'string' },
    role: { type: 'string' },
    holder: {
      type: 'object',
      properties: { pid: { type: 'string' }, orgNo: { type: 'string' } },
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
    },
  },
  required: ['orgNo', 'role', 'holder'],
  additionalProperties: false,
} as const;

export const maskinportenClientBody = {
  type: 'object',
  properties: {
    clientId: { type: 'string', minLength: 1, maxLength: 200 },
    orgNo: { type: 'string' },
    scopes: { type: 'array', items: text },
    jwks: {
      type: 'object',
      // Each key is checked in the handler (TD-00007), so the schema only asks for objects.
      properties: { keys: { type: 'array', minItems: 1, items: { type: 'object' } } },
      required: ['keys'],
      additionalProperties: false,
    },
  },
  required: ['orgNo', 'scopes', 'jwks'],
  additionalProperties: false,
} as const;

export const resourceParams = {
  type: 'object',
  properties: { identifier: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' } },
  required: ['identifier'],
  additionalProperties: false,
} as const;

export const resourceBody = {
  type: 'object',
  properties: {
    title: localised,
    description: localised,
    resourceType: { type: 'string' },
    delegable: { type: 'boolean' },
    visible: { type: 'boolean' },
    hasCompetentAuthority: {
      type: 'object',
      properties: { organization: text, orgcode: text, name: localised },
      required: ['organization', 'orgcode'],
      additionalProperties: false,
    },
    policy: {
      type: 'object',
      properties: {
        rules: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              // Extension beyond docs/samsvar-apis.md §1: a rule may be a Deny rule (deny-overrides).
              effect: { type: 'string', enum: ['Permit', 'Deny'] },
              subjects: { type: 'array', minItems: 1, items: text },
              actions: { type: 'array', minItems: 1, items: text },
            },
            required: ['subjects', 'actions'],
            additionalProperties: false,
          },
        },
      },
      required: ['rules'],
      additionalProperties: false,
    },
  },
  required: ['title', 'resourceType', 'hasCompetentAuthority', 'policy'],
  additionalProperties: false,
} as const;

/** Epoch seconds, up to the year 9999. */
const epochSeconds = { type: 'integer', minimum: 0, maximum: 253402300799 } as const;

export const tokenBody = {
  type: 'object',
  properties: {
    claims: {
      type: 'object',
      // jose needs a string jti; every other claim is free.
      properties: { jti: text },
    },
    iat: epochSeconds,
    exp: epochSeconds,
  },
  required: ['claims'],
  additionalProperties: false,
} as const;

export const decisionsQuery = {
  type: 'object',
  properties: { systemUserId: text, resource: text },
  additionalProperties: false,
} as const;
