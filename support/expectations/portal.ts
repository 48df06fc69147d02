// What a conforming portal shows a person (the browser path of the person's actions). Then-steps call
// these with the PortalAnswer a task noted: what the person tried, whether the page offered it, and
// what the page showed afterwards (a flavour reads its own page texts into PageView.shows). Every
// message names the requirement and says what the page showed; the screenshot is under the step
// that acted.

import assert from 'node:assert/strict';
import { describeView, type PageState, type PortalAnswer } from '../browser/portal.ts';

const STATE_WORDS: Record<PageState, string> = {
  request: 'forespørselen med knappene',
  approved: 'kvitteringen for at systembrukeren er opprettet',
  rejected: 'kvitteringen for at forespørselen er avvist',
  'already-answered': 'at forespørselen allerede er besvart',
  'not-access-manager': 'at personen ikke kan godkjenne (ikke tilgangsstyrer)',
  granted: 'at tilgangspakken er gitt',
  'client-added': 'at klienten er lagt til',
  'client-removed': 'at klienten er fjernet',
  refused: 'plattformens avvisning med feilkode',
  'left-portal': 'en side utenfor portalen',
  login: 'innloggingen',
  other: 'en side uten utfall',
};

function words(states: readonly PageState[]): string {
  return states.map((s) => STATE_WORDS[s]).join(' eller ');
}

function noted(answer: PortalAnswer | undefined, what: string): PortalAnswer {
  assert.ok(answer, `Ingen handling i portalen er registrert for dette (${what}).`);
  return answer;
}

/** The person's action went through, and the page shows one of `states`. */
export function expectShown(answer: PortalAnswer | undefined, states: readonly PageState[], krav: string, what: string): void {
  const a = noted(answer, what);
  assert.ok(a.offered, `[${krav}] ${what}: portalen tilbød ikke «${a.action}». Siden viste ${describeView(a.view)}.`);
  assert.ok(states.includes(a.view.shows), `[${krav}] ${what}: portalen skulle vise ${words(states)}, men viste ${describeView(a.view)}.`);
}

/** Two URLs name the same page (scheme, host, port, path and query; the fragment never reaches a server). */
export function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname && x.search === y.search;
  } catch {
    return a === b;
  }
}

/**
 * A request answered in the portal: the browser went on to the request's redirectUrl when it had one
 * (docs/contracts/altinn-authentication.md §3.2: the vendor's page, which the system registered), otherwise the
 * portal shows its receipt.
 */
export function expectAnsweredInPortal(
  answer: PortalAnswer | undefined,
  outcome: 'approved' | 'rejected',
  redirectUrl: string | undefined,
  krav: string,
  what: string,
): void {
  const a = noted(answer, what);
  assert.ok(a.offered, `[${krav}] ${what}: portalen tilbød ikke «${a.action}». Siden viste ${describeView(a.view)}.`);
  if (redirectUrl) {
    assert.ok(
      a.view.shows === 'left-portal' && sameUrl(a.view.url, redirectUrl),
      `[${krav}] ${what}: nettleseren skulle sendes videre til forespørselens redirectUrl ${redirectUrl}, men viste ${describeView(a.view)}.`,
    );
    return;
  }
  assert.equal(a.view.shows, outcome, `[${krav}] ${what}: portalen skulle vise ${STATE_WORDS[outcome]}, men viste ${describeView(a.view)}.`);
}

/**
 * A refusal the person meets in the portal, checked, never assumed. Either the person tried and the
 * page shows the platform's refusal, with `code` among its codes when one is given; or the page did
 * not offer the action, and then the page itself must explain the refusal: as one of the `explained`
 * states when those are given (UI-1: the page says the person is no access manager), and with `code`
 * among the codes it shows when a code is given. A missing button alone is never a refusal: a page
 * that hides an action without saying why could hide it for any reason, so that fails the
 * requirement.
 */
export function expectRefusedInPortal(
  answer: PortalAnswer | undefined,
  options: { code?: string; explained?: readonly PageState[] },
  krav: string,
  what: string,
): void {
  const a = noted(answer, what);
  if (!a.offered) {
    assert.ok(
      options.code !== undefined || options.explained !== undefined,
      `[${krav}] ${what}: portalen tilbød ikke «${a.action}» og sa ikke hvorfor; at handlingen mangler, er ingen avvisning. Siden viste ${describeView(a.view)}.`,
    );
    if (options.explained) {
      assert.ok(
        options.explained.includes(a.view.shows),
        `[${krav}] ${what}: portalen tilbød ikke «${a.action}», men skulle si hvorfor (${words(options.explained)}); siden viste ${describeView(a.view)}.`,
      );
    }
    if (options.code) {
      assert.ok(
        a.view.errorCodes.includes(options.code),
        `[${krav}] ${what}: portalen tilbød ikke «${a.action}» og viste ikke plattformens avvisning med feilkoden ${options.code}; at handlingen mangler, er ingen avvisning. Siden viste ${describeView(a.view)}.`,
      );
    }
    return;
  }
  assert.equal(a.view.shows, 'refused', `[${krav}] ${what}: portalen skulle avvise «${a.action}» med plattformens feilkode, men viste ${describeView(a.view)}.`);
  if (options.code) {
    assert.ok(a.view.errorCodes.includes(options.code), `[${krav}] ${what}: avvisningen skulle ha feilkoden ${options.code}, men siden viste ${a.view.errorText ?? 'ingen feilkode'}.`);
  }
}
