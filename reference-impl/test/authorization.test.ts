import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createAccessService, createCatalogueService } from '../src/components/accessmanagement/index.ts';
import { authorizationComponent, createDecisionLogService, createPdpService } from '../src/components/authorization/index.ts';
import { evaluateRules } from '../src/components/authorization/pdp.ts';
import { createRegisterService } from '../src/components/register/index.ts';
import { createResourceRegistryService } from '../src/components/resourceregistry/index.ts';
import { testdataComponent } from '../src/components/testdata/index.ts';
import { installErrorHandling } from '../src/platform/error-handler.ts';
import type { Services } from '../src/platform/services.ts';
import { TokenIssuers } from '../src/platform/tokens.ts';

const CUSTOMER = '310000019';
const OTHER = '310000027';
const PID = '01819010001';
const SU = '8b0d6a3e-5f1c-4e2a-9d7b-1c2e3f4a5b6c';
const RESOURCE = 'samsvar-mva-rapportering';
const OK = 'urn:oasis:names:tc:xacml:1.0:status:ok';
const PROCESSING_ERROR = 'urn:oasis:names:tc:xacml:1.0:status:processing-error';
const ACTION_ID = 'urn:oasis:names:tc:xacml:1.0:action:action-id';

interface Result {
  decision: string;
  status: { statusMessage: string | null; statusCode: { value: string } };
  obligations: Array<{ id: string; attributeAssignment: Array<Record<string, unknown>> }> | null;
  category: Array<{ categoryId: string; attribute: Array<{ attributeId: string; value: string; includeInResult: boolean }> }> | null;
}

/**
 * The authorization and test data components over services the test can reach, so that it can give a
 * system user packages directly (standard system users are created by the authentication component).
 * Built like buildApp: same Ajv options, the same error handling.
 */
async function worldWithServices(): Promise<{ app: FastifyInstance; services: Services }> {
  const services = {} as Services;
  services.register = createRegisterService();
  services.catalogue = createCatalogueService();
  services.resources = createResourceRegistryService();
  services.access = createAccessService(services);
  services.decisions = createDecisionLogService();
  services.pdp = createPdpService(services);
  const app = Fastify({ logger: false, ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true } } });
  app.decorateRequest('auth', null);
  installErrorHandling(app);
  const config = { publicUrl: 'http://127.0.0.1:1', logger: false };
  const issuers = await TokenIssuers.create(config);
  await app.register(authorizationComponent, { config, services, issuers, prefix: '/authorization/api/v1' });
  await app.register(testdataComponent, { config, services, issuers, prefix: '/testdata' });
  await seed(app);
  return { app, services };
}

async function seed(app: FastifyInstance): Promise<{ customer: { partyId: number; partyUuid: string } }> {
  const post = (path: string, payload: unknown) => app.inject({ method: 'POST', url: `/testdata/api/v1${path}`, payload: payload as object });
  const customer = (await post('/organisations', { orgNo: CUSTOMER, name: 'Kunde AS', orgForm: 'AS' })).json() as { partyId: number; partyUuid: string };
  await post('/organisations', { orgNo: OTHER, name: 'Annen AS', orgForm: 'AS' });
  await post('/persons', { pid: PID, name: 'Dagny Leder' });
  await post('/roles', { orgNo: CUSTOMER, role: 'DAGL', holder: { pid: PID } });
  const put = await app.inject({
    method: 'PUT', url: `/testdata/api/v1/resources/${RESOURCE}`, payload: {
      title: { nb: 'MVA-rapportering' }, resourceType: 'GenericAccessResource',
      hasCompetentAuthority: { organization: OTHER, orgcode: 'skd' },
      policy: { rules: [
        { subjects: ['urn:altinn:accesspackage:merverdiavgift'], actions: ['read', 'write'] },
        { subjects: ['urn:altinn:accesspackage:skattegrunnlag'], actions: ['read'] },
        { effect: 'Deny', subjects: ['urn:altinn:accesspackage:skattegrunnlag'], actions: ['write'] },
        { subjects: ['urn:altinn:accesspackage:merverdiavgift'], actions: ['sign'] },
        { effect: 'Deny', subjects: ['urn:altinn:accesspackage:lonn'], actions: ['sign'] },
      ] },
    },
  });
  assert.equal(put.statusCode, 201);
  return { customer };
}

