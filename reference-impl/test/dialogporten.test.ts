// Unit tests of the Dialogporten stand-in over inject (docs/contracts/dialogporten-broker.md §A): the service
// owner creates and deletes dialogs and adds transmissions; a system user searches, reads and lists
// transmissions, as far as the PDP lets it. Every end-user response is validated with ajv against the
// official OpenAPI in @digdir/dialogporten-schema: that is the proof the shapes are Dialogporten's.
// The world (organisations, a resource with a policy, a system, an approved system user) is built
// through the test data API and the real authentication endpoints, as the suite builds it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { buildApp } from '../src/app.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const DP = '/dialogporten/api/v1';

// Synthetic org numbers (mod 11, starting with 3) and a Tenor national identity number.
const VENDOR = '310000019';
const COMPANY = '310000027';
const OTHER = '310000035';
const SERVICE_OWNER = '310000051';
const OTHER_SERVICE_OWNER = '310000043';
const DAGL = '01818510078';
const CLIENT_ID = '5f0c2d4e-8b1a-4c3e-9d2f-6a7b8c9d0e1f';

const RESOURCE = 'samsvar-dp-melding';
const SECRET_RESOURCE = 'samsvar-dp-taushet';
const BROKER_LIKE = 'samsvar-dp-formidling';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const ORG = (orgNo: string) => `urn:altinn:organization:identifier-no:${orgNo}`;

// ---- The official schema -------------------------------------------------------------------------

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const require = createRequire(import.meta.url);
const openapi = JSON.parse(readFileSync(require.resolve('@digdir/dialogporten-schema/swagger.verified.json'), 'utf8').replace(/^\uFEFF/, '')) as {
  components: { schemas: Record<string, unknown> };
};

/** OpenAPI 3.0 `nullable` → JSON Schema: a type gains 'null'; a `oneOf`/`$ref` without a type becomes anyOf [it, null]. */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'nullable' || key === 'example' || key.startsWith('x-')) continue;
    out[key] = key === 'properties' || key === 'schemas'
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonSchema(v)]))
      : jsonSchema(value);
  }
  if ((node as Record<string, unknown>).nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('guid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addSchema({ $id: 'dialogporten', components: { schemas: jsonSchema(openapi.components.schemas) } });
const validators = new Map<string, ValidateFunction>();
function officialSchema(name: string): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    v = ajv.compile({ $ref: `dialogporten#/components/schemas/${name}` });
    validators.set(name, v);
  }
  return v;
}
function assertOfficial(name: string, value: unknown): void {
  const validate = officialSchema(name);
  assert.ok(validate(value), `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 600)}`);
}

// ---- The world -------------------------------------------------------------------------------------

