// How persons act in this run. The runner (`npm run conformance -- --end-user api|browser`) passes
// its choice as SAMSVAR_END_USER; persons act in the browser only when that says `browser` and the
// target declares a portal (capability portal-ui). Everything else goes through the end-user APIs.

import { hasCapability, type TargetProfile } from '../target/profile.ts';

export type EndUser = 'api' | 'browser';

export function endUserMode(profile: TargetProfile, env: NodeJS.ProcessEnv = process.env): EndUser {
  return env.SAMSVAR_END_USER === 'browser' && hasCapability(profile, 'portal-ui') ? 'browser' : 'api';
}
