// Unit tests of the fault catalogue (faults.ts, `--fault`): an unknown fault name is refused at start
// (by buildApp and by main.ts), and each fault changes what the reference does over HTTP: one probe per
// fault, run once on a conforming app (the conforming answer) and once on an app with only that fault
// (the non-conforming answer). The world is built through the test data API, the ID-porten stand-in,
// the Maskinporten token endpoint and the vendor API, as the suite builds it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { buildApp } from '../src/app.ts';
import { FAULT_NAMES, UnknownFaultError, type FaultName } from '../src/faults.ts';

const PUBLIC_URL = 'http://127.0.0.1:1';
const API = '/authentication/api/v1';
const PKG = (code: string) => `urn:altinn:accesspackage:${code}`;
const ORG = (orgNo: string) => `urn:altinn:organization:identifier-no:${orgNo}`;
const ISO = 'iso6523-actorid-upis';

// Synthetic org numbers (mod 11, starting with 3) and Tenor national identity numbers.
const VENDOR = '310000019';
const COMPANY = '310000027';
const SERVICE_OWNER = '310000051';
const ACCOUNTANT = '311000012';
const CLIENT = '311000020'; // ACCOUNTANT holds REGN in it
const DAGL = '01818510078'; // daglig leder of COMPANY
const ACC_DAGL = '01818520030'; // daglig leder of ACCOUNTANT

const SYSTEM_ID = `${VENDOR}_fakta`;
const MVA = 'samsvar-mva-rapportering';
const DIALOG_RESOURCE = 'samsvar-dp-melding';
const BROKER_RESOURCE = 'samsvar-formidling';
const CLIENT_SCOPES = ['samsvar:mva.write', 'digdir:dialogporten', 'altinn:broker.write altinn:broker.read'];

interface World {
  app: FastifyInstance;
  clientId: string;
  key: CryptoKey;
  kid: string;
  party: Record<string, { partyId: number; partyUuid: string }>;
  /** A token minted by the test data API with the Maskinporten stand-in's key. */
  mint(claims: Record<string, unknown>, times?: { iat: number; exp: number }): Promise<string>;
  /** A plain Maskinporten token for `org`. */
  mp(scope: string, org?: string): Promise<string>;
  login(pid: string, scope?: string): Promise<string>;
}

async function ok(res: LightMyRequestResponse, what: string): Promise<LightMyRequestResponse> {
  assert.ok(res.statusCode < 300, `${what}: ${res.statusCode} ${res.body}`);
  return res;
}

/** A reference app with these faults, and the world every probe starts from. */
async function world(faults: FaultName[] = []): Promise<World> {
  const app = await buildApp({ publicUrl: PUBLIC_URL, logger: false, ...(faults.length > 0 ? { faults: new Set(faults) } : {}) });
  await app.ready();
  const td = (method: 'POST' | 'PUT', url: string, payload: unknown) =>
    app.inject({ method, url: `/testdata/api/v1${url}`, payload: payload as object }).then((r) => ok(r, `test data ${url}`));
  const party: World['party'] = {};
  for (const [orgNo, name, orgForm] of [[VENDOR, 'Leverandør AS', 'AS'], [COMPANY, 'Kunde AS', 'AS'], [SERVICE_OWNER, 'Etat', 'ORGL'],
    [ACCOUNTANT, 'Regnskap AS', 'AS'], [CLIENT, 'Klient AS', 'AS']] as const) {
    party[orgNo] = (await td('POST', '/organisations', { orgNo, name, orgForm })).json();
  }
  await td('POST', '/persons', { pid: DAGL, name: 'Dagny Leder' });
  await td('POST', '/persons', { pid: ACC_DAGL, name: 'Anne Regnskap' });
  await td('POST', '/roles', { orgNo: COMPANY, role: 'DAGL', holder: { pid: DAGL } });
  await td('POST', '/roles', { orgNo: ACCOUNTANT, role: 'DAGL', holder: { pid: ACC_DAGL } });
  await td('POST', '/roles', { orgNo: CLIENT, role: 'REGN', holder: { orgNo: ACCOUNTANT } });
  for (const [identifier, resourceType] of [[MVA, 'GenericAccessResource'], [DIALOG_RESOURCE, 'GenericAccessResource'], [BROKER_RESOURCE, 'BrokerService']] as const) {
    await td('PUT', `/resources/${identifier}`, {
      title: { nb: identifier }, resourceType, hasCompetentAuthority: { organization: SERVICE_OWNER, orgcode: 'ETAT' },
      policy: { rules: [{ subjects: [PKG('merverdiavgift'), PKG('regnskapsforer-med-signeringsrettighet')], actions: ['read', 'write'] }] },
    });
  }
  // The vendor's Maskinporten client, with a key of its own.
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const client = await td('POST', '/maskinporten/clients', {
    orgNo: VENDOR, scopes: CLIENT_SCOPES.flatMap((s) => s.split(' ')), jwks: { keys: [{ ...(await exportJWK(publicKey)), kid }] },
  });
  const clientId = (client.json() as { clientId: string }).clientId;
  const mint: World['mint'] = async (claims, times) =>
    ((await td('POST', '/maskinporten/tokens', { claims, ...(times ?? {}) })).json() as { access_token: string }).access_token;
  const w: World = {
    app, clientId, key: privateKey, kid, party, mint,
    mp: (scope, org = VENDOR) => mint({ scope, client_id: clientId, consumer: { authority: ISO, ID: `0192:${org}` } }),
    async login(pid, scope) {
      const res = await ok(await app.inject({ method: 'POST', url: '/idporten/api/v1/testlogin', payload: scope ? { pid, scope } : { pid } }), 'login');
      return (res.json() as { access_token: string }).access_token;
    },
  };
  // The vendor's system: a package for a company's own system user, and one for an accountant's clients.
  await ok(await auth(w, 'POST', '/systemregister/vendor', await w.mp('altinn:authentication/systemregister.write'), systemBody(SYSTEM_ID, [clientId])), 'register system');
  return w;
}

