// What Dialogporten's service-owner API answers (docs/contracts/input-binding.md §1,
// docs/contracts/dialogporten-serviceowner.md §1–§3): a dialog written in another casing is accepted
// and stored in the schema's casing (DP-7), while an unknown enum value or a wrong type is refused
// with 400 (DP-7); a service owner finds and reads its own dialogs and nobody else's (DP-8); it adds
// activities to its own dialogs only (DP-9). Every answer asserted here must also follow the official
// OpenAPI schema.

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { serviceResourceUrn } from '../clients/dialogporten.ts';
import { ACCOUNTANT_MESSAGES, partyUrnOf, sentTo, type MessageParty } from '../tasks/dialogporten.ts';
import { LENIENT_TITLE, ownerApiNotes } from '../tasks/dialogporten-tjenesteeier.ts';
import { describe, expectOfficialShape } from './dialogporten.ts';
import type { ServiceOwner } from '../actors/service-owner.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const etagOf = (headers: Record<string, string | undefined>): string => (headers.etag ?? '').replace(/^W\//, '').replace(/"/g, '');

/** DP-7: the dialog sent in Altinn's own casing was created (201) and is stored in the schema's casing. */
export function expectLenientMessageStored(owner: ServiceOwner, party: MessageParty): void {
  const lenient = ownerApiNotes(owner).lenient;
  assert.ok(lenient, `${owner.role} har ikke sendt noen melding i en annen skrivemåte.`);
  expectStatus(lenient.created.response, 201, 'DP-7', `Meldingen med «content.Title», «notApplicable» og «gui» til ${party.role}`);
  expectOfficialShape(lenient.created, 'DP-7');
  assert.ok(lenient.stored, `${owner.role} har ikke lest meldingen tilbake.`);
  const what = `Oppslag på meldingen ${String(lenient.created.response.data)}`;
  expectStatus(lenient.stored.response, 200, 'DP-7', what);
  expectOfficialShape(lenient.stored, 'DP-7');
  const dialog = lenient.stored.response.data;
  const content = (dialog?.content ?? {}) as Record<string, unknown>;
  assert.equal(dialog?.party, partyUrnOf(party), `[DP-7] ${what}: «Party» skal være lest som party ${partyUrnOf(party)}, var ${String(dialog?.party)}.`);
  assert.equal(dialog?.serviceResource, serviceResourceUrn(ACCOUNTANT_MESSAGES.id), `[DP-7] ${what}: «ServiceResource» skal være lest som serviceResource, var ${String(dialog?.serviceResource)}.`);
  assert.equal(dialog?.status, 'NotApplicable', `[DP-7] ${what}: «notApplicable» skal lagres som NotApplicable, var ${String(dialog?.status)}.`);
  assert.ok(!('Title' in content), `[DP-7] ${what}: svaret skal bruke skjemaets skrivemåte (title), ikke «Title».`);
  assert.equal(dialog?.content?.title?.value?.[0]?.value, LENIENT_TITLE, `[DP-7] ${what}: «content.Title» skal lagres som tittelen "${LENIENT_TITLE}", var ${JSON.stringify(content.title)}.`);
  const consumerTypes = (dialog?.attachments ?? []).flatMap((a) => a.urls.map((u) => u.consumerType));
  assert.deepEqual(consumerTypes, ['Gui'], `[DP-7] ${what}: «gui» skal lagres som consumerType Gui, var ${JSON.stringify(consumerTypes)}.`);
}

/** DP-7: every malformed dialog was refused with 400 ProblemDetails in the official shape (no dialog made). */
export function expectMalformedMessagesRefused(owner: ServiceOwner, status: number): void {
  const refused = ownerApiNotes(owner).refused;
  assert.ok(refused.size > 0, `${owner.role} har ikke sendt noen meldinger som skal avvises.`);
  for (const [what, answer] of refused) {
    expectStatus(answer.response, status, 'DP-7', `En melding med ${what}`);
    const body = answer.response.body as { status?: unknown; errors?: unknown } | undefined;
    assert.ok(body && typeof body === 'object' && body.status === status, `[DP-7] En melding med ${what}: avvisningen skal være ProblemDetails med status ${status}, var ${answer.response.text}.`);
    expectOfficialShape(answer, 'DP-7');
  }
}

/** DP-8: the owner's search for the party gives every message it sent there (and only the party's), and each get gives the dialog with details. */
export function expectOwnMessagesFound(owner: ServiceOwner, party: MessageParty): void {
  const sent = sentTo(owner, party);
  assert.ok(sent.length > 0, `${owner.role} har ikke sendt noen meldinger til ${party.role}.`);
  const notes = ownerApiNotes(owner);
  const urn = partyUrnOf(party);
  const search = notes.searches.get(urn);
  assert.ok(search, `${owner.role} har ikke søkt etter meldingene sine til ${party.role}.`);
  expectStatus(search.response, 200, 'DP-8', `${owner.role}s søk etter meldingene sine til ${party.role}`);
  expectOfficialShape(search, 'DP-8');
  const items = Array.isArray(search.response.data?.items) ? search.response.data.items : [];
  const found = items.map((i) => i.id);
  for (const message of sent) {
    assert.ok(found.includes(message.id), `[DP-8] Søket skal gi meldingen ${message.id} ${owner.role} sendte til ${party.role}; ga ${JSON.stringify(found)}.`);
  }
  for (const item of items) {
    assert.equal(item.party, urn, `[DP-8] Søket etter meldingene til ${party.role} ga meldingen ${item.id} til ${item.party}.`);
  }
  for (const message of sent) {
    const read = notes.reads.get(message.id);
    assert.ok(read, `${owner.role} har ikke hentet meldingen ${message.id}.`);
    const what = `${owner.role}s oppslag på sin egen melding ${message.id}`;
    expectStatus(read.response, 200, 'DP-8', what);
    expectOfficialShape(read, 'DP-8');
    const dialog = read.response.data;
    assert.equal(dialog?.id, message.id, `[DP-8] ${what}: id skal være ${message.id}, var ${String(dialog?.id)}.`);
    assert.equal(dialog?.party, urn, `[DP-8] ${what}: party skal være ${urn}, var ${String(dialog?.party)}.`);
    assert.equal(dialog?.content?.title?.value?.[0]?.value, message.body.content.title.value[0]?.value, `[DP-8] ${what}: tittelen skal være den som ble sendt, var ${JSON.stringify(dialog?.content?.title)}.`);
    assert.equal(etagOf(read.response.headers), dialog?.revision, `[DP-8] ${what}: ETag skal være dialogens revision ${String(dialog?.revision)}, var "${read.response.headers.etag ?? ''}".`);
  }
}

