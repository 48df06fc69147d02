// Steps of the broker, formidlingstjenesten (seed scenario 5; docs/contracts/dialogporten-broker.md §B):
// Kartverket's single resource for tinglysning, the system and system user that hold it, the system's
// token and sending, the PDP question, and Kartverket receiving, verifying and confirming the file.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Kartverket } from '../support/actors/kartverket.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import {
  acceptSystemUser,
  askPdpAboutTinglysing,
  confirmTinglysing,
  downloadTinglysing,
  ensureTinglysingSystemRegistered,
  fetchBrokerToken,
  listWaitingTransfers,
  obtainBrokerToken,
  prepareTinglysing,
  publishTinglysingResource,
  readSentTransfer,
  requestTinglysingSystemUser,
  sendTinglysing,
} from '../support/tasks/formidling.ts';
import {
  expectAllConfirmed,
  expectDownloadRefused,
  expectDownloadVerified,
  expectSendRefused,
  expectTransferFailed,
  expectTransferPublished,
  expectTransferWaiting,
} from '../support/expectations/formidling.ts';
import { expectScopedSystemUserToken } from '../support/expectations/systembrukertoken.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har definert enkeltrettigheten for tinglysning i formidlingstjenesten', async function (this: SamsvarWorld, kartverket: Actor) {
  await publishTinglysingResource(as(kartverket, Kartverket));
});

Given('at {aktør} har registrert et system for tinglysning som krever enkeltrettigheten til {aktør}', async function (this: SamsvarWorld, vendor: Actor, kartverket: Actor) {
  await as(kartverket, Kartverket).ready();
  await ensureTinglysingSystemRegistered(as(vendor, Vendor));
});

Given('at {aktør} har bedt {aktør} om å akseptere en systembruker med enkeltrettigheten for tinglysning', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await requestTinglysingSystemUser(as(vendor, Vendor), as(company, Company));
});

Given('at {aktør} ved {aktør} har akseptert opprettelsen av systembrukeren fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await acceptSystemUser(as(company, Company), as(person, Person), as(vendor, Vendor));
});

Given('at en bruker hos {aktør} bruker systemet til å sende en tinglysning til {aktør}', async function (this: SamsvarWorld, company: Actor, kartverket: Actor) {
  await prepareTinglysing(as(company, Company), as(kartverket, Kartverket));
  await this.outsideAltinn(`en bruker hos ${company.role} bruker systemet til å lage en tinglysning til ${kartverket.role}; systemet sender den i stegene som følger.`);
});

Given('at {aktør} har hentet systembrukertoken for formidlingstjenesten fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await obtainBrokerToken(as(vendor, Vendor), as(company, Company));
});

When('{aktør} henter systembrukertoken for formidlingstjenesten fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await fetchBrokerToken(as(vendor, Vendor), as(company, Company));
});

When(
  '{aktør} sender tinglysningen til {aktør} gjennom formidlingstjenesten med systembrukertokenet for {aktør}',
  async function (this: SamsvarWorld, vendor: Actor, kartverket: Actor, company: Actor) {
    await sendTinglysing(as(vendor, Vendor), as(kartverket, Kartverket), as(company, Company));
  },
);

When(
  '{aktør} sender tinglysningen til {aktør} gjennom formidlingstjenesten med systembrukertokenet for {aktør}, men filen blir endret underveis',
  async function (this: SamsvarWorld, vendor: Actor, kartverket: Actor, company: Actor) {
    await sendTinglysing(as(vendor, Vendor), as(kartverket, Kartverket), as(company, Company), { tamper: true });
  },
);

When(
  '{aktør} spør Altinn Autorisasjon om systembrukeren til {aktør} kan sende tinglysning for {aktør}',
  async function (this: SamsvarWorld, kartverket: Actor, systemUserOwner: Actor, party: Actor) {
    await askPdpAboutTinglysing(as(kartverket, Kartverket), as(systemUserOwner, Company), as(party, Company));
  },
);

When('{aktør} ser etter tinglysninger som venter på nedlasting i formidlingstjenesten', async function (this: SamsvarWorld, kartverket: Actor) {
  await listWaitingTransfers(as(kartverket, Kartverket));
});

When('{aktør} laster ned tinglysningen fra {aktør}', async function (this: SamsvarWorld, kartverket: Actor, company: Actor) {
  await downloadTinglysing(as(kartverket, Kartverket), as(company, Company));
});

When('{aktør} bekrefter nedlastingen av tinglysningen fra {aktør}', async function (this: SamsvarWorld, kartverket: Actor, company: Actor) {
  await confirmTinglysing(as(kartverket, Kartverket), as(company, Company));
});

Then('utsteder Maskinporten et systembrukertoken for formidlingstjenesten til {aktør} for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  const system = as(vendor, Vendor);
  const owner = as(company, Company);
  await expectScopedSystemUserToken(system, owner, system.customer(owner).fileTransfer?.token, 'SB-5.2');
});

Then(
  'tar formidlingstjenesten imot tinglysningen {aktør} sendte for {aktør}, og publiserer den for {aktør}',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, kartverket: Actor) {
    await readSentTransfer(as(vendor, Vendor), as(company, Company));
    expectTransferPublished(as(vendor, Vendor), as(company, Company), as(kartverket, Kartverket));
  },
);

Then('finner {aktør} tinglysningen fra {aktør} blant filene som venter på nedlasting', function (this: SamsvarWorld, kartverket: Actor, company: Actor) {
  expectTransferWaiting(as(kartverket, Kartverket), as(company, Company));
});

Then(
  'har {aktør} fått tinglysningen {aktør} sendte for {aktør}, med en sjekksum som stemmer',
  function (this: SamsvarWorld, kartverket: Actor, vendor: Actor, company: Actor) {
    expectDownloadVerified(as(kartverket, Kartverket), as(company, Company), as(vendor, Vendor));
  },
);

Then('er tinglysningen fra {aktør} bekreftet lastet ned av {aktør}, og dermed av alle mottakerne', function (this: SamsvarWorld, company: Actor, kartverket: Actor) {
  expectAllConfirmed(as(company, Company), as(kartverket, Kartverket));
});

Then('avviser formidlingstjenesten tinglysningen {aktør} sendte for {aktør}, med feilkoden {word}', function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  expectSendRefused(as(vendor, Vendor), as(company, Company), code);
});

Then('er tinglysningen {aktør} sendte for {aktør} feilet og aldri publisert', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readSentTransfer(as(vendor, Vendor), as(company, Company));
  expectTransferFailed(as(vendor, Vendor), as(company, Company));
});

Then('avviser formidlingstjenesten nedlastingen for {aktør} med feilkoden {word}', function (this: SamsvarWorld, kartverket: Actor, code: string) {
  expectDownloadRefused(as(kartverket, Kartverket), code);
});
