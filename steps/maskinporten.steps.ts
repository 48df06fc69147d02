// Steps of the system user token: the system asks Maskinporten for a token for a customer, and holds
// tokens Maskinporten would never give for the refusal scenarios (docs/contracts/altinn-authentication.md §6).

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { fetchSystemUserToken, obtainExpiredToken, obtainForeignSignedToken, obtainSystemUserToken } from '../support/tasks/maskinporten.ts';
import { expectSystemUserToken, expectTokenRefused } from '../support/expectations/maskinporten.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har hentet systembrukertoken fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await obtainSystemUserToken(as(vendor, Vendor), as(company, Company));
});

Given('at {aktør} har et utløpt systembrukertoken for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await obtainExpiredToken(as(vendor, Vendor), as(company, Company));
});

Given('at {aktør} har et systembrukertoken for {aktør} som er signert av en annen enn Maskinporten', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await obtainForeignSignedToken(as(vendor, Vendor), as(company, Company));
});

When('{aktør} henter systembrukertoken fra Maskinporten for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await fetchSystemUserToken(as(vendor, Vendor), as(company, Company));
});

Then('utsteder Maskinporten et systembrukertoken til {aktør} for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await expectSystemUserToken(as(vendor, Vendor), as(company, Company));
});

Then(
  'avviser Maskinporten tokenforespørselen fra {aktør} for {aktør} med feilen {string} og feilkoden {word}',
  function (this: SamsvarWorld, vendor: Actor, company: Actor, error: string, mpId: string) {
    expectTokenRefused(as(vendor, Vendor), as(company, Company), error, mpId);
  },
);
