// Steps of Dialogporten's service-owner API (docs/contracts/input-binding.md §1,
// docs/contracts/dialogporten-serviceowner.md): a dialog written in another casing, dialogs that must be
// refused, a service owner's search and get of its own dialogs, and an activity on one — with Kartverket
// as the other service owner, who must see and change none of Skatteetaten's.

import { Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import { asMessageParty } from '../support/tasks/dialogporten.ts';
import { addActivity, readSentMessages, searchOwnMessages, sendLenientMessage, sendMalformedMessages } from '../support/tasks/dialogporten-tjenesteeier.ts';
import {
  expectActivityAdded, expectActivityRefused, expectLenientMessageStored, expectMalformedMessagesRefused, expectOthersMessagesHidden, expectOwnMessagesFound,
} from '../support/expectations/dialogporten-tjenesteeier.ts';
import { noteRefusal, type Refusal } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When('{aktør} sender en melding til {aktør} i Dialogporten med feltnavn og verdier i Altinns egen skrivemåte', async function (this: SamsvarWorld, owner: Actor, party: Actor) {
  await sendLenientMessage(as(owner, ServiceOwner), asMessageParty(party));
});

When('{aktør} sender meldinger til {aktør} i Dialogporten med en ukjent status og med tekst der et tall skal stå', async function (this: SamsvarWorld, owner: Actor, party: Actor) {
  await sendMalformedMessages(as(owner, ServiceOwner), asMessageParty(party));
});

When('{aktør} søker etter meldingene til {aktør} i tjenesteeier-API-et til Dialogporten', async function (this: SamsvarWorld, reader: Actor, party: Actor) {
  await searchOwnMessages(as(reader, ServiceOwner), asMessageParty(party));
});

When(
  '{aktør} henter hver melding {aktør} har sendt til {aktør}, fra tjenesteeier-API-et til Dialogporten',
  async function (this: SamsvarWorld, reader: Actor, sender: Actor, party: Actor) {
    await readSentMessages(as(reader, ServiceOwner), as(sender, ServiceOwner), asMessageParty(party));
  },
);

When('{aktør} legger til en aktivitet på meldingen {aktør} har sendt til {aktør}', async function (this: SamsvarWorld, actor: Actor, sender: Actor, party: Actor) {
  await addActivity(as(actor, ServiceOwner), as(sender, ServiceOwner), asMessageParty(party));
});

Then('tar Dialogporten imot meldingen fra {aktør} til {aktør} og lagrer den med skjemaets skrivemåte', function (this: SamsvarWorld, owner: Actor, party: Actor) {
  expectLenientMessageStored(as(owner, ServiceOwner), asMessageParty(party));
});

Then('avviser Dialogporten hver av meldingene fra {aktør} {avvisning}', function (this: SamsvarWorld, owner: Actor, refusal: Refusal) {
  noteRefusal(this, refusal);
  expectMalformedMessagesRefused(as(owner, ServiceOwner), refusal.status);
});

Then('finner {aktør} meldingene den har sendt til {aktør}, med detaljene', function (this: SamsvarWorld, owner: Actor, party: Actor) {
  expectOwnMessagesFound(as(owner, ServiceOwner), asMessageParty(party));
});

Then('finner {aktør} ingen av meldingene {aktør} har sendt til {aktør}, som om de ikke fantes', function (this: SamsvarWorld, reader: Actor, sender: Actor, party: Actor) {
  expectOthersMessagesHidden(as(reader, ServiceOwner), as(sender, ServiceOwner), asMessageParty(party));
});

Then('står aktiviteten fra {aktør} på meldingen til {aktør}', function (this: SamsvarWorld, owner: Actor, party: Actor) {
  expectActivityAdded(as(owner, ServiceOwner), asMessageParty(party));
});

Then(
  'avviser Dialogporten aktiviteten fra {aktør} på meldingen {aktør} har sendt til {aktør}, som om meldingen ikke fantes, og meldingen får den ikke',
  function (this: SamsvarWorld, actor: Actor, sender: Actor, party: Actor) {
    expectActivityRefused(as(actor, ServiceOwner), as(sender, ServiceOwner), asMessageParty(party));
  },
);
