// Route schemas of the access management metadata routes (shape only).

export const idParams = {
  type: 'object',
  // ASP.NET binds {id} as a Guid: anything else is a 400.
  properties: { id: { type: 'string', format: 'uuid' } },
  required: ['id'],
  additionalProperties: false,
} as const;

export const urnParams = {
  type: 'object',
  properties: { urn: { type: 'string', minLength: 1, maxLength: 300 } },
  required: ['urn'],
  additionalProperties: false,
} as const;

/**
 * GET search (docs/contracts/platform-behaviour.md §3): `term` optional (empty lists everything);
 * the ASP.NET bools bind "true"/"false" in any casing; `resourceProviderCode` may repeat.
 */
export const searchQuery = {
  type: 'object',
  properties: {
    term: { type: 'string', maxLength: 500 },
    typeName: { type: 'string', maxLength: 100 },
    strict: { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' },
    simpleSearch: { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' },
    searchInResources: { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' },
    resourceProviderCode: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
} as const;

// ---- connections (docs/contracts/altinn-authorization.md §5) ----------------------------------------------------
// ASP.NET binds `Guid` query parameters: a value that is not a GUID is a 400 from model binding, so it is
// a shape error here. Unknown query parameters are ignored, as ASP.NET does. `bool` binds "true"/"false"
// in any casing.

const GUID = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' } as const;
const BOOL = { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' } as const;

export const connectionsGetQuery = {
  type: 'object',
  required: ['party'],
  properties: {
    party: GUID, from: GUID, to: GUID,
    includeClientDelegations: BOOL, includeAgentConnections: BOOL, includeAccessPackages: BOOL,
    includeResources: BOOL, includeInstances: BOOL,
  },
} as const;

export const connectionsPostQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID, to: GUID },
} as const;

export const connectionsDeleteQuery = {
  type: 'object',
  required: ['party', 'from', 'to'],
  properties: { party: GUID, from: GUID, to: GUID, cascade: BOOL },
} as const;

export const packagesGetQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID, from: GUID, to: GUID },
} as const;

export const packagesPostQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID, to: GUID, packageId: GUID, package: { type: 'string' } },
} as const;

export const packagesDeleteQuery = {
  type: 'object',
  required: ['party', 'from', 'to'],
  properties: { party: GUID, from: GUID, to: GUID, packageId: GUID, package: { type: 'string' } },
} as const;

/** AM PersonInput (optional body of the POST routes): a person named by national identity number and last name. */
export const personInputBody = {
  type: ['object', 'null'],
  required: ['personIdentifier', 'lastName'],
  properties: { personIdentifier: { type: 'string' }, lastName: { type: 'string' } },
} as const;

// ---- client delegations (docs/contracts/my-clients.md) --------------------------------------------

/** GET my/clients: `provider` is a repeatable Guid (List<Guid>); one that is not a GUID is a 400. */
export const myClientsQuery = {
  type: 'object',
  properties: { provider: { anyOf: [GUID, { type: 'array', items: GUID }] } },
} as const;

/** AM ClientDto: the client (CompactEntityDto) and, per role, its packages (CompactPackageDto). */
export const clientDto = {
  type: 'object',
  required: ['client', 'access'],
  properties: {
    client: { type: 'object', additionalProperties: true },
    access: {
      type: 'array',
      items: {
        type: 'object',
        required: ['role', 'packages'],
        properties: {
          role: { type: 'object', additionalProperties: true },
          packages: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, urn: { type: 'string' }, areaId: { type: 'string' } } } },
        },
      },
    },
  },
} as const;

/** AM MyClientDto: a provider and the clients it delegated to the caller. */
export const myClientDto = {
  type: 'object',
  required: ['provider', 'clients'],
  properties: { provider: { type: 'object', additionalProperties: true }, clients: { type: 'array', items: clientDto } },
} as const;

export const myClientsPage = {
  type: 'object',
  required: ['links', 'data'],
  properties: {
    links: { type: 'object', properties: { next: { type: ['string', 'null'] } } },
    data: { type: 'array', items: myClientDto },
  },
} as const;
