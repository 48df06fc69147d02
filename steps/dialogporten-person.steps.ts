// Steps of a person on Dialogporten's end-user API and on the PDP (docs/contracts/dialogporten-persons.md,
// docs/contracts/pdp-callers.md): the service owner's message service for persons (merverdiavgift and
// PRIV), the person's searches and reads with their own token, and the person's question to the PDP.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Person } from '../support/actors/person.ts';
import { MVA_PACKAGE, ServiceOwner } from '../support/actors/service-owner.ts';
import { PERSONAL_MESSAGES, asMessageParty, publishMessageResource, sendMessages } from '../support/tasks/dialogporten.ts';
import { askPdpAsPerson, personFetches, personSearches } from '../support/tasks/dialogporten-person.ts';
import { expectPersonQuestionRefused, expectPersonReadsMessages } from '../support/expectations/dialogporten-person.ts';
import { noteRefusal, type Refusal } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given(
  'at {aktør} har knyttet leserettighet for meldinger om merverdiavgift til tilgangspakken {tilgangspakke} og for private meldinger til rollen PRIV',
  async function (this: SamsvarWorld, owner: Actor, code: string) {
    assert.equal(code, MVA_PACKAGE, `Meldingstjenesten ${PERSONAL_MESSAGES.id} gir alltid leserettighet til tilgangspakken ${MVA_PACKAGE}, ikke "${code}".`);
    await publishMessageResource(as(owner, ServiceOwner), PERSONAL_MESSAGES);
  },
);

Given('at {aktør} har sendt {int} melding(er) om merverdiavgift til {aktør} i Dialogporten', async function (this: SamsvarWorld, owner: Actor, count: number, party: Actor) {
  await sendMessages(as(owner, ServiceOwner), as(party, Company), count, PERSONAL_MESSAGES);
});

Given('at {aktør} har sendt {int} privat(e) melding(er) til {aktør} i Dialogporten', async function (this: SamsvarWorld, owner: Actor, count: number, person: Actor) {
  await sendMessages(as(owner, ServiceOwner), as(person, Person), count, PERSONAL_MESSAGES);
});

When('{aktør} søker etter meldingene til {aktør} i Dialogporten med persontokenet sitt', async function (this: SamsvarWorld, person: Actor, party: Actor) {
  await personSearches(as(person, Person), asMessageParty(party));
});

When(
  '{aktør} henter hver melding {aktør} har sendt til {aktør}, fra Dialogporten med persontokenet sitt',
  async function (this: SamsvarWorld, person: Actor, owner: Actor, party: Actor) {
    await personFetches(as(person, Person), as(owner, ServiceOwner), asMessageParty(party));
  },
);

When('{aktør} spør Altinn Autorisasjon med sitt eget Altinn-token om å lese meldingene til {aktør}', async function (this: SamsvarWorld, person: Actor, party: Actor) {
  await askPdpAsPerson(as(person, Person), as(party, Person), true);
});

When(
  '{aktør} spør Altinn Autorisasjon med et Altinn-token uten scopet {string} om å lese meldingene til {aktør}',
  async function (this: SamsvarWorld, person: Actor, scope: string, party: Actor) {
    assert.equal(scope, 'altinn:authorization/authorize', `PDP-en krever scopet altinn:authorization/authorize, ikke "${scope}".`);
    await askPdpAsPerson(as(person, Person), as(party, Person), false);
  },
);

Then('returnerer Dialogporten meldingene {aktør} har sendt til {aktør}, til {aktør}', function (this: SamsvarWorld, owner: Actor, party: Actor, person: Actor) {
  expectPersonReadsMessages(as(person, Person), as(owner, ServiceOwner), asMessageParty(party));
});

Then('avviser Altinn Autorisasjon spørsmålet fra {aktør} {avvisning}', function (this: SamsvarWorld, person: Actor, refusal: Refusal) {
  noteRefusal(this, refusal);
  expectPersonQuestionRefused(as(person, Person), refusal.status);
});
