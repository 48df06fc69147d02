// Unit tests of change requests on standard system users (docs/contracts/change-requests.md) over
// inject on the whole app: create (201, idempotent 200, NoChangeNeeded, the errors), the vendor reads
// and delete, and the end-user approve/reject, with the PDP's decision following an approval.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const API = '/authentication/api/v1';
const VENDOR = '310000019';
const OTHER_VENDOR = '310000027';
const CUSTOMER = '310000035';
const OTHER_CUSTOMER = '310000043';
const SERVICE_OWNER = '310000051';
const DAGL = '01818510078';
const NOBODY = '01818510159';
const OTHER_DAGL = '01818510310';
const REQ_WRITE = 'altinn:authentication/systemuser.request.write';
const REQ_READ = 'altinn:authentication/systemuser.request.read';
const SR_WRITE = 'altinn:authentication/systemregister.write';
const RESOURCE = 'samsvar-test-regnskap';
const SYSTEM_ID = `${VENDOR}_regnskap`;
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const MVA = PKG('merverdiavgift');
const SECRET = PKG('post-til-virksomheten-med-taushetsbelagt-innhold');

interface World {
  app: FastifyInstance;
  customerParty: number;
  otherCustomerParty: number;
  mp(scope: string, org?: string): Promise<string>;
  login(pid: string): Promise<string>;
}

async function td(app: FastifyInstance, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object });
  assert.ok(res.statusCode < 300, `test data ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
  await app.ready();
  const partyIds = new Map<string, number>();
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [OTHER_VENDOR, 'Annen Leverandør AS'], [CUSTOMER, 'Kunde AS'], [OTHER_CUSTOMER, 'Annen Kunde AS'], [SERVICE_OWNER, 'Etat']] as const) {
    const res = await td(app, 'POST', '/organisations', { orgNo, name, orgForm: 'AS' });
    partyIds.set(orgNo, (res.json() as { partyId: number }).partyId);
  }
  for (const [pid, name] of [[DAGL, 'Dagny Leder'], [NOBODY, 'Nils Ingen'], [OTHER_DAGL, 'Olga Leder']] as const) await td(app, 'POST', '/persons', { pid, name });
  await td(app, 'POST', '/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } });
  await td(app, 'POST', '/roles', { orgNo: OTHER_CUSTOMER, role: 'DAGL', holder: { pid: OTHER_DAGL } });
  await td(app, 'PUT', `/resources/${RESOURCE}`, {
    title: { nb: RESOURCE }, resourceType: 'Default', hasCompetentAuthority: { organization: SERVICE_OWNER, orgcode: 'etat' },
    policy: { rules: [{ subjects: [MVA], actions: ['read', 'write'] }] },
  });
  return {
    app,
    customerParty: partyIds.get(CUSTOMER) ?? -1,
    otherCustomerParty: partyIds.get(OTHER_CUSTOMER) ?? -1,
    async mp(scope, org = VENDOR) {
      const claims = { scope, client_id: `client-${org}`, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` } };
      return ((await td(app, 'POST', '/maskinporten/tokens', { claims })).json() as { access_token: string }).access_token;
    },
    async login(pid) {
      const res = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { access_token: string }).access_token;
    },
  };
}

