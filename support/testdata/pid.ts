// Synthetic national identity numbers (fødselsnummer) in the Tenor convention: DDMMYY + a
// three-digit individual number + two mod-11 check digits, with 80 added to the month so a
// synthetic number can never be a real person's.

import { randomInt } from 'node:crypto';

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function mod11(digits: string, weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check === 10 ? undefined : check;
}

/** Both check digits for the first nine digits, or undefined when either would be 10. */
export function pidCheckDigits(firstNine: string): string | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`Expected nine digits, got "${firstNine}"`);
  const k1 = mod11(firstNine, K1);
  if (k1 === undefined) return undefined;
  const k2 = mod11(firstNine + String(k1), K2);
  if (k2 === undefined) return undefined;
  return `${k1}${k2}`;
}

/** True when `pid` is eleven digits with both check digits valid. */
export function hasValidPidCheckDigits(pid: string): boolean {
  if (!/^\d{11}$/.test(pid)) return false;
  return pidCheckDigits(pid.slice(0, 9)) === pid.slice(9);
}

/** The century a birth year belongs to, from the individual number (Skatteetaten's rules). */
function fullYear(twoDigitYear: number, individual: number): number | undefined {
  if (individual <= 499) return 1900 + twoDigitYear;
  if (individual <= 749 && twoDigitYear >= 54) return 1800 + twoDigitYear;
  if (individual >= 500 && twoDigitYear <= 39) return 2000 + twoDigitYear;
  if (individual >= 900 && twoDigitYear >= 40) return 1900 + twoDigitYear;
  return undefined;
}

/** True when `pid` is a synthetic (Tenor) number: month + 80, a real calendar date, valid check digits. */
export function isSyntheticPid(pid: string): boolean {
  if (!hasValidPidCheckDigits(pid)) return false;
  const day = Number(pid.slice(0, 2));
  const month = Number(pid.slice(2, 4)) - 80;
  const year = fullYear(Number(pid.slice(4, 6)), Number(pid.slice(6, 9)));
  if (month < 1 || month > 12 || year === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A random synthetic national identity number for an adult born 1940–1999; `random` is injectable for tests. */
export function randomSyntheticPid(random: (max: number) => number = randomInt): string {
  for (;;) {
    const year = 1940 + random(60);
    const month = 1 + random(12);
    const day = 1 + random(new Date(Date.UTC(year, month, 0)).getUTCDate());
    const individual = random(500); // 000–499: born 1900–1999
    const firstNine =
      String(day).padStart(2, '0') +
      String(month + 80) +
      String(year % 100).padStart(2, '0') +
      String(individual).padStart(3, '0');
    const checks = pidCheckDigits(firstNine);
    if (checks !== undefined) return firstNine + checks;
  }
}
