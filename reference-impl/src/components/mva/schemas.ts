// Route schemas of the MVA sample service (docs/samsvar-apis.md §3). Shape only; the token, the
// organisation number's check digit and the PDP are checked in the handlers.

export interface VatReportLine {
  code: string;
  basis: number;
  vat: number;
}

export interface VatReportBody {
  partyOrgNo: string;
  year: number;
  term: number;
  lines: VatReportLine[];
}

/** Amounts in øre. The bound keeps the sum of up to 1000 lines exact in a double. */
const ORE = { type: 'integer', minimum: -1_000_000_000_000, maximum: 1_000_000_000_000 } as const;

export const vatReportBody = {
  type: 'object',
  required: ['partyOrgNo', 'year', 'term', 'lines'],
  properties: {
    partyOrgNo: { type: 'string', pattern: '^[0-9]{9}$' },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    // Two-month VAT terms: 1 = January–February ... 6 = November–December.
    term: { type: 'integer', minimum: 1, maximum: 6 },
    // An empty list is a nil return (no VAT in the term).
    lines: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        required: ['code', 'basis', 'vat'],
        properties: {
          code: { type: 'string', minLength: 1, maxLength: 16 },
          basis: ORE,
          vat: ORE,
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

export interface ReceiptParams {
  receiptId: string;
}

export const receiptParams = {
  type: 'object',
  required: ['receiptId'],
  properties: { receiptId: { type: 'string', minLength: 1, maxLength: 100 } },
  additionalProperties: false,
} as const;

/** Every key of the receipt is declared (the submittedBy members the token lacks are left out). */
export const receiptResponse = {
  type: 'object',
  required: ['receiptId', 'partyOrgNo', 'year', 'term', 'totalVat', 'receivedAt', 'submittedBy'],
  properties: {
    receiptId: { type: 'string' },
    partyOrgNo: { type: 'string' },
    year: { type: 'integer' },
    term: { type: 'integer' },
    totalVat: { type: 'integer' },
    receivedAt: { type: 'string' },
    submittedBy: {
      type: 'object',
      required: ['systemUserId'],
      properties: {
        systemUserId: { type: 'string' },
        systemId: { type: 'string' },
        systemUserOwnerOrgNo: { type: 'string' },
        vendorOrgNo: { type: 'string' },
      },
    },
  },
} as const;
