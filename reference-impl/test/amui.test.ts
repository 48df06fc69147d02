// Unit tests of the Access Management BFF stand-in (docs/contracts/am-bff.md) over inject: read,
// approve and reject of standard and agent requests with a person's bearer token; the BFF's own
// problems (AMUI-000NN: mapped codes keep their number, unmapped ones become 400 AMUI-00005, an unknown
// request on read 404 AMUI-00010); malformed input a 4xx problem; and the same rule as Authentication's
// end-user routes (an answer through one is seen by the other).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';

const BFF = '/amui/accessmanagement/api/v1/systemuser';
const VENDOR = '310000019';
const CUSTOMER = '310000035';
const OTHER_CUSTOMER = '310000043';
const DAGL = '01818510078';
const OTHER_DAGL = '01818510310';
const BOARD_MEMBER = '01818510582';
const SYSTEM_ID = `${VENDOR}_bff`;
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const ISO = 'iso6523-actorid-upis';

interface World {
  app: FastifyInstance;
  party: Map<string, number>;
  vendor: string;
  login(pid: string, scope?: string): Promise<string>;
  request(kind: 'standard' | 'agent', externalRef?: string): Promise<string>;
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function world(): Promise<World> {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  await app.ready();
  const td = (url: string, payload: unknown) => app.inject({ method: 'POST', url: `/testdata/api/v1${url}`, payload: payload as object });
  const party = new Map<string, number>();
  for (const [orgNo, name] of [[VENDOR, 'Leverandør AS'], [CUSTOMER, 'Kunde AS'], [OTHER_CUSTOMER, 'Annen Kunde AS']] as const) {
    party.set(orgNo, ((await ok(await td('/organisations', { orgNo, name, orgForm: 'AS' }), 'org')).json() as { partyId: number }).partyId);
  }
  for (const pid of [DAGL, OTHER_DAGL, BOARD_MEMBER]) await ok(await td('/persons', { pid, name: `P ${pid}` }), 'person');
  await ok(await td('/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: DAGL } }), 'role');
  await ok(await td('/roles', { orgNo: OTHER_CUSTOMER, role: 'DAGL', holder: { pid: OTHER_DAGL } }), 'role');
  await ok(await td('/roles', { orgNo: CUSTOMER, role: 'MEDL', holder: { pid: BOARD_MEMBER } }), 'role');
  const minted = await ok(await td('/maskinporten/tokens', {
    claims: { client_id: 'bff-test', scope: 'altinn:authentication/systemregister.write altinn:authentication/systemuser.request.write altinn:authentication/systemuser.request.read', consumer: { authority: ISO, ID: `0192:${VENDOR}` } },
  }), 'vendor token');
  const vendor = (minted.json() as { access_token: string }).access_token;
  const auth = (url: string, payload: unknown) => app.inject({ method: 'POST', url: `/authentication/api/v1${url}`, headers: { authorization: `Bearer ${vendor}` }, payload: payload as object });
  await ok(await auth('/systemregister/vendor', {
    id: SYSTEM_ID, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'BFF-system', nn: 'BFF-system', en: 'BFF system' },
    description: { nb: 'x', nn: 'x', en: 'x' }, rights: [],
    accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskapsforer-med-signeringsrettighet') }],
    clientId: [randomUUID()], allowedRedirectUrls: ['https://vendor.example/back'], isVisible: false,
  }), 'register system');
  return {
    app, party, vendor,
    async login(pid, scope) {
      const res = await ok(await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: scope ? { pid, scope } : { pid } }), 'login');
      return (res.json() as { access_token: string }).access_token;
    },
    async request(kind, externalRef) {
      const url = kind === 'agent' ? '/systemuser/request/vendor/agent' : '/systemuser/request/vendor';
      const pkg = kind === 'agent' ? 'regnskapsforer-med-signeringsrettighet' : 'merverdiavgift';
      const res = await ok(await auth(url, { systemId: SYSTEM_ID, partyOrgNo: CUSTOMER, accessPackages: [{ urn: PKG(pkg) }], ...(externalRef ? { externalRef } : {}) }), 'request');
      return (res.json() as { id: string }).id;
    },
  };
}

