// What a conforming Maskinporten answers to a system user grant (docs/contracts/altinn-authentication.md §6).

import assert from 'node:assert/strict';
import { expectOAuthError, expectStatus } from '../assertions.ts';
import { orgNoOf, type Iso6523Party } from '../clients/authentication.ts';
import { checkIssuedToken } from '../tasks/maskinporten.ts';
import { tokenResponseProblems } from '../answers.ts';
import type { TokenResponse } from '../clients/maskinporten.ts';
import { registeredSystemId } from '../tasks/systemregister.ts';
import { MVA_SCOPES, type Vendor } from '../actors/vendor.ts';
import type { Company } from '../actors/company.ts';

interface SystemUserDetail {
  type?: unknown;
  systemuser_id?: unknown;
  systemuser_org?: Iso6523Party;
  system_id?: unknown;
}

/**
 * TOK-4: the token response agrees with the token it carries (token_type Bearer, expires_in = exp − iat,
 * scope = the token's scope claim), on every target: both come from the target in the same answer.
 */
export function expectTokenResponseConsistent(body: TokenResponse, claims: Record<string, unknown>): void {
  const problems = tokenResponseProblems(body, claims);
  assert.equal(problems.length, 0, `[TOK-4] Tokensvaret fra Maskinporten stemmer ikke med tokenet: ${problems.join('; ')}.`);
}

/** TOK-1 / TOK-4 / SB-3.4: 200, and a token signed by Maskinporten carrying the system user's claims. */
export async function expectSystemUserToken(vendor: Vendor, company: Company): Promise<void> {
  const response = vendor.customer(company).tokenResponse;
  assert.ok(response, `Systemet har ikke bedt Maskinporten om systembrukertoken for ${company.role}.`);
  expectStatus(response, 200, 'TOK-1', 'Tokenforespørsel med systembruker');
  const body = response.data;
  assert.ok(typeof body?.access_token === 'string', `[TOK-1] Svaret skal ha access_token, var ${JSON.stringify(response.body)}.`);

  const token = await checkIssuedToken(vendor, body.access_token);
  assert.equal(token.verificationError, undefined, `[TOK-1] Tokenet skal være signert med en av Maskinportens publiserte nøkler og ha iss=${token.issuer}: ${token.verificationError}.`);
  const claims = token.claims;
  expectTokenResponseConsistent(body, claims);
  assert.ok(String(claims.scope ?? '').split(' ').includes(MVA_SCOPES.write), `[TOK-1] scope skal inneholde ${MVA_SCOPES.write}, var "${String(claims.scope)}".`);
  assert.equal(orgNoOf(claims.consumer as Iso6523Party), vendor.orgNo, `[TOK-1] consumer skal være systemleverandøren 0192:${vendor.orgNo}, var ${JSON.stringify(claims.consumer)}.`);
  const details = claims.authorization_details as SystemUserDetail[] | undefined;
  assert.ok(Array.isArray(details) && details.length === 1, `[TOK-1] authorization_details skal ha nøyaktig ett element, var ${JSON.stringify(details)}.`);
  const detail = details[0] as SystemUserDetail;
  assert.equal(detail.type, 'urn:altinn:systemuser', `[TOK-1] authorization_details[0].type skal være urn:altinn:systemuser, var ${String(detail.type)}.`);
  assert.ok(Array.isArray(detail.systemuser_id) && detail.systemuser_id[0] === company.notes.systemUserId, `[TOK-1] systemuser_id[0] skal være systembrukeren ${company.notes.systemUserId}, var ${JSON.stringify(detail.systemuser_id)}.`);
  assert.equal(orgNoOf(detail.systemuser_org), company.orgNo, `[TOK-1] systemuser_org skal være ${company.role} 0192:${company.orgNo}, var ${JSON.stringify(detail.systemuser_org)}.`);
  assert.equal(detail.system_id, registeredSystemId(vendor), `[TOK-1] system_id skal være ${registeredSystemId(vendor)}, var ${String(detail.system_id)}.`);
}

/**
 * TOK-2: the grant is refused (REQ-10 when the company's system user was deleted in the scenario) with the OAuth error and MP id the contract names, and no token is given.
 * TOK-3 when the company is an accountant's client: the owner of an agent system user is the accountant,
 * never the client, so a grant with the client's org number finds no system user.
 */
export function expectTokenRefused(vendor: Vendor, company: Company, error: string, mpId: string): void {
  const response = vendor.customer(company).tokenResponse;
  assert.ok(response, `Systemet har ikke bedt Maskinporten om systembrukertoken for ${company.role}.`);
  const deleted = company.notes.deletion !== undefined && company.notes.deletion.answer.status < 300;
  const krav = company.notes.accountantOrgNo ? 'TOK-3' : deleted ? 'REQ-10' : 'TOK-2';
  const what = company.notes.accountantOrgNo
    ? `Tokenforespørsel med ${company.role}s organisasjonsnummer som systemuser_org (eieren av klientsystembrukeren er regnskapsføreren ${company.notes.accountantOrgNo})`
    : deleted
      ? `Tokenforespørsel for ${company.role} etter at systembrukeren er slettet`
      : `Tokenforespørsel for ${company.role} uten gyldig systembruker`;
  expectOAuthError(response, error, mpId, krav, what);
  expectStatus(response, 400, krav, what);
  const body = response.body as { access_token?: unknown } | undefined;
  assert.equal(body?.access_token, undefined, `[${krav}] En avvist tokenforespørsel skal ikke gi noe token.`);
}
