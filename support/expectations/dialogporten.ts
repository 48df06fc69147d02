// What a conforming Dialogporten answers (docs/contracts/dialogporten-broker.md §A): the service owner's
// messages reach the party, a system user with read access finds and fetches them with their
// transmissions, and a party or message it may not read is hidden from search (empty list) and
// refused on get (403). Every answer asserted here must also follow the official OpenAPI schema.

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { organisationParty, serviceResourceUrn } from '../clients/dialogporten.ts';
import { ServiceOwner } from '../actors/service-owner.ts';
import { Vendor } from '../actors/vendor.ts';
import { Person } from '../actors/person.ts';
import { personMessages } from '../tasks/dialogporten-person.ts';
import { sentTo, type CheckedAnswer, type MessageNotes, type SentMessage } from '../tasks/dialogporten.ts';
import type { Company } from '../actors/company.ts';
import type { Actor } from '../actors/actor.ts';

/** `METHOD /path → status` of an answer, for messages. */
export function describe(answer: CheckedAnswer<unknown>): string {
  const { method, url } = answer.response.exchange.request;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep the URL
  }
  return `${method} ${path} → ${answer.response.status}`;
}

/** DP-6: the answer follows the official OpenAPI schema of its operation (when the spec gives one). */
export function expectOfficialShape(answer: CheckedAnswer<unknown>, krav = 'DP-6'): void {
  if (!answer.schema) return;
  assert.ok(
    answer.schema.valid,
    `[${krav}] ${describe(answer)}: svaret følger ikke Dialogportens offisielle OpenAPI-skjema ${answer.schema.schema}:\n  ${answer.schema.errors.join('\n  ')}`,
  );
}

function notesAbout(vendor: Vendor, party: Company): MessageNotes {
  const notes = vendor.customer(party).messages;
  assert.ok(notes, `Systemet har ikke spurt Dialogporten om meldingene til ${party.role}.`);
  return notes;
}

function searchAnswer(vendor: Vendor, party: Company) {
  const search = notesAbout(vendor, party).search;
  assert.ok(search, `Systemet har ikke søkt etter meldingene til ${party.role} i Dialogporten.`);
  return search.answer;
}

const titleOf = (message: SentMessage): string => message.body.content.title.value[0]?.value ?? '';

/** DP-1: the service owner's create answer: 201, the id as a JSON string, Location to the dialog, an ETag. */
function expectCreated(message: SentMessage): void {
  const { response } = message.created;
  expectStatus(response, 201, 'DP-1', `Tjenesteeierens melding "${titleOf(message)}"`);
  assert.match(message.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `[DP-1] Svaret skal være id-en som JSON-streng (UUID), var ${response.text}.`);
  assert.ok(
    (response.headers.location ?? '').endsWith(`/api/v1/serviceowner/dialogs/${message.id}`),
    `[DP-1] Location skal peke på dialogen /api/v1/serviceowner/dialogs/${message.id}, var "${response.headers.location ?? ''}".`,
  );
  assert.ok((response.headers.etag ?? '') !== '', '[DP-1] Svaret skal ha en ETag (dialogens revisjon).');
  expectOfficialShape(message.created, 'DP-1');
}

/**
 * SB-4.4 / SB-4.5 / DP-2: the search by party answers 200 with exactly the messages the system user
 * may read (the service owner's messages on the message service, none of the sealed ones); each
 * message fetched answers 200 with its party, service, title and transmission, the ETag being its
 * revision; the transmission list and each transmission read on its own match what was sent.
 */
