// What conforming agent (client) system user APIs answer (docs/contracts/altinn-authentication.md §3, §5;
// docs/contracts/altinn-authorization.md §2.4–§2.5, §4.2). Then-steps call these; each message names the requirement.

import assert from 'node:assert/strict';
import { expectProblem, expectStatus, expectValidationError } from '../assertions.ts';
import { ACCESS_PACKAGE_PREFIX, registeredSystemId } from '../tasks/systemregister.ts';
import { expectAnsweredInPortal } from './portal.ts';
import { confirmUrlProblem } from '../answers.ts';
import type { AgentRequestSystemResponse } from '../clients/authentication.ts';
import type { Accountant } from '../actors/accountant.ts';
import type { Vendor } from '../actors/vendor.ts';

function urnsOf(packages: Array<{ urn?: string }> | undefined): string[] {
  return (packages ?? []).map((p) => p.urn).filter((u): u is string => typeof u === 'string');
}

/** The agent request as the vendor sent it: its system, the accountant as party, the packages, no rights. */
function expectAgentRequestMatches(krav: string, request: AgentRequestSystemResponse | undefined, vendor: Vendor, accountant: Accountant, codes: string[]): void {
  assert.ok(request && typeof request.id === 'string' && request.id !== '', `[${krav}] Forespørselen om klientsystembruker skal ha en id, svaret var ${JSON.stringify(request)}.`);
  assert.equal(request.systemId, registeredSystemId(vendor), `[${krav}] Forespørselen skal gjelde systemet ${registeredSystemId(vendor)}, gjaldt ${request.systemId}.`);
  assert.equal(request.partyOrgNo, accountant.orgNo, `[${krav}] Forespørselen skal gjelde ${accountant.role} (${accountant.orgNo}), gjaldt ${request.partyOrgNo}.`);
  const urns = urnsOf(request.accessPackages);
  for (const code of codes) {
    assert.ok(urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[${krav}] Forespørselen skal kreve tilgangspakken ${code}, krever ${urns.join(', ') || 'ingen'}.`);
  }
  assert.equal((request as { rights?: unknown }).rights, undefined, `[${krav}] En forespørsel om klientsystembruker har ingen enkeltrettigheter (AgentRequestSystemResponse har ikke "rights"), men svaret hadde ${JSON.stringify((request as { rights?: unknown }).rights)}.`);
}

function sentCodes(vendor: Vendor, accountant: Accountant): string[] {
  return urnsOf(vendor.customer(accountant).agentRequestBody?.accessPackages).map((u) => u.slice(ACCESS_PACKAGE_PREFIX.length));
}

/** REQ-6: 201, Location, status New, the accountant's packages, and a confirmUrl to the agent request page. */
export function expectAgentRequestPending(vendor: Vendor, accountant: Accountant): void {
  const response = vendor.customer(accountant).agentRequest;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen klientsystembruker for ${accountant.role}.`);
  expectStatus(response, 201, 'REQ-6', 'Forespørsel om klientsystembruker');
  const request = response.data;
  expectAgentRequestMatches('REQ-6', request, vendor, accountant, sentCodes(vendor, accountant));
  assert.equal(request?.status, 'New', `[REQ-6] En ny forespørsel skal ha status New, hadde ${request?.status}.`);
  const confirm = confirmUrlProblem(request?.confirmUrl, 'agent', request?.id);
  assert.equal(confirm, undefined, `[REQ-6] ${confirm}.`);
  const location = response.headers.location ?? '';
  assert.ok(location.endsWith(`/authentication/api/v1/systemuser/request/${request?.id}`), `[REQ-6] Location skal peke på forespørselen (…/authentication/api/v1/systemuser/request/${request?.id}), var "${location}".`);
}

/** REQ-7: the approval answered 200 true, and the agent request now reads Accepted with its packages. */
export function expectAgentRequestApproved(vendor: Vendor, accountant: Accountant): void {
  const inPortal = accountant.notes.approvalInPortal;
  if (inPortal) {
    expectAnsweredInPortal(inPortal, 'approved', vendor.customer(accountant).agentRequestBody?.redirectUrl, 'REQ-7', 'Godkjenning av forespørselen om klientsystembruker i portalen');
  } else {
    const approval = accountant.notes.approval;
    assert.ok(approval, `${accountant.role} har ikke godkjent noen forespørsel om klientsystembruker.`);
    expectStatus(approval, 200, 'REQ-7', 'Godkjenning av forespørselen om klientsystembruker');
    assert.equal(approval.body, true, `[REQ-7] Godkjenningen skal svare true, svarte ${JSON.stringify(approval.body)}.`);
  }
  const read = vendor.customer(accountant).agentRequestRead;
  assert.ok(read, 'Systemleverandøren har ikke lest forespørselen om klientsystembruker tilbake.');
  expectStatus(read, 200, 'REQ-7', 'Oppslag på forespørselen om klientsystembruker etter godkjenning');
  expectAgentRequestMatches('REQ-7', read.data, vendor, accountant, sentCodes(vendor, accountant));
  assert.equal(read.data?.status, 'Accepted', `[REQ-7] Forespørselen skal ha status Accepted etter godkjenning, hadde ${read.data?.status}.`);
}

/** REQ-7: the vendor finds the accountant's agent system user; its id is the approved request's, owner the accountant. */
export function expectAgentSystemUserFound(vendor: Vendor, accountant: Accountant): void {
  const response = vendor.customer(accountant).systemUserQuery;
  assert.ok(response, `Systemleverandøren har ikke slått opp systembrukeren til ${accountant.role}.`);
  expectStatus(response, 200, 'REQ-7', 'Oppslag på klientsystembrukeren');
  const user = response.data;
  assert.equal(user?.id, accountant.notes.systemUserId, `[REQ-7] Klientsystembrukerens id skal være id-en til den godkjente forespørselen (${accountant.notes.systemUserId}), var ${user?.id}.`);
  assert.equal(user?.userType, 'agent', `[REQ-7] Systembrukeren skal være en klientsystembruker (userType agent), var ${user?.userType}.`);
  assert.equal(user?.systemId, registeredSystemId(vendor), `[REQ-7] Klientsystembrukeren skal gjelde systemet ${registeredSystemId(vendor)}, gjaldt ${user?.systemId}.`);
  assert.equal(user?.reporteeOrgNo, accountant.orgNo, `[REQ-7] Klientsystembrukeren skal eies av ${accountant.role} (${accountant.orgNo}), reporteeOrgNo var ${user?.reporteeOrgNo}.`);
  assert.equal(user?.supplierOrgno, vendor.orgNo, `[REQ-7] supplierOrgno skal være systemleverandøren (${vendor.orgNo}), var ${user?.supplierOrgno}.`);
  assert.notEqual(user?.isDeleted, true, '[REQ-7] Klientsystembrukeren skal ikke være slettet.');
}

/** KD-1: the accountant finds its agent system user, with the package, among its agent system users. */
export function expectAgentListed(accountant: Accountant, code: string): void {
  const response = accountant.accounting.agents;
  assert.ok(response, `${accountant.role} har ikke sett etter sine klientsystembrukere.`);
  expectStatus(response, 200, 'KD-1', `Oppslag på klientsystembrukerne til ${accountant.role}`);
  const list = Array.isArray(response.data) ? response.data : [];
  const user = list.find((u) => u.id === accountant.notes.systemUserId);
  assert.ok(user, `[KD-1] Klientsystembrukeren ${accountant.notes.systemUserId} skal være blant klientsystembrukerne til ${accountant.role}, listen var ${JSON.stringify(response.body)}.`);
  assert.equal(user.userType, 'agent', `[KD-1] Systembrukeren skal ha userType agent, hadde ${String(user.userType)}.`);
  assert.equal(user.reporteeOrgNo, accountant.orgNo, `[KD-1] Klientsystembrukeren skal eies av ${accountant.role} (${accountant.orgNo}), reporteeOrgNo var ${String(user.reporteeOrgNo)}.`);
  const urns = urnsOf(user.accessPackages);
  assert.ok(urns.includes(`${ACCESS_PACKAGE_PREFIX}${code}`), `[KD-1] Klientsystembrukeren skal ha tilgangspakken ${code}, har ${urns.join(', ') || 'ingen'}.`);
}

/** REQ-8: an agent request without packages is refused with 400 AUTH-00058 (docs/contracts/altinn-authentication.md §3.4 step 9). */
export function expectAgentRequestRefused(vendor: Vendor, accountant: Accountant, code: string): void {
  const response = vendor.customer(accountant).agentRequest;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen klientsystembruker for ${accountant.role}.`);
  expectProblem(response, 400, code, 'REQ-8', 'Forespørsel om klientsystembruker uten tilgangspakker');
}

/**
 * REQ-9: an agent request with single rights is refused with 400, and the refusal names the reason:
 * a validation error STD.VLD-00003 pointing at /body/rights (docs/contracts/altinn-authentication.md §3.2: the agent
 * request has no `rights`; §7.2: tests match on code + paths). Real Altinn's model has no such field
 * and may ignore it; the reference is strict, and a target that accepts the request, or refuses it for
 * another reason (no packages, an unknown system), fails here.
 */
export function expectAgentRequestRefusedForRights(vendor: Vendor, accountant: Accountant): void {
  const response = vendor.customer(accountant).agentRequest;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen klientsystembruker for ${accountant.role}.`);
  expectValidationError(response, 'STD.VLD-00003', '/body/rights', 'REQ-9', 'Forespørsel om klientsystembruker med enkeltrettigheter', { only: true });
}

