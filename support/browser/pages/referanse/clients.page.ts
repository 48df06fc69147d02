// The page where an accountant's client administrator manages the clients of an agent system user
// (…/accessmanagement/ui/systemuser/{id}/clients?party={orgNo}): the clients it has, with "Fjern", and
// the clients available, with "Legg til". Each row's button is named after the client.

import type { Locator, Page } from 'playwright-core';
import { submitAndArrive } from './navigation.ts';

export class ClientsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Klienter for systembruker' });
  }

  async arrive(): Promise<void> {
    await this.heading.waitFor();
  }

  addButton(clientName: string): Locator {
    return this.page.getByRole('button', { name: `Legg til ${clientName}`, exact: true });
  }

  removeButton(clientName: string): Locator {
    return this.page.getByRole('button', { name: `Fjern ${clientName}`, exact: true });
  }

  addClient(clientName: string): Promise<void> {
    return submitAndArrive(this.page, this.addButton(clientName));
  }

  removeClient(clientName: string): Promise<void> {
    return submitAndArrive(this.page, this.removeButton(clientName));
  }
}
