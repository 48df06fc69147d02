// Steps of the attack battery (features/sikkerhet/angrep-*.feature): the system sends Maskinporten
// grants with one thing wrong, and calls the protected APIs with tokens that must not be accepted.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { callWithAttackToken, holdAcceptedToken, sendGrantAttack, type GrantAttackName, type ProtectedApiName, type TokenAttackName } from '../support/tasks/sikkerhet.ts';
import { expectCallRefused, expectGrantRefused } from '../support/expectations/sikkerhet.ts';
import { noteRefusal, type Refusal } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When('{aktør} sender Maskinporten en grant for {aktør} med {grantangrep}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, attack: GrantAttackName) {
  await sendGrantAttack(as(vendor, Vendor), as(company, Company), attack);
});

Then(
  'avviser Maskinporten granten fra {aktør} med feilen {string} og feilkoden {word}, og utsteder intet token',
  function (this: SamsvarWorld, vendor: Actor, error: string, mpId: string) {
    expectGrantRefused(as(vendor, Vendor), error, mpId);
  },
);

Given('at {aktør} har et token fra Maskinporten som {api} godtar', async function (this: SamsvarWorld, vendor: Actor, api: ProtectedApiName) {
  await holdAcceptedToken(as(vendor, Vendor), api);
});

Given(
  'at {aktør} har et systembrukertoken fra Maskinporten for {aktør} som {api} godtar',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, api: ProtectedApiName) {
    await holdAcceptedToken(as(vendor, Vendor), api, as(company, Company));
  },
);

When('{aktør} kaller {api} på nytt med {tokenangrep}', async function (this: SamsvarWorld, vendor: Actor, api: ProtectedApiName, attack: TokenAttackName) {
  await callWithAttackToken(as(vendor, Vendor), api, attack);
});

Then('avviser {api} kallet fra {aktør} {avvisning}', function (this: SamsvarWorld, api: ProtectedApiName, vendor: Actor, refusal: Refusal) {
  noteRefusal(this, refusal);
  expectCallRefused(as(vendor, Vendor), api, refusal);
});
