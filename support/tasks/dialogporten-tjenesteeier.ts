// Tasks of Dialogporten's service-owner API beyond sending messages (docs/contracts/input-binding.md §1,
// docs/contracts/dialogporten-serviceowner.md §1–§3): the service owner sends a dialog written the way
// Altinn's own clients write it (other casing of member names and enum values) and dialogs that must be
// refused; a service owner (Skatteetaten, or Kartverket as another one) searches for and gets the
// dialogs Skatteetaten sent to a party, and adds an activity to one of them. Every answer is checked
// against the official OpenAPI schema as it arrives and kept in the asking owner's notes.

import { assertTestable, requireSuccess } from '../assertions.ts';
import { serviceResourceUrn, type ServiceOwnerDialog } from '../clients/dialogporten.ts';
import { DIALOGPORTEN_SERVICEPROVIDER_SCOPE, type ServiceOwner } from '../actors/service-owner.ts';
import {
  ACCOUNTANT_MESSAGES, checkAnswer, partyUrnOf, publishMessageResource, sentNotes, sentTo,
  type CheckedAnswer, type MessageParty,
} from './dialogporten.ts';

/** A dialog body the service owner sent as another client writes it, and what Dialogporten made of it. */
export interface LenientSend {
  body: Record<string, unknown>;
  created: CheckedAnswer<string>;
  /** The service owner's get of the stored dialog (when the create answered 201). */
  stored?: CheckedAnswer<ServiceOwnerDialog>;
}

/** What a service owner asked of Dialogporten's service-owner API, and the answers. */
export interface OwnerApiNotes {
  lenient?: LenientSend;
  /** Bodies Dialogporten must refuse, by what is wrong with them. */
  refused: Map<string, CheckedAnswer<unknown>>;
  /** Searches by party URN. */
  searches: Map<string, CheckedAnswer<{ items: ServiceOwnerDialog[]; hasNextPage: boolean }>>;
  /** Gets by dialog id. */
  reads: Map<string, CheckedAnswer<ServiceOwnerDialog>>;
  /** The activity added, by dialog id: the answer, and the dialog as its own service owner read it afterwards. */
  activities: Map<string, { description: string; created: CheckedAnswer<string>; after: CheckedAnswer<ServiceOwnerDialog> }>;
}

const ownerNotes = new WeakMap<ServiceOwner, OwnerApiNotes>();

export function ownerApiNotes(owner: ServiceOwner): OwnerApiNotes {
  let notes = ownerNotes.get(owner);
  if (!notes) ownerNotes.set(owner, (notes = { refused: new Map(), searches: new Map(), reads: new Map(), activities: new Map() }));
  return notes;
}

async function serviceOwnerToken(owner: ServiceOwner): Promise<string> {
  await owner.ready();
  return owner.maskinporten.accessToken([DIALOGPORTEN_SERVICEPROVIDER_SCOPE], `${owner.role}s tjenesteeier-API i Dialogporten`);
}

/** Keeps an answer in the owner's notes (so the schema step sees it too) and returns it. */
function kept<T>(owner: ServiceOwner, answer: CheckedAnswer<T>): CheckedAnswer<T> {
  sentNotes(owner).answers.push(answer);
  return answer;
}

const localized = (value: string) => [{ value, languageCode: 'nb' }];

/** The title the lenient dialog carries (read back from the stored dialog). */
export const LENIENT_TITLE = 'Melding skrevet som Altinns egne klienter skriver den';

/**
 * The service owner sends a dialog on its message service to the party with member names and enum
 * values in the casing Altinn's own test clients use (`content.Title`, `"status": "notApplicable"`,
 * `"consumerType": "gui"`), then reads the stored dialog back (When).
 */
