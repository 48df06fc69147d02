// The words the features use for Altinn Authorization's decisions and for an API's refusals map to
// exactly the answer the old XACML and HTTP wordings required: "ikke får tilgang" is NotApplicable and
// nothing else, "som uten tilgang" is 403, and the patterns of {beslutning} and {avvisning} match the
// whole phrase (never "får tilgang" inside "ikke får tilgang").

import assert from 'node:assert/strict';
import test from 'node:test';
import { DECISION_PATTERN, REFUSAL_PATTERN, decisionOf, noteDecision, noteRefusal, refusalOf } from '../support/answer-words.ts';

/** What a cucumber parameter type sees: the pattern anchored over the whole text, its groups. */
function groups(pattern: RegExp, text: string): string[] | undefined {
  const match = new RegExp(`^(?:${pattern.source})$`).exec(text);
  return match ? match.slice(1) : undefined;
}

test('{beslutning}: "får tilgang" is Permit, "ikke får tilgang" is NotApplicable, nothing else is a decision', () => {
  assert.deepEqual(decisionOf('får tilgang'), { phrase: 'får tilgang', xacml: 'Permit' });
  assert.deepEqual(decisionOf('ikke får tilgang'), { phrase: 'ikke får tilgang', xacml: 'NotApplicable' });
  assert.throws(() => decisionOf('Permit'), /Ukjent beslutning «Permit»/);
  const step = new RegExp(`^at systembrukeren (${DECISION_PATTERN.source})$`);
  assert.equal(step.exec('at systembrukeren ikke får tilgang')?.[1], 'ikke får tilgang');
  assert.equal(step.exec('at systembrukeren får tilgang')?.[1], 'får tilgang');
  assert.equal(step.exec('at systembrukeren "Permit"'), null);
  assert.equal(step.exec('at systembrukeren gir tilgang'), null);
});

test('{avvisning}: each wording is one exact status, with the error code when the feature gives one', () => {
  assert.deepEqual(refusalOf('som ikke autentisert'), { phrase: 'som ikke autentisert', status: 401 });
  assert.deepEqual(refusalOf('som uten tilgang'), { phrase: 'som uten tilgang', status: 403 });
  assert.deepEqual(refusalOf('som ugyldig'), { phrase: 'som ugyldig', status: 400 });
  assert.deepEqual(refusalOf('som uten tilgang', 'MVA-00001'), { phrase: 'som uten tilgang, med feilkoden MVA-00001', status: 403, code: 'MVA-00001' });
  assert.throws(() => refusalOf('HTTP-status 401'), /Ukjent avvisning/);
  assert.deepEqual(groups(REFUSAL_PATTERN, 'som ikke autentisert'), ['som ikke autentisert', undefined]);
  assert.deepEqual(groups(REFUSAL_PATTERN, 'som uten tilgang, med feilkoden MVA-00001'), ['som uten tilgang', 'MVA-00001']);
  assert.deepEqual(groups(REFUSAL_PATTERN, 'som uten tilgang, med feilkoden AUTH.VLD-00005'), ['som uten tilgang', 'AUTH.VLD-00005']);
  assert.equal(groups(REFUSAL_PATTERN, 'HTTP-status 403'), undefined);
  assert.equal(groups(REFUSAL_PATTERN, 'med 401'), undefined);
});

test('the report names the exact XACML decision and HTTP status behind the words', () => {
  const lines: string[] = [];
  const report = { log: (text: string) => void lines.push(text) };
  noteDecision(report, decisionOf('ikke får tilgang'));
  noteRefusal(report, refusalOf('som uten tilgang', 'MVA-00001'));
  assert.match(lines[0] ?? '', /«ikke får tilgang».*NotApplicable/);
  assert.match(lines[1] ?? '', /«som uten tilgang, med feilkoden MVA-00001».*HTTP-status 403 og feilkoden MVA-00001/);
});
