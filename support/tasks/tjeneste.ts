// Tasks of the MVA sample service (docs/samsvar-apis.md §3): the system sends a VAT report for a
// party with the system user token it holds for a customer.

import type { ApiResponse } from '../clients/http.ts';
import type { VatReceipt, VatReport } from '../clients/mva.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';
import { assertTestable } from '../assertions.ts';

/** A plausible report for the last complete year, first term; amounts in øre. */
export function vatReport(partyOrgNo: string): VatReport {
  return {
    partyOrgNo,
    year: new Date().getUTCFullYear() - 1,
    term: 1,
    lines: [
      { code: '3', basis: 1_000_000, vat: 250_000 },
      { code: '31', basis: 400_000, vat: 60_000 },
    ],
  };
}

export function totalVat(report: VatReport): number {
  return report.lines.reduce((sum, line) => sum + line.vat, 0);
}

/**
 * The system sends a VAT report for `party` with the token it holds for `tokenOwner` (When). In the
 * ordinary case both are the same company; a report for another party uses someone else's token.
 */
export async function submitVatReport(vendor: Vendor, party: Company, tokenOwner: Company = party): Promise<ApiResponse<VatReceipt>> {
  await party.ready();
  const token = vendor.customer(tokenOwner).token;
  assertTestable(token, `systemet har ikke noe systembrukertoken for ${tokenOwner.role}.`);
  const body = vatReport(party.orgNo);
  const sentAt = Date.now();
  const response = await vendor.mva.submit(token.value, body);
  vendor.customer(party).report = { body, response, tokenOwner, sentAt };
  return response;
}
