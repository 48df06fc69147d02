// The system user token for a service other than the MVA sample service: the same grant (docs/contracts/altinn-authentication.md
// §6.1: one authorization_details entry naming the system user's owner), asking for
// the service's own scope — `digdir:dialogporten` for Dialogporten, `altinn:broker.write` for the
// broker. Maskinporten's answer is kept by the domain that asked (Dialogporten, formidling).

import { assertTestable, requireSuccess } from '../assertions.ts';
import { systemUserDetails } from '../actors/maskinporten-identity.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { TokenResponse } from '../clients/maskinporten.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/** Maskinporten's answer to one scoped system user grant, and the token when there was one. */
export interface ScopedToken {
  scope: string;
  response: ApiResponse<TokenResponse>;
  value?: string;
}

/** The system asks Maskinporten for a system user token for `owner` with `scope` (When). */
export async function requestScopedSystemUserToken(vendor: Vendor, owner: Company, scope: string): Promise<ScopedToken> {
  await Promise.all([vendor.ready(), owner.ready()]);
  const response = await vendor.maskinporten.requestToken({ scope, authorizationDetails: [systemUserDetails(owner.orgNo)] });
  const value = response.status === 200 && typeof response.data?.access_token === 'string' ? response.data.access_token : undefined;
  return { scope, response, ...(value ? { value } : {}) };
}

/** The token of a scoped grant that must have succeeded (Given): a refusal makes the scenario not testable. */
export function requireScopedToken(token: ScopedToken, owner: Company): string {
  requireSuccess(token.response, `Å hente systembrukertoken med scopet ${token.scope} fra Maskinporten for ${owner.role}`, [200]);
  assertTestable(token.value, `Maskinporten svarte uten access_token for ${owner.role}.`);
  return token.value;
}

/**
 * A plain Maskinporten token for the vendor's own organisation with `scope`: no authorization_details,
 * so no system user (docs/contracts/dialogporten-broker.md §A.6: such a token must be refused by the end-user API).
 */
export async function plainMaskinportenToken(vendor: Vendor, scope: string): Promise<string> {
  await vendor.ready();
  const body = requireSuccess(await vendor.maskinporten.requestToken({ scope }), `Å hente et vanlig Maskinporten-token (uten systembruker) med scopet ${scope}`, [200]);
  assertTestable(typeof body?.access_token === 'string', 'Maskinporten svarte uten access_token.');
  return body.access_token;
}
