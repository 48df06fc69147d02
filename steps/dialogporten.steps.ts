// Steps of Dialogporten (seed scenario 4; docs/contracts/dialogporten-broker.md §A): the service owner's
// message service and messages, the system's system user token for Dialogporten, its search and
// reads for a client, the PDP question Dialogporten asks, and the refusals.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { ensureSystemRegistered } from '../support/tasks/systemregister.ts';
import {
  askPdpAboutMessages,
  confirmMessagingScope,
  fetchDialogportenToken,
  fetchMessages,
  obtainDialogportenToken,
  publishMessageResource,
  searchMessages,
  searchWithPlainToken,
  sendMessages,
  SEALED_MESSAGES,
  asMessageParty,
} from '../support/tasks/dialogporten.ts';
import { expectPersonFindsNone, expectPersonRefused } from '../support/expectations/dialogporten-person.ts';
import { Person } from '../support/actors/person.ts';
import {
  expectAllOfficial,
  expectMessagesRefused,
  expectMessagesReturned,
  expectNoMessagesFound,
  expectPlainTokenRefused,
  expectSealedMessageRefused,
} from '../support/expectations/dialogporten.ts';
import { expectScopedSystemUserToken } from '../support/expectations/systembrukertoken.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har knyttet leserettighet for meldinger til tilgangspakkene for regnskapsførere', async function (this: SamsvarWorld, owner: Actor) {
  await publishMessageResource(as(owner, ServiceOwner));
});

Given('at {aktør} har definert en meldingstjeneste i systemet som krever tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, code: string) {
  await ensureSystemRegistered(as(vendor, Vendor), [code]);
});

Given('at {aktør} har scopet {string} for Dialogporten i Maskinporten', async function (this: SamsvarWorld, vendor: Actor, scope: string) {
  await confirmMessagingScope(as(vendor, Vendor), scope, 'dialogporten');
});

Given('at {aktør} har scopet {string} for Altinns meldingstjenester i Maskinporten', async function (this: SamsvarWorld, vendor: Actor, scope: string) {
  await confirmMessagingScope(as(vendor, Vendor), scope, 'correspondenceRead');
});

Given('at {aktør} har sendt {int} melding(er) til {aktør} i Dialogporten', async function (this: SamsvarWorld, owner: Actor, count: number, party: Actor) {
  await sendMessages(as(owner, ServiceOwner), as(party, Company), count);
});

Given('at {aktør} har sendt en taushetsbelagt melding til {aktør} i Dialogporten', async function (this: SamsvarWorld, owner: Actor, party: Actor) {
  await sendMessages(as(owner, ServiceOwner), as(party, Company), 1, SEALED_MESSAGES);
});

Given('at {aktør} har hentet systembrukertoken for Dialogporten fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, owner: Actor) {
  await obtainDialogportenToken(as(vendor, Vendor), as(owner, Company));
});

When('{aktør} henter systembrukertoken for Dialogporten fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, owner: Actor) {
  await fetchDialogportenToken(as(vendor, Vendor), as(owner, Company));
});

When(
  '{aktør} søker etter meldingene til {aktør} i Dialogporten med systembrukertokenet for {aktør}',
  async function (this: SamsvarWorld, vendor: Actor, party: Actor, tokenOwner: Actor) {
    await searchMessages(as(vendor, Vendor), as(party, Company), as(tokenOwner, Company));
  },
);

When(
  '{aktør} henter hver melding {aktør} har sendt til {aktør}, med forsendelsene, fra Dialogporten med systembrukertokenet for {aktør}',
  async function (this: SamsvarWorld, vendor: Actor, owner: Actor, party: Actor, tokenOwner: Actor) {
    await fetchMessages(as(vendor, Vendor), as(owner, ServiceOwner), as(party, Company), as(tokenOwner, Company));
  },
);

When('{aktør} søker etter meldingene til {aktør} i Dialogporten med et Maskinporten-token uten systembruker', async function (this: SamsvarWorld, vendor: Actor, party: Actor) {
  await searchWithPlainToken(as(vendor, Vendor), as(party, Company));
});

When(
  '{aktør} spør Altinn Autorisasjon om systembrukeren til {aktør} kan lese meldingene til {aktør}',
  async function (this: SamsvarWorld, owner: Actor, systemUserOwner: Actor, party: Actor) {
    await askPdpAboutMessages(as(owner, ServiceOwner), as(systemUserOwner, Company), as(party, Company));
  },
);

When(
  '{aktør} spør Altinn Autorisasjon om systembrukeren til {aktør} kan lese den taushetsbelagte meldingen til {aktør}',
  async function (this: SamsvarWorld, owner: Actor, systemUserOwner: Actor, party: Actor) {
    await askPdpAboutMessages(as(owner, ServiceOwner), as(systemUserOwner, Company), as(party, Company), true);
  },
);

Then('utsteder Maskinporten et systembrukertoken for Dialogporten til {aktør} for {aktør}', async function (this: SamsvarWorld, vendor: Actor, owner: Actor) {
  const system = as(vendor, Vendor);
  const company = as(owner, Company);
  await expectScopedSystemUserToken(system, company, system.customer(company).messages?.token, 'SB-4.3');
});

Then(
  'returnerer Dialogporten meldingene {aktør} har sendt til {aktør}, med forsendelsene, til {aktør}',
  function (this: SamsvarWorld, owner: Actor, party: Actor, vendor: Actor) {
    expectMessagesReturned(as(vendor, Vendor), as(owner, ServiceOwner), as(party, Company));
  },
);

// The system (a system user token) or a person (a person token, DP-10): the same rule, read for each.
Then('finner {aktør} ingen meldinger til {aktør} i Dialogporten', function (this: SamsvarWorld, reader: Actor, party: Actor) {
  if (reader instanceof Person) {
    expectPersonFindsNone(reader, asMessageParty(party));
    return;
  }
  expectNoMessagesFound(as(reader, Vendor), as(party, Company));
});

Then('nekter Dialogporten {aktør} å hente meldingene {aktør} har sendt til {aktør}', function (this: SamsvarWorld, reader: Actor, owner: Actor, party: Actor) {
  if (reader instanceof Person) {
    expectPersonRefused(reader, as(owner, ServiceOwner), asMessageParty(party));
    return;
  }
  expectMessagesRefused(as(reader, Vendor), as(owner, ServiceOwner), as(party, Company));
});

Then(
  'nekter Dialogporten {aktør} å hente den taushetsbelagte meldingen {aktør} har sendt til {aktør}',
  function (this: SamsvarWorld, vendor: Actor, owner: Actor, party: Actor) {
    expectSealedMessageRefused(as(vendor, Vendor), as(owner, ServiceOwner), as(party, Company));
  },
);

Then('avviser Dialogporten søket fra {aktør} etter meldingene til {aktør} fordi tokenet ikke tilhører en systembruker', function (this: SamsvarWorld, vendor: Actor, party: Actor) {
  expectPlainTokenRefused(as(vendor, Vendor), as(party, Company));
});

Then('følger hvert svar {aktør} fikk fra Dialogporten det offisielle OpenAPI-skjemaet', function (this: SamsvarWorld, actor: Actor) {
  expectAllOfficial(actor);
});
