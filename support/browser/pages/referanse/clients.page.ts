// The page where an accountant's client administrator manages the clients of an agent system user
// (…/accessmanagement/ui/systemuser/{id}/clients?party={orgNo}): the clients it has, with "Fjern", and
// the clients available, with "Legg til". Each row's button is named after the client. Below them a
// field takes any organisation number ("Legg til klient"), for a client the list does not show.

import type { Locator, Page } from 'playwright-core';
import { submitAndArrive } from './navigation.ts';

export class ClientsPage {
  readonly heading: Locator;
  readonly organisationNumber: Locator;
  readonly addByNumberButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Klienter for systembruker' });
    this.organisationNumber = page.getByRole('textbox', { name: 'Organisasjonsnummer', exact: true });
    this.addByNumberButton = page.getByRole('button', { name: 'Legg til klient', exact: true });
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

  /** True when the page takes an organisation number to add (checked after arrival, no waiting). */
  offersAddByNumber(): Promise<boolean> {
    return this.addByNumberButton.isVisible();
  }

  /** Types the organisation number of the client to add. */
  async nameClient(orgNo: string): Promise<void> {
    await this.organisationNumber.fill(orgNo);
  }

  /** Adds the organisation named in the field ("Legg til klient"). */
  addNamedClient(): Promise<void> {
    return submitAndArrive(this.page, this.addByNumberButton);
  }

  removeClient(clientName: string): Promise<void> {
    return submitAndArrive(this.page, this.removeButton(clientName));
  }
}
