// Property-based fuzzing of every reference route (issue 7 part 2). For each entry of app.routeTable,
// fast-check generates requests from the route's own JSON Schema (params, querystring, body), mixed
// with malformed and boundary variants: missing required members, unknown members, wrong types, huge
// strings, unicode, negative and huge numbers, deep nesting, malformed JSON, wrong content types, bad
// path params and query values, and bearer tokens that are missing, broken, expired, valid, or valid
// with claims of the wrong shape. The world holds real systems, requests, system users, a client, a
// dialog, a VAT report and a file transfer, and generated strings draw on their ids by member name, so
// inputs reach past the 404s into the handlers' checks.
//
// Property, per request: never a 5xx, never a crash (uncaught exception or unhandled rejection), every
// 4xx has a problem/OAuth/plain-text body (an HTML page for the browser-facing portal), no refusal is
// larger than MAX_ERROR_BODY or twice the request, and every answer comes within REQUEST_BUDGET_MS. The test
// prints, per route, how many inputs it tried and the statuses seen.
//
// Each route first gets a fixed set of boundary examples (every raw body and content type, every odd
// path parameter and raw query, with the credentials the route accepts), then generated inputs.
// Deterministic: a fixed seed (printed), one derived seed per route. Override with
//   SAMSVAR_FUZZ_SEED=<int>   another seed
//   SAMSVAR_FUZZ_RUNS=<int>   generated inputs per route (default DEFAULT_RUNS; the token endpoint gets
//                             twice that), on top of the boundary examples

import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { CompactSign, exportJWK } from 'jose';
import { buildApp, type RouteEntry } from '../src/app.ts';

const SEED = Number.parseInt(process.env.SAMSVAR_FUZZ_SEED ?? '', 10) || 20_250_607;
const DEFAULT_RUNS = 110;
const RUNS = Number.parseInt(process.env.SAMSVAR_FUZZ_RUNS ?? '', 10) || DEFAULT_RUNS;
const REQUEST_BUDGET_MS = 2_000;
/** The largest refusal accepted whatever was sent (200 validation errors fit well within it). */
const MAX_ERROR_BODY = 64 * 1024;
const PUBLIC_URL = 'http://127.0.0.1:1';

// ---- The world: synthetic parties (mod 11 org numbers starting with 3, Tenor pid) ------------------

const VENDOR = '310000019';
const COMPANY = '310000027'; // the customer, and an accountant of CLIENT
const CLIENT = '310000035'; // COMPANY holds REGN here
const AUTHORITY = '310000051'; // service owner of the resources
const PID = '01818510078'; // daglig leder of COMPANY
const SYSTEM_ID = `${VENDOR}_fuzz`;
const CLIENT_ID = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const FUZZ_MP_CLIENT = 'samsvar-fuzz-client';
const MVA_RESOURCE = 'samsvar-mva-rapportering';
const BROKER_RESOURCE = 'samsvar-fuzz-formidling';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const RIGHT = (resource: string) => ({ resource: [{ id: 'urn:altinn:resource', value: resource }] });
const ORG_URN = (orgNo: string) => `urn:altinn:organization:identifier-no:${orgNo}`;
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ISO = 'iso6523-actorid-upis';

const MACHINE_SCOPES = [
  'altinn:authentication/systemregister.write', 'altinn:authentication/systemregister.admin',
  'altinn:authentication/systemuser.request.write', 'altinn:authentication/systemuser.request.read',
  'altinn:maskinporten/systemuser.read', 'altinn:authorization/authorize', 'altinn:authorization/authorize.admin',
  'samsvar:mva.write', 'samsvar:mva.read', 'altinn:broker.write', 'altinn:broker.read',
  'digdir:dialogporten', 'digdir:dialogporten.serviceprovider', 'digdir:dialogporten.noconsent',
].join(' ');
const PERSON_SCOPES = 'altinn:portal/enduser altinn:clientdelegations.read altinn:clientdelegations.write';

type Headers = Record<string, string>;

interface World {
  app: FastifyInstance;
  /** Interesting strings by (lower-case) member or parameter name. */
  hints: Map<string, string[]>;
  /** Every interesting string, for any member. */
  dictionary: string[];
  /** Header sets for the API routes: no token, broken tokens, valid tokens of each kind, odd claims. */
  apiAuth: Headers[];
  /** Header sets for the portal: no cookie, the CSRF cookie only, a logged-in session (both with the CSRF cookie). */
  portalAuth: Headers[];
  /** The valid credentials, one of each kind: the boundary examples use the first a route lets through. */
  privileged: Headers[];
  csrf: string;
  /** The private key of the Maskinporten client registered for the token endpoint fuzz. */
  clientKey: { privateKey: import('node:crypto').KeyObject; kid: string };
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  assert.ok(res.statusCode < 300, `set-up ${what}: ${res.statusCode} ${res.body}`);
  return res;
}

