// Validation of a VAT report body (docs/samsvar-apis.md §3):
// {partyOrgNo, year, term, lines:[{code, basis, vat}]}; term 1 to 6, code a string, basis and vat
// integers in øre. Every broken rule is reported, each with a JSON pointer in `paths`.

import { VALIDATION } from './problem.js';

const REPORT_FIELDS = ['partyOrgNo', 'year', 'term', 'lines'];
const LINE_FIELDS = ['code', 'basis', 'vat'];
export const MAX_LINES = 1000;
const MAX_CODE_LENGTH = 16;

/** Norwegian organisation number: nine digits, the last a mod-11 check digit (weights 3 2 7 6 5 4 3 2). */
export function isValidOrgNo(value) {
  if (typeof value !== 'string' || !/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * weights[i];
  const remainder = 11 - (sum % 11);
  const check = remainder === 11 ? 0 : remainder;
  return check !== 10 && check === Number(value[8]);
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function pointer(...segments) {
  return '/' + segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** Returns { report } when valid, else { errors } (a non-empty list of Altinn validation errors). */
export function validateReport(body) {
  const errors = [];
  const add = (code, path, title) => errors.push({ code, title, paths: [path] });

  if (!isObject(body)) {
    add(VALIDATION.notJson, '/', 'The request body must be a JSON object.');
    return { errors };
  }
  for (const key of Object.keys(body)) {
    if (!REPORT_FIELDS.includes(key)) add(VALIDATION.unknownField, pointer(key), `Unknown field "${key}".`);
  }

  const { partyOrgNo, year, term, lines } = body;
  if (!Object.hasOwn(body, 'partyOrgNo')) add(VALIDATION.required, '/partyOrgNo', 'partyOrgNo is required.');
  else if (typeof partyOrgNo !== 'string') add(VALIDATION.invalid, '/partyOrgNo', 'partyOrgNo must be a string of nine digits.');
  else if (!isValidOrgNo(partyOrgNo)) add(VALIDATION.orgNo, '/partyOrgNo', 'partyOrgNo is not a valid organisation number (nine digits, mod 11).');

  const latestYear = new Date().getUTCFullYear() + 1;
  if (!Object.hasOwn(body, 'year')) add(VALIDATION.required, '/year', 'year is required.');
  else if (!Number.isInteger(year) || year < 2000 || year > latestYear) add(VALIDATION.invalid, '/year', `year must be an integer from 2000 to ${latestYear}.`);

  if (!Object.hasOwn(body, 'term')) add(VALIDATION.required, '/term', 'term is required.');
  else if (!Number.isInteger(term) || term < 1 || term > 6) add(VALIDATION.invalid, '/term', 'term must be an integer from 1 to 6 (two-month VAT terms).');

  let totalVat = 0;
  if (!Object.hasOwn(body, 'lines')) add(VALIDATION.required, '/lines', 'lines is required.');
  else if (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_LINES) {
    add(VALIDATION.invalid, '/lines', `lines must be an array of 1 to ${MAX_LINES} lines.`);
  } else {
    lines.forEach((line, i) => {
      if (!isObject(line)) {
        add(VALIDATION.invalid, pointer('lines', i), 'A line must be an object {code, basis, vat}.');
        return;
      }
      for (const key of Object.keys(line)) {
        if (!LINE_FIELDS.includes(key)) add(VALIDATION.unknownField, pointer('lines', i, key), `Unknown field "${key}".`);
      }
      if (!Object.hasOwn(line, 'code')) add(VALIDATION.required, pointer('lines', i, 'code'), 'code is required.');
      else if (typeof line.code !== 'string' || line.code.trim() === '' || line.code.length > MAX_CODE_LENGTH) {
        add(VALIDATION.invalid, pointer('lines', i, 'code'), `code must be a VAT code string of 1 to ${MAX_CODE_LENGTH} characters.`);
      }
      for (const amount of ['basis', 'vat']) {
        if (!Object.hasOwn(line, amount)) add(VALIDATION.required, pointer('lines', i, amount), `${amount} is required.`);
        else if (!Number.isSafeInteger(line[amount])) add(VALIDATION.invalid, pointer('lines', i, amount), `${amount} must be an integer (øre).`);
      }
      if (Number.isSafeInteger(line.vat)) totalVat += line.vat;
    });
    if (errors.length === 0 && !Number.isSafeInteger(totalVat)) add(VALIDATION.invalid, '/lines', 'The sum of lines[].vat is out of range.');
  }

  if (errors.length > 0) return { errors };
  return { report: { partyOrgNo, year, term, lines: lines.map(({ code, basis, vat }) => ({ code, basis, vat })), totalVat } };
}
