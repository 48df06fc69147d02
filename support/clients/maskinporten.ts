// Maskinporten (and the reference's stand-in): authorization server metadata, the JWKS, and the
// JWT-bearer token endpoint (docs/contracts/altinn-authentication.md §6). The grant itself is made and signed by
// the actor that owns the key (support/actors/maskinporten-key.ts); this client only carries it.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

/** RFC 8414 metadata; `issuer` is the `aud` every grant must carry. */
export interface MaskinportenMetadata {
  issuer: string;
  token_endpoint?: string;
  jwks_uri?: string;
  [member: string]: unknown;
}

export interface JwkSet {
  keys: Array<Record<string, unknown>>;
}

/** Token response (docs/contracts/altinn-authentication.md §6.3). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export class MaskinportenClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('maskinporten', baseUrl, context);
  }

  metadata(): Promise<ApiResponse<MaskinportenMetadata>> {
    return this.send({ method: 'GET', path: '/.well-known/oauth-authorization-server' });
  }

  jwks(): Promise<ApiResponse<JwkSet>> {
    return this.send({ method: 'GET', path: '/jwk' });
  }

  /** POST /token with a signed JWT grant (RFC 7523), form-encoded as Maskinporten requires. */
  token(assertion: string): Promise<ApiResponse<TokenResponse>> {
    return this.send({ method: 'POST', path: '/token', form: { grant_type: JWT_BEARER_GRANT, assertion } });
  }
}
