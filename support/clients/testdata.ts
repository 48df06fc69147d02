// Samsvar's test data API (docs/samsvar-apis.md §1, capability testdata-api): each scenario builds
// its own world with it (organisations, persons, ER roles, Maskinporten clients, resources with
// policies) and, as a named test hook, mints tokens Maskinporten would never issue.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

const BASE = '/api/v1';

export interface TestOrganisation {
  orgNo: string;
  name: string;
  orgForm: string;
  partyId: number;
  partyUuid: string;
}

export interface TestPerson {
  pid: string;
  name: string;
  partyId: number;
  partyUuid: string;
}

export interface TestRole {
  orgNo: string;
  role: string;
  holder: { pid: string } | { orgNo: string };
}

export interface TestMaskinportenClient {
  clientId: string;
  orgNo: string;
  scopes: string[];
}

export interface TestResource {
  title: { nb: string; nn?: string; en?: string };
  description?: { nb: string; nn?: string; en?: string };
  resourceType: string;
  delegable?: boolean;
  visible?: boolean;
  hasCompetentAuthority: { organization: string; orgcode: string; name?: { nb: string; nn?: string; en?: string } };
  policy: { rules: Array<{ subjects: string[]; actions: string[] }> };
}

export class TestdataClient extends HttpClient {
  constructor(baseUrl: string, context: HttpContext) {
    super('testdata', baseUrl, context);
  }

  createOrganisation(org: { orgNo: string; name: string; orgForm: string }): Promise<ApiResponse<TestOrganisation>> {
    return this.send({ method: 'POST', path: `${BASE}/organisations`, json: org });
  }

  createPerson(person: { pid: string; name: string }): Promise<ApiResponse<TestPerson>> {
    return this.send({ method: 'POST', path: `${BASE}/persons`, json: person });
  }

  addRole(role: TestRole): Promise<ApiResponse<TestRole>> {
    return this.send({ method: 'POST', path: `${BASE}/roles`, json: role });
  }

  registerMaskinportenClient(client: { clientId?: string; orgNo: string; scopes: string[]; jwks: { keys: object[] } }): Promise<ApiResponse<TestMaskinportenClient>> {
    return this.send({ method: 'POST', path: `${BASE}/maskinporten/clients`, json: client });
  }

  /** PUT resources/{identifier}: 201 created, 200 replaced (idempotent). */
  putResource(identifier: string, resource: TestResource): Promise<ApiResponse<Record<string, unknown>>> {
    return this.send({ method: 'PUT', path: `${BASE}/resources/${encodeURIComponent(identifier)}`, json: resource });
  }

  /** Test hook: a token signed with the Maskinporten stand-in's key, with the given claims, iat and exp. */
  mintMaskinportenToken(input: { claims: Record<string, unknown>; iat?: number; exp?: number }): Promise<ApiResponse<{ access_token: string }>> {
    return this.send({ method: 'POST', path: `${BASE}/maskinporten/tokens`, json: input });
  }

  decisions(query: { systemUserId?: string; resource?: string } = {}): Promise<ApiResponse<unknown[]>> {
    return this.send({ method: 'GET', path: `${BASE}/decisions`, query });
  }
}
