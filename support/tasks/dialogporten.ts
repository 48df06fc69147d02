// Tasks of Dialogporten (docs/contracts/dialogporten-broker.md §A): the service owner links read access for
// its messages to the accountant packages and sends messages (dialogs, each with a transmission) to a
// party; the system searches for a party's messages and fetches each one with its transmissions,
// with a system user token (scope digdir:dialogporten); the service owner asks the PDP, as
// Dialogporten does, whether the system user may read them. Every Dialogporten answer is checked
// against the official OpenAPI schema here, as it arrives, so every target is checked; the
// Then-steps assert the verdicts.

import assert from 'node:assert/strict';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { requireResourcePolicy } from './autorisasjon.ts';
import { SAMPLE_RESOURCES, type ResourceKey } from '../target/resources.ts';
import { systemUserDecisionRequest } from '../clients/authorization.ts';
import {
  organisationParty, personParty, serviceResourceUrn,
  type ContentValue, type CreateDialog, type DialogSearchResult, type DialogportenResponse, type EndUserDialog, type Transmission,
} from '../clients/dialogporten.ts';
import { Person } from '../actors/person.ts';
import { dialogportenSchemas, type SchemaCheck } from '../schemas/dialogporten.ts';
import { DIALOGPORTEN_SERVICEPROVIDER_SCOPE, MVA_ACCOUNTANT_PACKAGES, MVA_PACKAGE, SKATTEETATEN_ORGCODE, type ServiceOwner } from '../actors/service-owner.ts';
import { DIALOGPORTEN_TOKEN_SCOPE, MESSAGE_AND_FILE_SCOPES } from '../actors/vendor.ts';
import { ACCESS_PACKAGE_PREFIX } from './systemregister.ts';
import { systemUserIdOf } from './systemuser.ts';
import { plainMaskinportenToken, requestScopedSystemUserToken, requireScopedToken, type ScopedToken } from './systembrukertoken.ts';
import type { TestResource } from '../clients/testdata.ts';
import { Company } from '../actors/company.ts';
import type { Actor } from '../actors/actor.ts';
import type { Vendor } from '../actors/vendor.ts';

/** The service owner's message service: its policy gives the accountant packages `read` (seed scenario 4, forutsetning 1). */
export const MESSAGE_RESOURCE_ID = SAMPLE_RESOURCES.messages;
/** A second message service whose policy names only a package no accountant holds: its messages are not for the accountant. */
export const SEALED_MESSAGE_RESOURCE_ID = SAMPLE_RESOURCES.sealedMessages;
export const SEALED_MESSAGE_PACKAGE = 'post-til-virksomheten-med-taushetsbelagt-innhold';
/** The accountant packages that give read access to the messages. */
export const MESSAGE_READ_PACKAGES: readonly string[] = MVA_ACCOUNTANT_PACKAGES;
/**
 * A third message service, for the persons who read Dialogporten themselves (DP-10, PDP-6): its policy
 * gives `read` to the package merverdiavgift (a company's daglig leder holds it) and to the role PRIV
 * (a person's own party, docs/contracts/pdp-callers.md §2).
 */
export const PERSONAL_MESSAGE_RESOURCE_ID = 'samsvar-dialogporten-mva-og-privat';
export const PRIV_ROLE = 'urn:altinn:rolecode:priv';

/** One of the service owner's message services: its resource, and who its policy gives `read`. */
export interface MessageService {
  /** Samsvar's sample resource id. */
  id: string;
  /** Where the profile's fixtures may name the target's own resource instead (support/target/resources.ts). */
  key?: ResourceKey;
  /** The accountant's system user may not read its messages (SB-4.5, DP-4). */
  sealed: boolean;
  subjects: readonly string[];
  title: string;
  titleEn: string;
}

export const ACCOUNTANT_MESSAGES: MessageService = {
  id: MESSAGE_RESOURCE_ID, key: 'messages', sealed: false, subjects: MESSAGE_READ_PACKAGES.map((code) => `${ACCESS_PACKAGE_PREFIX}${code}`),
  title: 'Meldinger til regnskapsførerens klienter (Samsvar)', titleEn: 'Messages for accountants\' clients (Samsvar)',
};
export const SEALED_MESSAGES: MessageService = {
  id: SEALED_MESSAGE_RESOURCE_ID, key: 'sealedMessages', sealed: true, subjects: [`${ACCESS_PACKAGE_PREFIX}${SEALED_MESSAGE_PACKAGE}`],
  title: 'Taushetsbelagte meldinger (Samsvar)', titleEn: 'Confidential messages (Samsvar)',
};
export const PERSONAL_MESSAGES: MessageService = {
  id: PERSONAL_MESSAGE_RESOURCE_ID, sealed: true, subjects: [`${ACCESS_PACKAGE_PREFIX}${MVA_PACKAGE}`, PRIV_ROLE],
  title: 'MVA-meldinger og private meldinger (Samsvar)', titleEn: 'VAT and private messages (Samsvar)',
};

