// Unit tests of the authentication component over inject (docs/contracts/altinn-authentication.md §2, §3, §5, §7, §8.1):
// the system register's validation order and codes, system user requests (standard and agent) with
// paging, the end-user approve/reject/delete of a person, and the system user reads (byExternalId,
// byquery, bysystem). The world is built through the test data API and the ID-porten stand-in, as the
// suite does.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const API = '/authentication/api/v1';

// Synthetic org numbers (mod 11, starting with 3) and Tenor national identity numbers.
const VENDOR = '310000019';
const OTHER_VENDOR = '310000027';
const CUSTOMER = '310000035';
const OTHER_CUSTOMER = '310000043';
const SERVICE_OWNER = '310000051';
const NOT_IN_REGISTER = '310000078';
const DAGL = '01818510078'; // daglig leder of CUSTOMER
const NOBODY = '01818510159'; // a person without any role
const OTHER_DAGL = '01818510310'; // daglig leder of OTHER_CUSTOMER
const BOARD_MEMBER = '01818510582'; // styremedlem (MEDL) of CUSTOMER: a relation, not an access manager

const SCOPE = {
  srWrite: 'altinn:authentication/systemregister.write',
  srAdmin: 'altinn:authentication/systemregister.admin',
  reqWrite: 'altinn:authentication/systemuser.request.write',
  reqRead: 'altinn:authentication/systemuser.request.read',
  lookup: 'altinn:maskinporten/systemuser.read',
};
const ALL_VENDOR_SCOPES = [SCOPE.srWrite, SCOPE.reqWrite, SCOPE.reqRead].join(' ');

const RESOURCE = 'samsvar-test-regnskap';
const MP_RESOURCE = 'samsvar-test-mpschema';
const SECRET_RESOURCE = 'samsvar-test-taushet';
const LOCKED_RESOURCE = 'samsvar-test-ikke-delegerbar';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;

interface World {
  app: FastifyInstance;
  customerParty: number;
  otherCustomerParty: number;
  /** Maskinporten token for `org` with `scope` (and a consumer claim unless `consumer: false`). */
  mp(scope: string, org?: string, consumer?: boolean): Promise<string>;
  /** ID-porten stand-in token for a person. */
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
  for (const [pid, name] of [[DAGL, 'Dagny Leder'], [NOBODY, 'Nils Ingen'], [OTHER_DAGL, 'Olga Leder'], [BOARD_MEMBER, 'Styre Medlem']] as const) {
    await td(app, 'POST', '/persons', { pid, name });
  }
  await td(app, 'POST', '/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } });
  await td(app, 'POST', '/roles', { orgNo: OTHER_CUSTOMER, role: 'DAGL', holder: { pid: OTHER_DAGL } });
  await td(app, 'POST', '/roles', { orgNo: CUSTOMER, role: 'MEDL', holder: { pid: BOARD_MEMBER } });
  const hasCompetentAuthority = { organization: SERVICE_OWNER, orgcode: 'etat' };
  const resource = (identifier: string, resourceType: string, subject: string, extra: Record<string, unknown> = {}) =>
    td(app, 'PUT', `/resources/${identifier}`, {
      title: { nb: identifier }, resourceType, hasCompetentAuthority, ...extra,
      policy: { rules: [{ subjects: [PKG(subject)], actions: ['read', 'write'] }] },
    });
  await resource(RESOURCE, 'Default', 'merverdiavgift');
  await resource(MP_RESOURCE, 'MaskinportenSchema', 'merverdiavgift');
  await resource(SECRET_RESOURCE, 'Default', 'post-til-virksomheten-med-taushetsbelagt-innhold');
  await resource(LOCKED_RESOURCE, 'Default', 'merverdiavgift', { delegable: false });
  return {
    app,
    customerParty: partyIds.get(CUSTOMER) ?? -1,
    otherCustomerParty: partyIds.get(OTHER_CUSTOMER) ?? -1,
    async mp(scope, org = VENDOR, consumer = true) {
      const claims: Record<string, unknown> = { scope, client_id: `client-${org}` };
      if (consumer) claims.consumer = { authority: 'iso6523-actorid-upis', ID: `0192:${org}` };
      const res = await td(app, 'POST', '/maskinporten/tokens', { claims });
      return (res.json() as { access_token: string }).access_token;
    },
    async login(pid) {
      const res = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { access_token: string }).access_token;
    },
  };
}

function call(w: World, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method,
    url: `${API}${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

function problem(res: LightMyRequestResponse): Record<string, unknown> {
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `not a problem: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

/** Asserts an AUTH problem: status, code, type and the contract's shape. */
function assertProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  const body = problem(res);
  assert.equal(body.code, code);
  assert.equal(body.type, `urn:altinn:error:${code}`);
  assert.equal(body.status, status);
  return body;
}

type VError = { code: string; title: string; paths: string[]; [k: string]: unknown };

/** Asserts a 400 STD-00000 validation problem and returns its errors. */
function validationErrors(res: LightMyRequestResponse): VError[] {
  const body = assertProblem(res, 400, 'STD-00000');
  return body.validationErrors as VError[];
}

const CLIENT_ID = '7a3c9e61-5a0b-4ec1-a1d7-0d3c4c1a2f10';

function systemBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `${VENDOR}_regnskap`,
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
    name: { nb: 'Regnskap Pluss', nn: 'Rekneskap Pluss', en: 'Accounting Plus' },
    description: { nb: 'Regnskapssystem', nn: 'Rekneskapssystem', en: 'Accounting system' },
    rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }],
    accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('post-til-virksomheten-med-taushetsbelagt-innhold') }],
    clientId: [CLIENT_ID],
    allowedRedirectUrls: ['https://vendor.example/callback'],
    isVisible: true,
    ...overrides,
  };
}

async function registerSystem(w: World, overrides: Record<string, unknown> = {}, org = VENDOR): Promise<string> {
  const vendor = { authority: 'iso6523-actorid-upis', ID: `0192:${org}` };
  const res = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite, org), systemBody({ vendor, ...overrides }));
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as string;
}

interface RequestBody { systemId?: string; partyOrgNo?: string; externalRef?: string | null; rights?: unknown; accessPackages?: unknown; redirectUrl?: string; integrationTitle?: string }

function requestBody(overrides: RequestBody = {}): RequestBody {
  return { systemId: `${VENDOR}_regnskap`, partyOrgNo: CUSTOMER, accessPackages: [{ urn: PKG('merverdiavgift') }], ...overrides };
}

async function createRequest(w: World, overrides: RequestBody = {}): Promise<Record<string, unknown>> {
  const res = await call(w, 'POST', '/systemuser/request/vendor', await w.mp(SCOPE.reqWrite), requestBody(overrides));
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Record<string, unknown>;
}

