// Altinn Access Management, end-user connections (docs/contracts/altinn-authorization.md §5): a customer's access
// manager (here its daglig leder, with a person token) makes an accountant organisation a rights
// holder (rettighetshaver) and grants it ordinary access packages. Every party is a partyUuid; `party`
// is the party being administered and must equal `from` or `to`. Paths are appended to `platform`.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

const BASE = '/accessmanagement/api/v1/enduser/connections';

/** AssignmentDto: the rights holder assignment (docs/contracts/altinn-authorization.md §5, POST connections). */
export interface AssignmentDto {
  id: string;
  roleId: string;
  fromId: string;
  toId: string;
}

/** AssignmentPackageDto: one package on an assignment (POST connections/accesspackages). */
export interface AssignmentPackageDto {
  id: string;
  assignmentId: string;
  packageId: string;
}

/** The entity references inside a permission: a compact entity, or its id as a string. */
export type EntityRef = string | { id?: string; name?: string; organizationIdentifier?: string; [member: string]: unknown };

/** PackagePermissionDto (GET connections/accesspackages). */
export interface PackagePermission {
  package: { id: string; urn: string; areaId?: string };
  permissions?: Array<{ from?: EntityRef; to?: EntityRef; via?: EntityRef | null; role?: unknown; viaRole?: unknown; reason?: unknown }>;
}

export interface Paged<T> {
  links?: { next?: string | null };
  data: T[];
}

/** MyClientDto (docs/contracts/my-clients.md §1): a provider and the clients it delegated to the caller. */
export interface MyClient {
  provider: EntityRef;
  clients: Array<{ client: EntityRef; access: Array<{ role?: unknown; packages?: Array<{ id?: string; urn?: string }> }> }>;
}

export class AccessManagementClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('accessmanagement', platformUrl, context);
  }

  /** POST connections?party={from}&to={to}: adds `to` as a rights holder of `party`. */
  addRightHolder(personToken: string, party: string, to: string): Promise<ApiResponse<AssignmentDto>> {
    return this.send({ method: 'POST', path: BASE, bearer: personToken, query: { party, to } });
  }

  /** POST connections/accesspackages?party=&to=&package={URN or code}: grants one package (idempotent). */
  grantPackage(personToken: string, party: string, to: string, packageUrn: string): Promise<ApiResponse<AssignmentPackageDto>> {
    return this.send({ method: 'POST', path: `${BASE}/accesspackages`, bearer: personToken, query: { party, to, package: packageUrn } });
  }

  /** DELETE connections?party=&from=&to=&cascade=true: removes the rights holder and, with it, its packages and client delegations (204). */
  removeRightHolder(personToken: string, party: string, from: string, to: string): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'DELETE', path: BASE, bearer: personToken, query: { party, from, to, cascade: true } });
  }

  /** GET connections/accesspackages?party=&from=&to=: the packages on the connection. */
  packages(personToken: string, query: { party: string; from?: string; to?: string }): Promise<ApiResponse<Paged<PackagePermission>>> {
    return this.send({ method: 'GET', path: `${BASE}/accesspackages`, bearer: personToken, query });
  }

  /** GET clientdelegations/my/clients[?provider=]: per provider, the clients delegated to the caller's own party (my-clients.md §1). */
  myClients(personToken: string, provider?: string): Promise<ApiResponse<Paged<MyClient>>> {
    return this.send({ method: 'GET', path: '/accessmanagement/api/v1/enduser/clientdelegations/my/clients', bearer: personToken, query: { provider } });
  }
}
