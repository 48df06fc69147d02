// Unit tests of the decision-log expectation (support/expectations/beslutningslogg.ts): it passes only
// for the service's own question, after the call, about the system user, resource, action and party,
// answered Permit, and fails naming its requirement id for each wrong answer; and the note for a
// target without a decision log names the @negativ scenarios read from features/.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeDecisionLog, negativeScenariosFor, unobservableNote, type DecisionLogEntry, type ExpectedQuestion } from '../support/expectations/beslutningslogg.ts';
import type { TargetProfile } from '../support/target/profile.ts';

const SU = '0b6f1c1e-8b1a-4a52-9b7e-3f1d2c3b4a59';
const CALLED_AT = Date.parse('2026-12-01T10:00:00.000Z');
const expected: ExpectedQuestion = {
  service: 'mva', systemUserId: SU, resource: 'samsvar-mva-rapportering', action: 'write', partyOrgNo: '310000027', partyRole: 'klienten',
  calledAt: CALLED_AT, suiteClientIds: ['suite-client'],
};

function entry(change: Partial<DecisionLogEntry> = {}): DecisionLogEntry {
  return {
    at: new Date(CALLED_AT + 20).toISOString(),
    pep: { service: 'mva' },
    subject: { 'urn:altinn:systemuser:uuid': SU },
    action: 'write',
    resource: 'samsvar-mva-rapportering',
    party: { 'urn:altinn:organization:identifier-no': '310000027' },
    decision: 'Permit',
    ...change,
  };
}

test('the service\'s own question after the call, answered Permit, passes (in-process or an external client)', () => {
  assert.equal(judgeDecisionLog([entry()], expected, 'Permit', 'PEP-1'), undefined);
  assert.equal(judgeDecisionLog([entry({ pep: { orgNo: '310000019', clientId: 'the-service' } })], expected, 'Permit', 'PEP-1'), undefined);
  // The system user id is compared without regard to case.
  assert.equal(judgeDecisionLog([entry({ subject: { 'urn:altinn:systemuser:uuid': SU.toUpperCase() } })], expected, 'Permit', 'PEP-1'), undefined);
});

test('each wrong answer fails with the requirement id and says what the log held', () => {
  const wrong: Array<[string, DecisionLogEntry[], RegExp]> = [
    ['no question at all', [], /^\[PEP-1\] tjeneste-API-et skal ha spurt .* ingen spørsmål/],
    ['a question before the call', [entry({ at: new Date(CALLED_AT - 10_000).toISOString() })], /^\[PEP-1\] tjeneste-API-et skal ha spurt/],
    ['the suite asked, not the service', [entry({ pep: { orgNo: '310000019', clientId: 'suite-client' } })], /^\[PEP-1\] Spørsmålet .* skal komme fra tjeneste-API-et/],
    ['another service asked', [entry({ pep: { service: 'dialogporten' } })], /^\[PEP-1\] Spørsmålet .* skal komme fra tjeneste-API-et/],
    ['the log does not say who asked', [entry({ pep: {} })], /^\[PEP-1\] Spørsmålet .* skal komme fra/],
    ['another action', [entry({ action: 'read' })], /^\[PEP-1\] tjeneste-API-et skal ha spurt/],
    ['another resource', [entry({ resource: 'noe-annet' })], /^\[PEP-1\] tjeneste-API-et skal ha spurt/],
    ['another system user', [entry({ subject: { 'urn:altinn:systemuser:uuid': '0b6f1c1e-8b1a-4a52-9b7e-000000000000' } })], /^\[PEP-1\] tjeneste-API-et skal ha spurt/],
    ['another party', [entry({ party: { 'urn:altinn:organization:identifier-no': '310000035' } })], /^\[PEP-1\] Spørsmålet fra tjeneste-API-et skal gjelde parten .*klienten \(310000027\)/],
    ['no access given', [entry({ decision: 'NotApplicable' })], /^\[PEP-1\] Altinn Autorisasjon skal ha svart Permit .*NotApplicable/],
  ];
  for (const [what, log, message] of wrong) {
    assert.match(judgeDecisionLog(log, expected, 'Permit', 'PEP-1') ?? '(passed)', message, what);
  }
  assert.match(judgeDecisionLog([], expected, 'Permit', 'SVC-5') ?? '', /^\[SVC-5\]/);
});

test('the note for a target without a decision log names the @negativ scenarios from features/', () => {
  const mva = negativeScenariosFor(['SVC-2']);
  assert.ok(mva.length >= 3, JSON.stringify(mva));
  assert.ok(mva.some((s) => s.name === 'Etter at klienten er fjernet, avviser tjeneste-API-et rapporten med det samme tokenet'));
  assert.ok(mva.every((s) => s.uri.startsWith('features/') && s.line > 0));
  const profile = { name: 'tt02', capabilities: [] } as unknown as TargetProfile;
  const note = unobservableNote(profile, 'broker', 'PEP-1');
  assert.match(note, /^\[PEP-1\] Ikke observert: målet «tt02» tilbyr ingen beslutningslogg/);
  assert.match(note, /«En systembruker som bare har tilgangspakken "Merverdiavgift", får ikke sende tinglysning» \(features\/05-virksomhet-sender-fil-via-formidlingstjeneste\.feature:\d+\)/);
  // Main scenarios are never named as the proof.
  assert.doesNotMatch(unobservableNote(profile, 'dialogporten', 'PEP-1'), /systemet henter klientens meldinger fra Dialogporten/);
});
