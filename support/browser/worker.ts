// One browser per cucumber worker: launched once in BeforeAll (hooks.ts) when persons act in the
// browser, shared by every scenario the worker runs (each scenario makes its own contexts, see
// session.ts), closed in AfterAll. This is the suite's only worker-scoped state, and it holds nothing
// a scenario can change: scenarios see the browser only through their own contexts.

import type { Browser } from 'playwright-core';
import { BrowserUnavailable, launchChromium } from './launch.ts';

export class WorkerBrowser {
  private launching: Promise<Browser> | undefined;

  constructor(private readonly launch: () => Promise<Browser> = () => launchChromium()) {}

  /**
   * Starts the browser (once). A failure is kept, not thrown: every step that needs the browser then
   * fails as broken with the same message, and the returned message is printed once for the run.
   */
  async start(): Promise<string | undefined> {
    this.launching ??= this.launch();
    try {
      await this.launching;
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** The worker's browser, launching it on first use; BrowserUnavailable when there is none. */
  async get(): Promise<Browser> {
    this.launching ??= this.launch();
    try {
      const browser = await this.launching;
      if (!browser.isConnected()) throw new BrowserUnavailable('Nettleseren har stoppet midt i kjøringen (Chromium krasjet eller ble drept).');
      return browser;
    } catch (error) {
      if (error instanceof BrowserUnavailable) throw error;
      throw new BrowserUnavailable(error instanceof Error ? error.message : String(error));
    }
  }

  async close(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    try {
      await (await launching).close();
    } catch {
      // never launched, or already gone
    }
  }
}

/** This worker's browser. */
export const workerBrowser = new WorkerBrowser();
