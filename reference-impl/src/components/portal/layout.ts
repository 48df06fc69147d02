// The page frame and the small pieces every page uses, in Designsystemet's markup (ds-* classes).

import { html, type Html, type HtmlValue } from './html.ts';
import { explain, reference } from './messages.ts';
import type { ApiProblem } from './platform-client.ts';

/** Where the portal serves its CSS (routes.ts). */
export const ASSETS = {
  designsystemet: '/portal/assets/designsystemet.css',
  theme: '/portal/assets/theme.css',
  portal: '/portal/assets/portal.css',
} as const;

export interface PageUser {
  name: string;
  csrfToken: string;
}

export interface PageOptions {
  title: string;
  /** The logged-in person, shown in the header with a logout button. */
  user?: PageUser | undefined;
  body: HtmlValue;
}

export function page({ title, user, body }: PageOptions): Html {
  return html`<!doctype html>
<html lang="nb" data-color-scheme="light" data-color="accent" data-size="md">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} – Samsvar testportal</title>
<link rel="stylesheet" href="${ASSETS.theme}">
<link rel="stylesheet" href="${ASSETS.designsystemet}">
<link rel="stylesheet" href="${ASSETS.portal}">
</head>
<body>
<a class="ds-skip-link" href="#innhold">Hopp til hovedinnhold</a>
<header class="portal-header">
  <p class="ds-paragraph portal-brand">Samsvar testportal <span class="portal-muted">(Altinn-stand-in)</span></p>
  ${user ? html`<form method="post" action="/portal/logout" class="portal-user">
    <span class="ds-paragraph">Innlogget som <strong>${user.name}</strong></span>
    ${csrfField(user.csrfToken)}
    <button type="submit" class="ds-button" data-variant="tertiary" data-size="sm">Logg ut</button>
  </form>` : ''}
</header>
<main id="innhold" class="portal-main" tabindex="-1">
<h1 class="ds-heading" data-size="lg">${title}</h1>
${body}
</main>
<footer class="portal-footer"><p class="ds-paragraph" data-size="sm">Testportal i Samsvars referanseimplementasjon. Bare syntetiske testdata.</p></footer>
</body>
</html>
`;
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export type AlertColor = 'info' | 'success' | 'warning' | 'danger';

/** A Designsystemet alert; `role=alert` only for errors, `status` for the rest. */
export function alert(color: AlertColor, heading: string, body: HtmlValue = ''): Html {
  const role = color === 'danger' ? 'alert' : 'status';
  return html`<div class="ds-alert" data-color="${color}" role="${role}">
  <h2 class="ds-heading" data-size="xs">${heading}</h2>
  ${body}
</div>`;
}

/** The API's refusal, explained in Norwegian, with its code. */
export function problemAlert(heading: string, problem: ApiProblem): Html {
  return alert('danger', heading, html`<p class="ds-paragraph">${explain(problem)}</p>
  <p class="ds-paragraph portal-muted" data-size="sm" data-testid="feilkode">${reference(problem)}</p>`);
}

/** A description list of label/value pairs. */
export function facts(rows: Array<[string, HtmlValue]>): Html {
  return html`<dl class="portal-facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

/** The portal's own few layout rules (Designsystemet does the rest). */
export const PORTAL_CSS = `
/* The theme names Inter alone; the portal serves no font files, so give the browser fallbacks. */
:root, [data-typography] { --ds-font-family: Inter, 'Noto Sans', 'DejaVu Sans', Arial, system-ui, sans-serif; }
body { margin: 0; font-family: var(--ds-font-family); }
.portal-header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: var(--ds-size-4);
  padding: var(--ds-size-3) var(--ds-size-6); border-bottom: 1px solid var(--ds-color-neutral-border-subtle); }
.portal-brand { font-weight: 600; margin: 0; }
.portal-user { display: flex; align-items: center; gap: var(--ds-size-3); margin: 0; }
.portal-main { max-width: 52rem; margin: 0 auto; padding: var(--ds-size-6); display: flex; flex-direction: column; gap: var(--ds-size-6); }
.portal-main:focus { outline: none; }
.portal-footer { max-width: 52rem; margin: 0 auto; padding: var(--ds-size-6); color: var(--ds-color-neutral-text-subtle); }
.portal-muted { color: var(--ds-color-neutral-text-subtle); font-weight: normal; }
.portal-facts { display: grid; grid-template-columns: max-content 1fr; gap: var(--ds-size-2) var(--ds-size-6); margin: 0; }
.portal-facts dt { font-weight: 600; }
.portal-facts dd { margin: 0; }
.portal-actions { display: flex; flex-wrap: wrap; gap: var(--ds-size-4); }
.portal-actions form { margin: 0; }
.portal-form { display: flex; flex-direction: column; gap: var(--ds-size-4); align-items: flex-start; }
.portal-form .ds-field { width: 100%; max-width: 28rem; }
.portal-inline { margin: 0; }
.ds-card { display: flex; flex-direction: column; gap: var(--ds-size-4); }
.ds-table { width: 100%; }
`;
