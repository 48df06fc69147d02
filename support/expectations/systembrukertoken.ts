// What Maskinporten answers to a system user grant for another service's scope (Dialogporten, the
// broker): the same token TOK-1 describes, carrying the scope that service requires.

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { orgNoOf, type Iso6523Party } from '../clients/authentication.ts';
import { checkIssuedToken } from '../tasks/maskinporten.ts';
import { expectTokenResponseConsistent } from './maskinporten.ts';
import { registeredSystemId } from '../tasks/systemregister.ts';
import type { ScopedToken } from '../tasks/systembrukertoken.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

interface SystemUserDetail {
  type?: unknown;
  systemuser_id?: unknown;
  systemuser_org?: Iso6523Party;
  system_id?: unknown;
}

/**
 * TOK-1, TOK-4 (the response agrees with the token) and the scenario's own krav (`krav`): 200, a token signed with Maskinporten's published key
 * whose scope holds the service's scope, and whose authorization_details name the system user `owner`
 * approved, its organisation and the vendor's system.
 */
export async function expectScopedSystemUserToken(vendor: Vendor, owner: Company, token: ScopedToken | undefined, krav: string): Promise<void> {
  assert.ok(token, `Systemet har ikke bedt Maskinporten om systembrukertoken for ${owner.role}.`);
  const what = `Tokenforespørsel med systembruker og scopet ${token.scope}`;
  expectStatus(token.response, 200, krav, what);
  const body = token.response.data;
  assert.ok(typeof body?.access_token === 'string', `[${krav}] Svaret skal ha access_token, var ${JSON.stringify(token.response.body)}.`);
  const issued = await checkIssuedToken(vendor, body.access_token);
  assert.equal(issued.verificationError, undefined, `[TOK-1] Tokenet skal være signert med en av Maskinportens publiserte nøkler og ha iss=${issued.issuer}: ${issued.verificationError}.`);
  const claims = issued.claims;
  expectTokenResponseConsistent(body, claims);
  const granted = String(claims.scope ?? '').split(' ');
  for (const scope of token.scope.split(' ').filter(Boolean)) {
    assert.ok(granted.includes(scope), `[${krav}] scope skal inneholde ${scope}, var "${String(claims.scope)}".`);
  }
  assert.equal(orgNoOf(claims.consumer as Iso6523Party), vendor.orgNo, `[TOK-1] consumer skal være systemleverandøren 0192:${vendor.orgNo}, var ${JSON.stringify(claims.consumer)}.`);
  const details = claims.authorization_details as SystemUserDetail[] | undefined;
  assert.ok(Array.isArray(details) && details.length === 1, `[TOK-1] authorization_details skal ha nøyaktig ett element, var ${JSON.stringify(details)}.`);
  const detail = details[0] as SystemUserDetail;
  assert.equal(detail.type, 'urn:altinn:systemuser', `[TOK-1] authorization_details[0].type skal være urn:altinn:systemuser, var ${String(detail.type)}.`);
  assert.ok(
    Array.isArray(detail.systemuser_id) && detail.systemuser_id[0] === owner.notes.systemUserId,
    `[TOK-1] systemuser_id[0] skal være systembrukeren ${owner.notes.systemUserId}, var ${JSON.stringify(detail.systemuser_id)}.`,
  );
  assert.equal(orgNoOf(detail.systemuser_org), owner.orgNo, `[TOK-1] systemuser_org skal være ${owner.role} 0192:${owner.orgNo}, var ${JSON.stringify(detail.systemuser_org)}.`);
  assert.equal(detail.system_id, registeredSystemId(vendor), `[TOK-1] system_id skal være ${registeredSystemId(vendor)}, var ${String(detail.system_id)}.`);
}
