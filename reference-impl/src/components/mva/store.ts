// In-memory receipt store of the MVA sample service, one per app instance.

/** docs/samsvar-apis.md §3: the receipt of one VAT report. */
export interface Receipt {
  receiptId: string;
  partyOrgNo: string;
  year: number;
  term: number;
  totalVat: number;
  receivedAt: string;
  submittedBy: {
    systemUserId: string;
    /** Left out when the token carries no system_id (a test-data token may lack it). */
    systemId?: string;
    systemUserOwnerOrgNo?: string;
    vendorOrgNo?: string;
  };
}

export class ReceiptStore {
  private readonly receipts = new Map<string, Receipt>();

  add(receipt: Receipt): Receipt {
    this.receipts.set(receipt.receiptId, structuredClone(receipt));
    return structuredClone(receipt);
  }

  get(receiptId: string): Receipt | undefined {
    const found = this.receipts.get(receiptId);
    return found ? structuredClone(found) : undefined;
  }
}