/** The resource id of a message service on the target: the fixture's where it names one. */
export function serviceIdOf(actor: { resource(key: ResourceKey): string }, service: MessageService): string {
  return service.key ? actor.resource(service.key) : service.id;
}

/** Who a message goes to: an organisation, or a person's own party. */
export type MessageParty = Company | Person;

/** The actor a step names as a message's party: a company or a person, or a clear error. */
export function asMessageParty(actor: Actor): MessageParty {
  if (actor instanceof Company || actor instanceof Person) return actor;
  throw new Error(`Steget gjelder en virksomhet eller en person, men featuren nevner "${actor.role}".`);
}

/** The party URN Dialogporten files a message under. */
export function partyUrnOf(party: MessageParty): string {
  return party instanceof Person ? personParty(party.pid) : organisationParty(party.orgNo);
}

/** A Dialogporten answer and what the official schema says about it (undefined: the spec has no shape for it). */
export interface CheckedAnswer<T> {
  response: DialogportenResponse<T>;
  schema: SchemaCheck | undefined;
}

/** One message (dialog) the service owner sent. */
export interface SentMessage {
  resourceId: string;
  /** A message on the sealed service: the accountant's system user may not read it. */
  sealed: boolean;
  body: CreateDialog;
  created: CheckedAnswer<string>;
  /** The id Dialogporten gave it (the 201 body). */
  id: string;
}

/** What the service owner sent, by the party's org number, and every answer it got. */
export interface SentMessages {
  byParty: Map<string, SentMessage[]>;
  answers: Array<CheckedAnswer<unknown>>;
}

/** One message the system fetched: the dialog, its transmission list, and each transmission read on its own. */
export interface FetchedMessage {
  dialog: CheckedAnswer<EndUserDialog>;
  transmissions?: CheckedAnswer<Transmission[]>;
  transmissionReads: Array<CheckedAnswer<Transmission>>;
}

/**
 * The vendor's notes about Dialogporten for one customer: as the token owner (the system user token,
 * a plain token), and as the party whose messages were searched for and fetched.
 */
export interface MessageNotes {
  token?: ScopedToken;
  search?: { tokenOwner: Company | undefined; answer: CheckedAnswer<DialogSearchResult> };
  /** The messages fetched for this party, by dialog id, in the order fetched. */
  fetched: Map<string, FetchedMessage>;
  /** Every Dialogporten answer the system got about this party. */
  answers: Array<CheckedAnswer<unknown>>;
}

/** The vendor's Dialogporten notes about a customer, made on first use. */
export function messageNotes(vendor: Vendor, company: Company): MessageNotes {
  const notes = vendor.customer(company);
  notes.messages ??= { fetched: new Map(), answers: [] };
  return notes.messages;
}

/** The service owner's Dialogporten notes, made on first use (another service owner, Kartverket, has its own). */
export function sentNotes(owner: ServiceOwner): SentMessages {
  owner.notes.messages ??= { byParty: new Map(), answers: [] };
  return owner.notes.messages;
}

/** Checks an answer against the official schema of its operation (never asserts). */
export function checkAnswer<T>(response: DialogportenResponse<T>): CheckedAnswer<T> {
  return { response, schema: dialogportenSchemas().checkResponse(response.operation.method, response.operation.path, response.status, response.body) };
}

const text = (value: string): ContentValue => ({ value: [{ value, languageCode: 'nb' }], mediaType: 'text/plain' });

// ---- The service owner's message services ---------------------------------------------------------

function messageResource(owner: ServiceOwner, service: MessageService): TestResource {
  return {
    title: { nb: service.title, nn: service.title, en: service.titleEn },
    description: { nb: 'Meldingstjeneste i Dialogporten, brukt av Samsvar.', en: 'Message service in Dialogporten, used by Samsvar.' },
    resourceType: 'GenericAccessResource',
    delegable: true,
    visible: true,
    hasCompetentAuthority: { organization: owner.orgNo, orgcode: SKATTEETATEN_ORGCODE, name: { nb: 'Skatteetaten (syntetisk)' } },
    policy: { rules: [{ subjects: [...service.subjects], actions: ['read'] }] },
  };
}

