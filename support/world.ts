// The World: small and fresh for every scenario (STYLE habit 5). It holds the target profile, the
// evidence recorder (which also knows the error responses no step has asserted yet) and the cast of
// actors, made lazily. Everything else lives on the actors' notepads.

import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { loadProfile, type TargetProfile } from './target/profile.ts';
import { EvidenceRecorder, type Exchange } from './evidence.ts';
import { Cast } from './actors/cast.ts';

export class SamsvarWorld extends World {
  readonly evidence = new EvidenceRecorder();
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
    this.castValue ??= new Cast({ profile: this.profile, recorder: this.evidence });
    return this.castValue;
  }

  /** Responses with status >= 400 that no step has asserted. */
  unverifiedResponses(): Exchange[] {
    return this.evidence.unverifiedErrors();
  }
}

setWorldConstructor(SamsvarWorld);
