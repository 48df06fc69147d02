// Unit tests of the cleanup on external targets (support/cleanup.ts): when it runs, the order of the
// deletes, and that a failed delete is reported, not thrown.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupWanted, runUndos, type Undo } from '../support/cleanup.ts';
import type { ApiResponse } from '../support/clients/http.ts';

const answer = (status: number): ApiResponse<unknown> =>
  ({ status, headers: {}, body: '', text: '', exchange: { verified: false } }) as unknown as ApiResponse<unknown>;

describe('cleanup on external targets', () => {
  test('runs on external targets, not on the in-repo reference, and SAMSVAR_CLEANUP decides when set', () => {
    assert.equal(cleanupWanted({ reference: true }, {}), false);
    assert.equal(cleanupWanted({}, {}), true);
    assert.equal(cleanupWanted({ reference: false }, {}), true);
    assert.equal(cleanupWanted({ reference: true }, { SAMSVAR_CLEANUP: '1' }), true);
    assert.equal(cleanupWanted({}, { SAMSVAR_CLEANUP: '0' }), false);
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
