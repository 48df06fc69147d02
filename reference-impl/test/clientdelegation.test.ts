// Unit tests of client delegation for agent system users over inject (docs/contracts/altinn-authentication.md §3.5,
// §5.2–§5.3, §7.4; docs/contracts/altinn-authorization.md §1.4, §3.2, §4): an accountant's access manager approves an agent
// request; its client administrator adds clients the ER roles (REGN, REVI, FFØR) or a customer's grant
// (rettighetshaver) make available; the AND rule; the PDP permits the agent system user for a client
// only while the client is delegated; an agent system user with clients cannot be deleted.
// The world is built through the test data API, the ID-porten stand-in and the vendor API, as the suite does.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const API = '/authentication/api/v1';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;

// Synthetic org numbers (mod 11, starting with 3) and Tenor national identity numbers.
const VENDOR = '311000004';
const ACCOUNTANT = '311000012'; // Regnskap AS: owns the agent system users
const CLIENT_REGN = '311000020'; // AS, ACCOUNTANT holds REGN
const CLIENT_REVI = '311000039'; // AS, ACCOUNTANT holds REVI
const CLIENT_BRL = '311000047'; // BRL, ACCOUNTANT holds FFØR
const CLIENT_FFOR_AS = '311000055'; // AS, ACCOUNTANT holds FFØR (gives nothing for AS)
const CLIENT_GRANT = '311000063'; // AS, no ER role: its DAGL grants merverdiavgift to ACCOUNTANT
const CLIENT_BOTH = '311000071'; // AS, REGN and a grant of merverdiavgift
const STRANGER = '311000098'; // AS, no relation to ACCOUNTANT
const SKATTEETATEN = '311000101';
const ACC_DAGL = '01818520030'; // daglig leder of ACCOUNTANT
const CLIENT_DAGL = '01818520111'; // daglig leder of CLIENT_GRANT and CLIENT_BOTH
const NOBODY = '01818520383';

const SYSTEM_ID = `${VENDOR}_regnskap`;
const RESOURCE = 'samsvar-mva-rapportering';
const ACCOUNTANT_PACKAGES = ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn'];

interface World {
  app: FastifyInstance;
  party: Record<string, { partyId: number; partyUuid: string }>;
  login(pid: string, scope?: string): Promise<string>;
  mp(scope: string, org?: string): Promise<string>;
}

