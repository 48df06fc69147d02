import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withMock } from './helpers/mock-target.ts';
import { Broken, HttpClient, parseProblem } from '../support/clients/http.ts';
import { decisionResults } from '../support/clients/authorization.ts';
import { orgNoOf } from '../support/clients/authentication.ts';
import { EvidenceRecorder } from '../support/evidence.ts';

const ORIGIN = 'http://target.samsvar.invalid';

function client(recorder = new EvidenceRecorder()): HttpClient {
  return new HttpClient('test', ORIGIN, { actor: 'systemleverandøren', recorder, timeoutMs: 2_000 });
}

test('4xx and 5xx answers resolve (never throw), with the problem parsed and the exchange recorded', async () => {
  await withMock(async (agent) => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/a', method: 'POST' }).reply(400, JSON.stringify({
      type: 'urn:altinn:error:STD-00000', title: 'One or more validation errors occurred.', status: 400, code: 'STD-00000',
      validationErrors: [{ code: 'AUTH.VLD-00001', title: 't', paths: ['/registersystemrequest/systemid'] }],
    }), { headers: { 'content-type': 'application/problem+json' } });
    pool.intercept({ path: '/b', method: 'GET' }).reply(500, 'oops', { headers: { 'content-type': 'text/plain' } });
    const recorder = new EvidenceRecorder();
    const http = client(recorder);
    const refused = await http.send({ method: 'POST', path: '/a', json: { x: 1 } });
    assert.equal(refused.status, 400);
    assert.equal(refused.problem?.code, 'STD-00000');
    assert.deepEqual(refused.problem?.validationErrors?.map((e) => [e.code, e.paths]), [['AUTH.VLD-00001', ['/registersystemrequest/systemid']]]);
    assert.equal(refused.data, undefined);
    const failed = await http.send({ method: 'GET', path: '/b' });
    assert.equal(failed.status, 500);
    assert.equal(failed.body, 'oops');
    assert.deepEqual(recorder.unverifiedErrors().map((e) => e.response?.status), [400, 500]);
    assert.equal(recorder.exchanges()[0]?.request.body, '{"x":1}');
  });
});

test('a plain-text 404 is tolerated as text; a JSON string body is data', async () => {
  await withMock(async (agent) => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/missing', method: 'GET' }).reply(404, "System with ID 'x' not found.", { headers: { 'content-type': 'text/plain; charset=utf-8' } });
    pool.intercept({ path: '/id', method: 'POST' }).reply(200, '"5f0e1234"', { headers: { 'content-type': 'application/json; charset=utf-8' } });
    const http = client();
    const missing = await http.send({ method: 'GET', path: '/missing' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body, "System with ID 'x' not found.");
    assert.equal(missing.problem, undefined);
    const created = await http.send<string>({ method: 'POST', path: '/id' });
    assert.equal(created.data, '5f0e1234');
  });
});

test('an OAuth error body is read as such', async () => {
  await withMock(async (agent) => {
    agent.get(ORIGIN).intercept({ path: '/token', method: 'POST' }).reply(400, JSON.stringify({ error: 'invalid_altinn_customer_configuration', error_description: 'MP-303: no system user' }), { headers: { 'content-type': 'application/json' } });
    const response = await client().send({ method: 'POST', path: '/token', form: { grant_type: 'g', assertion: 'a' } });
    assert.equal(response.oauthError?.error, 'invalid_altinn_customer_configuration');
    assert.equal(response.exchange.request.headers['content-type'], 'application/x-www-form-urlencoded');
  });
});

test('no answer at all is Broken (a plain Error, not an AssertionError), and is still recorded', async () => {
  await withMock(async (agent) => {
    agent.get(ORIGIN).intercept({ path: '/down', method: 'GET' }).replyWithError(new Error('connect ECONNREFUSED'));
    const recorder = new EvidenceRecorder();
    await assert.rejects(client(recorder).send({ method: 'GET', path: '/down' }), (error: unknown) => {
      assert.ok(error instanceof Broken);
      assert.ok(!(error instanceof assert.AssertionError));
      return true;
    });
    assert.match(recorder.exchanges()[0]?.error ?? '', /ECONNREFUSED/);
  });
});

test('problems using `errors` (newer ProblemDetails) are read like validationErrors', () => {
  const problem = parseProblem({ title: 't', status: 400, code: 'STD-00000', errors: [{ code: 'AUTH.VLD-00005', paths: ['/p'] }] }, 'application/problem+json');
  assert.deepEqual(problem?.validationErrors?.map((e) => e.code), ['AUTH.VLD-00005']);
  assert.equal(parseProblem({ access_token: 'x' }, 'application/json'), undefined);
});

test('PDP responses are read in camelCase and PascalCase', () => {
  const camel = { response: [{ decision: 'Permit', status: { statusCode: { value: 'urn:oasis:names:tc:xacml:1.0:status:ok' } } }] };
  const pascal = { Response: [{ Decision: 'NotApplicable', Status: { StatusMessage: 'm', StatusCode: { Value: 'urn:oasis:names:tc:xacml:1.0:status:ok' } } }] };
  assert.deepEqual(decisionResults(camel), [{ decision: 'Permit', statusCode: 'urn:oasis:names:tc:xacml:1.0:status:ok', statusMessage: undefined }]);
  assert.deepEqual(decisionResults(pascal), [{ decision: 'NotApplicable', statusCode: 'urn:oasis:names:tc:xacml:1.0:status:ok', statusMessage: 'm' }]);
  assert.deepEqual(decisionResults('not json'), []);
});

test('systemuser_org and vendor are read with ID or id', () => {
  assert.equal(orgNoOf({ authority: 'iso6523-actorid-upis', ID: '0192:310000019' }), '310000019');
  assert.equal(orgNoOf({ authority: 'iso6523-actorid-upis', id: '0192:310000019' }), '310000019');
  assert.equal(orgNoOf({ ID: '310000019' }), undefined);
  assert.equal(orgNoOf(undefined), undefined);
});