/** The PDP's decision for a system user acting on RESOURCE for CUSTOMER (docs/contracts/altinn-authorization.md §1). */
async function pdpDecision(w: World, systemUserId: string, action: string): Promise<string> {
  const token = await w.mp('altinn:authorization/authorize', SERVICE_OWNER);
  const attr = (AttributeId: string, Value: string) => ({ AttributeId, Value });
  const res = await w.app.inject({
    method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
    payload: { Request: {
      AccessSubject: [{ Attribute: [attr('urn:altinn:systemuser:uuid', systemUserId)] }],
      Action: [{ Attribute: [attr('urn:oasis:names:tc:xacml:1.0:action:action-id', action)] }],
      Resource: [{ Attribute: [attr('urn:altinn:resource', RESOURCE), attr('urn:altinn:organization:identifier-no', CUSTOMER)] }],
    } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return String((res.json() as { response: Array<{ decision: string }> }).response[0]?.decision);
}

async function approve(w: World, requestId: string, pid = DAGL, party = w.customerParty): Promise<LightMyRequestResponse> {
  return call(w, 'POST', `/systemuser/request/${party}/${requestId}/approve`, await w.login(pid));
}

// ---------------------------------------------------------------------------------------------------
describe('system register (docs/contracts/altinn-authentication.md §2)', () => {
  test('POST registers a system: 200 with the internal GUID as a JSON string; GET returns it', async () => {
    const w = await world();
    const res = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite), systemBody());
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /^"[0-9a-f-]{36}"$/);
    const get = await call(w, 'GET', `/systemregister/vendor/${VENDOR}_regnskap`, await w.mp(SCOPE.srWrite));
    assert.equal(get.statusCode, 200);
    assert.deepEqual(get.json(), {
      id: `${VENDOR}_regnskap`,
      vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
      name: { nb: 'Regnskap Pluss', nn: 'Rekneskap Pluss', en: 'Accounting Plus' },
      description: { nb: 'Regnskapssystem', nn: 'Rekneskapssystem', en: 'Accounting system' },
      rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }],
      accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('post-til-virksomheten-med-taushetsbelagt-innhold') }],
      isDeleted: false,
      clientId: [CLIENT_ID],
      isVisible: true,
      allowedRedirectUrls: ['https://vendor.example/callback'],
    });
    const list = await call(w, 'GET', '/systemregister/vendor', await w.mp(SCOPE.srWrite));
    assert.equal(list.statusCode, 200);
    const items = list.json() as Array<Record<string, unknown>>;
    assert.equal(items.length, 1);
    assert.equal(items[0]?.systemId, `${VENDOR}_regnskap`);
    assert.equal(items[0]?.systemVendorOrgNumber, VENDOR);
    assert.equal(items[0]?.systemVendorOrgName, '');
    const other = await call(w, 'GET', '/systemregister/vendor', await w.mp(SCOPE.srWrite, OTHER_VENDOR));
    assert.deepEqual(other.json(), []);
  });

  test('member names match case-insensitively and top-level strings are trimmed', async () => {
    const w = await world();
    const body = {
      Id: `  ${VENDOR}_trimmed  `,
      VENDOR: { id: ` 0192:${VENDOR} ` },
      name: { nb: 'Navn' },
      description: { nb: 'Beskrivelse' },
      allowedredirecturls: ['https://vendor.example/cb'],
      ISVISIBLE: false,
    };
    const res = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite), body);
    assert.equal(res.statusCode, 200, res.body);
    const get = await call(w, 'GET', `/systemregister/vendor/${VENDOR}_trimmed`, await w.mp(SCOPE.srWrite));
    assert.equal(get.statusCode, 200, get.body);
    const system = get.json() as Record<string, unknown>;
    assert.deepEqual(system.allowedRedirectUrls, ['https://vendor.example/cb']);
    assert.equal(system.isVisible, false);
    assert.deepEqual(system.rights, []);
    assert.deepEqual(system.clientId, []);
  });

  test('tokens: none → 401, wrong scope → 403', async () => {
    const w = await world();
    assert.equal((await call(w, 'POST', '/systemregister/vendor', undefined, systemBody())).statusCode, 401);
    const res = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.reqWrite), systemBody());
    assert.equal(res.statusCode, 403);
    problem(res);
    assert.equal((await call(w, 'GET', '/systemregister/vendor', 'not-a-jwt')).statusCode, 401);
  });

  test('missing required members, wrong types and malformed JSON → 400 problems', async () => {
    const w = await world();
    const token = await w.mp(SCOPE.srWrite);
    const { name: _n, ...noName } = systemBody();
    const missing = validationErrors(await call(w, 'POST', '/systemregister/vendor', token, { ...noName, systemNameInvalid: { nb: 'x' } }));
    assert.ok(missing.some((e) => e.paths.includes('/body/name')), JSON.stringify(missing));
    const wrongType = validationErrors(await call(w, 'POST', '/systemregister/vendor', token, systemBody({ isVisible: 'yes', clientId: 'abc' })));
    assert.deepEqual(wrongType.map((e) => e.paths[0]).sort(), ['/body/clientId', '/body/isVisible']);
    const malformed = await w.app.inject({
      method: 'POST', url: `${API}/systemregister/vendor`, payload: '{"id": ',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(problem(malformed).status, 400);
    const notObject = validationErrors(await call(w, 'POST', '/systemregister/vendor', token, [1, 2]));
    assert.ok(notObject.length > 0);
    // Nothing was stored by any of them.
    assert.deepEqual((await call(w, 'GET', '/systemregister/vendor', token)).json(), []);
  });

  test('VLD-00 alone first, whatever else is wrong', async () => {
    const w = await world();
    const errors = validationErrors(await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite),
      systemBody({ id: 'has space', vendor: { ID: `0191:${VENDOR}` }, allowedRedirectUrls: ['http://x'] })));
    assert.deepEqual(errors, [{
      code: 'AUTH.VLD-00000', title: 'the org number identifier is not valid ISO6523 identifier', paths: ['/registersystemrequest/vendor/id'],
    }]);
  });

  test('the owner check (403) runs before the gathered errors are returned; the admin scope bypasses it', async () => {
    const w = await world();
    const invalid = systemBody({ allowedRedirectUrls: ['http://insecure.example'] });
    assert.equal((await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite, OTHER_VENDOR), invalid)).statusCode, 403);
    assert.equal((await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite, OTHER_VENDOR), systemBody())).statusCode, 403);
    const admin = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srAdmin, OTHER_VENDOR), systemBody());
    assert.equal(admin.statusCode, 200, admin.body);
  });

  test('each rule gives its code, exact title and path', async () => {
    const w = await world();
    const token = await w.mp(SCOPE.srWrite);
    await registerSystem(w);
    const post = async (overrides: Record<string, unknown>) => validationErrors(await call(w, 'POST', '/systemregister/vendor', token, systemBody({ id: `${VENDOR}_ny`, clientId: [], ...overrides })));

    assert.deepEqual(await post({ id: `${VENDOR}_has space` }), [{
      code: 'AUTH.VLD-00013', title: 'System ID cannot have spaces in id (leading, trailing or in between the id)', paths: ['/registersystemrequest/systemid'],
    }]);
    assert.deepEqual(await post({ id: `${VENDOR}_regnskap` }), [{ code: 'AUTH.VLD-00002', title: 'The system id already exists', paths: ['/registersystemrequest/systemid'] }]);
    assert.deepEqual(await post({ id: `${OTHER_VENDOR}_ny` }), [{
      code: 'AUTH.VLD-00001', title: 'The system id does not match the format orgnumber_xxxx...', paths: ['/registersystemrequest/systemid'],
    }]);
    assert.deepEqual(await post({ allowedRedirectUrls: ['https://ok.example', 'http://insecure.example'] }), [{
      code: 'AUTH.VLD-00005', title: 'One or more of the redirect urls format is not valid. The valid format is https://xxx.xx', paths: ['/registersystemrequest/allowedredirecturls'],
    }]);
    assert.deepEqual(await post({ clientId: [CLIENT_ID] }), [{
      code: 'AUTH.VLD-00004', title: 'One of the client id is already tagged with an existing system', paths: ['/registersystemrequest/clientid'],
    }]);
    assert.deepEqual(await post({ rights: [{ resource: [{ id: 'urn:altinn:app', value: 'app_ttd_x' }] }] }), [{
      code: 'AUTH.VLD-00009', title: 'One or more resource id is in wrong format. The valid format is urn:altinn:resource',
      paths: ['/registersystemrequest/rights/resource'], 'Invalid Resource Id Details : ': 'app_ttd_x',
    }]);
    assert.deepEqual(await post({ rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'finnes-ikke' }] }] }), [{
      code: 'AUTH.VLD-00003', title: "One or more resources specified in rights were not found in Altinn's resource register.",
      paths: ['/registersystemrequest/rights/resource'], 'ResourceIds Not Found : ': 'finnes-ikke',
    }]);
    const twoErrors = await post({ rights: [{ resource: [{ id: 'urn:altinn:resource', value: MP_RESOURCE }] }, { resource: [{ id: 'urn:x', value: 'bad' }] }] });
    assert.deepEqual(twoErrors.map((e) => e.code).sort(), ['AUTH.VLD-00009', 'AUTH.VLD-00017']);
    assert.equal(twoErrors.find((e) => e.code === 'AUTH.VLD-00017')?.['ResourceIds Not Delegable : '], MP_RESOURCE);
    const duplicateRight = { action: 'read', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] };
    assert.deepEqual(await post({ rights: [duplicateRight, duplicateRight] }), [{
      code: 'AUTH.VLD-00006', title: 'One or more duplicate rights found', paths: ['/registersystemrequest/rights/resource'],
    }]);
    assert.deepEqual(await post({ accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('merverdiavgift') }] }), [{
      code: 'AUTH.VLD-00007', title: 'One or more duplicate access package(s) found', paths: ['/registersystemrequest/accesspackages'],
    }]);
    // eksplisitt is neither delegable nor assignable (isVisible:false keeps VLD-18 out of this case).
    assert.deepEqual(await post({ isVisible: false, accessPackages: [{ urn: 'urn:altinn:nope' }, { urn: PKG('finnes-ikke') }, { urn: PKG('eksplisitt') }] }), [{
      code: 'AUTH.VLD-00008', title: "One or all the accesspackage(s) is not found in altinn's access packages or is not delegable",
      paths: ['/registersystemrequest/accesspackages'],
      'Invalid Urn Details : ': `Invalid format: urn:altinn:nope | Not found: ${PKG('finnes-ikke')} | Not possible to delegate: ${PKG('eksplisitt')}`,
    }]);
    assert.deepEqual(await post({ accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] }), [{
      code: 'AUTH.VLD-00018', title: "Access packages meant for system user for client relations can't be used in combination with the flag isVisible: true",
      paths: ['/registersystemrequest/accesspackages'],
    }]);
    const ok = await call(w, 'POST', '/systemregister/vendor', token,
      systemBody({ id: `${VENDOR}_klient`, clientId: [], isVisible: false, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] }));
    assert.equal(ok.statusCode, 200, ok.body);
    // Several errors are gathered together.
    const many = await post({ id: `${OTHER_VENDOR}_x y`, allowedRedirectUrls: ['ftp://x'] });
    assert.deepEqual(many.map((e) => e.code), ['AUTH.VLD-00013', 'AUTH.VLD-00001', 'AUTH.VLD-00005']);
  });

  test('GET, PUT, DELETE and changelog: owner, admin, unknown and deleted systems', async () => {
    const w = await world();
    await registerSystem(w);
    const id = `${VENDOR}_regnskap`;
    const owner = await w.mp(SCOPE.srWrite);
    const stranger = await w.mp(SCOPE.srWrite, OTHER_VENDOR);
    const admin = await w.mp(SCOPE.srAdmin, OTHER_VENDOR);

    assert.equal((await call(w, 'GET', `/systemregister/vendor/${id}`, stranger)).statusCode, 403);
    assert.equal((await call(w, 'GET', `/systemregister/vendor/${id}`, admin)).statusCode, 200);
    const unknown = await call(w, 'GET', `/systemregister/vendor/${VENDOR}_ukjent`, owner);
    assert.equal(unknown.statusCode, 404);
    problem(unknown);

    assert.equal((await call(w, 'PUT', `/systemregister/vendor/${id}`, stranger, systemBody())).statusCode, 403);
    const otherVendorBody = await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ vendor: { ID: `0192:${OTHER_VENDOR}` } }));
    assert.equal(otherVendorBody.statusCode, 404);
    assert.equal(otherVendorBody.body, `System with ID '${id}' not found.`);
    const unknownPut = await call(w, 'PUT', `/systemregister/vendor/${VENDOR}_ukjent`, owner, systemBody({ id: `${VENDOR}_ukjent` }));
    assert.equal(unknownPut.statusCode, 404);
    assert.equal(unknownPut.body, `System with ID '${VENDOR}_ukjent' not found.`);
    assert.deepEqual(validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ id: `${VENDOR}_annen` }))), [{
      code: 'AUTH.VLD-00012', title: 'The system ID in the request body does not match the system ID in the URL', paths: ['/registersystemrequest/systemid'],
    }]);
    const dupClient = validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ clientId: ['a-1', 'A-1'] })));
    assert.deepEqual(dupClient.map((e) => e.code), ['AUTH.VLD-00011']);
    await registerSystem(w, { id: `${VENDOR}_andre`, clientId: ['used-elsewhere'] });
    const usedClient = validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ clientId: ['used-elsewhere'] })));
    assert.deepEqual(usedClient.map((e) => [e.code, e.paths[0]]), [['AUTH.VLD-00004', '/registersystemrequest/clientid']]);
    const cleared = await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ clientId: [], name: { nb: 'Nytt navn' } }));
    assert.equal(cleared.statusCode, 200);
    assert.deepEqual(cleared.json(), { succeeded: true });
    const after = (await call(w, 'GET', `/systemregister/vendor/${id}`, owner)).json() as Record<string, unknown>;
    assert.deepEqual(after.clientId, []);
    assert.deepEqual(after.name, { nb: 'Nytt navn' });

    const rights = [{ resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }];
    assert.deepEqual((await call(w, 'PUT', `/systemregister/vendor/${id}/rights`, owner, rights)).json(), { succeeded: true });
    assert.deepEqual(validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}/rights`, owner, [{ resource: [{ id: 'urn:altinn:resource', value: 'ukjent' }] }]))
      .map((e) => e.code), ['AUTH.VLD-00003']);
    assert.equal((await call(w, 'PUT', `/systemregister/vendor/${id}/accesspackages`, stranger, [{ urn: PKG('merverdiavgift') }])).statusCode, 403);
    assert.deepEqual((await call(w, 'PUT', `/systemregister/vendor/${id}/accesspackages`, owner, [{ urn: PKG('skattegrunnlag') }])).json(), { succeeded: true });
    // The isVisible rule uses the stored isVisible (true here).
    assert.deepEqual(validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}/accesspackages`, owner, [{ urn: PKG('ansvarlig-revisor') }]))
      .map((e) => e.code), ['AUTH.VLD-00018']);
    assert.equal((await call(w, 'PUT', `/systemregister/vendor/${VENDOR}_ukjent/rights`, owner, rights)).statusCode, 404);

    const changes = await call(w, 'GET', `/systemregister/vendor/${id}/changelog`, admin);
    assert.equal(changes.statusCode, 200);
    // Newest first, as Altinn lists it (docs/contracts/platform-behaviour.md §1).
    assert.deepEqual((changes.json() as Array<{ changeType: string }>).map((c) => c.changeType), ['accesspackageupdate', 'rightsupdate', 'update', 'create']);
    const first = (changes.json() as Array<Record<string, unknown>>)[3];
    assert.equal(first?.changedByOrgNumber, VENDOR);
    assert.equal(first?.clientId, `client-${VENDOR}`);
    assert.equal((await call(w, 'GET', `/systemregister/vendor/${id}/changelog`, stranger)).statusCode, 403);
    const unknownLog = await call(w, 'GET', `/systemregister/vendor/${VENDOR}_ukjent/changelog`, owner);
    assert.equal(unknownLog.statusCode, 404);

    // DELETE: unknown → 400; wrong scope → 403; another org → 403; owner → 200; then updates → 400.
    const delUnknown = await call(w, 'DELETE', `/systemregister/vendor/${VENDOR}_ukjent`, owner);
    assert.equal(delUnknown.statusCode, 400);
    problem(delUnknown);
    assert.equal((await call(w, 'DELETE', `/systemregister/vendor/${id}`, await w.mp(SCOPE.reqWrite))).statusCode, 403);
    assert.equal((await call(w, 'DELETE', `/systemregister/vendor/${id}`, stranger)).statusCode, 403);
    const del = await call(w, 'DELETE', `/systemregister/vendor/${id}`, owner);
    assert.equal(del.statusCode, 200);
    assert.deepEqual(del.json(), { succeeded: true });
    const deleted = await call(w, 'GET', `/systemregister/vendor/${id}`, owner);
    assert.equal((deleted.json() as Record<string, unknown>).isDeleted, true);
    const putDeleted = await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ clientId: [] }));
    assert.equal(putDeleted.statusCode, 400);
    assert.equal(putDeleted.body, 'Cannot update a system marked as deleted.');
    assert.equal((await call(w, 'PUT', `/systemregister/vendor/${id}/rights`, owner, rights)).statusCode, 400);
    assert.equal((await call(w, 'PUT', `/systemregister/vendor/${id}/accesspackages`, owner, [])).statusCode, 400);
    assert.equal((await call(w, 'DELETE', `/systemregister/vendor/${id}`, owner)).statusCode, 400);
    assert.deepEqual(((await call(w, 'GET', '/systemregister/vendor', owner)).json() as Array<{ systemId: string }>).map((s) => s.systemId), [`${VENDOR}_andre`]);
    // The id is never reusable, but its client ids are.
    assert.deepEqual(validationErrors(await call(w, 'POST', '/systemregister/vendor', owner, systemBody({ clientId: [] }))).map((e) => e.code), ['AUTH.VLD-00002']);
  });

  test('a deleted system releases its client ids', async () => {
    const w = await world();
    const owner = await w.mp(SCOPE.srWrite);
    await registerSystem(w);
    assert.equal((await call(w, 'DELETE', `/systemregister/vendor/${VENDOR}_regnskap`, owner)).statusCode, 200);
    await registerSystem(w, { id: `${VENDOR}_etterfolger` });
  });
});

