// The portal session over plain HTTP (support/clients/portal.ts, the reference flavour's
// pages/referanse/session.ts): the cookie jar reads Set-Cookie as a browser does, and a page's
// answer is read as the login page (a redirect there), the request, or something else.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CookieJar } from '../support/clients/portal.ts';
import { shownOverHttp } from '../support/browser/pages/referanse/session.ts';
import type { ApiResponse } from '../support/clients/http.ts';

const PORTAL = 'https://ref.example/portal';
const URL_ = `${PORTAL}/accessmanagement/ui/systemuser/request?id=1`;

function answer(status: number, headers: Record<string, string>, text = ''): ApiResponse<string> {
  return { status, headers, body: text, text, exchange: {} } as unknown as ApiResponse<string>;
}

test('the cookie jar keeps set cookies and drops cleared ones, also when Expires holds a comma', () => {
  const jar = new CookieJar();
  jar.take(answer(303, { 'set-cookie': 'samsvar_portal_session=abc.sig; Max-Age=600; Path=/portal; HttpOnly, samsvar_portal_csrf=x.y; Path=/portal' }));
  assert.equal(jar.header(), 'samsvar_portal_session=abc.sig; samsvar_portal_csrf=x.y');
  jar.take(answer(303, { 'set-cookie': 'samsvar_portal_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/portal, samsvar_portal_csrf=; Expires=Thu, 01 Jan 1970 00:00:00 GMT' }));
  assert.equal(jar.header(), '');
});

test('a redirect to the login page shows login; the request page shows request; another site is left-portal', () => {
  assert.equal(shownOverHttp(answer(303, { location: '/portal/login?returnTo=%2Fportal' }), URL_, PORTAL), 'login');
  assert.equal(shownOverHttp(answer(302, { location: 'https://evil.example/' }), URL_, PORTAL), 'left-portal');
  assert.equal(shownOverHttp(answer(200, {}, '<main><h1 class="ds-heading">Forespørsel om systembruker</h1></main>'), URL_, PORTAL), 'request');
  assert.equal(shownOverHttp(answer(200, {}, '<h1>Samsvar testportal</h1>'), URL_, PORTAL), 'other');
});
