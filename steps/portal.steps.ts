// Steps of what a person sees in the target's portal (docs/contracts/altinn-authentication.md §3.1–§3.2: confirmUrl
// and redirectUrl). The person's actions themselves (approve, reject, grant, add and remove clients)
// are the ordinary steps of their domains; their tasks choose the browser or the API.

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { readRequest } from '../support/tasks/systemuser.ts';
import { logInAndOpenRequest, logOutOfPortal, replayOldSession } from '../support/tasks/portal-session.ts';
import { expectSentToRedirectUrl } from '../support/expectations/systembruker.ts';
import { expectOldSessionEnded } from '../support/expectations/portal-session.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Then('sendes {aktør} tilbake til {aktør} på omdirigerings-URL-en fra forespørselen', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  this.log(expectSentToRedirectUrl(as(company, Company), as(vendor, Vendor)));
});

// ---- The person's session in the portal (UI-5)

Given('at {aktør} har logget inn i portalen og åpnet forespørselen fra {aktør} til {aktør}', async function (this: SamsvarWorld, person: Actor, vendor: Actor, company: Actor) {
  await logInAndOpenRequest(as(person, Person), as(company, Company), as(vendor, Vendor));
});

When('{aktør} logger ut av portalen', async function (this: SamsvarWorld, person: Actor) {
  await logOutOfPortal(as(person, Person));
});

Then('åpner den gamle økten til {aktør} ikke lenger portalen', async function (this: SamsvarWorld, person: Actor) {
  await replayOldSession(as(person, Person));
  expectOldSessionEnded(as(person, Person));
});