async function referenceApp(): Promise<{ app: FastifyInstance; customer: { partyId: number; partyUuid: string } }> {
  const app = await buildApp({ publicUrl: 'http://127.0.0.1:1', logger: false });
  const { customer } = await seed(app);
  return { app, customer };
}

async function mint(app: FastifyInstance, scope = 'altinn:authorization/authorize', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/testdata/api/v1/maskinporten/tokens', payload: { claims: { scope, client_id: 'api-provider', ...extra } } });
  assert.equal(res.statusCode, 201);
  return (res.json() as { access_token: string }).access_token;
}

function attribute(id: string, value: string, extra: Record<string, unknown> = {}) {
  return { AttributeId: id, Value: value, ...extra };
}

function request(subject: Array<Record<string, unknown>>, action: string, party: Record<string, unknown> | null, resource = RESOURCE) {
  return {
    Request: {
      ReturnPolicyIdList: true,
      AccessSubject: [{ Attribute: subject }],
      Action: [{ Attribute: [attribute(ACTION_ID, action, { DataType: 'http://www.w3.org/2001/XMLSchema#string' })] }],
      Resource: [{ Attribute: [attribute('urn:altinn:resource', resource), ...(party ? [party] : [])] }],
    },
  };
}

const systemUser = (id = SU) => [attribute('urn:altinn:systemuser:uuid', id)];
const person = (pid = PID) => [attribute('urn:altinn:person:identifier-no', pid)];
const orgParty = (orgNo = CUSTOMER) => attribute('urn:altinn:organization:identifier-no', orgNo);