async function buildWorld(): Promise<World> {
  const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false });
  await app.ready();
  const td = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object }).then((r) => ok(r, url));
  const parties: Record<string, { partyId: number; partyUuid: string }> = {};
  for (const [orgNo, name, orgForm] of [[VENDOR, 'Leverandør AS', 'AS'], [COMPANY, 'Kunde Regnskap AS', 'AS'], [CLIENT, 'Klient AS', 'AS'], [AUTHORITY, 'Etat', 'ORGL']] as const) {
    parties[orgNo] = (await td('POST', '/organisations', { orgNo, name, orgForm })).json();
  }
  const person = (await td('POST', '/persons', { pid: PID, name: 'Dagny Leder' })).json() as { partyId: number; partyUuid: string };
  await td('POST', '/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: PID } });
  await td('POST', '/roles', { orgNo: CLIENT, role: 'REGN', holder: { orgNo: COMPANY } });
  const policy = { rules: [{ subjects: ['merverdiavgift', 'tinglysing-eiendom', 'regnskapsforer-med-signeringsrettighet'].map(PKG), actions: ['read', 'write'] }] };
  for (const [identifier, resourceType] of [[MVA_RESOURCE, 'GenericAccessResource'], [BROKER_RESOURCE, 'BrokerService']] as const) {
    await td('PUT', `/resources/${identifier}`, { title: { nb: identifier }, resourceType, hasCompetentAuthority: { organization: AUTHORITY, orgcode: 'ETAT' }, policy });
  }
  const mint = async (claims: Record<string, unknown>, times: { iat?: number; exp?: number } = {}) =>
    ((await td('POST', '/maskinporten/tokens', { claims, ...times })).json() as { access_token: string }).access_token;
  const mp = (org: string, scope = MACHINE_SCOPES, extra: Record<string, unknown> = {}) =>
    mint({ scope, client_id: CLIENT_ID, consumer: { authority: ISO, ID: `0192:${org}` }, ...extra });
  const vendor = await mp(VENDOR);
  const auth = (method: 'POST' | 'GET', url: string, token: string, payload?: unknown) =>
    app.inject({ method, url: `/authentication/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload: payload as object } : {}) });

  // The vendor's system, a standard and an agent system user for COMPANY, a request left pending, a client.
  await ok(await auth('POST', '/systemregister/vendor', vendor, {
    id: SYSTEM_ID, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'Fuzz', nn: 'Fuzz', en: 'Fuzz' },
    description: { nb: 'x', nn: 'x', en: 'x' }, rights: [RIGHT(MVA_RESOURCE), RIGHT(BROKER_RESOURCE)],
    accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskapsforer-med-signeringsrettighet') }],
    clientId: [CLIENT_ID, FUZZ_MP_CLIENT], allowedRedirectUrls: ['https://vendor.example/back'], isVisible: false,
  }), 'register system');
  const personToken = ((await ok(await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: { pid: PID, scope: PERSON_SCOPES } }), 'login')).json() as { access_token: string }).access_token;
  const companyParty = parties[COMPANY]!.partyId;
  const standard = (await ok(await auth('POST', '/systemuser/request/vendor', vendor, {
    systemId: SYSTEM_ID, partyOrgNo: COMPANY, rights: [RIGHT(MVA_RESOURCE), RIGHT(BROKER_RESOURCE)], accessPackages: [{ urn: PKG('merverdiavgift') }],
  }), 'standard request')).json() as { id: string };
  await ok(await auth('POST', `/systemuser/request/${companyParty}/${standard.id}/approve`, personToken), 'approve standard');
  const agent = (await ok(await auth('POST', '/systemuser/request/vendor/agent', vendor, {
    systemId: SYSTEM_ID, partyOrgNo: COMPANY, externalRef: 'agent', accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }],
  }), 'agent request')).json() as { id: string };
  await ok(await auth('POST', `/systemuser/request/agent/${companyParty}/${agent.id}/approve`, personToken), 'approve agent');
  await ok(await app.inject({
    method: 'POST', url: `/authentication/api/v1/enduser/systemuser/clients?agent=${agent.id}&client=${parties[CLIENT]!.partyUuid}`,
    headers: { authorization: `Bearer ${personToken}` },
  }), 'add client');
  const pending = (await ok(await auth('POST', '/systemuser/request/vendor', vendor, {
    systemId: SYSTEM_ID, partyOrgNo: COMPANY, externalRef: 'pending', accessPackages: [{ urn: PKG('merverdiavgift') }],
    redirectUrl: 'https://vendor.example/back',
  }), 'pending request')).json() as { id: string };

  const systemUserClaims = (id: string) => ({
    authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [id], systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` }, system_id: SYSTEM_ID }],
  });
  const systemUser = await mp(VENDOR, MACHINE_SCOPES, systemUserClaims(standard.id));
  const agentUser = await mp(VENDOR, MACHINE_SCOPES, systemUserClaims(agent.id));
  const authority = await mp(AUTHORITY);

  // One of each thing the other components keep: a VAT report, a dialog, a published file transfer.
  const receipt = (await ok(await app.inject({
    method: 'POST', url: '/mva/api/v1/vat-reports', headers: { authorization: `Bearer ${systemUser}` },
    payload: { partyOrgNo: COMPANY, year: 2025, term: 1, lines: [{ code: '3', basis: 100000, vat: 25000 }] },
  }), 'vat report')).json() as { receiptId: string };
  const text = (value: string) => ({ value: [{ value, languageCode: 'nb' }], mediaType: 'text/plain' });
  const dialogId = (await ok(await app.inject({
    method: 'POST', url: '/dialogporten/api/v1/serviceowner/dialogs', headers: { authorization: `Bearer ${authority}` },
    payload: {
      serviceResource: `urn:altinn:resource:${MVA_RESOURCE}`, party: ORG_URN(COMPANY), status: 'New',
      content: { title: text('Melding'), summary: text('Sammendrag') },
      transmissions: [{ type: 'Information', sender: { actorType: 'ServiceOwner' }, content: { title: text('Vedtak') } }],
    },
  }), 'dialog')).json() as string;
  const transfer = (await ok(await app.inject({
    method: 'POST', url: '/broker/api/v1/filetransfer', headers: { authorization: `Bearer ${systemUser}` },
    payload: { resourceId: BROKER_RESOURCE, fileName: 'a.txt', sender: `0192:${COMPANY}`, recipients: [`0192:${AUTHORITY}`] },
  }), 'file transfer')).json() as { fileTransferId: string };
  await ok(await app.inject({
    method: 'POST', url: `/broker/api/v1/filetransfer/${transfer.fileTransferId}/upload`,
    headers: { authorization: `Bearer ${systemUser}`, 'content-type': 'application/octet-stream' }, payload: Buffer.from('hei'),
  }), 'upload');

  // A Maskinporten client with a key the fuzz holds, so signed grants reach the claim checks.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'fuzz-key-1';
  await td('POST', '/maskinporten/clients', {
    clientId: FUZZ_MP_CLIENT, orgNo: VENDOR, scopes: MACHINE_SCOPES.split(' '),
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] },
  });

  // Tokens the reference itself signed, with claims of the wrong shape (the handlers read claims).
  const oddClaims: Array<Record<string, unknown>> = [
    { scope: 42 }, { scope: MACHINE_SCOPES, consumer: 'x' }, { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: 310000019 } },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: '0192:31000001' } }, { scope: MACHINE_SCOPES, consumer: null },
    { scope: MACHINE_SCOPES, consumer: [1, 2] },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: 'x' },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: { type: 'urn:altinn:systemuser', systemuser_id: standard.id } },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: [null, 1, { type: 'urn:altinn:systemuser', systemuser_id: [7], systemuser_org: 'x' }] },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [randomUUID()], systemuser_org: { ID: `0192:${COMPANY}` } }] },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [''], systemuser_org: { ID: 5 } }] },
    { scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` }, authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: ['not-a-guid'], systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` } }] },
    { scope: ['a'], pid: 5 },
  ];
  const odd = await Promise.all(oddClaims.map((claims) => mint(claims)));
  const now = Math.floor(Date.now() / 1000);
  const expired = await mint({ scope: MACHINE_SCOPES, consumer: { authority: ISO, ID: `0192:${VENDOR}` } }, { iat: now - 3600, exp: now - 1800 });
  const noScope = await mint({ consumer: { authority: ISO, ID: `0192:${VENDOR}` } });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const apiAuth: Headers[] = [
    {}, { authorization: 'Bearer' }, { authorization: 'Bearer not.a.jwt' }, { authorization: 'Basic dXNlcjpwYXNz' },
    { authorization: `Bearer ${vendor.slice(0, -4)}AAAA` }, { authorization: `bearer  ${vendor}` },
    bearer(vendor), bearer(vendor), bearer(systemUser), bearer(systemUser), bearer(agentUser), bearer(authority), bearer(authority),
    bearer(personToken), bearer(personToken), bearer(expired), bearer(noScope), ...odd.map(bearer),
  ];

  // The portal: the CSRF cookie and token from the login page, then a logged-in session.
  const loginPage = await ok(await app.inject({ method: 'GET', url: '/portal/login' }), 'portal login page');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(loginPage.body)?.[1];
  assert.ok(csrf, 'no CSRF token on the login page');
  const cookiesOf = (res: LightMyRequestResponse) => (res.cookies as Array<{ name: string; value: string }>).map((c) => `${c.name}=${c.value}`);
  const csrfCookie = cookiesOf(loginPage).join('; ');
  const login = await app.inject({
    method: 'POST', url: '/portal/login', headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, pid: PID }).toString(),
  });
  assert.equal(login.statusCode, 303, login.body);
  const sessionCookie = [csrfCookie, ...cookiesOf(login)].join('; ');
  const session = { cookie: sessionCookie };
  const portalAuth: Headers[] = [{}, { cookie: csrfCookie }, session, session, session, session, { cookie: 'samsvar_portal_session=forged.value; samsvar_portal_csrf=x' }];

  const p = (orgNo: string) => parties[orgNo]!;
  const orgNos = [VENDOR, COMPANY, CLIENT, AUTHORITY];
  const partyIds = orgNos.map((o) => String(p(o).partyId)).concat(String(person.partyId));
  const partyUuids = orgNos.map((o) => p(o).partyUuid).concat(person.partyUuid);
  const requestIds = [standard.id, agent.id, pending.id];
  const resources = [MVA_RESOURCE, BROKER_RESOURCE, `urn:altinn:resource:${MVA_RESOURCE}`, `urn:altinn:resource:${BROKER_RESOURCE}`];
  const packages = ['merverdiavgift', 'regnskapsforer-med-signeringsrettighet', 'tinglysing-eiendom'];
  const hints = new Map<string, string[]>();
  const hint = (names: string[], values: string[]) => { for (const n of names) hints.set(n.toLowerCase(), [...(hints.get(n.toLowerCase()) ?? []), ...values]); };
  hint(['systemId', 'system-id', 'system_id'], [SYSTEM_ID]);
  hint(['partyOrgNo', 'orgNo', 'orgno', 'systemProviderOrgNo', 'systemUserOwnerOrgNo', 'organization'], orgNos);
  hint(['party'], [...partyIds, ...partyUuids, ORG_URN(COMPANY), COMPANY]);
  hint(['partyId'], partyIds);
  hint(['partyUuid', 'to', 'from', 'client', 'facilitatorId'], partyUuids);
  hint(['requestId', 'id'], requestIds);
  hint(['systemUserId', 'agent', 'systemuser_id'], [standard.id, agent.id]);
  hint(['clientId', 'client_id'], [CLIENT_ID, FUZZ_MP_CLIENT]);
  hint(['externalRef', 'external-ref'], ['pending', 'agent', COMPANY]);
  hint(['urn', 'package'], [...packages.map(PKG), ...packages]);
  hint(['resourceId', 'serviceResource', 'resource', 'identifier', 'value'], resources);
  hint(['receiptId'], [receipt.receiptId]);
  hint(['dialogId'], [dialogId]);
  hint(['fileTransferId'], [transfer.fileTransferId]);
  hint(['pid', 'personIdentifier'], [PID]);
  hint(['sender', 'recipients'], [`0192:${COMPANY}`, `0192:${AUTHORITY}`]);
  hint(['grant_type'], [JWT_BEARER]);
  hint(['_csrf'], [csrf]);
  hint(['redirectUrl'], ['https://vendor.example/back']);
  const dictionary = [...new Set([...hints.values()].flat())];
  const privileged = [bearer(vendor), bearer(systemUser), bearer(authority), bearer(personToken), bearer(agentUser), { cookie: sessionCookie }];
  return { app, hints, dictionary, apiAuth, portalAuth, privileged, csrf, clientKey: { privateKey, kid } };
}

