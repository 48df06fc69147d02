// Route schema of POST /authorize: the XACML JSON request after its member names are made canonical
// (xacml.ts). Types are checked as System.Text.Json binds them (a number where a string is expected is
// a 400); unknown members are allowed, as ASP.NET ignores them.

const nullableString = { type: ['string', 'null'] } as const;

const attribute = {
  type: 'object',
  properties: {
    AttributeId: { type: 'string' },
    Value: nullableString,
    Issuer: nullableString,
    DataType: nullableString,
    IncludeInResult: { type: 'boolean' },
  },
  // Strict where Altinn is lax: an attribute without an id cannot be evaluated.
  required: ['AttributeId'],
} as const;

const category = {
  type: 'object',
  properties: {
    CategoryId: nullableString,
    Id: nullableString,
    Content: nullableString,
    Attribute: { type: ['array', 'null'], items: attribute },
  },
} as const;

const categories = { type: ['array', 'null'], items: category } as const;

export const authorizeBody = {
  type: 'object',
  properties: {
    Request: {
      type: 'object',
      properties: {
        ReturnPolicyIdList: { type: 'boolean' },
        CombinedDecision: { type: 'boolean' },
        XPathVersion: nullableString,
        Category: categories,
        Resource: categories,
        Action: categories,
        AccessSubject: categories,
        RecipientSubject: categories,
        IntermediarySubject: categories,
        RequestingMachine: categories,
        MultiRequests: {
          type: ['object', 'null'],
          properties: {
            RequestReference: {
              type: ['array', 'null'],
              items: {
                type: 'object',
                properties: { ReferenceId: { type: ['array', 'null'], items: { type: 'string' } } },
              },
            },
          },
        },
      },
    },
  },
  required: ['Request'],
} as const;
