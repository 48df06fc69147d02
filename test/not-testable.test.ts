// An unmet precondition is "ikke testbar" (broken: setup or test environment), never a
// non-conformance (failed). Before NotTestableError, preconditions threw node's AssertionError, so
// a Given whose set-up the target refused landed in "Avvik fra spesifikasjonen" in the report and
// counted as a failure of the requirement. These tests pin all three places that classify it: the
// error itself, the runner's reading of cucumber's messages, and Allure's status.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { getStatusFromError } from 'allure-js-commons/sdk';
import { assertTestable, NotTestableError, requireSuccess } from '../support/assertions.ts';
import { readResults } from '../scripts/lib/results.ts';
import type { ApiResponse } from '../support/clients/http.ts';

function response(status: number): ApiResponse<unknown> {
  return {
    status,
    headers: {},
    body: '',
    text: '',
    exchange: { request: { method: 'POST', url: 'http://127.0.0.1:1/testdata/api/v1/organisations' } },
  } as unknown as ApiResponse<unknown>;
}

test('assertTestable and requireSuccess throw NotTestableError, never an AssertionError', () => {
  assert.throws(() => assertTestable(false, 'testdata-API-et ga ingen partyId'), (error: Error) => {
    assert.ok(error instanceof NotTestableError);
    assert.ok(!(error instanceof assert.AssertionError), 'an AssertionError would be filed as a non-conformance');
    assert.equal(error.message, 'Ikke testbar: testdata-API-et ga ingen partyId');
    return true;
  });
  assert.throws(() => requireSuccess(response(503), 'Å opprette virksomheten'), (error: Error) => {
    assert.ok(error instanceof NotTestableError);
    assert.match(error.message, /^Ikke testbar: Å opprette virksomheten lyktes ikke\. Målet svarte POST \/testdata\/api\/v1\/organisations → 503/);
    return true;
  });
  assert.doesNotThrow(() => assertTestable(true, 'x'));
  assert.equal(requireSuccess({ ...response(201), data: { ok: 1 } } as ApiResponse<{ ok: number }>, 'x').ok, 1);
});

test('Allure files a NotTestableError as broken and an AssertionError as failed', () => {
  assert.equal(getStatusFromError(new NotTestableError('målet svarte 503')), 'broken');
  assert.equal(getStatusFromError(new assert.AssertionError({ message: '[SVC-1] forventet 201' })), 'failed');
});

test('the runner reads a scenario that stopped on NotTestableError as broken, on an AssertionError as failed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samsvar-not-testable-'));
  const file = join(dir, 'messages.ndjson');
  const scenario = (n: number, type: string, message: string) => [
    { pickle: { id: `p${n}`, uri: 'features/x.feature', name: `s${n}`, tags: [], location: { line: n } } },
    { testCase: { id: `c${n}`, pickleId: `p${n}` } },
    { testCaseStarted: { id: `t${n}`, testCaseId: `c${n}`, attempt: 0 } },
    { testStepFinished: { testCaseStartedId: `t${n}`, testStepResult: { status: 'FAILED', message, exception: { type, message } } } },
    { testCaseFinished: { testCaseStartedId: `t${n}`, willBeRetried: false } },
  ];
  const lines = [
    ...scenario(1, 'NotTestableError', 'Ikke testbar: Å opprette virksomheten lyktes ikke.'),
    ...scenario(2, 'AssertionError', '[SVC-1] Innsending av MVA-rapport: forventet HTTP 201, fikk 403.'),
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
  const results = readResults(file);
  assert.deepEqual(results.map((r) => [r.name, r.status]), [['s1', 'broken'], ['s2', 'failed']]);
});
