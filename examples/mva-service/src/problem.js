// RFC 9457 problem details in Altinn's shape (docs/samsvar-apis.md, "All errors"):
// {type, title, status, statusDescription, traceId, code?, detail?, validationErrors?}.

import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';

/** A W3C trace-context style id, as Altinn's problems carry: 00-<32 hex>-<16 hex>-01. */
export function newTraceId() {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/**
 * A problem body. With a `code`, `type` is `urn:altinn:error:{code}` (Altinn's convention); without
 * one, it is `about:blank` (RFC 9457: the status says it all).
 */
export function problem(status, title, { code, detail, validationErrors, traceId } = {}) {
  const body = {
    type: code ? `urn:altinn:error:${code}` : 'about:blank',
    title,
    status,
    statusDescription: STATUS_CODES[status] ?? 'Unknown',
    traceId: traceId ?? newTraceId(),
  };
  if (code) body.code = code;
  if (detail) body.detail = detail;
  if (validationErrors) body.validationErrors = validationErrors;
  return body;
}

/** The service's own problem codes (docs/samsvar-apis.md §3). */
export const CODES = {
  missingScope: 'MVA-00001',
  notSystemUser: 'MVA-00002',
  notAuthorized: 'MVA-00003',
  unknownReceipt: 'MVA-00004',
  validation: 'STD-00000',
};

/** Validation error codes inside a 400 STD-00000 (Altinn's PREFIX.VLD-NNNNN form). */
export const VALIDATION = {
  notJson: 'MVA.VLD-00001',
  required: 'MVA.VLD-00002',
  invalid: 'MVA.VLD-00003',
  orgNo: 'MVA.VLD-00004',
  unknownField: 'MVA.VLD-00005',
};
