// What a conforming target answers to the attack battery (features/sikkerhet/angrep-*.feature):
// Maskinporten refuses the grant with the OAuth error and MP id of docs/contracts/altinn-authentication.md §6.4 and
// gives no token; a protected API refuses the token with 401 (not authenticated) or 403 (no scope),
// and with its own error code where the contract names one.

import assert from 'node:assert/strict';
import { expectOAuthError, expectStatus } from '../assertions.ts';
import { security, type GrantAttackName, type ProtectedApiName, type TokenAttackName } from '../tasks/sikkerhet.ts';
import type { Vendor } from '../actors/vendor.ts';
import type { Refusal } from '../answer-words.ts';

/** The requirement (features/krav.yaml) each grant attack tests. */
const GRANT_KRAV: Record<GrantAttackName, string> = {
  'alg «none» og ingen signatur': 'SEC-1',
  'HS256-signatur laget med den offentlige nøkkelen': 'SEC-1',
  'en nøkkel-ID Maskinporten ikke kjenner': 'SEC-1',
  'exp som allerede er passert': 'SEC-2',
  'iat 30 sekunder tilbake i tid': 'SEC-2',
  'levetid på 300 sekunder': 'SEC-2',
  'nbf 60 sekunder fram i tid': 'SEC-2',
  'feil aud': 'SEC-3',
  'en jti som er brukt før': 'SEC-4',
  'nøyaktig samme innhold og signatur som en grant som er brukt før': 'SEC-4',
  'ingen scope': 'SEC-5',
  'et scope klienten ikke har': 'SEC-5',
  'to elementer i authorization_details': 'SEC-6',
  'et ukjent felt i authorization_details': 'SEC-6',
  'en ukjent type i authorization_details': 'SEC-6',
};

/** The requirement each token attack tests. */
const TOKEN_KRAV: Record<TokenAttackName, string> = {
  'et usignert token (alg «none»)': 'SEC-7',
  'et token fra en annen utsteder': 'SEC-8',
  'et utløpt token': 'SEC-9',
  'et token uten scopet API-et krever': 'SEC-10',
};

/** Maskinporten refused the grant with `error` and `mpId`, and gave no token. */
export function expectGrantRefused(vendor: Vendor, error: string, mpId: string): void {
  const notes = security(vendor).grant;
  assert.ok(notes, `${vendor.role} har ikke sendt noen grant til Maskinporten i dette scenarioet.`);
  const krav = GRANT_KRAV[notes.attack];
  const what = `Grant med ${notes.attack}`;
  expectOAuthError(notes.response, error, mpId, krav, what);
  expectStatus(notes.response, 400, krav, what);
  const body = notes.response.body as { access_token?: unknown } | undefined;
  assert.equal(body?.access_token, undefined, `[${krav}] ${what}: en avvist grant skal ikke gi noe token.`);
}

/** The API refused the call made with the attack token as `refusal` says. */
export function expectCallRefused(vendor: Vendor, apiName: ProtectedApiName, refusal: Refusal): void {
  const notes = security(vendor).api;
  assert.ok(notes?.attack && notes.response, `${vendor.role} har ikke kalt ${apiName} med et angrepstoken i dette scenarioet.`);
  assert.equal(notes.api, apiName, `${vendor.role} angrep ${notes.api}, ikke ${apiName}.`);
  const krav = TOKEN_KRAV[notes.attack];
  const what = `${apiName} kalt med ${notes.attack}`;
  expectStatus(notes.response, refusal.status, krav, what);
  if (refusal.code !== undefined) {
    const code = notes.response.problem?.code;
    assert.equal(code, refusal.code, `[${krav}] ${what}: forventet feilkoden ${refusal.code}, fikk ${code ?? '(ingen kode)'} i ${JSON.stringify(notes.response.body)}.`);
  }
}
