// Altinn Test Tools' token generator (docs/contracts/tt02.md §3): on TT02 a person's token comes from
// here instead of a login. HTTP Basic auth with the credentials Digdir hands out; the token is the
// plain response body. Like every client here it never throws on a 4xx.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

export interface PersonalTokenQuery {
  env: string;
  pid: string;
  scopes: string;
  userId?: number;
  partyId?: number;
  partyuuid?: string;
  /** 1-4; the generator's default is 3. */
  authLvl?: number;
}

export class TestToolsClient extends HttpClient {
  constructor(
    baseUrl: string,
    context: HttpContext,
    /** user:password */
    private readonly credentials: string,
  ) {
    super('testtools', baseUrl, context);
  }

  /** GET api/GetPersonalToken: 200 with the token as text/plain. */
  personalToken(query: PersonalTokenQuery): Promise<ApiResponse<string>> {
    return this.send({
      method: 'GET',
      path: '/api/GetPersonalToken',
      query: { ...query },
      headers: { accept: 'text/plain', authorization: `Basic ${Buffer.from(this.credentials).toString('base64')}` },
    });
  }
}
