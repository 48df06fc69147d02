// What the MVA sample service answers (docs/samsvar-apis.md §3).

import assert from 'node:assert/strict';
import { assertTestable, expectProblem, expectStatus } from '../assertions.ts';
import { expectServiceAskedPdp } from './beslutningslogg.ts';
import { MVA_RESOURCE_ID, type ServiceOwner } from '../actors/service-owner.ts';
import { registeredSystemId } from '../tasks/systemregister.ts';
import { totalVat } from '../tasks/tjeneste.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

function report(vendor: Vendor, party: Company) {
  const sent = vendor.customer(party).report;
  assert.ok(sent, `Systemet har ikke sendt noen MVA-rapport for ${party.role}.`);
  return sent;
}

/**
 * SVC-1 / SB-3.5: 201, Location, and a receipt for the party submitted by the system user whose token
 * carried the report: the party's own, or its accountant's agent system user (owner = the accountant).
 */
export function expectReceipt(vendor: Vendor, party: Company): void {
  const { body, response, tokenOwner } = report(vendor, party);
  expectStatus(response, 201, 'SVC-1', 'Innsending av MVA-rapport');
  const receipt = response.data;
  assert.ok(receipt && typeof receipt.receiptId === 'string' && receipt.receiptId !== '', `[SVC-1] Svaret skal være en kvittering med receiptId, var ${JSON.stringify(response.body)}.`);
  assert.ok((response.headers.location ?? '').endsWith(`/api/v1/vat-reports/${receipt.receiptId}`), `[SVC-1] Location skal peke på kvitteringen, var "${response.headers.location ?? ''}".`);
  assert.equal(receipt.partyOrgNo, party.orgNo, `[SVC-1] Kvitteringen skal gjelde ${party.role} (${party.orgNo}), gjaldt ${receipt.partyOrgNo}.`);
  const reported = [receipt.year, receipt.term, receipt.totalVat];
  const expected = [body.year, body.term, totalVat(body)];
  assert.deepEqual(reported, expected, `[SVC-1] Kvitteringen skal gjengi år, termin og sum MVA ${JSON.stringify(expected)}, gjenga ${JSON.stringify(reported)}.`);
  const submittedBy = { systemUserId: tokenOwner.notes.systemUserId, systemId: registeredSystemId(vendor), systemUserOwnerOrgNo: tokenOwner.orgNo, vendorOrgNo: vendor.orgNo };
  assert.deepEqual(
    receipt.submittedBy,
    submittedBy,
    `[SVC-1] Kvitteringen skal vise at rapporten kom fra systembrukeren til ${tokenOwner.role} i systemleverandørens system: forventet ${JSON.stringify(submittedBy)}, var ${JSON.stringify(receipt.submittedBy)}.`,
  );
}

/** SVC-2: 403 with the service's code, and no receipt. */
export function expectReportRefused(vendor: Vendor, party: Company, code: string): void {
  const { response } = report(vendor, party);
  expectProblem(response, 403, code, 'SVC-2', `Innsending av MVA-rapport for ${party.role}`);
  assert.equal((response.body as { receiptId?: unknown }).receiptId, undefined, '[SVC-2] En avvist rapport skal ikke gi kvittering.');
}

/**
 * The `error` parameter of the Bearer challenge in a WWW-Authenticate header (RFC 6750 §3), or
 * undefined when there is no Bearer challenge or it names no error.
 */
export function bearerError(header: string | undefined): { bearer: boolean; error?: string } {
  const match = /(?:^|,)\s*Bearer(?:\s+(.*))?$/i.exec(header ?? '');
  if (!match) return { bearer: false };
  const error = /(?:^|[\s,])error\s*=\s*(?:"([^"]*)"|([^\s,]+))/i.exec(match[1] ?? '');
  const value = error?.[1] ?? error?.[2];
  return value === undefined ? { bearer: true } : { bearer: true, error: value };
}

/**
 * SVC-3 / SVC-4: a token that is expired or not Maskinporten's gives 401 (a problem), no receipt, and
 * the reason: `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1, docs/samsvar-apis.md §3).
 */
export function expectReportRefusedForToken(vendor: Vendor, party: Company): void {
  const { response } = report(vendor, party);
  const kind = vendor.customer(party).token?.kind;
  const krav = kind === 'utløpt' ? 'SVC-3' : kind === 'fremmed' ? 'SVC-4' : 'SVC-3';
  const what = kind === 'utløpt' ? 'MVA-rapport med utløpt token' : 'MVA-rapport med token signert av en annen enn Maskinporten';
  expectStatus(response, 401, krav, what);
  assert.ok(response.problem, `[${krav}] ${what}: avvisningen skal være et problem (application/problem+json), var ${JSON.stringify(response.body)}.`);
  assert.equal(response.problem.status, 401, `[${krav}] ${what}: problemets status skal være 401, var ${String(response.problem.status)}.`);
  const challenge = bearerError(response.headers['www-authenticate']);
  assert.ok(challenge.bearer, `[${krav}] ${what}: 401 skal ha WWW-Authenticate med Bearer (RFC 6750 §3), hadde "${response.headers['www-authenticate'] ?? ''}".`);
  assert.equal(
    challenge.error,
    'invalid_token',
    `[${krav}] ${what}: avvisningen skal si at tokenet ikke er gyldig, WWW-Authenticate: Bearer error="invalid_token" (RFC 6750 §3.1), hadde "${response.headers['www-authenticate'] ?? ''}".`,
  );
  assert.equal((response.body as { receiptId?: unknown }).receiptId, undefined, `[${krav}] ${what}: en avvist rapport skal ikke gi kvittering.`);
}

/**
 * SVC-5 (service-API mode): the service asked Altinn Authorization the right question for the report
 * it was sent — subject the system user of the token (urn:altinn:systemuser:uuid), the service's
 * resource, action write, the party the report is for — and got `decision`. Read from the PDP's
 * decision log (test data API), so a service that answers without asking, or asks about another
 * party or action, is caught even when its answer happens to be right.
 */
export async function expectPdpAsked(owner: ServiceOwner, vendor: Vendor, party: Company, decision: string, suiteClientIds: readonly string[], krav = 'SVC-5'): Promise<void> {
  const { tokenOwner, sentAt } = report(vendor, party);
  const systemUserId = tokenOwner.notes.systemUserId;
  assertTestable(systemUserId, `systemleverandøren kjenner ikke systembrukeren til ${tokenOwner.role}.`);
  await expectServiceAskedPdp(owner, {
    service: 'mva', systemUserId, resource: owner.resource('mva'), action: 'write', partyOrgNo: party.orgNo, partyRole: party.role, calledAt: sentAt, suiteClientIds,
  }, decision, krav);
}
