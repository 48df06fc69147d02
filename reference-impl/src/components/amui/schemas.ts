// JSON Schemas of the Access Management BFF routes (docs/contracts/am-bff.md §1, §2). The BFF binds
// `{requestId}` as a Guid and `{partyId}` as an int: anything else is a 400 before any rule runs.

const GUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const INT_PATTERN = '^-?[0-9]{1,10}$';

export const requestIdParams = {
  type: 'object',
  required: ['requestId'],
  properties: { requestId: { type: 'string', pattern: GUID_PATTERN } },
} as const;

export const answerParams = {
  type: 'object',
  required: ['partyId', 'requestId'],
  properties: {
    partyId: { type: 'string', pattern: INT_PATTERN },
    requestId: { type: 'string', pattern: GUID_PATTERN },
  },
} as const;

/** The members every BFF request shape starts with (index.ts frontHead). */
const head = {
  id: { type: 'string' },
  partyId: { type: 'integer' },
  partyUuid: { type: 'string' },
  status: { type: 'string' },
  redirectUrl: { type: 'string' },
  system: {
    type: 'object',
    properties: { systemId: { type: 'string' }, systemVendorOrgNumber: { type: 'string' }, name: { type: 'string' } },
  },
} as const;
const headRequired = ['id', 'partyId', 'partyUuid', 'status'] as const;

export const requestFE = {
  type: 'object',
  required: headRequired,
  properties: {
    ...head,
    resources: { type: 'array', items: { type: 'object', properties: { identifier: { type: 'string' } } } },
    accessPackages: { type: 'array', items: { type: 'object', properties: { urn: { type: 'string' } } } },
    created: { type: 'string' },
    escalated: { type: 'boolean' },
    userMayEscalateButNotApprove: { type: 'boolean' },
  },
} as const;

export const answered = { type: 'boolean' } as const;

const resourcesFE = { type: 'array', items: { type: 'object', properties: { identifier: { type: 'string' } } } } as const;
const packagesFE = { type: 'array', items: { type: 'object', properties: { urn: { type: 'string' } } } } as const;

/** SystemUserChangeRequestFE (am-bff.md §2). */
export const changeRequestFE = {
  type: 'object',
  required: headRequired,
  properties: {
    ...head,
    requiredRights: resourcesFE,
    unwantedRights: resourcesFE,
    requiredAccessPackages: packagesFE,
    unwantedAccessPackages: packagesFE,
  },
} as const;

// ---- client administration views (docs/contracts/my-clients.md §2) -------------------------------
// The BFF binds `party`, `to` and `provider` as Guid: a value that is not one is a 400 from model binding.

const GUID = { type: 'string', pattern: GUID_PATTERN } as const;

export const partyQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID, roles: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
} as const;

export const agentsQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID },
} as const;

export const agentQuery = {
  type: 'object',
  required: ['party', 'to'],
  properties: { party: GUID, to: GUID },
} as const;

export const providerQuery = {
  type: 'object',
  properties: { provider: { anyOf: [GUID, { type: 'array', items: GUID }] } },
} as const;

/** ClientDelegation: the client (CompactEntity) and, per role, its packages and resources. */
const clientDelegation = {
  type: 'object',
  required: ['client', 'access'],
  properties: {
    client: { type: 'object', additionalProperties: true },
    access: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          role: { type: 'object', additionalProperties: true },
          packages: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, urn: { type: 'string' }, areaId: { type: 'string' } } } },
          resources: { type: 'array', items: { type: 'object', additionalProperties: true } },
        },
      },
    },
  },
} as const;

export const clientDelegations = { type: 'array', items: clientDelegation } as const;

/** MyClientDelegation: a provider and the clients it delegated to the person. */
export const myClientDelegations = {
  type: 'array',
  items: { type: 'object', required: ['provider', 'clients'], properties: { provider: { type: 'object', additionalProperties: true }, clients: clientDelegations } },
} as const;

/** AgentDelegation: an agent (CompactEntity), when it was added, and its role (`agent`, no packages). */
export const agentDelegations = {
  type: 'array',
  items: {
    type: 'object',
    required: ['agent', 'agentAddedAt', 'access'],
    properties: { agent: { type: 'object', additionalProperties: true }, agentAddedAt: { type: 'string' }, access: clientDelegation.properties.access },
  },
} as const;

// ---- connection/rightholders and accesspackage/delegationcheck (docs/contracts/client-administration.md §2)
// `party` binds as Guid, `from` and `to` as Guid?, the include flags as bool: anything else is a 400.

const BOOL = { type: 'string', pattern: '^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$' } as const;

export const rightholdersQuery = {
  type: 'object',
  required: ['party'],
  properties: { party: GUID, from: GUID, to: GUID, includeClientDelegations: BOOL, includeAgentConnections: BOOL },
} as const;

/** The BFF's Entity (Models/User/Connection/Entity.cs). */
const entity = {
  type: 'object',
  required: ['id', 'name', 'type'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, variant: { type: ['string', 'null'] },
    parent: { type: 'null' }, children: { type: 'null' }, partyId: { type: ['integer', 'null'] },
    organizationIdentifier: { type: ['string', 'null'] }, dateOfBirth: { type: ['string', 'null'] }, isDeleted: { type: 'boolean' },
  },
} as const;

/** The BFF's Connection: party, roles {id, code}, and the connections under it (one level: client delegations). */
const connectionLeaf = {
  type: 'object',
  required: ['party', 'roles', 'connections'],
  properties: {
    party: entity,
    roles: { type: 'array', items: { type: 'object', required: ['id', 'code'], properties: { id: { type: 'string' }, code: { type: 'string' } } } },
    connections: { type: 'array', items: { type: 'object' } },
  },
} as const;

export const connections = {
  type: 'array',
  items: { ...connectionLeaf, properties: { ...connectionLeaf.properties, connections: { type: 'array', items: connectionLeaf } } },
} as const;

/** DelegationCheck (Models/AccessPackage/DelegationCheck.cs): the package, the answer, the reasons. */
export const delegationChecks = {
  type: 'array',
  items: {
    type: 'object',
    required: ['package', 'result', 'reasons'],
    properties: {
      package: { type: 'object', required: ['id', 'urn'], properties: { id: { type: 'string' }, urn: { type: 'string' }, areaId: { type: 'string' } } },
      result: { type: 'boolean' },
      reasons: { type: 'array', items: { type: 'object', required: ['description'], properties: { description: { type: 'string' } } } },
    },
  },
} as const;
