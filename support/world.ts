// The World: small and fresh for every scenario (STYLE habit 5). It holds the target profile, the
// evidence recorder (which also knows the error responses no step has asserted yet) and the cast of
// actors, made lazily. Everything else lives on the actors' notepads.

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { loadProfile, type TargetProfile } from './target/profile.ts';
import { EvidenceRecorder, type Exchange } from './evidence.ts';
import { Cast } from './actors/cast.ts';
import { BrowserSession } from './browser/session.ts';
import { workerBrowser } from './browser/worker.ts';

export class SamsvarWorld extends World {
  readonly evidence = new EvidenceRecorder();
  /** The scenario's browser contexts, one per actor, made only when a person acts in the browser. */
  readonly browser = new BrowserSession(() => workerBrowser.get());
  private profileValue: TargetProfile | undefined;
  private castValue: Cast | undefined;

  constructor(options: IWorldOptions) {
    super(options);
  }

  /** Loads the target profile (SAMSVAR_TARGET, SAMSVAR_REFERENCE_URL); a ProfileError breaks the scenario. */
  loadTarget(): TargetProfile {
    this.profileValue ??= loadProfile(process.env);
    return this.profileValue;
  }

  get profile(): TargetProfile {
    return this.loadTarget();
  }

  /** The actors of this scenario, made on first mention. */
  get actors(): Cast {
    this.castValue ??= new Cast({ profile: this.profile, recorder: this.evidence, browser: this.browser });
    return this.castValue;
  }

  /**
   * A seed step that has no platform API (the company acquires a system, a person uses it, the
   * accountant asks its customer): shown in the report as what it is, a step outside Altinn that the
   * suite neither sends nor checks, never as a check.
   */
  async outsideAltinn(what: string): Promise<void> {
    const note = `Utenfor Altinn: ${what} Altinn har ikke noe API for dette steget, så suiten sender ingenting og sjekker ingenting her.`;
    await this.attach(note, { mediaType: 'text/plain', fileName: 'Utenfor Altinn' });
    this.log(note);
  }

  /** Responses with status >= 400 that no step has asserted. */
  unverifiedResponses(): Exchange[] {
    return this.evidence.unverifiedErrors();
  }
}

setWorldConstructor(SamsvarWorld);