const SEGMENT = { standard: 'request', agent: 'agentrequest' } as const;

function bff(w: World, method: 'GET' | 'POST', url: string, token?: string): Promise<LightMyRequestResponse> {
  return w.app.inject({ method, url: `${BFF}${url}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function assertAmui(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, res.body);
  const body = res.json() as Record<string, unknown>;
  assert.equal(body.code, code, res.body);
  assert.equal(body.status, status);
}

for (const kind of ['standard', 'agent'] as const) {
  const seg = SEGMENT[kind];
  describe(`AM BFF, ${kind} requests (${seg})`, () => {
    test('read, approve: 200 true; Authentication\'s end-user route and the vendor then see Accepted', async () => {
      const w = await world();
      const id = await w.request(kind);
      const token = await w.login(DAGL);
      const read = await bff(w, 'GET', `/${seg}/${id}`, token);
      assert.equal(read.statusCode, 200, read.body);
      const fe = read.json() as Record<string, unknown>;
      assert.equal(fe.id, id);
      assert.equal(fe.partyId, w.party.get(CUSTOMER));
      assert.equal(fe.status, 'New');
      assert.equal(fe.userMayEscalateButNotApprove, false);
      assert.equal(kind === 'agent', !('resources' in fe));
      const res = await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${id}/approve`, token);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json(), true);
      const vendorPath = kind === 'agent' ? `vendor/agent/${id}` : `vendor/${id}`;
      const after = await w.app.inject({ method: 'GET', url: `/authentication/api/v1/systemuser/request/${vendorPath}`, headers: { authorization: `Bearer ${w.vendor}` } });
      assert.equal((after.json() as { status: string }).status, 'Accepted');
      // Answered once: Authentication says 409 AUTH-00013; the BFF does not map it: 400 AMUI-00005.
      const authPath = kind === 'agent' ? `agent/${w.party.get(CUSTOMER)}/${id}` : `${w.party.get(CUSTOMER)}/${id}`;
      const again = await w.app.inject({ method: 'POST', url: `/authentication/api/v1/systemuser/request/${authPath}/reject`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(again.statusCode, 409, again.body);
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${id}/reject`, token), 400, 'AMUI-00005');
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${id}/approve`, token), 400, 'AMUI-00005');
    });

    test('reject: 200 true, Rejected, no system user', async () => {
      const w = await world();
      const id = await w.request(kind);
      const token = await w.login(DAGL);
      const res = await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${id}/reject`, token);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json(), true);
      const read = await bff(w, 'GET', `/${seg}/${id}`, token);
      assert.equal((read.json() as { status: string }).status, 'Rejected');
    });

    test('wrong party (AUTH-00041/42 upstream) → 400 AMUI-00005; not access manager → 403 AMUI-00066; unknown → 400 AMUI-00005 / read 404 AMUI-00010', async () => {
      const w = await world();
      const id = await w.request(kind);
      const other = await w.login(OTHER_DAGL);
      const upstream = await w.app.inject({
        method: 'POST', url: `/authentication/api/v1/systemuser/request/${kind === 'agent' ? 'agent/' : ''}${w.party.get(OTHER_CUSTOMER)}/${id}/approve`,
        headers: { authorization: `Bearer ${other}` },
      });
      assert.equal(upstream.statusCode, 403, upstream.body);
      assert.equal((upstream.json() as { code: string }).code, kind === 'agent' ? 'AUTH-00042' : 'AUTH-00041');
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(OTHER_CUSTOMER)}/${id}/approve`, other), 400, 'AMUI-00005');
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(OTHER_CUSTOMER)}/${id}/reject`, other), 400, 'AMUI-00005');
      const board = await w.login(BOARD_MEMBER);
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${id}/approve`, board), 403, 'AMUI-00066');
      const read = await bff(w, 'GET', `/${seg}/${id}`, board);
      assert.equal(read.statusCode, 200, read.body);
      assert.equal((read.json() as { userMayEscalateButNotApprove: boolean }).userMayEscalateButNotApprove, true);
      assertAmui(await bff(w, 'GET', `/${seg}/${id}`, other), 403, 'AMUI-00066');
      const token = await w.login(DAGL);
      assertAmui(await bff(w, 'GET', `/${seg}/${randomUUID()}`, token), 404, 'AMUI-00010');
      assertAmui(await bff(w, 'POST', `/${seg}/${w.party.get(CUSTOMER)}/${randomUUID()}/approve`, token), 400, 'AMUI-00005');
      // The request is untouched.
      assert.equal(((await bff(w, 'GET', `/${seg}/${id}`, token)).json() as { status: string }).status, 'New');
    });

    test('no token 401, a vendor token or a person token without altinn:portal/enduser 401/403; malformed ids a 4xx problem', async () => {
      const w = await world();
      const id = await w.request(kind);
      const party = w.party.get(CUSTOMER);
      assert.equal((await bff(w, 'POST', `/${seg}/${party}/${id}/approve`)).statusCode, 401);
      const vendorRes = await bff(w, 'POST', `/${seg}/${party}/${id}/approve`, w.vendor);
      assert.ok([401, 403].includes(vendorRes.statusCode), vendorRes.body);
      const token = await w.login(DAGL);
      for (const url of [`/${seg}/abc/${id}/approve`, `/${seg}/${party}/not-a-guid/approve`, `/${seg}/${party}/${id}%00/reject`, `/${seg}/not-a-guid`, `/${seg}/99999999999/${id}/approve`]) {
        const res = await bff(w, url.endsWith('/approve') || url.endsWith('/reject') ? 'POST' : 'GET', url, token);
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode} ${res.body}`);
        assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${url}: ${res.body}`);
      }
      assert.equal(((await bff(w, 'GET', `/${seg}/${id}`, token)).json() as { status: string }).status, 'New');
    });
  });
}

