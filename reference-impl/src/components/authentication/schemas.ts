// JSON Schemas of the authentication routes: shape only (types, required members). Business rules run
// in the handlers in the contract's order. Member names are the contract's (docs/contracts/altinn-authentication.md
// §2.2, §3.2); input.ts matches incoming names to them case-insensitively before validation. Unknown
// members are accepted and ignored, as ASP.NET does. Query and path values are strings (no coercion).
// No response schemas: fast-json-stringify would drop members the contract sends and turn the left-out
// nulls into empty values.

const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** The legacy integer party id (ASP.NET binds `int`). */
const PARTY_PATTERN = '^-?[0-9]{1,10}$';

const nullableString = { type: ['string', 'null'] } as const;

/** AttributePair `{id, value}` (docs/contracts/altinn-authentication.md §2.2). */
const attributePair = {
  type: 'object',
  required: ['id', 'value'],
  properties: { id: { type: 'string' }, value: { type: 'string' } },
} as const;

/**
 * Right `{action?, resource:[AttributePair]}`. The reference requires at least one attribute pair:
 * Altinn indexes `resource[0]` unguarded and fails with a 500 on an empty list.
 */
export const right = {
  type: 'object',
  required: ['resource'],
  properties: {
    action: nullableString,
    resource: { type: 'array', minItems: 1, items: attributePair },
  },
} as const;

/** AccessPackage `{urn}`; a missing or null urn is a business error (VLD-08 / AUTH-00063), not a shape error. */
export const accessPackage = {
  type: 'object',
  properties: { urn: nullableString },
} as const;

const languageMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** RegisterSystemRequest (docs/contracts/altinn-authentication.md §2.2), the body of POST and PUT vendor. */
export const registerSystemRequest = {
  type: 'object',
  required: ['id', 'vendor', 'name', 'description'],
  properties: {
    id: { type: 'string' },
    vendor: {
      type: 'object',
      required: ['ID'],
      properties: { authority: nullableString, ID: { type: 'string' } },
    },
    name: languageMap,
    description: languageMap,
    rights: { type: ['array', 'null'], items: right },
    accessPackages: { type: ['array', 'null'], items: accessPackage },
    clientId: { type: ['array', 'null'], items: { type: 'string' } },
    isVisible: { type: 'boolean' },
    allowedRedirectUrls: { type: ['array', 'null'], items: { type: 'string' } },
  },
} as const;

export const rightsBody = { type: 'array', items: right } as const;
export const accessPackagesBody = { type: 'array', items: accessPackage } as const;

/** CreateRequestSystemUser (docs/contracts/altinn-authentication.md §3.2). */
export const createRequestBody = {
  type: 'object',
  required: ['systemId', 'partyOrgNo'],
  properties: {
    systemId: { type: 'string' },
    partyOrgNo: { type: 'string' },
    externalRef: nullableString,
    integrationTitle: nullableString,
    rights: { type: ['array', 'null'], items: right },
    accessPackages: { type: ['array', 'null'], items: accessPackage },
    redirectUrl: nullableString,
  },
} as const;

/**
 * CreateAgentRequestSystemUser: the same without rights. `rights` is declared only so that its name is
 * matched case-insensitively; a check in the handler refuses it (docs/contracts/altinn-authentication.md §3.2).
 */
export const createAgentRequestBody = {
  type: 'object',
  required: ['systemId', 'partyOrgNo'],
  properties: {
    systemId: { type: 'string' },
    partyOrgNo: { type: 'string' },
    externalRef: nullableString,
    integrationTitle: nullableString,
    rights: {},
    accessPackages: { type: ['array', 'null'], items: accessPackage },
    redirectUrl: nullableString,
  },
} as const;

/** ChangeRequestSystemUser (docs/contracts/change-requests.md §2): four lists and an optional redirectUrl. */
export const changeRequestBody = {
  type: 'object',
  properties: {
    requiredRights: { type: ['array', 'null'], items: right },
    unwantedRights: { type: ['array', 'null'], items: right },
    requiredAccessPackages: { type: ['array', 'null'], items: accessPackage },
    unwantedAccessPackages: { type: ['array', 'null'], items: accessPackage },
    redirectUrl: nullableString,
  },
} as const;

/**
 * `?correlation-id=&system-user-id=` (docs/contracts/change-requests.md §2). A missing or empty
 * correlation-id is the handler's plain-text 400; a value that is not a GUID is a binding 400 here.
 */
export const changeRequestQuery = {
  type: 'object',
  properties: {
    'correlation-id': { type: 'string', pattern: `^$|${GUID_PATTERN}` },
    'system-user-id': { type: 'string', pattern: `^$|${GUID_PATTERN}` },
  },
} as const;

