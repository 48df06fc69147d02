import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import {
  curlFor,
  EvidenceRecorder,
  jwtsIn,
  redactExchange,
  redactHeader,
  redactJson,
  redactText,
  REDACTED,
  type Exchange,
} from '../support/evidence.ts';

async function jwt(claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' }).setIssuedAt().setExpirationTime('2m').sign(privateKey);
}

function parts(token: string): [string, string, string] {
  const [h, p, s] = token.split('.');
  return [h ?? '', p ?? '', s ?? ''];
}

function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    seq: 1,
    actor: 'systemleverandøren',
    component: 'maskinporten',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 12,
    request: { method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} },
    verified: false,
    ...overrides,
  };
}

test('a bearer token keeps header and payload, loses its signature', async () => {
  const token = await jwt({ scope: 'a b' });
  const [h, p, s] = parts(token);
  const shown = redactHeader('Authorization', `Bearer ${token}`);
  assert.equal(shown, `Bearer ${h}.${p}.${REDACTED}`);
  assert.ok(!shown.includes(s));
  assert.equal(redactHeader('authorization', 'Bearer opaque-secret'), `Bearer ${REDACTED}`);
  assert.equal(redactHeader('Ocp-Apim-Subscription-Key', 'abc'), REDACTED);
  assert.equal(redactHeader('content-type', 'application/json'), 'application/json');
});

test('the assertion form field and the returned access_token lose their signatures; the curl line too', async () => {
  const assertion = await jwt({ iss: 'client', aud: 'https://mp.invalid/' });
  const accessToken = await jwt({ client_id: 'client', authorization_details: [{ type: 'urn:altinn:systemuser' }] });
  const form = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString();
  const ex = exchange({
    request: { method: 'POST', url: 'http://127.0.0.1:1/maskinporten/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form },
    response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ access_token: accessToken, token_type: 'Bearer', expires_in: 120 }) },
  });
  const report = redactExchange(ex);
  const text = JSON.stringify(report);
  assert.ok(!text.includes(parts(assertion)[2]), 'the assertion signature is not in the report');
  assert.ok(!text.includes(parts(accessToken)[2]), 'the access token signature is not in the report');
  const body = report.request.body as Record<string, string>;
  assert.equal(body.assertion, `${parts(assertion)[0]}.${parts(assertion)[1]}.${REDACTED}`);
  assert.equal(body.grant_type, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
  assert.equal((report.response?.body as Record<string, unknown>).access_token, `${parts(accessToken)[0]}.${parts(accessToken)[1]}.${REDACTED}`);
  assert.equal(report.response?.status, 200);

  const curl = curlFor(ex);
  assert.ok(curl.startsWith("curl -sS -i -X POST 'http://127.0.0.1:1/maskinporten/token'"), curl);
  assert.ok(curl.includes("-H 'content-type: application/x-www-form-urlencoded'"), curl);
  assert.ok(!curl.includes(parts(assertion)[2]), 'the curl line has no signature');
  assert.ok(curl.includes(`assertion=${parts(assertion)[0]}.${parts(assertion)[1]}.<redacted>`), curl);
});

test('a curl line with a bearer token and a JSON body is redacted and shell-quoted', async () => {
  const token = await jwt({ scope: 'x' });
  const ex = exchange({
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:1/authentication/api/v1/systemregister/vendor',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': '10' },
      body: JSON.stringify({ name: { nb: "Leverandørens 'system'" } }),
    },
  });
  const curl = curlFor(ex);
  assert.ok(!curl.includes(parts(token)[2]));
  assert.ok(curl.includes(`-H 'authorization: Bearer ${parts(token)[0]}.${parts(token)[1]}.<redacted>'`), curl);
  assert.ok(!curl.includes('content-length'), 'transport headers are left to curl');
  assert.ok(curl.includes(`--data-raw '{"name":{"nb":"Leverandørens '\\''system'\\''"}}'`), curl);
});

test('private key material is never shown', async () => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const redacted = redactJson({ jwks: { keys: [{ ...jwk, kid: 'k1' }] } }) as { jwks: { keys: Array<Record<string, unknown>> } };
  const key = redacted.jwks.keys[0] ?? {};
  for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) assert.equal(key[member], REDACTED, member);
  assert.equal(key.n, jwk.n, 'public members stay');
  assert.equal(key.kid, 'k1');

  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
  assert.equal(redactText(`key: ${pem}`), 'key: <redacted private key>');
  const rsaPem = '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----';
  assert.ok(!redactText(rsaPem).includes('abc'));
});

test('JWTs in requests and responses are decoded for the report', async () => {
  const bearer = await jwt({ client_id: 'c1', scope: 'altinn:authorization/authorize' });
  const issued = await jwt({ authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: ['u1'] }] });
  const ex = exchange({
    request: { method: 'GET', url: 'http://127.0.0.1:1/x', headers: { authorization: `Bearer ${bearer}` } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: issued }) },
  });
  const found = jwtsIn(ex);
  assert.equal(found.length, 2);
  assert.equal(found[0]?.where, 'request header authorization');
  assert.equal(found[0]?.claims.client_id, 'c1');
  assert.equal(found[0]?.header.kid, 'k1');
  assert.equal(found[1]?.where, 'response body access_token');
  assert.deepEqual(found[1]?.claims.authorization_details, [{ type: 'urn:altinn:systemuser', systemuser_id: ['u1'] }]);
});

test('plain-text bodies are redacted as text', async () => {
  const token = await jwt({ a: 1 });
  const ex = exchange({ response: { status: 200, headers: { 'content-type': 'text/plain' }, body: token } });
  assert.equal(redactExchange(ex).response?.body, `${parts(token)[0]}.${parts(token)[1]}.${REDACTED}`);
});

test('the recorder hands each exchange to one step and remembers unchecked error responses', () => {
  const recorder = new EvidenceRecorder();
  const ok = exchange({ seq: recorder.nextSeq(), response: { status: 200, headers: {}, body: '' } });
  const refused = exchange({ seq: recorder.nextSeq(), response: { status: 400, headers: {}, body: '' } });
  recorder.record(ok);
  recorder.record(refused);
  assert.deepEqual(recorder.takePending().map((e) => e.seq), [1, 2]);
  assert.deepEqual(recorder.takePending(), []);
  assert.deepEqual(recorder.unverifiedErrors().map((e) => e.seq), [2]);
  refused.verified = true;
  assert.deepEqual(recorder.unverifiedErrors(), []);
});
