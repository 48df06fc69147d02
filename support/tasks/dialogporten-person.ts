// Tasks of a person on Dialogporten's end-user API and on the PDP (docs/contracts/dialogporten-persons.md,
// docs/contracts/pdp-callers.md): the person logs in through ID-porten with the scope digdir:dialogporten,
// searches for a party's messages and gets each one the service owner sent; and the person asks the PDP
// with their own Altinn token (exchanged from ID-porten) whether they may read a person's messages.
// Every Dialogporten answer is checked against the official OpenAPI schema as it arrives.

import { assertTestable, requireSuccess } from '../assertions.ts';
import { XACML, type XacmlJsonRequestRoot } from '../clients/authorization.ts';
import type { DialogSearchResult, EndUserDialog } from '../clients/dialogporten.ts';
import { PDP_SCOPE, type ServiceOwner } from '../actors/service-owner.ts';
import { PERSONAL_MESSAGES, checkAnswer, partyUrnOf, sentTo, type CheckedAnswer, type MessageParty } from './dialogporten.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Person } from '../actors/person.ts';

/** The end-user API's scope (docs/contracts/dialogporten-persons.md §1). */
export const PERSON_DIALOGPORTEN_SCOPE = 'digdir:dialogporten';

/** What a person asked of Dialogporten, by party URN and dialog id. */
export interface PersonMessageNotes {
  searches: Map<string, CheckedAnswer<DialogSearchResult>>;
  fetched: Map<string, CheckedAnswer<EndUserDialog>>;
  answers: Array<CheckedAnswer<unknown>>;
}

/** The person's question to the PDP: who asks, about whose own party, with or without the scope. */
export interface PersonDecision {
  subjectPid: string;
  partyPid: string;
  withScope: boolean;
  /** The token exchange (ID-porten → Altinn token); absent where the token source gives Altinn tokens already (Test Tools). */
  exchange?: ApiResponse<string>;
  response: ApiResponse<unknown>;
}

const messageNotes = new WeakMap<Person, PersonMessageNotes>();
const decisionNotes = new WeakMap<Person, PersonDecision>();

export function personMessages(person: Person): PersonMessageNotes {
  let notes = messageNotes.get(person);
  if (!notes) messageNotes.set(person, (notes = { searches: new Map(), fetched: new Map(), answers: [] }));
  return notes;
}

export function personDecision(person: Person): PersonDecision | undefined {
  return decisionNotes.get(person);
}

/** The person searches Dialogporten for the party's messages with their person token (When). */
export async function personSearches(person: Person, party: MessageParty): Promise<void> {
  await party.ready();
  const token = await person.token(PERSON_DIALOGPORTEN_SCOPE);
  const urn = partyUrnOf(party);
  const answer = checkAnswer(await person.dialogporten.searchDialogs(token, { party: urn }));
  const notes = personMessages(person);
  notes.searches.set(urn, answer);
  notes.answers.push(answer);
}

/** The person gets each message the service owner sent to the party with their person token (When). */
export async function personFetches(person: Person, owner: ServiceOwner, party: MessageParty): Promise<void> {
  const messages = sentTo(owner, party);
  assertTestable(messages.length > 0, `tjenesteeieren har ikke sendt noen meldinger til ${party.role}.`);
  const token = await person.token(PERSON_DIALOGPORTEN_SCOPE);
  const notes = personMessages(person);
  for (const message of messages) {
    const answer = checkAnswer(await person.dialogporten.getDialog(token, message.id));
    notes.fetched.set(message.id, answer);
    notes.answers.push(answer);
  }
}

/** A PDP request about a person reading a person's own party's messages on the service for persons. */
export function personDecisionRequest(subjectPid: string, partyPid: string): XacmlJsonRequestRoot {
  return {
    Request: {
      ReturnPolicyIdList: false,
      AccessSubject: [{ Attribute: [{ AttributeId: XACML.personNumber, Value: subjectPid }] }],
      Action: [{ Attribute: [{ AttributeId: XACML.actionId, Value: 'read', DataType: XACML.stringType }] }],
      Resource: [{ Attribute: [{ AttributeId: XACML.resource, Value: PERSONAL_MESSAGES.id }, { AttributeId: XACML.personNumber, Value: partyPid }] }],
    },
  };
}

/**
 * The person logs in (with the PDP's scope, or without it), exchanges the ID-porten token for an
 * Altinn token, and asks the PDP with it whether they may read the messages of `party`'s own party (When).
 */
export async function askPdpAsPerson(person: Person, party: Person, withScope: boolean): Promise<void> {
  await Promise.all([person.ready(), party.ready()]);
  const personToken = await person.token(withScope ? PDP_SCOPE : undefined);
  // Altinn Test Tools issues Altinn tokens already (docs/contracts/tt02.md §3); an ID-porten token is exchanged first.
  if (person.tokensAreAltinnTokens) {
    const response = await person.authorization.authorize(personToken, personDecisionRequest(person.pid, party.pid));
    decisionNotes.set(person, { subjectPid: person.pid, partyPid: party.pid, withScope, response });
    return;
  }
  const exchange = await person.platformViews.exchange('id-porten', personToken);
  requireSuccess(exchange, `Vekslingen av ID-porten-tokenet til ${person.role} inn i et Altinn-token`, [200]);
  // The exchange answers the token as its (text) body, quoted or not.
  const altinnToken = typeof exchange.body === 'string' ? exchange.body : exchange.text;
  assertTestable(typeof altinnToken === 'string' && altinnToken !== '', `Tokenvekslingen ga ikke noe Altinn-token for ${person.role}.`);
  const response = await person.authorization.authorize(altinnToken.replace(/^"|"$/g, ''), personDecisionRequest(person.pid, party.pid));
  decisionNotes.set(person, { subjectPid: person.pid, partyPid: party.pid, withScope, exchange, response });
}