// ---- Schema → arbitrary ----------------------------------------------------------------------------

type Schema = Record<string, unknown>;

const INT32 = 2 ** 31 - 1;

function integerArb(min: number, max: number): fc.Arbitrary<number> {
  if (min >= -INT32 && max <= INT32) return fc.integer({ min, max });
  return fc.oneof(
    fc.integer({ min: Math.max(min, -INT32), max: Math.min(max, INT32) }),
    fc.constantFrom(min, max),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(Math.trunc),
  );
}

function stringArb(world: World, schema: Schema, name: string | undefined): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : undefined;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength && (!pattern || pattern.test(s));
  let base: fc.Arbitrary<string>;
  if (pattern) base = fc.stringMatching(pattern).filter(fits);
  else if (schema.format === 'uuid') base = fc.uuid();
  else if (schema.format === 'date-time') base = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  else if (schema.format === 'uri') base = fc.webUrl().filter(fits);
  else {
    const size = { minLength, maxLength: Math.min(maxLength, Math.max(minLength, 24)) };
    base = fc.oneof(fc.string({ unit: 'grapheme-ascii', ...size }), fc.string({ unit: 'grapheme', ...size })).filter(fits);
  }
  const named = (name ? world.hints.get(name.toLowerCase()) ?? [] : []).filter(fits);
  const any = world.dictionary.filter(fits);
  const options: Array<fc.WeightedArbitrary<string>> = [{ arbitrary: base, weight: 3 }];
  if (named.length > 0) options.push({ arbitrary: fc.constantFrom(...named), weight: 4 });
  if (any.length > 0) options.push({ arbitrary: fc.constantFrom(...any), weight: 1 });
  return fc.oneof(...options);
}

