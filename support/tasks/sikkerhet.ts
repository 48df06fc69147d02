// The attack battery (features/sikkerhet/angrep-*.feature): JWT grants Maskinporten must refuse
// (docs/contracts/altinn-authentication.md §6.1, §6.4), and tokens every protected API must refuse (docs/contracts/altinn-authorization.md
// §1.5; docs/contracts/dialogporten-broker.md §A.6, §B.6; docs/samsvar-apis.md §3). Each attack changes
// one thing in what a well-behaved client sends, so a target that skips exactly that check is caught.
// The suite makes the attacks itself with jose, as an attacker would; it needs no help from the target
// except the test data API's token mint for the expired token (capability testdata-api).

import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { newSigningKey, systemUserDetails, type MaskinportenIdentity } from '../actors/maskinporten-identity.ts';
import { MESSAGE_AND_FILE_SCOPES, MVA_SCOPES, type Vendor } from '../actors/vendor.ts';
import { organisationParty } from '../clients/dialogporten.ts';
import { claimsToCopy } from './maskinporten.ts';
import { plainMaskinportenToken, requestScopedSystemUserToken, requireScopedToken } from './systembrukertoken.ts';
import { registeredSystemId } from './systemregister.ts';
import { TINGLYSING_RESOURCE_ID } from './formidling.ts';
import { vatReport } from './tjeneste.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { TokenResponse } from '../clients/maskinporten.ts';
import type { Company } from '../actors/company.ts';

// ---- Grants Maskinporten must refuse ----------------------------------------------------------------

/** What an attack sends: the assertion under test, and for a replay the grant that used it first. */
interface CraftedGrant {
  assertion: string;
  /** Sent (and required to succeed) before `assertion`, so that `assertion` is a replay. */
  spentFirst?: string;
}

type GrantAttack = (identity: MaskinportenIdentity, valid: Record<string, unknown>) => Promise<CraftedGrant>;

const seconds = (): number => Math.floor(Date.now() / 1000);

/** A grant with the valid claims changed by `change`, signed as the client signs (RS256, its kid). */
function changed(change: (claims: Record<string, unknown>) => void): GrantAttack {
  return async (identity, valid) => {
    const claims = { ...valid };
    change(claims);
    return { assertion: await identity.signGrant(claims) };
  };
}

/**
 * Every grant attack by the words the features use for it (after "en grant med"). The keys are the
 * vocabulary of the parameter type {grantangrep}: a feature naming an attack not listed here has an
 * undefined step, which fails the run.
 */
