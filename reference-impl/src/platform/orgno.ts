// Norwegian identifier checks (mod 11), used to reject malformed org numbers and national identity
// numbers at the edge. The suite generates synthetic ones; the reference only validates.

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** True when `orgNo` is nine digits with a valid mod-11 check digit. */
export function isValidOrgNo(orgNo: string): boolean {
  if (!/^\d{9}$/.test(orgNo)) return false;
  const digits = [...orgNo].map(Number);
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === digits[8];
}

const PID_K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const PID_K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const rest = sum % 11;
  return rest === 0 ? 0 : 11 - rest;
}

/** True when `pid` is eleven digits with both national identity number check digits valid. */
export function isValidPid(pid: string): boolean {
  if (!/^\d{11}$/.test(pid)) return false;
  const d = [...pid].map(Number);
  const k1 = checkDigit(d, PID_K1);
  const k2 = checkDigit(d, PID_K2);
  return k1 !== 10 && k2 !== 10 && k1 === d[9] && k2 === d[10];
}
