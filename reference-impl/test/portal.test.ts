// Unit tests of the portal over inject: the test login (standing in for ID-porten), the confirmUrl pages
// for standard and agent requests (approve, reject, receipt, redirect, already answered, a person
// without the right role), CSRF refusals, escaping, and the pages for connections and client
// delegation. A small cookie jar plays the browser. The browser test (Chromium + axe) is in
// portal-browser.test.ts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { escapeHtml, html } from '../src/components/portal/html.ts';
import { safeRedirectUrl, safeReturnTo } from '../src/components/portal/session.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';

// Synthetic org numbers (mod 11, starting with 3) and Tenor national identity numbers.
const VENDOR = '310000019';
const CUSTOMER = '310000035';
const ACCOUNTANT = '310000043';
const DAGL = '01818510078'; // daglig leder of CUSTOMER
const NOBODY = '01818510159'; // no role anywhere
const ACCOUNTANT_DAGL = '01818510310'; // daglig leder of ACCOUNTANT
const BOARD_MEMBER = '01818510582'; // styremedlem (MEDL) of CUSTOMER: a relation, not an access manager

const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const SYSTEM = `${VENDOR}_regnskap`;
const AGENT_SYSTEM = `${VENDOR}_klient`;
const REDIRECT = 'https://vendor.example/callback';

// ---- a browser, played over inject -------------------------------------------------------------

