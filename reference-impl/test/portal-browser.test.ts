// The portal in a real browser: Debian's Chromium driven by playwright-core against the reference
// listening on 127.0.0.1 (port 0). A person logs in at the test login, approves a request at its
// confirmUrl (the request made through the vendor API with a minted Maskinporten token) and lands on
// the vendor's redirectUrl; rejects another and sees the receipt; a daglig leder grants a package to an
// accountant, and is refused an accountant package with the API's code; the accountant approves an
// agent request, adds and removes the customer as a client, and is refused a party that is not a
// client, typed by its number; a person without a role sees the API's refusal. Every page visited is checked with
// axe-core: zero serious or critical violations, and the counts per page are printed.
// Without /usr/bin/chromium the test FAILS and says how to install it (never a silent skip).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import type { ReferenceConfig } from '../src/config.ts';

/** Debian's Chromium (no browser download); SAMSVAR_CHROMIUM_PATH points elsewhere, e.g. to see the failure. */
const CHROMIUM = process.env.SAMSVAR_CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

const VENDOR = '310000019';
const CUSTOMER = '310000035';
const ACCOUNTANT = '310000043';
const DAGL = '01818510078';
const NOBODY = '01818510159';
const ACCOUNTANT_DAGL = '01818510310';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const REDIRECT = 'https://vendor.example/callback';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/** Runs axe-core on the page, prints the counts, and returns the serious and critical violations. */
async function axe(page: Page, name: string, report: string[]): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')),
  })))`) as AxeViolation[];
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const line = `axe ${name}: ${violations.length} violations, ${severe.length} serious/critical${violations.length ? ` (${violations.map((v) => `${v.id}:${v.impact}`).join(', ')})` : ''}`;
  report.push(line);
  console.log(line);
  return severe;
}

async function assertAccessible(page: Page, name: string, report: string[]): Promise<void> {
  const severe = await axe(page, name, report);
  assert.deepEqual(severe, [], `axe found serious or critical violations on "${name}": ${JSON.stringify(severe, null, 2)}`);
}

async function td(app: FastifyInstance, url: string, payload: unknown): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: url.startsWith('/resources') ? 'PUT' : 'POST', url: `/testdata/api/v1${url}`, payload: payload as object });
  assert.ok(res.statusCode < 300, `test data ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

async function mp(app: FastifyInstance, scope: string): Promise<string> {
  const body = await td(app, '/maskinporten/tokens', { claims: { scope, client_id: 'portal-browser', consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } } });
  return String(body.access_token);
}

async function vendorCall(app: FastifyInstance, method: 'GET' | 'POST', url: string, scope: string, payload?: unknown) {
  return app.inject({ method, url, headers: { authorization: `Bearer ${await mp(app, scope)}` }, ...(payload ? { payload: payload as object } : {}) });
}

