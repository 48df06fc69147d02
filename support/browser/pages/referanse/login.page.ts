// The reference portal's test login, standing in for ID-porten: a person types a synthetic national
// identity number. Any portal page the person opens without a session sends them here first, and back
// to that page afterwards.

import type { Locator, Page } from 'playwright-core';
import { Broken } from '../../../clients/http.ts';

export class LoginPage {
  readonly nationalIdentityNumber: Locator;
  readonly logInButton: Locator;
  readonly logOutButton: Locator;
  /** The field's error message ("Fødselsnummeret er ikke gyldig.", ...). */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.nationalIdentityNumber = page.getByLabel('Fødselsnummer');
    this.logInButton = page.getByRole('button', { name: 'Logg inn', exact: true });
    this.logOutButton = page.getByRole('button', { name: 'Logg ut', exact: true });
    this.error = page.locator('#pid-feil');
  }

  /** True when the page in front of the person is the login form (checked after arrival, no waiting). */
  isShown(): Promise<boolean> {
    return this.nationalIdentityNumber.isVisible();
  }

  /** Logs in and waits until the portal shows the person logged in (back on the page they asked for). */
  async logInAs(pid: string): Promise<void> {
    await this.nationalIdentityNumber.fill(pid);
    await this.logInButton.click();
    await this.logOutButton.or(this.error).first().waitFor();
    if (await this.error.isVisible()) {
      // The suite chose the person: a refused login means the test could not run, not a deviation.
      throw new Broken(`Innloggingen i portalen ble avvist for ${pid}: ${(await this.error.innerText()).trim()}`);
    }
  }
}
