// Unit tests of the cleanup on external targets (support/cleanup.ts): when it runs, the order of the
// deletes, and that a failed delete is reported, not thrown.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { castUndos, cleanupWanted, runUndos, type Undo } from '../support/cleanup.ts';
import { Cast } from '../support/actors/cast.ts';
import { EvidenceRecorder } from '../support/evidence.ts';
import { readProfile, resolveProfile } from '../support/target/profile.ts';
import { answered } from '../support/abilities/delegate.ts';
import type { ApiResponse } from '../support/clients/http.ts';
import type { PortalAnswer } from '../support/browser/portal.ts';

const answer = (status: number): ApiResponse<unknown> =>
  ({ status, headers: {}, body: '', text: '', exchange: { verified: false } }) as unknown as ApiResponse<unknown>;

describe('cleanup on external targets', () => {
  test('runs on external targets, not on the in-repo reference, and SAMSVAR_CLEANUP decides when set', () => {
    assert.equal(cleanupWanted({ reference: true }, {}), false);
    assert.equal(cleanupWanted({}, {}), true);
    assert.equal(cleanupWanted({ reference: false }, {}), true);
    assert.equal(cleanupWanted({ reference: true }, { SAMSVAR_CLEANUP: '1' }), true);
    assert.equal(cleanupWanted({}, { SAMSVAR_CLEANUP: '0' }), false);
    // A look-alike keeps its parties as the real environment does.
    assert.equal(cleanupWanted({ reference: true, lookAlike: { as: 'tt02' } }, {}), true);
  });

  test('undoes what the scenario made, each by whoever may, clients before the agent system user, requests and systems last', async () => {
    const profile = resolveProfile(readProfile('targets/tt02-simulert.json'), { SAMSVAR_REFERENCE_URL: 'http://ref.invalid' });
    const cast = new Cast({ profile, recorder: new EvidenceRecorder() });
    const [accountant, client, company] = [cast.accountant(), cast.client('klienten'), cast.company()];
    await Promise.all([accountant.ready(), client.ready(), company.ready()]);
    accountant.notes.systemUserId = 'agent-1';
    accountant.notes.systemUserType = 'agent';
    accountant.client(client).added = answered('api', 'add-client', answer(200) as never);
    client.notes.delegation.rightHolder = answered('api', 'right-holder', answer(201) as never);
    company.notes.systemUserId = 'standard-1';
    company.notes.systemUserType = 'standard';
    const whats = castUndos(cast).map((u) => u.what);
    assert.deepEqual(whats, [
      `klienten ${client.orgNo} på klientsystembrukeren agent-1`,
      `${accountant.orgNo} som rettighetshaver for ${client.orgNo}`,
      `systembrukeren standard-1 hos ${company.orgNo}`,
      `systembrukeren agent-1 hos ${accountant.orgNo}`,
    ]);
    // An agent system user deleted in the scenario took its clients with it; a refused delete did not.
    accountant.notes.deletion = { answer: answer(200) };
    assert.equal(castUndos(cast).map((u) => u.what)[0], `${accountant.orgNo} som rettighetshaver for ${client.orgNo}`);
    accountant.notes.deletion = { answer: answer(400) };
    assert.equal(castUndos(cast).map((u) => u.what)[0], `klienten ${client.orgNo} på klientsystembrukeren agent-1`);
    accountant.notes.deletion = undefined;
    // A client already removed, and a refused delegation, leave nothing to undo.
    accountant.client(client).removed = answered('api', 'remove-client', answer(200) as never);
    client.notes.delegation.rightHolder = answered('api', 'right-holder', answer(403) as never);
    assert.deepEqual(castUndos(cast).map((u) => u.what).slice(0, 1), [`systembrukeren standard-1 hos ${company.orgNo}`]);
    // What a person did in the portal is undone the same way: a client added there, and a package
    // granted on the portal's form (which makes the rights holder too); a refused page leaves nothing.
    const page = (shows: PortalAnswer['view']['shows']): PortalAnswer => ({ action: 'x', offered: true, view: { url: 'u', heading: 'h', notices: [], errorCodes: [], shows } });
    accountant.client(client).added = answered('browser', 'add-client', page('client-added'));
    accountant.client(client).removed = answered('browser', 'remove-client', page('refused'));
    client.notes.delegation.rightHolder = answered('browser', 'right-holder', page('other'));
    client.notes.delegation.packageGrants.set('regnskapsforer-lonn', answered('browser', 'package', page('granted')));
    assert.deepEqual(castUndos(cast).map((u) => u.what).slice(0, 2), [
      `klienten ${client.orgNo} på klientsystembrukeren agent-1`,
      `${accountant.orgNo} som rettighetshaver for ${client.orgNo}`,
    ]);
    client.notes.delegation.rightHolder = undefined;
    client.notes.delegation.packageGrants.set('regnskapsforer-lonn', answered('browser', 'package', page('refused')));
    accountant.client(client).added = answered('browser', 'add-client', page('refused'));
    assert.deepEqual(castUndos(cast).map((u) => u.what).slice(0, 1), [`systembrukeren standard-1 hos ${company.orgNo}`]);
  });

  test('runs every delete in order and reports a failed one without throwing', async () => {
    const order: string[] = [];
    const undo = (what: string, outcome: number | Error): Undo => ({
      what,
      async run() {
        order.push(what);
        if (outcome instanceof Error) throw outcome;
        return answer(outcome);
      },
    });
    const { lines, failed } = await runUndos([
      undo('forespørselen a', 202),
      undo('forespørselen b', new Error('ECONNRESET')),
      undo('systemet c', 500),
      undo('systemet d', 404),
    ]);
    assert.deepEqual(order, ['forespørselen a', 'forespørselen b', 'systemet c', 'systemet d']);
    assert.equal(failed, 2);
    assert.match(lines[0] ?? '', /slettet forespørselen a \(HTTP 202\)/);
    assert.match(lines[1] ?? '', /kunne ikke slette forespørselen b: ECONNRESET/);
    assert.match(lines[2] ?? '', /kunne ikke slette systemet c \(HTTP 500\)/);
    assert.match(lines[3] ?? '', /slettet systemet d \(HTTP 404\)/);
  });
});