async function td(app: FastifyInstance, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<LightMyRequestResponse> {
  const res = await app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object });
  assert.ok(res.statusCode < 300, `test data ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  await app.ready();
  const party: World['party'] = {};
  const orgs: Array<[string, string, string]> = [
    [VENDOR, 'Leverandør AS', 'AS'], [ACCOUNTANT, 'Regnskap AS', 'AS'], [CLIENT_REGN, 'Klient Regn AS', 'AS'],
    [CLIENT_REVI, 'Klient Revi AS', 'AS'], [CLIENT_BRL, 'Klient Borettslag', 'BRL'], [CLIENT_FFOR_AS, 'Klient Ffør AS', 'AS'],
    [CLIENT_GRANT, 'Klient Fullmakt AS', 'AS'], [CLIENT_BOTH, 'Klient Begge AS', 'AS'], [STRANGER, 'Fremmed AS', 'AS'],
    [SKATTEETATEN, 'Skatteetaten', 'ORGL'],
  ];
  for (const [orgNo, name, orgForm] of orgs) party[orgNo] = (await td(app, 'POST', '/organisations', { orgNo, name, orgForm })).json();
  for (const [pid, name] of [[ACC_DAGL, 'Anne Regnskap'], [CLIENT_DAGL, 'Kari Kunde'], [NOBODY, 'Nils Ingen']] as const) {
    await td(app, 'POST', '/persons', { pid, name });
  }
  await td(app, 'POST', '/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: ACC_DAGL } });
  await td(app, 'POST', '/roles', { orgNo: CLIENT_GRANT, role: 'DAGL', holder: { pid: CLIENT_DAGL } });
  await td(app, 'POST', '/roles', { orgNo: CLIENT_BOTH, role: 'DAGL', holder: { pid: CLIENT_DAGL } });
  for (const [orgNo, role] of [[CLIENT_REGN, 'REGN'], [CLIENT_REVI, 'REVI'], [CLIENT_BRL, 'FFØR'], [CLIENT_FFOR_AS, 'FFØR'], [CLIENT_BOTH, 'REGN']] as const) {
    await td(app, 'POST', '/roles', { orgNo, role, holder: { orgNo: ACCOUNTANT } });
  }
  await td(app, 'PUT', `/resources/${RESOURCE}`, {
    title: { nb: 'MVA-rapportering' }, resourceType: 'GenericAccessResource',
    hasCompetentAuthority: { organization: SKATTEETATEN, orgcode: 'skd' },
    policy: { rules: [{ subjects: [...ACCOUNTANT_PACKAGES, 'merverdiavgift'].map(PKG), actions: ['read', 'write'] }] },
  });
  const w: World = {
    app,
    party,
    async login(pid, scope) {
      const res = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: scope ? { pid, scope } : { pid } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { access_token: string }).access_token;
    },
    async mp(scope, org = VENDOR) {
      const claims = { scope, client_id: `client-${org}`, consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${org}` } };
      return ((await td(app, 'POST', '/maskinporten/tokens', { claims })).json() as { access_token: string }).access_token;
    },
  };
  // The customer's daglig leder makes the accountant a rights holder and grants merverdiavgift (docs/contracts/altinn-authorization.md §5).
  const customer = await w.login(CLIENT_DAGL);
  for (const client of [CLIENT_GRANT, CLIENT_BOTH]) {
    const holder = await am(w, 'POST', `/enduser/connections?party=${uuid(w, client)}&to=${uuid(w, ACCOUNTANT)}`, customer);
    assert.equal(holder.statusCode, 200, holder.body);
    const grant = await am(w, 'POST', `/enduser/connections/accesspackages?party=${uuid(w, client)}&to=${uuid(w, ACCOUNTANT)}&package=merverdiavgift`, customer);
    assert.equal(grant.statusCode, 200, grant.body);
  }
  // The vendor's system, with every package an agent system user here asks for; not visible (client packages).
  const system = await call(w, 'POST', '/systemregister/vendor', await w.mp('altinn:authentication/systemregister.write'), {
    id: SYSTEM_ID, vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${VENDOR}` },
    name: { nb: 'Regnskap Pluss' }, description: { nb: 'Regnskapssystem' }, isVisible: false, clientId: [randomUUID()],
    accessPackages: [...ACCOUNTANT_PACKAGES, 'ansvarlig-revisor', 'revisormedarbeider', 'forretningsforer-eiendom', 'merverdiavgift']
      .map((code) => ({ urn: PKG(code) })),
  });
  assert.equal(system.statusCode, 200, system.body);
  return w;
}

function uuid(w: World, orgNo: string): string {
  return w.party[orgNo]?.partyUuid ?? 'missing';
}

function call(w: World, method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method, url: `${API}${url}`, headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

function am(w: World, method: 'GET' | 'POST' | 'DELETE', url: string, token: string): Promise<LightMyRequestResponse> {
  return w.app.inject({ method, url: `/accessmanagement/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
}

function assertProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, code, res.body);
  assert.equal(body.type, `urn:altinn:error:${code}`);
  return body;
}

/** A 400 STD-00000 with exactly these validation errors (code, path). */
function assertValidation(res: LightMyRequestResponse, expected: Array<[string, string, string]>): void {
  const body = assertProblem(res, 400, 'STD-00000');
  const errors = body.validationErrors as Array<{ code: string; title: string; paths: string[] }>;
  assert.deepEqual(errors.map((e) => [e.code, e.title, e.paths.join(',')]), expected);
}

/** The vendor asks for an agent system user for ACCOUNTANT; its daglig leder approves. Returns the system user id. */
async function agentSystemUser(w: World, codes: string[], externalRef: string): Promise<string> {
  const created = await call(w, 'POST', '/systemuser/request/vendor/agent', await w.mp('altinn:authentication/systemuser.request.write'),
    { systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, externalRef, accessPackages: codes.map((code) => ({ urn: PKG(code) })) });
  assert.equal(created.statusCode, 201, created.body);
  const id = String((created.json() as { id: string }).id);
  const approved = await call(w, 'POST', `/systemuser/request/agent/${w.party[ACCOUNTANT]?.partyId}/${id}/approve`, await w.login(ACC_DAGL));
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.body, 'true');
  return id;
}

/** Client administrator calls on the client delegation API (the accountant's daglig leder by default). */
async function clients(w: World, method: 'GET' | 'POST' | 'DELETE', path: string, token?: string): Promise<LightMyRequestResponse> {
  return call(w, method, `/enduser/systemuser/${path}`, token ?? await w.login(ACC_DAGL, 'altinn:clientdelegations.read altinn:clientdelegations.write'));
}

