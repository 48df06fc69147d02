// The browser side of one scenario: one BrowserContext (its own cookies, its own login) per actor,
// made on first use, traced from the start, and closed when the scenario ends. The session also
// remembers which actors' pages a step used, so the AfterStep hook can attach a screenshot of each
// (and, when the step failed, the Playwright trace).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** How long a page action or navigation may take before the step fails (well inside cucumber's 30 s step timeout). */
export const ACTION_TIMEOUT_MS = 10_000;
export const NAVIGATION_TIMEOUT_MS = 15_000;

/**
 * The web sites of the suite's own synthetic parties (a vendor's `allowedRedirectUrls` are
 * https://systemleverandor-<orgno>.samsvar.invalid/...). `.invalid` never resolves (RFC 6761), so the
 * suite plays those sites itself: a browser sent there gets a small page saying where it landed.
 */
export const SYNTHETIC_SITES = 'https://*.samsvar.invalid/*';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page a synthetic party's site shows (the vendor's landing page after Altinn). */
export function syntheticSitePage(url: string): string {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Systemleverandørens side</title></head>
<body><main><h1>Systemleverandørens side</h1><p>Nettleseren kom hit fra Altinn:</p><p><code>${escapeHtml(url)}</code></p>
<p>(Siden spilles av Samsvar; domenet .invalid finnes ikke på nettet.)</p></main></body></html>`;
}

/**
 * Serves the synthetic sites in the page. The browser reaches them by a redirect (the portal's 303
 * after an answer), and Playwright's own routing never sees the target of a redirect, so this uses the
 * DevTools protocol's request interception (Chromium), which pauses every request to those hosts,
 * redirected or not.
 */
async function serveSyntheticSites(cdp: CDPSession): Promise<void> {
  cdp.on('Fetch.requestPaused', (event) => {
    const body = Buffer.from(syntheticSitePage(event.request.url)).toString('base64');
    cdp
      .send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 200, responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }], body })
      .catch(() => undefined); // the page went away meanwhile
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: SYNTHETIC_SITES, requestStage: 'Request' }] });
}

interface ActorBrowser {
  context: BrowserContext;
  page: Page;
  /** True while tracing records (stopped once the trace has been saved for a failure). */
  tracing: boolean;
}

/** A page a step used, for the screenshot, with what was captured along the way. */
export interface UsedPage {
  actor: string;
  page: Page;
  /** Screenshots taken during the step (for example the page just before the person pressed a button). */
  captured: Array<{ label: string; png: Buffer }>;
}

export class BrowserSession {
  /** Contexts being made or made, by actor (a failed one is forgotten, so the next step tries again). */
  private readonly opening = new Map<string, Promise<ActorBrowser>>();
  /** Contexts that are open, by actor. */
  private readonly opened = new Map<string, ActorBrowser>();
  private readonly used = new Set<string>();
  private readonly captured = new Map<string, Array<{ label: string; png: Buffer }>>();

  /** `browser` gives the worker's browser (or throws BrowserUnavailable). */
  constructor(private readonly browser: () => Promise<Browser>) {}

  /** True when some actor has an open context in this scenario. */
  get active(): boolean {
    return this.opened.size > 0;
  }

  /** The actor's page (its own context, made on first use), marked as used by the current step. */
  async pageFor(actor: string): Promise<Page> {
    let made = this.opening.get(actor);
    if (!made) {
      made = this.open();
      this.opening.set(actor, made);
      made.then((entry) => this.opened.set(actor, entry), () => this.opening.delete(actor));
    }
    const entry = await made;
    this.opened.set(actor, entry);
    this.used.add(actor);
    return entry.page;
  }

  private async open(): Promise<ActorBrowser> {
    const browser = await this.browser();
    const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    // DOM snapshots of every action (the trace viewer shows them); no screencast, which costs more than it tells here.
    await context.tracing.start({ screenshots: false, snapshots: true, sources: false });
    const page = await context.newPage();
    await serveSyntheticSites(await context.newCDPSession(page));
    return { context, page, tracing: true };
  }

  /**
   * A full-page screenshot of the actor's page now, attached to the current step before the
   * screenshot of where the step ended (what the person saw before pressing a button).
   */
  async capture(actor: string, label: string): Promise<void> {
    const page = this.opened.get(actor)?.page;
    if (!page || page.isClosed()) return;
    const png = await page.screenshot({ fullPage: true });
    this.captured.set(actor, [...(this.captured.get(actor) ?? []), { label, png }]);
  }

  /** The pages the current step used (then forgotten, ready for the next step). */
  takeUsed(): UsedPage[] {
    const actors = [...this.used];
    this.used.clear();
    const pages = actors.flatMap((actor) => this.pageOf(actor));
    this.captured.clear();
    return pages;
  }

  /** Every actor's page that is open now. */
  openPages(): UsedPage[] {
    return [...this.opened.keys()].flatMap((actor) => this.pageOf(actor));
  }

  private pageOf(actor: string): UsedPage[] {
    const page = this.opened.get(actor)?.page;
    return page && !page.isClosed() ? [{ actor, page, captured: this.captured.get(actor) ?? [] }] : [];
  }

  /**
   * Stops the actor's trace and returns it as a zip (Playwright trace viewer format), once: the
   * trace covers the scenario from the actor's first page up to the failure.
   */
  async traceZip(actor: string): Promise<Buffer | undefined> {
    const entry = this.opened.get(actor);
    if (!entry || !entry.tracing) return undefined;
    entry.tracing = false;
    const dir = await mkdtemp(join(tmpdir(), 'samsvar-trace-'));
    const path = join(dir, 'trace.zip');
    try {
      await entry.context.tracing.stop({ path });
      return await readFile(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Closes every context of the scenario (traces not saved are dropped). */
  async close(): Promise<void> {
    const all = [...this.opening.values()];
    this.opening.clear();
    this.opened.clear();
    this.used.clear();
    this.captured.clear();
    await Promise.all(all.map(async (made) => {
      try {
        await (await made).context.close();
      } catch {
        // never opened, or the browser is gone
      }
    }));
  }
}
