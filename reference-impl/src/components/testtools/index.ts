// Altinn Test Tools' token generator (prefix /testtools, TT02 look-alike only; docs/contracts/tt02.md §3):
// GET api/GetPersonalToken, api/GetEnterpriseToken, api/GetSystemUserToken behind HTTP Basic auth,
// the token as the plain response body, signed as an exchanged Altinn token is (issuer
// .../authentication/api/v1/openid/). Query parameters are checked as the generator checks them
// (400 with `{ "<param>": "<message>" }`). Stricter than the real generator, which signs for any
// 11-digit pid or any GUID: a pid or system user the seeded register does not hold is refused with
// the same 400 shape, so a suite that asks for a party its fixtures do not name learns it at once.

import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { AUTHENTICATE_METHOD_CLAIM } from '../../platform/tokens.ts';

const MANDATORY = 'Parameter must be supplied';
const INVALID = 'Parameter was supplied with an invalid value';
const REALM = 'Basic realm="AltinnTestTools - TokenGenerator"';
const SCOPES = /^[a-z0-9:/_\-,. ]+$/;
const GUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const UINT = /^[0-9]{1,10}$/;

type Query = Record<string, string | undefined>;

const queryParams = (names: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, { type: 'string', maxLength: 1000 }])),
  // The generator ignores parameters it does not know (dump, bulkCount, ...).
  additionalProperties: true,
});
const tokenResponse = { 200: { type: 'string' } } as const;

function orgNoObject(orgNo: string) {
  return { authority: 'iso6523-actorid-upis', ID: `0192:${orgNo}` };
}

function jti(): string {
  return randomBytes(32).toString('base64url').slice(0, 43);
}

