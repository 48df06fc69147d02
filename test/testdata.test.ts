import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hasValidPidCheckDigits,
  isSyntheticOrgNo,
  isSyntheticPid,
  isValidOrgNo,
  newOrgNo,
  newPid,
  orgNoCheckDigit,
  randomSyntheticOrgNo,
  randomSyntheticPid,
} from '../support/testdata/index.ts';

// An independent, deliberately plain mod-11 check, so the tests do not just repeat the code under test.
function plainMod11(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

test('a published organisation number (Brønnøysundregistrene, 974760673) is valid but not synthetic', () => {
  assert.equal(isValidOrgNo('974760673'), true);
  assert.equal(isSyntheticOrgNo('974760673'), false);
});

test('generated organisation numbers are nine digits, start with 2 or 3 and carry the mod-11 check digit', () => {
  for (let i = 0; i < 2000; i++) {
    const orgNo = randomSyntheticOrgNo();
    assert.match(orgNo, /^[23]\d{8}$/);
    const digits = [...orgNo].map(Number);
    assert.equal(plainMod11(digits, [3, 2, 7, 6, 5, 4, 3, 2]), digits[8], orgNo);
    assert.equal(isSyntheticOrgNo(orgNo), true, orgNo);
  }
});

test('invalid organisation numbers are detected', () => {
  const orgNo = randomSyntheticOrgNo();
  const wrongCheck = orgNo.slice(0, 8) + String((Number(orgNo[8]) + 1) % 10);
  assert.equal(isValidOrgNo(wrongCheck), false, 'a wrong check digit');
  assert.equal(isValidOrgNo(orgNo.slice(0, 8)), false, 'eight digits');
  assert.equal(isValidOrgNo(`${orgNo}0`), false, 'ten digits');
  assert.equal(isValidOrgNo(`${orgNo.slice(0, 8)}x`), false, 'not digits');
  assert.equal(isValidOrgNo(''), false, 'empty');
  // 10000000-: weights give 3 → check 8; any other last digit is wrong.
  assert.equal(orgNoCheckDigit('10000000'), 8);
  assert.equal(isValidOrgNo('100000008'), true);
  assert.equal(isValidOrgNo('100000007'), false);
});

test('an organisation number whose check digit would be 10 is never produced', () => {
  // 20000002: 3·2 + 2·2 = 10 → remainder 10 → check 1; 20000005: 6 + 10 = 16 → 5 → check 6.
  // Find a prefix with remainder 1 (check digit 10) and make sure it is refused.
  let prefix = '';
  for (let n = 20000000; n < 20001000; n++) {
    if (orgNoCheckDigit(String(n)) === undefined) {
      prefix = String(n);
      break;
    }
  }
  assert.notEqual(prefix, '', 'a prefix with remainder 1 exists');
  for (let d = 0; d <= 9; d++) assert.equal(isValidOrgNo(prefix + String(d)), false, `${prefix}${d}`);
  // A random source that first spells out that prefix must make the generator try again.
  const scripted = [...prefix].map((c, i) => (i === 0 ? Number(c) - 2 : Number(c)));
  let calls = 0;
  const random = (max: number): number => {
    const value = calls < scripted.length ? (scripted[calls] ?? 0) : 0;
    calls++;
    return Math.min(value, max - 1);
  };
  const orgNo = randomSyntheticOrgNo(random);
  assert.equal(isSyntheticOrgNo(orgNo), true, orgNo);
  assert.notEqual(orgNo.slice(0, 8), prefix);
});

test('generated national identity numbers follow Tenor (month + 80) and carry both check digits', () => {
  for (let i = 0; i < 2000; i++) {
    const pid = randomSyntheticPid();
    assert.match(pid, /^\d{11}$/);
    const digits = [...pid].map(Number);
    assert.equal(plainMod11(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]), digits[9], `k1 of ${pid}`);
    assert.equal(plainMod11(digits, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]), digits[10], `k2 of ${pid}`);
    const month = Number(pid.slice(2, 4));
    assert.ok(month >= 81 && month <= 92, `month + 80 in ${pid}`);
    assert.equal(isSyntheticPid(pid), true, pid);
  }
});

test('invalid national identity numbers are detected', () => {
  const pid = randomSyntheticPid();
  const wrongK1 = pid.slice(0, 9) + String((Number(pid[9]) + 1) % 10) + pid[10];
  const wrongK2 = pid.slice(0, 10) + String((Number(pid[10]) + 1) % 10);
  assert.equal(hasValidPidCheckDigits(wrongK1), false, 'wrong first check digit');
  assert.equal(hasValidPidCheckDigits(wrongK2), false, 'wrong second check digit');
  assert.equal(isSyntheticPid(wrongK2), false);
  assert.equal(isSyntheticPid(pid.slice(0, 10)), false, 'ten digits');
  assert.equal(isSyntheticPid(`${pid.slice(0, 10)}a`), false, 'not digits');

  // A real-looking number (month 05, no +80) with valid check digits is not synthetic.
  assert.equal(hasValidPidCheckDigits('15057510061'), true);
  assert.equal(isSyntheticPid('15057510061'), false, 'month 05 is a real month, not month + 80');

  // 31 February (+80) does not exist, even with valid check digits.
  assert.equal(hasValidPidCheckDigits('31827510052'), true);
  assert.equal(isSyntheticPid('31827510052'), false, '31.02');

  // 29 February: only in leap years.
  assert.equal(isSyntheticPid('29828410081'), true, '29.02.1984');
  assert.equal(hasValidPidCheckDigits('29828510183'), true);
  assert.equal(isSyntheticPid('29828510183'), false, '29.02.1985');
});

test('newOrgNo and newPid never repeat within a run', () => {
  const orgs = new Set<string>();
  const pids = new Set<string>();
  for (let i = 0; i < 3000; i++) {
    orgs.add(newOrgNo());
    pids.add(newPid());
  }
  assert.equal(orgs.size, 3000);
  assert.equal(pids.size, 3000);
});