/**
 * Given: the service owner has linked read access for its messages to the accountant packages (or to
 * what another of its message services names). With the test data API it writes the resource and its
 * policy (the same body every time); on every target the policy is then read back from the registry.
 */
export async function publishMessageResource(owner: ServiceOwner, service: MessageService = ACCOUNTANT_MESSAGES): Promise<void> {
  await owner.ready();
  const id = serviceIdOf(owner, service);
  if (owner.usesTestdataApi) {
    requireSuccess(await owner.testdata.putResource(id, messageResource(owner, service)), `Å publisere meldingstjenesten ${id} med policy i testdata-API-et`, [200, 201]);
  }
  await requireResourcePolicy(owner.resourceRegistry, id, service.subjects, ['read']);
}

/** The dialog the service owner sends: a title, a summary, a sender name and one transmission. */
export function messageBody(party: MessageParty, resourceId: string, n: number, sealed: boolean): CreateDialog {
  const what = sealed ? 'Taushetsbelagt melding' : party instanceof Person ? `Privat melding ${n}` : `Melding ${n} om MVA`;
  const urn = partyUrnOf(party);
  return {
    serviceResource: serviceResourceUrn(resourceId),
    party: urn,
    status: 'RequiresAttention',
    externalReference: `${resourceId}-${n}`,
    content: { title: text(what), summary: text(`${what} til ${party.name || party.role}`), senderName: text('Skatteetaten (syntetisk)') },
    transmissions: [
      {
        type: 'Information',
        sender: { actorType: 'ServiceOwner' },
        content: { title: text(`Vedtak ${n}`), summary: text(`Vedtak i sak ${n} for ${urn}`) },
        externalReference: `samsvar-vedtak-${n}`,
      },
    ],
  };
}

/**
 * Given: the service owner has sent `count` messages on one of its message services (by default the
 * accountants' one) to the party through Dialogporten's service-owner API. A refusal makes the
 * scenario not testable; the answers are kept and checked against the official schema like every other.
 */
export async function sendMessages(owner: ServiceOwner, party: MessageParty, count: number, service: MessageService = ACCOUNTANT_MESSAGES): Promise<SentMessage[]> {
  await Promise.all([owner.ready(), party.ready()]);
  await publishMessageResource(owner, service);
  const token = await owner.maskinporten.accessToken([DIALOGPORTEN_SERVICEPROVIDER_SCOPE], 'tjenesteeierens meldinger i Dialogporten');
  const notes = sentNotes(owner);
  const key = partyUrnOf(party);
  const list = notes.byParty.get(key) ?? [];
  notes.byParty.set(key, list);
  const resourceId = serviceIdOf(owner, service);
  const sent: SentMessage[] = [];
  for (let i = 1; i <= count; i++) {
    const body = messageBody(party, resourceId, list.length + 1, service === SEALED_MESSAGES);
    const created = checkAnswer(await owner.dialogporten.createDialog(token, body));
    notes.answers.push(created);
    const id = requireSuccess(created.response, `Tjenesteeierens melding til ${party.role} i Dialogporten`, [201]);
    assertTestable(typeof id === 'string' && id !== '', `Dialogporten svarte 201 uten id for meldingen til ${party.role} (${created.response.text}).`);
    const message: SentMessage = { resourceId, sealed: service.sealed, body, created, id };
    list.push(message);
    sent.push(message);
  }
  return sent;
}

/** The messages the service owner sent to the party (empty when none). */
export function sentTo(owner: ServiceOwner, party: MessageParty): SentMessage[] {
  return owner.notes.messages?.byParty.get(partyUrnOf(party)) ?? [];
}

// ---- The system reads the messages ------------------------------------------------------------------

/** The system asks Maskinporten for a system user token for Dialogporten (and Altinn's messaging) for the owner (When). */
export async function fetchDialogportenToken(vendor: Vendor, owner: Company): Promise<ScopedToken> {
  const token = await requestScopedSystemUserToken(vendor, owner, DIALOGPORTEN_TOKEN_SCOPE);
  messageNotes(vendor, owner).token = token;
  return token;
}

/** Given: the system holds a system user token for Dialogporten for the owner. */
export async function obtainDialogportenToken(vendor: Vendor, owner: Company): Promise<string> {
  return requireScopedToken(await fetchDialogportenToken(vendor, owner), owner);
}

