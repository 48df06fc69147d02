// Steps of the agent (client) system user, klientsystembruker: the system it belongs to, the vendor's
// agent request, its approval by the accountant's daglig leder, the read-backs, the refusals, and what
// Altinn's package catalogue says about the packages an agent system user carries (docs/contracts/altinn-authentication.md
// §3, §5; docs/contracts/altinn-authorization.md §2.4–§2.5, §4.2).

import { Given, Then, When } from '@cucumber/cucumber';
import { describeSurface } from '../support/abilities/answer-requests.ts';
import { as } from '../support/actors/cast.ts';
import { Accountant } from '../support/actors/accountant.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { ensureSystemRegistered } from '../support/tasks/systemregister.ts';
import { findSystemUser } from '../support/tasks/systemuser.ts';
import {
  approveAgentRequest,
  establishAgentSystemUser,
  listAgentSystemUsers,
  lookUpAgentRequest,
  readAgentRequest,
  requestAgentSystemUser,
} from '../support/tasks/klientsystembruker.ts';
import {
  expectAccountantPackage,
  expectAgentListed,
  expectAgentRequestApproved,
  expectAgentRequestPending,
  expectAgentRequestRefused,
  expectAgentRequestRefusedForRights,
  expectAgentSystemUserFound,
  expectNoAgentRequest,
  expectPackageForUnregisteredAccountant,
} from '../support/expectations/klientsystembruker.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har registrert et system som krever tilgangspakkene {tilgangspakke} og {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, first: string, second: string) {
  await ensureSystemRegistered(as(vendor, Vendor), [first, second]);
});

Given(
  'at {aktør} har godkjent en klientsystembruker for systemet til {aktør} med tilgangspakken {tilgangspakke}',
  async function (this: SamsvarWorld, accountant: Actor, vendor: Actor, code: string) {
    await establishAgentSystemUser(as(accountant, Accountant), as(vendor, Vendor), [code]);
  },
);

Given(
  'at {aktør} har godkjent en klientsystembruker for systemet til {aktør} med tilgangspakkene {tilgangspakke} og {tilgangspakke}',
  async function (this: SamsvarWorld, accountant: Actor, vendor: Actor, first: string, second: string) {
    await establishAgentSystemUser(as(accountant, Accountant), as(vendor, Vendor), [first, second]);
  },
);

When('{aktør} ber om en klientsystembruker for {aktør} med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, accountant: Actor, code: string) {
  await requestAgentSystemUser(as(vendor, Vendor), as(accountant, Accountant), [code]);
});

When('{aktør} ber om en klientsystembruker for {aktør} uten tilgangspakker', async function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  await requestAgentSystemUser(as(vendor, Vendor), as(accountant, Accountant), []);
});

When(
  '{aktør} ber om en klientsystembruker for {aktør} med tilgangspakken {tilgangspakke} og en enkeltrettighet på ressursen {string}',
  async function (this: SamsvarWorld, vendor: Actor, accountant: Actor, code: string, resource: string) {
    await requestAgentSystemUser(as(vendor, Vendor), as(accountant, Accountant), [code], { rightsOn: [resource] });
  },
);

When('{aktør} ved daglig leder godkjenner forespørselen om klientsystembruker fra {aktør}', async function (this: SamsvarWorld, accountant: Actor, vendor: Actor) {
  await this.attach(describeSurface(await approveAgentRequest(as(accountant, Accountant), as(vendor, Vendor))), 'text/plain');
});

Then('venter forespørselen om klientsystembruker fra {aktør} på godkjenning fra {aktør}', function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  expectAgentRequestPending(as(vendor, Vendor), as(accountant, Accountant));
});

Then('er forespørselen om klientsystembruker fra {aktør} godkjent av {aktør}', async function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  await readAgentRequest(as(vendor, Vendor), as(accountant, Accountant));
  expectAgentRequestApproved(as(vendor, Vendor), as(accountant, Accountant));
});

Then('{aktør} finner klientsystembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  await findSystemUser(as(vendor, Vendor), as(accountant, Accountant));
  expectAgentSystemUserFound(as(vendor, Vendor), as(accountant, Accountant));
});

Then('{aktør} finner klientsystembrukeren med tilgangspakken {tilgangspakke} blant sine klientsystembrukere', async function (this: SamsvarWorld, accountant: Actor, code: string) {
  await listAgentSystemUsers(as(accountant, Accountant));
  expectAgentListed(as(accountant, Accountant), code);
});

Then(
  'avvises forespørselen om klientsystembruker fra {aktør} for {aktør} med feilkoden {word}',
  function (this: SamsvarWorld, vendor: Actor, accountant: Actor, code: string) {
    expectAgentRequestRefused(as(vendor, Vendor), as(accountant, Accountant), code);
  },
);

Then('avvises forespørselen om klientsystembruker fra {aktør} for {aktør} fordi den har enkeltrettigheter', function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  expectAgentRequestRefusedForRights(as(vendor, Vendor), as(accountant, Accountant));
});

Then('{aktør} finner ingen forespørsel om klientsystembruker for {aktør}', async function (this: SamsvarWorld, vendor: Actor, accountant: Actor) {
  await lookUpAgentRequest(as(vendor, Vendor), as(accountant, Accountant));
  expectNoAgentRequest(as(vendor, Vendor), as(accountant, Accountant));
});

Then('ser {aktør} at tilgangspakken {tilgangspakke} kan videredelegeres til en klientsystembruker, men ikke tildeles direkte', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectAccountantPackage(as(vendor, Vendor), code);
});

Then('ser {aktør} at tilgangspakken {tilgangspakke} kan tildeles en regnskapsfører og videredelegeres til en klientsystembruker', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectPackageForUnregisteredAccountant(as(vendor, Vendor), code);
});