/** Collects the generator's validation errors: `{ param: message }`. */
class Validator {
  readonly errors: Record<string, string> = {};
  constructor(private readonly query: Query) {}
  get(name: string, required: boolean, valid: (v: string) => boolean): string | undefined {
    const value = this.query[name];
    if (value === undefined || value === '') {
      if (required) this.errors[name] = MANDATORY;
      return undefined;
    }
    if (!valid(value)) {
      this.errors[name] = INVALID;
      return undefined;
    }
    return value;
  }
  fail(name: string): void {
    this.errors[name] = INVALID;
  }
  get failed(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

const isOrgNo = (v: string) => /^[0-9]{9}$/.test(v);
const isPid = (v: string) => /^[0-9]{11}$/.test(v);
const isScopes = (v: string) => v.length <= 500 && SCOPES.test(v);
const isEnv = (v: string) => v === 'tt02';
const isIdentifier = (v: string) => v.length <= 50 && /^[a-zA-Z0-9_-]+$/.test(v);
const scopeList = (v: string) => v.replace(/,/g, ' ').split(' ').filter(Boolean).join(' ');

export async function testToolsComponent(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  const { config, services, issuers } = opts;
  const credentials = config.tt02?.testTools;

  // HTTP Basic auth (AuthorizationBasic.cs): no or unparsable scheme 401 with the realm; bad base64 400; wrong user/password 401.
  app.addHook('onRequest', async function basicAuth(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization;
    const unauthorized = () => reply.code(401).header('www-authenticate', REALM).send();
    const parts = typeof header === 'string' ? header.split(' ') : [];
    if (parts.length < 2 || parts.slice(1).join(' ').trim() === '' || parts[0]!.toLowerCase() !== 'basic' || !credentials) return unauthorized();
    const raw = parts.slice(1).join(' ');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) return reply.code(400).send();
    const decoded = Buffer.from(raw, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return reply.code(400).send();
    const given = Buffer.from(decoded);
    const expected = Buffer.from(`${credentials.username}:${credentials.password}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return unauthorized();
    return undefined;
  });

  const send = (reply: FastifyReply, token: string) => reply.type('text/plain; charset=utf-8').send(token);

  app.get<{ Querystring: Query }>('/api/GetPersonalToken', {
    schema: { querystring: queryParams(['env', 'scopes', 'pid', 'userId', 'partyId', 'partyuuid', 'authLvl', 'consumerOrgNo', 'userName', 'ttl']), response: tokenResponse },
  }, async function getPersonalToken(request, reply) {
    const v = new Validator(request.query);
    v.get('env', true, isEnv);
    const scopes = v.get('scopes', false, isScopes) ?? 'altinn:enduser';
    const userId = v.get('userId', false, (x) => UINT.test(x));
    const partyId = v.get('partyId', false, (x) => UINT.test(x));
    const pid = v.get('pid', false, isPid);
    const authLvl = v.get('authLvl', false, (x) => ['1', '2', '3', '4'].includes(x)) ?? '3';
    const consumerOrgNo = v.get('consumerOrgNo', false, (x) => isOrgNo(x) || isPid(x));
    const partyUuid = v.get('partyuuid', false, (x) => GUID.test(x));
    const userName = v.get('userName', false, isIdentifier);
    const ttl = Number(v.get('ttl', false, (x) => UINT.test(x)) ?? 1800);
    // The seeded register must hold the person (the real generator would make up a random pid).
    if (!v.errors.pid && (pid === undefined || !services.register.person(pid))) v.fail('pid');
    if (v.failed) return reply.code(400).send(v.errors);
    const claims: Record<string, unknown> = {
      [AUTHENTICATE_METHOD_CLAIM]: 'NotDefined',
      'urn:altinn:authlevel': authLvl,
      client_amr: 'virksomhetssertifikat',
      pid,
      token_type: 'Bearer',
      client_id: randomUUID(),
      acr: authLvl === '4' ? 'idporten-loa-high' : authLvl === '3' ? 'idporten-loa-substantial' : 'idporten-loa-low',
      scope: scopeList(scopes),
      actual_iss: 'altinn-test-tools',
      nbf: Math.floor(Date.now() / 1000),
      jti: jti(),
    };
    if (consumerOrgNo) Object.assign(claims, { client_orgno: orgNoObject(consumerOrgNo), consumer: orgNoObject(consumerOrgNo) });
    if (userId && Number(userId) !== 0) Object.assign(claims, { nameid: Number(userId), 'urn:altinn:userid': Number(userId) });
    if (partyId && Number(partyId) !== 0) claims['urn:altinn:partyid'] = Number(partyId);
    if (userName) claims['urn:altinn:username'] = userName;
    if (partyUuid) claims['urn:altinn:party:uuid'] = partyUuid;
    return send(reply, await issuers.sign('altinn', claims, ttl));
  });

  app.get<{ Querystring: Query }>('/api/GetEnterpriseToken', {
    schema: { querystring: queryParams(['env', 'scopes', 'org', 'orgNo', 'supplierOrgNo', 'ttl', 'clientId']), response: tokenResponse },
  }, async function getEnterpriseToken(request, reply) {
    const v = new Validator(request.query);
    v.get('env', true, isEnv);
    const scopes = v.get('scopes', true, isScopes);
    const org = v.get('org', false, isIdentifier);
    const orgNo = v.get('orgNo', false, isOrgNo);
    const supplierOrgNo = v.get('supplierOrgNo', false, isOrgNo);
    const ttl = Number(v.get('ttl', false, (x) => UINT.test(x)) ?? 1800);
    const clientId = v.get('clientId', false, (x) => x !== '');
    if (!v.errors.orgNo && (orgNo === undefined || !services.register.organisation(orgNo))) v.fail('orgNo');
    if (v.failed || orgNo === undefined || scopes === undefined) return reply.code(400).send(v.errors);
    const claims: Record<string, unknown> = {
      scope: scopeList(scopes),
      token_type: 'Bearer',
      client_id: clientId ?? randomUUID(),
      jti: jti(),
      consumer: orgNoObject(orgNo),
      'urn:altinn:orgNumber': orgNo,
      [AUTHENTICATE_METHOD_CLAIM]: 'maskinporten',
      'urn:altinn:authlevel': 3,
      actual_iss: 'altinn-test-tools',
      nbf: Math.floor(Date.now() / 1000),
    };
    if (org) claims['urn:altinn:org'] = org;
    if (supplierOrgNo) claims.supplier = orgNoObject(supplierOrgNo);
    return send(reply, await issuers.sign('altinn', claims, ttl));
  });

  app.get<{ Querystring: Query }>('/api/GetSystemUserToken', {
    schema: { querystring: queryParams(['env', 'scopes', 'orgNo', 'supplierOrgNo', 'systemUserOrg', 'systemUserId', 'clientId', 'ttl']), response: tokenResponse },
  }, async function getSystemUserToken(request, reply) {
    const v = new Validator(request.query);
    v.get('env', true, isEnv);
    const scopes = v.get('scopes', false, isScopes) ?? 'altinn:enduser';
    const orgNoGiven = v.get('orgNo', false, isOrgNo);
    const supplierOrgNo = v.get('supplierOrgNo', false, isOrgNo);
    const systemUserOrgGiven = v.get('systemUserOrg', false, isOrgNo);
    const systemUserId = v.get('systemUserId', true, (x) => GUID.test(x));
    const clientId = v.get('clientId', false, isIdentifier) ?? randomUUID();
    const ttl = Number(v.get('ttl', false, (x) => UINT.test(x)) ?? 1800);
    // The system user must exist (made by an approved request); the real generator signs for any GUID.
    const systemUser = systemUserId ? services.systemUsers.systemUser(systemUserId) : undefined;
    if (systemUserId && (!systemUser || systemUser.isDeleted)) v.fail('systemUserId');
    if (v.failed || !systemUser) return reply.code(400).send(v.errors);
    // Defaults from the system user (the real generator defaults both to 991825827, Digdir).
    const orgNo = orgNoGiven ?? systemUser.supplierOrgno;
    const systemUserOrg = systemUserOrgGiven ?? systemUser.reporteeOrgNo;
    const claims: Record<string, unknown> = {
      scope: scopeList(scopes),
      client_id: clientId,
      consumer: orgNoObject(orgNo),
      jti: jti(),
      authorization_details: [{
        type: 'urn:altinn:systemuser',
        systemuser_id: [systemUser.id],
        systemuser_org: orgNoObject(systemUserOrg),
        // A random GUID, as the generator makes it (docs/contracts/tt02.md §3).
        system_id: randomUUID(),
      }],
      [AUTHENTICATE_METHOD_CLAIM]: 'maskinporten',
      'urn:altinn:authlevel': 3,
      token_type: 'Bearer',
      nbf: Math.floor(Date.now() / 1000),
      actual_iss: 'altinn-test-tools',
    };
    if (supplierOrgNo) claims.supplier = orgNoObject(supplierOrgNo);
    return send(reply, await issuers.sign('altinn', claims, ttl));
  });
}