/** DP-8: another service owner finds none of the messages `sender` sent to the party and gets 404 on each. */
export function expectOthersMessagesHidden(reader: ServiceOwner, sender: ServiceOwner, party: MessageParty): void {
  const sent = sentTo(sender, party);
  assert.ok(sent.length > 0, `${sender.role} har ikke sendt noen meldinger til ${party.role}.`);
  const notes = ownerApiNotes(reader);
  const search = notes.searches.get(partyUrnOf(party));
  assert.ok(search, `${reader.role} har ikke søkt etter meldingene til ${party.role}.`);
  expectStatus(search.response, 200, 'DP-8', `${reader.role}s søk etter meldingene til ${party.role}`);
  expectOfficialShape(search, 'DP-8');
  const found = (Array.isArray(search.response.data?.items) ? search.response.data.items : []).map((i) => i.id);
  const leaked = sent.filter((m) => found.includes(m.id)).map((m) => m.id);
  assert.deepEqual(leaked, [], `[DP-8] ${reader.role} skal ikke finne meldingene ${sender.role} sendte til ${party.role}, fant ${JSON.stringify(leaked)}.`);
  for (const message of sent) {
    const read = notes.reads.get(message.id);
    assert.ok(read, `${reader.role} har ikke prøvd å hente meldingen ${message.id}.`);
    expectStatus(read.response, 404, 'DP-8', `${reader.role}s oppslag på meldingen ${message.id} som ${sender.role} eier`);
    expectOfficialShape(read, 'DP-8');
  }
}

/** DP-9: the owner's activity: 201, the id as a JSON string, Location to it, ETag the new revision; it stands on the dialog. */
export function expectActivityAdded(owner: ServiceOwner, party: MessageParty): void {
  const [message] = sentTo(owner, party);
  const added = message && ownerApiNotes(owner).activities.get(message.id);
  assert.ok(message && added, `${owner.role} har ikke lagt til noen aktivitet på meldingen til ${party.role}.`);
  const { created, after, description } = added;
  const what = `${owner.role}s aktivitet på meldingen ${message.id}`;
  expectStatus(created.response, 201, 'DP-9', what);
  expectOfficialShape(created, 'DP-9');
  const id = created.response.data;
  assert.ok(typeof id === 'string' && UUID.test(id), `[DP-9] ${what}: svaret skal være aktivitetens id som JSON-streng (UUID), var ${created.response.text}.`);
  assert.ok(
    (created.response.headers.location ?? '').endsWith(`/api/v1/serviceowner/dialogs/${message.id}/activities/${id}`),
    `[DP-9] ${what}: Location skal peke på aktiviteten, var "${created.response.headers.location ?? ''}".`,
  );
  expectOfficialShape(after, 'DP-9');
  const dialog = after.response.data;
  assert.equal(etagOf(created.response.headers), dialog?.revision, `[DP-9] ${what}: ETag skal være dialogens nye revision ${String(dialog?.revision)}, var "${created.response.headers.etag ?? ''}".`);
  const activity = (dialog?.activities ?? []).find((a) => a.id === id);
  assert.ok(activity, `[DP-9] ${what}: aktiviteten ${String(id)} skal stå på dialogen, aktivitetene var ${JSON.stringify((dialog?.activities ?? []).map((a) => a.id))}.`);
  assert.equal(activity.type, 'Information', `[DP-9] ${what}: aktiviteten skal ha typen Information, hadde ${activity.type}.`);
  assert.equal(activity.description?.[0]?.value, description, `[DP-9] ${what}: beskrivelsen skal være "${description}", var ${JSON.stringify(activity.description)}.`);
}

/** DP-9: another service owner's activity on the message is refused with 404, and the dialog holds no activity from it. */
export function expectActivityRefused(actor: ServiceOwner, sender: ServiceOwner, party: MessageParty): void {
  const [message] = sentTo(sender, party);
  const added = message && ownerApiNotes(actor).activities.get(message.id);
  assert.ok(message && added, `${actor.role} har ikke prøvd å legge til noen aktivitet på meldingen til ${party.role}.`);
  const what = `${actor.role}s aktivitet på meldingen ${message.id} som ${sender.role} eier`;
  expectStatus(added.created.response, 404, 'DP-9', what);
  expectOfficialShape(added.created, 'DP-9');
  const foreign = (added.after.response.data?.activities ?? []).filter((a) => a.description?.[0]?.value === added.description);
  assert.deepEqual(foreign.map((a) => a.id), [], `[DP-9] ${what}: dialogen skal ikke ha fått aktiviteten, men ${describe(added.after)} viser ${JSON.stringify(foreign)}.`);
}
