// Steps of a person answering a request in the name of another party than the request's (BFF-1,
// docs/contracts/am-bff.md): the answer goes over HTTP, to the Access Management BFF when the target
// declares it, else to Authentication's end-user routes.

import { Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { describeSurface } from '../support/abilities/answer-requests.ts';
import { expectRefusedForOtherParty } from '../support/expectations/bff.ts';
import { approveRequestInNameOf, findSystemUser, readRequest } from '../support/tasks/systemuser.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When(
  'daglig leder i {aktør} godkjenner forespørselen fra {aktør} til {aktør} i navnet til sin egen virksomhet',
  async function (this: SamsvarWorld, other: Actor, vendor: Actor, company: Actor) {
    const otherCompany = as(other, Company);
    await otherCompany.ready();
    const answer = await approveRequestInNameOf(as(company, Company), otherCompany.dagligLeder, as(vendor, Vendor), otherCompany);
    await this.attach(describeSurface(answer), 'text/plain');
  },
);

Then(
  'avviser Altinn godkjenningen fordi forespørselen fra {aktør} gjelder {aktør}, og forespørselen venter fortsatt uten systembruker',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
    await readRequest(as(vendor, Vendor), as(company, Company));
    await findSystemUser(as(vendor, Vendor), as(company, Company));
    expectRefusedForOtherParty(as(company, Company), as(vendor, Vendor));
  },
);
