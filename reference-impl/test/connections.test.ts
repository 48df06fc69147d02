// Unit tests of the Access Management connections API over inject (docs/contracts/altinn-authorization.md §3.2, §5):
// a customer's daglig leder makes an accountant organisation a rights holder and grants it ordinary
// packages; accountant packages cannot be granted; who may act; what the connections and package
// lists show, including what the ER roles (DAGL, REGN, REVI, FFØR) give.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const BASE = '/accessmanagement/api/v1/enduser/connections';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;

const CUSTOMER = '311000004'; // AS, daglig leder CUSTOMER_DAGL, board member BOARD
const ACCOUNTANT = '311000012'; // AS, daglig leder ACC_DAGL
const STRANGER = '311000020';
const CLIENT_REGN = '311000039'; // AS, ACCOUNTANT holds REGN
const CLIENT_REVI = '311000047'; // AS, ACCOUNTANT holds REVI
const CLIENT_BRL = '311000055'; // BRL, ACCOUNTANT holds FFØR
const CLIENT_FFOR_AS = '311000063'; // AS, ACCOUNTANT holds FFØR
const CUSTOMER_DAGL = '01818520030';
const ACC_DAGL = '01818520111';
const BOARD = '01818520383';
const NOBODY = '01818520464';

const MVA_ID = '9a61b136-7810-4939-ab6d-84938e9a12c6';
const RIGHTHOLDER = { id: '42cae370-2dc1-4fdc-9c67-c2f4b0f0f829', code: 'rettighetshaver', urn: 'urn:altinn:role:rettighetshaver', 'legacyurn ': null, children: null };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface World {
  app: FastifyInstance;
  uuid: Record<string, string>;
  login(pid: string, scope?: string): Promise<string>;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  await app.ready();
  const uuid: Record<string, string> = {};
  const post = async (url: string, payload: unknown) => {
    const res = await app.inject({ method: 'POST', url: `/testdata/api/v1${url}`, payload: payload as object });
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { partyUuid: string };
  };
  for (const [orgNo, name, orgForm] of [
    [CUSTOMER, 'Kunde AS', 'AS'], [ACCOUNTANT, 'Regnskap AS', 'AS'], [STRANGER, 'Fremmed AS', 'AS'], [CLIENT_REGN, 'Klient Regn AS', 'AS'],
    [CLIENT_REVI, 'Klient Revi AS', 'AS'], [CLIENT_BRL, 'Klient Borettslag', 'BRL'], [CLIENT_FFOR_AS, 'Klient Ffør AS', 'AS'],
  ] as const) uuid[orgNo] = (await post('/organisations', { orgNo, name, orgForm })).partyUuid;
  for (const [pid, name] of [[CUSTOMER_DAGL, 'Kari Kunde'], [ACC_DAGL, 'Anne Regnskap'], [BOARD, 'Styre Medlem'], [NOBODY, 'Nils Ingen']] as const) {
    uuid[pid] = (await post('/persons', { pid, name })).partyUuid;
  }
  await post('/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: CUSTOMER_DAGL } });
  await post('/roles', { orgNo: CUSTOMER, role: 'MEDL', holder: { pid: BOARD } });
  await post('/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: ACC_DAGL } });
  for (const [orgNo, role] of [[CLIENT_REGN, 'REGN'], [CLIENT_REVI, 'REVI'], [CLIENT_BRL, 'FFØR'], [CLIENT_FFOR_AS, 'FFØR']] as const) {
    await post('/roles', { orgNo, role, holder: { orgNo: ACCOUNTANT } });
  }
  return {
    app,
    uuid,
    async login(pid, scope) {
      const res = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: scope ? { pid, scope } : { pid } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { access_token: string }).access_token;
    },
  };
}

function call(w: World, method: 'GET' | 'POST' | 'DELETE', path: string, token?: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method, url: `${BASE}${path}`, headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** A 400 STD-00000 problem; returns its validation errors. */
function validationErrors(res: LightMyRequestResponse): Array<Record<string, unknown>> {
  assert.equal(res.statusCode, 400, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, 'STD-00000');
  return body.validationErrors as Array<Record<string, unknown>>;
}

/** `party=<customer>&to=<accountant>` and the like. */
function q(w: World, params: Record<string, string>): string {
  return `?${Object.entries(params).map(([k, v]) => `${k}=${w.uuid[v] ?? v}`).join('&')}`;
}

/** package code → the role codes that give it, from a PackagePermissionDto list. */
function packageRoles(res: LightMyRequestResponse): Map<string, string[]> {
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json() as { links: { next: null }; data: Array<{ package: { urn: string }; permissions: Array<{ role: { code: string } }> }> };
  assert.deepEqual(body.links, { next: null });
  return new Map(body.data.map((p) => [p.package.urn.replace('urn:altinn:accesspackage:', ''), p.permissions.map((x) => x.role.code)]));
}

describe('the customer grants an ordinary package to the accountant (docs/contracts/altinn-authorization.md §5)', () => {
  test('rights holder 200 AssignmentDto, merverdiavgift 200 AssignmentPackageDto, both idempotent', async () => {
    const w = await world();
    const dagl = await w.login(CUSTOMER_DAGL);
    const holder = await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl);
    assert.equal(holder.statusCode, 200, holder.body);
    const assignment = holder.json() as Record<string, string>;
    assert.match(String(assignment.id), GUID);
    assert.deepEqual(assignment, { id: assignment.id, roleId: RIGHTHOLDER.id, fromId: w.uuid[CUSTOMER], toId: w.uuid[ACCOUNTANT] });
    assert.deepEqual((await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl)).json(), assignment);

    const grant = await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: PKG('merverdiavgift') })}`, dagl);
    assert.equal(grant.statusCode, 200, grant.body);
    const granted = grant.json() as Record<string, string>;
    assert.match(String(granted.id), GUID);
    assert.deepEqual(granted, { id: granted.id, assignmentId: assignment.id, packageId: MVA_ID });
    // The same package again, by code or by id: the same AssignmentPackageDto.
    assert.deepEqual((await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: 'merverdiavgift' })}`, dagl)).json(), granted);
    assert.deepEqual((await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, packageId: MVA_ID })}`, dagl)).json(), granted);

    const packages = await call(w, 'GET', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT })}`, dagl);
    const body = packages.json() as { data: Array<Record<string, unknown>> };
    assert.equal(body.data.length, 1);
    assert.deepEqual(body.data[0]?.package, { id: MVA_ID, urn: PKG('merverdiavgift'), areaId: '7d32591d-34b7-4afc-8afa-013722f8c05d' });
    const [permission] = body.data[0]?.permissions as Array<Record<string, Record<string, unknown> | null>>;
    assert.equal(permission?.from?.organizationIdentifier, CUSTOMER);
    assert.equal(permission?.to?.organizationIdentifier, ACCOUNTANT);
    assert.equal(permission?.to?.type, 'Organisasjon');
    assert.deepEqual(permission?.role, RIGHTHOLDER);
    assert.equal(permission?.via, null);
    assert.deepEqual(permission?.reason, { flag: 1, items: [{ name: 'direct', description: 'Access granted directly with assignment' }] });
    // The accountant sees the same grant from its side.
    const received = await call(w, 'GET', `/accesspackages${q(w, { party: ACCOUNTANT, to: ACCOUNTANT, from: CUSTOMER })}`, await w.login(ACC_DAGL));
    assert.deepEqual([...packageRoles(received).entries()], [['merverdiavgift', ['rettighetshaver']]]);
  });

  test('accountant packages are not assignable: AM.VLD-00026; hovedadministrator never to an organisation: AM.VLD-00028', async () => {
    const w = await world();
    const dagl = await w.login(CUSTOMER_DAGL);
    assert.equal((await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl)).statusCode, 200);
    for (const code of ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-uten-signeringsrettighet', 'regnskapsforer-lonn', 'ansvarlig-revisor']) {
      const errors = validationErrors(await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: PKG(code) })}`, dagl));
      assert.deepEqual(errors, [{
        code: 'AM.VLD-00026', title: 'User not authorized for operation.', paths: ['QUERY/packageId'],
        packages: `User is not allowed to assign the following package(s) '${PKG(code)}'.`,
      }]);
    }
    const byId = validationErrors(await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, packageId: '955d5779-3e2b-4098-b11d-0431dc41ddbe' })}`, dagl));
    assert.deepEqual(byId.map((e) => e.code), ['AM.VLD-00026']);
    const admin = validationErrors(await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: 'hovedadministrator' })}`, dagl));
    assert.deepEqual(admin.map((e) => [e.code, e.paths]), [['AM.VLD-00028', ['QUERY/package']]]);
    // Nothing was granted.
    const packages = await call(w, 'GET', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT })}`, dagl);
    assert.deepEqual((packages.json() as { data: unknown[] }).data, []);
  });

  test('who may act: the party\'s access manager, with a connections or portal scope', async () => {
    const w = await world();
    const grant = q(w, { party: CUSTOMER, to: ACCOUNTANT });
    assert.equal((await call(w, 'POST', grant)).statusCode, 401);
    for (const pid of [NOBODY, BOARD, ACC_DAGL]) {
      const res = await call(w, 'POST', grant, await w.login(pid));
      assert.equal(res.statusCode, 403, `${pid}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    }
    assert.equal((await call(w, 'POST', grant, await w.login(CUSTOMER_DAGL, 'openid'))).statusCode, 403);
    assert.equal((await call(w, 'POST', grant, await w.login(CUSTOMER_DAGL, 'altinn:accessmanagement/enduser:connections:toothers.read'))).statusCode, 403);
    assert.equal((await call(w, 'POST', `/accesspackages${grant}&package=merverdiavgift`, await w.login(BOARD))).statusCode, 403);
    // An unknown party is one the person administers nothing in.
    assert.equal((await call(w, 'GET', `?party=${randomUUID()}&from=${w.uuid[CUSTOMER]}`, await w.login(CUSTOMER_DAGL))).statusCode, 403);
    const ok = await call(w, 'POST', grant, await w.login(CUSTOMER_DAGL, 'altinn:accessmanagement/enduser:connections:toothers.write'));
    assert.equal(ok.statusCode, 200, ok.body);
    const read = await call(w, 'GET', q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT }), await w.login(CUSTOMER_DAGL, 'altinn:accessmanagement/enduser:connections:toothers.read'));
    assert.equal(read.statusCode, 200, read.body);
  });

  test('input rules: no connection AM-00022, unknown package AM.VLD-00011, unknown party AM.VLD-00006, party not from/to AM.VLD-00009', async () => {
    const w = await world();
    const dagl = await w.login(CUSTOMER_DAGL);
    const noConnection = await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: STRANGER, package: 'merverdiavgift' })}`, dagl);
    assert.equal(noConnection.statusCode, 400, noConnection.body);
    assert.deepEqual([(noConnection.json() as Record<string, unknown>).code, (noConnection.json() as Record<string, unknown>).title],
      ['AM-00022', 'Operation can not be completed, because it requires an existing connection between the parties.']);
    const codes = async (res: Promise<LightMyRequestResponse>) => validationErrors(await res).map((e) => [e.code, (e.paths as string[]).join(',')]);
    assert.deepEqual(await codes(call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: STRANGER, package: 'ukjent' })}`, dagl)), [['AM.VLD-00011', 'QUERY/package']]);
    assert.deepEqual(await codes(call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: STRANGER })}&packageId=${randomUUID()}`, dagl)), [['AM.VLD-00011', 'QUERY/packageId']]);
    assert.deepEqual(await codes(call(w, 'POST', q(w, { party: CUSTOMER, to: randomUUID() }), dagl)), [['AM.VLD-00006', 'QUERY/to']]);
    // A person as rights holder needs an existing connection, or to be named in the body by number and last name.
    assert.deepEqual(await codes(call(w, 'POST', q(w, { party: CUSTOMER, to: NOBODY }), dagl)), [['AM.VLD-00006', 'QUERY/to']]);
    assert.deepEqual(await codes(call(w, 'POST', q(w, { party: CUSTOMER }), dagl)), [['STD.VLD-00000', 'QUERY/to,/PersonIdentifier,/LastName']]);
    assert.deepEqual(await codes(call(w, 'POST', q(w, { party: CUSTOMER }), dagl, { personIdentifier: NOBODY, lastName: 'Feil' })), [['AM.VLD-00006', '/personIdentifier']]);
    const person = await call(w, 'POST', q(w, { party: CUSTOMER }), dagl, { personIdentifier: NOBODY, lastName: 'ingen' });
    assert.equal(person.statusCode, 200, person.body);
    assert.equal((person.json() as Record<string, unknown>).toId, w.uuid[NOBODY]);
    assert.deepEqual(await codes(call(w, 'POST', q(w, { party: CUSTOMER, to: CUSTOMER }), dagl)), [['AM.VLD-00009', 'QUERY/to']]);
    assert.deepEqual(await codes(call(w, 'GET', q(w, { party: CUSTOMER, from: ACCOUNTANT, to: STRANGER }), dagl)), [['AM.VLD-00009', 'QUERY/from'], ['AM.VLD-00009', 'QUERY/to']]);
    assert.deepEqual(await codes(call(w, 'GET', q(w, { party: CUSTOMER }), dagl)), [['AM.VLD-00009', 'QUERY/from'], ['AM.VLD-00009', 'QUERY/to']]);
    assert.deepEqual(await codes(call(w, 'DELETE', q(w, { party: CUSTOMER, from: CUSTOMER, to: randomUUID() }), dagl)), [['AM.VLD-00006', 'QUERY/to']]);
    // Shape: party must be a GUID, and is required.
    assert.equal(validationErrors(await call(w, 'GET', `?party=kunde&from=${w.uuid[CUSTOMER]}`, dagl))[0]?.code, 'STD.VLD-00003');
    assert.equal(validationErrors(await call(w, 'DELETE', q(w, { from: CUSTOMER, to: ACCOUNTANT }), dagl))[0]?.code, 'STD.VLD-00000');
  });
});

