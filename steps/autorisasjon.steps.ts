// Steps of rights and authorization: the service owner's resource and policy, Altinn's access package
// catalogue, the PDP the service owner asks directly (docs/contracts/altinn-authorization.md §1, §2, §6), and what
// the PDP's decision log shows the service the system called asked it (docs/contracts/pep.md).

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { ServiceOwner } from '../support/actors/service-owner.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { Person } from '../support/actors/person.ts';
import { expectPersonDecision } from '../support/expectations/dialogporten-person.ts';
import { askPdp, lookUpAccessPackage, publishMvaResource, readServiceRights } from '../support/tasks/autorisasjon.ts';
import { expectDecision, expectPackageAssignable, expectPackageDescribed, expectPackageUnknown, expectPolicyRequiresPackage } from '../support/expectations/autorisasjon.ts';
import { decisionLogOffered, expectedQuestion, expectServiceAskedPdp, unobservableNote, type PepService } from '../support/expectations/beslutningslogg.ts';
import { noteDecision, type Decision } from '../support/answer-words.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har inkludert MVA-rapportering i tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, owner: Actor, code: string) {
  await publishMvaResource(as(owner, ServiceOwner), code);
});

When('{aktør} leser ressursen for MVA-rapportering i ressursregisteret', async function (this: SamsvarWorld, vendor: Actor) {
  await readServiceRights(as(vendor, Vendor));
});

When('{aktør} slår opp tilgangspakken {tilgangspakke} i Altinns tilgangspakkekatalog', async function (this: SamsvarWorld, vendor: Actor, code: string) {
  await lookUpAccessPackage(as(vendor, Vendor), code);
});

When(
  '{aktør} spør Altinn Autorisasjon om systembrukeren til {aktør} kan rapportere MVA for {aktør}',
  async function (this: SamsvarWorld, owner: Actor, systemUserOwner: Actor, party: Actor) {
    await askPdp(as(owner, ServiceOwner), as(systemUserOwner, Company), as(party, Company), 'write');
  },
);

Then('ser {aktør} at ressursens policy krever tilgangspakken {tilgangspakke} for handlingen {string}', function (this: SamsvarWorld, vendor: Actor, code: string, action: string) {
  expectPolicyRequiresPackage(as(vendor, Vendor), code, action);
});

Then('ser {aktør} at Altinns tilgangspakkekatalog beskriver tilgangspakken {tilgangspakke}', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectPackageDescribed(as(vendor, Vendor), code);
});

Then('ser {aktør} at Altinns tilgangspakkekatalog ikke har tilgangspakken {tilgangspakke}', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectPackageUnknown(as(vendor, Vendor), code);
});

Then('ser {aktør} at tilgangspakken {tilgangspakke} kan tildeles direkte til en systembruker', function (this: SamsvarWorld, vendor: Actor, code: string) {
  expectPackageAssignable(as(vendor, Vendor), code);
});

Then('svarer Altinn Autorisasjon {aktør} at systembrukeren {beslutning}', function (this: SamsvarWorld, owner: Actor, decision: Decision) {
  noteDecision(this, decision);
  expectDecision(as(owner, ServiceOwner), decision.xacml);
});

// A person asks with their own Altinn token about themselves (PDP-5, PDP-6).
Then('svarer Altinn Autorisasjon {aktør} at {aktør} {beslutning}', function (this: SamsvarWorld, asker: Actor, subject: Actor, decision: Decision) {
  assert.equal(subject, asker, `En person spør Altinn Autorisasjon om sin egen tilgang: ${asker.role} spurte, så svaret gjelder ${asker.role}, ikke ${subject.role}.`);
  noteDecision(this, decision);
  expectPersonDecision(as(asker, Person), decision.xacml);
});

/**
 * PEP-1: the service the system called asked Altinn Authorization itself, and was given access. Read
 * from the decision log where the target offers one; elsewhere the step says in the report that the
 * decision cannot be observed and names the @negativ scenarios that prove it from the outside.
 */
async function observeAccessGiven(world: SamsvarWorld, service: PepService, reader: ServiceOwner, systemUserOwner: Actor, party: Actor): Promise<void> {
  const question = expectedQuestion(service, world.actors.vendor(), as(systemUserOwner, Company), as(party, Company), world.actors.suiteClientIds());
  if (!decisionLogOffered(world.profile)) {
    const note = unobservableNote(world.profile, service, 'PEP-1');
    await world.attach(note, { mediaType: 'text/plain', fileName: 'Ikke observert: beslutningen til Altinn Autorisasjon' });
    world.log(note);
    return;
  }
  await expectServiceAskedPdp(reader, question, 'Permit', 'PEP-1');
}

Then(
  'validerer Altinn Autorisasjon tilgangen når tjeneste-API-et spør om systembrukeren til {aktør} kan rapportere MVA for {aktør}, og gir tilgang',
  async function (this: SamsvarWorld, systemUserOwner: Actor, party: Actor) {
    await observeAccessGiven(this, 'mva', this.actors.serviceOwner(), systemUserOwner, party);
  },
);

Then(
  'validerer Altinn Autorisasjon tilgangen når Dialogporten spør om systembrukeren til {aktør} kan lese meldingene til {aktør}, og gir tilgang',
  async function (this: SamsvarWorld, systemUserOwner: Actor, party: Actor) {
    await observeAccessGiven(this, 'dialogporten', this.actors.serviceOwner(), systemUserOwner, party);
  },
);

Then(
  'gir Altinn Autorisasjon tilgang ut fra delegeringen fra opprettelsen av systembrukeren, når formidlingstjenesten spør om systembrukeren til {aktør} kan sende tinglysning for {aktør}',
  async function (this: SamsvarWorld, systemUserOwner: Actor, party: Actor) {
    await observeAccessGiven(this, 'broker', this.actors.kartverket(), systemUserOwner, party);
  },
);