export const GRANT_ATTACKS = {
  // Signature and key (docs/contracts/altinn-authentication.md §6.1 grant header: RS256/384/512 with a registered kid; §6.4 MP-100, MP-124)
  'alg «none» og ingen signatur': async (_identity, valid) => ({ assertion: new UnsecuredJWT(valid).encode() }),
  'HS256-signatur laget med den offentlige nøkkelen': async (identity, valid) => ({
    assertion: await new SignJWT(valid)
      .setProtectedHeader({ alg: 'HS256', kid: identity.kid, typ: 'JWT' })
      .sign(new TextEncoder().encode(identity.publicKeyPem())),
  }),
  'en nøkkel-ID Maskinporten ikke kjenner': async (_identity, valid) => {
    const stranger = await newSigningKey();
    return { assertion: await new SignJWT(valid).setProtectedHeader({ alg: 'RS256', kid: stranger.kid, typ: 'JWT' }).sign(stranger.privateKey) };
  },
  // Time (§6.1 iat ±10 s, exp − iat ≤ 120 s; §6.4 MP-130, MP-011)
  'exp som allerede er passert': changed((c) => {
    const now = seconds();
    c.iat = now - 5;
    c.exp = now - 1;
  }),
  'iat 30 sekunder tilbake i tid': changed((c) => {
    const now = seconds();
    c.iat = now - 30;
    c.exp = now + 60;
  }),
  // RFC 7523 §3 item 5: not before nbf (MP-130, as for the other time checks)
  'nbf 60 sekunder fram i tid': changed((c) => {
    const now = seconds();
    c.iat = now;
    c.nbf = now + 60;
    c.exp = now + 100;
  }),
  'levetid på 300 sekunder': changed((c) => {
    const now = seconds();
    c.iat = now;
    c.exp = now + 300;
  }),
  // Audience (§6.1 aud; §6.4 MP-110)
  'feil aud': changed((c) => {
    c.aud = 'https://feil-maskinporten.samsvar.invalid/';
  }),
  // Replay (§6.1 jti; §6.4 MP-012)
  'en jti som er brukt før': async (identity, valid) => {
    const spentFirst = await identity.signGrant(valid);
    // Another grant (one second longer lifetime, so another signature) with the same jti.
    const assertion = await identity.signGrant({ ...valid, exp: (valid.exp as number) + 1 });
    return { assertion, spentFirst };
  },
  'nøyaktig samme innhold og signatur som en grant som er brukt før': async (identity, valid) => {
    const spent = await identity.signGrant(valid);
    return { assertion: spent, spentFirst: spent };
  },
  // Scope (§6.1 scope; §6.4 MP-200)
  'ingen scope': changed((c) => {
    delete c.scope;
  }),
  'et scope klienten ikke har': changed((c) => {
    c.scope = `${String(c.scope)} samsvar:ikke-registrert`;
  }),
  // authorization_details (§6.1: exactly one element; unknown fields MP-302; unknown type MP-301)
  'to elementer i authorization_details': changed((c) => {
    const [first] = c.authorization_details as Array<Record<string, unknown>>;
    c.authorization_details = [first, { ...first }];
  }),
  'et ukjent felt i authorization_details': changed((c) => {
    const [first] = c.authorization_details as Array<Record<string, unknown>>;
    c.authorization_details = [{ ...first, ukjent_felt: 'samsvar' }];
  }),
  'en ukjent type i authorization_details': changed((c) => {
    const [first] = c.authorization_details as Array<Record<string, unknown>>;
    c.authorization_details = [{ ...first, type: 'urn:altinn:ukjent' }];
  }),
} as const satisfies Record<string, GrantAttack>;

export type GrantAttackName = keyof typeof GRANT_ATTACKS;

/** What the system sent and Maskinporten answered in the last grant attack. */
export interface GrantAttackNotes {
  attack: GrantAttackName;
  spentFirst?: ApiResponse<TokenResponse>;
  response: ApiResponse<TokenResponse>;
}

/**
 * The system sends Maskinporten a system user grant for the company (whose system user is approved)
 * with one thing wrong (When). A replay first spends the grant, which must succeed: otherwise the
 * second refusal would prove nothing (not testable).
 */
export async function sendGrantAttack(vendor: Vendor, company: Company, attack: GrantAttackName): Promise<void> {
  await Promise.all([vendor.ready(), company.ready()]);
  const identity = vendor.maskinporten;
  const valid = await identity.grantClaims({ scope: MVA_SCOPES.write, authorizationDetails: [systemUserDetails(company.orgNo)] });
  const craft: GrantAttack = GRANT_ATTACKS[attack];
  const crafted = await craft(identity, valid);
  const notes: Partial<GrantAttackNotes> = { attack };
  if (crafted.spentFirst !== undefined) {
    notes.spentFirst = await identity.sendGrant(crafted.spentFirst);
    requireSuccess(notes.spentFirst, 'Å bruke granten første gang (før gjenbruken)', [200]);
  }
  notes.response = await identity.sendGrant(crafted.assertion);
  security(vendor).grant = notes as GrantAttackNotes;
}

// ---- Tokens the APIs must refuse --------------------------------------------------------------------

/** A protected API the battery calls, with the call a client makes and the tokens it needs. */
interface ProtectedApi {
  /** A real token from Maskinporten that this API accepts for the call. */
  genuineToken(vendor: Vendor, company: Company | undefined): Promise<string>;
  /** A real token from Maskinporten for the same caller, without the scope the API requires. */
  tokenWithoutScope(vendor: Vendor, company: Company | undefined): Promise<string>;
  /** The call, made with `token`; the answer as it is. */
  call(vendor: Vendor, company: Company | undefined, token: string): Promise<ApiResponse<unknown>>;
}

