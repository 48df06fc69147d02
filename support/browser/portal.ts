// What a person does in a portal, independent of which portal it is. A portal *flavour* (the reference
// implementation's pages today; a real Altinn portal can get its own later) knows its pages: how to log
// in, where the buttons are, and how to read what a page shows. The tasks ask a flavour for an intent
// (answer a request, grant a package, add a client) and get back a PortalAnswer: what the person tried,
// whether the page offered it at all, and what the page showed afterwards. Then-steps judge that
// answer; nothing here decides whether the target conforms.

import type { Page } from 'playwright-core';
import { Broken, type ApiResponse } from '../clients/http.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import type { Person } from '../actors/person.ts';
import type { CookieJar, PortalClient } from '../clients/portal.ts';
import { referansePortal } from './pages/referanse/index.ts';

/** What a page shows, as the flavour reads it (the flavour maps its own texts to these). */
export type PageState =
  /** A request waiting for an answer, with its buttons. */
  | 'request'
  /** The receipt after approval: the system user exists. */
  | 'approved'
  /** The receipt after rejection. */
  | 'rejected'
  /** The request was answered before and cannot be answered again. */
  | 'already-answered'
  /** The person may read the request but not approve it (not an access manager in the party). */
  | 'not-access-manager'
  /** A package was granted to the other organisation. */
  | 'granted'
  | 'client-added'
  | 'client-removed'
  /** The page shows the platform's refusal, with its error code. */
  | 'refused'
  /** The browser is on another site than the portal (a redirect after an answer). */
  | 'left-portal'
  /** The portal's login page. */
  | 'login'
  | 'other';

/** What the page showed: enough for a Then-step to judge, and for the report to explain. */
export interface PageView {
  url: string;
  /** The page's main heading. */
  heading: string;
  /** Headings of the notices on the page (success, info, warning and error boxes). */
  notices: string[];
  /** Error codes the page shows (AUTH-00080, STD-00000, AM.VLD-00026, ...), in order. */
  errorCodes: string[];
  /** The line the codes came from, as shown. */
  errorText?: string;
  shows: PageState;
}

export interface PortalAnswer {
  /** The button or choice the person went for, as the page names it ("Godkjenn", "Legg til …"). */
  action: string;
  /** False when the page did not offer it at all (no such button or option): the person could not try. */
  offered: boolean;
  view: PageView;
}

/** A person in the portal: their page (own context), who they log in as, and where the portal is. */
export interface PersonInPortal {
  page: Page;
  pid: string;
  /** The target's `portal` endpoint. */
  portalUrl: string;
  /** Keeps a screenshot of the page as it is now for the step's evidence ("før «Godkjenn»"). */
  capture(label: string): Promise<void>;
}

/** An organisation as the portal pages address it. */
export interface PortalParty {
  orgNo: string;
  partyUuid: string;
  name: string;
}

/** An agent system user and the accountant that owns it. */
export interface PortalAgent {
  systemUserId: string;
  owner: PortalParty;
}

/** A person's portal session over plain HTTP: the client, the cookie jar and the portal's URL. */
export interface PortalHttp {
  client: PortalClient;
  jar: CookieJar;
  portalUrl: string;
}

