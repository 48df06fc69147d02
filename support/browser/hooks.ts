// Hooks of the browser path: one browser per worker (BeforeAll, AfterAll), a screenshot under every
// step that used a page, the Playwright trace under a step that failed, and the scenario's contexts
// closed at its end. Evidence of the HTTP calls the suite still makes is attached by support/hooks.ts.

import { After, AfterAll, AfterStep, BeforeAll, Status } from '@cucumber/cucumber';
import type { SamsvarWorld } from '../world.ts';
import type { UsedPage } from './session.ts';
import { workerBrowser } from './worker.ts';

/** Launched only when persons act in the browser in this run (the runner's --end-user browser). */
BeforeAll(async function () {
  if (process.env.SAMSVAR_END_USER !== 'browser') return;
  const problem = await workerBrowser.start();
  // Said once per worker, at the start; every step that needs the browser then fails as broken with it.
  if (problem) console.error(`\nSamsvar: ${problem}\n`);
});

AfterAll(async function () {
  await workerBrowser.close();
});

async function attachScreenshot(world: SamsvarWorld, { actor, page, captured }: UsedPage): Promise<void> {
  for (const { label, png } of captured) {
    await world.attach(png, { mediaType: 'image/png', fileName: `Skjermbilde (${actor}): ${label}.png` });
  }
  try {
    const png = await page.screenshot({ fullPage: true });
    await world.attach(png, { mediaType: 'image/png', fileName: `Skjermbilde (${actor}).png` });
  } catch (error) {
    await world.attach(`Skjermbildet kunne ikke tas: ${error instanceof Error ? error.message : String(error)}`, { mediaType: 'text/plain', fileName: `Skjermbilde (${actor}) mangler` });
  }
}

async function attachTrace(world: SamsvarWorld, actor: string): Promise<void> {
  try {
    const zip = await world.browser.traceZip(actor);
    if (zip) await world.attach(zip, { mediaType: 'application/zip', fileName: `Playwright-spor (${actor}).zip` });
  } catch (error) {
    await world.attach(`Playwright-sporet kunne ikke lagres: ${error instanceof Error ? error.message : String(error)}`, { mediaType: 'text/plain', fileName: `Playwright-spor (${actor}) mangler` });
  }
}

/**
 * Every step that used a page gets a full-page screenshot of it, pass or fail. A failing step in a
 * scenario with pages also gets each open page's screenshot and trace (open it with
 * `npx playwright show-trace <fil>.zip` or at trace.playwright.dev).
 */
AfterStep(async function (this: SamsvarWorld, { result }) {
  const used = this.browser.takeUsed();
  const failed = result.status === Status.FAILED;
  for (const page of used) await attachScreenshot(this, page);
  if (!failed) return;
  const shown = new Set(used.map((u) => u.actor));
  for (const page of this.browser.openPages()) {
    if (!shown.has(page.actor)) await attachScreenshot(this, page);
    await attachTrace(this, page.actor);
  }
});

After(async function (this: SamsvarWorld) {
  await this.browser.close();
});