function needsParty(company: Company | undefined, api: string): Company {
  assertTestable(company, `${api} kalles med et systembrukertoken for en virksomhet; steget nevner ingen.`);
  return company;
}

async function systemUserToken(vendor: Vendor, company: Company, scope: string): Promise<string> {
  return requireScopedToken(await requestScopedSystemUserToken(vendor, company, scope), company);
}

/** The APIs by the words the features use for them (the vocabulary of the parameter type {api}). */
export const PROTECTED_APIS = {
  // The vendor's own platform API: reading its system in the system register (docs/contracts/altinn-authentication.md §2).
  systemregisteret: {
    genuineToken: (vendor) => vendor.platformToken(),
    // A scope the vendor's client has on every target, which does not open the system register.
    tokenWithoutScope: (vendor) => plainMaskinportenToken(vendor, 'altinn:authentication/systemuser.request.read'),
    call: (vendor, _company, token) => vendor.authentication.getSystem(token, registeredSystemId(vendor)),
  },
  // The service API: a VAT report for the company (docs/samsvar-apis.md §3; scope samsvar:mva.write).
  'tjeneste-API-et': {
    genuineToken: (vendor, company) => systemUserToken(vendor, needsParty(company, 'tjeneste-API-et'), MVA_SCOPES.write),
    tokenWithoutScope: (vendor, company) => systemUserToken(vendor, needsParty(company, 'tjeneste-API-et'), MVA_SCOPES.read),
    call: (vendor, company, token) => vendor.mva.submit(token, vatReport(needsParty(company, 'tjeneste-API-et').orgNo)),
  },
  // Dialogporten's end-user search for the company's dialogs (docs/contracts/dialogporten-broker.md §A.6; scope digdir:dialogporten).
  Dialogporten: {
    genuineToken: (vendor, company) => systemUserToken(vendor, needsParty(company, 'Dialogporten'), MESSAGE_AND_FILE_SCOPES.dialogporten),
    tokenWithoutScope: (vendor, company) => systemUserToken(vendor, needsParty(company, 'Dialogporten'), MVA_SCOPES.write),
    call: (vendor, company, token) => vendor.dialogporten.searchDialogs(token, { party: organisationParty(needsParty(company, 'Dialogporten').orgNo) }),
  },
  // The broker's list of file transfers for the tinglysning resource (docs/contracts/dialogporten-broker.md §B.6; scope altinn:broker.write or .read).
  formidlingstjenesten: {
    genuineToken: async (vendor, company) => vendor.tokenFor('broker', await systemUserToken(vendor, needsParty(company, 'formidlingstjenesten'), MESSAGE_AND_FILE_SCOPES.brokerWrite)),
    tokenWithoutScope: async (vendor, company) => vendor.tokenFor('broker', await systemUserToken(vendor, needsParty(company, 'formidlingstjenesten'), MVA_SCOPES.write)),
    call: (vendor, _company, token) => vendor.broker.list(token, { resourceId: vendor.resource('tinglysing') }),
  },
} as const satisfies Record<string, ProtectedApi>;

export type ProtectedApiName = keyof typeof PROTECTED_APIS;

/** A token an attacker holds, made from the genuine one (same claims unless the attack says otherwise). */
type TokenAttack = (vendor: Vendor, company: Company | undefined, api: ProtectedApi, genuine: string) => Promise<string>;

/** Where the foreign issuer says it is: a name that resolves nowhere (RFC 6761 .invalid). */
export const FOREIGN_ISSUER = 'https://fremmed-utsteder.samsvar.invalid/';