export function expectMessagesReturned(vendor: Vendor, owner: ServiceOwner, party: Company): void {
  const sent = sentTo(owner, party);
  const readable = sent.filter((m) => !m.sealed);
  assert.ok(readable.length > 0, `Tjenesteeieren har ikke sendt noen meldinger ${party.role} kan leses av regnskapsføreren.`);
  readable.forEach(expectCreated);

  const search = searchAnswer(vendor, party);
  expectStatus(search.response, 200, 'DP-2', `Søk etter meldingene til ${party.role}`);
  expectOfficialShape(search);
  const items = Array.isArray(search.response.data?.items) ? search.response.data.items : [];
  assert.deepEqual(
    items.map((i) => i.id).sort(),
    readable.map((m) => m.id).sort(),
    `[DP-2] Søket for ${party.role} skal gi nøyaktig meldingene systembrukeren kan lese (${readable.length}), ga ${JSON.stringify(items.map((i) => i.id))}.`,
  );
  for (const item of items) {
    assert.equal(item.party, organisationParty(party.orgNo), `[DP-2] Meldingen ${item.id} skal gjelde ${party.role} (${organisationParty(party.orgNo)}), gjaldt ${item.party}.`);
    assert.equal(item.serviceResource, serviceResourceUrn(readable[0]?.resourceId ?? ''), `[DP-2] Meldingen ${item.id} skal høre til meldingstjenesten, hørte til ${item.serviceResource}.`);
  }

  const notes = notesAbout(vendor, party);
  for (const message of readable) {
    const fetched = notes.fetched.get(message.id);
    assert.ok(fetched, `Systemet har ikke hentet meldingen ${message.id}.`);
    const what = `Henting av meldingen "${titleOf(message)}" (${message.id})`;
    expectStatus(fetched.dialog.response, 200, 'SB-4.5', what);
    expectOfficialShape(fetched.dialog);
    const dialog = fetched.dialog.response.data;
    assert.equal(dialog?.id, message.id, `[DP-2] ${what}: id skal være ${message.id}, var ${dialog?.id}.`);
    assert.equal(dialog?.party, organisationParty(party.orgNo), `[DP-2] ${what}: party skal være ${organisationParty(party.orgNo)}, var ${dialog?.party}.`);
    assert.equal(dialog?.serviceResource, message.body.serviceResource, `[DP-2] ${what}: serviceResource skal være ${message.body.serviceResource}, var ${dialog?.serviceResource}.`);
    assert.equal(dialog?.content?.title?.value?.[0]?.value, titleOf(message), `[DP-2] ${what}: tittelen skal være "${titleOf(message)}", var ${JSON.stringify(dialog?.content?.title)}.`);
    const etag = (fetched.dialog.response.headers.etag ?? '').replace(/^W\//, '').replace(/"/g, '');
    assert.equal(etag, dialog?.revision, `[DP-2] ${what}: ETag skal være dialogens revision ${dialog?.revision}, var "${fetched.dialog.response.headers.etag ?? ''}".`);
    const sentTitles = (message.body.transmissions ?? []).map((t) => t.content.title.value[0]?.value);
    assert.deepEqual(
      (dialog?.transmissions ?? []).map((t) => t.content?.title?.value?.[0]?.value),
      sentTitles,
      `[DP-2] ${what}: forsendelsene skal være dem tjenesteeieren sendte (${JSON.stringify(sentTitles)}).`,
    );

    assert.ok(fetched.transmissions, `Systemet har ikke hentet forsendelsene til meldingen ${message.id}.`);
    expectStatus(fetched.transmissions.response, 200, 'DP-2', `Forsendelsene til meldingen ${message.id}`);
    expectOfficialShape(fetched.transmissions);
    const listed = Array.isArray(fetched.transmissions.response.data) ? fetched.transmissions.response.data : [];
    assert.deepEqual(
      listed.map((t) => t.id).sort(),
      (dialog?.transmissions ?? []).map((t) => t.id).sort(),
      `[DP-2] Forsendelseslisten til meldingen ${message.id} skal ha de samme forsendelsene som meldingen.`,
    );
    assert.equal(fetched.transmissionReads.length, listed.length, `[DP-2] Systemet skal ha lest hver forsendelse til meldingen ${message.id} for seg.`);
    for (const read of fetched.transmissionReads) {
      expectStatus(read.response, 200, 'DP-2', `Forsendelse i meldingen ${message.id}`);
      expectOfficialShape(read);
      assert.equal(read.response.data?.isAuthorized, true, `[DP-2] Forsendelsen ${read.response.data?.id} skal være tilgjengelig for systembrukeren (isAuthorized), var ${String(read.response.data?.isAuthorized)}.`);
    }
  }
}

/** DP-3: a search for a party the system user may not see answers 200 with no items (never 403). */
export function expectNoMessagesFound(vendor: Vendor, party: Company): void {
  const search = searchAnswer(vendor, party);
  expectStatus(search.response, 200, 'DP-3', `Søk etter meldingene til ${party.role}, som systembrukeren ikke har tilgang til`);
  expectOfficialShape(search);
  const items = search.response.data?.items;
  assert.ok(Array.isArray(items), `[DP-3] Svaret skal ha en liste items, var ${search.response.text}.`);
  assert.deepEqual(items.map((i) => i.id), [], `[DP-3] Søket skal ikke gi noen meldinger for ${party.role}, ga ${JSON.stringify(items.map((i) => i.id))}.`);
  assert.equal(search.response.data?.hasNextPage, false, `[DP-3] hasNextPage skal være false for et tomt søk, var ${String(search.response.data?.hasNextPage)}.`);
}

/** DP-4: a message the system user may not read is refused with 403 and errors.Forbidden (its existence is not hidden: not 404). */
function expectRefused(answer: CheckedAnswer<unknown>, what: string): void {
  expectStatus(answer.response, 403, 'DP-4', what);
  const errors = (answer.response.body as { errors?: Record<string, unknown> } | undefined)?.errors;
  assert.ok(errors && typeof errors === 'object' && 'Forbidden' in errors, `[DP-4] ${what}: avvisningen skal være ProblemDetails med errors.Forbidden, var ${answer.response.text}.`);
  expectOfficialShape(answer, 'DP-4');
}

/** DP-4: every message the service owner sent to the party was refused to the system. */
export function expectMessagesRefused(vendor: Vendor, owner: ServiceOwner, party: Company): void {
  const notes = notesAbout(vendor, party);
  const sent = sentTo(owner, party);
  assert.ok(sent.length > 0, `Tjenesteeieren har ikke sendt noen meldinger til ${party.role}.`);
  for (const message of sent) {
    const fetched = notes.fetched.get(message.id);
    assert.ok(fetched, `Systemet har ikke prøvd å hente meldingen ${message.id}.`);
    expectRefused(fetched.dialog, `Henting av meldingen ${message.id} til ${party.role}, som systembrukeren ikke har tilgang til`);
  }
}

/** DP-4 / SB-4.5: the sealed message is refused on get and is not among the messages the search found. */
export function expectSealedMessageRefused(vendor: Vendor, owner: ServiceOwner, party: Company): void {
  const notes = notesAbout(vendor, party);
  const sealed = sentTo(owner, party).filter((m) => m.sealed);
  assert.ok(sealed.length > 0, `Tjenesteeieren har ikke sendt noen taushetsbelagt melding til ${party.role}.`);
  const found = (notes.search?.answer.response.data?.items ?? []).map((i) => i.id);
  for (const message of sealed) {
    const fetched = notes.fetched.get(message.id);
    assert.ok(fetched, `Systemet har ikke prøvd å hente den taushetsbelagte meldingen ${message.id}.`);
    expectRefused(fetched.dialog, `Henting av den taushetsbelagte meldingen ${message.id}, som tilgangspakkene for regnskapsførere ikke gir lesetilgang til`);
    assert.ok(!found.includes(message.id), `[DP-4] Den taushetsbelagte meldingen ${message.id} skal ikke være blant meldingene søket fant for ${party.role}.`);
  }
}

/** DP-5: a plain Maskinporten token (no system user) is refused by the end-user API: 403 with errors.Type. */
export function expectPlainTokenRefused(vendor: Vendor, party: Company): void {
  const search = searchAnswer(vendor, party);
  const what = 'Søk i Dialogporten med et Maskinporten-token uten systembruker';
  expectStatus(search.response, 403, 'DP-5', what);
  const errors = (search.response.body as { errors?: Record<string, unknown> } | undefined)?.errors;
  assert.ok(errors && typeof errors === 'object' && 'Type' in errors, `[DP-5] ${what}: avvisningen skal være ProblemDetails med errors.Type (ugyldig brukertype), var ${search.response.text}.`);
  assert.equal((search.response.body as { items?: unknown }).items, undefined, `[DP-5] ${what}: en avvisning skal ikke gi noen meldinger.`);
  expectOfficialShape(search, 'DP-5');
}

/** Every Dialogporten answer the actor got: the system's about every customer, the service owner's, or a person's. */
function answersOf(actor: Actor): Array<CheckedAnswer<unknown>> {
  if (actor instanceof Vendor) return [...actor.notes.customers.values()].flatMap((c) => c.messages?.answers ?? []);
  if (actor instanceof ServiceOwner) return actor.notes.messages?.answers ?? [];
  if (actor instanceof Person) return personMessages(actor).answers;
  throw new Error(`Steget gjelder systemet, en tjenesteeier eller en person, men featuren nevner "${actor.role}".`);
}

/**
 * DP-6: every Dialogporten answer the actor got follows the official OpenAPI schema, and there was at
 * least one. Every answer is checked: one the official spec gives no shape for (no JSON body declared
 * for its status, and not a JSON problem) fails, since "every answer follows the schema" cannot hold
 * for an answer no schema describes.
 */
export function expectAllOfficial(actor: Actor): void {
  const answers = answersOf(actor);
  assert.ok(answers.length > 0, `${actor.role} har ikke fått noen svar fra Dialogporten.`);
  const unchecked = answers.filter((a) => a.schema === undefined);
  assert.deepEqual(
    unchecked.map((a) => `${describe(a)}: ${a.response.text === '' ? '(tomt svar)' : a.response.text.slice(0, 200)}`),
    [],
    `[DP-6] ${unchecked.length} av ${answers.length} svar ${actor.role} fikk fra Dialogporten har ikke noe skjema i den offisielle OpenAPI-en å sjekke mot.`,
  );
  const failures = answers.filter((a) => !a.schema?.valid);
  assert.deepEqual(
    failures.map((a) => `${describe(a)} (${a.schema?.schema}): ${(a.schema?.errors ?? []).join('; ')}`),
    [],
    `[DP-6] ${failures.length} av ${answers.length} svar fra Dialogporten følger ikke det offisielle OpenAPI-skjemaet.`,
  );
}