interface World {
  app: FastifyInstance;
  systemUserId: string;
  /** A system user token for the company (scope digdir:dialogporten unless given). */
  endUser(scope?: string, systemUserId?: string): Promise<string>;
  /** A plain Maskinporten token (no system user) for `org`. */
  mp(scope: string, org: string): Promise<string>;
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
  await app.ready();
  const td = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object }).then((r) => ok(r, `test data ${url}`));
  let companyParty = 0;
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [COMPANY, 'Kunde AS'], [OTHER, 'Annen Kunde AS'], [SERVICE_OWNER, 'Etat'], [OTHER_SERVICE_OWNER, 'Annen Etat']] as const) {
    const res = await td('POST', '/organisations', { orgNo, name, orgForm: 'AS' });
    if (orgNo === COMPANY) companyParty = (res.json() as { partyId: number }).partyId;
  }
  await td('POST', '/persons', { pid: DAGL, name: 'Dagny Leder' });
  await td('POST', '/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: DAGL } });
  const resource = (identifier: string, resourceType: string, pkg: string) => td('PUT', `/resources/${identifier}`, {
    title: { nb: identifier }, resourceType, hasCompetentAuthority: { organization: SERVICE_OWNER, orgcode: 'ETAT' },
    policy: { rules: [{ subjects: [PKG(pkg)], actions: ['read', 'write'] }] },
  });
  await resource(RESOURCE, 'GenericAccessResource', 'merverdiavgift');
  await resource(SECRET_RESOURCE, 'GenericAccessResource', 'post-til-virksomheten-med-taushetsbelagt-innhold');
  await resource(BROKER_LIKE, 'BrokerService', 'merverdiavgift');
  const mp = async (scope: string, org: string, extra: Record<string, unknown> = {}) => {
    const res = await td('POST', '/maskinporten/tokens', {
      claims: { scope, client_id: CLIENT_ID, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` }, ...extra },
    });
    return (res.json() as { access_token: string }).access_token;
  };
  const auth = (method: 'POST' | 'GET', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url: `/authentication/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });
  // The vendor registers a system with the package; the company's general manager approves a system user.
  await ok(await auth('POST', '/systemregister/vendor', await mp('altinn:authentication/systemregister.write', VENDOR), {
    id: `${VENDOR}_meldinger`, vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
    name: { nb: 'Meldingsmottak', nn: 'Meldingsmottak', en: 'Message inbox' }, description: { nb: 'x', nn: 'x', en: 'x' },
    rights: [], accessPackages: [{ urn: PKG('merverdiavgift') }], clientId: [CLIENT_ID], allowedRedirectUrls: [], isVisible: true,
  }), 'register system');
  const request = await ok(await auth('POST', '/systemuser/request/vendor', await mp('altinn:authentication/systemuser.request.write', VENDOR), {
    systemId: `${VENDOR}_meldinger`, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
  }), 'system user request');
  const requestId = (request.json() as { id: string }).id;
  const login = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: DAGL } });
  await ok(await auth('POST', `/systemuser/request/${companyParty}/${requestId}/approve`, (login.json() as { access_token: string }).access_token), 'approve');
  return {
    app,
    systemUserId: requestId,
    mp: (scope, org) => mp(scope, org),
    endUser: (scope = 'digdir:dialogporten', systemUserId = requestId) => mp(scope, VENDOR, {
      authorization_details: [{
        type: 'urn:altinn:systemuser', systemuser_id: [systemUserId],
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${COMPANY}` }, system_id: `${VENDOR}_meldinger`,
      }],
    }),
  };
}

function call(w: World, method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}) {
  return w.app.inject({
    method, url: `${DP}${url}`,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

const text = (value: string) => ({ value: [{ value, languageCode: 'nb' }], mediaType: 'text/plain' });

function dialogBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceResource: `urn:altinn:resource:${RESOURCE}`,
    party: ORG(COMPANY),
    status: 'New',
    content: { title: text('Melding om MVA'), summary: text('Du har fått en melding'), senderName: text('Etaten') },
    transmissions: [{
      type: 'Information',
      sender: { actorType: 'ServiceOwner' },
      content: { title: text('Vedtak'), summary: text('Vedtak i saken') },
      attachments: [{ displayName: [{ value: 'vedtak.pdf', languageCode: 'nb' }], urls: [{ url: 'https://etat.example/vedtak.pdf', mediaType: 'application/pdf', consumerType: 'Api' }] }],
    }],
    ...overrides,
  };
}

async function createDialog(w: World, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await call(w, 'POST', '/serviceowner/dialogs', await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER), dialogBody(overrides));
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as string;
}

/** Asserts a Dialogporten ProblemDetails: status, type, title and the `errors` key. */
function assertProblem(res: LightMyRequestResponse, status: number, errorKey?: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.match(String(body.type), /^https:\/\/datatracker\.ietf\.org\/doc\/html\/rfc\d+#section-/);
  assert.equal(typeof body.traceId, 'string');
  if (errorKey !== undefined) assert.ok(errorKey in (body.errors as Record<string, unknown>), `errors lacks ${errorKey}: ${res.body}`);
  assertOfficial('ProblemDetails', body);
  return body;
}

// ---------------------------------------------------------------------------------------------------
describe('the official schema check (proof that it can fail)', () => {
  test('a renamed or mistyped member is caught', () => {
    const item = { id: randomUUID(), org: 'etat', serviceResource: 'urn:altinn:resource:x', party: ORG(COMPANY), status: 'NotApplicable' };
    assert.ok(officialSchema('V1EndUserDialogsQueriesSearch_Dialog')(item));
    assert.ok(!officialSchema('V1EndUserDialogsQueriesSearch_Dialog')({ ...item, serviceresource: item.serviceResource }), 'renamed member');
    assert.ok(!officialSchema('V1EndUserDialogsQueriesSearch_Dialog')({ ...item, status: 'Sent' }), 'output status enum');
    assert.ok(!officialSchema('V1EndUserDialogsQueriesSearch_Dialog')({ ...item, progress: '50' }), 'type');
  });
});

describe('service owner: create a dialog (docs/contracts/dialogporten-broker.md §A.4)', () => {
  test('201 with the id as a JSON string, Location and ETag', async () => {
    const w = await world();
    const res = await call(w, 'POST', '/serviceowner/dialogs', await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER), dialogBody());
    assert.equal(res.statusCode, 201, res.body);
    assert.match(res.body, /^"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/);
    const id = res.json() as string;
    assert.equal(res.headers.location, `${PUBLIC_URL}${DP}/serviceowner/dialogs/${id}`);
    assert.match(String(res.headers.etag), /^[0-9a-f-]{36}$/);
  });

  test('refusals: 401, 403 for a system user or without the scope, 400 gathered, 403 another owner\'s resource, 409 idempotent key', async () => {
    const w = await world();
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    const post = (body: unknown, token = so) => call(w, 'POST', '/serviceowner/dialogs', token, body);
    assertProblem(await post(dialogBody(), ''), 401);
    assert.equal((await post(dialogBody(), 'not.a.jwt')).headers['www-authenticate'], 'Bearer');
    assertProblem(await post(dialogBody(), await w.endUser('digdir:dialogporten.serviceprovider')), 403, 'Type');
    assertProblem(await post(dialogBody(), await w.mp('digdir:dialogporten', SERVICE_OWNER)), 403, 'Forbidden');
    // Shape first (route schema), then the gathered rules.
    assertProblem(await post({ party: ORG(COMPANY) }), 400, 'dto.serviceResource');
    assertProblem(await post(dialogBody({ unknown: 1 })), 400, 'dto.unknown');
    const gathered = assertProblem(await post(dialogBody({ serviceResource: RESOURCE, party: ORG('310000028'), content: null })), 400);
    assert.deepEqual(Object.keys(gathered.errors as object).sort(), ['dto.content', 'dto.party', 'dto.serviceResource']);
    assertProblem(await post(dialogBody({ content: { title: { value: [{ value: 'x', languageCode: 'no' }], mediaType: 'text/plain' } } })), 400, 'dto.content.title.value[0].languageCode');
    assertProblem(await post(dialogBody({ id: randomUUID() })), 400, 'dto.id');
    // isApiOnly dialogs need no content.
    assert.equal((await post(dialogBody({ content: null, isApiOnly: true }))).statusCode, 201);
    // The resource must be the caller's own, and of a type dialogs may use.
    assertProblem(await post(dialogBody(), await w.mp('digdir:dialogporten.serviceprovider', OTHER_SERVICE_OWNER)), 403, 'Forbidden');
    assertProblem(await post(dialogBody({ serviceResource: 'urn:altinn:resource:finnes-ikke' })), 403, 'Forbidden');
    assertProblem(await post(dialogBody({ serviceResource: `urn:altinn:resource:${BROKER_LIKE}` })), 403, 'Forbidden');
    assert.equal((await post(dialogBody({ idempotentKey: 'melding-1' }))).statusCode, 201);
    assertProblem(await post(dialogBody({ idempotentKey: 'melding-1' })), 409, 'IdempotentKey');
    const malformed = await w.app.inject({ method: 'POST', url: `${DP}/serviceowner/dialogs`, headers: { authorization: `Bearer ${so}`, 'content-type': 'application/json' }, payload: '{' });
    assertProblem(malformed, 400);
  });
});

describe('end user: search (docs/contracts/dialogporten-broker.md §A.2)', () => {
  test('a system user finds its party\'s dialogs; the items are the official search shape', async () => {
    const w = await world();
    const id = await createDialog(w);
    const res = await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, await w.endUser());
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { items: Array<Record<string, unknown>>; hasNextPage: boolean; continuationToken: unknown; orderBy: string };
    assertOfficial('PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog', body);
    assert.deepEqual(body.items.map((i) => i.id), [id]);
    assert.equal(body.hasNextPage, false);
    assert.equal(body.continuationToken, null);
    assert.equal(body.orderBy, 'contentupdatedat_desc,id_desc');
    const item = body.items[0] as Record<string, unknown>;
    assert.equal(item.org, 'etat');
    assert.equal(item.serviceResource, `urn:altinn:resource:${RESOURCE}`);
    assert.equal(item.party, ORG(COMPANY));
    assert.equal(item.status, 'NotApplicable');
    assert.equal(item.fromServiceOwnerTransmissionsCount, 1);
    // By service resource too (values OR-ed, filters AND-ed).
    const byResource = await call(w, 'GET', `/enduser/dialogs?serviceResource=urn:altinn:resource:${RESOURCE}&serviceResource=urn:altinn:resource:annen`, await w.endUser());
    assert.deepEqual((byResource.json() as { items: Array<{ id: string }> }).items.map((i) => i.id), [id]);
  });

  test('another party\'s dialogs are not visible: 200 with no items, never 403', async () => {
    const w = await world();
    await createDialog(w, { party: ORG(OTHER) });
    const res = await call(w, 'GET', `/enduser/dialogs?party=${ORG(OTHER)}`, await w.endUser());
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { items: [], hasNextPage: false, continuationToken: null, orderBy: 'contentupdatedat_desc,id_desc' });
    // Nor are the company's dialogs on a resource the system user has no package for.
    await createDialog(w, { serviceResource: `urn:altinn:resource:${SECRET_RESOURCE}` });
    const secret = await call(w, 'GET', `/enduser/dialogs?serviceResource=urn:altinn:resource:${SECRET_RESOURCE}`, await w.endUser());
    assert.deepEqual((secret.json() as { items: unknown[] }).items, []);
  });

  test('refusals: 400 without party or serviceResource and for bad values; 401; 403 plain Maskinporten token; 403 without scope', async () => {
    const w = await world();
    const token = await w.endUser();
    assertProblem(await call(w, 'GET', '/enduser/dialogs', token), 400, '');
    assertProblem(await call(w, 'GET', '/enduser/dialogs?party=urn:altinn:organization:identifier-no:310000028', token), 400, 'party');
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&createdAfter=2024-02-01T00:00:00Z&createdBefore=2024-01-01T00:00:00Z`, token), 400, 'createdAfter');
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&createdAfter=2024-02-01T00:00:00`, token), 400, 'createdAfter');
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&limit=0`, token), 400, 'limit');
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&continuationToken=id_x`, token), 400, 'continuationToken');
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`), 401);
    const plain = assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, await w.mp('digdir:dialogporten', COMPANY)), 403, 'Type');
    assert.match(String((plain.errors as Record<string, string[]>).Type?.[0]), /Valid user types for this endpoint are: Person, SystemUser, IdportenEmailIdentifiedUser/);
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, await w.endUser('digdir:dialogporten.serviceprovider')), 403, 'Forbidden');
  });

  test('paging with limit and continuationToken, newest first', async () => {
    const w = await world();
    const first = await createDialog(w, { createdAt: '2024-01-01T10:00:00+00:00' });
    const second = await createDialog(w, { createdAt: '2024-01-02T10:00:00+00:00' });
    const token = await w.endUser();
    const page1 = (await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&limit=1`, token)).json() as { items: Array<{ id: string }>; hasNextPage: boolean; continuationToken: string };
    assert.deepEqual(page1.items.map((i) => i.id), [second]);
    assert.equal(page1.hasNextPage, true);
    assert.match(page1.continuationToken, /^contentupdatedat_2024-01-02T10:00:00\.000Z,id_[0-9a-f-]{36}$/);
    const page2 = (await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&limit=1&continuationToken=${encodeURIComponent(page1.continuationToken)}`, token)).json() as { items: Array<{ id: string }>; hasNextPage: boolean };
    assert.deepEqual(page2.items.map((i) => i.id), [first]);
    assert.equal(page2.hasNextPage, false);
    const asc = (await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&orderBy=createdAt_asc`, token)).json() as { items: Array<{ id: string }>; orderBy: string };
    assert.deepEqual(asc.items.map((i) => i.id), [first, second]);
    assert.equal(asc.orderBy, 'createdat_asc,id_desc');
  });
});

describe('end user: get one dialog (docs/contracts/dialogporten-broker.md §A.3)', () => {
  test('200 in the official shape with ETag, a verifiable dialog token and a seen-log entry; the PDP was asked', async () => {
    const w = await world();
    const id = await createDialog(w);
    const res = await call(w, 'GET', `/enduser/dialogs/${id}`, await w.endUser());
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as Record<string, unknown>;
    assertOfficial('V1EndUserDialogsQueriesGet_Dialog', body);
    assert.equal(res.headers.etag, body.revision);
    assert.equal(body.id, id);
    const transmissions = body.transmissions as Array<Record<string, unknown>>;
    assert.equal(transmissions.length, 1);
    assert.equal(transmissions[0]?.isAuthorized, true);
    assert.equal(transmissions[0]?.isOpened, false);
    const seen = body.seenSinceLastUpdate as Array<Record<string, unknown>>;
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.isCurrentEndUser, true);
    assert.deepEqual(seen[0]?.seenBy, { actorType: 'PartyRepresentative', actorName: 'Meldingsmottak', actorId: null });
    const jwks = (await call(w, 'GET', '/.well-known/jwks.json')).json() as { keys: Array<Record<string, unknown>> };
    const { payload, protectedHeader } = await jwtVerify(String(body.dialogToken), createLocalJWKSet(jwks as never), { issuer: `${PUBLIC_URL}${DP}` });
    assert.equal(protectedHeader.alg, 'EdDSA');
    assert.equal(payload.i, id);
    assert.equal(payload.p, ORG(COMPANY));
    assert.equal(payload.y, `urn:altinn:systemuser:uuid:${w.systemUserId}`);
    assert.equal(payload.s, `urn:altinn:resource:${RESOURCE}`);
    const decisions = (await w.app.inject({ url: `/testdata/api/v1/decisions?systemUserId=${w.systemUserId}` })).json() as Array<Record<string, unknown>>;
    assert.ok(decisions.some((d) => d.action === 'read' && d.resource === RESOURCE && d.decision === 'Permit'));
  });

  test('403 for another party\'s dialog and for one without the read right; 404 unknown; 410 deleted', async () => {
    const w = await world();
    const token = await w.endUser();
    const others = await createDialog(w, { party: ORG(OTHER) });
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${others}`, token), 403, 'Forbidden');
    const secret = await createDialog(w, { serviceResource: `urn:altinn:resource:${SECRET_RESOURCE}` });
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${secret}`, token), 403, 'Forbidden');
    const unknown = randomUUID();
    const notFound = assertProblem(await call(w, 'GET', `/enduser/dialogs/${unknown}`, token), 404, 'DialogEntity');
    assert.deepEqual(notFound.errors, { DialogEntity: [`Entity 'DialogEntity' with the following key(s) was not found: (${unknown}).`] });
    assertProblem(await call(w, 'GET', '/enduser/dialogs/ikke-en-guid', token), 404, 'DialogEntity');
    // A plain Maskinporten token is refused here too.
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${others}`, await w.mp('digdir:dialogporten', COMPANY)), 403, 'Type');
    // Soft delete by the service owner: 204 with a new ETag; then 410 for end users and for a second delete.
    const id = await createDialog(w);
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    assertProblem(await call(w, 'DELETE', `/serviceowner/dialogs/${id}`, so, undefined, { 'if-match': randomUUID() }), 412);
    assertProblem(await call(w, 'DELETE', `/serviceowner/dialogs/${id}`, await w.mp('digdir:dialogporten.serviceprovider', OTHER_SERVICE_OWNER)), 404, 'DialogEntity');
    const del = await call(w, 'DELETE', `/serviceowner/dialogs/${id}`, so);
    assert.equal(del.statusCode, 204, del.body);
    assert.match(String(del.headers.etag), /^[0-9a-f-]{36}$/);
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${id}`, token), 410, 'DialogEntity');
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${id}/transmissions`, token), 410, 'DialogEntity');
    assertProblem(await call(w, 'DELETE', `/serviceowner/dialogs/${id}`, so), 410, 'DialogEntity');
    const search = (await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, token)).json() as { items: unknown[] };
    assert.deepEqual(search.items, []);
  });

  test('a dialog visible later answers 404 with Expires', async () => {
    const w = await world();
    const id = await createDialog(w, { visibleFrom: '2999-01-01T00:00:00Z' });
    const res = await call(w, 'GET', `/enduser/dialogs/${id}`, await w.endUser());
    assertProblem(res, 404, 'DialogEntity');
    assert.equal(res.headers.expires, 'Tue, 01 Jan 2999 00:00:00 GMT');
  });
});

