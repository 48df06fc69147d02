// Steps of what a person sees in the target's portal (contracts authentication §3.1–§3.2: confirmUrl
// and redirectUrl). The person's actions themselves (approve, reject, grant, add and remove clients)
// are the ordinary steps of their domains; their tasks choose the browser or the API.

import { Then } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { readRequest } from '../support/tasks/systemuser.ts';
import { expectSentToRedirectUrl } from '../support/expectations/systembruker.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Then('sendes {aktør} tilbake til {aktør} på omdirigerings-URL-en fra forespørselen', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  this.log(expectSentToRedirectUrl(as(company, Company), as(vendor, Vendor)));
});