function clientOrgNos(res: LightMyRequestResponse): string[] {
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { data: Array<{ clientOrganizationNumber: string }> }).data.map((c) => c.clientOrganizationNumber).sort();
}

/** The PDP's decision for the system user writing RESOURCE for `partyOrgNo`, as a service owner asks it. */
async function decision(w: World, systemUserId: string, partyOrgNo: string): Promise<string> {
  const token = await w.mp('altinn:authorization/authorize', SKATTEETATEN);
  const attr = (AttributeId: string, Value: string) => ({ AttributeId, Value });
  const res = await w.app.inject({
    method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
    payload: { Request: {
      AccessSubject: [{ Attribute: [attr('urn:altinn:systemuser:uuid', systemUserId)] }],
      Action: [{ Attribute: [attr('urn:oasis:names:tc:xacml:1.0:action:action-id', 'write')] }],
      Resource: [{ Attribute: [attr('urn:altinn:resource', RESOURCE), attr('urn:altinn:organization:identifier-no', partyOrgNo)] }],
    } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return String((res.json() as { response: Array<{ decision: string }> }).response[0]?.decision);
}

// ---------------------------------------------------------------------------------------------------
describe('agent system users (docs/contracts/altinn-authentication.md §3.5, §5.2)', () => {
  test('the accountant\'s access manager approves: userType agent, listed under agents, no client rights yet', async () => {
    const w = await world();
    // Neither a person without a role in the accountant nor a client's daglig leder may approve for the accountant.
    const created = await call(w, 'POST', '/systemuser/request/vendor/agent', await w.mp('altinn:authentication/systemuser.request.write'),
      { systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }] });
    const requestId = String((created.json() as { id: string }).id);
    const approveAs = async (pid: string) => call(w, 'POST', `/systemuser/request/agent/${w.party[ACCOUNTANT]?.partyId}/${requestId}/approve`, await w.login(pid));
    assertProblem(await approveAs(NOBODY), 403, 'AUTH-00066');
    assertProblem(await approveAs(CLIENT_DAGL), 403, 'AUTH-00066');
    const approved = await approveAs(ACC_DAGL);
    assert.equal(approved.statusCode, 200, approved.body);
    const id = requestId;

    const agents = await clients(w, 'GET', `agents?party=${ACCOUNTANT}`);
    assert.equal(agents.statusCode, 200, agents.body);
    const list = agents.json() as Array<Record<string, unknown>>;
    assert.deepEqual(list.map((u) => [u.id, u.userType, u.reporteeOrgNo, u.systemId]), [[id, 'agent', ACCOUNTANT, SYSTEM_ID]]);
    assert.deepEqual(list[0]?.accessPackages, [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }]);
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${id}`)), []);
    // No client rights until clients are added: nothing for a client, nothing for the owner either.
    assert.equal(await decision(w, id, CLIENT_REGN), 'NotApplicable');
    assert.equal(await decision(w, id, ACCOUNTANT), 'NotApplicable');
    // agents?party: unknown party → 404, a person who is no client administrator → 403.
    const unknown = await clients(w, 'GET', 'agents?party=311000128');
    assert.equal(unknown.statusCode, 404, unknown.body);
    assert.equal((unknown.json() as { title: string }).title, 'Party not found');
    assert.equal((await clients(w, 'GET', `agents?party=${ACCOUNTANT}`, await w.login(CLIENT_DAGL, 'altinn:clientdelegations.read'))).statusCode, 403);
  });
});

describe('ER roles and what they make available (docs/contracts/altinn-authorization.md §3.2, §4.2)', () => {
  test('REGN gives the accountant packages, REVI the auditor packages, FFØR forretningsforer-eiendom for BRL only', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    const revi = await agentSystemUser(w, ['ansvarlig-revisor'], 'revi');
    const ffor = await agentSystemUser(w, ['forretningsforer-eiendom'], 'ffor');
    const lonn = await agentSystemUser(w, ['regnskapsforer-lonn', 'revisormedarbeider'], 'lonn');
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients/available?agent=${regn}`)), [CLIENT_REGN, CLIENT_BOTH].sort());
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients/available?agent=${revi}`)), [CLIENT_REVI]);
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients/available?agent=${ffor}`)), [CLIENT_BRL]);
    // Any package matches for the list: REGN's regnskapsforer-lonn or REVI's revisormedarbeider.
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients/available?agent=${lonn}`)), [CLIENT_REGN, CLIENT_REVI, CLIENT_BOTH].sort());
    // FFØR in an AS gives nothing: that client is no client for forretningsforer-eiendom.
    assertProblem(await clients(w, 'POST', `clients?agent=${ffor}&client=${uuid(w, CLIENT_FFOR_AS)}`), 400, 'AUTH-00079');
    const added = await clients(w, 'POST', `clients?agent=${ffor}&client=${uuid(w, CLIENT_BRL)}`);
    assert.equal(added.statusCode, 200, added.body);
    // The PDP sees the packages the role gave: regnskapsforer-* from REGN permits the MVA resource for that client.
    assert.equal((await clients(w, 'POST', `clients?agent=${regn}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    assert.equal(await decision(w, regn, CLIENT_REGN), 'Permit');
    assert.equal(await decision(w, regn, CLIENT_BOTH), 'NotApplicable', 'a client not added gives nothing');
    // revisor packages are not in the MVA policy: delegated, yet no Permit.
    assert.equal((await clients(w, 'POST', `clients?agent=${revi}&client=${uuid(w, CLIENT_REVI)}`)).statusCode, 200);
    assert.equal(await decision(w, revi, CLIENT_REVI), 'NotApplicable');
  });
});

