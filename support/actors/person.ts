// A person (here: a company's daglig leder) who logs in through the ID-porten stand-in and acts in
// the end-user routes of the platform with a person token (pid, scope altinn:portal/enduser, and the
// client delegation scopes where those routes need them). When the run lets persons act in the
// browser (--end-user browser on a target with portal-ui), the person also has their own page on the
// target's portal, in a browser context of their own.

import type { Page } from 'playwright-core';
import { Actor, type ActorContext } from './actor.ts';
import { endUserMode } from '../browser/mode.ts';
import { Broken, type ApiResponse } from '../clients/http.ts';
import { AccessPackageMetaClient } from '../clients/resourceregistry.ts';
import { AccessManagementClient } from '../clients/accessmanagement.ts';
import { AuthenticationClient } from '../clients/authentication.ts';
import { AmBffClient } from '../clients/am-bff.ts';
import { AuthorizationClient } from '../clients/authorization.ts';
import { DialogportenClient } from '../clients/dialogporten.ts';
import { hasCapability, ProfileError, secretFrom } from '../target/profile.ts';
import type { PersonFixture } from '../target/fixtures.ts';
import { TestToolsClient } from '../clients/testtools.ts';
import { IdportenClient } from '../clients/idporten.ts';
import { TestdataClient } from '../clients/testdata.ts';
import { PortalClient } from '../clients/portal.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';

/** The scope of a person token for the end-user routes when a step asks for no other. */
export const DEFAULT_PERSON_SCOPE = 'altinn:portal/enduser';

export interface PersonNotes {
  /** Person tokens from the ID-porten stand-in, by the scope string asked for ("" = the default scope). */
  tokens: Map<string, string>;
  /** The person's portal session as copied after login, and what its replays showed (UI-5). */
  portalSession?: PortalSessionNotes;
}

/** A copy of the person's portal session (its cookies) and the page it opened before and after logout. */
export interface PortalSessionNotes {
  url: string;
  cookies: string;
  before: ApiResponse<string>;
  after?: ApiResponse<string>;
}

export class Person extends Actor {
  readonly notes: PersonNotes = { tokens: new Map() };
  private pidValue: string | undefined;
  private existing: PersonFixture | undefined;
  name = '';

  constructor(
    role: string,
    context: ActorContext,
    /** The set-up of whoever the person belongs to (a company's fixture names its daglig leder). */
    private readonly belongsTo?: () => Promise<void>,
  ) {
    super(role, context);
  }

  /** Use a person that already exists on the target (profile fixtures) instead of making one. */
  useExisting(person: PersonFixture): void {
    this.existing = person;
    this.pidValue = person.pid;
    this.name = person.name ?? '';
  }

  get pid(): string {
    if (!this.pidValue) throw new Error(`${this.role} er ikke satt opp ennå (kall ready() først).`);
    return this.pidValue;
  }

  get idporten(): IdportenClient {
    return new IdportenClient(this.endpoint('idporten'), this.http());
  }

  get authentication(): AuthenticationClient {
    return new AuthenticationClient(this.endpoint('platform'), this.http());
  }

  get accessManagement(): AccessManagementClient {
    return new AccessManagementClient(this.endpoint('platform'), this.http());
  }

  /** Dialogporten's end-user API, which a person reaches with a token for digdir:dialogporten. */
  get dialogporten(): DialogportenClient {
    return new DialogportenClient(this.endpoint('dialogporten'), this.http('dialogporten'));
  }

  /** Altinn Authorization's PDP, which a person may ask with an Altinn token holding its scope. */
  get authorization(): AuthorizationClient {
    return new AuthorizationClient(this.endpoint('platform'), this.http('pdp'));
  }

  /** The approval UI's backend, Altinn's Access Management BFF (the profile's `amUi` endpoint). */
  get amBff(): AmBffClient {
    return new AmBffClient(this.endpoint('amUi'), this.http());
  }

  /** True when the person's tokens are Altinn tokens from the start (Test Tools), not ID-porten tokens to exchange. */
  get tokensAreAltinnTokens(): boolean {
    return this.context.profile.persons?.tokens === 'testtools';
  }

  /** True when the target declares the Access Management BFF (capability am-bff). */
  get hasAmBff(): boolean {
    return hasCapability(this.context.profile, 'am-bff');
  }

  /** Altinn's access package catalogue (public metadata), where the person finds a package's name. */
  get packageCatalogue(): AccessPackageMetaClient {
    return new AccessPackageMetaClient(this.endpoint('platform'), this.http());
  }

  /** True when persons act in the browser in this run (--end-user browser on a target with portal-ui). */
  get actsInBrowser(): boolean {
    return endUserMode(this.context.profile) === 'browser';
  }

  /** The target's portal pages over plain HTTP (a copied session's replay; logging in with --end-user api). */
  get portalPages(): PortalClient {
    return new PortalClient(this.endpoint('portal'), this.http());
  }

