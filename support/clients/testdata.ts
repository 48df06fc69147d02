// Samsvar's test data API (docs/samsvar-apis.md §1, capability testdata-api): each scenario builds
// its own world with it (organisations, persons, ER roles, Maskinporten clients, resources with
// policies) and, as a named test hook, mints tokens Maskinporten would never issue.

import { HttpClient, markVerified, type ApiResponse, type HttpContext } from './http.ts';
import { newOrgNo, newPid } from '../testdata/index.ts';

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

  /**
   * A new organisation under a fresh synthetic number. A long-lived target keeps the parties of every
   * earlier run (`--repeat`, the selfcheck, a shared reference), so a random number may be taken
   * already: 409 TD-00003 ("exists with other data") means draw another, up to five times.
   */
  async createNewOrganisation(describe: (orgNo: string) => { name: string; orgForm: string }): Promise<{ orgNo: string; response: ApiResponse<TestOrganisation> }> {
    return fresh(newOrgNo, (orgNo) => this.createOrganisation({ orgNo, ...describe(orgNo) }));
  }

  /** A new person under a fresh synthetic national identity number (taken numbers are drawn again, as above). */
  async createNewPerson(name: (pid: string) => string): Promise<{ pid: string; name: string; response: ApiResponse<TestPerson> }> {
    let chosen = '';
    const made = await fresh(newPid, (pid) => this.createPerson({ pid, name: (chosen = name(pid)) }));
    return { pid: made.orgNo, name: chosen, response: made.response };
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

/** Draws identifiers until the target takes one that is not in use with other data (at most five). */
async function fresh<T>(draw: () => string, create: (id: string) => Promise<ApiResponse<T>>): Promise<{ orgNo: string; response: ApiResponse<T> }> {
  for (let attempt = 1; ; attempt++) {
    const id = draw();
    const response = await create(id);
    if (response.status !== 409 || attempt === 5) return { orgNo: id, response };
    markVerified(response); // the refusal is an answer the suite handled: draw another number
  }
}
