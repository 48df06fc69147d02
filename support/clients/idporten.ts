// The ID-porten stand-in (docs/samsvar-apis.md §2): a synthetic person logs in and gets a person
// token (pid, scope altinn:portal/enduser) for the end-user routes of the platform.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

export interface PersonTokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

export class IdportenClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('idporten', baseUrl, context);
  }

  testLogin(pid: string, scope?: string): Promise<ApiResponse<PersonTokenResponse>> {
    return this.send({ method: 'POST', path: '/api/v1/testlogin', json: scope === undefined ? { pid } : { pid, scope } });
  }

  metadata(): Promise<ApiResponse<{ issuer: string; jwks_uri?: string }>> {
    return this.send({ method: 'GET', path: '/.well-known/openid-configuration' });
  }
}
