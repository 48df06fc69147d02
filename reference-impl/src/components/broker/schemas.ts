// Route schemas of the broker (docs/contracts/dialogporten-broker.md §B.1, §B.2). Shape only: JSON types as
// System.Text.Json binds them (a number where a string is expected is a 400). The model's rules —
// required members, lengths, patterns, the property list's limits, the checksum's form — are checked
// in `rules.ts`, one source for the JSON and the multipart variants. Unknown members are ignored, as
// ASP.NET ignores them.

const nullableString = { type: ['string', 'null'] } as const;

/** FileTransferInitalizeExt after `canonicalMembers` (member names bind case-insensitively, docs/contracts/dialogporten-broker.md §B.2). */
export const initializeBody = {
  type: 'object',
  properties: {
    resourceId: nullableString,
    fileName: nullableString,
    sendersFileTransferReference: nullableString,
    sender: nullableString,
    recipients: { type: ['array', 'null'], items: { type: 'string' } },
    propertyList: { type: ['object', 'null'], additionalProperties: { type: 'string' } },
    checksum: nullableString,
    disableVirusScan: { type: ['boolean', 'null'] },
  },
} as const;

export interface InitializeInput {
  resourceId?: string | null;
  fileName?: string | null;
  sendersFileTransferReference?: string | null;
  sender?: string | null;
  recipients?: string[] | null;
  propertyList?: Record<string, string> | null;
  checksum?: string | null;
  disableVirusScan?: boolean | null;
}

const MEMBERS = ['resourceId', 'fileName', 'sendersFileTransferReference', 'sender', 'recipients', 'propertyList', 'checksum', 'disableVirusScan'];
const CANONICAL = new Map(MEMBERS.map((m) => [m.toLowerCase(), m]));

/** ASP.NET binds member names case-insensitively ("FileName" in Altinn's own samples): rewrite the top-level names. */
export function canonicalMembers(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).map(([k, v]) => [CANONICAL.get(k.toLowerCase()) ?? k, v]));
}

/** The route's Guid parameter: anything else fails model binding (400). */
export const fileTransferParams = {
  type: 'object',
  required: ['fileTransferId'],
  properties: { fileTransferId: { type: 'string', format: 'uuid' } },
} as const;

export interface FileTransferParams {
  fileTransferId: string;
}

/** GET /filetransfer query (docs/contracts/dialogporten-broker.md §B.1); values are strings (no coercion), their rules checked in the handler. */
export const listQuery = {
  type: 'object',
  required: ['resourceId'],
  properties: {
    resourceId: { type: 'string', minLength: 1, maxLength: 255 },
    status: { type: 'string' },
    recipientStatus: { type: 'string' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    orderAscending: { type: 'string', enum: ['true', 'false', 'True', 'False'] },
    role: { type: 'string' },
  },
} as const;

export interface ListQuery {
  resourceId: string;
  status?: string;
  recipientStatus?: string;
  from?: string;
  to?: string;
  orderAscending?: string;
  role?: string;
}
