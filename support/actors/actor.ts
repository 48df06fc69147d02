// The base of every actor: a role with abilities (its clients), its own notepad, and a lazily made
// world (its parties and credentials on the target), set up on first use inside a step so the
// evidence of that set-up lands on the step that needed it.

import { endpoint, hasCapability, ProfileError, type EndpointKey, type TargetProfile } from '../target/profile.ts';
import type { EvidenceRecorder } from '../evidence.ts';
import type { HttpContext } from '../clients/http.ts';
import type { BrowserSession } from '../browser/session.ts';
import { PlatformViewsClient } from '../clients/platform-views.ts';

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

  protected http(): HttpContext {
    return {
      actor: this.role,
      recorder: this.context.recorder,
      timeoutMs: this.context.profile.timeouts?.requestMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    };
  }

  protected endpoint(key: EndpointKey): string {
    return endpoint(this.context.profile, key);
  }

  /** Platform routes beyond the vendor API: a system's end-user views, token exchange, Altinn's OIDC keys. */
  get platformViews(): PlatformViewsClient {
    return new PlatformViewsClient(this.endpoint('platform'), this.http());
  }

  /** True when the target builds each scenario's world through the test data API. */
  get usesTestdataApi(): boolean {
    return hasCapability(this.context.profile, 'testdata-api');
  }

  /** A fixture from the profile (targets without the test data API), or a ProfileError naming what is missing. */
  protected fixture<T>(key: string, describe: string): T {
    const value = this.context.profile.fixtures?.[key];
    if (value === undefined) {
      throw new ProfileError(
        `Målet "${this.context.profile.name}" tilbyr ikke testdata-api, og profilen mangler fixtures.${key} (${describe}) for ${this.role}.`,
      );
    }
    return value as T;
  }
}