function systemBody(id: string, clientId: string[], allowedRedirectUrls: string[] = []): Record<string, unknown> {
  return {
    id, vendor: { authority: ISO, ID: `0192:${VENDOR}` }, name: { nb: 'Fakta', nn: 'Fakta', en: 'Fakta' }, description: { nb: 'x', nn: 'x', en: 'x' },
    rights: [], accessPackages: [{ urn: PKG('merverdiavgift') }, { urn: PKG('regnskapsforer-med-signeringsrettighet') }],
    clientId, allowedRedirectUrls, isVisible: false,
  };
}

function auth(w: World, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return w.app.inject({ method, url: `${API}${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/**
 * A change request on the company's standard system user (merverdiavgift) that removes merverdiavgift,
 * answered by its daglig leder; returns how many packages the system user then holds.
 */
async function changedPackages(w: World, reply: 'approve' | 'reject'): Promise<number> {
  const systemUserId = await standardSystemUser(w);
  const id = randomUUID();
  await ok(await auth(w, 'POST', `/systemuser/changerequest/vendor?correlation-id=${id}&system-user-id=${systemUserId}`,
    await w.mp('altinn:authentication/systemuser.request.write'), { unwantedAccessPackages: [{ urn: PKG('merverdiavgift') }] }), 'change request');
  const person = await w.login(DAGL);
  await ok(await auth(w, 'POST', `/systemuser/changerequest/${w.party[COMPANY]?.partyId}/${id}/${reply}`, person), reply);
  const read = await ok(await auth(w, 'GET', `/systemuser/${w.party[COMPANY]?.partyId}/${systemUserId}`, person), 'system user');
  return ((read.json() as { accessPackages?: unknown[] }).accessPackages ?? []).length;
}

/** A standard system user for COMPANY with merverdiavgift, approved by its daglig leder. Returns its id. */
async function standardSystemUser(w: World): Promise<string> {
  const created = await ok(await auth(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'), {
    systemId: SYSTEM_ID, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
  }), 'request');
  const id = (created.json() as { id: string }).id;
  await ok(await auth(w, 'POST', `/systemuser/request/${w.party[COMPANY]?.partyId}/${id}/approve`, await w.login(DAGL)), 'approve');
  return id;
}

/** An agent system user for ACCOUNTANT with CLIENT added as its client. Returns its id. */
async function agentWithClient(w: World): Promise<string> {
  const created = await ok(await auth(w, 'POST', '/systemuser/request/vendor/agent', await w.mp('altinn:authentication/systemuser.request.write'), {
    systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }],
  }), 'agent request');
  const id = (created.json() as { id: string }).id;
  await ok(await auth(w, 'POST', `/systemuser/request/agent/${w.party[ACCOUNTANT]?.partyId}/${id}/approve`, await w.login(ACC_DAGL)), 'approve agent');
  await ok(await clients(w, 'POST', id), 'add client');
  return id;
}

async function clients(w: World, method: 'POST' | 'DELETE', agent: string): Promise<LightMyRequestResponse> {
  const token = await w.login(ACC_DAGL, 'altinn:clientdelegations.read altinn:clientdelegations.write');
  return auth(w, method, `/enduser/systemuser/clients?agent=${agent}&client=${w.party[CLIENT]?.partyUuid}`, token);
}

/** A JWT grant from the vendor's client (docs/contracts/altinn-authentication.md §6.1). */
function grant(w: World, authorizationDetails?: unknown[]): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: 'samsvar:mva.write', jti: randomUUID(), ...(authorizationDetails ? { authorization_details: authorizationDetails } : {}) })
    .setProtectedHeader({ alg: 'RS256', kid: w.kid })
    .setIssuer(w.clientId)
    .setAudience(`${PUBLIC_URL}/maskinporten/`)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(w.key);
}

function token(w: World, assertion: string): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method: 'POST', url: '/maskinporten/token', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
  });
}

/** The claims of a system user token for `systemUserId` owned by COMPANY. */
function systemUserClaims(w: World, systemUserId: string, scope: string): Record<string, unknown> {
  return {
    scope, client_id: w.clientId, consumer: { authority: ISO, ID: `0192:${VENDOR}` },
    authorization_details: [{ type: 'urn:altinn:systemuser', systemuser_id: [systemUserId], systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` }, system_id: SYSTEM_ID }],
  };
}

function submitVat(w: World, bearer: string): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method: 'POST', url: '/mva/api/v1/vat-reports', headers: { authorization: `Bearer ${bearer}` },
    payload: { partyOrgNo: COMPANY, year: 2026, term: 2, lines: [{ code: '3', basis: 1000, vat: 250 }] },
  });
}

