// Steps of the system user lifecycle: acquisition, the vendor's request, the company's approval or
// rejection through its daglig leder, and the vendor's read-back (docs/contracts/altinn-authentication.md §3, §5).

import { Given, Then, When } from '@cucumber/cucumber';
import { as } from '../support/actors/cast.ts';
import { Company } from '../support/actors/company.ts';
import { Person } from '../support/actors/person.ts';
import { Vendor } from '../support/actors/vendor.ts';
import { requireSuccess } from '../support/assertions.ts';
import { describeSurface } from '../support/abilities/answer-requests.ts';
import { readSystemUserAsOwner } from '../support/tasks/changerequest.ts';
import { expectSystemUserPackages } from '../support/expectations/endringsforesporsel.ts';
import {
  acquireSystem,
  approveRequest,
  deleteRequest,
  deleteSystemUser,
  establishApproval,
  establishRejection,
  establishSystemUser,
  findSystemUser,
  insecureRedirectUrl,
  lookUpRequest,
  readRequestsBySystem,
  readRequest,
  registerBoardMember,
  registeredRedirectUrl,
  readBackDeletedSystemUser,
  rejectRequest,
  repeatRequest,
  requestSystemUser,
  unregisteredRedirectUrl,
} from '../support/tasks/systemuser.ts';
import {
  expectAlreadyAnswered,
  expectApprovalRefusedForRole,
  expectStandardDeleteOfAgentRefused,
  expectApproved,
  expectNoRequest,
  expectNoSystemUser,
  expectRejected,
  expectRequestDeleted,
  expectRequestPending,
  expectRequestRefused,
  expectRequestRefusedForExistingSystemUser,
  expectSameRequestAgain,
  expectStillPending,
  expectSystemUserDeleted,
  expectSystemUserFound,
} from '../support/expectations/systembruker.ts';
import { expectInsecureRedirectRefused, expectNoRequestOnSystem } from '../support/expectations/redirect-urls.ts';
import type { Actor } from '../support/actors/actor.ts';
import type { SamsvarWorld } from '../support/world.ts';

Given('at {aktør} har anskaffet systemet hos {aktør}', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  acquireSystem(as(company, Company), as(vendor, Vendor));
  await this.outsideAltinn(`${company.role} anskaffer systemet hos ${vendor.role} (en avtale mellom dem).`);
});

Given('{aktør} har ikke godkjent noen systembruker for systemet', async function (this: SamsvarWorld, company: Actor) {
  await as(company, Company).ready();
});

Given('at {aktør} har bedt om en systembruker for {aktør} med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  requireSuccess(await requestSystemUser(as(vendor, Vendor), as(company, Company), [code]), 'Forespørselen om systembruker', [201]);
});

Given('at {aktør} har godkjent en systembruker for systemet til {aktør} med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, company: Actor, vendor: Actor, code: string) {
  await establishSystemUser(as(company, Company), as(vendor, Vendor), [code]);
});

When('{aktør} ber om en systembruker for {aktør} med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  await requestSystemUser(as(vendor, Vendor), as(company, Company), [code]);
});

When('{aktør} sender den samme forespørselen for {aktør} på nytt', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await repeatRequest(as(vendor, Vendor), as(company, Company));
});

When('{aktør} ved {aktør} godkjenner forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await this.attach(describeSurface(await approveRequest(as(company, Company), as(person, Person), as(vendor, Vendor))), 'text/plain');
});

When('{aktør} ved {aktør} avviser forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await this.attach(describeSurface(await rejectRequest(as(company, Company), as(person, Person), as(vendor, Vendor))), 'text/plain');
});

Then('venter forespørselen fra {aktør} på godkjenning fra {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  const v = as(vendor, Vendor);
  const c = as(company, Company);
  // The write is read back (when it gave an id; without one the expectation fails on the answer itself).
  if (v.customer(c).request?.data?.id) await readRequest(v, c);
  expectRequestPending(v, c);
});

Then('får {aktør} den samme forespørselen tilbake for {aktør}', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectSameRequestAgain(as(vendor, Vendor), as(company, Company));
});

Then('er forespørselen fra {aktør} godkjent av {aktør} med tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  expectApproved(as(company, Company), as(vendor, Vendor), code);
});

Then('er forespørselen fra {aktør} avvist av {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  expectRejected(as(company, Company), as(vendor, Vendor));
});

Then('{aktør} finner systembrukeren til {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await findSystemUser(as(vendor, Vendor), as(company, Company));
  expectSystemUserFound(as(vendor, Vendor), as(company, Company));
});

/** SB-3.3 "nødvendige tilgangspakker tildeles": the owner reads its system user back with the package. */
Then('har systembrukeren til {aktør} fått tilgangspakken {tilgangspakke}', async function (this: SamsvarWorld, company: Actor, code: string) {
  await readSystemUserAsOwner(as(company, Company));
  expectSystemUserPackages(as(company, Company), [code], 'SB-3.3');
});

Then('{aktør} finner ingen systembruker for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await findSystemUser(as(vendor, Vendor), as(company, Company));
  expectNoSystemUser(as(vendor, Vendor), as(company, Company));
});

// ---- Refusals a person meets at the request (the same steps whether the person acts in the portal or through the API)

Given('at {aktør} er registrert i Enhetsregisteret som styremedlem i {aktør}', async function (this: SamsvarWorld, person: Actor, company: Actor) {
  await registerBoardMember(as(company, Company), as(person, Person));
});

Given('at {aktør} ved {aktør} har godkjent forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await establishApproval(as(company, Company), as(person, Person), as(vendor, Vendor));
});

