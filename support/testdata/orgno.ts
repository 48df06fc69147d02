// Synthetic organisation numbers (organisasjonsnummer): nine digits, the last a mod-11 check digit
// with the weights 3 2 7 6 5 4 3 2. Real organisations start with 8 or 9; synthetic test
// organisations (Tenor, Altinn test data) start with 2 or 3, and the suite only ever makes those.

import { randomInt } from 'node:crypto';

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The mod-11 check digit for the first eight digits, or undefined when the remainder gives 10 (no valid number). */
export function orgNoCheckDigit(firstEight: string): number | undefined {
  if (!/^\d{8}$/.test(firstEight)) throw new RangeError(`Expected eight digits, got "${firstEight}"`);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(firstEight[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check === 10 ? undefined : check;
}

/** True when `orgNo` is nine digits with a valid mod-11 check digit (any first digit). */
export function isValidOrgNo(orgNo: string): boolean {
  if (!/^\d{9}$/.test(orgNo)) return false;
  return orgNoCheckDigit(orgNo.slice(0, 8)) === Number(orgNo[8]);
}

/** True when `orgNo` is valid and in the synthetic range (first digit 2 or 3). */
export function isSyntheticOrgNo(orgNo: string): boolean {
  return isValidOrgNo(orgNo) && (orgNo[0] === '2' || orgNo[0] === '3');
}

/** A random synthetic organisation number; `random` is injectable for tests. */
export function randomSyntheticOrgNo(random: (max: number) => number = randomInt): string {
  for (;;) {
    const first = String(2 + random(2));
    let body = first;
    for (let i = 0; i < 7; i++) body += String(random(10));
    const check = orgNoCheckDigit(body);
    if (check !== undefined) return body + String(check);
  }
}
