// Redirect URLs that are not https are never stored (issue 15, SEC-11 and SEC-12): a request that
// names one is refused and leaves no request behind; an update of the system that names one is refused
// and leaves the system as it was registered. Every check reads what the target answered.

import assert from 'node:assert/strict';
import { expectProblem, expectStatus, expectValidationError } from '../assertions.ts';
import { SYSTEM_REGISTER_ERRORS } from '../clients/authentication.ts';
import { expectMembers, listItems } from '../lists.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/** SEC-11: the request is refused with 400 and the code (AUTH-00021, docs/contracts/altinn-authentication.md §3.2). */
export function expectInsecureRedirectRefused(vendor: Vendor, company: Company, code: string): void {
  const notes = vendor.customer(company);
  const response = notes.request;
  assert.ok(response, `Systemleverandøren har ikke bedt om noen systembruker for ${company.role}.`);
  expectProblem(response, 400, code, 'SEC-11', `Forespørsel om systembruker for ${company.role} med omdirigerings-URL-en ${notes.requestBody?.redirectUrl ?? '(ingen)'}, som ikke er https`);
}

/** SEC-11: the system's list of requests holds none: the refused request was not stored. */
export function expectNoRequestOnSystem(vendor: Vendor, company: Company): void {
  const what = `Forespørslene på systemet ${vendor.notes.registeredSystemId ?? ''} etter den avviste forespørselen for ${company.role}`;
  const items = listItems(vendor.customer(company).requestsBySystem, 'SEC-11', what);
  // The system was registered in this scenario, and its only request was refused: the list is empty.
  expectMembers(items, { krav: 'SEC-11', what, key: (r) => r.id, expected: new Map(), exact: true });
}

/** SEC-12: the update is refused with the validation error AUTH.VLD-00005 on allowedRedirectUrls, and nothing else. */
export function expectSystemUpdateRefused(vendor: Vendor, code: string): void {
  const response = vendor.notes.systemUpdate;
  assert.ok(response, 'Systemleverandøren har ikke forsøkt å endre systemet.');
  const rule = SYSTEM_REGISTER_ERRORS[code];
  assert.ok(rule, `Feilkoden ${code} er ikke en av systemregisterets valideringsfeil som Samsvar kjenner (${Object.keys(SYSTEM_REGISTER_ERRORS).join(', ')}).`);
  expectValidationError(response, code, rule.path, 'SEC-12', 'Endring av systemet med en omdirigerings-URL som ikke er https', { only: true });
}

/** SEC-12: the system reads back with the redirect URLs it was registered with. */
export function expectRedirectUrlsAsRegistered(vendor: Vendor): void {
  const response = vendor.notes.systemRead;
  const sent = vendor.notes.system;
  assert.ok(response && sent, 'Systemleverandøren har ikke lest systemet tilbake.');
  expectStatus(response, 200, 'SEC-12', 'Oppslag på systemet etter den avviste endringen');
  assert.deepEqual(
    response.data?.allowedRedirectUrls,
    sent.allowedRedirectUrls,
    `[SEC-12] Systemet skal ha omdirigerings-URL-ene det ble registrert med (${JSON.stringify(sent.allowedRedirectUrls)}), hadde ${JSON.stringify(response.data?.allowedRedirectUrls)}.`,
  );
}
