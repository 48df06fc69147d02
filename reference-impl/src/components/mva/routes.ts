// Routes of the MVA sample service (docs/samsvar-apis.md §3): submit a VAT report as a system user,
// read its receipt. Each route runs the token checks in an onRequest hook, then its own checks.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { AltinnProblem } from '../../platform/errors.ts';
import {
  SCOPE_READ,
  SCOPE_WRITE,
  checkPartyOrgNo,
  checkWritePermitted,
  pdpPermits,
  requireSystemUserToken,
  systemUserCaller,
} from './checks.ts';
import { receiptParams, receiptResponse, vatReportBody, type ReceiptParams, type VatReportBody } from './schemas.ts';
import type { Receipt, ReceiptStore } from './store.ts';

export interface MvaRouteOptions extends ComponentOptions {
  receipts: ReceiptStore;
}

/** docs/samsvar-apis.md §3: 404 MVA-00004, for an unknown receipt and for one the caller may not read. */
function receiptNotFound(): AltinnProblem {
  return new AltinnProblem(404, 'MVA-00004', 'The receipt was not found.');
}

export async function mvaRoutes(app: FastifyInstance, opts: MvaRouteOptions): Promise<void> {
  const { config, services, issuers, receipts } = opts;

  app.post<{ Body: VatReportBody }>('/api/v1/vat-reports', {
    onRequest: requireSystemUserToken(issuers, [SCOPE_WRITE], config),
    schema: { body: vatReportBody, response: { 201: receiptResponse } },
  }, async function submitVatReport(request: FastifyRequest<{ Body: VatReportBody }>, reply: FastifyReply) {
    const caller = systemUserCaller(request.auth);
    const { partyOrgNo, year, term, lines } = request.body;
    checkPartyOrgNo(partyOrgNo);
    checkWritePermitted(services.pdp, caller, partyOrgNo, config);
    const receipt: Receipt = receipts.add({
      receiptId: randomUUID(),
      partyOrgNo,
      year,
      term,
      totalVat: lines.reduce((sum, line) => sum + line.vat, 0),
      receivedAt: new Date().toISOString(),
      submittedBy: caller,
    });
    return reply
      .code(201)
      .header('location', `${config.publicUrl}/mva/api/v1/vat-reports/${receipt.receiptId}`)
      .send(receipt);
  });

  app.get<{ Params: ReceiptParams }>('/api/v1/vat-reports/:receiptId', {
    onRequest: requireSystemUserToken(issuers, [SCOPE_READ, SCOPE_WRITE], config),
    schema: { params: receiptParams, response: { 200: receiptResponse } },
  }, async function getReceipt(request: FastifyRequest<{ Params: ReceiptParams }>) {
    const caller = systemUserCaller(request.auth);
    const receipt = receipts.get(request.params.receiptId);
    if (!receipt) throw receiptNotFound();
    // docs/samsvar-apis.md §3: reading asks the PDP for read on the receipt's party; a refusal looks
    // like an unknown receipt, so a caller cannot probe other parties' receipt ids.
    if (!pdpPermits(services.pdp, caller, 'read', receipt.partyOrgNo)) throw receiptNotFound();
    return receipt;
  });
}
