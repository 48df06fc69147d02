// Steps of rights and authorization: the service owner's resource and policy, Altinn's access package
// catalogue, and the PDP the service owner asks directly (contracts authorization §1, §2, §6).

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { askPdp, lookUpAccessPackage, publishMvaResource, readServiceRights } from '../support/tasks/autorisasjon.ts';
import { expectDecision, expectPackageAssignable, expectPolicyRequiresPackage } from '../support/expectations/autorisasjon.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har inkludert MVA-rapportering i tilgangspakken {string}', async function (this: SamsvarWorld, owner: Actor, code: string) {
  await publishMvaResource(as(owner, ServiceOwner), code);
});

When('{aktør} leser ressursen for MVA-rapportering i ressursregisteret', async function (this: SamsvarWorld, vendor: Actor) {
  await readServiceRights(as(vendor, Vendor));
});

When('{aktør} slår opp tilgangspakken {string} i Altinns tilgangspakkekatalog', async function (this: SamsvarWorld, vendor: Actor, code: string) {
  await lookUpAccessPackage(as(vendor, Vendor), code);
});

When(
  '{aktør} spør Altinn Autorisasjon om systembrukeren til {aktør} kan rapportere MVA for {aktør}',
  async function (this: SamsvarWorld, owner: Actor, systemUserOwner: Actor, party: Actor) {
    await askPdp(as(owner, ServiceOwner), as(systemUserOwner, Company), as(party, Company), 'write');
  },
);

Then('ser {aktør} at ressursens policy krever tilgangspakken {string} for handlingen {string}', function (this: SamsvarWorld, vendor: Actor, code: string, action: string) {
  expectPolicyRequiresPackage(as(vendor, Vendor), code, action);
});

Then('ser {aktør} at tilgangspakken {string} kan tildeles direkte til en systembruker', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectPackageAssignable(as(vendor, Vendor), code);
});

Then('svarer Altinn Autorisasjon {aktør} med beslutningen {string}', function (this: SamsvarWorld, owner: Actor, decision: string) {
  expectDecision(as(owner, ServiceOwner), decision);
});