/** REQ-8 / REQ-9: after a refused request there is no agent request for the accountant (404 AUTH-00010). */
export function expectNoAgentRequest(vendor: Vendor, accountant: Accountant): void {
  const response = vendor.customer(accountant).agentRequestLookup;
  assert.ok(response, `Systemleverandøren har ikke sett etter forespørselen om klientsystembruker for ${accountant.role}.`);
  const krav = vendor.customer(accountant).agentRequestBody?.rights ? 'REQ-9' : 'REQ-8';
  expectProblem(response, 404, 'AUTH-00010', krav, `Oppslag på forespørsel om klientsystembruker for ${accountant.role} etter en avvist forespørsel`);
}

/** The package as the catalogue returned it (docs/contracts/altinn-authorization.md §2.6): 200 and the URN asked for. */
export function packageInfo(vendor: Vendor, code: string, krav: string) {
  const response = vendor.notes.packageInfo;
  assert.ok(response, 'Systemleverandøren har ikke slått opp tilgangspakken.');
  expectStatus(response, 200, krav, `Oppslag på tilgangspakken ${code}`);
  const info = response.data;
  assert.equal(info?.urn, `${ACCESS_PACKAGE_PREFIX}${code}`, `[${krav}] Tilgangspakken skal ha URN ${ACCESS_PACKAGE_PREFIX}${code}, hadde ${info?.urn}.`);
  return info;
}

