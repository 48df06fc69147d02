// The reason a 401 gives (RFC 6750 §3): the suite reads the error of the Bearer challenge in
// WWW-Authenticate, quoted or not, among other challenges, and finds none where none is given.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bearerError } from '../support/expectations/tjeneste.ts';

test('the error of a Bearer challenge is read, quoted or bare, with other parameters around it', () => {
  assert.deepEqual(bearerError('Bearer error="invalid_token"'), { bearer: true, error: 'invalid_token' });
  assert.deepEqual(bearerError('Bearer realm="mva", error="invalid_token", error_description="The token expired"'), { bearer: true, error: 'invalid_token' });
  assert.deepEqual(bearerError('bearer error=invalid_token'), { bearer: true, error: 'invalid_token' });
  assert.deepEqual(bearerError('Basic realm="x", Bearer error="insufficient_scope"'), { bearer: true, error: 'insufficient_scope' });
});

test('a Bearer challenge without an error, another scheme, or no header names no reason', () => {
  assert.deepEqual(bearerError('Bearer'), { bearer: true });
  assert.deepEqual(bearerError('Bearer realm="mva"'), { bearer: true });
  assert.deepEqual(bearerError('Bearer error_description="x"'), { bearer: true });
  assert.deepEqual(bearerError('Basic realm="x"'), { bearer: false });
  assert.deepEqual(bearerError(undefined), { bearer: false });
});