describe('adding clients (docs/contracts/altinn-authorization.md §4.3)', () => {
  test('the AND rule: a client missing one package is listed as available yet refused with AUTH-00080', async () => {
    const w = await world();
    const both = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet', 'merverdiavgift'], 'both');
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients/available?agent=${both}`)), [CLIENT_REGN, CLIENT_GRANT, CLIENT_BOTH].sort());
    const add = (orgNoOrUuid: string) => clients(w, 'POST', `clients?agent=${both}&client=${w.party[orgNoOrUuid]?.partyUuid ?? orgNoOrUuid}`);
    const missing = assertProblem(await add(CLIENT_REGN), 400, 'AUTH-00080');
    assert.equal(missing.title, 'Client does not have the accesspackages the agent system user requires');
    assertProblem(await add(CLIENT_GRANT), 400, 'AUTH-00080');
    // REGN's package and the granted merverdiavgift together satisfy the rule, through two relations.
    const ok = await add(CLIENT_BOTH);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json(), { agent: both, client: uuid(w, CLIENT_BOTH) });
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${both}`)), [CLIENT_BOTH]);
    assert.equal(await decision(w, both, CLIENT_BOTH), 'Permit');
  });

  test('a party that is no client → AUTH-00079: no relation, no matching package, unknown uuid, the owner itself', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    for (const client of [uuid(w, STRANGER), uuid(w, CLIENT_REVI), uuid(w, CLIENT_GRANT), randomUUID(), uuid(w, ACCOUNTANT)]) {
      const body = assertProblem(await clients(w, 'POST', `clients?agent=${regn}&client=${client}`), 400, 'AUTH-00079');
      assert.equal(body.title, 'Client not found.');
    }
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${regn}`)), []);
  });

  test('add is idempotent, the list has the exact shape, remove ends access and is idempotent', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    const client = uuid(w, CLIENT_REGN);
    for (let i = 0; i < 2; i++) {
      const res = await clients(w, 'POST', `clients?agent=${regn.toUpperCase()}&client=${client.toUpperCase()}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { agent: regn, client });
    }
    const list = await clients(w, 'GET', `clients?agent=${regn}`);
    assert.deepEqual(list.json(), {
      links: { next: null },
      data: [{ clientId: client, clientOrganizationNumber: CLIENT_REGN, clientOrganizationName: 'Klient Regn AS' }],
      systemUserInformation: { systemUserId: regn, systemUserOwnerOrg: ACCOUNTANT },
    });
    const available = await clients(w, 'GET', `clients/available?agent=${regn}`);
    assert.deepEqual((available.json() as Record<string, unknown>).systemUserInformation, { systemUserId: regn, systemUserOwnerOrg: ACCOUNTANT });
    assert.equal(await decision(w, regn, CLIENT_REGN), 'Permit');

    const removed = await clients(w, 'DELETE', `clients?agent=${regn}&client=${client}`);
    assert.equal(removed.statusCode, 200, removed.body);
    assert.deepEqual(removed.json(), { agent: regn, client });
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${regn}`)), []);
    assert.equal(await decision(w, regn, CLIENT_REGN), 'NotApplicable');
    assert.equal((await clients(w, 'DELETE', `clients?agent=${regn}&client=${client}`)).statusCode, 200, 'removing again is no error');
  });

  test('query validation: AUTH.VLD-00014 / 00015 / 00016 at ?agent and ?client, gathered', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    const standard = await call(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'),
      { systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('merverdiavgift') }] });
    const standardId = String((standard.json() as { id: string }).id);
    assert.equal((await call(w, 'POST', `/systemuser/request/${w.party[ACCOUNTANT]?.partyId}/${standardId}/approve`, await w.login(ACC_DAGL))).statusCode, 200);

    const missing: [string, string, string] = ['AUTH.VLD-00014', 'The agent query parameter is missing or invalid', '?agent'];
    assertValidation(await clients(w, 'GET', 'clients/available'), [missing]);
    assertValidation(await clients(w, 'GET', 'clients?agent=ikke-en-guid'), [missing]);
    assertValidation(await clients(w, 'GET', `clients?agent=${randomUUID()}`), [['AUTH.VLD-00014', 'System user not found', '?agent']]);
    assertValidation(await clients(w, 'GET', `clients/available?agent=${standardId}`),
      [['AUTH.VLD-00015', 'SystemUser is not a valid system user of type agent', '?agent']]);
    const noClient: [string, string, string] = ['AUTH.VLD-00016', 'The client query parameter is missing or invalid', '?client'];
    assertValidation(await clients(w, 'POST', `clients?agent=${regn}`), [noClient]);
    assertValidation(await clients(w, 'DELETE', `clients?agent=${regn}&client=00000000-0000-0000-0000-000000000000`), [noClient]);
    assertValidation(await clients(w, 'POST', 'clients'), [missing, noClient]);
    assertProblem(await clients(w, 'GET', 'agents'), 400, 'STD-00000');
  });

  test('who may act: the owner\'s client administrator with a client delegation or portal scope', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    const add = `clients?agent=${regn}&client=${uuid(w, CLIENT_REGN)}`;
    assert.equal((await call(w, 'POST', `/enduser/systemuser/${add}`)).statusCode, 401);
    // A person without a role in the accountant, and a client's daglig leder: not the owner's client administrator.
    assert.equal((await clients(w, 'POST', add, await w.login(NOBODY, 'altinn:clientdelegations.write'))).statusCode, 403);
    assert.equal((await clients(w, 'POST', add, await w.login(CLIENT_DAGL, 'altinn:clientdelegations.write'))).statusCode, 403);
    // The read scope does not write; a token with neither scope is refused.
    assert.equal((await clients(w, 'POST', add, await w.login(ACC_DAGL, 'altinn:clientdelegations.read'))).statusCode, 403);
    assert.equal((await clients(w, 'GET', `clients?agent=${regn}`, await w.login(ACC_DAGL, 'openid'))).statusCode, 403);
    assert.equal((await clients(w, 'GET', `clients?agent=${regn}`, await w.login(ACC_DAGL, 'altinn:clientdelegations.read'))).statusCode, 200);
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${regn}`, await w.login(ACC_DAGL))), [], 'altinn:portal/enduser reads');
    assert.equal((await clients(w, 'POST', add, await w.login(ACC_DAGL))).statusCode, 200, 'altinn:portal/enduser writes');
    // Nothing was delegated by the refused calls.
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${regn}`)), [CLIENT_REGN]);
  });
});

describe('access ends (docs/contracts/altinn-authentication.md §5.2, docs/contracts/altinn-authorization.md §4.1, §5)', () => {
  test('an agent system user with clients is deleted with its clients (Altinn asks for cascade=true): its access is gone', async () => {
    const w = await world();
    const regn = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'regn');
    assert.equal((await clients(w, 'POST', `clients?agent=${regn}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    assert.equal(await decision(w, regn, CLIENT_REGN), 'Permit');
    const person = await w.login(ACC_DAGL);
    const del = () => call(w, 'DELETE', `/systemuser/agent/${w.party[ACCOUNTANT]?.partyId}/${regn}`, person);
    assert.equal((await del()).statusCode, 200, 'no AUTH-00035: the clients go with it');
    assert.equal(await decision(w, regn, CLIENT_REGN), 'NotApplicable');
    assertProblem(await del(), 404, 'AUTH-00015');
    assert.deepEqual((await clients(w, 'GET', `agents?party=${ACCOUNTANT}`)).json(), []);
    assertValidation(await clients(w, 'GET', `clients?agent=${regn}`), [['AUTH.VLD-00014', 'System user not found', '?agent']]);
  });

  test('the customer takes back the granted package: the delegated client gives nothing any more', async () => {
    const w = await world();
    const mva = await agentSystemUser(w, ['merverdiavgift'], 'mva');
    assert.equal((await clients(w, 'POST', `clients?agent=${mva}&client=${uuid(w, CLIENT_GRANT)}`)).statusCode, 200);
    assert.equal(await decision(w, mva, CLIENT_GRANT), 'Permit');
    const customer = await w.login(CLIENT_DAGL);
    const removed = await am(w, 'DELETE',
      `/enduser/connections/accesspackages?party=${uuid(w, CLIENT_GRANT)}&from=${uuid(w, CLIENT_GRANT)}&to=${uuid(w, ACCOUNTANT)}&package=merverdiavgift`, customer);
    assert.equal(removed.statusCode, 204, removed.body);
    assert.equal(await decision(w, mva, CLIENT_GRANT), 'NotApplicable');
    assert.deepEqual(clientOrgNos(await clients(w, 'GET', `clients?agent=${mva}`)), []);
    assertProblem(await clients(w, 'POST', `clients?agent=${mva}&client=${uuid(w, CLIENT_GRANT)}`), 400, 'AUTH-00079');
  });

  test('a standard system user of the accountant cannot act for a client', async () => {
    const w = await world();
    const created = await call(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'),
      { systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('merverdiavgift') }] });
    const id = String((created.json() as { id: string }).id);
    assert.equal((await call(w, 'POST', `/systemuser/request/${w.party[ACCOUNTANT]?.partyId}/${id}/approve`, await w.login(ACC_DAGL))).statusCode, 200);
    assert.equal(await decision(w, id, ACCOUNTANT), 'Permit');
    for (const client of [CLIENT_GRANT, CLIENT_REGN, CLIENT_BOTH]) assert.equal(await decision(w, id, client), 'NotApplicable');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('client administration views: my clients and the BFF (docs/contracts/my-clients.md)', () => {
  const BFF = '/amui/accessmanagement/api/v1/clientdelegations';
  const bff = async (w: World, path: string, pid = ACC_DAGL) =>
    w.app.inject({ method: 'GET', url: `${BFF}/${path}`, headers: { authorization: `Bearer ${await w.login(pid)}` } });
  type ClientDelegation = { client: { organizationIdentifier: string }; access: Array<{ role: { code: string }; packages: Array<{ urn: string }>; resources: unknown[] }> };
  const summary = (res: LightMyRequestResponse) => {
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as ClientDelegation[]).map((c) => [c.client.organizationIdentifier, c.access.map((a) => [a.role.code, a.packages.map((p) => p.urn).sort(), a.resources.length])]);
  };

  test('AM my/clients: the person\'s own party, scope portal or myclients.read, provider a GUID; a person is no agent here', async () => {
    const w = await world();
    const id = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'mine');
    assert.equal((await clients(w, 'POST', `clients?agent=${id}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    const mine = (token?: string, query = '') => w.app.inject({
      method: 'GET', url: `/accessmanagement/api/v1/enduser/clientdelegations/my/clients${query}`, headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    assert.equal((await mine()).statusCode, 401);
    assert.equal((await mine(await w.login(ACC_DAGL, 'altinn:clientdelegations.read'))).statusCode, 403);
    assert.equal((await mine(await w.login(ACC_DAGL), '?provider=not-a-guid')).statusCode, 400);
    for (const scope of ['altinn:clientdelegations/myclients.read', undefined]) {
      const res = await mine(await w.login(ACC_DAGL, scope), `?provider=${uuid(w, ACCOUNTANT)}`);
      assert.equal(res.statusCode, 200, res.body);
      // The client went to the agent system user, not to the daglig leder: the person has no clients.
      assert.deepEqual(res.json(), { links: { next: null }, data: [] });
    }
    const viaBff = await bff(w, 'my/clients');
    assert.equal(viaBff.statusCode, 200, viaBff.body);
    assert.deepEqual(viaBff.json(), []);
  });

  test('BFF agents/accesspackages: the client added to the agent system user with its packages; gone after removal', async () => {
    const w = await world();
    const id = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'agentview');
    const path = `agents/accesspackages?party=${uuid(w, ACCOUNTANT)}&to=${id}`;
    assert.deepEqual(summary(await bff(w, path)), []);
    assert.equal((await clients(w, 'POST', `clients?agent=${id}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    assert.deepEqual(summary(await bff(w, path)), [[CLIENT_REGN, [['regnskapsforer', [PKG('regnskapsforer-med-signeringsrettighet')], 0]]]]);
    // GUIDs bind in any casing.
    assert.deepEqual(summary(await bff(w, `agents/accesspackages?party=${uuid(w, ACCOUNTANT).toUpperCase()}&to=${id.toUpperCase()}`)),
      [[CLIENT_REGN, [['regnskapsforer', [PKG('regnskapsforer-med-signeringsrettighet')], 0]]]]);
    assert.equal((await clients(w, 'DELETE', `clients?agent=${id}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    assert.deepEqual(summary(await bff(w, path)), []);
    // Who may look: the party's client administrator; bad GUIDs are 400 before any rule.
    const refused = await bff(w, path, NOBODY);
    assert.equal(refused.statusCode, 403, refused.body);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    assert.equal((await bff(w, path, CLIENT_DAGL)).statusCode, 403);
    assert.equal((await bff(w, `agents/accesspackages?party=${uuid(w, ACCOUNTANT)}&to=x`)).statusCode, 400);
    assert.equal((await bff(w, `agents/accesspackages?party=${uuid(w, ACCOUNTANT)}`)).statusCode, 400);
    assert.equal((await w.app.inject({ method: 'GET', url: `${BFF}/${path}` })).statusCode, 401);
  });

  test('BFF clients: the party\'s clients with the packages each relation gives, filtered by role; a stranger is not among them', async () => {
    const w = await world();
    const all = summary(await bff(w, `clients?party=${uuid(w, ACCOUNTANT)}`));
    const orgNos = all.map(([orgNo]) => orgNo);
    for (const orgNo of [CLIENT_REGN, CLIENT_REVI, CLIENT_BRL, CLIENT_GRANT, CLIENT_BOTH]) assert.ok(orgNos.includes(orgNo), `${orgNo} in ${orgNos.join(',')}`);
    assert.ok(!orgNos.includes(STRANGER));
    const grant = all.find(([orgNo]) => orgNo === CLIENT_GRANT);
    assert.deepEqual(grant?.[1], [['rettighetshaver', [PKG('merverdiavgift')], 0]]);
    assert.deepEqual(summary(await bff(w, `clients?party=${uuid(w, ACCOUNTANT)}&roles=revisor`)).map(([orgNo]) => orgNo), [CLIENT_REVI]);
    assert.equal((await bff(w, `clients?party=${uuid(w, ACCOUNTANT)}`, NOBODY)).statusCode, 403);
    assert.equal((await bff(w, 'clients')).statusCode, 400);
  });

  test('BFF agents: the agent system user is the party\'s agent from its first client on, role agent, no packages; removing the client keeps it', async () => {
    const w = await world();
    const id = await agentSystemUser(w, ['regnskapsforer-med-signeringsrettighet'], 'agents');
    type Agent = { agent: { id: string; type: string }; agentAddedAt: string; access: Array<{ role: { code: string }; packages: unknown[]; resources: unknown[] }> };
    const agents = async (pid = ACC_DAGL, party = uuid(w, ACCOUNTANT)) => {
      const res = await bff(w, `agents?party=${party}`, pid);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Agent[];
    };
    assert.deepEqual(await agents(), []);
    assert.equal((await clients(w, 'POST', `clients?agent=${id}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    const [only, ...rest] = await agents();
    assert.deepEqual(rest, []);
    assert.equal(only?.agent.id, id);
    assert.equal(only?.agent.type, 'Systembruker');
    assert.ok(!Number.isNaN(Date.parse(only?.agentAddedAt ?? '')));
    assert.deepEqual(only?.access.map((a) => [a.role.code, a.packages.length, a.resources.length]), [['agent', 0, 0]]);
    assert.equal((await clients(w, 'DELETE', `clients?agent=${id}&client=${uuid(w, CLIENT_REGN)}`)).statusCode, 200);
    assert.deepEqual((await agents()).map((a) => a.agent.id), [id]);
    // The client's agents are not the accountant's: none. The client's daglig leder may not read the accountant's.
    assert.deepEqual(await agents(CLIENT_DAGL, uuid(w, CLIENT_BOTH)), []);
    for (const pid of [CLIENT_DAGL, NOBODY]) {
      const refused = await bff(w, `agents?party=${uuid(w, ACCOUNTANT)}`, pid);
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal((refused.json() as { title: string }).title, 'Unexpected HttpStatus response');
    }
    assert.equal((await bff(w, 'agents?party=x')).statusCode, 400);
    assert.equal((await bff(w, 'agents')).statusCode, 400);
  });

  const AMUI = '/amui/accessmanagement/api/v1';
  const amui = async (w: World, path: string, pid: string) =>
    w.app.inject({ method: 'GET', url: `${AMUI}/${path}`, headers: { authorization: `Bearer ${await w.login(pid)}` } });

  test('BFF connection/rightholders: AM\'s connections in the BFF\'s shape; neither from nor to is a plain 400; an outsider gets 403', async () => {
    const w = await world();
    const client = uuid(w, CLIENT_BOTH);
    type Connection = { party: { id: string; organizationIdentifier: string | null; type: string }; roles: Array<{ id: string; code: string }>; connections: unknown[] };
    const res = await amui(w, `connection/rightholders?party=${client}&from=${client}`, CLIENT_DAGL);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json() as Connection[];
    const accountant = list.find((c) => c.party.organizationIdentifier === ACCOUNTANT);
    assert.deepEqual(accountant?.roles.map((r) => r.code).sort(), ['regnskapsforer', 'rettighetshaver']);
    assert.deepEqual(Object.keys(accountant ?? {}).sort(), ['connections', 'party', 'roles']);
    assert.deepEqual(Object.keys(accountant?.roles[0] ?? {}).sort(), ['code', 'id']);
    assert.ok(!list.some((c) => c.party.organizationIdentifier === STRANGER));
    // Narrowed to the accountant with `to`; the accountant's own side with `to` = its party.
    const narrowed = await amui(w, `connection/rightholders?party=${client}&from=${client}&to=${uuid(w, ACCOUNTANT)}`, CLIENT_DAGL);
    assert.deepEqual((narrowed.json() as Connection[]).map((c) => c.party.organizationIdentifier), [ACCOUNTANT]);
    const neither = await amui(w, `connection/rightholders?party=${client}`, CLIENT_DAGL);
    assert.equal(neither.statusCode, 400);
    assert.equal(neither.body, "Either 'from' or 'to' query parameter must be provided.");
    const outsider = await amui(w, `connection/rightholders?party=${client}&from=${client}`, NOBODY);
    assert.equal(outsider.statusCode, 403, outsider.body);
    assert.equal((outsider.json() as { title: string }).title, 'Unexpected HttpStatus response');
    // AM's own check: party must be from or to (AM.VLD-00009), answered by the BFF with AM's status.
    assert.equal((await amui(w, `connection/rightholders?party=${client}&from=${uuid(w, STRANGER)}`, CLIENT_DAGL)).statusCode, 400);
    assert.equal((await amui(w, `connection/rightholders?party=${client}&from=x`, CLIENT_DAGL)).statusCode, 400);
  });

  test('BFF accesspackage/delegationcheck: every package, yes for merverdiavgift, no for the accountant packages; an outsider gets 403', async () => {
    const w = await world();
    type Check = { package: { id: string; urn: string }; result: boolean; reasons: Array<{ description: string }> };
    const res = await amui(w, `accesspackage/delegationcheck?party=${uuid(w, CLIENT_BOTH)}`, CLIENT_DAGL);
    assert.equal(res.statusCode, 200, res.body);
    const checks = res.json() as Check[];
    const answer = (code: string) => checks.find((c) => c.package.urn === PKG(code))?.result;
    assert.equal(answer('merverdiavgift'), true);
    for (const code of ACCOUNTANT_PACKAGES) assert.equal(answer(code), false, code);
    assert.ok(checks.length > 10 && checks.every((c) => c.reasons.length > 0));
    assert.equal((await amui(w, `accesspackage/delegationcheck?party=${uuid(w, CLIENT_BOTH)}`, NOBODY)).statusCode, 403);
    assert.equal((await amui(w, `accesspackage/delegationcheck?party=${uuid(w, CLIENT_BOTH)}`, ACC_DAGL)).statusCode, 403);
    assert.equal((await amui(w, 'accesspackage/delegationcheck?party=x', CLIENT_DAGL)).statusCode, 400);
  });
});
