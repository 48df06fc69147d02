// Route schemas of the Maskinporten stand-in (shape only; the grant rules run in checks.ts).

import { accessTokenResponse, stringList } from '../../platform/schemas.ts';

/** The token request form (docs/contracts/altinn-authentication.md §6.1). A repeated parameter parses to an array and is refused (RFC 6749 §3.2). */
export interface TokenRequestBody {
  grant_type: string;
  assertion?: string;
  resource?: string | string[];
  [parameter: string]: unknown;
}

export const tokenRequestBody = {
  type: 'object',
  required: ['grant_type'],
  properties: {
    grant_type: { type: 'string' },
    assertion: { type: 'string', maxLength: 65536 },
    // RFC 8707 allows resource more than once.
    resource: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 20 }] },
  },
  // Other form parameters are ignored, as an OAuth server ignores parameters it does not know (RFC 6749 §3.2).
  additionalProperties: true,
} as const;

/** docs/contracts/altinn-authentication.md §6.3: every key of the success response is declared. */
export const tokenResponse = accessTokenResponse;


/** RFC 8414 metadata; every key the stand-in sends is declared. */
export const metadataResponse = {
  type: 'object',
  required: ['issuer', 'token_endpoint', 'jwks_uri'],
  properties: {
    issuer: { type: 'string' },
    token_endpoint: { type: 'string' },
    jwks_uri: { type: 'string' },
    token_endpoint_auth_methods_supported: stringList,
    token_endpoint_auth_signing_alg_values_supported: stringList,
    grant_types_supported: stringList,
    authorization_details_types_supported: stringList,
  },
} as const;