function fromSchema(world: World, schema: unknown, name: string | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || typeof schema !== 'object' || depth > 12) return fc.jsonValue({ maxDepth: 2 });
  const s = schema as Schema;
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) {
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    return fc.oneof(...alternatives.map((alt) => fromSchema(world, { ...rest, ...(alt as Schema) }, name, depth + 1)));
  }
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((type) => fromSchema(world, { ...s, type }, name, depth)));
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'null': return fc.constant(null);
    case 'boolean': return fc.boolean();
    case 'integer': return integerArb(typeof s.minimum === 'number' ? s.minimum : -(2 ** 53 - 1), typeof s.maximum === 'number' ? s.maximum : 2 ** 53 - 1);
    case 'number': return fc.double({ noNaN: true, noDefaultInfinity: true, ...(typeof s.minimum === 'number' ? { min: s.minimum } : {}), ...(typeof s.maximum === 'number' ? { max: s.maximum } : {}) });
    case 'string': return stringArb(world, s, name);
    case 'array': {
      const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, 3));
      return fc.array(fromSchema(world, s.items, name, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) model[key] = fromSchema(world, sub, key, depth + 1);
      for (const key of required) model[key] ??= fromSchema(world, { type: 'string' }, key, depth + 1);
      if (Object.keys(model).length === 0) {
        const values = s.additionalProperties && typeof s.additionalProperties === 'object' ? fromSchema(world, s.additionalProperties, undefined, depth + 1) : fc.jsonValue({ maxDepth: 1 });
        return s.additionalProperties === false ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 8 }), values, { maxKeys: 3 });
      }
      return fc.record(model, { requiredKeys: required });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- Malformed and boundary values ------------------------------------------------------------------

const HUGE = 'x'.repeat(200_000);
const deepArray = (n: number) => { let v: unknown = []; for (let i = 0; i < n; i++) v = [v]; return v; };

/** Values of the wrong type or at the edges, put where a valid member was. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -1, -0, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324,
    '', ' ', '\u0000', '\ud800', '\u202e', '🙂'.repeat(40), 'ä'.repeat(300), 'Ω≈ç√∫', '../../etc/passwd', '%00', '%zz',
    '<script>alert(1)</script>', "' OR 1=1 --", '${jndi:x}', '__proto__', 'constructor', 'toString', 'null', 'undefined', 'NaN',
    '00000000-0000-0000-0000-000000000000', '-1', '1e9999', '0x10', '1'.repeat(400), [], {}, [[[]]], [null], { '': '' },
    JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } },
    HUGE, deepArray(300), '9'.repeat(30),
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

interface Mutation { kind: 'drop' | 'unknown' | 'replace' | 'nest'; at: number; key: string; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop', 'unknown', 'replace', 'replace', 'nest'),
  at: fc.nat(),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'id', 'Id', 'ID', 'extra', '')),
  value: weird,
});

/** Every object and array inside `value` (the root too), as containers a mutation can land in. */
function containers(value: unknown, out: Array<Record<string, unknown> | unknown[]> = []): Array<Record<string, unknown> | unknown[]> {
  if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(value: unknown, mutations: Mutation[]): unknown {
  let root: unknown = value === undefined ? {} : JSON.parse(JSON.stringify(value));
  for (const original of mutations) {
    // The weird values are shared constants: every mutation works on its own copy.
    const m = { ...original, value: JSON.parse(JSON.stringify(original.value) ?? 'null') as unknown };
    const all = containers(root);
    if (all.length === 0) { root = m.value; continue; }
    const target = all[m.at % all.length]!;
    const keys = Object.keys(target);
    const key = keys.length > 0 ? keys[m.at % keys.length]! : m.key;
    if (Array.isArray(target)) {
      if (m.kind === 'drop' && target.length > 0) target.splice(m.at % target.length, 1);
      else if (m.kind === 'unknown') target.push(m.value);
      else if (m.kind === 'nest' && target.length > 0) target[m.at % target.length] = [target[m.at % target.length]];
      else target[target.length > 0 ? m.at % target.length : 0] = m.value;
    } else if (m.kind === 'drop') {
      delete target[key];
    } else if (m.kind === 'unknown') {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.kind === 'nest') {
      target[key] = { [key]: target[key] };
    } else {
      target[key] = m.value;
    }
  }
  return root;
}

/** Bodies that are not JSON, or JSON no parser should choke on. */
const RAW_BODIES = [
  '', '{', '{"a":', '[', '}', 'null', 'true', '0', '-1', '"x"', '1e999', '{"a":1,"a":2}', '\u0000', '\ufeff{}', "{'a':1}",
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"a":"\\ud800"}', '{"a":"\\u0000"}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`, `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  JSON.stringify({ big: 'y'.repeat(1_200_000) }), `[${'1,'.repeat(100_000)}1]`,
  // Just under the 1 MiB body limit: half a million values of the wrong type, or of the wrong shape.
  `[${'1,'.repeat(500_000)}1]`, `[${'{},'.repeat(330_000)}{}]`, `{"a":[${'"x",'.repeat(240_000)}"x"]}`,
];
const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/octet-stream',
  'application/xml', 'application/problem+json', '*/*', 'text/html; charset=utf-8', 'application/json-patch+json',
];