Given('at {aktør} ved {aktør} har avvist forespørselen fra {aktør}', async function (this: SamsvarWorld, company: Actor, person: Actor, vendor: Actor) {
  await establishRejection(as(company, Company), as(person, Person), as(vendor, Vendor));
});

Given(
  'at {aktør} har bedt om en systembruker for {aktør} med tilgangspakken {tilgangspakke} og omdirigerings-URL-en systemet har registrert',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
    const v = as(vendor, Vendor);
    requireSuccess(await requestSystemUser(v, as(company, Company), [code], { redirectUrl: registeredRedirectUrl(v) }), 'Forespørselen om systembruker med omdirigerings-URL', [201]);
  },
);

When(
  '{aktør} ber om en systembruker for {aktør} med tilgangspakken {tilgangspakke} og en omdirigerings-URL systemet ikke har registrert',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
    const v = as(vendor, Vendor);
    await requestSystemUser(v, as(company, Company), [code], { redirectUrl: unregisteredRedirectUrl(v) });
  },
);

When(
  '{aktør} ber om en systembruker for {aktør} med tilgangspakken {tilgangspakke} og en omdirigerings-URL med skjemaet {word}',
  async function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string, scheme: string) {
    const v = as(vendor, Vendor);
    await requestSystemUser(v, as(company, Company), [code], { redirectUrl: insecureRedirectUrl(v, scheme) });
  },
);

Then('avvises forespørselen fra {aktør} for {aktør} med feilkoden {word} fordi omdirigerings-URL-en ikke er https', function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  expectInsecureRedirectRefused(as(vendor, Vendor), as(company, Company), code);
});

Then('{aktør} finner ingen forespørsel for {aktør} blant forespørslene på systemet', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readRequestsBySystem(as(vendor, Vendor), as(company, Company));
  expectNoRequestOnSystem(as(vendor, Vendor), as(company, Company));
});

Then('avviser Altinn godkjenningen fra {aktør}, som ikke er tilgangsstyrer i {aktør}', function (this: SamsvarWorld, person: Actor, company: Actor) {
  expectApprovalRefusedForRole(as(company, Company), as(person, Person));
});

Then('venter forespørselen fra {aktør} fortsatt på svar fra {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await readRequest(as(vendor, Vendor), as(company, Company));
  expectStillPending(as(vendor, Vendor), as(company, Company));
});

Then('avviser Altinn svaret fra {aktør} fordi forespørselen allerede er besvart', function (this: SamsvarWorld, company: Actor) {
  expectAlreadyAnswered(as(company, Company));
});

Then('avvises forespørselen fra {aktør} for {aktør} med feilkoden {word}', function (this: SamsvarWorld, vendor: Actor, company: Actor, code: string) {
  expectRequestRefused(as(vendor, Vendor), as(company, Company), code);
});

Then('{aktør} finner ingen forespørsel for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await lookUpRequest(as(vendor, Vendor), as(company, Company));
  expectNoRequest(as(vendor, Vendor), as(company, Company));
});

// ---- Deleting a system user (REQ-10, REQ-11): the customer's access manager deletes it through the end-user API

When('{aktør} ved daglig leder sletter systembrukeren/klientsystembrukeren fra {aktør}', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  const owner = as(company, Company);
  const answer = await deleteSystemUser(owner, owner.dagligLeder, as(vendor, Vendor));
  await this.attach(`Daglig leder i ${company.role} sletter systembrukeren via Altinns API for sluttbrukere: HTTP ${answer.status}.`, 'text/plain');
});

Then('er systembrukeren til {aktør} slettet, og {aktør} finner den ikke lenger', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  await readBackDeletedSystemUser(as(company, Company), as(vendor, Vendor));
  expectSystemUserDeleted(as(vendor, Vendor), as(company, Company));
});

When('{aktør} ved daglig leder sletter klientsystembrukeren fra {aktør} som om den var en standard systembruker', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  const owner = as(company, Company);
  const answer = await deleteSystemUser(owner, owner.dagligLeder, as(vendor, Vendor), 'standard');
  await this.attach(`Daglig leder i ${company.role} sletter klientsystembrukeren på ruten for standard systembrukere: HTTP ${answer.status}.`, 'text/plain');
});

Then('er klientsystembrukeren til {aktør} slettet med klientene, og {aktør} finner den ikke lenger', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  await readBackDeletedSystemUser(as(company, Company), as(vendor, Vendor));
  expectSystemUserDeleted(as(vendor, Vendor), as(company, Company), 'REQ-11');
});

Then('avviser Altinn slettingen fordi klientsystembrukeren til {aktør} ikke er en standard systembruker', function (this: SamsvarWorld, company: Actor) {
  expectStandardDeleteOfAgentRefused(as(company, Company));
});

Then('avvises forespørselen fra {aktør} fordi {aktør} allerede har en systembruker for systemet', function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  expectRequestRefusedForExistingSystemUser(as(vendor, Vendor), as(company, Company));
});

When('{aktør} sletter forespørselen for {aktør}', async function (this: SamsvarWorld, vendor: Actor, company: Actor) {
  await deleteRequest(as(vendor, Vendor), as(company, Company));
});

Then('er forespørselen for {aktør} slettet, og {aktør} finner den ikke lenger', async function (this: SamsvarWorld, company: Actor, vendor: Actor) {
  const v = as(vendor, Vendor);
  const c = as(company, Company);
  await readRequest(v, c);
  await lookUpRequest(v, c);
  expectRequestDeleted(v, c);
});
