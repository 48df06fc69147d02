// What a conforming system register answers (docs/contracts/altinn-authentication.md §2). Then-steps call these;
// each message names the requirement (features/krav.yaml).

import assert from 'node:assert/strict';
import { expectStatus, expectValidationError } from '../assertions.ts';
import { orgNoOf, SYSTEM_REGISTER_ERRORS } from '../clients/authentication.ts';
import { ACCESS_PACKAGE_PREFIX } from '../tasks/systemregister.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Vendor } from '../actors/vendor.ts';

function registration(vendor: Vendor): ApiResponse<string> {
  const response = vendor.notes.registration;
  assert.ok(response, 'Systemleverandøren har ikke forsøkt å registrere noe system i dette scenarioet.');
  return response;
}

/** SR-1: 200 with the system's internal id as a JSON string. */
export function expectRegistered(vendor: Vendor): void {
  const response = registration(vendor);
  expectStatus(response, 200, 'SR-1', 'Registrering av system');
  assert.equal(typeof response.body, 'string', `[SR-1] Registrering av system: svaret skal være systemets interne id som JSON-streng, var ${JSON.stringify(response.body)}.`);
  assert.notEqual(response.body, '', '[SR-1] Registrering av system: den interne id-en er tom.');
}

/**
 * SR-3 … SR-7: a validation problem with the contract's code at the contract's path. Each refusal
 * scenario breaks exactly one rule, so exactly that one error is expected (AUTH.VLD-00000 is even
 * returned alone by contract; Altinn's own tests expect a single VLD-00001).
 */
export function expectRegistrationRefused(vendor: Vendor, code: string): void {
  const rule = SYSTEM_REGISTER_ERRORS[code];
  assert.ok(rule, `Feilkoden ${code} er ikke en av systemregisterets valideringsfeil som Samsvar kjenner (${Object.keys(SYSTEM_REGISTER_ERRORS).join(', ')}).`);
  expectValidationError(registration(vendor), code, rule.path, rule.krav, 'Registrering av system', { only: true });
}

/** SR-2: the system reads back as registered, with the package and the vendor's Maskinporten client. */
export function expectSystemReadBack(vendor: Vendor, packageCode: string): void {
  const response = vendor.notes.systemRead;
  const sent = vendor.notes.system;
  assert.ok(response && sent, 'Systemleverandøren har ikke lest systemet tilbake.');
  expectStatus(response, 200, 'SR-2', 'Oppslag på registrert system');
  const system = response.data;
  assert.equal(system?.id, sent.id, `[SR-2] Systemet skal ha id ${sent.id}, hadde ${system?.id}.`);
  assert.equal(orgNoOf(system?.vendor), vendor.orgNo, `[SR-2] vendor.ID skal være 0192:${vendor.orgNo}, var ${JSON.stringify(system?.vendor)}.`);
  const urns = (system?.accessPackages ?? []).map((p) => p.urn);
  assert.ok(urns.includes(`${ACCESS_PACKAGE_PREFIX}${packageCode}`), `[SR-2] Systemet skal kreve tilgangspakken ${packageCode}, krever ${urns.join(', ') || 'ingen'}.`);
  assert.ok((system?.clientId ?? []).includes(vendor.clientId), `[SR-2] Systemet skal ha systemleverandørens Maskinporten-klient ${vendor.clientId}, har ${JSON.stringify(system?.clientId)}.`);
  assert.notEqual(system?.isDeleted, true, '[SR-2] Et nyregistrert system skal ikke være slettet.');
}

/** SR-8: a refused registration leaves nothing behind. */
export function expectSystemAbsent(vendor: Vendor): void {
  const response = vendor.notes.systemRead;
  assert.ok(response, 'Systemleverandøren har ikke slått opp systemet.');
  expectStatus(response, 404, 'SR-8', `Oppslag på systemet ${vendor.notes.system?.id ?? ''} etter en avvist registrering`);
}
