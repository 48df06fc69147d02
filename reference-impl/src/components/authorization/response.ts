// The PDP response in the XACML JSON profile, camelCase, nulls written (docs/contracts/altinn-authorization.md §1.3).

import type { Outcome } from './pdp.ts';
import { CATEGORY, type Attr, type DecisionRequest } from './xacml.ts';

const STATUS_URN = {
  ok: 'urn:oasis:names:tc:xacml:1.0:status:ok',
  'processing-error': 'urn:oasis:names:tc:xacml:1.0:status:processing-error',
  'syntax-error': 'urn:oasis:names:tc:xacml:1.0:status:syntax-error',
} as const;

/**
 * The authentication-level obligation Altinn returns on Permit (docs/contracts/altinn-authorization.md §1.3, §6.2).
 * Resource policies in the reference carry no obligations of their own, so every Permit gets level 3,
 * the level a Maskinporten client has.
 */
const AUTHENTICATION_LEVEL_OBLIGATION = {
  id: 'urn:altinn:obligation:authenticationLevel1',
  attributeAssignment: [{
    attributeId: 'urn:altinn:obligation-assignment:1',
    value: '3',
    category: 'urn:altinn:minimum-authenticationlevel',
    dataType: 'http://www.w3.org/2001/XMLSchema#integer',
    issuer: null,
  }],
};

function categoryJson(categoryId: string, attrs: Attr[]): Record<string, unknown> {
  return {
    categoryId,
    id: null,
    content: null,
    attribute: attrs.map((a) => ({ attributeId: a.id, value: a.value, issuer: null, dataType: a.dataType, includeInResult: true })),
  };
}

/** `category` echoes the attributes sent with IncludeInResult, plus those the PDP added so marked. */
function echoedCategories(request: DecisionRequest | undefined, outcome: Outcome): Array<Record<string, unknown>> | null {
  if (!request) return null;
  const parts: Array<[string, Attr[]]> = [
    [CATEGORY.subject, request.subject.filter((a) => a.includeInResult)],
    [CATEGORY.action, request.action.filter((a) => a.includeInResult)],
    [CATEGORY.resource, [...request.resource.filter((a) => a.includeInResult), ...outcome.addedResourceAttrs]],
  ];
  const categories = parts.filter(([, attrs]) => attrs.length > 0).map(([id, attrs]) => categoryJson(id, attrs));
  return categories.length > 0 ? categories : null;
}

export function resultJson(outcome: Outcome, request?: DecisionRequest): Record<string, unknown> {
  return {
    decision: outcome.decision,
    status: {
      statusMessage: outcome.statusMessage ?? null,
      statusDetails: null,
      statusCode: { value: STATUS_URN[outcome.status], statusCode: null },
    },
    obligations: outcome.decision === 'Permit' ? [AUTHENTICATION_LEVEL_OBLIGATION] : null,
    associateAdvice: null,
    category: echoedCategories(request, outcome),
    policyIdentifierList: null,
  };
}