// ---- Requests ---------------------------------------------------------------------------------------

interface FuzzRequest {
  method: string;
  url: string;
  headers: Headers;
  payload?: string | Buffer;
}

type BodyKind = 'json' | 'form' | 'octet' | 'multipart' | 'none';

function bodyKindOf(route: RouteEntry): BodyKind {
  if (route.method === 'GET' || route.method === 'DELETE') return 'none';
  if (route.url === '/broker/api/v1/filetransfer/:fileTransferId/upload') return 'octet';
  if (route.url === '/broker/api/v1/filetransfer/upload') return 'multipart';
  if (route.url.startsWith('/portal') || route.url === '/maskinporten/token') return 'form';
  return 'json';
}

function nativeContentType(kind: BodyKind): string {
  return { json: 'application/json', form: 'application/x-www-form-urlencoded', octet: 'application/octet-stream', multipart: 'multipart/form-data; boundary=fuzzboundary', none: 'application/json' }[kind];
}

function formOf(value: unknown): string {
  const params = new URLSearchParams();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === 'string' ? item : JSON.stringify(item) ?? '');
    }
  }
  return params.toString();
}

function multipartOf(boundary: string, parts: Array<{ name: string; value: string | Buffer; filename?: string }>, closed: boolean): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from('\r\n'));
  }
  if (closed) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const asciiHeader = fc.string({ unit: 'grapheme-ascii', maxLength: 40 });

/** Null most of the time, a value now and then. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: arb, weight: 1 });
}

/** The body variants of one route: schema-valid, mutated, raw malformed, wrong content type. */
function bodyArb(world: World, route: RouteEntry, authIsPortal: boolean): fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }> {
  const kind = bodyKindOf(route);
  if (kind === 'none') return fc.constant({});
  const schema = (route.schema?.body ?? undefined) as Schema | undefined;
  const valid = schema ? fromSchema(world, schema, undefined) : fc.jsonValue({ maxDepth: 3 });
  const mutated = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => mutate(v, ms));
  const value = fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: mutated, weight: 3 });
  const raw = fc.oneof(
    fc.constantFrom(...RAW_BODIES),
    fc.tuple(valid, fc.nat()).map(([v, n]) => { const t = JSON.stringify(v) ?? ''; return t.slice(0, n % (t.length + 1)); }),
    fc.string({ unit: 'binary', maxLength: 80 }),
  );
  const wrongType = fc.record({ contentType: fc.constantFrom(...CONTENT_TYPES), payload: fc.oneof(raw, value.map((v) => JSON.stringify(v) ?? '')) });
  let native: fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }>;
  if (kind === 'json') {
    native = value.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' }));
  } else if (kind === 'form') {
    const withCsrf = value.chain((v) => fc.constantFrom<unknown>(world.csrf, world.csrf, world.csrf, world.csrf, world.csrf, undefined, 'forged', '').map((token) => {
      if (!authIsPortal || token === undefined || !v || typeof v !== 'object' || Array.isArray(v)) return v;
      return { ...(v as object), _csrf: token };
    }));
    native = withCsrf.map((v) => ({ contentType: 'application/x-www-form-urlencoded', payload: formOf(v) }));
    if (route.url === '/maskinporten/token') native = fc.oneof({ arbitrary: native, weight: 1 }, { arbitrary: grantArb(world), weight: 4 });
  } else if (kind === 'octet') {
    native = fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ contentType: 'application/octet-stream', payload: Buffer.from(bytes) }));
  } else {
    native = multipartArb(world);
  }
  return fc.oneof({ arbitrary: native, weight: 6 }, { arbitrary: raw.map((payload) => ({ contentType: nativeContentType(kind), payload })), weight: 2 }, { arbitrary: wrongType, weight: 2 }, { arbitrary: fc.constant({}), weight: 1 });
}

/** multipart/form-data for POST /broker/api/v1/filetransfer/upload: metadata fields and a file part, some of it broken. */
function multipartArb(world: World): fc.Arbitrary<{ contentType?: string; payload?: string | Buffer }> {
  const fieldNames = ['Metadata.FileName', 'Metadata.ResourceId', 'Metadata.Recipients', 'Metadata.Recipients[0]', 'Metadata.Recipients[1]',
    'Metadata.Sender', 'Metadata.Checksum', 'Metadata.DisableVirusScan', 'Metadata.PropertyList[k]', 'Metadata.PropertyList[', 'Metadata.SendersFileTransferReference', 'metadata.filename', 'other'];
  const valueFor = (name: string) => stringArb(world, { type: 'string', maxLength: 60 }, name.replace(/^metadata\./i, '').replace(/\[.*$/, ''));
  const field = fc.constantFrom(...fieldNames).chain((name) => fc.oneof(valueFor(name), weird.map((w) => (typeof w === 'string' ? w : JSON.stringify(w) ?? ''))).map((value) => ({ name, value })));
  const file = fc.record({ name: fc.constantFrom('FileTransfer', 'filetransfer', 'file', 'FileTransfer'), filename: fc.constantFrom('a.txt', '', '../x', 'ø.bin'), value: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)) });
  return fc.record({
    fields: fc.array(field, { maxLength: 8 }),
    files: fc.array(file, { maxLength: 2 }),
    fileFirst: fc.boolean(),
    closed: fc.boolean(),
    boundaryHeader: fc.constantFrom('fuzzboundary', 'fuzzboundary', 'other', ''),
  }).map(({ fields, files, fileFirst, closed, boundaryHeader }) => {
    const parts = fileFirst ? [...files, ...fields] : [...fields, ...files];
    return { contentType: `multipart/form-data${boundaryHeader ? `; boundary=${boundaryHeader}` : ''}`, payload: multipartOf('fuzzboundary', parts, closed) };
  });
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? '').toString('base64url');