describe('connections and package lists (docs/contracts/altinn-authorization.md §3.2, §5)', () => {
  test('GET connections: the party\'s connections to others and from others, packages only when asked', async () => {
    const w = await world();
    const dagl = await w.login(CUSTOMER_DAGL);
    await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl);
    await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: 'merverdiavgift' })}`, dagl);
    const all = await call(w, 'GET', q(w, { party: CUSTOMER, from: CUSTOMER }), dagl);
    assert.equal(all.statusCode, 200, all.body);
    const data = (all.json() as { links: unknown; data: Array<{ party: Record<string, unknown>; roles: Array<{ code: string }>; packages: unknown[] }> }).data;
    assert.deepEqual(data.map((c) => [c.party.name, c.roles.map((r) => r.code)]),
      [['Kari Kunde', ['daglig-leder']], ['Styre Medlem', ['styremedlem']], ['Regnskap AS', ['rettighetshaver']]]);
    assert.ok(data.every((c) => c.packages.length === 0), 'packages only with includeAccessPackages=true');
    const one = await call(w, 'GET', `${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT })}&includeAccessPackages=True`, dagl);
    const [item] = (one.json() as { data: Array<Record<string, unknown>> }).data;
    assert.deepEqual(Object.keys(item ?? {}), ['party', 'roles', 'packages', 'resources', 'instances', 'connections']);
    assert.deepEqual(item?.roles, [RIGHTHOLDER]);
    assert.deepEqual(item?.packages, [{ id: MVA_ID, urn: PKG('merverdiavgift'), areaId: '7d32591d-34b7-4afc-8afa-013722f8c05d' }]);
    assert.deepEqual(Object.keys(item?.party as object), ['id', 'name', 'type', 'variant', 'parent', 'children', 'partyid', 'userId', 'username',
      'organizationIdentifier', 'personIdentifier', 'dateOfBirth', 'dateOfDeath', 'isDeleted', 'deletedAt']);
    // From the accountant's side: the customer (rettighetshaver) and the clients whose ER roles it holds.
    const received = await call(w, 'GET', q(w, { party: ACCOUNTANT, to: ACCOUNTANT }), await w.login(ACC_DAGL));
    const from = (received.json() as { data: Array<{ party: { organizationIdentifier: string }; roles: Array<Record<string, unknown>> }> }).data;
    assert.deepEqual(from.map((c) => [c.party.organizationIdentifier, c.roles.map((r) => r.code)]).sort(),
      [[CLIENT_BRL, ['forretningsforer']], [CLIENT_FFOR_AS, ['forretningsforer']], [CLIENT_REGN, ['regnskapsforer']], [CLIENT_REVI, ['revisor']], [CUSTOMER, ['rettighetshaver']]].sort());
    assert.deepEqual(from.find((c) => c.party.organizationIdentifier === CLIENT_REGN)?.roles, [{
      id: '46e27685-b3ba-423e-8b42-faab54de5817', code: 'regnskapsforer', urn: 'urn:altinn:external-role:ccr:regnskapsforer',
      'legacyurn ': 'urn:altinn:rolecode:regn', children: null,
    }]);
  });

  test('what the roles give: DAGL the ordinary packages, REGN the accountant packages, REVI the auditor packages, FFØR by org form', async () => {
    const w = await world();
    const dagl = packageRoles(await call(w, 'GET', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: CUSTOMER_DAGL })}`, await w.login(CUSTOMER_DAGL)));
    assert.equal(dagl.size, 133);
    assert.deepEqual(dagl.get('merverdiavgift'), ['daglig-leder']);
    assert.ok(dagl.has('klientadministrator') && dagl.has('tilgangsstyrer') && dagl.has('hovedadministrator'));
    for (const code of ['regnskapsforer-med-signeringsrettighet', 'ansvarlig-revisor', 'forretningsforer-eiendom', 'eksplisitt', 'tjenester-nuf']) {
      assert.equal(dagl.has(code), false, code);
    }
    const board = packageRoles(await call(w, 'GET', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: BOARD })}`, await w.login(CUSTOMER_DAGL)));
    assert.equal(board.size, 0, 'MEDL gives no package');
    const acc = await w.login(ACC_DAGL);
    const received = (client: string) => call(w, 'GET', `/accesspackages${q(w, { party: ACCOUNTANT, to: ACCOUNTANT, from: client })}`, acc);
    assert.deepEqual([...packageRoles(await received(CLIENT_REGN)).entries()], [
      ['regnskapsforer-med-signeringsrettighet', ['regnskapsforer']], ['regnskapsforer-uten-signeringsrettighet', ['regnskapsforer']], ['regnskapsforer-lonn', ['regnskapsforer']],
    ]);
    assert.deepEqual([...packageRoles(await received(CLIENT_REVI)).entries()], [['ansvarlig-revisor', ['revisor']], ['revisormedarbeider', ['revisor']]]);
    assert.deepEqual([...packageRoles(await received(CLIENT_BRL)).entries()], [['forretningsforer-eiendom', ['forretningsforer']]]);
    assert.deepEqual([...packageRoles(await received(CLIENT_FFOR_AS)).entries()], [], 'FFØR in an AS gives nothing');
    const regnReason = ((await received(CLIENT_REGN)).json() as { data: Array<{ permissions: Array<{ reason: unknown }> }> }).data[0]?.permissions[0]?.reason;
    assert.deepEqual(regnReason, { flag: 8, items: [{ name: 'rolemap', description: 'Access granted through role mapping' }] });
  });

  test('DELETE: packages block removing the rights holder without cascade (AM.VLD-00010); cascade and package removal → 204', async () => {
    const w = await world();
    const dagl = await w.login(CUSTOMER_DAGL);
    await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl);
    await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: 'merverdiavgift' })}`, dagl);
    await call(w, 'POST', `/accesspackages${q(w, { party: CUSTOMER, to: ACCOUNTANT, package: 'skattegrunnlag' })}`, dagl);
    const blocked = validationErrors(await call(w, 'DELETE', q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT }), dagl));
    assert.deepEqual(blocked.map((e) => [e.code, e.title, e.paths]), [['AM.VLD-00010', 'Assignment is active in one or more connections.', ['QUERY/cascade']]]);
    const list = () => call(w, 'GET', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT })}`, dagl);
    assert.deepEqual([...packageRoles(await list()).keys()], ['merverdiavgift', 'skattegrunnlag']);
    const removePackage = await call(w, 'DELETE', `/accesspackages${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT, package: 'skattegrunnlag' })}`, dagl);
    assert.equal(removePackage.statusCode, 204, removePackage.body);
    assert.equal(removePackage.body, '');
    assert.deepEqual([...packageRoles(await list()).keys()], ['merverdiavgift']);
    const cascade = await call(w, 'DELETE', `${q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT })}&cascade=true`, dagl);
    assert.equal(cascade.statusCode, 204, cascade.body);
    assert.deepEqual([...packageRoles(await list()).keys()], []);
    const connections = await call(w, 'GET', q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT }), dagl);
    assert.deepEqual((connections.json() as { data: unknown[] }).data, []);
    // Removing what is not there is no error, as in AM; an empty rights holder goes without cascade.
    assert.equal((await call(w, 'DELETE', q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT }), dagl)).statusCode, 204);
    // The accountant may remove what it received (party = to).
    await call(w, 'POST', q(w, { party: CUSTOMER, to: ACCOUNTANT }), dagl);
    const byAccountant = await call(w, 'DELETE', q(w, { party: ACCOUNTANT, from: CUSTOMER, to: ACCOUNTANT }), await w.login(ACC_DAGL));
    assert.equal(byAccountant.statusCode, 204, byAccountant.body);
    assert.deepEqual(((await call(w, 'GET', q(w, { party: CUSTOMER, from: CUSTOMER, to: ACCOUNTANT }), dagl)).json() as { data: unknown[] }).data, []);
  });
});