/** The PDP's decision on write to the MVA resource for the system user and party, as a service owner asks it. */
async function decision(w: World, systemUserId: string, partyOrgNo: string): Promise<string> {
  const attr = (AttributeId: string, Value: string) => ({ AttributeId, Value });
  const res = await w.app.inject({
    method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${await w.mp('altinn:authorization/authorize', SERVICE_OWNER)}` },
    payload: { Request: {
      AccessSubject: [{ Attribute: [attr('urn:altinn:systemuser:uuid', systemUserId)] }],
      Action: [{ Attribute: [attr('urn:oasis:names:tc:xacml:1.0:action:action-id', 'write')] }],
      Resource: [{ Attribute: [attr('urn:altinn:resource', MVA), attr('urn:altinn:organization:identifier-no', partyOrgNo)] }],
    } },
  });
  assert.equal(res.statusCode, 200, res.body);
  return String((res.json() as { response: Array<{ decision: string }> }).response[0]?.decision);
}

const text = (value: string) => ({ value: [{ value, languageCode: 'nb' }], mediaType: 'text/plain' });

async function createDialog(w: World): Promise<void> {
  const res = await w.app.inject({
    method: 'POST', url: '/dialogporten/api/v1/serviceowner/dialogs',
    headers: { authorization: `Bearer ${await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER)}` },
    payload: { serviceResource: `urn:altinn:resource:${DIALOG_RESOURCE}`, party: ORG(COMPANY), status: 'New', content: { title: text('Melding'), summary: text('Om MVA') } },
  });
  assert.equal(res.statusCode, 201, res.body);
}

async function searchDialogs(w: World, systemUserId: string): Promise<Array<Record<string, unknown>>> {
  const res = await w.app.inject({
    method: 'GET', url: `/dialogporten/api/v1/enduser/dialogs?party=${ORG(COMPANY)}`,
    headers: { authorization: `Bearer ${await w.mint(systemUserClaims(w, systemUserId, 'digdir:dialogporten'))}` },
  });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { items: Array<Record<string, unknown>> }).items;
}

/** A grant from the vendor's client with its claims changed by `change`, signed with the client's key (or as `sign` says). */
async function craftedGrant(
  w: World,
  change: (claims: Record<string, unknown>) => void = () => {},
  sign?: (claims: Record<string, unknown>) => Promise<string>,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: w.clientId, aud: `${PUBLIC_URL}/maskinporten/`, iat: now, exp: now + 60, jti: randomUUID(), scope: 'samsvar:mva.write',
  };
  change(claims);
  return sign ? sign(claims) : new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: w.kid }).sign(w.key);
}

/** The status of a token request with a crafted grant. */
async function grantStatus(w: World, change?: (claims: Record<string, unknown>) => void, sign?: (claims: Record<string, unknown>) => Promise<string>): Promise<number> {
  return (await token(w, await craftedGrant(w, change, sign))).statusCode;
}

/** The status of GET vendor system in the system register with this token (a platform API). */
async function systemRegisterStatus(w: World, bearer: string): Promise<number> {
  return (await auth(w, 'GET', `/systemregister/vendor/${SYSTEM_ID}`, bearer)).statusCode;
}

const secondsNow = () => Math.floor(Date.now() / 1000);

// ---- One probe per fault: what a conforming reference answers, and what the fault makes it answer -----

interface Probe {
  conforming: unknown;
  faulty: unknown;
  run(w: World): Promise<unknown>;
}

const PROBES: Record<FaultName, Probe> = {
  'maskinporten-godta-alg-none': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, undefined, async (c) => new UnsecuredJWT(c).encode()),
  },
  'maskinporten-hs256-offentlig-nokkel': {
    conforming: 400, faulty: 200,
    async run(w) {
      const jwk = await exportJWK(w.key);
      const pem = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      return grantStatus(w, undefined, (c) => new SignJWT(c).setProtectedHeader({ alg: 'HS256', kid: w.kid }).sign(new TextEncoder().encode(pem)));
    },
  },
  'maskinporten-ukjent-kid-godtas': {
    conforming: 400, faulty: 200,
    async run(w) {
      const { privateKey } = await generateKeyPair('RS256');
      return grantStatus(w, undefined, (c) => new SignJWT(c).setProtectedHeader({ alg: 'RS256', kid: 'ukjent' }).sign(privateKey));
    },
  },
  'maskinporten-ignorer-exp': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, (c) => { c.iat = secondsNow() - 5; c.exp = secondsNow() - 1; }),
  },
  'maskinporten-ignorer-iat': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, (c) => { c.iat = secondsNow() - 30; c.exp = secondsNow() + 60; }),
  },
  'maskinporten-ignorer-levetid': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, (c) => { c.exp = (c.iat as number) + 300; }),
  },
  'maskinporten-ignorer-aud': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, (c) => { c.aud = 'https://feil-maskinporten.samsvar.invalid/'; }),
  },
  'maskinporten-ignorer-scope': {
    conforming: [400, 400], faulty: [200, 200],
    async run(w) {
      return [await grantStatus(w, (c) => { delete c.scope; }), await grantStatus(w, (c) => { c.scope = 'samsvar:ikke-registrert'; })];
    },
  },
  'maskinporten-godta-flere-parter': {
    conforming: 400, faulty: 200,
    async run(w) {
      await standardSystemUser(w);
      const detail = { type: 'urn:altinn:systemuser', systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` } };
      return grantStatus(w, (c) => { c.authorization_details = [detail, detail]; });
    },
  },
  'maskinporten-ignorer-ukjente-felt': {
    conforming: 400, faulty: 200,
    async run(w) {
      await standardSystemUser(w);
      return grantStatus(w, (c) => { c.authorization_details = [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` }, ukjent_felt: 'x' }]; });
    },
  },
  'maskinporten-ignorer-type': {
    conforming: 400, faulty: 200,
    async run(w) {
      await standardSystemUser(w);
      return grantStatus(w, (c) => { c.authorization_details = [{ type: 'urn:altinn:ukjent', systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` } }]; });
    },
  },
  'plattform-godta-usignert': {
    conforming: 401, faulty: 200,
    async run(w) {
      const claims = { scope: 'altinn:authentication/systemregister.write', client_id: w.clientId, consumer: { authority: ISO, ID: `0192:${VENDOR}` } };
      return systemRegisterStatus(w, new UnsecuredJWT(claims).setIssuer(`${PUBLIC_URL}/maskinporten/`).setIssuedAt().setExpirationTime('120s').encode());
    },
  },
  'plattform-godta-innebygd-nokkel': {
    conforming: 401, faulty: 200,
    async run(w) {
      const { privateKey, publicKey } = await generateKeyPair('RS256');
      const claims = { scope: 'altinn:authentication/systemregister.write', client_id: w.clientId, consumer: { authority: ISO, ID: `0192:${VENDOR}` } };
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(publicKey) })
        .setIssuer('https://fremmed-utsteder.samsvar.invalid/').setIssuedAt().setExpirationTime('120s').sign(privateKey);
      return systemRegisterStatus(w, forged);
    },
  },
  'plattform-godta-utlopt': {
    conforming: 401, faulty: 200,
    async run(w) {
      const claims = { scope: 'altinn:authentication/systemregister.write', client_id: w.clientId, consumer: { authority: ISO, ID: `0192:${VENDOR}` } };
      return systemRegisterStatus(w, await w.mint(claims, { iat: secondsNow() - 600, exp: secondsNow() - 480 }));
    },
  },
  'plattform-ignorer-scope': {
    conforming: 403, faulty: 200,
    async run(w) {
      return systemRegisterStatus(w, await w.mp('altinn:authentication/systemuser.request.read'));
    },
  },
  'register-viser-fodselsnummer': {
    // The accountant's daglig leder (unrelated) reads the company's daglig leder's party: 403, or the ssn.
    conforming: 403, faulty: 200,
    async run(w) {
      const person = await ok(await w.app.inject({ method: 'POST', url: '/testdata/api/v1/persons', payload: { pid: '01818510159', name: 'Per Person' } }), 'person');
      const { partyUuid } = person.json() as { partyUuid: string };
      const res = await w.app.inject({ method: 'GET', url: `/register/api/v1/parties/byuuid/${partyUuid}`, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } });
      assert.equal(res.statusCode === 200, res.body.includes('01818510159'));
      return res.statusCode;
    },
  },
  'maskinporten-ignorer-jti': {
    // The same grant twice: the second is a replay (400 invalid_grant MP-012).
    conforming: 400, faulty: 200,
    async run(w) {
      const assertion = await grant(w);
      assert.equal((await token(w, assertion)).statusCode, 200);
      return (await token(w, assertion)).statusCode;
    },
  },
  'maskinporten-godta-klient-org': {
    // A system user token asked for with the client's org number, not the owner's (400 MP-303).
    conforming: 400, faulty: 200,
    async run(w) {
      await agentWithClient(w);
      return (await token(w, await grant(w, [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: ISO, ID: `0192:${CLIENT}` } }]))).statusCode;
    },
  },
  'mva-godta-utlopt': {
    // An expired token (otherwise valid) for a system user without rights: 401 before the PDP, else 403 MVA-00003.
    conforming: 401, faulty: 403,
    async run(w) {
      const now = Math.floor(Date.now() / 1000);
      return (await submitVat(w, await w.mint(systemUserClaims(w, randomUUID(), 'samsvar:mva.write'), { iat: now - 600, exp: now - 480 }))).statusCode;
    },
  },
  'mva-godta-fremmed-signatur': {
    // Maskinporten's issuer, signed with another key: 401, else on to the PDP (403 MVA-00003).
    conforming: 401, faulty: 403,
    async run(w) {
      const { privateKey } = await generateKeyPair('RS256');
      const now = Math.floor(Date.now() / 1000);
      const forged = await new SignJWT(systemUserClaims(w, randomUUID(), 'samsvar:mva.write'))
        .setProtectedHeader({ alg: 'RS256', kid: 'annen-nokkel' })
        .setIssuer(`${PUBLIC_URL}/maskinporten/`).setIssuedAt(now).setExpirationTime(now + 120).sign(privateKey);
      return (await submitVat(w, forged)).statusCode;
    },
  },
  'mva-401-uten-grunn': {
    // An expired token: the 401's WWW-Authenticate names the reason (error="invalid_token"), else not.
    conforming: 1, faulty: 0,
    async run(w) {
      const now = Math.floor(Date.now() / 1000);
      const res = await submitVat(w, await w.mint(systemUserClaims(w, randomUUID(), 'samsvar:mva.write'), { iat: now - 600, exp: now - 480 }));
      assert.equal(res.statusCode, 401, res.body);
      return /error="invalid_token"/.test(String(res.headers['www-authenticate'] ?? '')) ? 1 : 0;
    },
  },
  'mva-hopper-over-pdp': {
    // A valid token for a system user without any rights: 403 MVA-00003, else the report is taken (201).
    conforming: 403, faulty: 201,
    async run(w) {
      return (await submitVat(w, await w.mint(systemUserClaims(w, randomUUID(), 'samsvar:mva.write')))).statusCode;
    },
  },
  'pdp-alltid-permit': {
    conforming: 'NotApplicable', faulty: 'Permit',
    async run(w) {
      return decision(w, randomUUID(), COMPANY);
    },
  },
  'klient-lagt-til-uten-videredelegering': {
    // Right after the client is added the agent system user has access for it.
    conforming: 'Permit', faulty: 'NotApplicable',
    async run(w) {
      return decision(w, await agentWithClient(w), CLIENT);
    },
  },
  'klient-fjerning-beholder-tilgang': {
    // After the client is removed the agent system user has no access for it.
    conforming: 'NotApplicable', faulty: 'Permit',
    async run(w) {
      const agent = await agentWithClient(w);
      assert.equal(await decision(w, agent, CLIENT), 'Permit');
      await ok(await clients(w, 'DELETE', agent), 'remove client');
      return decision(w, agent, CLIENT);
    },
  },
  'mine-klienter-viser-fjernede': {
    // The clients the BFF shows on the agent system user after the client is removed: none.
    conforming: 0, faulty: 1,
    async run(w) {
      const agent = await agentWithClient(w);
      await ok(await clients(w, 'DELETE', agent), 'remove client');
      const url = `/amui/accessmanagement/api/v1/clientdelegations/agents/accesspackages?party=${w.party[ACCOUNTANT]?.partyUuid}&to=${agent}`;
      const res = await ok(await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } }), 'agent clients');
      return (res.json() as unknown[]).length;
    },
  },
  'mine-klienter-gir-personen-agentens': {
    // The accountant's daglig leder's own clients from the accountant, with a client on its agent system user: none.
    conforming: 0, faulty: 1,
    async run(w) {
      await agentWithClient(w);
      const url = `/accessmanagement/api/v1/enduser/clientdelegations/my/clients?provider=${w.party[ACCOUNTANT]?.partyUuid}`;
      const res = await ok(await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } }), 'my clients');
      return (res.json() as { data: Array<{ clients: unknown[] }> }).data.flatMap((m) => m.clients).length;
    },
  },
  'agenter-feil-retning': {
    // The accountant's agents in the BFF after the first client on its agent system user: one.
    conforming: 1, faulty: 0,
    async run(w) {
      await agentWithClient(w);
      const url = `/amui/accessmanagement/api/v1/clientdelegations/agents?party=${w.party[ACCOUNTANT]?.partyUuid}`;
      const res = await ok(await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } }), 'agents');
      return (res.json() as unknown[]).length;
    },
  },
  'klientadministrasjon-uten-partssjekk': {
    // Another company's daglig leder reads the accountant's agents in the BFF: 403.
    conforming: 403, faulty: 200,
    async run(w) {
      const url = `/amui/accessmanagement/api/v1/clientdelegations/agents?party=${w.party[ACCOUNTANT]?.partyUuid}`;
      return (await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(DAGL)}` } })).statusCode;
    },
  },
  'rettighetshavere-feil-retning': {
    // The client's right holders (from = the client) as the BFF lists them, read by the accountant's daglig leder on the accountant: its DAGL (1).
    conforming: 1, faulty: 0,
    async run(w) {
      const party = w.party[ACCOUNTANT]?.partyUuid;
      const url = `/amui/accessmanagement/api/v1/connection/rightholders?party=${party}&from=${party}`;
      const res = await ok(await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } }), 'rightholders');
      return (res.json() as Array<{ roles: Array<{ code: string }> }>).filter((c) => c.roles.some((r) => r.code === 'daglig-leder')).length;
    },
  },
  'delegeringssjekk-sier-ja-til-alt': {
    // The BFF's delegation check for the accountant's daglig leder: regnskapsforer-med-signeringsrettighet is not assignable (0).
    conforming: 0, faulty: 1,
    async run(w) {
      const url = `/amui/accessmanagement/api/v1/accesspackage/delegationcheck?party=${w.party[ACCOUNTANT]?.partyUuid}`;
      const res = await ok(await w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await w.login(ACC_DAGL)}` } }), 'delegationcheck');
      const checks = res.json() as Array<{ package: { urn: string }; result: boolean }>;
      return Number(checks.find((c) => c.package.urn === PKG('regnskapsforer-med-signeringsrettighet'))?.result);
    },
  },
  'avvist-gir-systembruker': {
    // The company's system users after it rejected the request: none.
    conforming: 0, faulty: 1,
    async run(w) {
      const created = await ok(await auth(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'), {
        systemId: SYSTEM_ID, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
      }), 'request');
      const person = await w.login(DAGL);
      const rejected = await auth(w, 'POST', `/systemuser/request/${w.party[COMPANY]?.partyId}/${(created.json() as { id: string }).id}/reject`, person);
      assert.equal(rejected.statusCode, 200, rejected.body);
      const listed = await ok(await auth(w, 'GET', `/systemuser/${w.party[COMPANY]?.partyId}`, person), 'list system users');
      return (listed.json() as unknown[]).length;
    },
  },
  'godkjent-uten-tilgangspakker': {
    // The company's system user as its daglig leder reads it after approving: one package (merverdiavgift).
    conforming: 1, faulty: 0,
    async run(w) {
      const id = await standardSystemUser(w);
      const read = await ok(await auth(w, 'GET', `/systemuser/${w.party[COMPANY]?.partyId}/${id}`, await w.login(DAGL)), 'read system user');
      return ((read.json() as { accessPackages?: unknown[] }).accessPackages ?? []).length;
    },
  },
  'klientforesporsel-avvist-uten-grunn': {
    // An agent request with a right: 400 with STD.VLD-00003 at /body/rights, else a bare 400 naming nothing.
    conforming: 1, faulty: 0,
    async run(w) {
      const res = await auth(w, 'POST', '/systemuser/request/vendor/agent', await w.mp('altinn:authentication/systemuser.request.write'), {
        systemId: SYSTEM_ID, partyOrgNo: ACCOUNTANT, accessPackages: [{ urn: PKG('regnskapsforer-med-signeringsrettighet') }],
        rights: [{ resource: [{ id: 'urn:altinn:resource', value: MVA }] }],
      });
      assert.equal(res.statusCode, 400, res.body);
      const errors = ((res.json() as { validationErrors?: Array<{ code: string; paths?: string[] }> }).validationErrors ?? []);
      return errors.filter((e) => e.code === 'STD.VLD-00003' && (e.paths ?? []).includes('/body/rights')).length;
    },
  },
  'endring-godkjent-uten-tilgang': {
    // The system user's packages after an approved change request removing merverdiavgift: none.
    conforming: 0, faulty: 1,
    async run(w) {
      return changedPackages(w, 'approve');
    },
  },
  'endring-avvist-gir-tilgang': {
    // The system user's packages after a rejected change request removing merverdiavgift: still one.
    conforming: 1, faulty: 0,
    async run(w) {
      return changedPackages(w, 'reject');
    },
  },
  'tilgangspakkekatalog-uten-beskrivelse': {
    // merverdiavgift looked up by URN: 1 when it has a name and a description, else 0.
    conforming: 1, faulty: 0,
    async run(w) {
      const res = await w.app.inject({ method: 'GET', url: `/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${encodeURIComponent(PKG('merverdiavgift'))}` });
      const info = res.json() as { name?: string; description?: string };
      return info.name && info.description ? 1 : 0;
    },
  },
  'systemregister-godta-http-redirect': {
    // A redirect URL with plain http: 400 AUTH.VLD-00005.
    conforming: 400, faulty: 200,
    async run(w) {
      return (await auth(w, 'POST', '/systemregister/vendor', await w.mp('altinn:authentication/systemregister.write'),
        systemBody(`${VENDOR}_http`, [randomUUID()], ['http://leverandor.example/ferdig']))).statusCode;
    },
  },
  'redirect-url-ikke-https-lagres': {
    // A system registered with an https redirect URL: the update to http and a request for the http URL are refused.
    conforming: { update: 400, request: 400 }, faulty: { update: 200, request: 201 },
    async run(w) {
      const id = `${VENDOR}_omdirigering`;
      const srWrite = await w.mp('altinn:authentication/systemregister.write');
      await ok(await auth(w, 'POST', '/systemregister/vendor', srWrite, systemBody(id, [randomUUID()], ['https://leverandor.example/ferdig'])), 'register');
      const request = await auth(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'), {
        systemId: id, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }], redirectUrl: 'http://leverandor.example/ferdig',
      });
      const update = await auth(w, 'PUT', `/systemregister/vendor/${id}`, srWrite, systemBody(id, [randomUUID()], ['javascript:alert(document.domain)//']));
      return { update: update.statusCode, request: request.statusCode };
    },
  },
  'portal-utlogging-beholder-sesjon': {
    // Daglig leder logs in to the portal and out again; the old session cookie, sent again, opens the portal as them or not.
    conforming: false, faulty: true,
    async run(w) {
      const jar = new Map<string, string>();
      const send = async (method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> => {
        const headers: Record<string, string> = { accept: 'text/html', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
        if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
        const res = await w.app.inject({ method, url, headers, ...(form ? { payload: new URLSearchParams(form).toString() } : {}) });
        for (const c of res.cookies as Array<{ name: string; value: string }>) jar.set(c.name, c.value);
        return res;
      };
      const csrf = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
      const form = await send('GET', '/portal/login');
      await send('POST', '/portal/login', { _csrf: csrf(form.body), pid: DAGL, returnTo: '/portal' });
      const session = jar.get('samsvar_portal_session');
      const start = await send('GET', '/portal');
      await send('POST', '/portal/logout', { _csrf: csrf(start.body) });
      jar.set('samsvar_portal_session', session ?? '');
      return (await send('GET', '/portal')).body.includes('Du er logget inn');
    },
  },
  'dialogporten-viser-alle-parter': {
    // A system user without any rights searches the company's dialogs: it finds none.
    conforming: 0, faulty: 1,
    async run(w) {
      await createDialog(w);
      return (await searchDialogs(w, randomUUID())).length;
    },
  },
  'dialogporten-hopper-over-pdp': {
    // The company's system user (merverdiavgift, which the message service's policy names) finds the
    // company's dialog either way; only a conforming Dialogporten asked the PDP, as the decision log shows.
    conforming: { found: 1, askedPdp: true }, faulty: { found: 1, askedPdp: false },
    async run(w) {
      const systemUserId = await standardSystemUser(w);
      await createDialog(w);
      const found = (await searchDialogs(w, systemUserId)).length;
      const log = (await w.app.inject({ url: `/testdata/api/v1/decisions?systemUserId=${systemUserId}&resource=${DIALOG_RESOURCE}` })).json() as Array<{ pep: Record<string, string> }>;
      return { found, askedPdp: log.some((d) => d.pep.service === 'dialogporten') };
    },
  },
  'dialogporten-feil-feltnavn': {
    // The member names of a dialog the company's system user finds: `party`, as the official schema names it.
    conforming: ['party'], faulty: ['partyId'],
    async run(w) {
      const systemUserId = await standardSystemUser(w);
      await createDialog(w);
      const [item] = await searchDialogs(w, systemUserId);
      return Object.keys(item ?? {}).filter((k) => k.startsWith('party'));
    },
  },
  'dialogporten-streng-innlesing': {
    // A dialog sent with Altinn's own casing (content.Title, status notApplicable): 201, else 400.
    conforming: 201, faulty: 400,
    async run(w) {
      return (await w.app.inject({
        method: 'POST', url: '/dialogporten/api/v1/serviceowner/dialogs',
        headers: { authorization: `Bearer ${await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER)}` },
        payload: { serviceResource: `urn:altinn:resource:${DIALOG_RESOURCE}`, party: ORG(COMPANY), status: 'notApplicable', content: { Title: text('Melding') } },
      })).statusCode;
    },
  },
  'dialogporten-tjenesteeier-ser-andres': {
    // Another service owner searches the company's dialogs: it finds none.
    conforming: 0, faulty: 1,
    async run(w) {
      await createDialog(w);
      const res = await w.app.inject({
        url: `/dialogporten/api/v1/serviceowner/dialogs?party=${ORG(COMPANY)}`,
        headers: { authorization: `Bearer ${await w.mp('digdir:dialogporten.serviceprovider', VENDOR)}` },
      });
      return (res.json() as { items: unknown[] }).items.length;
    },
  },
  'dialogporten-aktivitet-uten-eierkontroll': {
    // Another service owner adds an activity to the company's dialog: 404, else 201.
    conforming: 404, faulty: 201,
    async run(w) {
      const so = `Bearer ${await w.mp('digdir:dialogporten.serviceprovider', SERVICE_OWNER)}`;
      const created = await w.app.inject({
        method: 'POST', url: '/dialogporten/api/v1/serviceowner/dialogs', headers: { authorization: so },
        payload: { serviceResource: `urn:altinn:resource:${DIALOG_RESOURCE}`, party: ORG(COMPANY), content: { title: text('Melding') } },
      });
      return (await w.app.inject({
        method: 'POST', url: `/dialogporten/api/v1/serviceowner/dialogs/${created.json() as string}/activities`,
        headers: { authorization: `Bearer ${await w.mp('digdir:dialogporten.serviceprovider', VENDOR)}` },
        payload: { type: 'DialogOpened', performedBy: { actorType: 'ServiceOwner' } },
      })).statusCode;
    },
  },
  'pdp-kjenner-ikke-priv': {
    // A person asks about their own party on a resource whose policy names the PRIV role: Permit.
    conforming: 'Permit', faulty: 'NotApplicable',
    async run(w) {
      await ok(await w.app.inject({ method: 'PUT', url: '/testdata/api/v1/resources/samsvar-privat', payload: {
        title: { nb: 'Privat' }, resourceType: 'GenericAccessResource', hasCompetentAuthority: { organization: SERVICE_OWNER, orgcode: 'ETAT' },
        policy: { rules: [{ subjects: ['urn:altinn:rolecode:priv'], actions: ['read'] }] },
      } }), 'PRIV resource');
      const res = await w.app.inject({
        method: 'POST', url: '/authorization/api/v1/authorize',
        headers: { authorization: `Bearer ${await w.mp('altinn:authorization/authorize', SERVICE_OWNER)}` },
        payload: { Request: {
          AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:person:identifier-no', Value: DAGL }] }],
          Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
          Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: 'samsvar-privat' }, { AttributeId: 'urn:altinn:person:identifier-no', Value: DAGL }] }],
        } },
      });
      return (res.json() as { response: Array<{ decision: string }> }).response[0]?.decision;
    },
  },
  'pdp-ignorer-scope-for-person': {
    // A person's Altinn token without altinn:authorization/authorize: 403, else 200.
    conforming: 403, faulty: 200,
    async run(w) {
      const exchanged = await w.app.inject({ url: '/authentication/api/v1/exchange/id-porten', headers: { authorization: `Bearer ${await w.login(DAGL)}` } });
      const token = exchanged.body.replace(/^"|"$/g, '');
      return (await w.app.inject({
        method: 'POST', url: '/authorization/api/v1/authorize', headers: { authorization: `Bearer ${token}` },
        payload: { Request: {
          AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:person:identifier-no', Value: DAGL }] }],
          Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
          Resource: [{ Attribute: [{ AttributeId: 'urn:altinn:resource', Value: MVA }, { AttributeId: 'urn:altinn:organization:identifier-no', Value: COMPANY }] }],
        } },
      })).statusCode;
    },
  },
  'broker-ignorer-md5': {
    // An upload whose content does not match the checksum given at initialize: 400 BRO-00009.
    conforming: 400, faulty: 200,
    async run(w) {
      const systemUserId = await standardSystemUser(w);
      const bearer = `Bearer ${await w.mint(systemUserClaims(w, systemUserId, 'altinn:broker.write altinn:broker.read'))}`;
      const init = await w.app.inject({
        method: 'POST', url: '/broker/api/v1/filetransfer', headers: { authorization: bearer },
        payload: {
          resourceId: BROKER_RESOURCE, fileName: 'rapport.xml', sendersFileTransferReference: 'ref-1', sender: `0192:${COMPANY}`,
          recipients: [`0192:${SERVICE_OWNER}`], propertyList: {}, checksum: createHash('md5').update('det som skulle sendes').digest('hex'),
        },
      });
      assert.equal(init.statusCode, 200, init.body);
      const id = (init.json() as { fileTransferId: string }).fileTransferId;
      return (await w.app.inject({
        method: 'POST', url: `/broker/api/v1/filetransfer/${id}/upload`,
        headers: { authorization: bearer, 'content-type': 'application/octet-stream' }, payload: Buffer.from('noe helt annet'),
      })).statusCode;
    },
  },
  'broker-hopper-over-pdp': {
    // A valid token for a system user without any rights initialises a transfer: 401 BRO-00006, else 200.
    conforming: 401, faulty: 200,
    async run(w) {
      const bearer = `Bearer ${await w.mint(systemUserClaims(w, randomUUID(), 'altinn:broker.write'))}`;
      return (await w.app.inject({
        method: 'POST', url: '/broker/api/v1/filetransfer', headers: { authorization: bearer },
        payload: {
          resourceId: BROKER_RESOURCE, fileName: 'rapport.xml', sendersFileTransferReference: 'ref-1', sender: `0192:${COMPANY}`,
          recipients: [`0192:${SERVICE_OWNER}`], propertyList: {}, checksum: createHash('md5').update('innhold').digest('hex'),
        },
      })).statusCode;
    },
  },
  // ---- Issue 15 ----
  'maskinporten-ignorer-nbf': {
    conforming: 400, faulty: 200,
    run: (w) => grantStatus(w, (c) => { c.nbf = (c.iat as number) + 60; c.exp = (c.iat as number) + 100; }),
  },
  // ---- Issue 20 ----
  'systembrukerliste-mangler-nyeste': {
    // The vendor's list of system users on its system after one approval: one member.
    conforming: 1, faulty: 0,
    async run(w) {
      await standardSystemUser(w);
      const listed = await ok(await auth(w, 'GET', `/systemuser/vendor/bysystem/${SYSTEM_ID}`, await w.mp('altinn:authentication/systemregister.write')), 'list by system');
      return (listed.json() as { data: unknown[] }).data.length;
    },
  },
  'klientliste-neste-lenke-i-ring': {
    // The agent's client list after one client is added: one page, no links.next.
    conforming: null, faulty: 'link',
    async run(w) {
      const agent = await agentWithClient(w);
      const token = await w.login(ACC_DAGL, 'altinn:clientdelegations.read altinn:clientdelegations.write');
      const listed = await ok(await auth(w, 'GET', `/enduser/systemuser/clients?agent=${agent}`, token), 'clients');
      const next = (listed.json() as { links: { next: string | null } }).links.next;
      return next === null ? null : 'link';
    },
  },
  'maskinporten-feil-expires-in': {
    // A plain token: expires_in against the token's own exp - iat.
    conforming: true, faulty: false,
    async run(w) {
      const res = await ok(await token(w, await grant(w)), 'token');
      const body = res.json() as { access_token: string; expires_in: number };
      const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1] ?? '', 'base64url').toString()) as { iat: number; exp: number };
      return body.expires_in === claims.exp - claims.iat;
    },
  },
  'confirmurl-feil-foresporsel': {
    // The new request's confirmUrl names it by its id.
    conforming: true, faulty: false,
    async run(w) {
      const created = await ok(await auth(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'), {
        systemId: SYSTEM_ID, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
      }), 'request');
      const { id, confirmUrl } = created.json() as { id: string; confirmUrl: string };
      return new URL(confirmUrl).searchParams.get('id') === id;
    },
  },
  'slett-systembruker-beholder-token': {
    // A system user token asked for after the company deleted its system user: 400 MP-303.
    conforming: 400, faulty: 200,
    async run(w) {
      const id = await standardSystemUser(w);
      await ok(await auth(w, 'DELETE', `/systemuser/${w.party[COMPANY]?.partyId}/${id}`, await w.login(DAGL)), 'delete system user');
      return (await token(w, await grant(w, [{ type: 'urn:altinn:systemuser', systemuser_org: { authority: ISO, ID: `0192:${COMPANY}` } }]))).statusCode;
    },
  },
  'klientsystembruker-med-klienter-svarer-slettet': {
    // Deleting an agent system user that still has a client deletes it with its clients: a second delete
    // finds nothing (404 AUTH-00015); with the fault the first one deleted nothing, and the second answers 200 again.
    conforming: 404, faulty: 200,
    async run(w) {
      const id = await agentWithClient(w);
      const del = async () => auth(w, 'DELETE', `/systemuser/agent/${w.party[ACCOUNTANT]?.partyId}/${id}`, await w.login(ACC_DAGL));
      await ok(await del(), 'first delete');
      return (await del()).statusCode;
    },
  },
  'ny-foresporsel-for-eksisterende-systembruker': {
    // The same request again after it was approved: 400 AUTH-00004 (with the fault: the accepted request, 200).
    conforming: 400, faulty: 200,
    async run(w) {
      await standardSystemUser(w);
      return (await auth(w, 'POST', '/systemuser/request/vendor', await w.mp('altinn:authentication/systemuser.request.write'), {
        systemId: SYSTEM_ID, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
      })).statusCode;
    },
  },
  'standard-sletting-godtar-klientsystembruker': {
    // An agent system user deleted on the standard route: 400 AUTH-00036.
    conforming: 400, faulty: 202,
    async run(w) {
      const id = await agentWithClient(w);
      return (await auth(w, 'DELETE', `/systemuser/${w.party[ACCOUNTANT]?.partyId}/${id}`, await w.login(ACC_DAGL))).statusCode;
    },
  },
  'slettet-foresporsel-finnes-fortsatt': {
    // The vendor reads its request after deleting it: 404 AUTH-00010.
    conforming: 404, faulty: 200,
    async run(w) {
      const vendor = await w.mp('altinn:authentication/systemuser.request.write');
      const created = await ok(await auth(w, 'POST', '/systemuser/request/vendor', vendor, {
        systemId: SYSTEM_ID, partyOrgNo: COMPANY, accessPackages: [{ urn: PKG('merverdiavgift') }],
      }), 'request');
      const id = (created.json() as { id: string }).id;
      await ok(await auth(w, 'DELETE', `/systemuser/request/vendor/${id}`, vendor), 'delete request');
      return (await auth(w, 'GET', `/systemuser/request/vendor/${id}`, await w.mp('altinn:authentication/systemuser.request.read'))).statusCode;
    },
  },
};