// ---------------------------------------------------------------------------------------------------
describe('system user requests, vendor side (docs/contracts/altinn-authentication.md §3.1–§3.4)', () => {
  test('create → 201 with Location and confirmUrl; the same key again → 200 with the same request', async () => {
    const w = await world();
    await registerSystem(w);
    const token = await w.mp(SCOPE.reqWrite);
    const res = await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ redirectUrl: 'https://vendor.example/callback?state=1' }));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json() as Record<string, unknown>;
    const id = String(body.id);
    assert.equal(res.headers.location, `${PUBLIC_URL}/authentication/api/v1/systemuser/request/${id}`);
    assert.equal(body.confirmUrl, `${PUBLIC_URL}/portal/accessmanagement/ui/systemuser/request?id=${id}&DONTCHOOSEREPORTEE=true`);
    assert.deepEqual(Object.keys(body).sort(), ['accessPackages', 'confirmUrl', 'created', 'escalated', 'externalRef', 'id', 'integrationTitle',
      'partyOrgNo', 'redirectUrl', 'rights', 'status', 'systemId', 'timedOut'].sort());
    assert.equal(body.status, 'New');
    assert.equal(body.externalRef, CUSTOMER);
    assert.equal(body.integrationTitle, 'Regnskap Pluss');
    assert.deepEqual(body.rights, []);
    assert.equal(body.timedOut, false);
    assert.equal(body.escalated, false);
    const again = await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ externalRef: '' }));
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as Record<string, unknown>).id, id);
    assert.equal((again.json() as Record<string, unknown>).confirmUrl, body.confirmUrl);
    assert.equal(again.headers.location, undefined);
    const read = await w.mp(SCOPE.reqRead);
    const byId = await call(w, 'GET', `/systemuser/request/vendor/${id}`, read);
    assert.equal(byId.statusCode, 200);
    assert.deepEqual(byId.json(), body);
    const byRef = await call(w, 'GET', `/systemuser/request/vendor/byexternalref/${VENDOR}_regnskap/${CUSTOMER}/${CUSTOMER}`, read);
    assert.equal((byRef.json() as Record<string, unknown>).id, id);
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/byexternalref/${VENDOR}_regnskap/${CUSTOMER}/annen`, read), 404, 'AUTH-00010');
  });

  test('create checks in the order of §3.4', async () => {
    const w = await world();
    await registerSystem(w);
    await registerSystem(w, { id: `${OTHER_VENDOR}_annet`, clientId: [] }, OTHER_VENDOR);
    await registerSystem(w, { id: `${VENDOR}_uten`, clientId: [], allowedRedirectUrls: [] });
    await registerSystem(w, { id: `${VENDOR}_klient`, clientId: [], isVisible: false, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }, { urn: PKG('merverdiavgift') }] });
    const token = await w.mp(SCOPE.reqWrite);
    const post = (overrides: RequestBody) => call(w, 'POST', '/systemuser/request/vendor', token, requestBody(overrides));

    const noConsumer = await call(w, 'POST', '/systemuser/request/vendor', await w.mp(SCOPE.reqWrite, VENDOR, false), requestBody());
    assertProblem(noConsumer, 401, 'AUTH-00023');
    assertProblem(await post({ systemId: `${VENDOR}_ukjent` }), 404, 'AUTH-00011');
    assertProblem(await post({ systemId: `${OTHER_VENDOR}_annet` }), 404, 'AUTH-00011');
    assertProblem(await post({ partyOrgNo: NOT_IN_REGISTER }), 400, 'AUTH-00000');
    assertProblem(await post({ redirectUrl: 'https://evil.example/callback' }), 400, 'AUTH-00021');
    assertProblem(await post({ redirectUrl: 'not a url' }), 400, 'AUTH-00021');
    assertProblem(await post({ systemId: `${VENDOR}_uten`, redirectUrl: 'https://vendor.example/callback' }), 400, 'AUTH-00026');
    assertProblem(await post({ accessPackages: undefined }), 400, 'AUTH-00001');
    assertProblem(await post({ rights: [], accessPackages: [] }), 400, 'AUTH-00059');
    assertProblem(await post({ rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'annen-ressurs' }] }], accessPackages: [] }), 400, 'AUTH-00001');
    assertProblem(await post({ rights: [{ action: 'read', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }], accessPackages: [] }), 400, 'AUTH-00001');
    const notFound = assertProblem(await post({ accessPackages: [{ urn: PKG('skattegrunnlag') }] }), 400, 'AUTH-00063');
    assert.equal(notFound.NotFoundPackages, PKG('skattegrunnlag'));
    const notAssignable = assertProblem(await post({ systemId: `${VENDOR}_klient`, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] }), 400, 'AUTH-00064');
    assert.equal(notAssignable.NotDelegablePackages, PKG('regnskapsforer-med-signeringsrettighet'));
    assert.equal(notAssignable.title, 'One or more access packages cannot be delegated. Either they are intended for clients or they cannot be delegated further.');
    // Nothing was stored by the refused requests.
    const list = await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.reqRead));
    assert.deepEqual((list.json() as { data: unknown[] }).data, []);
    // A right of the system (the action matches) is accepted.
    const withRight = await post({ externalRef: 'med-rettighet', rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }], accessPackages: null as unknown as undefined });
    assert.equal(withRight.statusCode, 201, withRight.body);
  });

  test('shape errors: missing members, wrong types, malformed JSON, no token, wrong scope', async () => {
    const w = await world();
    await registerSystem(w);
    const token = await w.mp(SCOPE.reqWrite);
    const missing = validationErrors(await call(w, 'POST', '/systemuser/request/vendor', token, { systemId: `${VENDOR}_regnskap` }));
    assert.deepEqual(missing.map((e) => e.paths[0]), ['/body/partyOrgNo']);
    validationErrors(await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ partyOrgNo: 310000035 as unknown as string })));
    validationErrors(await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ accessPackages: 'merverdiavgift' })));
    validationErrors(await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ rights: [{ resource: [] }] })));
    const malformed = await w.app.inject({ method: 'POST', url: `${API}/systemuser/request/vendor`, payload: '{', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    assert.equal(malformed.statusCode, 400);
    problem(malformed);
    assert.equal((await call(w, 'POST', '/systemuser/request/vendor', undefined, requestBody())).statusCode, 401);
    assert.equal((await call(w, 'POST', '/systemuser/request/vendor', await w.mp(SCOPE.reqRead), requestBody())).statusCode, 403);
    assert.equal((await call(w, 'GET', `/systemuser/request/vendor/${randomUUID()}`, token)).statusCode, 403);
    validationErrors(await call(w, 'GET', '/systemuser/request/vendor/not-a-guid', await w.mp(SCOPE.reqRead)));
    // Input names match case-insensitively.
    const res = await call(w, 'POST', '/systemuser/request/vendor', token, { SYSTEMID: `${VENDOR}_regnskap`, partyorgno: CUSTOMER, AccessPackages: [{ URN: PKG('merverdiavgift') }] });
    assert.equal(res.statusCode, 201, res.body);
  });

  test('GET by id: unknown → 404 AUTH-00010; another vendor → 404 AUTH-00011; standard id on the agent route → 404 AUTH-00010', async () => {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w);
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/${randomUUID()}`, await w.mp(SCOPE.reqRead)), 404, 'AUTH-00010');
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqRead, OTHER_VENDOR)), 404, 'AUTH-00011');
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/agent/${created.id}`, await w.mp(SCOPE.reqRead)), 404, 'AUTH-00010');
    assert.equal((await call(w, 'GET', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqRead, VENDOR, false))).statusCode, 401);
  });

  test('DELETE: read scope → 403; owner → 202 then 404; another vendor may not delete (strict)', async () => {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w);
    assert.equal((await call(w, 'DELETE', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqRead))).statusCode, 403);
    assertProblem(await call(w, 'DELETE', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqWrite, OTHER_VENDOR)), 404, 'AUTH-00010');
    const del = await call(w, 'DELETE', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqWrite));
    assert.equal(del.statusCode, 202);
    assert.equal(del.body, '');
    assertProblem(await call(w, 'DELETE', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqWrite)), 404, 'AUTH-00010');
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/${created.id}`, await w.mp(SCOPE.reqRead)), 404, 'AUTH-00010');
    // The key is free again.
    const again = await createRequest(w);
    assert.notEqual(again.id, created.id);
  });

  test('bysystem pages 20 at a time with an absolute links.next', async () => {
    const w = await world();
    await registerSystem(w);
    const write = await w.mp(SCOPE.reqWrite);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await call(w, 'POST', '/systemuser/request/vendor', write, requestBody({ externalRef: `ref-${i}` }));
      assert.equal(res.statusCode, 201);
      ids.push(String((res.json() as Record<string, unknown>).id));
    }
    const read = await w.mp(SCOPE.reqRead);
    const first = await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap`, read);
    assert.equal(first.statusCode, 200);
    const page1 = first.json() as { links: { next: string | null }; data: Array<{ id: string }> };
    assert.equal(page1.data.length, 20);
    assert.ok(page1.links.next);
    const next = new URL(page1.links.next);
    assert.equal(next.origin, PUBLIC_URL);
    assert.equal(next.pathname, `${API}/systemuser/request/vendor/bysystem/${VENDOR}_regnskap`);
    assert.match(next.searchParams.get('token') ?? '', /^[A-Za-z0-9_-]+$/);
    const second = await call(w, 'GET', `${next.pathname.slice(API.length)}${next.search}`, read);
    const page2 = second.json() as { links: { next: string | null }; data: Array<{ id: string }> };
    assert.equal(page2.data.length, 5);
    assert.equal(page2.links.next, null);
    assert.deepEqual([...page1.data, ...page2.data].map((r) => r.id).sort(), [...ids].sort());
    validationErrors(await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap?token=!!`, read));
    validationErrors(await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap?token=${Buffer.from('42').toString('base64url')}`, read));
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.reqRead, OTHER_VENDOR)), 404, 'AUTH-00011');
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_ukjent`, read), 404, 'AUTH-00011');
    const agents = await call(w, 'GET', `/systemuser/request/vendor/agent/bysystem/${VENDOR}_regnskap`, read);
    assert.deepEqual(agents.json(), { links: { next: null }, data: [] });
  });

  test('agent requests: packages only, delegable, externalRef defaults to the org number', async () => {
    const w = await world();
    await registerSystem(w, {
      id: `${VENDOR}_klient`, clientId: [], isVisible: false,
      accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }, { urn: PKG('tilgangsstyrer') }],
    });
    const token = await w.mp(SCOPE.reqWrite);
    const body = { systemId: `${VENDOR}_klient`, partyOrgNo: CUSTOMER, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] };
    const post = (b: Record<string, unknown>) => call(w, 'POST', '/systemuser/request/vendor/agent', token, b);
    assertProblem(await post({ ...body, redirectUrl: 'http://wrong.nope' }), 400, 'AUTH-00021');
    assertProblem(await post({ ...body, accessPackages: [{ urn: PKG('merverdiavgift') }] }), 400, 'AUTH-00063');
    const notDelegable = assertProblem(await post({ ...body, accessPackages: [{ urn: PKG('tilgangsstyrer') }] }), 400, 'AUTH-00065');
    assert.equal(notDelegable.NotDelegablePackages, PKG('tilgangsstyrer'));
    assertProblem(await post({ ...body, accessPackages: [] }), 400, 'AUTH-00058');
    assertProblem(await post({ systemId: `${VENDOR}_klient`, partyOrgNo: CUSTOMER }), 400, 'AUTH-00058');
    validationErrors(await post({ ...body, rights: [{ resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }] }));
    const created = await post(body);
    assert.equal(created.statusCode, 201, created.body);
    const agent = created.json() as Record<string, unknown>;
    assert.equal(agent.externalRef, CUSTOMER);
    assert.equal('rights' in agent, false);
    assert.equal(agent.confirmUrl, `${PUBLIC_URL}/portal/accessmanagement/ui/systemuser/agentrequest?id=${agent.id}&DONTCHOOSEREPORTEE=true`);
    assert.equal(created.headers.location, `${PUBLIC_URL}/authentication/api/v1/systemuser/request/${agent.id}`);
    const again = await post(body);
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as Record<string, unknown>).id, agent.id);
    const read = await w.mp(SCOPE.reqRead);
    assert.equal((await call(w, 'GET', `/systemuser/request/vendor/agent/${agent.id}`, read)).statusCode, 200);
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/${agent.id}`, read), 404, 'AUTH-00010');
    const byRef = await call(w, 'GET', `/systemuser/request/vendor/agent/byexternalref/${VENDOR}_klient/${CUSTOMER}/${CUSTOMER}`, read);
    assert.equal((byRef.json() as Record<string, unknown>).id, agent.id);
    const list = await call(w, 'GET', `/systemuser/request/vendor/agent/bysystem/${VENDOR}_klient`, read);
    assert.deepEqual((list.json() as { data: Array<{ id: string }> }).data.map((r) => r.id), [agent.id]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('end-user approve and reject (docs/contracts/altinn-authentication.md §3.5)', () => {
  test('a DAGL approves: 200 true, a standard system user with the request id, packages and rights granted', async () => {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w, { rights: [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }] });
    const id = String(created.id);
    const person = await w.login(DAGL);
    const view = await call(w, 'GET', `/systemuser/request/${id}`, person);
    assert.equal(view.statusCode, 200, view.body);
    const internal = view.json() as Record<string, unknown>;
    assert.equal(internal.partyId, w.customerParty);
    assert.equal(internal.userMayEscalateButNotApprove, false);
    assert.equal(internal.systemUserType, 'Standard');
    assert.equal(typeof internal.partyUuid, 'string');
    const byParty = await call(w, 'GET', `/systemuser/request/${w.customerParty}/${id}`, person);
    assert.equal(byParty.statusCode, 200);

    const res = await approve(w, id);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.body, 'true');
    const status = await call(w, 'GET', `/systemuser/request/vendor/${id}`, await w.mp(SCOPE.reqRead));
    assert.equal((status.json() as Record<string, unknown>).status, 'Accepted');
    const byQuery = await call(w, 'GET', `/systemuser/vendor/byquery?system-id=${VENDOR}_regnskap&orgno=${CUSTOMER}`, await w.mp(SCOPE.reqWrite));
    assert.equal(byQuery.statusCode, 200, byQuery.body);
    const user = byQuery.json() as Record<string, unknown>;
    assert.deepEqual(user, {
      id, integrationTitle: 'Regnskap Pluss', systemId: `${VENDOR}_regnskap`, productName: '', reporteeOrgNo: CUSTOMER,
      created: user.created, isDeleted: false, supplierName: '', supplierOrgno: VENDOR, externalRef: CUSTOMER, userType: 'standard',
    });
    const detail = await call(w, 'GET', `/systemuser/${w.customerParty}/${id}`, person);
    assert.equal(detail.statusCode, 200, detail.body);
    const d = detail.json() as Record<string, unknown>;
    assert.deepEqual(d.accessPackages, [{ urn: PKG('merverdiavgift') }]);
    assert.deepEqual(d.rights, [{ action: 'write', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }]);
    assert.equal(d.partyId, String(w.customerParty));
    const list = await call(w, 'GET', `/systemuser/${w.customerParty}`, person);
    assert.deepEqual((list.json() as Array<{ id: string }>).map((u) => u.id), [id]);

    // approve twice → 409; a new request for the same key → 400 AUTH-00004.
    assertProblem(await approve(w, id), 409, 'AUTH-00013');
    assertProblem(await call(w, 'POST', '/systemuser/request/vendor', await w.mp(SCOPE.reqWrite), requestBody()), 400, 'AUTH-00004');
  });

  test('who may approve: wrong party 403 AUTH-00041, no role 403 AUTH-00066, unknown 404 AUTH-00010, unknown party 400 AUTH-00000', async () => {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w);
    const id = String(created.id);
    assertProblem(await approve(w, id, OTHER_DAGL, w.otherCustomerParty), 403, 'AUTH-00041');
    assertProblem(await approve(w, id, NOBODY), 403, 'AUTH-00066');
    assertProblem(await approve(w, id, DAGL, w.otherCustomerParty), 403, 'AUTH-00066');
    assertProblem(await approve(w, randomUUID()), 404, 'AUTH-00010');
    assertProblem(await approve(w, id, DAGL, 999999999), 400, 'AUTH-00000');
    validationErrors(await approve(w, 'not-a-guid'));
    validationErrors(await call(w, 'POST', `/systemuser/request/abc/${id}/approve`, await w.login(DAGL)));
    assertProblem(await call(w, 'GET', `/systemuser/request/${id}`, await w.login(NOBODY)), 403, 'AUTH-00066');
    // A board member has a relation to the party: may read the request, may not approve it.
    const member = await w.login(BOARD_MEMBER);
    const seen = await call(w, 'GET', `/systemuser/request/${id}`, member);
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal((seen.json() as Record<string, unknown>).userMayEscalateButNotApprove, true);
    assert.equal((await call(w, 'GET', `/systemuser/request/${w.customerParty}/${id}`, member)).statusCode, 200);
    assertProblem(await approve(w, id, BOARD_MEMBER), 403, 'AUTH-00066');
    assertProblem(await call(w, 'POST', `/systemuser/request/${w.customerParty}/${id}/reject`, member), 403, 'AUTH-00066');
    assertProblem(await call(w, 'GET', `/systemuser/request/${w.otherCustomerParty}/${id}`, await w.login(OTHER_DAGL)), 404, 'AUTH-00010');
    // A vendor token is not a person token; a person token without the portal scope is refused.
    assert.equal((await call(w, 'POST', `/systemuser/request/${w.customerParty}/${id}/approve`, await w.mp(ALL_VENDOR_SCOPES))).statusCode, 401);
    const noScope = await w.app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: DAGL, scope: 'openid' } });
    const t = (noScope.json() as { access_token: string }).access_token;
    assert.equal((await call(w, 'POST', `/systemuser/request/${w.customerParty}/${id}/approve`, t)).statusCode, 403);
    // Nothing was created by the refusals.
    assert.equal(((await call(w, 'GET', `/systemuser/request/vendor/${id}`, await w.mp(SCOPE.reqRead))).json() as Record<string, unknown>).status, 'New');
  });

  test('the approver must hold the requested packages and rights (400 AUTH-00053, 403 AUTH-00068, 403 AUTH-00070)', async () => {
    const w = await world();
    await registerSystem(w, {
      rights: [
        { resource: [{ id: 'urn:altinn:resource', value: SECRET_RESOURCE }] },
        { resource: [{ id: 'urn:altinn:resource', value: LOCKED_RESOURCE }] },
      ],
    });
    // A DAGL does not get post-til-virksomheten-med-taushetsbelagt-innhold through the key role.
    const secretPackage = await createRequest(w, { externalRef: 'pakke', accessPackages: [{ urn: PKG('post-til-virksomheten-med-taushetsbelagt-innhold') }] });
    assertProblem(await approve(w, String(secretPackage.id)), 400, 'AUTH-00053');
    const secretRight = await createRequest(w, { externalRef: 'rett', accessPackages: [], rights: [{ resource: [{ id: 'urn:altinn:resource', value: SECRET_RESOURCE }] }] });
    assertProblem(await approve(w, String(secretRight.id)), 403, 'AUTH-00068');
    const lockedRight = await createRequest(w, { externalRef: 'last', accessPackages: [], rights: [{ resource: [{ id: 'urn:altinn:resource', value: LOCKED_RESOURCE }] }] });
    assertProblem(await approve(w, String(lockedRight.id)), 403, 'AUTH-00070');
    const read = await w.mp(SCOPE.reqRead);
    for (const r of [secretPackage, secretRight, lockedRight]) {
      assert.equal(((await call(w, 'GET', `/systemuser/request/vendor/${r.id}`, read)).json() as Record<string, unknown>).status, 'New');
    }
    assert.deepEqual((await call(w, 'GET', `/systemuser/${w.customerParty}`, await w.login(DAGL))).json(), []);
  });

  test('reject: 200 true, status Rejected, nothing created; then 409 for approve and reject', async () => {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w);
    const id = String(created.id);
    const person = await w.login(DAGL);
    const res = await call(w, 'POST', `/systemuser/request/${w.customerParty}/${id}/reject`, person);
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, 'true');
    assert.equal(((await call(w, 'GET', `/systemuser/request/vendor/${id}`, await w.mp(SCOPE.reqRead))).json() as Record<string, unknown>).status, 'Rejected');
    assertProblem(await approve(w, id), 409, 'AUTH-00013');
    assertProblem(await call(w, 'POST', `/systemuser/request/${w.customerParty}/${id}/reject`, person), 409, 'AUTH-00013');
    assertProblem(await call(w, 'GET', `/systemuser/vendor/byquery?system-id=${VENDOR}_regnskap&orgno=${CUSTOMER}`, await w.mp(SCOPE.reqWrite)), 404, 'AUTH-00015');
    // The same key again returns the rejected request (200), as Altinn does.
    const again = await call(w, 'POST', '/systemuser/request/vendor', await w.mp(SCOPE.reqWrite), requestBody());
    assert.equal(again.statusCode, 200);
    assert.equal((again.json() as Record<string, unknown>).status, 'Rejected');
  });

  test('agent requests: reject and approve on the agent routes; the standard routes do not see them', async () => {
    const w = await world();
    await registerSystem(w, { id: `${VENDOR}_klient`, clientId: [], isVisible: false, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] });
    const token = await w.mp(SCOPE.reqWrite);
    const post = (externalRef: string) => call(w, 'POST', '/systemuser/request/vendor/agent', token,
      { systemId: `${VENDOR}_klient`, partyOrgNo: CUSTOMER, externalRef, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] });
    const a = (await post('a')).json() as Record<string, unknown>;
    const b = (await post('b')).json() as Record<string, unknown>;
    const person = await w.login(DAGL);
    assertProblem(await approve(w, String(a.id)), 404, 'AUTH-00010');
    assertProblem(await call(w, 'POST', `/systemuser/request/agent/${w.otherCustomerParty}/${a.id}/approve`, await w.login(OTHER_DAGL)), 403, 'AUTH-00042');
    assertProblem(await call(w, 'POST', `/systemuser/request/agent/${w.customerParty}/${randomUUID()}/approve`, person), 404, 'AUTH-00030');
    const view = await call(w, 'GET', `/systemuser/request/agent/${a.id}`, person);
    assert.equal((view.json() as Record<string, unknown>).systemUserType, 'Agent');
    const rejected = await call(w, 'POST', `/systemuser/request/agent/${w.customerParty}/${a.id}/reject`, person);
    assert.equal(rejected.body, 'true');
    const approved = await call(w, 'POST', `/systemuser/request/agent/${w.customerParty}/${b.id}/approve`, person);
    assert.equal(approved.statusCode, 200, approved.body);
    assertProblem(await call(w, 'POST', `/systemuser/request/agent/${w.customerParty}/${b.id}/approve`, person), 409, 'AUTH-00013');
    const agentUser = await call(w, 'GET', `/systemuser/vendor/byquery?system-id=${VENDOR}_klient&orgno=${CUSTOMER}&external-ref=b`, token);
    assert.equal((agentUser.json() as Record<string, unknown>).userType, 'agent');
    // Deleting an agent system user: the standard route refuses, the agent route deletes.
    assertProblem(await call(w, 'DELETE', `/systemuser/${w.customerParty}/${b.id}`, person), 400, 'AUTH-00036');
    assertProblem(await call(w, 'DELETE', `/systemuser/agent/${w.customerParty}/${b.id}?facilitatorId=${randomUUID()}`, person), 400, 'AUTH-00039');
    const del = await call(w, 'DELETE', `/systemuser/agent/${w.customerParty}/${b.id}`, person);
    assert.equal(del.statusCode, 200, del.body);
    assertProblem(await call(w, 'DELETE', `/systemuser/agent/${w.customerParty}/${b.id}`, person), 404, 'AUTH-00015');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('system users (docs/contracts/altinn-authentication.md §5)', () => {
  async function approvedWorld() {
    const w = await world();
    await registerSystem(w);
    const created = await createRequest(w, { externalRef: 'ekstern-1' });
    assert.equal((await approve(w, String(created.id))).statusCode, 200);
    return { w, id: String(created.id) };
  }

  test('byExternalId: the match rule of §6.2, 400 on missing parameters, 403 on the wrong scope', async () => {
    const { w, id } = await approvedWorld();
    const lookup = await w.mp(SCOPE.lookup, '310000086');
    const q = (params: Record<string, string>) => call(w, 'GET', `/systemuser/byExternalId?${new URLSearchParams(params).toString()}`, lookup);
    const ok = await q({ clientId: CLIENT_ID, systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: CUSTOMER, externalRef: 'ekstern-1' });
    assert.equal(ok.statusCode, 200, ok.body);
    const dto = ok.json() as Record<string, unknown>;
    assert.equal(dto.id, id);
    assert.equal(dto.productName, `${VENDOR}_regnskap`);
    assert.deepEqual(Object.keys(dto).sort(), ['created', 'externalRef', 'id', 'integrationTitle', 'isDeleted', 'productName', 'reporteeOrgNo',
      'supplierName', 'supplierOrgno', 'systemId', 'userType'].sort());
    // Query names bind case-insensitively.
    assert.equal((await q({ clientid: CLIENT_ID, SYSTEMPROVIDERORGNO: VENDOR, systemUserOwnerOrgNo: CUSTOMER, externalRef: 'ekstern-1' })).statusCode, 200);
    const wrongQueries: Array<Record<string, string>> = [
      { clientId: 'annen-klient', systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: CUSTOMER, externalRef: 'ekstern-1' },
      { clientId: CLIENT_ID, systemProviderOrgNo: OTHER_VENDOR, systemUserOwnerOrgNo: CUSTOMER, externalRef: 'ekstern-1' },
      { clientId: CLIENT_ID, systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: OTHER_CUSTOMER, externalRef: 'ekstern-1' },
      { clientId: CLIENT_ID, systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: CUSTOMER, externalRef: 'feil' },
      { clientId: CLIENT_ID, systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: CUSTOMER },
    ];
    for (const wrong of wrongQueries) {
      assertProblem(await q(wrong), 404, 'AUTH-00015');
    }
    for (const missing of ['clientId', 'systemProviderOrgNo', 'systemUserOwnerOrgNo']) {
      const params: Record<string, string> = { clientId: CLIENT_ID, systemProviderOrgNo: VENDOR, systemUserOwnerOrgNo: CUSTOMER };
      delete params[missing];
      const res = await q(params);
      assert.equal(res.statusCode, 400);
      problem(res);
    }
    const wrongScope = await call(w, 'GET', `/systemuser/byExternalId?clientId=${CLIENT_ID}&systemProviderOrgNo=${VENDOR}&systemUserOwnerOrgNo=${CUSTOMER}`, await w.mp(SCOPE.reqWrite));
    assert.equal(wrongScope.statusCode, 403);
  });

  test('byquery from another vendor → 404; bysystem needs the system register scope', async () => {
    const { w, id } = await approvedWorld();
    const url = `/systemuser/vendor/byquery?system-id=${VENDOR}_regnskap&orgno=${CUSTOMER}&external-ref=ekstern-1`;
    assert.equal(((await call(w, 'GET', url, await w.mp(SCOPE.reqWrite))).json() as Record<string, unknown>).id, id);
    assertProblem(await call(w, 'GET', url, await w.mp(SCOPE.reqWrite, OTHER_VENDOR)), 404, 'AUTH-00015');
    validationErrors(await call(w, 'GET', `/systemuser/vendor/byquery?orgno=${CUSTOMER}`, await w.mp(SCOPE.reqWrite)));
    assert.equal((await call(w, 'GET', url, await w.mp(SCOPE.reqRead))).statusCode, 403);
    assert.equal((await call(w, 'GET', `/systemuser/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.reqWrite))).statusCode, 403);
    assertProblem(await call(w, 'GET', `/systemuser/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.srWrite, OTHER_VENDOR)), 404, 'AUTH-00011');
    assert.equal((await call(w, 'GET', `/systemuser/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.srWrite, VENDOR, false))).statusCode, 401);
    const list = await call(w, 'GET', `/systemuser/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.srWrite));
    assert.deepEqual((list.json() as { links: unknown; data: Array<{ id: string }> }).data.map((u) => u.id), [id]);
    assert.deepEqual((list.json() as { links: unknown }).links, { next: null });
  });

  test('bysystem pages system users 20 at a time', async () => {
    const w = await world();
    await registerSystem(w);
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      const created = await createRequest(w, { externalRef: `kunde-${i}` });
      assert.equal((await approve(w, String(created.id))).statusCode, 200);
      ids.push(String(created.id));
    }
    const token = await w.mp(SCOPE.srWrite);
    const first = (await call(w, 'GET', `/systemuser/vendor/bysystem/${VENDOR}_regnskap`, token)).json() as { links: { next: string | null }; data: Array<{ id: string }> };
    assert.equal(first.data.length, 20);
    assert.deepEqual(first.data.map((u) => u.id), ids.slice(0, 20));
    assert.ok(first.links.next?.startsWith(`${PUBLIC_URL}${API}/systemuser/vendor/bysystem/${VENDOR}_regnskap?token=`));
    const next = new URL(first.links.next ?? '');
    const second = (await call(w, 'GET', `${next.pathname.slice(API.length)}${next.search}`, token)).json() as { links: { next: string | null }; data: Array<{ id: string }> };
    assert.deepEqual(second.data.map((u) => u.id), ids.slice(20));
    assert.equal(second.links.next, null);
  });

  test('a person deletes a system user: 202 `1`, packages revoked, request deleted, then 404; the key can be requested again', async () => {
    const { w, id } = await approvedWorld();
    const person = await w.login(DAGL);
    assert.equal(await pdpDecision(w, id, 'write'), 'Permit'); // the approval granted merverdiavgift from the customer
    assertProblem(await call(w, 'DELETE', `/systemuser/${w.customerParty}/${id}`, await w.login(NOBODY)), 403, 'AUTH-00066');
    assertProblem(await call(w, 'DELETE', `/systemuser/${w.otherCustomerParty}/${id}`, await w.login(OTHER_DAGL)), 403, 'AUTH-00024');
    const del = await call(w, 'DELETE', `/systemuser/${w.customerParty}/${id}`, person);
    assert.equal(del.statusCode, 202);
    assert.equal(del.body, '1');
    assert.notEqual(await pdpDecision(w, id, 'write'), 'Permit'); // its packages were revoked
    assertProblem(await call(w, 'DELETE', `/systemuser/${w.customerParty}/${id}`, person), 404, 'AUTH-00015');
    assertProblem(await call(w, 'GET', `/systemuser/${w.customerParty}/${id}`, person), 404, 'AUTH-00015');
    assertProblem(await call(w, 'GET', `/systemuser/request/vendor/${id}`, await w.mp(SCOPE.reqRead)), 404, 'AUTH-00010');
    const lookup = await w.mp(SCOPE.lookup, '310000086');
    assertProblem(await call(w, 'GET', `/systemuser/byExternalId?clientId=${CLIENT_ID}&systemProviderOrgNo=${VENDOR}&systemUserOwnerOrgNo=${CUSTOMER}&externalRef=ekstern-1`, lookup), 404, 'AUTH-00015');
    // Re-creation after the delete works (201) and can be approved again.
    const again = await createRequest(w, { externalRef: 'ekstern-1' });
    assert.notEqual(again.id, id);
    assert.equal((await approve(w, String(again.id))).statusCode, 200);
    const found = await call(w, 'GET', `/systemuser/byExternalId?clientId=${CLIENT_ID}&systemProviderOrgNo=${VENDOR}&systemUserOwnerOrgNo=${CUSTOMER}&externalRef=ekstern-1`, lookup);
    assert.equal((found.json() as Record<string, unknown>).id, again.id);
  });
});

// ---------------------------------------------------------------------------------------------------
// Issue 15: a redirect URL that is not an absolute https URL is refused on input, wherever it enters
// (Altinn/altinn-authentication: SystemRegisterController.ValidateRegisteredSystem, AuthenticationHelper.IsValidRedirectUrl and ValidateRedirectUrl): the system's allowedRedirectUrls on POST and PUT (AUTH.VLD-00005),
// a request's redirectUrl (AUTH-00021), whatever the system's list holds.
describe('redirect URLs are refused on input (issue 15)', () => {
  const UNSAFE = ['javascript:alert(document.domain)//', 'http://vendor.example/callback', 'data:text/html,x', '//vendor.example/callback', '/callback', 'https://user:pw@vendor.example/callback'];

  test('PUT vendor/{systemId} with a non-https allowedRedirectUrl: 400 AUTH.VLD-00005, the stored list unchanged', async () => {
    const w = await world();
    await registerSystem(w);
    const id = `${VENDOR}_regnskap`;
    const owner = await w.mp(SCOPE.srWrite);
    for (const url of UNSAFE) {
      const errors = validationErrors(await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ allowedRedirectUrls: ['https://vendor.example/callback', url] })));
      assert.deepEqual(errors.map((e) => [e.code, e.paths]), [['AUTH.VLD-00005', ['/registersystemrequest/allowedredirecturls']]], url);
    }
    const read = await call(w, 'GET', `/systemregister/vendor/${id}`, owner);
    assert.deepEqual((read.json() as { allowedRedirectUrls: string[] }).allowedRedirectUrls, ['https://vendor.example/callback']);
    const ok = await call(w, 'PUT', `/systemregister/vendor/${id}`, owner, systemBody({ allowedRedirectUrls: ['https://vendor.example/other'] }));
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('POST vendor with a javascript:, relative or credentialed URL: 400 AUTH.VLD-00005', async () => {
    const w = await world();
    for (const url of UNSAFE) {
      const res = await call(w, 'POST', '/systemregister/vendor', await w.mp(SCOPE.srWrite), systemBody({ allowedRedirectUrls: [url] }));
      assert.deepEqual(validationErrors(res).map((e) => e.code), ['AUTH.VLD-00005'], url);
    }
  });

  test('a request whose redirectUrl is not an absolute https URL: 400 AUTH-00021, nothing stored', async () => {
    const w = await world();
    await registerSystem(w);
    const token = await w.mp(SCOPE.reqWrite);
    for (const [i, url] of UNSAFE.entries()) {
      const res = await call(w, 'POST', '/systemuser/request/vendor', token, requestBody({ externalRef: `r${i}`, redirectUrl: url }));
      assertProblem(res, 400, 'AUTH-00021');
    }
    const list = await call(w, 'GET', `/systemuser/request/vendor/bysystem/${VENDOR}_regnskap`, await w.mp(SCOPE.reqRead));
    assert.deepEqual((list.json() as { data: unknown[] }).data, []);
  });
});