/** The intents the features need from a portal. */
export interface PortalFlavour {
  readonly name: string;
  /** Opens a page of the portal (logging in on the way) and reads it. */
  openPage(who: PersonInPortal, url: string): Promise<PortalAnswer>;
  /** Logs out with the portal's own button. */
  logOut(who: PersonInPortal): Promise<PortalAnswer>;
  /** The portal's session over plain HTTP (--end-user api, and replaying a copied session). */
  readonly http: {
    /** Logs in, coming back to `url`. */
    logIn(http: PortalHttp, pid: string, url: string): Promise<void>;
    logOut(http: PortalHttp): Promise<ApiResponse<string>>;
    /** What the page a GET of `url` answered shows (a redirect to the login page: `login`). */
    shown(response: ApiResponse<string>, url: string, portalUrl: string): PageState;
  };
  /** Opens the request's confirmUrl (logging in on the way) and approves or rejects it. */
  answerRequest(who: PersonInPortal, confirmUrl: string, answer: 'approve' | 'reject'): Promise<PortalAnswer>;
  /** The customer's access manager names the organisation that becomes a rights holder. */
  nameRightHolder(who: PersonInPortal, customer: PortalParty, rightHolderOrgNo: string): Promise<PortalAnswer>;
  /** The customer's access manager gives the rights holder an access package (chosen by its name). */
  grantPackage(who: PersonInPortal, customer: PortalParty, rightHolderOrgNo: string, packageName: string): Promise<PortalAnswer>;
  /** The accountant's client administrator adds a client to the agent system user. */
  addClient(who: PersonInPortal, agent: PortalAgent, client: PortalParty): Promise<PortalAnswer>;
  /** The accountant's client administrator removes a client from the agent system user. */
  removeClient(who: PersonInPortal, agent: PortalAgent, client: PortalParty): Promise<PortalAnswer>;
}

/** Known flavours by name. A real Altinn portal gets its own folder under pages/ and an entry here. */
export const FLAVOURS: Readonly<Record<string, PortalFlavour>> = {
  referanse: referansePortal,
};

/** The flavour of the target's portal: SAMSVAR_PORTAL_FLAVOUR, by default the reference's own pages. */
export function portalFlavour(env: NodeJS.ProcessEnv = process.env): PortalFlavour {
  const name = env.SAMSVAR_PORTAL_FLAVOUR || 'referanse';
  const flavour = FLAVOURS[name];
  if (!flavour) throw new Broken(`Ukjent portalvariant «${name}» (SAMSVAR_PORTAL_FLAVOUR); kjente: ${Object.keys(FLAVOURS).join(', ')}.`);
  return flavour;
}

/** One line for messages and the report: heading, notices, error line and URL. */
export function describeView(view: PageView): string {
  const parts = [`«${view.heading || '(ingen overskrift)'}»`];
  const notices = view.notices.filter((n) => n !== view.heading);
  if (notices.length > 0) parts.push(`med ${notices.map((n) => `«${n}»`).join(', ')}`);
  if (view.errorText) parts.push(`(${view.errorText})`);
  parts.push(`på ${view.url}`);
  return parts.join(' ');
}

/**
 * A Given needs the person's action to succeed before the scenario can test what it is about: the
 * page must show one of `states`. Otherwise the scenario is not testable (like requireSuccess for
 * the API path), and the message says what the page showed.
 */
export function requireShown(answer: PortalAnswer, states: readonly PageState[], what: string): void {
  assertTestable(answer.offered, `${what} lyktes ikke: portalen tilbød ikke «${answer.action}». Siden viste ${describeView(answer.view)}.`);
  assertTestable(states.includes(answer.view.shows), `${what} lyktes ikke i portalen. Siden viste ${describeView(answer.view)}.`);
}

/** The person as the flavour needs them: their page (made on first use), pid and the portal's URL. */
export async function inPortal(person: Person): Promise<PersonInPortal> {
  return { page: await person.page(), pid: person.pid, portalUrl: person.portalUrl, capture: (label) => person.capture(label) };
}

/** What a person's action gave: the API's answer, or what the portal showed. */
export type PersonAnswer<T> = ApiResponse<T> | PortalAnswer;

export function isPortalAnswer(answer: PersonAnswer<unknown>): answer is PortalAnswer {
  return 'view' in answer && 'offered' in answer;
}

/** requireSuccess for either path: the API accepted it, or the portal showed one of `states`. */
export function requireDone(answer: PersonAnswer<unknown>, states: readonly PageState[], what: string, accepted: number[] = [200]): void {
  if (isPortalAnswer(answer)) requireShown(answer, states, what);
  else requireSuccess(answer, what, accepted);
}
