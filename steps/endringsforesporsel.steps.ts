// Steps of change requests on a standard system user (docs/contracts/change-requests.md): the vendor
// asks for a package to be added, the company's daglig leder approves or rejects it, and the system
// user's packages are read back by its owner.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { describeSurface } from '../support/abilities/answer-requests.ts';
import {
  answerChange,
  establishChangeRequest,
  readChangeRequest,
  readSystemUserAsOwner,
  repeatChangeWithSameCorrelationId,
  requestChange,
} from '../support/tasks/changerequest.ts';
import {
  expectChangeApproved,
  expectChangePending,
  expectChangeRefusedForOtherParty,
  expectChangeRejected,
  expectNoChangeNeeded,
  expectSameChangeAgain,
  expectSystemUserPackages,
} from '../support/expectations/endringsforesporsel.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When('{aktør} ber om at tilgangspakken {tilgangspakke} legges til systembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, code: string, company: Actor) {
  await requestChange(as(vendor, Vendor), as(company, Company), { required: [code] });
});

Given('at {aktør} har bedt om at tilgangspakken {tilgangspakke} legges til systembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, code: string, company: Actor) {
  await establishChangeRequest(as(vendor, Vendor), as(company, Company), { required: [code] });
});

When('{aktør} ber om en endring av systembrukeren til {aktør} uten noe å legge til eller fjerne', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await requestChange(as(vendor, Vendor), as(company, Company), {});
});

When(
  '{aktør} sender en annen endring for {aktør} med den samme korrelasjons-ID-en, der tilgangspakken {tilgangspakke} fjernes i stedet',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
    await repeatChangeWithSameCorrelationId(as(vendor, Vendor), as(company, Company), { unwanted: [code] });
  },
);

When('{aktør} ved {aktør} godkjenner endringsforespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await this.attach(describeSurface(await answerChange(as(company, Company), as(person, Person), as(vendor, Vendor), 'approve')), 'text/plain');
});

When('{aktør} ved {aktør} avviser endringsforespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await this.attach(describeSurface(await answerChange(as(company, Company), as(person, Person), as(vendor, Vendor), 'reject')), 'text/plain');
});

When(
  'daglig leder i {aktør} godkjenner endringsforespørselen fra {aktør} til {aktør} i navnet til sin egen virksomhet',
  async function (this: SamsvarWorld, other: Actor, vendor: Actor, company: Actor) {
    const otherCompany = as(other, Company);
    await otherCompany.ready();
    const answer = await answerChange(as(company, Company), otherCompany.dagligLeder, as(vendor, Vendor), 'approve', otherCompany);
    await this.attach(describeSurface(answer), 'text/plain');
  },
);

Then('venter endringsforespørselen fra {aktør} på godkjenning fra {aktør}', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectChangePending(as(vendor, Vendor), as(company, Company));
});

Then('er endringsforespørselen fra {aktør} godkjent av {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readChangeRequest(as(vendor, Vendor), as(company, Company));
  expectChangeApproved(as(vendor, Vendor), as(company, Company));
});

Then('er endringsforespørselen fra {aktør} avvist av {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readChangeRequest(as(vendor, Vendor), as(company, Company));
  expectChangeRejected(as(vendor, Vendor), as(company, Company));
});

Then('får {aktør} svar om at ingen endring trengs for systembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readChangeRequest(as(vendor, Vendor), as(company, Company));
  expectNoChangeNeeded(as(vendor, Vendor), as(company, Company));
});

Then('får {aktør} den samme endringsforespørselen tilbake for {aktør}', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectSameChangeAgain(as(vendor, Vendor), as(company, Company));
});

Then(
  'avviser Altinn godkjenningen fordi endringsforespørselen fra {aktør} gjelder {aktør}, og den venter fortsatt på svar',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
    await readChangeRequest(as(vendor, Vendor), as(company, Company));
    expectChangeRefusedForOtherParty(as(vendor, Vendor), as(company, Company));
  },
);

Then('har systembrukeren til {aktør} tilgangspakkene {tilgangspakke} og {tilgangspakke}', async function (this: SamsvarWorld, company: Actor, first: string, second: string) {
  await readSystemUserAsOwner(as(company, Company));
  expectSystemUserPackages(as(company, Company), [first, second], 'CR-2');
});

Then('har systembrukeren til {aktør} fortsatt bare tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, company: Actor, code: string) {
  const c = as(company, Company);
  await readSystemUserAsOwner(c);
  // After a rejection (CR-3), or after an answer the platform refused (CR-6).
  expectSystemUserPackages(c, [code], c.notes.change?.lastAnswer === 'rejection' ? 'CR-3' : 'CR-6');
});