async function authorize(app: FastifyInstance, token: string | undefined, body: unknown) {
  return app.inject({
    method: 'POST', url: '/authorization/api/v1/authorize', payload: body as object,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function decide(app: FastifyInstance, token: string, body: unknown): Promise<Result[]> {
  const res = await authorize(app, token, body);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { response: Result[] }).response;
}

test('401 without a token or with a foreign one, 403 without the authorize scope', async () => {
  const { app } = await referenceApp();
  const body = request(systemUser(), 'read', orgParty());
  assert.equal((await authorize(app, undefined, body)).statusCode, 401);
  assert.equal((await authorize(app, 'not.a.jwt', body)).statusCode, 401);
  const expired = (await app.inject({ method: 'POST', url: '/testdata/api/v1/maskinporten/tokens', payload: { claims: { scope: 'altinn:authorization/authorize' }, iat: 1600000000, exp: 1600000120 } })).json() as { access_token: string };
  assert.equal((await authorize(app, expired.access_token, body)).statusCode, 401);
  const noScope = await authorize(app, await mint(app, 'altinn:instances.read'), body);
  assert.equal(noScope.statusCode, 403);
  assert.equal(noScope.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal((await authorize(app, await mint(app, 'x altinn:authorization/authorize.admin'), body)).statusCode, 200);
  // A 401 comes before any look at the body.
  assert.equal((await authorize(app, undefined, { nonsense: true })).statusCode, 401);
});

test('a body that is not an object with a Request is a 400 problem', async () => {
  const { app } = await referenceApp();
  const token = await mint(app);
  for (const body of [{}, { Request: null }, { Request: 'x' }, { Request: { AccessSubject: 'x' } }, { Request: { Action: [{ Attribute: [{ AttributeId: ACTION_ID, Value: 5 }] }] } }]) {
    const res = await authorize(app, token, body);
    assert.equal(res.statusCode, 400, JSON.stringify(body));
    assert.equal((res.json() as { code: string }).code, 'STD-00000');
  }
  const malformed = await app.inject({ method: 'POST', url: '/authorization/api/v1/authorize', payload: '{"Request": {', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.headers['content-type'], 'application/problem+json; charset=utf-8');
  const list = await app.inject({ method: 'POST', url: '/authorization/api/v1/authorize', payload: '[]', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  assert.equal(list.statusCode, 400);
});

test('system user with merverdiavgift from the party: Permit with the authentication-level obligation', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(CUSTOMER, SU, ['urn:altinn:accesspackage:merverdiavgift']);
  const token = await mint(app);
  const [result] = await decide(app, token, request(systemUser(), 'write', orgParty()));
  assert.equal(result?.decision, 'Permit');
  assert.equal(result?.status.statusCode.value, OK);
  assert.equal(result?.status.statusMessage, null);
  assert.deepEqual(result?.obligations, [{
    id: 'urn:altinn:obligation:authenticationLevel1',
    attributeAssignment: [{ attributeId: 'urn:altinn:obligation-assignment:1', value: '3', category: 'urn:altinn:minimum-authenticationlevel', dataType: 'http://www.w3.org/2001/XMLSchema#integer', issuer: null }],
  }]);
  // The party was given by org number: the PDP adds urn:altinn:partyid, marked IncludeInResult.
  assert.deepEqual(result?.category?.[0]?.categoryId, 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource');
  assert.deepEqual(result?.category?.[0]?.attribute.map((a) => [a.attributeId, a.value]), [['urn:altinn:partyid', '50001000']]);
});

test('camelCase and PascalCase requests bind alike; the legacy org number attribute names the party too', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(CUSTOMER, SU, ['urn:altinn:accesspackage:merverdiavgift']);
  const token = await mint(app);
  const camel = {
    request: {
      accessSubject: [{ attribute: [{ attributeId: 'urn:altinn:systemuser:uuid', value: SU.toUpperCase() }] }],
      action: [{ attribute: [{ attributeId: ACTION_ID, value: 'read' }] }],
      resource: [{ attribute: [{ attributeId: 'urn:altinn:resource', value: RESOURCE }, { attributeId: 'urn:altinn:organizationnumber', value: CUSTOMER }] }],
    },
  };
  assert.equal((await decide(app, token, camel))[0]?.decision, 'Permit');
  const upper = JSON.parse(JSON.stringify(camel).replace(/"request"/, '"REQUEST"').replace(/"attributeId"/g, '"ATTRIBUTEID"'));
  assert.equal((await decide(app, token, upper))[0]?.decision, 'Permit');
});

test('NotApplicable: no package, a package for another party, an action no rule names, an unknown party', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(OTHER, SU, ['urn:altinn:accesspackage:merverdiavgift']);
  const token = await mint(app);
  const cases = [
    request(systemUser(), 'read', orgParty()),
    request(systemUser(), 'read', orgParty('310000035')),
    request(systemUser(), 'delete', orgParty(OTHER)),
    request(systemUser('00000000-0000-0000-0000-000000000000'), 'read', orgParty(OTHER)),
    request(systemUser(), 'read', null),
  ];
  for (const body of cases) {
    const [result] = await decide(app, token, body);
    assert.equal(result?.decision, 'NotApplicable', JSON.stringify(body));
    assert.equal(result?.status.statusCode.value, OK);
    assert.equal(result?.obligations, null);
  }
  assert.equal((await decide(app, token, request(systemUser(), 'read', orgParty(OTHER))))[0]?.decision, 'Permit');
});

test('Indeterminate processing-error: system user with another subject attribute, a bad GUID, policy not found', async () => {
  const { app } = await referenceApp();
  const token = await mint(app);
  const cases: Array<[unknown, string]> = [
    [request([...systemUser(), attribute('urn:altinn:organization:identifier-no', CUSTOMER)], 'read', orgParty()),
      'Subject attribute urn:altinn:systemuser:uuid can only be used by itself and not in combination with other subject identifiers.'],
    [request(systemUser('not-a-guid'), 'read', orgParty()), 'urn:altinn:systemuser:uuid: Not a valid uuid'],
    [request(systemUser(), 'read', orgParty(), 'no-such-resource'), 'Policy not found for resource'],
    [request(person('01819010192'), 'read', orgParty()), 'Invalid person-id'],
    [request([...person(), attribute('urn:altinn:organization:identifier-no', OTHER)], 'read', orgParty()),
      'Not allowed to set organization number and person-id or userid for subject at the same time'],
  ];
  for (const [body, message] of cases) {
    const [result] = await decide(app, token, body);
    assert.equal(result?.decision, 'Indeterminate');
    assert.equal(result?.status.statusCode.value, PROCESSING_ERROR);
    assert.equal(result?.status.statusMessage, message);
    assert.equal(result?.obligations, null);
    assert.equal(result?.category, null);
  }
});

test('person subject: packages from ER roles in the party (DAGL gives merverdiavgift)', async () => {
  const { app } = await referenceApp();
  const token = await mint(app);
  assert.equal((await decide(app, token, request(person(), 'read', orgParty())))[0]?.decision, 'Permit');
  assert.equal((await decide(app, token, request(person(), 'read', orgParty(OTHER))))[0]?.decision, 'NotApplicable');
});

test('deny-overrides: a matching Deny rule wins over a Permit rule', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(CUSTOMER, SU, ['urn:altinn:accesspackage:merverdiavgift', 'urn:altinn:accesspackage:skattegrunnlag']);
  const token = await mint(app);
  // write: merverdiavgift permits, skattegrunnlag denies.
  const [denied] = await decide(app, token, request(systemUser(), 'write', orgParty()));
  assert.equal(denied?.decision, 'Deny');
  assert.equal(denied?.status.statusCode.value, OK);
  assert.equal(denied?.obligations, null);
  assert.equal((await decide(app, token, request(systemUser(), 'read', orgParty())))[0]?.decision, 'Permit');
  // sign: the Deny rule names a package the system user does not hold.
  assert.equal((await decide(app, token, request(systemUser(), 'sign', orgParty())))[0]?.decision, 'Permit');
  // A DAGL person holds both: write is denied for them too.
  assert.equal((await decide(app, token, request(person(), 'write', orgParty())))[0]?.decision, 'Deny');
});

test('single rights permit when no package rule does, for that resource and action only', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignRightsToSystemUser(CUSTOMER, SU, [{ action: 'delete', resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }]);
  const token = await mint(app);
  assert.equal((await decide(app, token, request(systemUser(), 'delete', orgParty())))[0]?.decision, 'Permit');
  assert.equal((await decide(app, token, request(systemUser(), 'read', orgParty())))[0]?.decision, 'NotApplicable');
  assert.equal((await decide(app, token, request(systemUser(), 'delete', orgParty(OTHER))))[0]?.decision, 'NotApplicable');
  services.access.assignRightsToSystemUser(CUSTOMER, SU, [{ resource: [{ id: 'urn:altinn:resource', value: RESOURCE }] }]);
  assert.equal((await decide(app, token, request(systemUser(), 'read', orgParty())))[0]?.decision, 'Permit');
});

test('multi request: one result per reference, in order, parties by uuid, partyid and org number', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(CUSTOMER, SU, ['urn:altinn:accesspackage:merverdiavgift']);
  const customer = services.register.organisation(CUSTOMER);
  assert.ok(customer);
  const token = await mint(app);
  const body = {
    Request: {
      AccessSubject: [{ Id: 's1', Attribute: systemUser() }],
      Action: [{ Id: 'a1', Attribute: [attribute(ACTION_ID, 'read')] }, { Id: 'a2', Attribute: [attribute(ACTION_ID, 'delete')] }],
      Resource: [
        { Id: 'r1', Attribute: [attribute('urn:altinn:resource', RESOURCE), attribute('urn:altinn:party:uuid', customer.partyUuid, { IncludeInResult: true })] },
        { Id: 'r2', Attribute: [attribute('urn:altinn:resource', RESOURCE), attribute('urn:altinn:partyid', String(customer.partyId))] },
        { Id: 'r3', Attribute: [attribute('urn:altinn:resource', RESOURCE), attribute('urn:altinn:organization:identifier-no', CUSTOMER)] },
      ],
      MultiRequests: { RequestReference: [
        { ReferenceId: ['s1', 'a1', 'r1'] }, { ReferenceId: ['s1', 'a1', 'r2'] }, { ReferenceId: ['s1', 'a1', 'r3'] }, { ReferenceId: ['s1', 'a2', 'r3'] },
      ] },
    },
  };
  const results = await decide(app, token, body);
  assert.deepEqual(results.map((r) => r.decision), ['Permit', 'Permit', 'Permit', 'NotApplicable']);
  assert.deepEqual(results[0]?.category?.[0]?.attribute.map((a) => a.attributeId), ['urn:altinn:party:uuid', 'urn:altinn:partyid']);
  assert.equal(results[1]?.category, null);
  const logged = services.decisions.list();
  assert.deepEqual(logged.map((d) => [d.action, d.decision]), [['read', 'Permit'], ['read', 'Permit'], ['read', 'Permit'], ['delete', 'NotApplicable']]);

  // A processing error in any part answers the whole request with one Indeterminate result.
  const broken = structuredClone(body);
  broken.Request.Resource[1] = { Id: 'r2', Attribute: [attribute('urn:altinn:resource', 'no-such-resource')] };
  const failed = await decide(app, token, broken);
  assert.equal(failed.length, 1);
  assert.deepEqual([failed[0]?.decision, failed[0]?.status.statusMessage], ['Indeterminate', 'Policy not found for resource']);

  // One reference is a single request over every category.
  const single = { Request: { ...body.Request, AccessSubject: body.Request.AccessSubject, Action: [body.Request.Action[0]], Resource: [body.Request.Resource[2]], MultiRequests: { RequestReference: [{ ReferenceId: ['s1'] }] } } };
  assert.equal((await decide(app, token, single)).length, 1);
});

test('every decision is logged, and PdpService decides with the same rules', async () => {
  const { app, services } = await worldWithServices();
  services.access.assignToSystemUser(CUSTOMER, SU, ['urn:altinn:accesspackage:merverdiavgift']);
  const token = await mint(app, 'altinn:authorization/authorize', { consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${CUSTOMER}` } });
  await decide(app, token, request(systemUser(), 'read', orgParty()));
  await decide(app, token, request(systemUser('bad'), 'read', orgParty()));
  assert.equal(services.pdp.decideForSystemUser({ systemUserId: SU, action: 'write', resource: RESOURCE, partyOrgNo: CUSTOMER, pep: 'mva' }), 'Permit');
  assert.equal(services.pdp.decideForSystemUser({ systemUserId: SU, action: 'write', resource: RESOURCE, partyOrgNo: OTHER, pep: 'dialogporten' }), 'NotApplicable');
  assert.equal(services.pdp.decideForSystemUser({ systemUserId: SU, action: 'write', resource: 'nope', partyOrgNo: CUSTOMER, pep: 'broker' }), 'Indeterminate');
  const log = (await app.inject({ method: 'GET', url: `/testdata/api/v1/decisions?systemUserId=${SU}` })).json() as Array<Record<string, unknown>>;
  assert.deepEqual(log.map((d) => [d.action, d.resource, d.decision]), [
    ['read', RESOURCE, 'Permit'], ['write', RESOURCE, 'Permit'], ['write', RESOURCE, 'NotApplicable'], ['write', 'nope', 'Indeterminate'],
  ]);
  assert.deepEqual(log[0]?.party, { 'urn:altinn:organization:identifier-no': CUSTOMER });
  // Who asked: the caller's token on the route, the in-process service otherwise.
  assert.deepEqual(log.map((d) => d.pep), [{ orgNo: CUSTOMER, clientId: 'api-provider' }, { service: 'mva' }, { service: 'dialogporten' }, { service: 'broker' }]);
  assert.equal(services.decisions.list().length, 5);
});

test('rules match package codes ignoring case and actions exactly', () => {
  const rules = [{ subjects: ['urn:altinn:accesspackage:MerverdiAvgift'], actions: ['read'] }];
  assert.equal(evaluateRules(rules, ['merverdiavgift'], 'read'), 'Permit');
  assert.equal(evaluateRules(rules, ['MERVERDIAVGIFT'], 'read'), 'Permit');
  assert.equal(evaluateRules(rules, ['merverdiavgift'], 'Read'), 'NotApplicable');
  assert.equal(evaluateRules(rules, ['merverdiavgift'], undefined), 'NotApplicable');
  assert.equal(evaluateRules([{ subjects: ['urn:altinn:rolecode:dagl'], actions: ['read'] }], ['dagl'], 'read'), 'NotApplicable');
  assert.equal(evaluateRules([...rules, { effect: 'Deny', subjects: ['urn:altinn:accesspackage:lonn'], actions: ['read'] }], ['merverdiavgift', 'lonn'], 'read'), 'Deny');
});

// ---------------------------------------------------------------------------------------------------
describe("the PDP's callers and a person's own party (docs/contracts/pdp-callers.md)", () => {
  async function personAltinnToken(app: FastifyInstance, scope: string): Promise<string> {
    const login = await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: PID, scope } });
    assert.ok(login.statusCode < 300, login.body);
    const idporten = (login.json() as { access_token: string }).access_token;
    const exchanged = await app.inject({ method: 'GET', url: '/authentication/api/v1/exchange/id-porten', headers: { authorization: `Bearer ${idporten}` } });
    assert.equal(exchanged.statusCode, 200, exchanged.body);
    return exchanged.body.replace(/^"|"$/g, '');
  }

  test("a person's Altinn token with the authorize scope is let in; without it 403; ID-porten's own token 401", async () => {
    const { app } = await referenceApp();
    const body = request(person(), 'read', orgParty());
    const withScope = await personAltinnToken(app, 'openid altinn:authorization/authorize');
    const [result] = await decide(app, withScope, body);
    assert.equal(result?.decision, 'Permit'); // DAGL holds merverdiavgift in CUSTOMER
    assert.equal((await authorize(app, await personAltinnToken(app, 'openid altinn:portal/enduser'), body)).statusCode, 403);
    const raw = ((await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: PID, scope: 'openid altinn:authorization/authorize' } })).json() as { access_token: string }).access_token;
    assert.equal((await authorize(app, raw, body)).statusCode, 401);
  });

  test("a policy naming the PRIV role permits the person for the person's own party, and nobody else", async () => {
    const { app } = await referenceApp();
    const put = await app.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-privat', payload: {
      title: { nb: 'Privat' }, resourceType: 'GenericAccessResource', hasCompetentAuthority: { organization: OTHER, orgcode: 'skd' },
      policy: { rules: [{ subjects: ['urn:altinn:rolecode:priv'], actions: ['read'] }] },
    } });
    assert.equal(put.statusCode, 201, put.body);
    await app.inject({ method: 'POST', url: '/testdata/api/v1/persons', payload: { pid: '01818520030', name: 'Anne Annen' } });
    const token = await mint(app);
    const ownParty = attribute('urn:altinn:person:identifier-no', PID);
    const [own] = await decide(app, token, request(person(), 'read', ownParty, 'samsvar-privat'));
    assert.equal(own?.decision, 'Permit');
    const [other] = await decide(app, token, request(person('01818520030'), 'read', ownParty, 'samsvar-privat'));
    assert.equal(other?.decision, 'NotApplicable');
    const [org] = await decide(app, token, request(person(), 'read', orgParty(), 'samsvar-privat'));
    assert.equal(org?.decision, 'NotApplicable');
  });
});