/** The tokens by the words the features use for them (after "med"; the vocabulary of {tokenangrep}). */
export const TOKEN_ATTACKS = {
  // No signature at all (alg none), the genuine token's claims with a fresh lifetime.
  'et usignert token (alg «none»)': async (_vendor, _company, _api, genuine) => {
    const claims = decodeJwt(genuine);
    return new UnsecuredJWT({ ...claimsToCopy(genuine), jti: randomUUID() })
      .setIssuer(String(claims.iss))
      .setIssuedAt()
      .setExpirationTime('120s')
      .encode();
  },
  // Signed by an issuer the API does not trust, which puts its own public key in the header (jwk).
  'et token fra en annen utsteder': async (_vendor, _company, _api, genuine) => {
    const key = await newSigningKey();
    const { kid: _kid, alg: _alg, use: _use, ...jwk } = key.publicJwk;
    return new SignJWT({ ...claimsToCopy(genuine), jti: randomUUID() })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT', jwk })
      .setIssuer(FOREIGN_ISSUER)
      .setIssuedAt()
      .setExpirationTime('120s')
      .sign(key.privateKey);
  },
  // Signed by Maskinporten with the genuine claims, expired eight minutes ago (the test data API's mint).
  'et utløpt token': async (vendor, _company, _api, genuine) => {
    const now = seconds();
    const minted = requireSuccess(
      await vendor.testdata.mintMaskinportenToken({ claims: { ...claimsToCopy(genuine), jti: randomUUID() }, iat: now - 600, exp: now - 480 }),
      'Å lage et utløpt token med testdata-API-ets token-mint',
      [201],
    );
    assertTestable(typeof minted?.access_token === 'string', 'token-minten svarte uten access_token.');
    return minted.access_token;
  },
  // A real token from Maskinporten for the same caller, with another scope than the API requires.
  'et token uten scopet API-et krever': (vendor, company, api) => api.tokenWithoutScope(vendor, company),
} as const satisfies Record<string, TokenAttack>;

export type TokenAttackName = keyof typeof TOKEN_ATTACKS;

/** The API under attack, the genuine token it accepted, and the answer to the attack. */
export interface TokenAttackNotes {
  api: ProtectedApiName;
  company?: Company;
  genuine: string;
  attack?: TokenAttackName;
  response?: ApiResponse<unknown>;
}

/**
 * Given: the caller holds a real token that the API accepts for the call (a 2xx answer). The attack
 * tokens are made from it, so the attack is the only thing that differs; an API that refuses the
 * genuine token makes the scenario not testable, not a pass.
 */
export async function holdAcceptedToken(vendor: Vendor, apiName: ProtectedApiName, company?: Company): Promise<void> {
  await Promise.all([vendor.ready(), company?.ready()]);
  const api: ProtectedApi = PROTECTED_APIS[apiName];
  const genuine = await api.genuineToken(vendor, company);
  const accepted = await api.call(vendor, company, genuine);
  requireSuccess(accepted, `Å kalle ${apiName} med et gyldig token fra Maskinporten (kontrollkallet før angrepet)`, [200, 201]);
  security(vendor).api = { api: apiName, genuine, ...(company ? { company } : {}) };
}

/** The caller makes the same call with an attack token (When). */
export async function callWithAttackToken(vendor: Vendor, apiName: ProtectedApiName, attack: TokenAttackName): Promise<void> {
  const notes = security(vendor).api;
  assertTestable(notes?.api === apiName, `${vendor.role} har ikke noe token som ${apiName} godtar.`);
  const api: ProtectedApi = PROTECTED_APIS[apiName];
  const token = await TOKEN_ATTACKS[attack](vendor, notes.company, api, notes.genuine);
  notes.attack = attack;
  notes.response = await api.call(vendor, notes.company, token);
}

// ---- Notes ------------------------------------------------------------------------------------------

export interface SecurityNotes {
  grant?: GrantAttackNotes;
  api?: TokenAttackNotes;
}

/** The vendor's notes about the attacks of this scenario (on its notepad). */
export function security(vendor: Vendor): SecurityNotes {
  vendor.notes.security ??= {};
  return vendor.notes.security;
}