/** Builds the world; returns the partyUuid of each organisation by org number. */
async function setup(app: FastifyInstance): Promise<Record<string, string>> {
  const partyUuids: Record<string, string> = {};
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [CUSTOMER, 'Kunde AS'], [ACCOUNTANT, 'Regnskapsfører AS']] as const) {
    partyUuids[orgNo] = String((await td(app, '/organisations', { orgNo, name, orgForm: 'AS' })).partyUuid);
  }
  for (const [pid, name] of [[DAGL, 'Dagny Leder'], [NOBODY, 'Nils Ingen'], [ACCOUNTANT_DAGL, 'Rita Regnskap']] as const) {
    await td(app, '/persons', { pid, name });
  }
  await td(app, '/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } });
  await td(app, '/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: ACCOUNTANT_DAGL } });
  const vendor = { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` };
  const description = { nb: 'System for tester', nn: 'System for testar', en: 'System for tests' };
  for (const system of [
    { id: `${VENDOR}_regnskap`, name: { nb: 'Regnskap Pluss', nn: 'Rekneskap Pluss', en: 'Accounting Plus' }, accessPackages: [{ urn: PKG('merverdiavgift') }], isVisible: true },
    { id: `${VENDOR}_klient`, name: { nb: 'Klientsystem', nn: 'Klientsystem', en: 'Client system' }, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }, { urn: PKG('merverdiavgift') }], isVisible: false },
  ]) {
    const res = await vendorCall(app, 'POST', '/authentication/api/v1/systemregister/vendor', 'altinn:authentication/systemregister.write',
      { vendor, description, rights: [], clientId: [], allowedRedirectUrls: [REDIRECT], ...system });
    assert.equal(res.statusCode, 200, res.body);
  }
  return partyUuids;
}

async function createRequest(app: FastifyInstance, body: Record<string, unknown>, agent = false): Promise<{ id: string; confirmUrl: string }> {
  const res = await vendorCall(app, 'POST', `/authentication/api/v1/systemuser/request/vendor${agent ? '/agent' : ''}`, 'altinn:authentication/systemuser.request.write', body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; confirmUrl: string };
}

async function status(app: FastifyInstance, id: string): Promise<string> {
  const res = await vendorCall(app, 'GET', `/authentication/api/v1/systemuser/request/vendor/${id}`, 'altinn:authentication/systemuser.request.read');
  return String((res.json() as { status: string }).status);
}

test('browser: log in, approve at the confirmUrl, reject, refusals; axe finds no serious or critical violations', { timeout: 120_000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium`);

  const config: ReferenceConfig = { publicUrl: '', logger: false };
  const app = await buildApp(config);
  let browser: Browser | undefined;
  const report: string[] = [];
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    config.publicUrl = `http://127.0.0.1:${port}`;
    const partyUuids = await setup(app);
    const withRedirect = await createRequest(app, { systemId: `${VENDOR}_regnskap`, partyOrgNo: CUSTOMER, externalRef: 'a', accessPackages: [{ urn: PKG('merverdiavgift') }], redirectUrl: REDIRECT });
    const plain = await createRequest(app, { systemId: `${VENDOR}_regnskap`, partyOrgNo: CUSTOMER, externalRef: 'b', accessPackages: [{ urn: PKG('merverdiavgift') }] });
    const agent = await createRequest(app, { systemId: `${VENDOR}_klient`, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('merverdiavgift') }] }, true);
    assert.ok(withRedirect.confirmUrl.startsWith(`${config.publicUrl}/portal/`), withRedirect.confirmUrl);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ locale: 'nb-NO' });
    // The vendor's site is not on the network: the browser gets a stand-in page for it.
    await context.route('https://vendor.example/**', (route) => route.fulfill({
      status: 200, contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="nb"><head><title>Leverandør</title></head><body><main><h1>Tilbake hos leverandøren</h1></main></body></html>',
    }));
    const page = await context.newPage();

    // 1. The confirmUrl sends a person who is not logged in to the test login.
    await page.goto(withRedirect.confirmUrl);
    assert.equal(new URL(page.url()).pathname, '/portal/login');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await assertAccessible(page, 'innlogging', report);

    // 2. A wrong number: the field is marked invalid and explained.
    await page.getByLabel('Fødselsnummer').fill('12345678901');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Fødselsnummeret er ikke gyldig.').waitFor();
    await assertAccessible(page, 'innlogging med feil', report);

    // 3. Log in and land back on the confirmUrl page.
    await page.getByLabel('Fødselsnummer').fill(DAGL);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forespørsel om systembruker' }).waitFor();
    assert.equal(page.url(), withRedirect.confirmUrl);
    assert.ok(await page.getByText('Regnskap Pluss').first().isVisible());
    assert.ok(await page.getByText('Merverdiavgift', { exact: true }).isVisible());
    await assertAccessible(page, 'forespørsel (standard)', report);

    // 4. Approve: the browser goes to the request's redirectUrl.
    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await page.waitForURL(`${REDIRECT}**`);
    assert.equal(page.url(), REDIRECT);
    assert.equal(await status(app, withRedirect.id), 'Accepted');

    // 5. The same confirmUrl again: already answered, no buttons.
    await page.goto(withRedirect.confirmUrl);
    await page.getByRole('heading', { name: 'Forespørselen er allerede besvart' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Godkjenn' }).count(), 0);
    await assertAccessible(page, 'forespørsel allerede besvart', report);

    // 6. Reject a request without a redirectUrl: the receipt.
    await page.goto(plain.confirmUrl);
    await page.getByRole('button', { name: 'Avvis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forespørselen er avvist' }).waitFor();
    assert.equal(await status(app, plain.id), 'Rejected');
    await assertAccessible(page, 'kvittering (avvist)', report);

    // 7. The portal's own error page (a malformed link).
    await page.goto(`${config.publicUrl}/portal/accessmanagement/ui/systemuser/request?DONTCHOOSEREPORTEE=true`);
    await page.getByRole('heading', { level: 1, name: 'Ugyldig forespørsel' }).waitFor();
    await assertAccessible(page, 'feilside', report);

    // 8. The customer's daglig leder grants merverdiavgift to the accountant organisation.
    await page.goto(`${config.publicUrl}/portal/accessmanagement/ui/connections?party=${partyUuids[CUSTOMER]}`);
    await page.getByRole('heading', { level: 1, name: 'Tilganger til regnskapsfører' }).waitFor();
    await assertAccessible(page, 'tilganger til regnskapsfører', report);
    await page.getByLabel('Organisasjonsnummer').fill(ACCOUNTANT);
    await page.getByLabel('Tilgangspakke').selectOption({ label: 'Merverdiavgift' });
    await page.getByRole('button', { name: 'Gi tilgang' }).click();
    await page.getByText('Tilgangspakken er gitt.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Fjern Merverdiavgift fra Regnskapsfører AS' }).count(), 1);
    await assertAccessible(page, 'tilganger (pakke gitt)', report);
    // A package only the ER role gives: the person can pick it, and the page shows the API's refusal.
    await page.getByLabel('Organisasjonsnummer').fill(ACCOUNTANT);
    await page.getByLabel('Tilgangspakke').selectOption({ label: 'Regnskapsfører med signeringsrettighet' });
    await page.getByRole('button', { name: 'Gi tilgang' }).click();
    await page.getByText('Feilkode STD-00000 (AM.VLD-00026)', { exact: false }).waitFor();
    await assertAccessible(page, 'tilganger (avvist, AM.VLD-00026)', report);

    // 9. Logout, then a person without any role in the customer sees the API's refusal.
    await page.goto(`${config.publicUrl}/portal`);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const refused = await createRequest(app, { systemId: `${VENDOR}_regnskap`, partyOrgNo: CUSTOMER, externalRef: 'c', accessPackages: [{ urn: PKG('merverdiavgift') }] });
    await page.goto(refused.confirmUrl);
    await page.getByLabel('Fødselsnummer').fill(NOBODY);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Kan ikke vise forespørselen' }).waitFor();
    assert.ok(await page.getByText('Feilkode AUTH-00066', { exact: false }).isVisible());
    await assertAccessible(page, 'avvist tilgang (AUTH-00066)', report);

    // 10. The accountant's daglig leder approves the agent request: receipt.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.goto(agent.confirmUrl);
    await page.getByLabel('Fødselsnummer').fill(ACCOUNTANT_DAGL);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forespørsel om klientsystembruker' }).waitFor();
    await assertAccessible(page, 'forespørsel (klientsystembruker)', report);
    await page.getByRole('button', { name: 'Godkjenn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Systembrukeren er opprettet' }).waitFor();
    await assertAccessible(page, 'kvittering (godkjent)', report);

    // 11. ... and adds the customer as a client of the agent system user, then removes it.
    await page.goto(`${config.publicUrl}/portal/accessmanagement/ui/systemuser/${agent.id}/clients?party=${ACCOUNTANT}`);
    await page.getByRole('heading', { level: 1, name: 'Klienter for systembruker' }).waitFor();
    await assertAccessible(page, 'klienter (tilgjengelig)', report);
    await page.getByRole('button', { name: 'Legg til Kunde AS' }).click();
    await page.getByText('Klienten er lagt til.').waitFor();
    await assertAccessible(page, 'klienter (lagt til)', report);
    await page.getByRole('button', { name: 'Fjern Kunde AS' }).click();
    await page.getByText('Klienten er fjernet.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Legg til Kunde AS' }).count(), 1);
    // A party that is not a client, typed by its number: the page shows the API's refusal with the code.
    await page.getByLabel('Organisasjonsnummer').fill(VENDOR);
    await page.getByRole('button', { name: 'Legg til klient', exact: true }).click();
    await page.getByText('Feilkode AUTH-00079', { exact: false }).waitFor();
    assert.equal(await page.getByLabel('Organisasjonsnummer').inputValue(), VENDOR);
    await assertAccessible(page, 'klienter (avvist, AUTH-00079)', report);

    // Canary: axe really runs and finds a critical violation on a page made to have one.
    await page.setContent('<!doctype html><html lang="nb"><head><title>Kanari</title></head><body><main><img src="data:,"></main></body></html>');
    const canary = await axe(page, 'kanari (skal ha brudd)', report);
    assert.deepEqual(canary.map((v) => v.id), ['image-alt'], 'axe did not find the missing alt text on the canary page');

    await context.close();
  } finally {
    await browser?.close();
    await app.close();
    if (report.length) console.log(`axe summary:\n  ${report.join('\n  ')}`);
  }
});