/**
 * Grants for POST /maskinporten/token: headers and claims from the valid to the absurd, either signed
 * with the registered client's key (so the claim checks run) or put together unsigned.
 */
function grantArb(world: World): fc.Arbitrary<{ contentType?: string; payload?: string | Buffer; sign?: { header: Record<string, unknown>; claims: unknown } }> {
  const now = Math.floor(Date.now() / 1000);
  const audience = [`${PUBLIC_URL}/maskinporten/`, `${PUBLIC_URL}/maskinporten/token`];
  /** Mostly the valid value, now and then a weird one: a grant is then often valid but for one claim. */
  const good = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: arb, weight: 6 }, { arbitrary: weird, weight: 1 });
  const systemUserIds = world.hints.get('systemuserid') ?? [];
  const header = fc.record({
    alg: fc.oneof(fc.constantFrom('RS256', 'RS256', 'none', 'HS256', 'ES256', 'PS256', 'rs256'), weird),
    kid: good(fc.constant(world.clientKey.kid)),
    typ: fc.constantFrom('JWT', 'at+jwt'),
    x5c: rarely(fc.oneof(fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), weird)),
  }).map(({ x5c, ...rest }) => (x5c === null ? rest : { ...rest, x5c }));
  const systemUserDetail = fc.record({
    type: good(fc.constant('urn:altinn:systemuser')),
    systemuser_org: good(fc.constant({ authority: ISO, ID: `0192:${COMPANY}` })),
    externalRef: good(fc.constantFrom('pending', 'agent', COMPANY)),
    systemuser_id: good(fc.oneof(fc.constantFrom(...systemUserIds.map((id) => [id])), fc.uuid().map((id) => [id]))),
    unknown: weird,
  }, { requiredKeys: ['type', 'systemuser_org'] });
  const claims = fc.record({
    iss: good(fc.constant(FUZZ_MP_CLIENT)),
    aud: good(fc.oneof(fc.constantFrom(...audience), fc.constant(audience.slice(0, 1)), fc.constant(audience))),
    iat: good(fc.oneof({ arbitrary: fc.integer({ min: now - 8, max: now + 8 }), weight: 4 }, fc.integer({ min: now - 30, max: now + 30 }))),
    exp: good(fc.oneof({ arbitrary: fc.constant(now + 100), weight: 4 }, fc.integer({ min: now - 200, max: now + 300 }))),
    jti: good(fc.uuid()),
    scope: good(fc.oneof(fc.constantFrom(...MACHINE_SCOPES.split(' ')), fc.constant(MACHINE_SCOPES))),
    resource: good(fc.constant('https://api.example')),
    authorization_details: good(fc.array(systemUserDetail, { minLength: 1, maxLength: 2 })),
    consumer_org: weird,
  }, { requiredKeys: ['iss', 'aud', 'iat', 'exp', 'jti', 'scope'] });
  const form = (assertion: unknown, grantType: unknown, resource: unknown) => formOf({
    ...(grantType !== undefined ? { grant_type: grantType } : {}), ...(assertion !== undefined ? { assertion } : {}), ...(resource !== undefined ? { resource } : {}),
  });
  const grantType = fc.oneof({ arbitrary: fc.constant(JWT_BEARER), weight: 12 }, weird, fc.constant(undefined));
  const resource = fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, fc.constantFrom('https://api.example', ''), fc.array(fc.string({ maxLength: 10 }), { maxLength: 25 }));
  const signed = fc.record({ header, claims, grantType, resource }).map(({ header: h, claims: c, grantType: g, resource: r }) => ({
    contentType: 'application/x-www-form-urlencoded', payload: form('__SIGN__', g, r), sign: { header: { ...h, alg: 'RS256' }, claims: c },
  }));
  const unsigned = fc.record({ header, claims, grantType, resource, signature: fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }).map((s) => b64(s))), parts: fc.constantFrom(3, 3, 2, 4) })
    .map(({ header: h, claims: c, grantType: g, resource: r, signature, parts }) => {
      const jwt = [b64(h), b64(c), signature, 'extra'].slice(0, parts).join('.');
      return { contentType: 'application/x-www-form-urlencoded', payload: form(jwt, g, r) };
    });
  return fc.oneof({ arbitrary: signed, weight: 4 }, { arbitrary: unsigned, weight: 1 });
}

/** A path parameter: from its schema, a known id, or something that is no id at all. */
function paramArb(world: World, route: RouteEntry, name: string): fc.Arbitrary<{ value: string; raw: boolean }> {
  const schema = ((route.schema?.params as Schema | undefined)?.properties as Record<string, unknown> | undefined)?.[name] ?? { type: 'string' };
  const fromIt = fromSchema(world, schema, name).map((v) => ({ value: String(v), raw: false }));
  const odd = fc.oneof(
    fc.constantFrom('0', '-1', '2147483648', '99999999999999999999', '1.5', '1e3', 'null', ' ', '..', '.', 'ä', '🙂', 'a'.repeat(2000),
      '00000000-0000-0000-0000-000000000000', 'urn:altinn:x', '%', '%zz').map((value) => ({ value, raw: false })),
    fc.constantFrom('%zz', '%E0%A4%A', '%00', '%2e%2e', '%2F', '%C0%AF', '..%2F..%2F').map((value) => ({ value, raw: true })),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map((value) => ({ value, raw: false })),
  );
  return fc.oneof({ arbitrary: fromIt, weight: 5 }, { arbitrary: odd, weight: 2 });
}

