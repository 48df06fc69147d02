// Altinn Authorization's PDP for API providers and service owners: POST /authorization/api/v1/authorize
// in the XACML 3.0 JSON profile (docs/contracts/altinn-authorization.md §1). Responses come in camelCase from the code
// and in PascalCase in docs and fixtures: the parser reads both.

import { HttpClient, type ApiResponse, type HttpContext } from './http.ts';

export const XACML = {
  subjectSystemUser: 'urn:altinn:systemuser:uuid',
  actionId: 'urn:oasis:names:tc:xacml:1.0:action:action-id',
  resource: 'urn:altinn:resource',
  organisationNumber: 'urn:altinn:organization:identifier-no',
  personNumber: 'urn:altinn:person:identifier-no',
  stringType: 'http://www.w3.org/2001/XMLSchema#string',
  statusOk: 'urn:oasis:names:tc:xacml:1.0:status:ok',
} as const;

export interface XacmlAttribute {
  AttributeId: string;
  Value: string;
  DataType?: string;
  Issuer?: string;
  IncludeInResult?: boolean;
}

export interface XacmlCategory {
  CategoryId?: string;
  Id?: string;
  Attribute: XacmlAttribute[];
}

export interface XacmlJsonRequestRoot {
  Request: {
    ReturnPolicyIdList?: boolean;
    AccessSubject: XacmlCategory[];
    Action: XacmlCategory[];
    Resource: XacmlCategory[];
  };
}

export type Decision = 'Permit' | 'Deny' | 'NotApplicable' | 'Indeterminate';

/** One result, read case-insensitively from the wire. */
export interface DecisionResult {
  decision: string | undefined;
  statusCode: string | undefined;
  statusMessage: string | undefined;
}

/** The request a service owner's PEP sends for a system user (docs/contracts/altinn-authorization.md §1.2, minimal shape). */
export function systemUserDecisionRequest(input: { systemUserId: string; action: string; resource: string; partyOrgNo: string }): XacmlJsonRequestRoot {
  return {
    Request: {
      ReturnPolicyIdList: false,
      AccessSubject: [{ Attribute: [{ AttributeId: XACML.subjectSystemUser, Value: input.systemUserId }] }],
      Action: [{ Attribute: [{ AttributeId: XACML.actionId, Value: input.action, DataType: XACML.stringType }] }],
      Resource: [
        {
          Attribute: [
            { AttributeId: XACML.resource, Value: input.resource },
            { AttributeId: XACML.organisationNumber, Value: input.partyOrgNo },
          ],
        },
      ],
    },
  };
}

/** A copy of a JSON value with every object key's first letter in lower case (PascalCase → camelCase). */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      out[key.charAt(0).toLowerCase() + key.slice(1)] = camelKeys(member);
    }
    return out;
  }
  return value;
}

/** The results of a PDP response, whichever casing the target used; [] when the body has none. */
export function decisionResults(body: unknown): DecisionResult[] {
  const normalised = camelKeys(body) as { response?: unknown };
  if (!normalised || typeof normalised !== 'object' || !Array.isArray(normalised.response)) return [];
  return normalised.response.map((item) => {
    const result = (item ?? {}) as { decision?: unknown; status?: { statusMessage?: unknown; statusCode?: { value?: unknown } } };
    return {
      decision: typeof result.decision === 'string' ? result.decision : undefined,
      statusCode: typeof result.status?.statusCode?.value === 'string' ? result.status.statusCode.value : undefined,
      statusMessage: typeof result.status?.statusMessage === 'string' ? result.status.statusMessage : undefined,
    };
  });
}

export class AuthorizationClient extends HttpClient {
  constructor(platformUrl: string, context: HttpContext) {
    super('authorization', platformUrl, context);
  }

  /** POST authorize (scope altinn:authorization/authorize). 200 for any evaluated request. */
  authorize(token: string, request: XacmlJsonRequestRoot): Promise<ApiResponse<unknown>> {
    return this.send({ method: 'POST', path: '/authorization/api/v1/authorize', bearer: token, json: request });
  }
}
