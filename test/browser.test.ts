// The browser path of the suite: how the run decides who acts in the browser, what happens without a
// browser (broken, with the install command), the reference flavour's page reading, the portal
// verdicts, and, with Debian's Chromium, the flavour driving a small fake portal end to end (login,
// answer, redirect to the vendor's site, screenshots and trace).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Cast } from '../support/actors/cast.ts';
import { EvidenceRecorder } from '../support/evidence.ts';
import { endUserMode } from '../support/browser/mode.ts';
import { BrowserUnavailable, CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../support/browser/launch.ts';
import { WorkerBrowser } from '../support/browser/worker.ts';
import { BrowserSession, syntheticSitePage } from '../support/browser/session.ts';
import { describeView, requireShown, type PageView, type PortalAnswer } from '../support/browser/portal.ts';
import { referansePortal } from '../support/browser/pages/referanse/index.ts';
import { classify, errorCodesIn, onPortal } from '../support/browser/pages/referanse/view.ts';
import { expectAnsweredInPortal, expectRefusedInPortal, expectShown, sameUrl } from '../support/expectations/portal.ts';
import { approveRequest } from '../support/tasks/systemuser.ts';
import type { TargetProfile } from '../support/target/profile.ts';

const PORTAL = 'http://portal.samsvar.test/portal';

function profile(capabilities: string[]): TargetProfile {
  return {
    name: 'test',
    path: 'test',
    reference: false,
    endpoints: { platform: 'http://portal.samsvar.test', portal: PORTAL },
    capabilities: capabilities as TargetProfile['capabilities'],
  };
}

function view(partial: Partial<PageView>): PageView {
  const seen = { url: `${PORTAL}/x`, heading: '', notices: [], errorCodes: [], ...partial };
  return { ...seen, shows: partial.shows ?? classify(seen, PORTAL) };
}

function answer(offered: boolean, partial: Partial<PageView>, action = 'Godkjenn'): PortalAnswer {
  return { action, offered, view: view(partial) };
}

// ---- Who acts in the browser -------------------------------------------------------------------

test('persons act in the browser only with --end-user browser on a target that declares portal-ui', () => {
  assert.equal(endUserMode(profile(['portal-ui']), { SAMSVAR_END_USER: 'browser' }), 'browser');
  assert.equal(endUserMode(profile(['portal-ui']), { SAMSVAR_END_USER: 'api' }), 'api');
  assert.equal(endUserMode(profile(['portal-ui']), {}), 'api', 'without the runner’s choice, the API');
  assert.equal(endUserMode(profile([]), { SAMSVAR_END_USER: 'browser' }), 'api', 'no portal, no browser');
});

// ---- Without a browser: broken, with the install command -----------------------------------------

test('a missing Chromium is BrowserUnavailable (broken, not a verdict) and says how to install it', async () => {
  await assert.rejects(launchChromium('/finnes/ikke/chromium'), (error: Error) => {
    assert.ok(error instanceof BrowserUnavailable);
    assert.equal(error.name, 'BrowserUnavailable');
    assert.ok(!(error instanceof assert.AssertionError), 'an AssertionError would be reported as failed, not broken');
    assert.match(error.message, /\/finnes\/ikke\/chromium finnes ikke/);
    assert.match(error.message, /apt-get install -y chromium/);
    assert.match(error.message, /--end-user api/);
    return true;
  });
  assert.equal(CHROMIUM_PATH, '/usr/bin/chromium');
  for (const flag of ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic']) assert.ok(CHROMIUM_ARGS.includes(flag), flag);
});

test('the worker keeps a failed launch: start() reports it once, and every page asked for is broken with it', async () => {
  let launches = 0;
  const worker = new WorkerBrowser(async () => {
    launches += 1;
    throw new BrowserUnavailable('Ingen nettleser: installer med `apt-get install -y chromium`.');
  });
  assert.match((await worker.start()) ?? '', /apt-get install -y chromium/);
  const session = new BrowserSession(() => worker.get());
  await assert.rejects(session.pageFor('daglig leder i virksomheten'), BrowserUnavailable);
  await assert.rejects(session.pageFor('daglig leder i virksomheten'), /apt-get install -y chromium/);
  assert.equal(launches, 1, 'launched once per worker');
  assert.equal(session.active, false);
  assert.deepEqual(session.takeUsed(), []);
  await session.close();
  await worker.close();
});

test('in browser mode a person with no browser session cannot act silently through the API instead', async () => {
  const previous = process.env.SAMSVAR_END_USER;
  process.env.SAMSVAR_END_USER = 'browser';
  try {
    const worker = new WorkerBrowser(async () => {
      throw new BrowserUnavailable('Ingen nettleser. Installer Chromium med `apt-get install -y chromium`.');
    });
    const cast = new Cast({ profile: profile(['portal-ui']), recorder: new EvidenceRecorder(), browser: new BrowserSession(() => worker.get()) });
    const company = cast.company();
    const person = company.dagligLeder;
    person.useExisting({ pid: '01818012345' });
    const vendor = cast.vendor();
    // A request as the vendor saw it, so the task gets as far as opening the confirmUrl.
    vendor.notes.customers.set('310000019', { request: { status: 201, headers: {}, body: {}, text: '', data: { id: 'r1', confirmUrl: `${PORTAL}/accessmanagement/ui/systemuser/request?id=r1` }, exchange: {} } as never });
    Object.defineProperty(company, 'orgNo', { value: '310000019' });
    assert.equal(person.actsInBrowser, true);
    await assert.rejects(approveRequest(company, person, vendor), /apt-get install -y chromium/);
    assert.equal(company.notes.approval, undefined, 'no API call was made in its place');
  } finally {
    if (previous === undefined) delete process.env.SAMSVAR_END_USER;
    else process.env.SAMSVAR_END_USER = previous;
  }
});

// ---- Reading the reference portal's pages ------------------------------------------------------------

test('error codes are read from the refusal line as the portal shows it', () => {
  assert.deepEqual(errorCodesIn('Feilkode AUTH-00080: Client is missing packages'), ['AUTH-00080']);
  assert.deepEqual(errorCodesIn('Feilkode STD-00000 (AM.VLD-00026): One or more validation errors occurred.'), ['STD-00000', 'AM.VLD-00026']);
  assert.deepEqual(errorCodesIn('HTTP-status 404: Fant ikke virksomheten.'), []);
});

test('a page is on the portal only below its endpoint, on the same origin', () => {
  assert.ok(onPortal(`${PORTAL}/accessmanagement/ui/connections?party=x`, PORTAL));
  assert.ok(onPortal(PORTAL, `${PORTAL}/`));
  assert.ok(!onPortal('http://portal.samsvar.test/portalen/x', PORTAL));
  assert.ok(!onPortal('https://systemleverandor-1.samsvar.invalid/ferdig', PORTAL));
  assert.ok(!onPortal('chrome-error://chromewebdata/', PORTAL));
});

test('the reference portal’s texts map to page states, a refusal before the state it explains', () => {
  assert.equal(view({ heading: 'Systembrukeren er opprettet' }).shows, 'approved');
  assert.equal(view({ heading: 'Forespørselen er avvist' }).shows, 'rejected');
  assert.equal(view({ heading: 'Forespørsel om systembruker', notices: ['Forespørselen er allerede besvart'] }).shows, 'already-answered');
  assert.equal(view({ heading: 'Forespørsel om klientsystembruker', notices: ['Du kan ikke godkjenne denne forespørselen'] }).shows, 'not-access-manager');
  assert.equal(view({ heading: 'Forespørsel om systembruker', notices: ['Handlingen ble avvist', 'Forespørselen er allerede besvart'], errorCodes: ['AUTH-00013'] }).shows, 'refused');
  assert.equal(view({ heading: 'Tilganger til regnskapsfører', notices: ['Tilgangspakken er gitt.'] }).shows, 'granted');
  assert.equal(view({ heading: 'Klienter for systembruker', notices: ['Klienten er lagt til.'] }).shows, 'client-added');
  assert.equal(view({ heading: 'Klienter for systembruker', notices: ['Klienten er fjernet.'] }).shows, 'client-removed');
  assert.equal(view({ heading: 'Forespørsel om systembruker' }).shows, 'request');
  assert.equal(view({ heading: 'Logg inn' }).shows, 'login');
  assert.equal(view({ heading: 'Klienter for systembruker' }).shows, 'other');
  assert.equal(view({ url: 'https://systemleverandor-1.samsvar.invalid/ferdig', heading: 'Systembrukeren er opprettet' }).shows, 'left-portal');
});

// ---- Verdicts on what the portal showed -----------------------------------------------------------------

test('an answered request: the receipt, or exactly the redirectUrl (query kept) when the request had one', () => {
  expectAnsweredInPortal(answer(true, { heading: 'Systembrukeren er opprettet' }), 'approved', undefined, 'REQ-3', 'Godkjenning');
  const redirect = 'https://systemleverandor-1.samsvar.invalid/systembruker/ferdig?state=abc';
  expectAnsweredInPortal(answer(true, { url: redirect }), 'approved', redirect, 'UI-4', 'Godkjenning');
  assert.throws(() => expectAnsweredInPortal(answer(true, { url: 'https://systemleverandor-1.samsvar.invalid/systembruker/ferdig' }), 'approved', redirect, 'UI-4', 'Godkjenning'), /\[UI-4\].*redirectUrl/);
  assert.throws(() => expectAnsweredInPortal(answer(true, { heading: 'Systembrukeren er opprettet' }), 'approved', redirect, 'UI-4', 'Godkjenning'), /\[UI-4\]/);
  assert.throws(() => expectAnsweredInPortal(answer(true, { heading: 'Forespørselen er avvist' }), 'approved', undefined, 'REQ-3', 'Godkjenning'), /\[REQ-3\] Godkjenning: portalen skulle vise kvitteringen for at systembrukeren er opprettet, men viste «Forespørselen er avvist»/);
  assert.throws(() => expectAnsweredInPortal(answer(false, { heading: 'Forespørsel om systembruker' }), 'approved', undefined, 'REQ-3', 'Godkjenning'), /portalen tilbød ikke «Godkjenn»/);
  assert.ok(sameUrl('https://a.samsvar.invalid/x?s=1#frag', 'https://a.samsvar.invalid/x?s=1'));
  assert.ok(!sameUrl('https://a.samsvar.invalid/x?s=1', 'https://a.samsvar.invalid/x?s=2'));
});

test('a refusal: refused with the code, or not offered and the page itself explains why; a missing button alone fails', () => {
  const notOffered = answer(false, { heading: 'Forespørsel om systembruker', notices: ['Du kan ikke godkjenne denne forespørselen'] });
  expectRefusedInPortal(notOffered, { explained: ['not-access-manager'] }, 'UI-1', 'Godkjenning');
  assert.throws(() => expectRefusedInPortal(notOffered, { explained: ['already-answered'] }, 'UI-2', 'Avvisning'), /\[UI-2\].*skulle si hvorfor/);
  // No button and no explanation: the refusal was not shown, so the requirement fails (it used to pass with a note).
  const noButton = answer(false, { heading: 'Klienter for systembruker' }, 'Legg til K AS');
  assert.throws(() => expectRefusedInPortal(noButton, { code: 'AUTH-00079' }, 'KD-4', 'Legg til'), /^AssertionError.*\[KD-4\] Legg til: portalen tilbød ikke «Legg til K AS» og viste ikke plattformens avvisning med feilkoden AUTH-00079; at handlingen mangler, er ingen avvisning/);
  assert.throws(() => expectRefusedInPortal(noButton, {}, 'KD-4', 'Legg til'), /\[KD-4\] Legg til: portalen tilbød ikke «Legg til K AS» og sa ikke hvorfor/);
  const noPackage = answer(false, { heading: 'Tilganger til regnskapsfører' }, 'Gi tilgang: Regnskapsfører med signeringsrettighet');
  assert.throws(() => expectRefusedInPortal(noPackage, { code: 'AM.VLD-00026' }, 'KD-8', 'Gi tilgang'), /\[KD-8\].*feilkoden AM\.VLD-00026/);
  // Not offered, but the page explains the refusal with the platform's code: that is the refusal shown.
  const explainedWithCode = answer(false, { heading: 'Tilganger til regnskapsfører', notices: ['Handlingen ble avvist'], errorCodes: ['STD-00000', 'AM.VLD-00026'], errorText: 'Feilkode STD-00000 (AM.VLD-00026): x' }, 'Gi tilgang: R');
  expectRefusedInPortal(explainedWithCode, { code: 'AM.VLD-00026' }, 'KD-8', 'Gi tilgang');
  assert.throws(() => expectRefusedInPortal(explainedWithCode, { code: 'AUTH-00079' }, 'KD-4', 'Legg til'), /\[KD-4\].*feilkoden AUTH-00079.*Feilkode STD-00000 \(AM\.VLD-00026\): x/);
  // Both asked: the state and the code must both be there.
  assert.throws(() => expectRefusedInPortal(notOffered, { explained: ['not-access-manager'], code: 'AUTH-00066' }, 'UI-1', 'Godkjenning'), /\[UI-1\].*feilkoden AUTH-00066/);
  // Tried, and the page shows the refusal text with the code: passes with that code, fails with another.
  const refused = answer(true, { heading: 'Klienter for systembruker', notices: ['Handlingen ble avvist'], errorCodes: ['AUTH-00080'], errorText: 'Feilkode AUTH-00080: x' }, 'Legg til K AS');
  expectRefusedInPortal(refused, { code: 'AUTH-00080' }, 'KD-5', 'Legg til');
  assert.throws(() => expectRefusedInPortal(refused, { code: 'AUTH-00079' }, 'KD-4', 'Legg til'), /\[KD-4\].*feilkoden AUTH-00079.*Feilkode AUTH-00080/);
  const accepted = answer(true, { heading: 'Klienter for systembruker', notices: ['Klienten er lagt til.'] }, 'Legg til K AS');
  assert.throws(() => expectRefusedInPortal(accepted, { code: 'AUTH-00079' }, 'KD-4', 'Legg til'), /\[KD-4\] Legg til: portalen skulle avvise/);
  expectShown(accepted, ['client-added'], 'KD-3', 'Legg til');
  assert.throws(() => expectShown(refused, ['client-added'], 'KD-3', 'Legg til'), /\[KD-3\].*viste «Klienter for systembruker» med «Handlingen ble avvist» \(Feilkode AUTH-00080: x\)/);
  assert.throws(() => expectShown(undefined, ['client-added'], 'KD-3', 'Legg til'), /Ingen handling i portalen/);
});

test('a Given that needs the person’s action is not testable when the page did not show it done', () => {
  requireShown(answer(true, { heading: 'Systembrukeren er opprettet' }), ['approved', 'left-portal'], 'Godkjenningen');
  assert.throws(() => requireShown(answer(false, { heading: 'Forespørsel om systembruker' }), ['approved'], 'Godkjenningen'), /Ikke testbar: Godkjenningen lyktes ikke: portalen tilbød ikke «Godkjenn»/);
  assert.throws(() => requireShown(answer(true, { heading: 'Logg inn' }), ['approved'], 'Godkjenningen'), /Ikke testbar.*«Logg inn»/);
  assert.match(describeView(view({ heading: 'H', notices: ['H', 'N'], errorText: 'Feilkode X-00001' })), /^«H» med «N» \(Feilkode X-00001\) på http/);
});

// ---- The reference flavour against a small fake portal, in Debian's Chromium -----------------------------

const NO_CHROMIUM = existsSync(CHROMIUM_PATH) ? false : `Chromium mangler på ${CHROMIUM_PATH} (apt-get install -y chromium)`;

/** A page in the reference portal's markup: h1, notices as role=status/alert boxes with an h2. */
function html(title: string, body: string, loggedIn: boolean): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${title}</title></head><body>
${loggedIn ? '<form method="post" action="/portal/logout"><button type="submit">Logg ut</button></form>' : ''}
<main><h1>${title}</h1>${body}</main></body></html>`;
}

function notice(heading: string, role = 'status', extra = ''): string {
  return `<div role="${role}"><h2>${heading}</h2>${extra}</div>`;
}

/** Login, a request that can be answered once (then redirects to the vendor), and a clients page. */
function fakePortal(): { handle: (req: IncomingMessage, res: ServerResponse) => void; answered: () => string | undefined } {
  let state: string | undefined;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    const loggedIn = /session=ok/.test(req.headers.cookie ?? '');
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (url.pathname === '/portal/login' && req.method === 'GET') {
      send(200, html('Logg inn', `<form method="post" action="/portal/login"><input type="hidden" name="returnTo" value="${url.searchParams.get('returnTo') ?? '/portal'}">
        <label for="pid">Fødselsnummer</label><input id="pid" name="pid"><button type="submit">Logg inn</button></form>`, false));
      return;
    }
    if (url.pathname === '/portal/login' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        send(303, '', { location: form.get('returnTo') ?? '/portal', 'set-cookie': 'session=ok; Path=/portal' });
      });
      return;
    }
    if (!loggedIn) {
      send(303, '', { location: `/portal/login?returnTo=${encodeURIComponent(url.pathname + url.search)}` });
      return;
    }
    if (url.pathname === '/portal/request' && req.method === 'GET') {
      const body = state
        ? notice('Forespørselen er allerede besvart')
        : `<form method="post" action="/portal/request/approve"><button type="submit">Godkjenn</button></form><form method="post" action="/portal/request/reject"><button type="submit">Avvis</button></form>`;
      send(200, html('Forespørsel om systembruker', body, true));
      return;
    }
    if (url.pathname === '/portal/request/approve' && req.method === 'POST') {
      state = 'Accepted';
      send(303, '', { location: 'https://systemleverandor-1.samsvar.invalid/systembruker/ferdig?state=s1' });
      return;
    }
    if (url.pathname.endsWith('/clients') && req.method === 'GET') {
      const done = url.searchParams.get('done') === 'added' ? notice('Klienten er lagt til.') : '';
      const rows = url.searchParams.get('done') === 'added' ? '' : `<form method="post" action="${url.pathname}/add?party=1"><button type="submit">Legg til<span> Kunde AS</span></button></form>`;
      send(200, html('Klienter for systembruker', done + rows, true));
      return;
    }
    if (url.pathname.endsWith('/clients/add') && req.method === 'POST') {
      send(303, '', { location: `${url.pathname.replace(/\/add$/, '')}?party=1&done=added` });
      return;
    }
    send(404, html('Fant ikke siden', '', loggedIn));
  };
  return { handle, answered: () => state };
}

test('the reference flavour logs in, answers, lands on the vendor’s site, and keeps screenshots and a trace', { skip: NO_CHROMIUM }, async () => {
  const portal = fakePortal();
  const server = createServer(portal.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal`;
  const worker = new WorkerBrowser();
  const session = new BrowserSession(() => worker.get());
  try {
    const page = await session.pageFor('daglig leder');
    const captures: string[] = [];
    const who = { page, pid: '01818012345', portalUrl: base, capture: async (label: string) => { captures.push(label); await session.capture('daglig leder', label); } };

    const approved = await referansePortal.answerRequest(who, `${base}/request?id=r1`, 'approve');
    assert.equal(portal.answered(), 'Accepted');
    assert.equal(approved.offered, true);
    assert.equal(approved.view.shows, 'left-portal');
    assert.equal(approved.view.url, 'https://systemleverandor-1.samsvar.invalid/systembruker/ferdig?state=s1');
    assert.equal(approved.view.heading, 'Systemleverandørens side', 'the suite plays the vendor’s .invalid site');
    assert.deepEqual(captures, ['før «Godkjenn»']);

    const used = session.takeUsed();
    assert.deepEqual(used.map((u) => u.actor), ['daglig leder']);
    assert.equal(used[0]?.captured.length, 1);
    assert.deepEqual([...(used[0]?.captured[0]?.png.subarray(1, 4) ?? [])], [...Buffer.from('PNG')]);
    assert.deepEqual(session.takeUsed(), [], 'a step that did not use the page gets no screenshot');

    const again = await referansePortal.answerRequest(who, `${base}/request?id=r1`, 'reject');
    assert.equal(again.offered, false, 'an answered request offers no buttons');
    assert.equal(again.view.shows, 'already-answered');

    const agent = { systemUserId: 'a1', owner: { orgNo: '310000027', partyUuid: 'p1', name: 'Regnskap AS' } };
    const absent = await referansePortal.addClient(who, agent, { orgNo: '310000035', partyUuid: 'p2', name: 'Annen AS' });
    assert.equal(absent.offered, false);
    const added = await referansePortal.addClient(who, agent, { orgNo: '310000035', partyUuid: 'p2', name: 'Kunde AS' });
    assert.equal(added.offered, true);
    assert.equal(added.view.shows, 'client-added');

    const zip = await session.traceZip('daglig leder');
    assert.ok(zip && zip.subarray(0, 2).toString() === 'PK', 'the trace is a zip');
    assert.equal(await session.traceZip('daglig leder'), undefined, 'saved once');
  } finally {
    await session.close();
    await worker.close();
    server.close();
  }
});

test('the synthetic site page escapes the URL it shows', () => {
  assert.match(syntheticSitePage('https://x.samsvar.invalid/?a=<b>&c="d"'), /\?a=&lt;b&gt;&amp;c=&quot;d&quot;/);
});
