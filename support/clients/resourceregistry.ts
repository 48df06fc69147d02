// Resource registry (resources and their policies) and Access Management's public access package
// metadata (docs/contracts/altinn-authorization.md §6, §2.6). Both are read without a token, as on platform.altinn.no.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

/** The resource as the registry returns it (docs/contracts/altinn-authorization.md §6.1; the keys the suite reads). */
export interface ServiceResource {
  identifier: string;
  title?: Record<string, string>;
  resourceType?: string;
  delegable?: boolean;
  visible?: boolean;
  hasCompetentAuthority?: { organization?: string; orgcode?: string; name?: Record<string, string> };
  [member: string]: unknown;
}

/** One attribute match of a policy rule (AttributeMatchV2: {type, value, urn}). */
export interface AttributeMatch {
  type?: string;
  value?: string;
  urn?: string;
}

/** GET resource/{id}/policy/rules → [{subject:[…], action, resource:[…]}] (docs/contracts/altinn-authorization.md §6.1). */
export interface PolicyRule {
  subject?: Array<AttributeMatch | string>;
  action?: AttributeMatch | string;
  resource?: Array<AttributeMatch | string>;
}

/** PackageDto (docs/contracts/altinn-authorization.md §2.6). */
export interface AccessPackageInfo {
  id: string;
  name?: string;
  urn: string;
  description?: string;
  isDelegable: boolean;
  isAssignable: boolean;
  isResourcePolicyAvailable?: boolean;
  [member: string]: unknown;
}

export class ResourceRegistryClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('resourceregistry', platformUrl, context);
  }

  resource(identifier: string): Promise<ApiResponse<ServiceResource>> {
    return this.send({ method: 'GET', path: `/resourceregistry/api/v1/resource/${encodeURIComponent(identifier)}` });
  }

  policyRules(identifier: string): Promise<ApiResponse<PolicyRule[]>> {
    return this.send({ method: 'GET', path: `/resourceregistry/api/v1/resource/${encodeURIComponent(identifier)}/policy/rules` });
  }
}

export class AccessPackageMetaClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('accessmanagement', platformUrl, context);
  }

  /** GET meta/info/accesspackages/package/urn/{urn}; the URN may be full or the bare code. */
  packageByUrn(urn: string): Promise<ApiResponse<AccessPackageInfo>> {
    return this.send({ method: 'GET', path: `/accessmanagement/api/v1/meta/info/accesspackages/package/urn/${encodeURIComponent(urn)}` });
  }
}

/** The URN of an attribute match, from `urn`, or `type:value`, or the string itself. */
export function matchUrn(match: AttributeMatch | string | undefined): string | undefined {
  if (match === undefined) return undefined;
  if (typeof match === 'string') return match;
  if (typeof match.urn === 'string') return match.urn;
  if (typeof match.type === 'string' && typeof match.value === 'string') return `${match.type}:${match.value}`;
  return undefined;
}

/** The action id of a rule's action (`value`, or the last part of its URN). */
export function actionOf(match: AttributeMatch | string | undefined): string | undefined {
  if (match === undefined) return undefined;
  if (typeof match === 'string') return match.split(':').pop();
  if (typeof match.value === 'string') return match.value;
  return match.urn?.split(':').pop();
}