/**
 * SB-1.0: an accountant package can be passed on to an agent system user by client delegation
 * (isDelegable) but never assigned directly (isAssignable false; it follows only from ER role REGN).
 */
export function expectAccountantPackage(vendor: Vendor, code: string): void {
  const info = packageInfo(vendor, code, 'SB-1.0');
  assert.equal(info?.isDelegable, true, `[SB-1.0] Tilgangspakken ${code} skal kunne videredelegeres til en klientsystembruker (isDelegable), var ${String(info?.isDelegable)}.`);
  assert.equal(info?.isAssignable, false, `[SB-1.0] Tilgangspakken ${code} skal ikke kunne tildeles direkte (isAssignable false: den følger bare av regnskapsførerrollen), var ${String(info?.isAssignable)}.`);
}

/** SB-2.0: a package the customer can grant the accountant (isAssignable) and the accountant pass on to its agent system user (isDelegable). */
export function expectPackageForUnregisteredAccountant(vendor: Vendor, code: string): void {
  const info = packageInfo(vendor, code, 'SB-2.0');
  assert.equal(info?.isAssignable, true, `[SB-2.0] Kunden skal kunne tildele regnskapsføreren tilgangspakken ${code} (isAssignable), var ${String(info?.isAssignable)}.`);
  assert.equal(info?.isDelegable, true, `[SB-2.0] Regnskapsføreren skal kunne videredelegere tilgangspakken ${code} til en klientsystembruker (isDelegable), var ${String(info?.isDelegable)}.`);
}
