// The confirmUrl page of a system user request (standard: …/systemuser/request?id=…, agent:
// …/systemuser/agentrequest?id=…, change request: …/systemuser/changerequest?id=…): what the vendor asks for, with Godkjenn and Avvis when the person
// may answer, or the reason they may not.

import type { Locator, Page } from 'playwright-core';
import { submitAndArrive } from './navigation.ts';

export class RequestPage {
  readonly heading: Locator;
  readonly approveButton: Locator;
  readonly rejectButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.approveButton = page.getByRole('button', { name: 'Godkjenn', exact: true });
    this.rejectButton = page.getByRole('button', { name: 'Avvis', exact: true });
  }

  /** Waits until the request page (or the portal's reason for not showing it) is in front of the person. */
  async arrive(): Promise<void> {
    await this.heading.waitFor();
  }

  approve(): Promise<void> {
    return submitAndArrive(this.page, this.approveButton);
  }

  reject(): Promise<void> {
    return submitAndArrive(this.page, this.rejectButton);
  }
}