// ---------------------------------------------------------------------------------------------------
describe('unknown faults are refused at start', () => {
  test('buildApp refuses a name outside the catalogue and lists the known ones', async () => {
    await assert.rejects(buildApp({ publicUrl: PUBLIC_URL, logger: false, faults: new Set(['pdp-alltid-permit', 'finnes-ikke']) }), (error: unknown) => {
      assert.ok(error instanceof UnknownFaultError);
      assert.deepEqual(error.unknown, ['finnes-ikke']);
      for (const name of FAULT_NAMES) assert.ok(error.message.includes(name), `the message lists ${name}`);
      return true;
    });
  });

  test('the server (main.ts) exits with 2 and the list, without listening', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, '--port', '0', '--fault', 'finnes-ikke'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /Unknown fault \(--fault\): finnes-ikke\. Known faults:/);
    assert.ok(r.stderr.includes('pdp-alltid-permit'));
    assert.doesNotMatch(r.stdout, /SAMSVAR_REFERENCE_URL=/);
  });

  test('every fault in the catalogue has a probe below', () => {
    assert.deepEqual(Object.keys(PROBES).sort(), [...FAULT_NAMES].sort());
  });
});

describe('each fault changes behaviour; without it the reference conforms', () => {
  for (const name of FAULT_NAMES) {
    const probe = PROBES[name];
    test(name, async () => {
      const conforming = await world();
      try {
        assert.deepEqual(await probe.run(conforming), probe.conforming, 'without faults');
      } finally {
        await conforming.app.close();
      }
      const faulty = await world([name]);
      try {
        assert.deepEqual(await probe.run(faulty), probe.faulty, `with ${name}`);
      } finally {
        await faulty.app.close();
      }
    });
  }
});