function queryArb(world: World, route: RouteEntry): fc.Arbitrary<string> {
  const schema = route.schema?.querystring as Schema | undefined;
  const valid = schema ? fromSchema(world, schema, undefined) : fc.constant({});
  const unknown = fc.dictionary(fc.constantFrom('party', 'agent', 'client', 'token', 'status', 'x', 'orgno', '', 'a[b]', 'constructor'), fc.oneof(fc.string({ maxLength: 12 }), fc.constant('%%%')), { maxKeys: 3 });
  const mutated = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([v, ms]) => mutate(v, ms));
  const object = fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: mutated, weight: 3 }, { arbitrary: fc.tuple(valid, unknown).map(([a, b]) => ({ ...(a as object), ...b })), weight: 1 });
  const encoded = object.map((v) => formOf(v));
  const raw = fc.constantFrom('%%%', 'a=%zz', '&&&=', '=', 'token=%E0%A4%A', 'party=1&party=2', `${'a=1&'.repeat(1000)}a=2`, '__proto__[x]=1', 'x'.repeat(5000));
  return fc.oneof({ arbitrary: encoded, weight: 8 }, { arbitrary: raw, weight: 1 }, { arbitrary: fc.constant(''), weight: 1 });
}

/** `privileged`: the credentials the route accepts; half the inputs carry them, the rest any from the pool. */
function requestArb(world: World, route: RouteEntry, privileged: Headers): fc.Arbitrary<FuzzRequest & { sign?: { header: Record<string, unknown>; claims: unknown } }> {
  const portal = route.url.startsWith('/portal');
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const params = names.length > 0 ? fc.tuple(...names.map((n) => paramArb(world, route, n))) : fc.constant([] as Array<{ value: string; raw: boolean }>);
  return fc.record({
    params,
    query: queryArb(world, route),
    auth: fc.oneof(fc.constant(privileged), fc.constantFrom(...(portal ? world.portalAuth : world.apiAuth))),
    body: bodyArb(world, route, portal),
    range: rarely(fc.oneof(fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=1-', 'bytes=2-1', 'bytes=99999999999999999999-', 'bytes=0-0,1-1', 'bytes=-0', 'items=0-1'), asciiHeader)),
    ifMatch: rarely(fc.oneof(fc.uuid(), asciiHeader)),
  }).map(({ params, query, auth, body, range, ifMatch }) => {
    let i = 0;
    const path = route.url.replace(/:([A-Za-z]+)/g, () => {
      const p = params[i++]!;
      return p.raw ? p.value : encodeURIComponent(p.value);
    });
    const headers: Headers = { ...auth };
    if (body.contentType !== undefined) headers['content-type'] = body.contentType;
    if (range !== null) headers.range = range;
    if (ifMatch !== null) headers['if-match'] = ifMatch;
    const sign = (body as { sign?: { header: Record<string, unknown>; claims: unknown } }).sign;
    return { method: route.method, url: query ? `${path}?${query}` : path, headers, ...(body.payload !== undefined ? { payload: body.payload } : {}), ...(sign ? { sign } : {}) };
  });
}

// ---- Boundary examples: every route gets each of these once, whatever the seed ----------------------

const ODD_PARAMS: Array<{ value: string; raw: boolean }> = [
  ...['0', '-1', '2147483648', '99999999999999999999', '1.5', 'null', ' ', '..', 'ä', '🙂', 'a'.repeat(2000), '00000000-0000-0000-0000-000000000000', '%']
    .map((value) => ({ value, raw: false })),
  ...['%zz', '%E0%A4%A', '%00', '%2e%2e', '%2F'].map((value) => ({ value, raw: true })),
];
const RAW_QUERIES = ['%%%', 'a=%zz', '&&&=', '=', 'token=%E0%A4%A', 'party=1&party=2', `${'a=1&'.repeat(1000)}a=2`, '__proto__[x]=1', 'constructor=x', 'x'.repeat(5000)];

/** The credentials this route lets through (the first that is neither 401 nor 403 on a bare call), else the first. */
async function privilegedFor(world: World, route: RouteEntry, url: string): Promise<Headers> {
  for (const auth of world.privileged) {
    if (route.url.startsWith('/portal') !== ('cookie' in auth)) continue;
    const res = await world.app.inject({ method: route.method as 'GET', url, headers: auth });
    if (res.statusCode !== 401 && res.statusCode !== 403) return auth;
  }
  return world.privileged[0]!;
}

/** Fixed malformed inputs for one route: each raw body, each content type, each odd path parameter, each raw query. */
function boundaryExamples(world: World, route: RouteEntry, auth: Headers): FuzzRequest[] {
  const fill = (p: { value: string; raw: boolean }) => route.url.replace(/:([A-Za-z]+)/g, () => (p.raw ? p.value : encodeURIComponent(p.value)));
  const known = route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(world.hints.get(name.toLowerCase())?.[0] ?? 'x'));
  const out: FuzzRequest[] = [];
  const kind = bodyKindOf(route);
  if (kind !== 'none') {
    const native = kind === 'json' ? 'application/json' : kind === 'form' ? 'application/x-www-form-urlencoded' : kind === 'octet' ? 'application/octet-stream' : 'multipart/form-data; boundary=fuzzboundary';
    for (const payload of RAW_BODIES) out.push({ method: route.method, url: known, headers: { ...auth, 'content-type': native }, payload });
    for (const contentType of CONTENT_TYPES) out.push({ method: route.method, url: known, headers: { ...auth, 'content-type': contentType }, payload: '{"a":1}' });
    out.push({ method: route.method, url: known, headers: { ...auth } });
  }
  if (route.url.includes(':')) for (const p of ODD_PARAMS) out.push({ method: route.method, url: fill(p), headers: { ...auth } });
  for (const query of RAW_QUERIES) out.push({ method: route.method, url: `${known}?${query}`, headers: { ...auth } });
  return out;
}

// ---- The property -----------------------------------------------------------------------------------

interface RouteStats { inputs: number; statuses: Map<number, number>; slowestMs: number; slowest?: string }

function describeRequest(r: FuzzRequest): string {
  const payload = r.payload === undefined ? '' : ` body=${JSON.stringify(String(r.payload).slice(0, 400))}`;
  return `${r.method} ${r.url.slice(0, 300)} headers=${JSON.stringify({ ...r.headers, ...(r.headers.authorization ? { authorization: r.headers.authorization.slice(0, 40) } : {}), ...(r.headers.cookie ? { cookie: r.headers.cookie.slice(0, 40) } : {}) })}${payload}`;
}

async function send(world: World, r: FuzzRequest & { sign?: { header: Record<string, unknown>; claims: unknown } }, stats: RouteStats): Promise<void> {
  let payload = r.payload;
  if (r.sign) {
    const jws = await new CompactSign(Buffer.from(JSON.stringify(r.sign.claims) ?? 'null'))
      .setProtectedHeader(r.sign.header as { alg: string })
      .sign(world.clientKey.privateKey);
    payload = String(payload).replace('__SIGN__', jws);
  }
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const res = await Promise.race([
    world.app.inject({ method: r.method as 'GET', url: r.url, headers: r.headers, ...(payload !== undefined ? { payload } : {}) }),
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_BUDGET_MS} ms: ${describeRequest(r)}`)), REQUEST_BUDGET_MS); }),
  ]).finally(() => clearTimeout(timer));
  const elapsed = performance.now() - started;
  stats.inputs++;
  stats.statuses.set(res.statusCode, (stats.statuses.get(res.statusCode) ?? 0) + 1);
  const where = describeRequest({ ...r, ...(payload !== undefined ? { payload } : {}) });
  if (elapsed > stats.slowestMs) {
    stats.slowestMs = elapsed;
    stats.slowest = where.slice(0, 160);
  }
  assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 500)}\n  for ${where}`);
  assert.ok(elapsed < REQUEST_BUDGET_MS, `answered after ${Math.round(elapsed)} ms: ${where}`);
  if (res.statusCode >= 400) {
    const type = String(res.headers['content-type'] ?? '');
    const allowed = r.url.startsWith('/portal') ? /^(application\/problem\+json|application\/json|text\/plain|text\/html)/ : /^(application\/problem\+json|application\/json|text\/plain)/;
    assert.match(type, allowed, `${res.statusCode} without a problem/OAuth/text body (${type}): ${where}`);
    assert.ok(res.body.length > 0, `${res.statusCode} with an empty body: ${where}`);
    // No amplification: a refusal is never much larger than what was sent (it may echo the URL; the error
    // handlers cap the validation errors they list, as ASP.NET does at 200).
    const sent = (payload === undefined ? 0 : Buffer.byteLength(payload)) + r.url.length;
    assert.ok(res.body.length <= Math.max(MAX_ERROR_BODY, 2 * sent), `${res.statusCode} of ${res.body.length} bytes for ${sent} bytes sent: ${where}`);
    if (/json/.test(type)) assert.doesNotThrow(() => JSON.parse(res.body), `${res.statusCode} with a body that is not JSON: ${where}`);
  }
}

/** Reads first, then writes, then deletes, so the world's entities live as long as possible. */
function routeOrder(routes: RouteEntry[]): RouteEntry[] {
  const rank = (m: string) => ({ GET: 0, POST: 1, PUT: 2, DELETE: 3 } as Record<string, number>)[m] ?? 4;
  return routes.map((route, i) => ({ route, i })).sort((a, b) => rank(a.route.method) - rank(b.route.method) || a.i - b.i).map((x) => x.route);
}

function routeSeed(route: RouteEntry): number {
  return (SEED ^ createHash('sha256').update(`${route.method} ${route.url}`).digest().readInt32BE(0)) | 0;
}

test('fuzzing every route from its JSON Schema: never a 5xx, a crash or a hang', { timeout: 300_000 }, async () => {
  const crashes: string[] = [];
  const onCrash = (error: unknown) => crashes.push(error instanceof Error ? error.stack ?? error.message : String(error));
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const started = performance.now();
  const world = await buildWorld();
  const routes = routeOrder(world.app.routeTable);
  assert.ok(routes.length >= 100, `expected the whole route table, saw ${routes.length} routes`);
  console.log(`fuzz: seed ${SEED} (SAMSVAR_FUZZ_SEED), ${RUNS} inputs per route (SAMSVAR_FUZZ_RUNS), ${routes.length} routes`);
  const table: Array<{ route: RouteEntry; stats: RouteStats }> = [];
  try {
    for (const route of routes) {
      const stats: RouteStats = { inputs: 0, statuses: new Map(), slowestMs: 0 };
      table.push({ route, stats });
      const probeUrl = route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => encodeURIComponent(world.hints.get(name.toLowerCase())?.[0] ?? 'x'));
      const privileged = await privilegedFor(world, route, probeUrl);
      const examples = boundaryExamples(world, route, privileged).map((r): [FuzzRequest] => [r]);
      // fast-check counts the examples among numRuns: the generated inputs come on top of them.
      const numRuns = examples.length + (route.url === '/maskinporten/token' ? RUNS * 2 : RUNS);
      await fc.assert(fc.asyncProperty(requestArb(world, route, privileged), (r) => send(world, r, stats)), { seed: routeSeed(route), numRuns, examples, endOnFailure: false, includeErrorInReport: true });
    }
    const health = await world.app.inject({ method: 'GET', url: '/health' });
    assert.equal(health.statusCode, 200, 'the app no longer answers after the fuzz');
  } finally {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    const total = table.reduce((n, { stats }) => n + stats.inputs, 0);
    const width = Math.max(...table.map(({ route }) => route.url.length));
    const lines = table.map(({ route, stats }) => {
      const statuses = [...stats.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(' ');
      return `${route.method.padEnd(6)} ${route.url.padEnd(width)} ${String(stats.inputs).padStart(5)}  ${String(Math.round(stats.slowestMs)).padStart(4)} ms  ${statuses}`;
    });
    console.log([`${'METHOD'.padEnd(6)} ${'PATH'.padEnd(width)} ${'INPUTS'.padStart(5)}  SLOWEST  STATUSES`, ...lines].join('\n'));
    const slowest = table.reduce((a, b) => (b.stats.slowestMs > a.stats.slowestMs ? b : a), table[0]!);
    console.log(`fuzz: slowest answer ${Math.round(slowest.stats.slowestMs)} ms: ${slowest.stats.slowest ?? ''}`);
    console.log(`fuzz: ${total} inputs over ${table.length} routes in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED})`);
    await world.app.close();
  }
  assert.deepEqual(crashes, [], 'uncaught exceptions or unhandled rejections during the fuzz');
});
