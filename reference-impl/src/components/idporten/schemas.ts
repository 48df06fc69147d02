// Route schemas of the ID-porten stand-in (docs/samsvar-apis.md §2).

import { accessTokenResponse, stringList } from '../../platform/schemas.ts';

export interface TestLoginBody {
  pid: string;
  scope?: string;
}

/** RFC 6749 §3.3 scope: scope-tokens of visible ASCII (no space, `"` or `\`), separated by single spaces. */
const SCOPE_PATTERN = '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$';

export const testLoginBody = {
  type: 'object',
  required: ['pid'],
  properties: {
    pid: { type: 'string', maxLength: 64 },
    scope: { type: 'string', minLength: 1, maxLength: 1024, pattern: SCOPE_PATTERN },
  },
  additionalProperties: false,
} as const;

export const testLoginResponse = accessTokenResponse;


/** OpenID Connect Discovery 1.0 metadata; every key the stand-in sends is declared. */
export const openidConfigurationResponse = {
  type: 'object',
  // token_endpoint is absent in the TT02 look-alike, which has no test login (docs/contracts/tt02.md §1).
  required: ['issuer', 'jwks_uri'],
  properties: {
    issuer: { type: 'string' },
    jwks_uri: { type: 'string' },
    token_endpoint: { type: 'string' },
    scopes_supported: stringList,
    subject_types_supported: stringList,
    acr_values_supported: stringList,
    token_endpoint_auth_methods_supported: stringList,
  },
} as const;
