// A JSON body's declared charset (platform/charset.ts): every component reads JSON as UTF-8 only, so a
// body declared in another charset is refused with 415 problem details before it is read; `utf-8`,
// its alias `utf8` (any case, quoted or not) and no charset at all are read as before.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { unsupportedJsonCharset } from '../src/platform/charset.ts';

const VENDOR = '310000019'; // synthetic, mod 11
const PID = '01898999900'; // Tenor-style synthetic (month + 80)
const SCOPES = 'altinn:authentication/systemregister.write altinn:authorization/authorize';

async function world(): Promise<{ app: FastifyInstance; token: string }> {
  const app = await buildApp({ publicUrl: 'http://ref.test', logger: false });
  await app.ready();
  const org = await app.inject({ method: 'POST', url: '/testdata/api/v1/organisations', payload: { orgNo: VENDOR, name: 'Leverandør AS', orgForm: 'AS' } });
  assert.ok(org.statusCode < 300, org.body);
  const minted = await app.inject({ method: 'POST', url: '/testdata/api/v1/maskinporten/tokens',
    payload: { claims: { client_id: 'tegnsett', scope: SCOPES, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } } } });
  assert.equal(minted.statusCode, 201, minted.body);
  return { app, token: (minted.json() as { access_token: string }).access_token };
}

function send(app: FastifyInstance, url: string, contentType: string, body: unknown, token?: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: JSON.stringify(body),
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

function assertRefused(res: LightMyRequestResponse, where: string): void {
  assert.equal(res.statusCode, 415, `${where}: ${res.body}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, where);
  const problem = res.json() as { status: number; title: string; detail: string };
  assert.equal(problem.status, 415, where);
  assert.match(problem.detail, /UTF-8/, where);
}

describe('unsupportedJsonCharset', () => {
  test('UTF-8 (any spelling), no charset, or not JSON: nothing to refuse', () => {
    for (const ct of [undefined, 'application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf-8"',
      'application/json; charset=utf8', 'application/json; charset=UTF8', 'text/plain; charset=utf-16', 'application/x-www-form-urlencoded; charset=latin1']) {
      assert.equal(unsupportedJsonCharset(ct), undefined, String(ct));
    }
  });
  test('any other charset on a JSON type is named', () => {
    assert.equal(unsupportedJsonCharset('application/json; charset=utf-16'), 'utf-16');
    assert.equal(unsupportedJsonCharset('Application/JSON; Charset="UTF-16LE"'), 'UTF-16LE');
    assert.equal(unsupportedJsonCharset('application/json; charset=iso-8859-1'), 'iso-8859-1');
    assert.equal(unsupportedJsonCharset('application/problem+json; charset=utf-32'), 'utf-32');
  });
});

describe('a JSON body declared in another charset than UTF-8 is refused on every component', () => {
  test('test data API, ID-porten test login, system register, PDP: 415 problem details; UTF-8 is read', async (t) => {
    const { app, token } = await world();
    t.after(() => app.close());

    // No authentication: the test data API and the test login answer the body itself.
    const person = { pid: PID, name: 'Kari Tegnsett' };
    assertRefused(await send(app, '/testdata/api/v1/persons', 'application/json; charset=utf-16', person), 'testdata');
    assert.ok((await send(app, '/testdata/api/v1/persons', 'application/json; charset=UTF-8', person)).statusCode < 300, 'testdata with UTF-8');
    assertRefused(await send(app, '/idporten/api/v1/testlogin', 'application/json; charset=iso-8859-1', { pid: PID }), 'idporten');
    assert.equal((await send(app, '/idporten/api/v1/testlogin', 'application/json; charset=utf8', { pid: PID })).statusCode, 200, 'idporten with utf8');
    assert.equal((await send(app, '/idporten/api/v1/testlogin', 'application/json', { pid: PID })).statusCode, 200, 'idporten without charset');

    // Behind a token: refused for the charset, where the same body in UTF-8 gets the validation answer.
    for (const url of ['/authentication/api/v1/systemregister/vendor', '/authorization/api/v1/authorize']) {
      assertRefused(await send(app, url, 'application/json; charset="UTF-16"', {}, token), url);
      const utf8 = await send(app, url, 'application/json; charset=utf-8', {}, token);
      assert.equal(utf8.statusCode, 400, `${url} with UTF-8: ${utf8.body}`);
    }
  });
});
