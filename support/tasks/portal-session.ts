// The person's portal session (UI-5): log in and open the request, copy the session (the cookies the
// portal set), log out, and replay the copy. In the browser the person logs in and out with the
// portal's own pages and the copy is taken from the browser context; with --end-user api the person
// does the same over plain HTTP with the portal's forms. The copy is always replayed over HTTP as a
// fresh browser would send it: the Then-step reads what the portal answered.

import { assertTestable } from '../assertions.ts';
import { CookieJar } from '../clients/portal.ts';
import { confirmUrlFor } from './systemuser.ts';
import { describeView, inPortal, portalFlavour, requireShown, type PortalHttp } from '../browser/portal.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

const sessions = new WeakMap<Person, PortalHttp>();

function overHttp(person: Person): PortalHttp {
  let http = sessions.get(person);
  if (!http) {
    http = { client: person.portalPages, jar: new CookieJar(), portalUrl: person.portalUrl };
    sessions.set(person, http);
  }
  return http;
}

/** GET of the page with a copied session's cookies, as a fresh browser holding only those would send it. */
function replay(person: Person, url: string, cookies: string) {
  return person.portalPages.page(url, cookies);
}

/** Given: the person has logged in to the portal and opened the vendor's request; the session is copied and shown to open it. */
export async function logInAndOpenRequest(person: Person, company: Company, vendor: Vendor): Promise<void> {
  await Promise.all([person.ready(), company.ready(), vendor.ready()]);
  const url = confirmUrlFor(vendor.customer(company).request?.data, company);
  const flavour = portalFlavour();
  let cookies: string;
  if (person.actsInBrowser) {
    const who = await inPortal(person);
    requireShown(await flavour.openPage(who, url), ['request', 'not-access-manager'], `At ${person.role} åpnet forespørselen i portalen`);
    const jar = await who.page.context().cookies(person.portalUrl);
    cookies = jar.map((c) => `${c.name}=${c.value}`).join('; ');
  } else {
    const http = overHttp(person);
    await flavour.http.logIn(http, person.pid, url);
    cookies = http.jar.header();
  }
  assertTestable(cookies !== '', `portalen holder ikke økten til ${person.role} i informasjonskapsler, så en kopi av økten kan ikke prøves.`);
  const before = await replay(person, url, cookies);
  const shows = flavour.http.shown(before, url, person.portalUrl);
  assertTestable(shows === 'request', `en kopi av økten til ${person.role} åpnet ikke forespørselen før utlogging (portalen svarte ${before.status}, ${shows}), så kopien sier ingenting om utloggingen.`);
  person.notes.portalSession = { url, cookies, before };
}

/** When: the person logs out of the portal (its own button in the browser, its form over HTTP). */
export async function logOutOfPortal(person: Person): Promise<void> {
  const flavour = portalFlavour();
  if (person.actsInBrowser) {
    const out = await flavour.logOut(await inPortal(person));
    assertTestable(out.offered, `portalen tilbød ikke «Logg ut». Siden viste ${describeView(out.view)}.`);
    return;
  }
  const response = await flavour.http.logOut(overHttp(person));
  assertTestable(response.status < 400, `utloggingen ble avvist: ${response.status} ${response.text.slice(0, 200)}`);
}

/** The copied session after logout: the same request page, with the same cookies (a question). */
export async function replayOldSession(person: Person): Promise<void> {
  const session = person.notes.portalSession;
  assertTestable(session, `${person.role} har ingen kopi av økten i portalen i dette scenarioet.`);
  session.after = await replay(person, session.url, session.cookies);
}
