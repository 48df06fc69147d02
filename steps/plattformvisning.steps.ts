// Steps of the platform views (docs/contracts/platform-behaviour.md §2, §4): a person reads what the
// vendor's registered system asks for, and the vendor exchanges its Maskinporten token for an Altinn
// token that the platform APIs take.

import { Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { as } from '../support/actors/cast.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import {
  callPlatformWithExchanged, exchangeAttackToken, exchangeOwnToken, readSystemRightsAsVendor, readSystemViews,
  registeredSystemOf, unknownSystemId,
} from '../support/tasks/plattformvisning.ts';
import {
  expectEmptySystemViews, expectExchangedToken, expectExchangeRefused, expectPlatformAcceptsExchanged,
  expectSystemViewRefusedForVendor, expectSystemViewsAsRegistered,
} from '../support/expectations/plattformvisning.ts';
import type { TokenAttackName } from '../support/tasks/sikkerhet.ts';
import { noteRefusal, type Refusal } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When('{aktør} leser rettighetene og tilgangspakkene til systemet fra {aktør}', async function (this: SamsvarWorld, reader: Actor, owner: Actor) {
  await readSystemViews(as(reader, Person), registeredSystemOf(as(owner, Vendor)));
});

When('{aktør} leser rettighetene og tilgangspakkene til et system som ikke finnes hos {aktør}', async function (this: SamsvarWorld, reader: Actor, owner: Actor) {
  const vendor = as(owner, Vendor);
  await vendor.ready();
  await readSystemViews(as(reader, Person), unknownSystemId(vendor));
});

When('{aktør} leser rettighetene til sitt eget system med systemregister-tokenet sitt', async function (this: SamsvarWorld, actor: Actor) {
  await readSystemRightsAsVendor(as(actor, Vendor));
});

Then('ser {aktør} nøyaktig de rettighetene og tilgangspakkene {aktør} registrerte', function (this: SamsvarWorld, reader: Actor, owner: Actor) {
  const registered = as(owner, Vendor).notes.system;
  assert.ok(registered, 'Systemleverandøren har ikke registrert noe system i dette scenarioet.');
  expectSystemViewsAsRegistered(reader, registered);
});

Then('ser {aktør} ingen rettigheter og ingen tilgangspakker', function (this: SamsvarWorld, reader: Actor) {
  expectEmptySystemViews(reader);
});

Then('avviser systemregisteret sluttbrukervisningen for {aktør} {avvisning}', function (this: SamsvarWorld, actor: Actor, refusal: Refusal) {
  noteRefusal(this, refusal);
  expectSystemViewRefusedForVendor(as(actor, Vendor), refusal.status);
});

When('{aktør} veksler Maskinporten-tokenet sitt inn i et Altinn-token', async function (this: SamsvarWorld, actor: Actor) {
  await exchangeOwnToken(as(actor, Vendor));
});

When('{aktør} veksler {tokenangrep} inn i et Altinn-token', async function (this: SamsvarWorld, actor: Actor, attack: TokenAttackName) {
  await exchangeAttackToken(as(actor, Vendor), attack);
});

When('{aktør} kaller systemregisteret med det vekslede tokenet', async function (this: SamsvarWorld, actor: Actor) {
  await callPlatformWithExchanged(as(actor, Vendor));
});

Then('får {aktør} et Altinn-token signert med en nøkkel Altinn publiserer, med kravene fra Maskinporten-tokenet', async function (this: SamsvarWorld, actor: Actor) {
  await expectExchangedToken(as(actor, Vendor));
});

Then('godtar systemregisteret det vekslede tokenet fra {aktør}', function (this: SamsvarWorld, actor: Actor) {
  expectPlatformAcceptsExchanged(as(actor, Vendor));
});

Then('avviser tokenvekslingen tokenet fra {aktør} {avvisning}', function (this: SamsvarWorld, actor: Actor, refusal: Refusal) {
  noteRefusal(this, refusal);
  expectExchangeRefused(as(actor, Vendor), refusal.status);
});
