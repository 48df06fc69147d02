// Steps of the system register: the vendor registers its system with the rights the service needs,
// and the register refuses registrations that break its rules (docs/contracts/altinn-authentication.md §2).

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { ensureSystemRegistered, readOwnSystem, registerSystem, updateSystemRedirectUrls } from '../support/tasks/systemregister.ts';
import { insecureRedirectUrl } from '../support/tasks/systemuser.ts';
import { expectRedirectUrlsAsRegistered, expectSystemUpdateRefused } from '../support/expectations/redirect-urls.ts';
import { expectRegistered, expectRegistrationRefused, expectSystemAbsent, expectSystemReadBack } from '../support/expectations/systemregister.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har registrert et system som krever tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, code: string) {
  await ensureSystemRegistered(as(vendor, Vendor), [code]);
});

When('{aktør} registrerer et system som krever tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, code: string) {
  await registerSystem(as(vendor, Vendor), { packages: [code] });
});

When('{aktør} registrerer et system der leverandør-ID-en mangler ISO 6523-prefikset 0192', async function (this: SamsvarWorld, vendor: Actor) {
  await registerSystem(as(vendor, Vendor), { packages: ['merverdiavgift'], vendorIdWithoutPrefix: true });
});

When('{aktør} registrerer et system med en system-ID som ikke begynner med eget organisasjonsnummer', async function (this: SamsvarWorld, vendor: Actor) {
  await registerSystem(as(vendor, Vendor), { packages: ['merverdiavgift'], systemIdOfAnotherOrg: true });
});

When('{aktør} registrerer et system med en omdirigerings-URL som ikke bruker https', async function (this: SamsvarWorld, vendor: Actor) {
  await registerSystem(as(vendor, Vendor), { packages: ['merverdiavgift'], plainHttpRedirect: true });
});

When('{aktør} registrerer et system som krever en enkeltrettighet på ressursen {string}', async function (this: SamsvarWorld, vendor: Actor, resource: string) {
  await registerSystem(as(vendor, Vendor), { packages: ['merverdiavgift'], rightsOn: [resource] });
});

When('{aktør} endrer systemet slik at omdirigerings-URL-en har skjemaet {word}', async function (this: SamsvarWorld, vendor: Actor, scheme: string) {
  const v = as(vendor, Vendor);
  await updateSystemRedirectUrls(v, [insecureRedirectUrl(v, scheme)]);
});

Then('avviser systemregisteret endringen fra {aktør} med feilkoden {word}', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectSystemUpdateRefused(as(vendor, Vendor), code);
});

Then('{aktør} leser systemet tilbake med omdirigerings-URL-en det ble registrert med', async function (this: SamsvarWorld, actor: Actor) {
  const vendor = as(actor, Vendor);
  await readOwnSystem(vendor);
  expectRedirectUrlsAsRegistered(vendor);
});

Then('godtar systemregisteret registreringen fra {aktør}', function (this: SamsvarWorld, vendor: Actor) {
  expectRegistered(as(vendor, Vendor));
});

Then('avviser systemregisteret registreringen fra {aktør} med feilkoden {word}', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectRegistrationRefused(as(vendor, Vendor), code);
});

Then('{aktør} leser systemet tilbake med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, actor: Actor, code: string) {
  const vendor = as(actor, Vendor);
  await readOwnSystem(vendor);
  expectSystemReadBack(vendor, code);
});

Then('{aktør} finner ikke systemet i systemregisteret', async function (this: SamsvarWorld, actor: Actor) {
  const vendor = as(actor, Vendor);
  await readOwnSystem(vendor);
  expectSystemAbsent(vendor);
});