/** Cookies as a browser keeps them for the portal (name → value), from Set-Cookie headers. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await this.app.inject({ method, url, headers, ...(form ? { payload: new URLSearchParams(form).toString() } : {}) });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request('POST', url, form);
  }

  /** Logs in through the test login form (GET the form for its CSRF token, POST it). */
  async login(pid: string, returnTo?: string): Promise<LightMyRequestResponse> {
    const form = await this.get(`/portal/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
    assert.equal(form.statusCode, 200);
    return this.post('/portal/login', { _csrf: csrfOf(form.body), pid, ...(returnTo ? { returnTo } : {}) });
  }
}

function csrfOf(body: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(body);
  assert.ok(m?.[1], 'the page has no CSRF token');
  return m[1];
}

/** The path and query of a Location header (absolute, built from the public URL). */
function location(res: LightMyRequestResponse): string {
  const loc = String(res.headers.location ?? '');
  assert.ok(loc.startsWith(`${PUBLIC_URL}/`), `Location ${loc} is not on the public URL`);
  return loc.slice(PUBLIC_URL.length);
}

function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

/** Text content without tags and with entities decoded enough for assertions on Norwegian text. */
function text(body: string): string {
  return body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

function buttons(body: string): string[] {
  return [...body.matchAll(/<button[^>]*>([\s\S]*?)<\/button>/g)].map((m) => text(m[1] ?? '').trim());
}

// ---- the world -----------------------------------------------------------------------------------

interface World {
  app: FastifyInstance;
  party: Record<string, { partyId: number; partyUuid: string }>;
  mp(scope: string): Promise<string>;
  api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

async function td(app: FastifyInstance, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object });
  assert.ok(res.statusCode < 300, `test data ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(systemName = 'Regnskap Pluss', publicUrl = PUBLIC_URL): Promise<World> {
  const app = await buildApp({ publicUrl, logger: false });
  await app.ready();
  const party: World['party'] = {};
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [CUSTOMER, 'Kunde AS'], [ACCOUNTANT, 'Regnskapsfører AS']] as const) {
    party[orgNo] = (await td(app, 'POST', '/organisations', { orgNo, name, orgForm: 'AS' })).json();
  }
  for (const [pid, name] of [[DAGL, 'Dagny Leder'], [NOBODY, 'Nils Ingen'], [ACCOUNTANT_DAGL, 'Rita Regnskap'], [BOARD_MEMBER, 'Styre Medlem']] as const) {
    await td(app, 'POST', '/persons', { pid, name });
  }
  await td(app, 'POST', '/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } });
  await td(app, 'POST', '/roles', { orgNo: CUSTOMER, role: 'MEDL', holder: { pid: BOARD_MEMBER } });
  await td(app, 'POST', '/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: ACCOUNTANT_DAGL } });
  const w: World = {
    app,
    party,
    async mp(scope) {
      const claims = { scope, client_id: 'portal-test', consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } };
      return (await td(app, 'POST', '/maskinporten/tokens', { claims })).json().access_token as string;
    },
    api(method, url, token, payload) {
      return app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    },
  };
  const vendor = { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` };
  const description = { nb: 'System for tester', nn: 'System for testar', en: 'System for tests' };
  const register = async (body: Record<string, unknown>) => {
    const res = await w.api('POST', '/authentication/api/v1/systemregister/vendor', await w.mp('altinn:authentication/systemregister.write'),
      { vendor, description, rights: [], clientId: [], allowedRedirectUrls: [REDIRECT], ...body });
    assert.equal(res.statusCode, 200, res.body);
  };
  await register({ id: SYSTEM, name: { nb: systemName, nn: systemName, en: systemName }, accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskap-okonomi-rapport') }], isVisible: true });
  await register({ id: AGENT_SYSTEM, name: { nb: 'Klientsystem', nn: 'Klientsystem', en: 'Client system' }, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }, { urn: PKG('merverdiavgift') }], isVisible: false });
  return w;
}

interface CreatedRequest { id: string; confirmUrl: string; status: string }

async function createRequest(w: World, body: Record<string, unknown> = {}, kind: 'standard' | 'agent' = 'standard'): Promise<CreatedRequest> {
  const path = kind === 'agent' ? '/authentication/api/v1/systemuser/request/vendor/agent' : '/authentication/api/v1/systemuser/request/vendor';
  const defaults = kind === 'agent'
    ? { systemId: AGENT_SYSTEM, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] }
    : { systemId: SYSTEM, partyOrgNo: CUSTOMER, accessPackages: [{ urn: PKG('merverdiavgift') }] };
  const res = await w.api('POST', path, await w.mp('altinn:authentication/systemuser.request.write'), { ...defaults, ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as CreatedRequest;
}

async function vendorStatus(w: World, id: string, kind: 'standard' | 'agent' = 'standard'): Promise<string> {
  const path = kind === 'agent' ? `/authentication/api/v1/systemuser/request/vendor/agent/${id}` : `/authentication/api/v1/systemuser/request/vendor/${id}`;
  const res = await w.api('GET', path, await w.mp('altinn:authentication/systemuser.request.read'));
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { status: string }).status;
}

async function loggedIn(w: World, pid: string): Promise<Browser> {
  const b = new Browser(w.app);
  const res = await b.login(pid);
  assert.equal(res.statusCode, 303, res.body);
  return b;
}

/** The customer's standard system user (merverdiavgift, approved over the API) and a change request adding regnskap-okonomi-rapport. */
async function createChangeRequest(w: World, body: Record<string, unknown> = {}): Promise<CreatedRequest & { systemUserId: string }> {
  const req = await createRequest(w);
  const approved = await w.api('POST', `/authentication/api/v1/systemuser/request/${w.party[CUSTOMER]?.partyId}/${req.id}/approve`, await personToken(w, DAGL));
  assert.equal(approved.statusCode, 200, approved.body);
  const res = await w.api('POST', `/authentication/api/v1/systemuser/changerequest/vendor?correlation-id=${randomUUID()}&system-user-id=${req.id}`,
    await w.mp('altinn:authentication/systemuser.request.write'), { requiredAccessPackages: [{ urn: PKG('regnskap-okonomi-rapport') }], ...body });
  assert.equal(res.statusCode, 201, res.body);
  return { ...(res.json() as CreatedRequest), systemUserId: req.id };
}

async function systemUserPackages(w: World, systemUserId: string): Promise<string[]> {
  const res = await w.api('GET', `/authentication/api/v1/systemuser/${w.party[CUSTOMER]?.partyId}/${systemUserId}`, await personToken(w, DAGL));
  assert.equal(res.statusCode, 200, res.body);
  return ((res.json() as { accessPackages?: Array<{ urn: string }> }).accessPackages ?? []).map((p) => p.urn).sort();
}

async function changeStatus(w: World, id: string): Promise<string> {
  const res = await w.api('GET', `/authentication/api/v1/systemuser/changerequest/vendor/${id}`, await w.mp('altinn:authentication/systemuser.request.read'));
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { status: string }).status;
}

// ---------------------------------------------------------------------------------------------------
describe('escaping', () => {
  test('escapeHtml and the html template escape every interpolated value', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const evil = '<script>alert(1)</script>';
    assert.equal(html`<p title="${evil}">${evil}</p>`.value, '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assert.equal(html`<ul>${['<b>', html`<li>ok</li>`]}</ul>`.value, '<ul>&lt;b&gt;<li>ok</li></ul>');
    assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  });

  test('a system name with <script> renders inert on the confirmUrl page', async () => {
    const w = await world('<script>alert("xss")</script> Regnskap');
    const req = await createRequest(w);
    const b = await loggedIn(w, DAGL);
    const res = await b.get(pathOf(req.confirmUrl));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body.includes('<script'), false, 'a raw <script> tag reached the page');
    assert.ok(res.body.includes('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; Regnskap'));
    assert.match(String(res.headers['content-security-policy']), /default-src 'none'/);
    await w.app.close();
  });
});

describe('redirect and returnTo guards', () => {
  test('safeRedirectUrl lets only absolute https URLs without credentials through', () => {
    assert.equal(safeRedirectUrl('https://vendor.example/callback?x=1'), 'https://vendor.example/callback?x=1');
    for (const bad of ['http://vendor.example/callback', 'javascript:alert(1)', '//evil.example/', '/portal', 'https://user:pw@vendor.example/', '', undefined, 42, 'data:text/html,x']) {
      assert.equal(safeRedirectUrl(bad), undefined, String(bad));
    }
  });

  test('safeReturnTo keeps same-origin portal paths only', () => {
    assert.equal(safeReturnTo('/portal/accessmanagement/ui/systemuser/request?id=1&DONTCHOOSEREPORTEE=true'), '/portal/accessmanagement/ui/systemuser/request?id=1&DONTCHOOSEREPORTEE=true');
    for (const bad of ['https://evil.example/portal/', '//evil.example/portal', '/\\evil.example', '/portal//evil', '/other', 'portal', '/portal\n/x', undefined]) {
      assert.equal(safeReturnTo(bad), '/portal', String(bad));
    }
  });
});

describe('test login (standing in for ID-porten)', () => {
  test('the login page lists nothing secret: one field for the national identity number and a CSRF token', async () => {
    const w = await world();
    const res = await new Browser(w.app).get('/portal/login');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<label class="ds-label" for="pid">Fødselsnummer<\/label>/);
    assert.deepEqual(buttons(res.body), ['Logg inn']);
    for (const pid of [DAGL, NOBODY, ACCOUNTANT_DAGL, BOARD_MEMBER]) assert.equal(res.body.includes(pid), false);
    assert.equal(res.body.includes('Dagny'), false);
    const csrfCookie = (res.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string; path?: string }>).find((c) => c.name === 'samsvar_portal_csrf');
    assert.ok(csrfCookie);
    assert.equal(csrfCookie.httpOnly, true);
    assert.equal(csrfCookie.sameSite, 'Lax');
    assert.equal(csrfCookie.path, '/portal');
    await w.app.close();
  });

  test('login sets an opaque signed HttpOnly SameSite=Lax session cookie (no token in it) and goes back to returnTo', async () => {
    const w = await world();
    const b = new Browser(w.app);
    const res = await b.login(DAGL, '/portal/accessmanagement/ui/systemuser/request?id=abc&DONTCHOOSEREPORTEE=true');
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(location(res), '/portal/accessmanagement/ui/systemuser/request?id=abc&DONTCHOOSEREPORTEE=true');
    const session = (res.cookies as Array<{ name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; maxAge?: number; secure?: boolean }>).find((c) => c.name === 'samsvar_portal_session');
    assert.ok(session);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/portal');
    assert.equal(session.maxAge, 600);
    assert.equal(session.secure, undefined, 'not Secure on an http public URL');
    // Signed: <session id>.<signature>; the id is 32 random bytes, not a token: no JWT, no person in it.
    const [id, cookieSignature, ...rest] = session.value.split('.');
    assert.ok(id && cookieSignature && rest.length === 0, `the cookie is not <id>.<signature>: ${session.value}`);
    assert.match(id, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(session.value.includes(DAGL), false);
    assert.equal(Buffer.from(id, 'base64url').toString('latin1').includes(DAGL), false);
    const start = await b.get('/portal');
    assert.match(text(start.body), /Innlogget som Dagny Leder/);
    // The cookie's value is no bearer token on any API: the end-user API refuses it, whole or unsigned.
    for (const bearer of [session.value, session.value.slice(0, session.value.lastIndexOf('.'))]) {
      const api = await w.api('GET', `/authentication/api/v1/systemuser/${w.party[CUSTOMER]?.partyId}`, bearer);
      assert.equal(api.statusCode, 401, `Bearer <cookie> on the end-user API: ${api.statusCode} ${api.body}`);
    }
    // A tampered cookie is no session.
    b.cookies.set('samsvar_portal_session', session.value.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    const tampered = await b.get('/portal/accessmanagement/ui/systemuser/request?id=abc');
    assert.equal(tampered.statusCode, 303);
    assert.match(location(tampered), /^\/portal\/login\?returnTo=/);
    // A well-signed cookie for a session the portal never made is none either (a fresh id, the portal's own signature is unknown to us):
    b.cookies.set('samsvar_portal_session', `${'A'.repeat(43)}.${cookieSignature}`);
    assert.equal((await b.get('/portal/accessmanagement/ui/systemuser/request?id=abc')).statusCode, 303);
    await w.app.close();
  });

  test('with an https public URL the session cookie is Secure', async () => {
    const w = await world('Regnskap Pluss', 'https://portal.test');
    const res = await new Browser(w.app).login(DAGL);
    const session = (res.cookies as Array<{ name: string; secure?: boolean }>).find((c) => c.name === 'samsvar_portal_session');
    assert.equal(session?.secure, true);
    await w.app.close();
  });

  test('returnTo outside the portal is ignored', async () => {
    const w = await world();
    for (const returnTo of ['https://evil.example/', '//evil.example/portal', '/authentication/api/v1/systemuser/x']) {
      const b = new Browser(w.app);
      const form = await b.get('/portal/login');
      const res = await b.post('/portal/login', { _csrf: csrfOf(form.body), pid: DAGL, returnTo });
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), '/portal', returnTo);
    }
    await w.app.close();
  });

  test('a bad or unknown national identity number shows the stand-in\'s problem in Norwegian', async () => {
    const w = await world();
    const b = new Browser(w.app);
    const bad = await b.login('12345678901');
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Fødselsnummeret er ikke gyldig\. \(Feilkode TD-00004/);
    assert.match(bad.body, /aria-invalid="true"/);
    const unknown = await b.login('01818510663'); // valid check digits, not in the register
    assert.equal(unknown.statusCode, 404);
    assert.match(text(unknown.body), /Fant ingen person med dette fødselsnummeret\. \(Feilkode TD-00006/);
    assert.equal(b.cookies.has('samsvar_portal_session'), false);
    await w.app.close();
  });

  test('CSRF: a login or logout post without a valid token is refused with 403', async () => {
    const w = await world();
    const b = new Browser(w.app);
    const noSecret = await b.post('/portal/login', { pid: DAGL });
    assert.equal(noSecret.statusCode, 403);
    assert.match(text(noSecret.body), /Skjemaet kunne ikke sendes/);
    await b.get('/portal/login');
    assert.equal((await b.post('/portal/login', { pid: DAGL })).statusCode, 403);
    assert.equal((await b.post('/portal/login', { pid: DAGL, _csrf: 'forged' })).statusCode, 403);
    assert.equal(b.cookies.has('samsvar_portal_session'), false);
    // Without Accept: text/html the refusal keeps the platform's problem shape.
    const api = await w.app.inject({ method: 'POST', url: '/portal/login', payload: { pid: DAGL } });
    assert.equal(api.statusCode, 403);
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
    await w.app.close();
  });

  test('logout ends the session on the server: the old cookie opens nothing afterwards', async () => {
    const w = await world();
    const b = await loggedIn(w, DAGL);
    const page = '/portal/accessmanagement/ui/systemuser/request?id=x';
    const start = await b.get('/portal');
    assert.deepEqual(buttons(start.body), ['Logg ut']);
    // The same cookies in another browser (a copied or stolen cookie) open the portal while the session lasts.
    const copy = new Browser(w.app);
    for (const [k, v] of b.cookies) copy.cookies.set(k, v);
    assert.match(text((await copy.get('/portal')).body), /Innlogget som Dagny Leder/);
    const out = await b.post('/portal/logout', { _csrf: csrfOf(start.body) });
    assert.equal(out.statusCode, 303);
    assert.equal(location(out), '/portal/login');
    assert.equal(b.cookies.has('samsvar_portal_session'), false);
    assert.equal((await b.get(page)).statusCode, 303);
    // The copy still holds the old cookie: after logout it is no session.
    assert.ok(copy.cookies.has('samsvar_portal_session'));
    const replay = await copy.get(page);
    assert.equal(replay.statusCode, 303, `the old cookie after logout: ${replay.statusCode}`);
    assert.match(location(replay), /^\/portal\/login\?returnTo=/);
    assert.match(text((await copy.get('/portal')).body), /Du er ikke logget inn/);
    await w.app.close();
  });

  test('the CSRF secret is rotated at login and at logout: a form token from before no longer passes', async () => {
    const w = await world();
    const b = new Browser(w.app);
    const form = await b.get('/portal/login');
    const before = b.cookies.get('samsvar_portal_csrf');
    const loginToken = csrfOf(form.body);
    const res = await b.post('/portal/login', { _csrf: loginToken, pid: DAGL, returnTo: '/portal' });
    assert.equal(res.statusCode, 303);
    const start = await b.get('/portal');
    const during = b.cookies.get('samsvar_portal_csrf');
    assert.ok(before && during && before !== during, 'a new CSRF secret after login');
    // The login form's token belonged to the old secret: a logout posted with it is refused.
    assert.equal((await b.post('/portal/logout', { _csrf: loginToken })).statusCode, 403);
    const logoutToken = csrfOf(start.body);
    assert.equal((await b.post('/portal/logout', { _csrf: logoutToken })).statusCode, 303);
    await b.get('/portal/login');
    const after = b.cookies.get('samsvar_portal_csrf');
    assert.ok(after && after !== during, 'a new CSRF secret after logout');
    // The logged-in page's token no longer passes on the login form.
    assert.equal((await b.post('/portal/login', { _csrf: logoutToken, pid: DAGL })).statusCode, 403);
    await w.app.close();
  });

  test('the session ends when the person\'s token expires', async (t) => {
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const w = await world();
    const b = await loggedIn(w, DAGL);
    const page = '/portal/accessmanagement/ui/systemuser/request?id=x';
    assert.notEqual((await b.get(page)).statusCode, 303);
    t.mock.timers.tick(601_000);
    const late = await b.get(page);
    assert.equal(late.statusCode, 303);
    assert.match(location(late), /^\/portal\/login\?returnTo=/);
    await w.app.close();
  });
});

describe('confirmUrl pages (docs/contracts/altinn-authentication.md §3.1, §3.5)', () => {
  test('the page needs a login and comes back to itself; it shows the system, vendor, customer and packages', async () => {
    const w = await world();
    const req = await createRequest(w);
    const confirm = pathOf(req.confirmUrl);
    assert.equal(confirm, `/portal/accessmanagement/ui/systemuser/request?id=${req.id}&DONTCHOOSEREPORTEE=true`);
    const b = new Browser(w.app);
    const anonymous = await b.get(confirm);
    assert.equal(anonymous.statusCode, 303);
    const loginUrl = location(anonymous);
    assert.equal(loginUrl, `/portal/login?returnTo=${encodeURIComponent(confirm)}`);
    const form = await b.get(loginUrl);
    assert.match(form.body, new RegExp(`name="returnTo" value="${confirm.replace(/[?]/g, '\\?').replace(/&/g, '&amp;')}"`));
    const loggedInRes = await b.post('/portal/login', { _csrf: csrfOf(form.body), pid: DAGL, returnTo: confirm });
    assert.equal(location(loggedInRes), confirm);
    const res = await b.get(confirm);
    assert.equal(res.statusCode, 200, res.body);
    const t = text(res.body);
    assert.match(t, /Forespørsel om systembruker/);
    assert.match(t, /System Regnskap Pluss/);
    assert.match(t, /Leverandør Leverandør AS \(org\.nr\. 310000019\)/);
    assert.match(t, /Virksomhet Kunde AS \(org\.nr\. 310000035\)/);
    assert.match(t, /Merverdiavgift – Tilgang til tjenester for merverdiavgift\./);
    assert.match(t, /Status Venter på svar/);
    assert.deepEqual(buttons(res.body), ['Logg ut', 'Godkjenn', 'Avvis']);
    await w.app.close();
  });

  test('approve without a redirectUrl: receipt "Systembrukeren er opprettet"; the request is Accepted', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, DAGL);
    const pageRes = await b.get(pathOf(req.confirmUrl));
    const res = await b.post('/portal/accessmanagement/ui/systemuser/request/approve', { _csrf: csrfOf(pageRes.body), id: req.id });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(location(res), `/portal/accessmanagement/ui/systemuser/request/receipt?id=${req.id}`);
    const receipt = await b.get(location(res));
    assert.equal(receipt.statusCode, 200);
    assert.match(text(receipt.body), /Systembrukeren er opprettet/);
    assert.equal(await vendorStatus(w, req.id), 'Accepted');
    const user = await w.api('GET', `/authentication/api/v1/systemuser/vendor/byquery?system-id=${SYSTEM}&orgno=${CUSTOMER}`, await w.mp('altinn:authentication/systemuser.request.write'));
    assert.equal(user.statusCode, 200, user.body);
    assert.equal((user.json() as { id: string }).id, req.id);
    await w.app.close();
  });

  test('reject: receipt "Forespørselen er avvist"; the request is Rejected and no system user exists', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, DAGL);
    const pageRes = await b.get(pathOf(req.confirmUrl));
    const res = await b.post('/portal/accessmanagement/ui/systemuser/request/reject', { _csrf: csrfOf(pageRes.body), id: req.id });
    assert.equal(res.statusCode, 303, res.body);
    const receipt = await b.get(location(res));
    assert.match(text(receipt.body), /Forespørselen er avvist/);
    assert.equal(await vendorStatus(w, req.id), 'Rejected');
    const user = await w.api('GET', `/authentication/api/v1/systemuser/vendor/byquery?system-id=${SYSTEM}&orgno=${CUSTOMER}`, await w.mp('altinn:authentication/systemuser.request.write'));
    assert.equal(user.statusCode, 404);
    await w.app.close();
  });

  test('with a redirectUrl the browser goes there (approve and reject), exactly as the request holds it', async () => {
    const w = await world();
    const a = await createRequest(w, { externalRef: 'a', redirectUrl: `${REDIRECT}?state=1` });
    const r = await createRequest(w, { externalRef: 'r', redirectUrl: REDIRECT });
    const b = await loggedIn(w, DAGL);
    const token = csrfOf((await b.get(pathOf(a.confirmUrl))).body);
    const approved = await b.post('/portal/accessmanagement/ui/systemuser/request/approve', { _csrf: token, id: a.id });
    assert.equal(approved.statusCode, 303);
    assert.equal(approved.headers.location, `${REDIRECT}?state=1`);
    const rejected = await b.post('/portal/accessmanagement/ui/systemuser/request/reject', { _csrf: token, id: r.id });
    assert.equal(rejected.headers.location, REDIRECT);
    // The API refuses a redirectUrl the system does not allow, so no request ever points elsewhere.
    const refused = await w.api('POST', '/authentication/api/v1/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'),
      { systemId: SYSTEM, partyOrgNo: CUSTOMER, externalRef: 'x', accessPackages: [{ urn: PKG('merverdiavgift') }], redirectUrl: 'https://evil.example/callback' });
    assert.equal(refused.statusCode, 400);
    assert.equal((refused.json() as { code: string }).code, 'AUTH-00021');
    await w.app.close();
  });

  test('a request already answered shows its status with no buttons, and a stale form gets 409 AUTH-00013 explained', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, DAGL);
    const stale = await b.get(pathOf(req.confirmUrl));
    const token = csrfOf(stale.body);
    assert.equal((await b.post('/portal/accessmanagement/ui/systemuser/request/approve', { _csrf: token, id: req.id })).statusCode, 303);
    const again = await b.get(pathOf(req.confirmUrl));
    assert.equal(again.statusCode, 200);
    assert.match(text(again.body), /Forespørselen er allerede besvart Status: Godkjent\./);
    assert.deepEqual(buttons(again.body), ['Logg ut']);
    const second = await b.post('/portal/accessmanagement/ui/systemuser/request/reject', { _csrf: token, id: req.id });
    assert.equal(second.statusCode, 409);
    assert.match(text(second.body), /Forespørselen er allerede besvart og kan ikke besvares på nytt\. Feilkode AUTH-00013/);
    assert.deepEqual(buttons(second.body), ['Logg ut']);
    assert.equal(await vendorStatus(w, req.id), 'Accepted');
    await w.app.close();
  });

  test('CSRF: approve without the token, with a forged one or with another browser\'s token → 403; the request stays New', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, DAGL);
    await b.get(pathOf(req.confirmUrl));
    const url = '/portal/accessmanagement/ui/systemuser/request/approve';
    const missing = await b.post(url, { id: req.id });
    assert.equal(missing.statusCode, 403);
    assert.match(text(missing.body), /Skjemaet kunne ikke sendes/);
    assert.equal((await b.post(url, { id: req.id, _csrf: 'forged-token' })).statusCode, 403);
    const other = await loggedIn(w, DAGL);
    const foreign = csrfOf((await other.get(pathOf(req.confirmUrl))).body);
    assert.equal((await b.post(url, { id: req.id, _csrf: foreign })).statusCode, 403);
    assert.equal(await vendorStatus(w, req.id), 'New');
    await w.app.close();
  });

  test('a person without a role in the customer sees the API\'s refusal (403 AUTH-00066) explained', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, NOBODY);
    const res = await b.get(pathOf(req.confirmUrl));
    assert.equal(res.statusCode, 403);
    assert.match(text(res.body), /Kan ikke vise forespørselen Du har ikke rettighet til å gjøre dette for virksomheten\. Det krever at du er tilgangsstyrer, for eksempel daglig leder\. Feilkode AUTH-00066/);
    assert.deepEqual(buttons(res.body), ['Logg ut']);
    const post = await b.post('/portal/accessmanagement/ui/systemuser/request/approve', { _csrf: csrfOf(res.body), id: req.id });
    assert.equal(post.statusCode, 403);
    assert.equal(await vendorStatus(w, req.id), 'New');
    await w.app.close();
  });

  test('a board member (a relation, not an access manager) sees the request but no buttons; a crafted approve is refused', async () => {
    const w = await world();
    const req = await createRequest(w);
    const b = await loggedIn(w, BOARD_MEMBER);
    const res = await b.get(pathOf(req.confirmUrl));
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /Du kan ikke godkjenne denne forespørselen/);
    assert.deepEqual(buttons(res.body), ['Logg ut']);
    const post = await b.post('/portal/accessmanagement/ui/systemuser/request/approve', { _csrf: csrfOf(res.body), id: req.id });
    assert.equal(post.statusCode, 403);
    assert.match(text(post.body), /Handlingen ble avvist .*Feilkode AUTH-00066/);
    assert.equal(await vendorStatus(w, req.id), 'New');
    await w.app.close();
  });

  test('an unknown request id: 404 AUTH-00010 explained; a malformed query: 400 page', async () => {
    const w = await world();
    const b = await loggedIn(w, DAGL);
    const res = await b.get(`/portal/accessmanagement/ui/systemuser/request?id=${randomUUID()}&DONTCHOOSEREPORTEE=true`);
    assert.equal(res.statusCode, 404);
    assert.match(text(res.body), /Fant ikke forespørselen\..*Feilkode AUTH-00010/);
    const noId = await b.get('/portal/accessmanagement/ui/systemuser/request?DONTCHOOSEREPORTEE=true');
    assert.equal(noId.statusCode, 400);
    assert.match(text(noId.body), /Ugyldig forespørsel/);
    await w.app.close();
  });

  test('agent request: the agentrequest page shows the packages; approve creates the agent system user', async () => {
    const w = await world();
    const req = await createRequest(w, {}, 'agent');
    assert.equal(pathOf(req.confirmUrl), `/portal/accessmanagement/ui/systemuser/agentrequest?id=${req.id}&DONTCHOOSEREPORTEE=true`);
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const res = await b.get(pathOf(req.confirmUrl));
    assert.equal(res.statusCode, 200, res.body);
    const t = text(res.body);
    assert.match(t, /Forespørsel om klientsystembruker/);
    assert.match(t, /System Klientsystem/);
    assert.match(t, /Virksomhet Regnskapsfører AS \(org\.nr\. 310000043\)/);
    assert.match(t, /Regnskapsfører med signeringsrettighet/);
    assert.deepEqual(buttons(res.body), ['Logg ut', 'Godkjenn', 'Avvis']);
    // The standard page does not show an agent request.
    const wrong = await b.get(`/portal/accessmanagement/ui/systemuser/request?id=${req.id}`);
    assert.equal(wrong.statusCode, 404);
    const approved = await b.post('/portal/accessmanagement/ui/systemuser/agentrequest/approve', { _csrf: csrfOf(res.body), id: req.id });
    assert.equal(approved.statusCode, 303, approved.body);
    assert.equal(location(approved), `/portal/accessmanagement/ui/systemuser/agentrequest/receipt?id=${req.id}`);
    assert.match(text((await b.get(location(approved))).body), /Systembrukeren er opprettet/);
    assert.equal(await vendorStatus(w, req.id, 'agent'), 'Accepted');
    await w.app.close();
  });
});

// ---------------------------------------------------------------------------------------------------
/** The person's token from the ID-porten stand-in, for API calls that set up or check the world. */
async function personToken(w: World, pid: string): Promise<string> {
  const res = await w.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin',
    payload: { pid, scope: 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write' } });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { access_token: string }).access_token;
}

interface Permission { package: { urn: string }; permissions: Array<{ to: { id: string } }> }

async function grantsToAccountant(w: World): Promise<string[]> {
  const customer = w.party[CUSTOMER]?.partyUuid ?? '';
  const res = await w.api('GET', `/accessmanagement/api/v1/enduser/connections/accesspackages?party=${customer}&from=${customer}`, await personToken(w, DAGL));
  assert.equal(res.statusCode, 200, res.body);
  const accountant = w.party[ACCOUNTANT]?.partyUuid;
  return (res.json() as { data: Permission[] }).data.filter((p) => p.permissions.some((x) => x.to.id === accountant)).map((p) => p.package.urn);
}

describe('change request page (docs/contracts/change-requests.md §3)', () => {
  const PAGE = '/portal/accessmanagement/ui/systemuser/changerequest';

  test('the confirmUrl page lists what is added and removed, with Godkjenn and Avvis; approve: receipt, Accepted, the package granted', async () => {
    const w = await world();
    const cr = await createChangeRequest(w, { unwantedAccessPackages: [{ urn: PKG('skattegrunnlag') }] });
    assert.equal(pathOf(cr.confirmUrl), `${PAGE}?id=${cr.id}&DONTCHOOSEREPORTEE=true`);
    const b = await loggedIn(w, DAGL);
    const pageRes = await b.get(pathOf(cr.confirmUrl));
    assert.equal(pageRes.statusCode, 200, pageRes.body);
    const t = text(pageRes.body);
    assert.match(t, /Forespørsel om endring av systembruker/);
    assert.match(t, /Tilgangspakker som legges til Regnskap og økonomirapportering/i);
    assert.match(t, /Tilgangspakker som fjernes Skattegrunnlag/i);
    assert.match(t, /Enkeltrettigheter som legges til Ingen\./);
    assert.match(t, /Status Venter på svar/);
    assert.deepEqual(buttons(pageRes.body), ['Logg ut', 'Godkjenn', 'Avvis']);
    const res = await b.post(`${PAGE}/approve`, { _csrf: csrfOf(pageRes.body), id: cr.id });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(location(res), `${PAGE}/receipt?id=${cr.id}`);
    const receipt = await b.get(location(res));
    assert.match(text(receipt.body), /Endringen er godkjent/);
    assert.equal(await changeStatus(w, cr.id), 'Accepted');
    assert.deepEqual(await systemUserPackages(w, cr.systemUserId), [PKG('merverdiavgift'), PKG('regnskap-okonomi-rapport')]);
    // Answered: the page shows it, without buttons.
    const again = await b.get(pathOf(cr.confirmUrl));
    assert.match(text(again.body), /Forespørselen er allerede besvart/);
    assert.deepEqual(buttons(again.body), ['Logg ut']);
    await w.app.close();
  });

  test('reject: receipt "Forespørselen er avvist"; Rejected; the system user keeps its packages', async () => {
    const w = await world();
    const cr = await createChangeRequest(w);
    const b = await loggedIn(w, DAGL);
    const pageRes = await b.get(pathOf(cr.confirmUrl));
    const res = await b.post(`${PAGE}/reject`, { _csrf: csrfOf(pageRes.body), id: cr.id });
    assert.equal(res.statusCode, 303, res.body);
    assert.match(text((await b.get(location(res))).body), /Forespørselen er avvist/);
    assert.equal(await changeStatus(w, cr.id), 'Rejected');
    assert.deepEqual(await systemUserPackages(w, cr.systemUserId), [PKG('merverdiavgift')]);
    await w.app.close();
  });

  test('a board member sees the refusal (AUTH-00066) and nothing changes; a person without a relation cannot read it; the redirectUrl is followed', async () => {
    const w = await world();
    const cr = await createChangeRequest(w, { redirectUrl: REDIRECT });
    const board = await loggedIn(w, BOARD_MEMBER);
    const pageRes = await board.get(pathOf(cr.confirmUrl));
    assert.equal(pageRes.statusCode, 200, pageRes.body);
    const refused = await board.post(`${PAGE}/approve`, { _csrf: csrfOf(pageRes.body), id: cr.id });
    assert.equal(refused.statusCode, 403, refused.body);
    assert.match(text(refused.body), /AUTH-00066/);
    assert.equal(await changeStatus(w, cr.id), 'New');
    const nobody = await loggedIn(w, NOBODY);
    const hidden = await nobody.get(pathOf(cr.confirmUrl));
    assert.equal(hidden.statusCode, 403, hidden.body);
    assert.deepEqual(buttons(hidden.body), ['Logg ut']);
    const b = await loggedIn(w, DAGL);
    const ok = await b.post(`${PAGE}/approve`, { _csrf: csrfOf((await b.get(pathOf(cr.confirmUrl))).body), id: cr.id });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(String(ok.headers.location), REDIRECT);
    assert.equal(await changeStatus(w, cr.id), 'Accepted');
    await w.app.close();
  });
});

describe('connections page: a customer grants packages to an accountant (docs/contracts/altinn-authorization.md §5)', () => {
  test('the daglig leder adds the accountant by org number and grants merverdiavgift; then takes it back', async () => {
    const w = await world();
    const customer = w.party[CUSTOMER]?.partyUuid ?? '';
    const url = `/portal/accessmanagement/ui/connections?party=${customer}`;
    const b = await loggedIn(w, DAGL);
    const res = await b.get(url);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(text(res.body), /Du administrerer tilganger for Kunde AS \(org\.nr\. 310000035\)/);
    assert.match(res.body, /<label class="ds-label" for="orgNo">Organisasjonsnummer<\/label>/);
    assert.match(res.body, /<label class="ds-label" for="package">Tilgangspakke<\/label>/);
    assert.match(res.body, /<option value="urn:altinn:accesspackage:merverdiavgift" selected>Merverdiavgift<\/option>/);
    // The whole catalogue is offered: whether the customer may give a package is the API's to say.
    assert.match(res.body, /<option value="urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet">Regnskapsfører med signeringsrettighet<\/option>/);
    assert.deepEqual(buttons(res.body), ['Logg ut', 'Gi tilgang']);

    const granted = await b.post(url, { _csrf: csrfOf(res.body), orgNo: ACCOUNTANT, package: PKG('merverdiavgift') });
    assert.equal(granted.statusCode, 303, granted.body);
    assert.equal(location(granted), `${url}&done=granted`);
    assert.deepEqual(await grantsToAccountant(w), [PKG('merverdiavgift')]);
    const after = await b.get(location(granted));
    assert.match(text(after.body), /Tilgangspakken er gitt\./);
    assert.match(text(after.body), /Regnskapsfører AS \(org\.nr\. 310000043\) Merverdiavgift/);
    assert.deepEqual(buttons(after.body), ['Logg ut', 'Gi tilgang', 'Fjern Merverdiavgift fra Regnskapsfører AS']);

    const revoked = await b.post(`/portal/accessmanagement/ui/connections/remove?party=${customer}`,
      { _csrf: csrfOf(after.body), to: w.party[ACCOUNTANT]?.partyUuid ?? '', package: PKG('merverdiavgift') });
    assert.equal(revoked.statusCode, 303, revoked.body);
    assert.equal(location(revoked), `${url}&done=revoked`);
    assert.deepEqual(await grantsToAccountant(w), []);
    assert.match(text((await b.get(location(revoked))).body), /Tilgangspakken er fjernet\. .*Virksomheten har ikke gitt noen tilgangspakker til andre\./);
    await w.app.close();
  });

  test('a malformed or unknown org number is explained at the field; nothing is granted', async () => {
    const w = await world();
    const url = `/portal/accessmanagement/ui/connections?party=${w.party[CUSTOMER]?.partyUuid}`;
    const b = await loggedIn(w, DAGL);
    const token = csrfOf((await b.get(url)).body);
    const malformed = await b.post(url, { _csrf: token, orgNo: '12345', package: PKG('merverdiavgift') });
    assert.equal(malformed.statusCode, 400);
    assert.match(text(malformed.body), /Skriv et organisasjonsnummer med ni siffer\./);
    assert.match(malformed.body, /id="orgNo"[^>]*value="12345"[\s\S]*?aria-invalid="true"/);
    const unknown = await b.post(url, { _csrf: token, orgNo: '310000078', package: PKG('merverdiavgift') });
    assert.equal(unknown.statusCode, 404);
    assert.match(text(unknown.body), /Fant ingen virksomhet med dette organisasjonsnummeret i Enhetsregisteret\./);
    assert.deepEqual(await grantsToAccountant(w), []);
    await w.app.close();
  });

  test('the API decides: a package the person cannot assign, and a person who is no access manager', async () => {
    const w = await world();
    const url = `/portal/accessmanagement/ui/connections?party=${w.party[CUSTOMER]?.partyUuid}`;
    const b = await loggedIn(w, DAGL);
    const token = csrfOf((await b.get(url)).body);
    // On the page's list like any other package; the API refuses it, and the page says why, with the code.
    const refused = await b.post(url, { _csrf: token, orgNo: ACCOUNTANT, package: PKG('regnskapsforer-med-signeringsrettighet') });
    assert.equal(refused.statusCode, 400);
    assert.match(text(refused.body), /Handlingen ble avvist Du har ikke lov til å gi denne tilgangspakken for virksomheten\. Feilkode STD-00000 \(AM\.VLD-00026\)/);
    assert.match(refused.body, /<option value="urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet" selected>/, 'the refused choice is kept on the form');
    assert.deepEqual(await grantsToAccountant(w), []);
    const nobody = await loggedIn(w, NOBODY);
    const res = await nobody.get(url);
    assert.equal(res.statusCode, 403);
    assert.match(text(res.body), /Kan ikke vise tilgangene Du har ikke tilgang til dette\./);
    assert.deepEqual(buttons(res.body), ['Logg ut']);
    // And a form post without the CSRF token never reaches the API.
    const forged = await b.post(url, { orgNo: ACCOUNTANT, package: PKG('merverdiavgift') });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await grantsToAccountant(w), []);
    await w.app.close();
  });
});

describe('clients page: the accountant manages an agent system user\'s clients (docs/contracts/altinn-authorization.md §4.2)', () => {
  /** The customer gives the accountant merverdiavgift; the accountant gets an agent system user with it. */
  async function agentWithClient(w: World): Promise<string> {
    const customer = w.party[CUSTOMER]?.partyUuid ?? '';
    const accountant = w.party[ACCOUNTANT]?.partyUuid ?? '';
    const dagl = await personToken(w, DAGL);
    assert.equal((await w.api('POST', `/accessmanagement/api/v1/enduser/connections?party=${customer}&to=${accountant}`, dagl)).statusCode, 200);
    const pkg = await w.api('POST', `/accessmanagement/api/v1/enduser/connections/accesspackages?party=${customer}&to=${accountant}&package=merverdiavgift`, dagl);
    assert.equal(pkg.statusCode, 200, pkg.body);
    const req = await createRequest(w, { accessPackages: [{ urn: PKG('merverdiavgift') }] }, 'agent');
    const approved = await w.api('POST', `/authentication/api/v1/systemuser/request/agent/${w.party[ACCOUNTANT]?.partyId}/${req.id}/approve`, await personToken(w, ACCOUNTANT_DAGL));
    assert.equal(approved.statusCode, 200, approved.body);
    return req.id;
  }

  async function clientsOf(w: World, agent: string): Promise<string[]> {
    const res = await w.api('GET', `/authentication/api/v1/enduser/systemuser/clients?agent=${agent}`, await personToken(w, ACCOUNTANT_DAGL));
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { data: Array<{ clientOrganizationNumber: string }> }).data.map((c) => c.clientOrganizationNumber);
  }

  test('lists the available client, adds it, then removes it (party as org number or party id)', async () => {
    const w = await world();
    const agent = await agentWithClient(w);
    const url = `/portal/accessmanagement/ui/systemuser/${agent}/clients?party=${ACCOUNTANT}`;
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const res = await b.get(url);
    assert.equal(res.statusCode, 200, res.body);
    const t = text(res.body);
    assert.match(t, /Systembruker Klientsystem/);
    assert.match(t, /Virksomhet Regnskapsfører AS \(org\.nr\. 310000043\)/);
    assert.match(t, /Tilgangspakker Merverdiavgift/);
    assert.match(t, /Systembrukeren har ingen klienter ennå\./);
    assert.match(t, /Tilgjengelige klienter .* Kunde AS 310000035/);
    assert.deepEqual(buttons(res.body), ['Logg ut', 'Legg til Kunde AS', 'Legg til klient']);
    const byPartyId = await b.get(`/portal/accessmanagement/ui/systemuser/${agent}/clients?party=${w.party[ACCOUNTANT]?.partyId}`);
    assert.equal(byPartyId.statusCode, 200, byPartyId.body);
    assert.deepEqual(buttons(byPartyId.body), ['Logg ut', 'Legg til Kunde AS', 'Legg til klient']);

    const added = await b.post(`/portal/accessmanagement/ui/systemuser/${agent}/clients/add?party=${ACCOUNTANT}`,
      { _csrf: csrfOf(res.body), client: w.party[CUSTOMER]?.partyUuid ?? '' });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(location(added), `${url}&done=added`);
    assert.deepEqual(await clientsOf(w, agent), [CUSTOMER]);
    const after = await b.get(location(added));
    assert.match(text(after.body), /Klienten er lagt til\..*Klienter systembrukeren har .*Kunde AS 310000035.*Ingen flere klienter er tilgjengelige\./);
    assert.deepEqual(buttons(after.body), ['Logg ut', 'Fjern Kunde AS', 'Legg til klient']);

    const removed = await b.post(`/portal/accessmanagement/ui/systemuser/${agent}/clients/remove?party=${ACCOUNTANT}`,
      { _csrf: csrfOf(after.body), client: w.party[CUSTOMER]?.partyUuid ?? '' });
    assert.equal(removed.statusCode, 303, removed.body);
    assert.equal(location(removed), `${url}&done=removed`);
    assert.deepEqual(await clientsOf(w, agent), []);
    assert.match(text((await b.get(location(removed))).body), /Klienten er fjernet\./);
    await w.app.close();
  });

  test('the API decides: an unknown client is refused and explained; a person without the role sees the refusal; no CSRF token → 403', async () => {
    const w = await world();
    const agent = await agentWithClient(w);
    const url = `/portal/accessmanagement/ui/systemuser/${agent}/clients?party=${ACCOUNTANT}`;
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const token = csrfOf((await b.get(url)).body);
    const unknown = await b.post(`/portal/accessmanagement/ui/systemuser/${agent}/clients/add?party=${ACCOUNTANT}`, { _csrf: token, client: randomUUID() });
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.match(text(unknown.body), /Handlingen ble avvist Klienten finnes ikke blant klientene til virksomheten\. Feilkode AUTH-00079/);
    const forged = await b.post(`/portal/accessmanagement/ui/systemuser/${agent}/clients/add?party=${ACCOUNTANT}`, { client: w.party[CUSTOMER]?.partyUuid ?? '' });
    assert.equal(forged.statusCode, 403);
    assert.deepEqual(await clientsOf(w, agent), []);
    const nobody = await loggedIn(w, NOBODY);
    const refused = await nobody.get(url);
    assert.equal(refused.statusCode, 403);
    assert.match(text(refused.body), /Kan ikke vise klientene/);
    assert.deepEqual(buttons(refused.body), ['Logg ut']);
    const missing = await b.get(`/portal/accessmanagement/ui/systemuser/${randomUUID()}/clients?party=${ACCOUNTANT}`);
    assert.equal(missing.statusCode, 404);
    assert.match(text(missing.body), /Fant ikke klientsystembrukeren hos virksomheten\./);
    await w.app.close();
  });

  test('an org number typed: the API refuses a party that is not a client (AUTH-00079) and the page shows the code; a client is added', async () => {
    const w = await world();
    const agent = await agentWithClient(w);
    const url = `/portal/accessmanagement/ui/systemuser/${agent}/clients?party=${ACCOUNTANT}`;
    const addUrl = `/portal/accessmanagement/ui/systemuser/${agent}/clients/add-orgno?party=${ACCOUNTANT}`;
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const res = await b.get(url);
    assert.match(res.body, /<label class="ds-label" for="orgNo">Organisasjonsnummer<\/label>/);
    assert.deepEqual(buttons(res.body), ['Logg ut', 'Legg til Kunde AS', 'Legg til klient']);
    const token = csrfOf(res.body);
    // The vendor has given the accountant nothing: not among the available clients, and the API says so.
    const refused = await b.post(addUrl, { _csrf: token, orgNo: `${VENDOR.slice(0, 3)} ${VENDOR.slice(3)}` });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(text(refused.body), /Handlingen ble avvist Klienten finnes ikke blant klientene til virksomheten\. Feilkode AUTH-00079/);
    assert.match(refused.body, /data-testid="feilkode">Feilkode AUTH-00079/);
    assert.match(refused.body, /id="orgNo"[^>]*value="310000019"/, 'the typed number is kept on the form');
    assert.deepEqual(await clientsOf(w, agent), []);
    const added = await b.post(addUrl, { _csrf: token, orgNo: CUSTOMER });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(location(added), `${url}&done=added`);
    assert.deepEqual(await clientsOf(w, agent), [CUSTOMER]);
    await w.app.close();
  });

  test('an org number typed: a client missing one of the agent\'s packages is refused with AUTH-00080, explained', async () => {
    const w = await world();
    const customer = w.party[CUSTOMER]?.partyUuid ?? '';
    const accountant = w.party[ACCOUNTANT]?.partyUuid ?? '';
    const dagl = await personToken(w, DAGL);
    assert.equal((await w.api('POST', `/accessmanagement/api/v1/enduser/connections?party=${customer}&to=${accountant}`, dagl)).statusCode, 200);
    assert.equal((await w.api('POST', `/accessmanagement/api/v1/enduser/connections/accesspackages?party=${customer}&to=${accountant}&package=merverdiavgift`, dagl)).statusCode, 200);
    const req = await createRequest(w, { accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }, { urn: PKG('merverdiavgift') }] }, 'agent');
    const approved = await w.api('POST', `/authentication/api/v1/systemuser/request/agent/${w.party[ACCOUNTANT]?.partyId}/${req.id}/approve`, await personToken(w, ACCOUNTANT_DAGL));
    assert.equal(approved.statusCode, 200, approved.body);
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const token = csrfOf((await b.get(`/portal/accessmanagement/ui/systemuser/${req.id}/clients?party=${ACCOUNTANT}`)).body);
    const refused = await b.post(`/portal/accessmanagement/ui/systemuser/${req.id}/clients/add-orgno?party=${ACCOUNTANT}`, { _csrf: token, orgNo: CUSTOMER });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.match(text(refused.body), /Handlingen ble avvist Klienten har ikke gitt virksomheten alle tilgangspakkene systembrukeren trenger\. Feilkode AUTH-00080/);
    assert.deepEqual(await clientsOf(w, req.id), []);
    await w.app.close();
  });

  test('an org number typed: malformed, unknown and hostile input is explained at the field and escaped; no CSRF token → 403; a bad form → 400 page', async () => {
    const w = await world();
    const agent = await agentWithClient(w);
    const url = `/portal/accessmanagement/ui/systemuser/${agent}/clients?party=${ACCOUNTANT}`;
    const addUrl = `/portal/accessmanagement/ui/systemuser/${agent}/clients/add-orgno?party=${ACCOUNTANT}`;
    const b = await loggedIn(w, ACCOUNTANT_DAGL);
    const token = csrfOf((await b.get(url)).body);
    const hostile = await b.post(addUrl, { _csrf: token, orgNo: '"><script>alert(1)</script>' });
    assert.equal(hostile.statusCode, 400);
    assert.match(text(hostile.body), /Skriv et organisasjonsnummer med ni siffer\./);
    assert.equal(hostile.body.includes('<script>alert(1)'), false, 'the typed input is not escaped');
    assert.match(hostile.body, /id="orgNo"[^>]*value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"[\s\S]*?aria-invalid="true"/);
    const unknown = await b.post(addUrl, { _csrf: token, orgNo: '310000078' });
    assert.equal(unknown.statusCode, 404);
    assert.match(text(unknown.body), /Fant ingen virksomhet med dette organisasjonsnummeret i Enhetsregisteret\./);
    const forged = await b.post(addUrl, { orgNo: CUSTOMER });
    assert.equal(forged.statusCode, 403);
    assert.match(text(forged.body), /Skjemaet kunne ikke sendes/);
    const empty = await b.post(addUrl, { _csrf: token });
    assert.equal(empty.statusCode, 400);
    assert.match(text(empty.body), /Ugyldig forespørsel/);
    const tooLong = await b.post(addUrl, { _csrf: token, orgNo: '3'.repeat(201) });
    assert.equal(tooLong.statusCode, 400);
    assert.match(text(tooLong.body), /Ugyldig forespørsel/);
    assert.deepEqual(await clientsOf(w, agent), []);
    await w.app.close();
  });
});
