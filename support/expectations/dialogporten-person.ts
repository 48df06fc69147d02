// What a person meets on Dialogporten's end-user API and on the PDP (docs/contracts/dialogporten-persons.md,
// docs/contracts/pdp-callers.md): the person finds and reads the messages of a party they may act for and
// of their own party, and another person's are hidden from search and refused on get (DP-10); the PDP
// answers a person's Altinn token that has its scope and refuses one without it (PDP-5), and gives the
// person the role PRIV for their own party only (PDP-6).

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { decisionResults, XACML } from '../clients/authorization.ts';
import { partyUrnOf, sentTo, type MessageParty } from '../tasks/dialogporten.ts';
import { personDecision, personMessages } from '../tasks/dialogporten-person.ts';
import { expectOfficialShape } from './dialogporten.ts';
import type { Person } from '../actors/person.ts';
import type { ServiceOwner } from '../actors/service-owner.ts';

/** DP-10: the person's search for the party found every message the service owner sent there, and each get gave it. */
export function expectPersonReadsMessages(person: Person, owner: ServiceOwner, party: MessageParty): void {
  const sent = sentTo(owner, party);
  assert.ok(sent.length > 0, `Tjenesteeieren har ikke sendt noen meldinger til ${party.role}.`);
  const notes = personMessages(person);
  const urn = partyUrnOf(party);
  const search = notes.searches.get(urn);
  assert.ok(search, `${person.role} har ikke søkt etter meldingene til ${party.role}.`);
  expectStatus(search.response, 200, 'DP-10', `Søket ${person.role} gjorde etter meldingene til ${party.role}`);
  expectOfficialShape(search, 'DP-10');
  const items = Array.isArray(search.response.data?.items) ? search.response.data.items : [];
  for (const message of sent) {
    assert.ok(items.some((i) => i.id === message.id), `[DP-10] Søket ${person.role} gjorde skal gi meldingen ${message.id} til ${party.role}; ga ${JSON.stringify(items.map((i) => i.id))}.`);
  }
  for (const item of items) assert.equal(item.party, urn, `[DP-10] Søket etter meldingene til ${party.role} ga meldingen ${item.id} til ${item.party}.`);
  for (const message of sent) {
    const fetched = notes.fetched.get(message.id);
    assert.ok(fetched, `${person.role} har ikke hentet meldingen ${message.id}.`);
    const what = `Oppslaget ${person.role} gjorde på meldingen ${message.id} til ${party.role}`;
    expectStatus(fetched.response, 200, 'DP-10', what);
    expectOfficialShape(fetched, 'DP-10');
    const dialog = fetched.response.data;
    assert.equal(dialog?.id, message.id, `[DP-10] ${what}: id skal være ${message.id}, var ${String(dialog?.id)}.`);
    assert.equal(dialog?.party, urn, `[DP-10] ${what}: party skal være ${urn}, var ${String(dialog?.party)}.`);
    assert.equal(dialog?.content?.title?.value?.[0]?.value, message.body.content.title.value[0]?.value, `[DP-10] ${what}: tittelen skal være den tjenesteeieren sendte, var ${JSON.stringify(dialog?.content?.title)}.`);
  }
}

/** DP-10: a search for another person's party answers 200 with no items (never 403). */
export function expectPersonFindsNone(person: Person, party: MessageParty): void {
  const search = personMessages(person).searches.get(partyUrnOf(party));
  assert.ok(search, `${person.role} har ikke søkt etter meldingene til ${party.role}.`);
  expectStatus(search.response, 200, 'DP-10', `Søket ${person.role} gjorde etter meldingene til ${party.role}`);
  expectOfficialShape(search, 'DP-10');
  const items = search.response.data?.items;
  assert.ok(Array.isArray(items), `[DP-10] Svaret skal ha en liste items, var ${search.response.text}.`);
  assert.deepEqual(items.map((i) => i.id), [], `[DP-10] ${person.role} skal ikke finne noen meldinger til ${party.role}, fant ${JSON.stringify(items.map((i) => i.id))}.`);
}

/** DP-10: each message the service owner sent to another person's party is refused to the person: 403 errors.Forbidden. */
export function expectPersonRefused(person: Person, owner: ServiceOwner, party: MessageParty): void {
  const sent = sentTo(owner, party);
  assert.ok(sent.length > 0, `Tjenesteeieren har ikke sendt noen meldinger til ${party.role}.`);
  const notes = personMessages(person);
  for (const message of sent) {
    const fetched = notes.fetched.get(message.id);
    assert.ok(fetched, `${person.role} har ikke prøvd å hente meldingen ${message.id}.`);
    const what = `Oppslaget ${person.role} gjorde på meldingen ${message.id} til ${party.role}`;
    expectStatus(fetched.response, 403, 'DP-10', what);
    const errors = (fetched.response.body as { errors?: Record<string, unknown> } | undefined)?.errors;
    assert.ok(errors && typeof errors === 'object' && 'Forbidden' in errors, `[DP-10] ${what}: avvisningen skal være ProblemDetails med errors.Forbidden, var ${fetched.response.text}.`);
    expectOfficialShape(fetched, 'DP-10');
  }
}

/** PDP-5 (the person's token is answered: 200) and PDP-6 (PRIV for the own party only): one result, the decision, status ok. */
export function expectPersonDecision(person: Person, decision: string): void {
  const asked = personDecision(person);
  assert.ok(asked, `${person.role} har ikke spurt Altinn Autorisasjon.`);
  const what = `Spørsmålet fra ${person.role} med sitt eget Altinn-token om å lese meldingene til ${asked.partyPid === asked.subjectPid ? 'sin egen part' : 'en annen persons part'}`;
  expectStatus(asked.response, 200, 'PDP-5', what);
  const results = decisionResults(asked.response.body);
  assert.equal(results.length, 1, `[PDP-5] ${what}: forventet ett resultat, fikk ${results.length} (${JSON.stringify(asked.response.body)}).`);
  assert.equal(results[0]?.decision, decision, `[PDP-6] ${what}: forventet ${decision}, fikk ${String(results[0]?.decision)} (${results[0]?.statusMessage ?? ''}).`);
  assert.equal(results[0]?.statusCode, XACML.statusOk, `[PDP-6] ${what}: statusCode skal være ${XACML.statusOk}, var ${String(results[0]?.statusCode)}.`);
}

/** PDP-5: the person's Altinn token without the PDP's scope is refused with this status and no decision. */
export function expectPersonQuestionRefused(person: Person, status: number): void {
  const asked = personDecision(person);
  assert.ok(asked, `${person.role} har ikke spurt Altinn Autorisasjon.`);
  const what = `Spørsmålet fra ${person.role} med et Altinn-token uten scopet altinn:authorization/authorize`;
  expectStatus(asked.response, status, 'PDP-5', what);
  assert.deepEqual(decisionResults(asked.response.body), [], `[PDP-5] ${what}: en avvisning skal ikke gi noen beslutning, ga ${JSON.stringify(asked.response.body)}.`);
}