describe('end user: transmissions (docs/contracts/dialogporten-broker.md §A.1, §A.3)', () => {
  test('list and get in the official shapes; a transmission for a resource without access hides its URLs', async () => {
    const w = await world();
    const id = await createDialog(w);
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    const added = await call(w, 'POST', `/serviceowner/dialogs/${id}/transmissions`, so, {
      type: 'Alert', sender: { actorType: 'ServiceOwner' }, authorizationAttribute: `urn:altinn:resource:${SECRET_RESOURCE}`,
      content: { title: text('Taushetsbelagt') },
      attachments: [{ displayName: [{ value: 'hemmelig.pdf', languageCode: 'nb' }], urls: [{ url: 'https://etat.example/hemmelig.pdf', consumerType: 'Api' }] }],
    });
    assert.equal(added.statusCode, 201, added.body);
    const transmissionId = added.json() as string;
    assert.equal(added.headers.location, `${PUBLIC_URL}${DP}/serviceowner/dialogs/${id}/transmissions/${transmissionId}`);
    const token = await w.endUser();
    const listed = await call(w, 'GET', `/enduser/dialogs/${id}/transmissions`, token);
    assert.equal(listed.statusCode, 200, listed.body);
    const items = listed.json() as Array<Record<string, unknown>>;
    for (const item of items) assertOfficial('V1EndUserDialogsQueriesSearchTransmissions_Transmission', item);
    assert.equal(items.length, 2);
    const one = await call(w, 'GET', `/enduser/dialogs/${id}/transmissions/${transmissionId}`, token);
    assert.equal(one.statusCode, 200, one.body);
    const secret = one.json() as { isAuthorized: boolean; attachments: Array<{ urls: Array<{ url: string }> }> };
    assertOfficial('V1EndUserDialogsQueriesGetTransmission_Transmission', secret);
    assert.equal(secret.isAuthorized, false);
    assert.equal(secret.attachments[0]?.urls[0]?.url, 'urn:dialogporten:unauthorized');
    const open = items.find((t) => t.id !== transmissionId) as { isAuthorized: boolean; attachments: Array<{ urls: Array<{ url: string }> }> };
    assert.equal(open.isAuthorized, true);
    assert.equal(open.attachments[0]?.urls[0]?.url, 'https://etat.example/vedtak.pdf');
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${id}/transmissions/${randomUUID()}`, token), 404, 'DialogTransmission');
    const others = await createDialog(w, { party: ORG(OTHER) });
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${others}/transmissions`, token), 403, 'Forbidden');
    // The service owner's own checks on adding one.
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/transmissions`, so, { type: 'Alert', sender: { actorType: 'ServiceOwner', actorName: 'x' } }), 400, 'dto.sender');
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${randomUUID()}/transmissions`, so, { type: 'Alert', sender: { actorType: 'ServiceOwner' }, content: { title: text('x') } }), 404, 'DialogEntity');
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/transmissions`, so, { type: 'Alert', sender: { actorType: 'ServiceOwner' }, content: { title: text('x') }, relatedTransmissionId: randomUUID() }), 422, 'DialogTransmission');
  });
});

describe('anonymous metadata', () => {
  test('limits in the official shape', async () => {
    const w = await world();
    const res = await call(w, 'GET', '/metadata/limits');
    assert.equal(res.statusCode, 200);
    assertOfficial('V1MetadataLimitsQueriesGet_Limits', res.json());
  });
});

// ---------------------------------------------------------------------------------------------------
describe('input read as Dialogporten reads it (docs/contracts/input-binding.md §1)', () => {
  test('member names and enum values in another casing are accepted; the output keeps the schema casing', async () => {
    const w = await world();
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    const body = dialogBody({
      status: 'notApplicable',
      content: { Title: text('Melding'), summary: text('Sammendrag') },
      transmissions: [],
      attachments: [{ urls: [{ url: 'https://etat.example/a.pdf', consumerType: 'gui' }] }],
    });
    const created = await call(w, 'POST', '/serviceowner/dialogs', so, body);
    assert.equal(created.statusCode, 201, created.body);
    const got = await call(w, 'GET', `/serviceowner/dialogs/${created.json() as string}`, so);
    assert.equal(got.statusCode, 200, got.body);
    const dialog = got.json() as { status: string; content: Record<string, unknown>; attachments: Array<{ urls: Array<{ consumerType: string }> }> };
    assert.equal(dialog.status, 'NotApplicable');
    assert.ok('title' in dialog.content && !('Title' in dialog.content));
    assert.equal(dialog.attachments[0]?.urls[0]?.consumerType, 'Gui');
    assertOfficial('V1ServiceOwnerDialogsQueriesGet_Dialog', dialog);
  });

  test('unknown members, unknown enum values and wrong types stay refused (400)', async () => {
    const w = await world();
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    for (const body of [dialogBody({ status: 'halvferdig' }), dialogBody({ progress: 'femti' }), dialogBody({ ukjent: true })]) {
      assertProblem(await call(w, 'POST', '/serviceowner/dialogs', so, body), 400);
    }
  });
});

describe('the service owner API: search, get, end-user contexts, activities (docs/contracts/dialogporten-serviceowner.md)', () => {
  test('search and get show only the own dialogs, in the official shapes; endUserId narrows to what the person may read', async () => {
    const w = await world();
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    const id = await createDialog(w);
    const search = await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}&serviceResource=urn:altinn:resource:${RESOURCE}`, so);
    assert.equal(search.statusCode, 200, search.body);
    assertOfficial('PaginatedListOfV1ServiceOwnerDialogsQueriesSearch_Dialog', search.json());
    assert.deepEqual((search.json() as { items: Array<{ id: string }> }).items.map((d) => d.id), [id]);
    // DAGL holds merverdiavgift in COMPANY through the role: the person may read; another person may not.
    const asDagl = await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}&endUserId=urn:altinn:person:identifier-no:${DAGL}`, so);
    assert.equal((asDagl.json() as { items: unknown[] }).items.length, 1, asDagl.body);
    const other = await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}&endUserId=urn:altinn:person:identifier-no:01818520030`, so);
    assert.equal((other.json() as { items: unknown[] }).items.length, 0, other.body);
    assertProblem(await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}&endUserId=urn:altinn:person:identifier-no:123`, so), 400, 'endUserId');
    // Another service owner finds nothing and cannot get the dialog (404).
    const otherSo = await w.mp('digdir:dialogporten.serviceprovider', OTHER_SERVICE_OWNER);
    assert.equal((((await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}`, otherSo)).json()) as { items: unknown[] }).items.length, 0);
    assertProblem(await call(w, 'GET', `/serviceowner/dialogs/${id}`, otherSo), 404);
    const got = await call(w, 'GET', `/serviceowner/dialogs/${id}`, so);
    assert.equal(got.statusCode, 200, got.body);
    assert.equal(got.headers.etag, (got.json() as { revision: string }).revision);
    assertOfficial('V1ServiceOwnerDialogsQueriesGet_Dialog', got.json());
    // Scopes: the end-user scope is not a service owner's; the search-only scope reaches search but not get.
    assertProblem(await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}`, await w.mp('digdir:dialogporten', SERVICE_OWNER)), 403);
    const searchOnly = await w.mp('digdir:dialogporten.serviceprovider.search', SERVICE_OWNER);
    assert.equal((await call(w, 'GET', `/serviceowner/dialogs?party=${ORG(COMPANY)}`, searchOnly)).statusCode, 200);
    assertProblem(await call(w, 'GET', `/serviceowner/dialogs/${id}`, searchOnly), 403);
    const contexts = await call(w, 'GET', `/serviceowner/dialogs/endusercontext?party=${ORG(COMPANY)}`, so);
    assert.equal(contexts.statusCode, 200, contexts.body);
    assertOfficial('PaginatedListOfV1ServiceOwnerDialogsQueriesSearchEndUserContext_DialogEndUserContextItem', contexts.json());
    assert.deepEqual((contexts.json() as { items: Array<{ dialogId: string }> }).items.map((c) => c.dialogId), [id]);
  });

  test('an activity is added to the own dialog (201, Location, ETag) and its rules are checked', async () => {
    const w = await world();
    const so = await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER);
    const id = await createDialog(w);
    const info = { type: 'information', performedBy: { actorType: 'serviceOwner' }, description: [{ value: 'Saken er mottatt', languageCode: 'nb' }] };
    const created = await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, so, info);
    assert.equal(created.statusCode, 201, created.body);
    const activityId = created.json() as string;
    assert.match(String(created.headers.location), new RegExp(`/serviceowner/dialogs/${id}/activities/${activityId}$`));
    const got = (await call(w, 'GET', `/serviceowner/dialogs/${id}`, so)).json() as { revision: string; activities: Array<{ id: string; type: string; description: Array<{ value: string }> | null }> };
    assert.equal(created.headers.etag, got.revision);
    assert.ok(got.activities.some((a) => a.id === activityId && a.type === 'Information' && a.description?.[0]?.value === 'Saken er mottatt'));
    assertOfficial('V1ServiceOwnerDialogsQueriesGet_Dialog', got);
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, so, { ...info, description: [] }), 400, 'description');
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, so, { type: 'TransmissionOpened', performedBy: { actorType: 'ServiceOwner' } }), 400, 'transmissionId');
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, so, { type: 'TransmissionOpened', performedBy: { actorType: 'ServiceOwner' }, transmissionId: randomUUID() }), 422);
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, so, info, { 'if-match': randomUUID() }), 412);
    const otherSo = await w.mp('digdir:dialogporten.serviceprovider', OTHER_SERVICE_OWNER);
    assertProblem(await call(w, 'POST', `/serviceowner/dialogs/${id}/activities`, otherSo, info), 404);
  });
});

describe('persons on the end-user API (docs/contracts/dialogporten-persons.md)', () => {
  test("a person's token reads the dialogs of a party the person may act for and of the person's own party", async () => {
    const w = await world();
    const id = await createDialog(w);
    // The person's own party: a resource whose policy names the PRIV role.
    await ok(await w.app.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-dp-privat', payload: {
      title: { nb: 'privat' }, resourceType: 'GenericAccessResource', hasCompetentAuthority: { organization: SERVICE_OWNER, orgcode: 'ETAT' },
      policy: { rules: [{ subjects: ['urn:altinn:rolecode:priv'], actions: ['read'] }] },
    } }), 'PRIV resource');
    const own = await createDialog(w, { serviceResource: 'urn:altinn:resource:samsvar-dp-privat', party: `urn:altinn:person:identifier-no:${DAGL}` });
    const login = await w.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: DAGL, scope: 'openid digdir:dialogporten' } });
    const person = (login.json() as { access_token: string }).access_token;
    const search = await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}&party=urn:altinn:person:identifier-no:${DAGL}`, person);
    assert.equal(search.statusCode, 200, search.body);
    assertOfficial('PaginatedListOfV1EndUserDialogsQueriesSearch_Dialog', search.json());
    assert.deepEqual((search.json() as { items: Array<{ id: string }> }).items.map((d) => d.id).sort(), [id, own].sort());
    const got = await call(w, 'GET', `/enduser/dialogs/${own}`, person);
    assert.equal(got.statusCode, 200, got.body);
    assertOfficial('V1EndUserDialogsQueriesGet_Dialog', got.json());
    // Another person may read neither.
    const otherLogin = await w.app.inject({ method: 'POST', url: '/testdata/api/v1/persons', payload: { pid: '01818520030', name: 'Anne Annen' } });
    assert.ok(otherLogin.statusCode < 300, otherLogin.body);
    const other = ((await w.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: '01818520030', scope: 'openid digdir:dialogporten' } })).json() as { access_token: string }).access_token;
    assert.equal(((await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, other)).json() as { items: unknown[] }).items.length, 0);
    assertProblem(await call(w, 'GET', `/enduser/dialogs/${own}`, other), 403);
    // A person's token without the scope: 403, not 401.
    const noScope = ((await w.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: DAGL, scope: 'openid' } })).json() as { access_token: string }).access_token;
    assertProblem(await call(w, 'GET', `/enduser/dialogs?party=${ORG(COMPANY)}`, noScope), 403);
  });
});