  /** The target's portal (its `portal` endpoint). */
  get portalUrl(): string {
    return this.endpoint('portal');
  }

  /** The person's own page (their own browser context, so their own login), made on first use in the scenario. */
  async page(): Promise<Page> {
    await this.ready();
    const browser = this.context.browser;
    if (!browser) throw new Broken(`${this.role} skal handle i nettleseren, men scenarioet har ingen nettleserøkt.`);
    return browser.pageFor(this.role);
  }

  /** Keeps a screenshot of the person's page as it is now, for the current step's evidence. */
  async capture(label: string): Promise<void> {
    await this.context.browser?.capture(this.role, label);
  }

  protected async setUp(): Promise<void> {
    // On a target with fixtures the person is named by the company's fixture (with the test data API the company makes the person).
    if (!this.pidValue && this.belongsTo && !this.usesTestdataApi) await this.belongsTo();
    if (this.pidValue) return; // a fixture person: exists on the target already
    if (!this.usesTestdataApi) throw new ProfileError(`${this.role} finnes ikke i profilens fixtures (målet har ikke testdata-API-et).`);
    const testdata = new TestdataClient(this.endpoint('testdata'), this.http());
    const { pid, name, response } = await testdata.createNewPerson((p) => `Syntetisk ${this.role} ${p.slice(0, 6)}`);
    requireSuccess(response, `Å opprette ${this.role} (syntetisk person) i testdata-API-et`);
    this.name = name;
    this.pidValue = pid;
    const made = response.data;
    if (made && typeof made.partyId === 'number' && typeof made.partyUuid === 'string') this.madeParty = { partyId: made.partyId, partyUuid: made.partyUuid };
  }

  private madeParty: { partyId: number; partyUuid: string } | undefined;

  /** The person's party in Register (party id and UUID): from the test data API or the profile's fixture. */
  async party(): Promise<{ partyId: number; partyUuid: string }> {
    await this.ready();
    const fixture = this.existing;
    const party = this.madeParty ?? (fixture?.partyId !== undefined && fixture.partyUuid !== undefined ? { partyId: fixture.partyId, partyUuid: fixture.partyUuid } : undefined);
    assertTestable(party, `Partiet til ${this.role} i Register er ukjent (testdata-API-et ga det ikke, og fixturen har ikke partyId og partyUuid).`);
    return party;
  }

  /**
   * The person token (once per scenario and scope), from the token source the profile names
   * (`persons.tokens`): a login at the ID-porten stand-in, or Altinn Test Tools' GetPersonalToken.
   * Without `scope` it is altinn:portal/enduser; client delegation asks for more (docs/contracts/altinn-authentication.md §1).
   */
  async token(scope?: string): Promise<string> {
    await this.ready();
    const key = scope ?? '';
    let token = this.notes.tokens.get(key);
    if (!token) {
      token = this.context.profile.persons?.tokens === 'testtools' ? await this.testToolsToken(scope ?? DEFAULT_PERSON_SCOPE) : await this.loginToken(scope);
      this.notes.tokens.set(key, token);
    }
    return token;
  }

  private async loginToken(scope: string | undefined): Promise<string> {
    const body = requireSuccess(await this.idporten.testLogin(this.pid, scope), `Innlogging for ${this.role} i ID-porten${scope ? ` (scope ${scope})` : ''}`, [200]);
    assertTestable(typeof body?.access_token === 'string', `ID-porten ga ingen access_token for ${this.role}.`);
    return body.access_token;
  }

  /** GetPersonalToken with the pid and, where the fixture has them, the person's Altinn ids (docs/contracts/tt02.md §3). */
  private async testToolsToken(scopes: string): Promise<string> {
    const settings = this.context.profile.persons?.testTools;
    if (!settings) throw new ProfileError('persons.tokens er testtools, men profilen mangler persons.testTools (env og credentials).');
    const client = new TestToolsClient(this.endpoint('testtools'), this.http(), secretFrom(settings.credentials, 'Test Tools-påloggingen (persons.testTools.credentials)'));
    const person = this.existing;
    const response = await client.personalToken({
      env: settings.env,
      pid: this.pid,
      scopes,
      ...(person?.userId !== undefined ? { userId: person.userId } : {}),
      ...(person?.partyId !== undefined ? { partyId: person.partyId } : {}),
      ...(person?.partyUuid !== undefined ? { partyuuid: person.partyUuid } : {}),
    });
    requireSuccess(response, `Å hente persontoken for ${this.role} fra Altinn Test Tools (GetPersonalToken, scope ${scopes})`, [200]);
    const token = response.text.trim();
    assertTestable(typeof token === 'string' && token.split('.').length === 3, `Test Tools ga ikke et token for ${this.role}.`);
    return token;
  }
}
