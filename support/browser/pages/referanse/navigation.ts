// Arrival after a form: the portal answers every form with a new document (a redirect to the next
// page, or the same page again with the platform's refusal, sometimes at the same URL), so a submit
// has arrived when a new document has loaded and shows its main heading.

import type { Locator, Page } from 'playwright-core';

export async function submitAndArrive(page: Page, button: Locator): Promise<void> {
  // The page in front of the person must have finished loading, or its own late load event would be
  // taken for the answer's.
  await page.waitForLoadState('load');
  await Promise.all([page.waitForEvent('load'), button.click()]);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}
