// Samsvar's MVA sample service API (docs/samsvar-apis.md §3): submit a VAT report with a system user
// token and get a receipt; read a receipt back.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

export interface VatLine {
  code: string;
  /** øre */
  basis: number;
  /** øre */
  vat: number;
}

export interface VatReport {
  partyOrgNo: string;
  year: number;
  /** Two-month term, 1–6. */
  term: number;
  lines: VatLine[];
}

export interface VatReceipt {
  receiptId: string;
  partyOrgNo: string;
  year: number;
  term: number;
  totalVat: number;
  receivedAt: string;
  submittedBy: { systemUserId: string; systemId: string; systemUserOwnerOrgNo: string; vendorOrgNo: string };
}

export class MvaClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('mva', baseUrl, context);
  }

  /** POST /api/v1/vat-reports (scope samsvar:mva.write): 201 + Location + receipt. */
  submit(token: string, report: VatReport): Promise<ApiResponse<VatReceipt>> {
    return this.send({ method: 'POST', path: '/api/v1/vat-reports', bearer: token, json: report });
  }

  receipt(token: string, receiptId: string): Promise<ApiResponse<VatReceipt>> {
    return this.send({ method: 'GET', path: `/api/v1/vat-reports/${encodeURIComponent(receiptId)}`, bearer: token });
  }
}
