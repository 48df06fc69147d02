// Altinn Authentication, the routes a system vendor's own API does not cover
// (docs/contracts/platform-behaviour.md §2, §4): the end-user views of a registered system, the token
// exchange and Altinn's OIDC discovery. Paths are appended to the `platform` endpoint as on
// platform.altinn.no. Like every client here it never throws on a 4xx.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';
import type { AccessPackageRef, Right } from './authentication.ts';

const BASE = '/authentication/api/v1';

/** Altinn's discovery document (the members Samsvar reads). */
export interface OpenIdConfiguration {
  issuer: string;
  jwks_uri: string;
  [member: string]: unknown;
}

export class PlatformViewsClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('authentication', platformUrl, context);
  }

  /** GET systemregister/{systemId}/rights: the rights the system asks for, as the portal shows them (scope altinn:portal/enduser). */
  systemRights(token: string, systemId: string): Promise<ApiResponse<Right[]>> {
    return this.send({ method: 'GET', path: `${BASE}/systemregister/${encodeURIComponent(systemId)}/rights`, bearer: token });
  }

  /** GET systemregister/{systemId}/accesspackages (scope altinn:portal/enduser). */
  systemAccessPackages(token: string, systemId: string): Promise<ApiResponse<AccessPackageRef[]>> {
    return this.send({ method: 'GET', path: `${BASE}/systemregister/${encodeURIComponent(systemId)}/accesspackages`, bearer: token });
  }

  /** GET systemregister/vendor: the vendor's own systems (a platform API call with the vendor's token). */
  vendorSystems(token: string): Promise<ApiResponse<Array<{ systemId: string }>>> {
    return this.send({ method: 'GET', path: `${BASE}/systemregister/vendor`, bearer: token });
  }

  /** GET exchange/{provider}: 200 with the Altinn token as the (text) body, 401 for a token it refuses. */
  exchange(provider: 'maskinporten' | 'id-porten', token: string): Promise<ApiResponse<string>> {
    return this.send({ method: 'GET', path: `${BASE}/exchange/${provider}`, bearer: token, headers: { accept: 'text/plain' } });
  }

  /** GET openid/.well-known/openid-configuration. */
  openIdConfiguration(): Promise<ApiResponse<OpenIdConfiguration>> {
    return this.send({ method: 'GET', path: `${BASE}/openid/.well-known/openid-configuration` });
  }

  /** GET openid/.well-known/openid-configuration/jwks: where Altinn publishes its signing keys. */
  jwks(): Promise<ApiResponse<{ keys: Array<Record<string, unknown>> }>> {
    return this.send({ method: 'GET', path: `${BASE}/openid/.well-known/openid-configuration/jwks` });
  }
}
