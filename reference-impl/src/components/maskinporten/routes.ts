// Routes of the Maskinporten stand-in: /token (JWT grant, RFC 7523), the authorization server metadata
// (RFC 8414) and the JWKS. URLs come from config.publicUrl at request time.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { JWTPayload } from 'jose';
import type { ComponentOptions } from '../../config.ts';
import { faultActive } from '../../faults.ts';
import type { MaskinportenClient, SystemUser } from '../../platform/model.ts';
import {
  ACCEPTED_ALGORITHMS,
  ISO6523_AUTHORITY,
  JWT_BEARER_GRANT,
  SYSTEMUSER_TYPE,
  checkAlgorithm,
  checkAssertionPresent,
  checkAudience,
  checkAuthorizationDetails,
  checkClient,
  checkClientKey,
  checkExpiry,
  checkNotBefore,
  checkGrantType,
  checkIssuedAt,
  checkKeyReference,
  checkLifetime,
  checkReplay,
  checkResource,
  checkScopes,
  checkSignature,
  decodeGrantClaims,
  decodeGrantHeader,
  lookupSystemUser,
  type SystemUserRequest,
} from './checks.ts';
import { faultyGrantAuthentication, relaxAuthorizationDetails, unrestrictedScopes } from './faulty.ts';
import { metadataResponse, tokenRequestBody, tokenResponse, type TokenRequestBody } from './schemas.ts';
import type { UsedGrantStore } from './store.ts';

/** Lifetime of an issued access token: Maskinporten's default access_token_lifetime (docs/contracts/altinn-authentication.md §6.3). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 120;

export interface MaskinportenRouteOptions extends ComponentOptions {
  usedGrants: UsedGrantStore;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The claims of the issued token (docs/contracts/altinn-authentication.md §6.3); iss, iat, exp and jti are set when signing. */
function accessTokenClaims(input: {
  client: MaskinportenClient;
  scopes: string[];
  audience: string | string[];
  systemUser?: { request: SystemUserRequest; found: SystemUser };
}): JWTPayload {
  const claims: JWTPayload = {
    aud: input.audience,
    client_id: input.client.clientId,
    client_amr: 'private_key_jwt',
    consumer: { authority: ISO6523_AUTHORITY, ID: `0192:${input.client.orgNo}` },
    scope: input.scopes.join(' '),
    token_type: 'Bearer',
  };
  if (input.systemUser) {
    const { found } = input.systemUser;
    // systemuser_id is an array; `ID` is emitted in systemuser_org, as Altinn's code and tests expect.
    claims.authorization_details = [{
      type: SYSTEMUSER_TYPE,
      systemuser_id: [found.id],
      systemuser_org: { authority: ISO6523_AUTHORITY, ID: `0192:${found.reporteeOrgNo}` },
      system_id: found.systemId,
    }];
  }
  return claims;
}

export async function maskinportenRoutes(app: FastifyInstance, opts: MaskinportenRouteOptions): Promise<void> {
  const { config, services, issuers, usedGrants } = opts;
  const tokenEndpoint = (): string => `${config.publicUrl}/maskinporten/token`;

  app.post<{ Body: TokenRequestBody }>('/token', {
    config: { errorFormat: 'oauth' },
    schema: { body: tokenRequestBody, response: { 200: tokenResponse } },
  }, async function token(request: FastifyRequest<{ Body: TokenRequestBody }>, reply: FastifyReply) {
    const now = nowSeconds();
    const body = request.body;
    checkGrantType(body.grant_type);
    const assertion = checkAssertionPresent(body.assertion);
    const header = decodeGrantHeader(assertion);
    let claims = decodeGrantClaims(assertion);
    let client: MaskinportenClient;
    // Faults of the attack battery (faulty.ts, only with --fault): each lets one kind of badly signed grant through.
    if ((config.faults?.size ?? 0) > 0 && (await faultyGrantAuthentication(config, assertion, header, checkClient(claims, services.maskinportenClients)))) {
      client = checkClient(claims, services.maskinportenClients);
    } else {
      const alg = checkAlgorithm(header);
      const kid = checkKeyReference(header);
      client = checkClient(claims, services.maskinportenClients);
      const jwk = checkClientKey(client, kid);
      await checkSignature(assertion, jwk, alg);
    }
    if (!faultActive(config, 'maskinporten-ignorer-aud')) checkAudience(claims, issuers.issuer('maskinporten'), tokenEndpoint());
    const iat = faultActive(config, 'maskinporten-ignorer-iat') ? Number(claims.iat) : checkIssuedAt(claims, now);
    const exp = faultActive(config, 'maskinporten-ignorer-exp') ? Number(claims.exp) : checkExpiry(claims, now);
    // Fault maskinporten-ignorer-nbf: a grant is accepted before its nbf.
    if (!faultActive(config, 'maskinporten-ignorer-nbf')) checkNotBefore(claims, now);
    if (!faultActive(config, 'maskinporten-ignorer-levetid')) checkLifetime(iat, exp);
    // Fault maskinporten-ignorer-jti (selfcheck): the replay check is skipped, a grant can be used again.
    if (!faultActive(config, 'maskinporten-ignorer-jti')) checkReplay(claims, assertion, client, exp, now, usedGrants);
    const scopes = faultActive(config, 'maskinporten-ignorer-scope') ? unrestrictedScopes(claims) : checkScopes(claims, client);
    const audience = checkResource(claims, body.resource);
    claims = relaxAuthorizationDetails(config, claims);
    const systemUserRequest = checkAuthorizationDetails(claims);
    const systemUser = systemUserRequest
      ? { request: systemUserRequest, found: lookupSystemUser(systemUserRequest, client, services.systemUsers) }
      : undefined;

    const accessToken = await issuers.sign(
      'maskinporten',
      accessTokenClaims({ client, scopes, audience, ...(systemUser ? { systemUser } : {}) }),
      ACCESS_TOKEN_LIFETIME_SECONDS,
      now,
    );
    // RFC 6749 §5.1: token responses are not cached.
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    // Fault maskinporten-feil-expires-in: the response says the token lives an hour; the token itself lives 120 s.
    const expiresIn = faultActive(config, 'maskinporten-feil-expires-in') ? 3600 : ACCESS_TOKEN_LIFETIME_SECONDS;
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: scopes.join(' ') };
  });

  app.get('/.well-known/oauth-authorization-server', {
    schema: { response: { 200: metadataResponse } },
  }, async function metadata() {
    return {
      issuer: issuers.issuer('maskinporten'),
      token_endpoint: tokenEndpoint(),
      jwks_uri: `${config.publicUrl}/maskinporten/jwk`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: [...ACCEPTED_ALGORITHMS],
      grant_types_supported: [JWT_BEARER_GRANT],
      authorization_details_types_supported: [SYSTEMUSER_TYPE],
    };
  });

  app.get('/jwk', async function jwk() {
    return issuers.jwks('maskinporten');
  });
}
