// Steps of the system user lifecycle: acquisition, the vendor's request, the company's approval or
// rejection through its daglig leder, and the vendor's read-back (contracts authentication §3, §5).

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { requireSuccess } from '../support/assertions.ts';
import {
  acquireSystem,
  approveRequest,
  establishSystemUser,
  findSystemUser,
  readRequest,
  rejectRequest,
  repeatRequest,
  requestSystemUser,
} from '../support/tasks/systemuser.ts';
import {
  expectApproved,
  expectNoSystemUser,
  expectRejected,
  expectRequestPending,
  expectSameRequestAgain,
  expectSystemUserFound,
} from '../support/expectations/systembruker.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har anskaffet systemet hos {aktør}', function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  acquireSystem(as(company, Company), as(vendor, Vendor));
});

Given('{aktør} har ikke godkjent noen systembruker for systemet', async function (this: SamsvarWorld, company: Actor) {
  await as(company, Company).ready();
});

Given('at {aktør} har bedt om en systembruker for {aktør} med tilgangspakken {string}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  requireSuccess(await requestSystemUser(as(vendor, Vendor), as(company, Company), [code]), 'Forespørselen om systembruker', [201]);
});

Given('at {aktør} har godkjent en systembruker for systemet til {aktør} med tilgangspakken {string}', async function (this: SamsvarWorld, company: Actor, vendor: Actor, code: string) {
  await establishSystemUser(as(company, Company), as(vendor, Vendor), [code]);
});

When('{aktør} ber om en systembruker for {aktør} med tilgangspakken {string}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  await requestSystemUser(as(vendor, Vendor), as(company, Company), [code]);
});

When('{aktør} sender den samme forespørselen for {aktør} på nytt', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await repeatRequest(as(vendor, Vendor), as(company, Company));
});

When('{aktør} ved {aktør} godkjenner forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await approveRequest(as(company, Company), as(person, Person), as(vendor, Vendor));
});

When('{aktør} ved {aktør} avviser forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await rejectRequest(as(company, Company), as(person, Person), as(vendor, Vendor));
});

Then('venter forespørselen fra {aktør} på godkjenning fra {aktør}', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectRequestPending(as(vendor, Vendor), as(company, Company));
});

Then('får {aktør} den samme forespørselen tilbake for {aktør}', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectSameRequestAgain(as(vendor, Vendor), as(company, Company));
});

Then('er forespørselen fra {aktør} godkjent av {aktør} med tilgangspakken {string}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  expectApproved(as(company, Company), as(vendor, Vendor), code);
});

Then('er forespørselen fra {aktør} avvist av {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  expectRejected(as(company, Company), as(vendor, Vendor));
});

Then('{aktør} finner systembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await findSystemUser(as(vendor, Vendor), as(company, Company));
  expectSystemUserFound(as(vendor, Vendor), as(company, Company));
});

Then('{aktør} finner ingen systembruker for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await findSystemUser(as(vendor, Vendor), as(company, Company));
  expectNoSystemUser(as(vendor, Vendor), as(company, Company));
});
