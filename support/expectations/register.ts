// What a conforming Register answers a caller who may not read a person's party (SEC-13,
// docs/contracts/register.md §1–§2): a refusal, 401 or 403 (Altinn answers 401 for a user who may not
// act for the party and 403 for a token that meets neither the admin scope nor a platform access
// token), and never the person's national identity number or name.

import assert from 'node:assert/strict';
import { describe } from '../assertions.ts';
import { markVerified, type ApiResponse } from '../clients/http.ts';
import { partyLookup } from '../tasks/register.ts';
import type { Actor } from '../actors/actor.ts';

const KRAV = 'SEC-13';

function expectRefusedWithoutIdentity(response: ApiResponse<unknown>, pid: string, name: string, what: string): void {
  markVerified(response);
  assert.ok(response.status === 401 || response.status === 403, `[${KRAV}] ${what}: forventet avvisning (HTTP 401 eller 403), fikk ${describe(response)}.`);
  assert.ok(!response.text.includes(pid), `[${KRAV}] ${what}: svaret inneholder personens fødselsnummer.`);
  if (name) assert.ok(!response.text.includes(name), `[${KRAV}] ${what}: svaret inneholder personens navn (${name}).`);
}

/** Register refused both lookups of the person's party by `reader`, and gave out neither the pid nor the name. */
export function expectPartyLookupRefused(reader: Actor): void {
  const notes = partyLookup(reader);
  assert.ok(notes, `${reader.role} har ikke slått opp noen person i Register i dette scenarioet.`);
  const who = `${notes.person.role} slått opp av ${reader.role}`;
  expectRefusedWithoutIdentity(notes.byId, notes.person.pid, notes.person.name, `Register (parties/{partyId}), ${who}`);
  expectRefusedWithoutIdentity(notes.byUuid, notes.person.pid, notes.person.name, `Register (parties/byuuid/{partyUuid}), ${who}`);
}
