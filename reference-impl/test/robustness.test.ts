// Every route of the reference implementation, hit with malformed JSON, bodies of the wrong type,
// missing and unknown members, unknown ids and bad or missing tokens, answers with a 4xx in the
// problem (or OAuth, or Altinn plain text) shape: never a 5xx, a crash or a hang.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';

const VENDOR = '310000019'; // synthetic, mod 11
const COMPANY = '310000027';
const PID = '01898999900'; // Tenor-style synthetic (month + 80)

const ALL_SCOPES = [
  'altinn:authentication/systemregister.write',
  'altinn:authentication/systemuser.request.write',
  'altinn:authentication/systemuser.request.read',
  'altinn:maskinporten/systemuser.read',
  'altinn:authorization/authorize',
  'samsvar:mva.write',
  'samsvar:mva.read',
].join(' ');

const PARAM_VALUES = ['ukjent', '00000000-0000-0000-0000-000000000000', '99999999', '%20', 'a'.repeat(300)];

const BODIES: Array<{ name: string; contentType: string; payload: string }> = [
  { name: 'malformed JSON', contentType: 'application/json', payload: '{"a":' },
  { name: 'JSON null', contentType: 'application/json', payload: 'null' },
  { name: 'JSON array', contentType: 'application/json', payload: '[1,2]' },
  { name: 'JSON string', contentType: 'application/json', payload: '"x"' },
  { name: 'empty object', contentType: 'application/json', payload: '{}' },
  { name: 'wrong types', contentType: 'application/json', payload: JSON.stringify({ id: 1, vendor: 'x', name: [], partyOrgNo: 12, systemId: {}, accessPackages: 'merverdiavgift', rights: [{ resource: 'x' }], Request: 'x', claims: 'x', lines: [{}], orgNo: true, pid: null, scopes: 'a', jwks: [] }) },
  { name: 'deep nesting', contentType: 'application/json', payload: `${'['.repeat(2000)}${']'.repeat(2000)}` },
  { name: 'plain text', contentType: 'text/plain', payload: 'hei' },
  { name: 'form', contentType: 'application/x-www-form-urlencoded', payload: 'grant_type=x&assertion=a.b.c' },
];

function fill(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, encodeURIComponent(value));
}

async function setup(app: FastifyInstance): Promise<{ machine: string; person: string }> {
  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object });
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [COMPANY, 'Kunde AS']] as const) {
    assert.ok((await post('/testdata/api/v1/organisations', { orgNo, name, orgForm: 'AS' })).statusCode < 300);
  }
  assert.ok((await post('/testdata/api/v1/persons', { pid: PID, name: 'Kari Test' })).statusCode < 300);
  assert.ok((await post('/testdata/api/v1/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: PID } })).statusCode < 300);
  const minted = await post('/testdata/api/v1/maskinporten/tokens', {
    claims: { client_id: 'robust', scope: ALL_SCOPES, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` } },
  });
  assert.equal(minted.statusCode, 201, minted.body);
  const login = await post('/idporten/api/v1/testlogin', { pid: PID });
  assert.equal(login.statusCode, 200, login.body);
  return { machine: minted.json().access_token, person: login.json().access_token };
}

function assertShape(status: number, contentType: string | undefined, body: string, where: string): void {
  assert.ok(status < 500, `${where} answered ${status}: ${body.slice(0, 300)}`);
  if (status >= 400) {
    assert.match(contentType ?? '', /^(application\/problem\+json|application\/json|text\/plain)/, `${where}: error without a problem/OAuth/text body (${contentType})`);
    assert.ok(body.length > 0, `${where}: empty error body`);
  }
}

test('no route answers malformed input with a 5xx', async () => {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  await app.ready();
  const tokens = await setup(app);
  const auths = [undefined, 'Bearer not.a.jwt', `Bearer ${tokens.machine}`, `Bearer ${tokens.person}`];
  let requests = 0;
  for (const route of app.routeTable) {
    for (const value of PARAM_VALUES.slice(0, route.url.includes(':') ? PARAM_VALUES.length : 1)) {
      const url = fill(route.url, value);
      for (const authorization of auths) {
        const headers = authorization ? { authorization } : {};
        const withQuery = `${url}?party=x&agent=&clientId=&systemProviderOrgNo=1&systemUserOwnerOrgNo=&token=%%%&system-id=&orgno=1`;
        if (route.method === 'GET' || route.method === 'DELETE') {
          for (const target of [url, withQuery]) {
            const r = await app.inject({ method: route.method, url: target, headers });
            requests++;
            assertShape(r.statusCode, r.headers['content-type'] as string | undefined, r.body, `${route.method} ${target}`);
          }
          continue;
        }
        for (const body of BODIES) {
          const r = await app.inject({ method: route.method as 'POST', url, headers: { ...headers, 'content-type': body.contentType }, payload: body.payload });
          requests++;
          assertShape(r.statusCode, r.headers['content-type'] as string | undefined, r.body, `${route.method} ${url} (${body.name})`);
        }
      }
    }
  }
  assert.ok(app.routeTable.length >= 40, `expected the whole route table, saw ${app.routeTable.length} routes`);
  console.log(`robustness: ${requests} requests over ${app.routeTable.length} routes, none answered 5xx`);
  await app.close();
});
