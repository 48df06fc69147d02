// Synthetic identifiers for one run. Scenarios run in any order and in parallel (one process per
// worker), so every party a scenario creates gets numbers no other scenario of the run uses.
//
// The one piece of process-wide state in the suite lives here on purpose: the set of numbers this
// worker has handed out. It only ever grows, never shapes behaviour between scenarios, and makes
// uniqueness within a worker certain; across workers the random space (about 2 × 10^7 org numbers,
// about 10^7 national identity numbers) makes a collision within one run vanishingly unlikely.

import { randomSyntheticOrgNo } from './orgno.ts';
import { randomSyntheticPid } from './pid.ts';

export { isSyntheticOrgNo, isValidOrgNo, orgNoCheckDigit, randomSyntheticOrgNo } from './orgno.ts';
export { hasValidPidCheckDigits, isSyntheticPid, pidCheckDigits, randomSyntheticPid } from './pid.ts';

const issued = new Set<string>();

function unique(make: () => string): string {
  for (;;) {
    const value = make();
    if (!issued.has(value)) {
      issued.add(value);
      return value;
    }
  }
}

/** A synthetic organisation number not yet used in this run. */
export function newOrgNo(): string {
  return unique(() => randomSyntheticOrgNo());
}

/** A synthetic national identity number not yet used in this run. */
export function newPid(): string {
  return unique(() => randomSyntheticPid());
}
