// Steps of Register's privacy checks (features/sikkerhet/register-personvern.feature): callers who may
// not see a person's party look it up in Register and must be refused, without the identity number.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { personIsInRegister, personLooksUpPerson, systemUserLooksUpPerson, vendorLooksUpPerson } from '../support/tasks/register.ts';
import { expectPartyLookupRefused } from '../support/expectations/register.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

/** The person whose party is read: the daglig leder of the unrelated company. */
function otherDagligLeder(world: SamsvarWorld): Person {
  return world.actors.company('den andre virksomheten').dagligLeder;
}

Given('at daglig leder i den andre virksomheten finnes i Register', async function (this: SamsvarWorld) {
  await personIsInRegister(otherDagligLeder(this));
});

When('{aktør} slår opp daglig leder i den andre virksomheten i Register med et vanlig token fra Maskinporten', async function (this: SamsvarWorld, vendor: Actor) {
  await vendorLooksUpPerson(as(vendor, Vendor), otherDagligLeder(this));
});

When('{aktør} slår opp daglig leder i den andre virksomheten i Register med systembrukertokenet for virksomheten', async function (this: SamsvarWorld, vendor: Actor) {
  await systemUserLooksUpPerson(as(vendor, Vendor), this.actors.company('virksomheten'), otherDagligLeder(this));
});

When('{aktør} slår opp daglig leder i den andre virksomheten i Register med sitt eget token', async function (this: SamsvarWorld, reader: Actor) {
  await personLooksUpPerson(as(reader, Person), otherDagligLeder(this));
});

Then('avviser Register oppslagene fra {aktør} uten å gi ut fødselsnummeret eller navnet til personen', function (this: SamsvarWorld, reader: Actor) {
  expectPartyLookupRefused(reader);
});