export const systemIdParams = {
  type: 'object',
  required: ['systemId'],
  properties: { systemId: { type: 'string', minLength: 1 } },
} as const;

export const requestIdParams = {
  type: 'object',
  required: ['requestId'],
  properties: { requestId: { type: 'string', pattern: GUID_PATTERN } },
} as const;

export const byExternalRefParams = {
  type: 'object',
  required: ['systemId', 'orgNo', 'externalRef'],
  properties: {
    systemId: { type: 'string', minLength: 1 },
    orgNo: { type: 'string', minLength: 1 },
    externalRef: { type: 'string', minLength: 1 },
  },
} as const;

export const partyRequestParams = {
  type: 'object',
  required: ['party', 'requestId'],
  properties: {
    party: { type: 'string', pattern: PARTY_PATTERN },
    requestId: { type: 'string', pattern: GUID_PATTERN },
  },
} as const;

export const partyParams = {
  type: 'object',
  required: ['party'],
  properties: { party: { type: 'string', pattern: PARTY_PATTERN } },
} as const;

export const partySystemUserParams = {
  type: 'object',
  required: ['party', 'systemUserId'],
  properties: {
    party: { type: 'string', pattern: PARTY_PATTERN },
    systemUserId: { type: 'string', pattern: GUID_PATTERN },
  },
} as const;

/** `?token=` of the paged lists (docs/contracts/altinn-authentication.md §5.2). */
export const pageQuery = {
  type: 'object',
  properties: { token: { type: 'string' } },
} as const;

/** byExternalId: the missing-parameter 400 is a business rule (docs/contracts/altinn-authentication.md §5.2), so nothing is required here. */
export const byExternalIdQuery = {
  type: 'object',
  properties: {
    clientId: { type: 'string' },
    systemProviderOrgNo: { type: 'string' },
    systemUserOwnerOrgNo: { type: 'string' },
    externalRef: { type: 'string' },
  },
} as const;

/** byquery: `system-id` and `orgno` are non-nullable action parameters, so ASP.NET requires them. */
export const byQueryQuery = {
  type: 'object',
  required: ['system-id', 'orgno'],
  properties: {
    'system-id': { type: 'string' },
    orgno: { type: 'string' },
    'external-ref': { type: 'string' },
  },
} as const;

export const agentDeleteQuery = {
  type: 'object',
  properties: { facilitatorId: { type: 'string', pattern: GUID_PATTERN } },
} as const;

/**
 * Client delegation (docs/contracts/altinn-authentication.md §5.3, docs/contracts/altinn-authorization.md §4.2): `agent` and `client` bind as
 * `Guid`; a missing, empty or malformed value is Guid.Empty there and answered with AUTH.VLD-00014 /
 * AUTH.VLD-00016 by the handler, so the schema takes any string. (ASP.NET answers a malformed GUID with
 * its own model-binding 400; the reference gives the code whose title says "missing or invalid".)
 */
export const agentQuery = {
  type: 'object',
  properties: { agent: { type: 'string' } },
} as const;

export const agentClientQuery = {
  type: 'object',
  properties: { agent: { type: 'string' }, client: { type: 'string' } },
} as const;

/** GET agents?party={orgno}: `party` is a non-nullable string, so ASP.NET requires it. */
export const agentsQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: { type: 'string' } },
} as const;

// ---- Token exchange, OIDC discovery, end-user views of a system (docs/contracts/platform-behaviour.md §2, §4) ----

/** ASP.NET binds `bool` from "true"/"false" in any casing; anything else is a model-binding 400. */
const aspNetBool = { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' } as const;

export const exchangeParams = {
  type: 'object',
  required: ['tokenProvider'],
  properties: { tokenProvider: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const exchangeQuery = {
  type: 'object',
  properties: { test: aspNetBool },
} as const;

export const openidConfigurationResponse = {
  type: 'object',
  required: ['issuer', 'jwks_uri', 'token_endpoint', 'response_types_supported', 'subject_types_supported', 'id_token_signing_alg_values_supported'],
  properties: {
    issuer: { type: 'string' },
    jwks_uri: { type: 'string' },
    token_endpoint: { type: 'string' },
    response_types_supported: { type: 'array', items: { type: 'string' } },
    subject_types_supported: { type: 'array', items: { type: 'string' } },
    id_token_signing_alg_values_supported: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const jwksResponse = {
  type: 'object',
  required: ['keys'],
  properties: {
    keys: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kty', 'kid', 'n', 'e'],
        properties: { kty: { type: 'string' }, kid: { type: 'string' }, use: { type: 'string' }, alg: { type: 'string' }, n: { type: 'string' }, e: { type: 'string' } },
      },
    },
  },
} as const;

export const systemViewQuery = {
  type: 'object',
  properties: { useOldFormatForApp: aspNetBool },
} as const;