describe('AM BFF, change requests (changerequest)', () => {
  /** The customer's standard system user (merverdiavgift) and a change request adding regnskap-okonomi-rapport. */
  async function changeRequest(w: World): Promise<{ id: string; systemUserId: string }> {
    const auth = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
      w.app.inject({ method, url: `/authentication/api/v1${url}`, headers: { authorization: `Bearer ${w.vendor}` }, payload: payload as object });
    const cr = `${VENDOR}_bffcr`;
    await ok(await auth('POST', '/systemregister/vendor', {
      id: cr, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'Endringssystem', nn: 'Endringssystem', en: 'Change system' },
      description: { nb: 'x', nn: 'x', en: 'x' }, rights: [],
      accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskap-okonomi-rapport') }],
      clientId: [randomUUID()], allowedRedirectUrls: ['https://vendor.example/back'],
    }), 'register system');
    const request = await ok(await auth('POST', '/systemuser/request/vendor', { systemId: cr, partyOrgNo: CUSTOMER, accessPackages: [{ urn: PKG('merverdiavgift') }] }), 'request');
    const systemUserId = (request.json() as { id: string }).id;
    await ok(await bff(w, 'POST', `/request/${w.party.get(CUSTOMER)}/${systemUserId}/approve`, await w.login(DAGL)), 'approve request');
    const id = randomUUID();
    await ok(await auth('POST', `/systemuser/changerequest/vendor?correlation-id=${id}&system-user-id=${systemUserId}`,
      { requiredAccessPackages: [{ urn: PKG('regnskap-okonomi-rapport') }] }), 'change request');
    return { id, systemUserId };
  }

  async function packagesOf(w: World, systemUserId: string): Promise<string[]> {
    const token = await w.login(DAGL);
    const res = await w.app.inject({ method: 'GET', url: `/authentication/api/v1/systemuser/${w.party.get(CUSTOMER)}/${systemUserId}`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.statusCode, 200, res.body);
    return ((res.json() as { accessPackages?: Array<{ urn: string }> }).accessPackages ?? []).map((p) => p.urn).sort();
  }

  test('read SystemUserChangeRequestFE; approve 200 true: the package is granted, the vendor sees Accepted; again → 400 AMUI-00005', async () => {
    const w = await world();
    const { id, systemUserId } = await changeRequest(w);
    const token = await w.login(DAGL);
    const read = await bff(w, 'GET', `/changerequest/${id}`, token);
    assert.equal(read.statusCode, 200, read.body);
    const fe = read.json() as Record<string, unknown>;
    assert.equal(fe.id, id);
    assert.equal(fe.partyId, w.party.get(CUSTOMER));
    assert.equal(typeof fe.partyUuid, 'string');
    assert.equal(fe.status, 'New');
    assert.deepEqual(fe.requiredAccessPackages, [{ urn: PKG('regnskap-okonomi-rapport') }]);
    assert.deepEqual(fe.unwantedAccessPackages, []);
    assert.deepEqual(fe.requiredRights, []);
    assert.equal((fe.system as { systemId: string }).systemId, `${VENDOR}_bffcr`);
    const res = await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${id}/approve`, token);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json(), true);
    assert.deepEqual(await packagesOf(w, systemUserId), [PKG('merverdiavgift'), PKG('regnskap-okonomi-rapport')]);
    const vendorRead = await w.app.inject({ method: 'GET', url: `/authentication/api/v1/systemuser/changerequest/vendor/${id}`, headers: { authorization: `Bearer ${w.vendor}` } });
    assert.equal((vendorRead.json() as { status: string }).status, 'Accepted');
    // Answered once: Authentication 409 AUTH-00013, which the BFF does not map.
    assertAmui(await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${id}/reject`, token), 400, 'AMUI-00005');
  });

  test('reject 200 true: Rejected, the system user keeps its packages; Authentication\'s end-user route then says 409', async () => {
    const w = await world();
    const { id, systemUserId } = await changeRequest(w);
    const token = await w.login(DAGL);
    const res = await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${id}/reject`, token);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json(), true);
    assert.equal(((await bff(w, 'GET', `/changerequest/${id}`, token)).json() as { status: string }).status, 'Rejected');
    assert.deepEqual(await packagesOf(w, systemUserId), [PKG('merverdiavgift')]);
    const again = await w.app.inject({ method: 'POST', url: `/authentication/api/v1/systemuser/changerequest/${w.party.get(CUSTOMER)}/${id}/approve`, headers: { authorization: `Bearer ${token}` } });
    assert.equal(again.statusCode, 409, again.body);
  });

  test('wrong party → 400 AMUI-00005; not access manager → 403 AMUI-00066; unknown → read 404 AMUI-00010, answer 400 AMUI-00005; malformed ids 4xx', async () => {
    const w = await world();
    const { id, systemUserId } = await changeRequest(w);
    const other = await w.login(OTHER_DAGL);
    assertAmui(await bff(w, 'POST', `/changerequest/${w.party.get(OTHER_CUSTOMER)}/${id}/approve`, other), 400, 'AMUI-00005');
    const board = await w.login(BOARD_MEMBER);
    assertAmui(await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${id}/approve`, board), 403, 'AMUI-00066');
    assertAmui(await bff(w, 'GET', `/changerequest/${id}`, other), 403, 'AMUI-00066');
    const token = await w.login(DAGL);
    assertAmui(await bff(w, 'GET', `/changerequest/${randomUUID()}`, token), 404, 'AMUI-00010');
    assertAmui(await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${randomUUID()}/approve`, token), 400, 'AMUI-00005');
    assert.equal((await bff(w, 'POST', `/changerequest/${w.party.get(CUSTOMER)}/${id}/approve`)).statusCode, 401);
    for (const url of [`/changerequest/abc/${id}/approve`, `/changerequest/${w.party.get(CUSTOMER)}/not-a-guid/reject`, '/changerequest/not-a-guid']) {
      const res = await bff(w, url.endsWith('approve') || url.endsWith('reject') ? 'POST' : 'GET', url, token);
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode} ${res.body}`);
    }
    assert.equal(((await bff(w, 'GET', `/changerequest/${id}`, token)).json() as { status: string }).status, 'New');
    assert.deepEqual(await packagesOf(w, systemUserId), [PKG('merverdiavgift')]);
  });
});