function dialogportenTokenOf(vendor: Vendor, owner: Company): string {
  const value = vendor.customer(owner).messages?.token?.value;
  assertTestable(value, `systemet har ikke noe systembrukertoken for Dialogporten for ${owner.role}.`);
  return value;
}

/** The system searches Dialogporten for the party's messages with the token it holds for `tokenOwner` (When). */
export async function searchMessages(vendor: Vendor, party: Company, tokenOwner: Company): Promise<CheckedAnswer<DialogSearchResult>> {
  await party.ready();
  const answer = checkAnswer(await vendor.dialogporten.searchDialogs(dialogportenTokenOf(vendor, tokenOwner), { party: organisationParty(party.orgNo) }));
  const notes = messageNotes(vendor, party);
  notes.search = { tokenOwner, answer };
  notes.answers.push(answer);
  return answer;
}

/**
 * The system fetches each message the service owner sent to the party (the accountant knows which
 * messages to fetch, seed scenario 4, forutsetning 2): the dialog, and when it is given, its
 * transmission list and each transmission on its own (When).
 */
export async function fetchMessages(vendor: Vendor, owner: ServiceOwner, party: Company, tokenOwner: Company): Promise<void> {
  const token = dialogportenTokenOf(vendor, tokenOwner);
  const notes = messageNotes(vendor, party);
  const messages = sentTo(owner, party);
  assertTestable(messages.length > 0, `tjenesteeieren har ikke sendt noen meldinger til ${party.role}.`);
  for (const message of messages) {
    const dialog = checkAnswer(await vendor.dialogporten.getDialog(token, message.id));
    notes.answers.push(dialog);
    const fetched: FetchedMessage = { dialog, transmissionReads: [] };
    notes.fetched.set(message.id, fetched);
    if (dialog.response.status !== 200) continue;
    fetched.transmissions = checkAnswer(await vendor.dialogporten.listTransmissions(token, message.id));
    notes.answers.push(fetched.transmissions);
    for (const transmission of Array.isArray(fetched.transmissions.response.data) ? fetched.transmissions.response.data : []) {
      const read = checkAnswer(await vendor.dialogporten.getTransmission(token, message.id, transmission.id));
      fetched.transmissionReads.push(read);
      notes.answers.push(read);
    }
  }
}

/** The system searches for the party's messages with a plain Maskinporten token (no system user) for Dialogporten (When). */
export async function searchWithPlainToken(vendor: Vendor, party: Company): Promise<CheckedAnswer<DialogSearchResult>> {
  await party.ready();
  const token = await plainMaskinportenToken(vendor, MESSAGE_AND_FILE_SCOPES.dialogporten);
  const answer = checkAnswer(await vendor.dialogporten.searchDialogs(token, { party: organisationParty(party.orgNo) }));
  const notes = messageNotes(vendor, party);
  notes.search = { tokenOwner: undefined, answer };
  notes.answers.push(answer);
  return answer;
}

// ---- Altinn Autorisasjon validerer tilgangen ----------------------------------------------------------

/**
 * The service owner asks the PDP what Dialogporten asks it (docs/contracts/dialogporten-broker.md §A.6): may the system user
 * `systemUserOwner` approved `read` the message service (or the sealed one) for the party? (When)
 */
export async function askPdpAboutMessages(owner: ServiceOwner, systemUserOwner: Company, party: Company, sealed = false): Promise<void> {
  await party.ready();
  const question = {
    systemUserId: systemUserIdOf(systemUserOwner),
    systemUserOwnerOrgNo: systemUserOwner.orgNo,
    partyOrgNo: party.orgNo,
    action: 'read',
    resource: owner.resource(sealed ? 'sealedMessages' : 'messages'),
  };
  const response = await owner.authorization.authorize(await owner.pdpToken(), systemUserDecisionRequest(question));
  owner.notes.decision = { question, response };
}

/**
 * Given: the vendor's Maskinporten client has the scope of Dialogporten or of Altinn's messaging
 * service (seed scenario 4, forutsetning 4). Checked by asking Maskinporten for a plain token with it:
 * a refusal makes the scenario not testable.
 */
export async function confirmMessagingScope(vendor: Vendor, scope: string, service: 'dialogporten' | 'correspondenceRead'): Promise<void> {
  const expected = MESSAGE_AND_FILE_SCOPES[service];
  const name = service === 'dialogporten' ? 'Dialogportens sluttbruker-API' : 'Altinns meldingstjeneste (Correspondence) for mottakere';
  assert.equal(scope, expected, `${name} krever scopet ${expected}, ikke "${scope}".`);
  await plainMaskinportenToken(vendor, scope);
}
