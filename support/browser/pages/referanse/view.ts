// Reading what a reference portal page shows, in the portal-independent terms of PageView. The texts
// below are the reference portal's own (reference-impl/src/components/portal, reached only over HTTP);
// another flavour has its own.

import type { Page } from 'playwright-core';
import type { PageState, PageView } from '../../portal.ts';

/** Main headings and notice headings that say what happened, as this portal words them. */
export const TEXTS = {
  /** The receipt after approving a request, and after approving a change request. */
  approved: ['Systembrukeren er opprettet', 'Endringen er godkjent'],
  rejected: 'Forespørselen er avvist',
  alreadyAnswered: 'Forespørselen er allerede besvart',
  notAccessManager: 'Du kan ikke godkjenne denne forespørselen',
  granted: 'Tilgangspakken er gitt.',
  clientAdded: 'Klienten er lagt til.',
  clientRemoved: 'Klienten er fjernet.',
  requestTitles: ['Forespørsel om systembruker', 'Forespørsel om klientsystembruker', 'Forespørsel om endring av systembruker'],
  login: 'Logg inn',
} as const;

/** Altinn error codes as the refusal box shows them: "Feilkode AUTH-00080: …", "Feilkode STD-00000 (AM.VLD-00026): …". */
const ERROR_CODE = /\b[A-Z]{2,}(?:\.[A-Z]{2,})?-\d{5}\b/g;

export function errorCodesIn(text: string): string[] {
  return [...text.matchAll(ERROR_CODE)].map((m) => m[0]);
}

/** True when `url` is a page of the portal at `portalUrl` (same origin, under its path). */
export function onPortal(url: string, portalUrl: string): boolean {
  try {
    const here = new URL(url);
    const portal = new URL(portalUrl);
    const base = portal.pathname.replace(/\/+$/, '');
    return here.origin === portal.origin && (here.pathname === base || here.pathname.startsWith(`${base}/`));
  } catch {
    return false;
  }
}

/** The state a page is in, from its URL, heading, notices and error codes (first match wins). */
export function classify(view: Omit<PageView, 'shows'>, portalUrl: string): PageState {
  if (!onPortal(view.url, portalUrl)) return 'left-portal';
  if ((TEXTS.approved as readonly string[]).includes(view.heading)) return 'approved';
  if (view.heading === TEXTS.rejected) return 'rejected';
  if (view.notices.includes(TEXTS.granted)) return 'granted';
  if (view.notices.includes(TEXTS.clientAdded)) return 'client-added';
  if (view.notices.includes(TEXTS.clientRemoved)) return 'client-removed';
  // A refusal outranks the page's state: the box says what the platform answered to the action.
  if (view.errorCodes.length > 0) return 'refused';
  if (view.notices.includes(TEXTS.alreadyAnswered)) return 'already-answered';
  if (view.notices.includes(TEXTS.notAccessManager)) return 'not-access-manager';
  if ((TEXTS.requestTitles as readonly string[]).includes(view.heading)) return 'request';
  if (view.heading === TEXTS.login) return 'login';
  return 'other';
}

/** Reads the page in front of the person (it has arrived: callers wait for that first). */
export async function readView(page: Page, portalUrl: string): Promise<PageView> {
  const url = page.url();
  const h1 = page.getByRole('heading', { level: 1 }).first();
  const heading = (await h1.count()) > 0 ? (await h1.innerText()).trim() : '';
  const notices = (await page.getByRole('alert').or(page.getByRole('status')).getByRole('heading').allInnerTexts()).map((t) => t.trim());
  const codeLine = page.getByTestId('feilkode');
  const errorText = (await codeLine.count()) > 0 ? (await codeLine.first().innerText()).trim() : undefined;
  const seen = { url, heading, notices, errorCodes: errorText ? errorCodesIn(errorText) : [], ...(errorText ? { errorText } : {}) };
  return { ...seen, shows: classify(seen, portalUrl) };
}
