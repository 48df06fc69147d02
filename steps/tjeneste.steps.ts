// Steps of the service API (the MVA sample service): the system sends a report with a system user
// token, and the service accepts it with a receipt or refuses it (docs/samsvar-apis.md §3).

import { Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { submitVatReport } from '../support/tasks/tjeneste.ts';
import { expectPdpAsked, expectReceipt, expectReportRefused, expectReportRefusedForToken } from '../support/expectations/tjeneste.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import { noteDecision, type Decision } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

When('{aktør} sender MVA-rapport for {aktør} til tjeneste-API-et', async function (this: SamsvarWorld, vendor: Actor, party: Actor) {
  await submitVatReport(as(vendor, Vendor), as(party, Company));
});

When(
  '{aktør} sender MVA-rapport for {aktør} med systembrukertokenet for {aktør}',
  async function (this: SamsvarWorld, vendor: Actor, party: Actor, tokenOwner: Actor) {
    await submitVatReport(as(vendor, Vendor), as(party, Company), as(tokenOwner, Company));
  },
);

Then('godtar tjeneste-API-et rapporten fra {aktør} for {aktør} og returnerer en bekreftelse', function (this: SamsvarWorld, vendor: Actor, party: Actor) {
  expectReceipt(as(vendor, Vendor), as(party, Company));
});

Then('avviser tjeneste-API-et rapporten fra {aktør} for {aktør} med feilkoden {word}', function (this: SamsvarWorld, vendor: Actor, party: Actor, code: string) {
  expectReportRefused(as(vendor, Vendor), as(party, Company), code);
});

Then('avviser tjeneste-API-et rapporten fra {aktør} for {aktør} fordi tokenet ikke er gyldig', function (this: SamsvarWorld, vendor: Actor, party: Actor) {
  expectReportRefusedForToken(as(vendor, Vendor), as(party, Company));
});

Then(
  '{aktør} ser i beslutningsloggen til Altinn Autorisasjon at tjeneste-API-et spurte om systembrukeren i rapporten fra {aktør} kan skrive MVA-rapport for {aktør}, og fikk svaret at systembrukeren {beslutning}',
  async function (this: SamsvarWorld, owner: Actor, vendor: Actor, party: Actor, decision: Decision) {
    noteDecision(this, decision);
    await expectPdpAsked(as(owner, ServiceOwner), as(vendor, Vendor), as(party, Company), decision.xacml, this.actors.suiteClientIds());
  },
);
