// The page where a customer's access manager gives an accountant organisation an access package
// (…/accessmanagement/ui/connections?party={partyUuid}): the organisation number, the package by its
// name, and "Gi tilgang". In this portal that one form also makes the organisation a rights holder.

import type { Locator, Page } from 'playwright-core';
import { submitAndArrive } from './navigation.ts';

export class ConnectionsPage {
  readonly heading: Locator;
  readonly organisationNumber: Locator;
  readonly accessPackage: Locator;
  readonly grantButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Tilganger til regnskapsfører' });
    this.organisationNumber = page.getByLabel('Organisasjonsnummer');
    this.accessPackage = page.getByLabel('Tilgangspakke');
    this.grantButton = page.getByRole('button', { name: 'Gi tilgang', exact: true });
  }

  async arrive(): Promise<void> {
    await this.heading.waitFor();
  }

  /** The package as one of the choices of the select, by its name. */
  packageOption(name: string): Locator {
    return this.accessPackage.locator('option').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) });
  }

  /** Names the organisation that gets access. */
  async nameRecipient(orgNo: string): Promise<void> {
    await this.organisationNumber.fill(orgNo);
  }

  /** Chooses the package by the name the page shows. */
  async choosePackage(packageName: string): Promise<void> {
    await this.accessPackage.selectOption({ label: packageName });
  }

  /** Gives the named organisation the chosen package ("Gi tilgang"). */
  grant(): Promise<void> {
    return submitAndArrive(this.page, this.grantButton);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