export async function sendLenientMessage(owner: ServiceOwner, party: MessageParty): Promise<void> {
  await party.ready();
  await publishMessageResource(owner, ACCOUNTANT_MESSAGES);
  const token = await serviceOwnerToken(owner);
  const body = {
    ServiceResource: serviceResourceUrn(ACCOUNTANT_MESSAGES.id),
    Party: partyUrnOf(party),
    status: 'notApplicable',
    content: {
      Title: { Value: localized(LENIENT_TITLE), MediaType: 'text/plain' },
      summary: { value: localized(`Sendt til ${party.role}`), mediaType: 'text/plain' },
    },
    attachments: [{ displayName: localized('Vedlegg'), urls: [{ url: 'https://example.org/samsvar/vedlegg.pdf', mediaType: 'application/pdf', consumerType: 'gui' }] }],
  };
  const created = kept(owner, checkAnswer(await owner.dialogporten.createDialog(token, body)));
  const lenient: LenientSend = { body, created };
  ownerApiNotes(owner).lenient = lenient;
  if (created.response.status === 201 && typeof created.response.data === 'string') {
    lenient.stored = kept(owner, checkAnswer(await owner.dialogporten.getOwnDialog(token, created.response.data)));
  }
}

/**
 * The service owner sends dialogs Dialogporten must refuse however leniently it reads names: a status
 * no enum has, and a number member given as text that is no number. (An unknown member is not among
 * them: System.Text.Json ignores it unless told otherwise, docs/contracts/input-binding.md §1.) (When)
 */
export async function sendMalformedMessages(owner: ServiceOwner, party: MessageParty): Promise<void> {
  await party.ready();
  await publishMessageResource(owner, ACCOUNTANT_MESSAGES);
  const token = await serviceOwnerToken(owner);
  const base = {
    serviceResource: serviceResourceUrn(ACCOUNTANT_MESSAGES.id),
    party: partyUrnOf(party),
    content: { title: { value: localized('Melding som skal avvises'), mediaType: 'text/plain' } },
  };
  const variants: Record<string, Record<string, unknown>> = {
    'en status som ikke finnes («halvferdig»)': { ...base, status: 'halvferdig' },
    'progress som tekst («femti»)': { ...base, progress: 'femti' },
  };
  const notes = ownerApiNotes(owner);
  for (const [what, body] of Object.entries(variants)) {
    notes.refused.set(what, kept(owner, checkAnswer(await owner.dialogporten.createDialog(token, body))));
  }
}

/** The reader (a service owner) searches its own dialogs for the party on the message service (When). */
export async function searchOwnMessages(reader: ServiceOwner, party: MessageParty): Promise<void> {
  await party.ready();
  const token = await serviceOwnerToken(reader);
  const urn = partyUrnOf(party);
  const answer = await reader.dialogporten.searchOwnDialogs(token, { party: urn, serviceResource: serviceResourceUrn(ACCOUNTANT_MESSAGES.id) });
  ownerApiNotes(reader).searches.set(urn, kept(reader, checkAnswer(answer)));
}

/** The reader (a service owner) gets each message `sender` sent to the party from the service-owner API (When). */
export async function readSentMessages(reader: ServiceOwner, sender: ServiceOwner, party: MessageParty): Promise<void> {
  const messages = sentTo(sender, party);
  assertTestable(messages.length > 0, `${sender.role} har ikke sendt noen meldinger til ${party.role}.`);
  const token = await serviceOwnerToken(reader);
  const notes = ownerApiNotes(reader);
  for (const message of messages) notes.reads.set(message.id, kept(reader, checkAnswer(await reader.dialogporten.getOwnDialog(token, message.id))));
}

/** The text of the activity the suite adds (read back from the dialog). */
export const activityText = (owner: ServiceOwner): string => `Saken er mottatt og under behandling (${owner.role})`;

/**
 * The actor (a service owner) adds an Information activity to the first message `sender` sent to the
 * party; then `sender` reads the dialog to see what it holds afterwards (When).
 */
export async function addActivity(actor: ServiceOwner, sender: ServiceOwner, party: MessageParty): Promise<void> {
  const [message] = sentTo(sender, party);
  assertTestable(message, `${sender.role} har ikke sendt noen meldinger til ${party.role}.`);
  const description = activityText(actor);
  const created = kept(actor, checkAnswer(await actor.dialogporten.createActivity(await serviceOwnerToken(actor), message.id, {
    type: 'Information',
    performedBy: { actorType: 'ServiceOwner' },
    description: localized(description),
  })));
  const after = kept(sender, checkAnswer(await sender.dialogporten.getOwnDialog(await serviceOwnerToken(sender), message.id)));
  requireSuccess(after.response, `${sender.role}s oppslag på sin egen melding ${message.id} etter aktiviteten`, [200]);
  ownerApiNotes(actor).activities.set(message.id, { description, created, after });
}
