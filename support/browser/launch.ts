// Launching the browser the portal steps drive: Debian's Chromium at /usr/bin/chromium through
// playwright-core (no browser download; `.ci/run` installs the package). Without a usable browser the
// steps that need one are *broken* (the test could not run), never skipped, and the message says
// exactly how to install it.

import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { Broken } from '../clients/http.ts';

/** Where Debian and Ubuntu put the `chromium` package's browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a headless browser in a container or CI: no sandbox (no user namespaces there), no GPU,
 * /tmp instead of a small /dev/shm, and none of Chromium's own traffic (updates, sync, QUIC probes),
 * so the only requests are the ones the steps make.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What to do when there is no browser: install Debian's package, or let persons act through the APIs. */
export const INSTALL_HINT =
  'Installer Chromium med `apt-get install -y chromium` (Debian/Ubuntu; Samsvar bruker /usr/bin/chromium og laster aldri ned nettlesere selv), ' +
  'eller kjør uten nettleser med `npm run conformance -- --end-user api`.';

/** The browser steps cannot run: no Chromium, or it would not start. Broken, not a verdict on the target. */
export class BrowserUnavailable extends Broken {
  override name = 'BrowserUnavailable';
}

/**
 * The browser's executable: /usr/bin/chromium, or SAMSVAR_CHROMIUM_PATH when set (another
 * installation of the same package, or a path that does not exist, to prove the broken path).
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SAMSVAR_CHROMIUM_PATH || CHROMIUM_PATH;
}

/** Starts headless Chromium, or throws BrowserUnavailable saying why and how to install it. */
export async function launchChromium(executablePath: string = chromiumPath()): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new BrowserUnavailable(`Ingen nettleser for stegene der en person handler i portalen: ${executablePath} finnes ikke. ${INSTALL_HINT}`);
  }
  try {
    // Loaded here, not at the top, so a run where persons act through the APIs never loads Playwright.
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BrowserUnavailable(`Nettleseren ${executablePath} kunne ikke startes (${reason}). ${INSTALL_HINT}`);
  }
}