function call(w: World, method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method, url: `${API}${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

function assertProblem(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, res.body);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, code, res.body);
  assert.equal(body.type, `urn:altinn:error:${code}`);
}

/** A system with RESOURCE, MVA and SECRET; a standard system user for CUSTOMER holding MVA (and `rights`). */
async function systemUser(w: World, userType: 'standard' | 'agent' = 'standard'): Promise<string> {
  const system = {
    id: SYSTEM_ID, vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
    name: { nb: 'Regnskap Pluss', nn: 'Rekneskap Pluss', en: 'Accounting Plus' }, description: { nb: 'R', nn: 'R', en: 'R' },
    rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }],
    accessPackages: [{ urn: MVA }, { urn: SECRET }],
    clientId: [randomUUID()], allowedRedirectUrls: ['https://vendor.example/callback'], isVisible: userType === 'standard',
  };
  if (userType === 'agent') system.accessPackages = [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }];
  const reg = await call(w, 'POST', '/systemregister/vendor', await w.mp(SR_WRITE), system);
  assert.equal(reg.statusCode, 200, reg.body);
  const path = userType === 'agent' ? '/systemuser/request/vendor/agent' : '/systemuser/request/vendor';
  const accessPackages = userType === 'agent' ? [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] : [{ urn: MVA }];
  const created = await call(w, 'POST', path, await w.mp(REQ_WRITE), { systemId: SYSTEM_ID, partyOrgNo: CUSTOMER, accessPackages });
  assert.equal(created.statusCode, 201, created.body);
  const id = String((created.json() as { id: string }).id);
  const approved = await call(w, 'POST', `/systemuser/request/${userType === 'agent' ? 'agent/' : ''}${w.customerParty}/${id}/approve`, await w.login(DAGL));
  assert.equal(approved.statusCode, 200, approved.body);
  return id;
}

interface ChangeBody { requiredRights?: unknown; unwantedRights?: unknown; requiredAccessPackages?: unknown; unwantedAccessPackages?: unknown; redirectUrl?: string }

async function change(w: World, systemUserId: string, body: ChangeBody, correlationId = randomUUID(), org = VENDOR): Promise<LightMyRequestResponse> {
  return call(w, 'POST', `/systemuser/changerequest/vendor?correlation-id=${correlationId}&system-user-id=${systemUserId}`, await w.mp(REQ_WRITE, org), body);
}

async function pdpDecision(w: World, systemUserId: string): Promise<string> {
  const token = await w.mp('altinn:authorization/authorize', SERVICE_OWNER);
  const attr = (AttributeId: string, Value: string) => ({ AttributeId, Value });
  const res = await w.app.inject({
    method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
    payload: { Request: {
      AccessSubject: [{ Attribute: [attr('urn:altinn:systemuser:uuid', systemUserId)] }],
      Action: [{ Attribute: [attr('urn:oasis:names:tc:xacml:1.0:action:action-id', 'read')] }],
      Resource: [{ Attribute: [attr('urn:altinn:resource', RESOURCE), attr('urn:altinn:organization:identifier-no', CUSTOMER)] }],
    } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return String((res.json() as { response: Array<{ decision: string }> }).response[0]?.decision);
}

async function detailPackages(w: World, systemUserId: string): Promise<string[]> {
  const res = await call(w, 'GET', `/systemuser/${w.customerParty}/${systemUserId}`, await w.login(DAGL));
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { accessPackages: Array<{ urn: string }> }).accessPackages.map((p) => p.urn).sort();
}

const answer = async (w: World, id: string, what: 'approve' | 'reject', pid = DAGL, party = w.customerParty) =>
  call(w, 'POST', `/systemuser/changerequest/${party}/${id}/${what}`, await w.login(pid));

// ---------------------------------------------------------------------------------------------------
describe('change requests, vendor side (docs/contracts/change-requests.md §2)', () => {
  test('201 new with the response shape and confirmUrl; 200 with the stored one for the same correlation id, whatever the body', async () => {
    const w = await world();
    const userId = await systemUser(w);
    const correlationId = randomUUID();
    const res = await change(w, userId, { requiredAccessPackages: [{ urn: SECRET }], unwantedAccessPackages: [{ urn: MVA }] }, correlationId);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json() as Record<string, unknown>;
    assert.deepEqual(body, {
      id: correlationId, externalRef: CUSTOMER, systemId: SYSTEM_ID, systemUserId: userId, partyOrgNo: CUSTOMER,
      requiredRights: [], unwantedRights: [], requiredAccessPackages: [{ urn: SECRET }], unwantedAccessPackages: [{ urn: MVA }],
      status: 'New', confirmUrl: `${PUBLIC_URL}/portal/accessmanagement/ui/systemuser/changerequest?id=${correlationId}&DONTCHOOSEREPORTEE=true`,
      created: body.created, timedOut: false,
    });
    const again = await change(w, userId, { requiredRights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }] }, correlationId);
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), body);

    const read = await w.mp(REQ_READ);
    assert.deepEqual((await call(w, 'GET', `/systemuser/changerequest/vendor/${correlationId}`, read)).json(), body);
    assert.deepEqual((await call(w, 'GET', `/systemuser/changerequest/vendor/byexternalref/${SYSTEM_ID}/${CUSTOMER}/${CUSTOMER}`, read)).json(), body);
    const list = await call(w, 'GET', `/systemuser/changerequest/vendor/bysystem/${SYSTEM_ID}`, read);
    assert.deepEqual(list.json(), { links: { next: null }, data: [body] });
    assertProblem(await call(w, 'GET', `/systemuser/changerequest/vendor/${randomUUID()}`, read), 404, 'AUTH-00010');
    assertProblem(await call(w, 'GET', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_READ, OTHER_VENDOR)), 404, 'AUTH-00011');
    // Scopes: a read needs request.read, create and delete need request.write.
    assert.equal((await call(w, 'GET', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_WRITE))).statusCode, 403);
    assert.equal((await change(w, userId, { requiredAccessPackages: [{ urn: SECRET }] })).statusCode, 201);
    const wrongScope = await call(w, 'POST', `/systemuser/changerequest/vendor?correlation-id=${randomUUID()}&system-user-id=${userId}`, read, {});
    assert.equal(wrongScope.statusCode, 403);

    // DELETE: another vendor's → 404; the vendor's → 202, then gone.
    assertProblem(await call(w, 'DELETE', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_WRITE, OTHER_VENDOR)), 404, 'AUTH-00010');
    assert.equal((await call(w, 'DELETE', `/systemuser/changerequest/vendor/${correlationId}`, read)).statusCode, 403);
    const del = await call(w, 'DELETE', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_WRITE));
    assert.equal(del.statusCode, 202);
    assert.equal(del.body, '');
    assertProblem(await call(w, 'GET', `/systemuser/changerequest/vendor/${correlationId}`, read), 404, 'AUTH-00010');
    assertProblem(await call(w, 'DELETE', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_WRITE)), 404, 'AUTH-00010');
  });

  test('200 NoChangeNeeded with confirmUrl "" when all four lists are empty (not stored)', async () => {
    const w = await world();
    const userId = await systemUser(w);
    const correlationId = randomUUID();
    const res = await change(w, userId, { requiredRights: [], unwantedRights: [], requiredAccessPackages: [], unwantedAccessPackages: [] }, correlationId);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as Record<string, unknown>;
    assert.equal(body.status, 'NoChangeNeeded');
    assert.equal(body.confirmUrl, '');
    assert.equal((await change(w, userId, {})).statusCode, 200);
    assertProblem(await call(w, 'GET', `/systemuser/changerequest/vendor/${correlationId}`, await w.mp(REQ_READ)), 404, 'AUTH-00010');
  });

  test('errors: plain-text 400 for the correlation id, 401 for another vendor, 404 AUTH-00015, 400 for what the system lacks', async () => {
    const w = await world();
    const userId = await systemUser(w);
    const token = await w.mp(REQ_WRITE);
    const body = { requiredAccessPackages: [{ urn: SECRET }] };
    for (const query of [`system-user-id=${userId}`, `correlation-id=&system-user-id=${userId}`, `correlation-id=${userId}&system-user-id=${userId}`]) {
      const res = await call(w, 'POST', `/systemuser/changerequest/vendor?${query}`, token, body);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^text\/plain/, query);
    }
    assert.equal((await call(w, 'POST', `/systemuser/changerequest/vendor?correlation-id=abc&system-user-id=${userId}`, token, body)).statusCode, 400);
    const other = await change(w, userId, body, randomUUID(), OTHER_VENDOR);
    assert.equal(other.statusCode, 401, other.body);
    assertProblem(await change(w, randomUUID(), body), 404, 'AUTH-00015');
    assertProblem(await call(w, 'POST', `/systemuser/changerequest/vendor?correlation-id=${randomUUID()}`, token, body), 404, 'AUTH-00015');
    assertProblem(await change(w, userId, { requiredAccessPackages: [{ urn: PKG('skatt-naering') }] }), 400, 'AUTH-00063');
    assertProblem(await change(w, userId, { requiredRights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: 'ukjent' }] }] }), 400, 'AUTH-00001');
    assertProblem(await change(w, userId, { ...body, redirectUrl: 'https://evil.example/x' }), 400, 'AUTH-00021');
    // Unwanted lists are not validated.
    assert.equal((await change(w, userId, { unwantedAccessPackages: [{ urn: PKG('skatt-naering') }] })).statusCode, 201);
  });

  test('an agent system user cannot be changed: 404 AUTH-00015', async () => {
    const w = await world();
    const agentId = await systemUser(w, 'agent');
    assertProblem(await change(w, agentId, { unwantedAccessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] }), 404, 'AUTH-00015');
  });
});

describe('change requests, end-user side (docs/contracts/change-requests.md §3)', () => {
  test('approve removes and adds packages; the PDP flips Permit → NotApplicable → Permit; twice → 409 AUTH-00013', async () => {
    const w = await world();
    const userId = await systemUser(w);
    assert.equal(await pdpDecision(w, userId), 'Permit');
    assert.deepEqual(await detailPackages(w, userId), [MVA]);

    const remove = randomUUID();
    assert.equal((await change(w, userId, { unwantedAccessPackages: [{ urn: MVA }] }, remove)).statusCode, 201);
    const person = await w.login(DAGL);
    const internal = await call(w, 'GET', `/systemuser/changerequest/${remove}`, person);
    assert.equal(internal.statusCode, 200);
    // ChangeRequestResponseInternal: the party's ids (what the BFF and the portal answer with).
    assert.equal((internal.json() as { partyId: number }).partyId, w.customerParty);
    assert.equal(typeof (internal.json() as { partyUuid: string }).partyUuid, 'string');
    assert.equal((await call(w, 'GET', `/systemuser/changerequest/${w.customerParty}/${remove}`, person)).statusCode, 200);
    assertProblem(await answer(w, remove, 'approve', NOBODY), 403, 'AUTH-00066');
    assertProblem(await answer(w, remove, 'approve', OTHER_DAGL, w.otherCustomerParty), 403, 'AUTH-00041');
    assertProblem(await answer(w, randomUUID(), 'approve'), 404, 'AUTH-00010');
    assert.equal(await pdpDecision(w, userId), 'Permit', 'refused answers change nothing');

    const ok = await answer(w, remove, 'approve');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.body, 'true');
    assert.equal(await pdpDecision(w, userId), 'NotApplicable');
    assert.deepEqual(await detailPackages(w, userId), []);
    assert.equal((await call(w, 'GET', `/systemuser/changerequest/vendor/${remove}`, await w.mp(REQ_READ))).json().status, 'Accepted');
    assertProblem(await answer(w, remove, 'approve'), 409, 'AUTH-00013');
    assertProblem(await answer(w, remove, 'reject'), 409, 'AUTH-00013');

    // The person must hold what is added (the request approval's delegation check): refused, nothing changes.
    const secret = randomUUID();
    assert.equal((await change(w, userId, { requiredAccessPackages: [{ urn: SECRET }] }, secret)).statusCode, 201);
    assertProblem(await answer(w, secret, 'approve'), 400, 'AUTH-00053');
    assert.deepEqual(await detailPackages(w, userId), []);

    // Back again; removing what is absent is a no-op, and so is adding what is held.
    const back = randomUUID();
    assert.equal((await change(w, userId, { requiredAccessPackages: [{ urn: MVA }], unwantedAccessPackages: [{ urn: PKG('skatt-naering') }] }, back)).statusCode, 201);
    assert.equal((await answer(w, back, 'approve')).statusCode, 200);
    assert.equal(await pdpDecision(w, userId), 'Permit');
    assert.deepEqual(await detailPackages(w, userId), [MVA]);
    const again = randomUUID();
    assert.equal((await change(w, userId, { requiredAccessPackages: [{ urn: MVA }] }, again)).statusCode, 201);
    assert.equal((await answer(w, again, 'approve')).statusCode, 200);
    assert.equal(await pdpDecision(w, userId), 'Permit');
    assert.deepEqual(await detailPackages(w, userId), [MVA]);
  });

  test('reject leaves the system user unchanged; answered twice → 409 AUTH-00013', async () => {
    const w = await world();
    const userId = await systemUser(w);
    const id = randomUUID();
    assert.equal((await change(w, userId, { unwantedAccessPackages: [{ urn: MVA }] }, id)).statusCode, 201);
    const res = await answer(w, id, 'reject');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body, 'true');
    assert.equal(await pdpDecision(w, userId), 'Permit');
    assert.deepEqual(await detailPackages(w, userId), [MVA]);
    assert.equal((await call(w, 'GET', `/systemuser/changerequest/vendor/${id}`, await w.mp(REQ_READ))).json().status, 'Rejected');
    assertProblem(await answer(w, id, 'reject'), 409, 'AUTH-00013');
    assertProblem(await answer(w, id, 'approve'), 409, 'AUTH-00013');
  });
});
