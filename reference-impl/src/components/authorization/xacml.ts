// The XACML 3.0 JSON profile request as Altinn's external PDP binds it (docs/contracts/altinn-authorization.md §1.2),
// and its reduction to one or more single decision requests.

import { ValidationProblem } from '../../platform/errors.ts';

/** XACML category ids (docs/contracts/altinn-authorization.md §1.2). */
export const CATEGORY = {
  subject: 'urn:oasis:names:tc:xacml:1.0:subject-category:access-subject',
  action: 'urn:oasis:names:tc:xacml:3.0:attribute-category:action',
  resource: 'urn:oasis:names:tc:xacml:3.0:attribute-category:resource',
} as const;

export const XML_STRING = 'http://www.w3.org/2001/XMLSchema#string';

export interface XacmlAttribute {
  AttributeId: string;
  Value?: string | null;
  Issuer?: string | null;
  DataType?: string | null;
  IncludeInResult?: boolean;
}

export interface XacmlCategory {
  CategoryId?: string | null;
  Id?: string | null;
  Content?: string | null;
  Attribute?: XacmlAttribute[] | null;
}

export interface XacmlRequest {
  ReturnPolicyIdList?: boolean;
  CombinedDecision?: boolean;
  XPathVersion?: string | null;
  Category?: XacmlCategory[] | null;
  Resource?: XacmlCategory[] | null;
  Action?: XacmlCategory[] | null;
  AccessSubject?: XacmlCategory[] | null;
  RecipientSubject?: XacmlCategory[] | null;
  IntermediarySubject?: XacmlCategory[] | null;
  RequestingMachine?: XacmlCategory[] | null;
  MultiRequests?: { RequestReference?: Array<{ ReferenceId?: string[] | null }> | null } | null;
}

export interface XacmlRoot {
  Request: XacmlRequest;
}

/** Every member name of the request model, keyed by its lower-case form. */
const CANONICAL_NAMES = new Map(
  [
    'Request', 'ReturnPolicyIdList', 'CombinedDecision', 'XPathVersion', 'Category', 'Resource', 'Action', 'AccessSubject',
    'RecipientSubject', 'IntermediarySubject', 'RequestingMachine', 'MultiRequests', 'RequestReference', 'ReferenceId',
    'CategoryId', 'Id', 'Content', 'Attribute', 'AttributeId', 'Value', 'Issuer', 'DataType', 'IncludeInResult',
  ].map((name) => [name.toLowerCase(), name]),
);

/**
 * System.Text.Json's default MaxDepth: ASP.NET refuses JSON nested deeper at model binding with a 400.
 * The bound also keeps the recursion below from overflowing the stack: the fuzz test found that a body
 * of 100 000 nested arrays gave a 500 (RangeError: Maximum call stack size exceeded).
 */
const MAX_JSON_DEPTH = 64;

/**
 * ASP.NET binds member names case-insensitively (docs/contracts/altinn-authorization.md §0, §1.3): rewrite every known
 * member name to its canonical spelling so the route schema can check the shape. Unknown members are
 * kept as they are (ASP.NET ignores them). String values are never touched. Deeper than
 * MAX_JSON_DEPTH → 400 STD-00000.
 */
export function canonicaliseMemberNames(value: unknown, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) {
    throw new ValidationProblem([{ code: 'STD.VLD-00003', title: `The JSON is nested deeper than ${MAX_JSON_DEPTH} levels.`, paths: ['/body'] }]);
  }
  if (Array.isArray(value)) return value.map((item) => canonicaliseMemberNames(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[CANONICAL_NAMES.get(key.toLowerCase()) ?? key] = canonicaliseMemberNames(inner, depth + 1);
  }
  return out;
}

/** One attribute of a single decision request. */
export interface Attr {
  id: string;
  value: string;
  dataType: string;
  includeInResult: boolean;
}

/** One decision: the attributes of the three categories the PDP reads. */
export interface DecisionRequest {
  subject: Attr[];
  action: Attr[];
  resource: Attr[];
}

function attrsOf(categories: Array<XacmlCategory | undefined>): Attr[] {
  return categories.flatMap((c) => (c?.Attribute ?? []).map((a) => ({
    id: a.AttributeId,
    value: a.Value ?? '',
    dataType: a.DataType ?? XML_STRING,
    includeInResult: a.IncludeInResult === true,
  })));
}

function withCategoryId(request: XacmlRequest, categoryId: string): XacmlCategory[] {
  return (request.Category ?? []).filter((c) => c.CategoryId === categoryId);
}

/** A request with fewer than two request references is one decision over all its categories. */
function singleRequest(request: XacmlRequest): DecisionRequest {
  return {
    subject: attrsOf([...(request.AccessSubject ?? []), ...withCategoryId(request, CATEGORY.subject)]),
    action: attrsOf([...(request.Action ?? []), ...withCategoryId(request, CATEGORY.action)]),
    resource: attrsOf([...(request.Resource ?? []), ...withCategoryId(request, CATEGORY.resource)]),
  };
}

/**
 * Multi request (docs/contracts/altinn-authorization.md §1.2): each reference list selects, by category `Id`, the
 * resource (the last resource with that Id), subject and action categories of one decision.
 */
function multiRequestParts(request: XacmlRequest, references: Array<{ ReferenceId?: string[] | null }>): DecisionRequest[] {
  const resourcesById = new Map<string, XacmlCategory>();
  for (const resource of request.Resource ?? []) if (typeof resource.Id === 'string') resourcesById.set(resource.Id, resource);
  return references.map((reference) => {
    const subject: XacmlCategory[] = [];
    const action: XacmlCategory[] = [];
    const resource: XacmlCategory[] = [];
    for (const ref of reference.ReferenceId ?? []) {
      const r = resourcesById.get(ref);
      if (r) resource.push(r);
      subject.push(...(request.AccessSubject ?? []).filter((c) => c.Id === ref));
      action.push(...(request.Action ?? []).filter((c) => c.Id === ref));
    }
    return { subject: attrsOf(subject), action: attrsOf(action), resource: attrsOf(resource) };
  });
}

/** The decisions a request asks for, in the order the response must give them. */
export function decisionRequests(request: XacmlRequest): { multi: boolean; parts: DecisionRequest[] } {
  const references = request.MultiRequests?.RequestReference ?? [];
  if (references.length < 2) return { multi: false, parts: [singleRequest(request)] };
  return { multi: true, parts: multiRequestParts(request, references) };
}
