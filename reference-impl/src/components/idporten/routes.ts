// Routes of the ID-porten stand-in (docs/samsvar-apis.md §2): a test login that issues a person token
// for a synthetic person in the register, the OpenID configuration and the JWKS.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ComponentOptions } from '../../config.ts';
import { AltinnProblem } from '../../platform/errors.ts';
import { isValidPid } from '../../platform/orgno.ts';
import type { RegisterService } from '../../platform/services.ts';
import { openidConfigurationResponse, testLoginBody, testLoginResponse, type TestLoginBody } from './schemas.ts';

/** docs/samsvar-apis.md §2: the scope a login gets when it asks for none. */
export const DEFAULT_SCOPE = 'altinn:portal/enduser';
/** docs/samsvar-apis.md §2: person tokens live 600 s. */
export const PERSON_TOKEN_LIFETIME_SECONDS = 600;
export const PORTAL_CLIENT_ID = 'samsvar-portal';

/** docs/samsvar-apis.md §2: 400 TD-00004 when the national identity number fails its check digits. */
function checkPid(pid: string): void {
  if (!isValidPid(pid)) {
    throw new AltinnProblem(400, 'TD-00004', 'The national identity number fails its check digits.', {}, `pid ${JSON.stringify(pid)} is not a valid national identity number.`);
  }
}

/** docs/samsvar-apis.md §2: 404 TD-00006 when the register has no such person. */
function checkPersonExists(pid: string, register: RegisterService): void {
  if (!register.person(pid)) {
    throw new AltinnProblem(404, 'TD-00006', 'No such person.', {}, 'The register has no person with this national identity number; create one through the test data API.');
  }
}

/**
 * A pairwise subject, stable per person: ID-porten gives each client its own opaque `sub`; the stand-in
 * has one client, so a hash of the person's number (salted with the client id) is enough and stays the
 * same across restarts.
 */
function pairwiseSubject(pid: string): string {
  return createHash('sha256').update(`${PORTAL_CLIENT_ID}:${pid}`).digest('base64url');
}

export async function idportenRoutes(app: FastifyInstance, opts: ComponentOptions): Promise<void> {
  const { config, services, issuers } = opts;

  // The test login is Samsvar's own: TT02 has none (docs/platform-surface.md, TT02 look-alike).
  if (!config.tt02) app.post<{ Body: TestLoginBody }>('/api/v1/testlogin', {
    schema: { body: testLoginBody, response: { 200: testLoginResponse } },
  }, async function testLogin(request: FastifyRequest<{ Body: TestLoginBody }>) {
    const { pid } = request.body;
    checkPid(pid);
    checkPersonExists(pid, services.register);
    const scope = request.body.scope ?? DEFAULT_SCOPE;
    const accessToken = await issuers.sign('idporten', {
      sub: pairwiseSubject(pid),
      pid,
      scope,
      acr: 'idporten-loa-high',
      amr: ['TestID'],
      client_id: PORTAL_CLIENT_ID,
    }, PERSON_TOKEN_LIFETIME_SECONDS);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: PERSON_TOKEN_LIFETIME_SECONDS, scope };
  });

  app.get('/.well-known/openid-configuration', {
    schema: { response: { 200: openidConfigurationResponse } },
  }, async function openidConfiguration() {
    const base = `${config.publicUrl}/idporten`;
    return {
      issuer: issuers.issuer('idporten'),
      jwks_uri: `${base}/jwk`,
      // The TT02 look-alike has no test login, so its discovery names none.
      ...(config.tt02 ? {} : { token_endpoint: `${base}/api/v1/testlogin` }),
      scopes_supported: ['openid', DEFAULT_SCOPE],
      subject_types_supported: ['pairwise'],
      acr_values_supported: ['idporten-loa-high'],
      token_endpoint_auth_methods_supported: ['none'],
    };
  });

  app.get('/jwk', async function jwk() {
    return issuers.jwks('idporten');
  });
}
