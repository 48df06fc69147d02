// JSON Schema pieces several components share.

export const stringList = { type: 'array', items: { type: 'string' } } as const;

/** An OAuth 2.0 access token response (RFC 6749 §5.1) as both token stand-ins send it; every key declared. */
export const accessTokenResponse = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'scope'],
  properties: {
    access_token: { type: 'string' },
    token_type: { type: 'string' },
    expires_in: { type: 'integer' },
    scope: { type: 'string' },
  },
} as const;
