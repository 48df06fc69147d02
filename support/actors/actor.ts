// The base of every actor: a role with abilities (its clients), its own notepad, and a lazily made
// world (its parties and credentials on the target), set up on first use inside a step so the
// evidence of that set-up lands on the step that needed it.

import { endpoint, hasCapability, ProfileError, secretFrom, type AccessComponent, type EndpointKey, type TargetProfile } from '../target/profile.ts';
import { poolFor, workerIndex, type Fixtures, type MaskinportenClientFixture, type PartyPool } from '../target/fixtures.ts';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { resourceId, type ResourceKey } from '../target/resources.ts';
import type { EvidenceRecorder } from '../evidence.ts';
import type { HttpContext } from '../clients/http.ts';
import type { BrowserSession } from '../browser/session.ts';
import { PlatformViewsClient } from '../clients/platform-views.ts';
import { RegisterClient } from '../clients/register.ts';

/** What an actor needs from the World. */
export interface ActorContext {
  profile: TargetProfile;
  recorder: EvidenceRecorder;
  /** The scenario's browser contexts (absent in unit tests and wherever no browser can be used). */
  browser?: BrowserSession;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export abstract class Actor {
  private setup: Promise<void> | undefined;

  constructor(
    /** The Norwegian role word the features use for this actor. */
    readonly role: string,
    protected readonly context: ActorContext,
  ) {}

  /** Makes the actor's world on the target once (organisation, keys, clients); later calls wait for the same set-up. */
  ready(): Promise<void> {
    this.setup ??= this.setUp();
    return this.setup;
  }

  protected abstract setUp(): Promise<void>;

  /** The context of one client; for a component behind API Management, with its subscription key (profile `access`). */
  protected http(component?: AccessComponent): HttpContext {
    const key = component ? this.context.profile.access?.[component]?.subscriptionKey : undefined;
    return {
      actor: this.role,
      recorder: this.context.recorder,
      timeoutMs: this.context.profile.timeouts?.requestMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      ...(key ? { headers: { 'Ocp-Apim-Subscription-Key': secretFrom(key, `API Management-nøkkelen for ${component}`) } } : {}),
    };
  }

  /**
   * The token `component` takes for a Maskinporten token: the token as it is, or (profile `access`
   * token: altinn) the Altinn token Authentication exchanges it for, as TT02's PDP and broker want it
   * (docs/contracts/tt02.md §4). A refused exchange makes the scenario not testable.
   */
  async tokenFor(component: AccessComponent, maskinportenToken: string): Promise<string> {
    if (this.context.profile.access?.[component]?.token !== 'altinn') return maskinportenToken;
    const cached = this.exchanged.get(maskinportenToken);
    if (cached) return cached;
    const response = await this.platformViews.exchange('maskinporten', maskinportenToken);
    requireSuccess(response, `Å veksle Maskinporten-tokenet til et Altinn-token for ${component}`, [200]);
    const token = response.text.trim();
    assertTestable(typeof token === 'string' && token.split('.').length === 3, `Vekslingen ga ikke et Altinn-token for ${component}.`);
    this.exchanged.set(maskinportenToken, token);
    return token;
  }

  private readonly exchanged = new Map<string, string>();

  protected endpoint(key: EndpointKey): string {
    return endpoint(this.context.profile, key);
  }

  /** Platform routes beyond the vendor API: a system's end-user views, token exchange, Altinn's OIDC keys. */
  get platformViews(): PlatformViewsClient {
    return new PlatformViewsClient(this.endpoint('platform'), this.http());
  }

  /** Altinn Register's v1 party lookups (platform-internal: docs/contracts/register.md). */
  get register(): RegisterClient {
    return new RegisterClient(this.endpoint('platform'), this.http());
  }

  /** The identifier of the resource with this role on the target (support/target/resources.ts). */
  resource(key: ResourceKey): string {
    return resourceId(this.context.profile, key);
  }

  /** True when the target builds each scenario's world through the test data API. */
  get usesTestdataApi(): boolean {
    return hasCapability(this.context.profile, 'testdata-api');
  }

  /** The profile's fixtures (targets without the test data API), or a ProfileError. */
  protected fixtures(): Fixtures {
    const fixtures = this.context.profile.fixtures;
    if (!fixtures) throw new ProfileError(`Målet "${this.context.profile.name}" tilbyr ikke testdata-api, og profilen mangler "fixtures" (eksisterende testparter) for ${this.role}.`);
    return fixtures;
  }

  /** This worker's pool of parties (each parallel worker has its own, support/target/fixtures.ts). */
  protected pool(): { pool: PartyPool; where: string } {
    const index = workerIndex();
    const pool = poolFor(this.fixtures(), index);
    if (!pool) throw new ProfileError(`Profilen har ikke fixtures.pools[${index}] for ${this.role} (én pool per parallell arbeider).`);
    return { pool, where: `fixtures.pools[${index}]` };
  }

  /** A shared service owner's Maskinporten client from the fixtures, or a ProfileError naming it. */
  protected sharedClient(key: 'serviceOwner' | 'kartverket', describe: string): MaskinportenClientFixture {
    const client = this.fixtures()[key];
    if (!client) throw new ProfileError(`Målet "${this.context.profile.name}" tilbyr ikke testdata-api, og profilen mangler fixtures.${key} (${describe}) for ${this.role}.`);
    return client;
  }
}
