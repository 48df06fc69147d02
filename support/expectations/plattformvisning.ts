// What a conforming platform answers (docs/contracts/platform-behaviour.md §2, §4): the end-user
// views of a system show exactly what the vendor registered; an exchanged token is an Altinn token
// signed by a key Altinn publishes, with the contract's claims, and a platform API takes it. Each
// message names its requirement (features/krav.yaml).

import assert from 'node:assert/strict';
import { createLocalJWKSet, decodeJwt, jwtVerify, type JWK } from 'jose';
import { expectStatus } from '../assertions.ts';
import { exchanges, platformViews, systemViews } from '../tasks/plattformvisning.ts';
import type { AccessPackageRef, RegisterSystemRequest, Right } from '../clients/authentication.ts';
import type { Actor } from '../actors/actor.ts';
import type { Vendor } from '../actors/vendor.ts';

/** A right as a comparable string: action and the ordered attribute pairs. */
function rightKey(r: Right): string {
  return JSON.stringify([r.action ?? null, (r.resource ?? []).map((p) => [p.id, p.value])]);
}

/** SRS-1, SRS-2: the person sees exactly the rights and access packages the vendor registered, in order. */
export function expectSystemViewsAsRegistered(reader: Actor, registered: RegisterSystemRequest): void {
  const notes = systemViews(reader);
  assert.ok(notes.rights && notes.accessPackages, `${reader.role} har ikke lest systemets rettigheter og tilgangspakker.`);
  expectStatus(notes.rights, 200, 'SRS-1', 'Systemets rettigheter for sluttbrukeren');
  const rights = notes.rights.body as Right[];
  assert.ok(Array.isArray(rights), `[SRS-1] Systemets rettigheter: svaret skal være en liste, var ${JSON.stringify(notes.rights.body)}.`);
  assert.deepEqual(rights.map(rightKey), (registered.rights ?? []).map(rightKey),
    `[SRS-1] Systemets rettigheter: ${reader.role} skal se nøyaktig rettighetene systemleverandøren registrerte.`);
  expectStatus(notes.accessPackages, 200, 'SRS-2', 'Systemets tilgangspakker for sluttbrukeren');
  const packages = notes.accessPackages.body as AccessPackageRef[];
  assert.ok(Array.isArray(packages), `[SRS-2] Systemets tilgangspakker: svaret skal være en liste, var ${JSON.stringify(notes.accessPackages.body)}.`);
  assert.deepEqual(packages.map((p) => p?.urn), (registered.accessPackages ?? []).map((p) => p.urn),
    `[SRS-2] Systemets tilgangspakker: ${reader.role} skal se nøyaktig tilgangspakkene systemleverandøren registrerte, i samme rekkefølge.`);
}

/** SRS-3: a system no one registered has no rights and no access packages (Altinn answers 200 with empty lists). */
export function expectEmptySystemViews(reader: Actor): void {
  const notes = systemViews(reader);
  assert.ok(notes.rights && notes.accessPackages, `${reader.role} har ikke lest systemets rettigheter og tilgangspakker.`);
  expectStatus(notes.rights, 200, 'SRS-3', 'Rettighetene til et system som ikke finnes');
  assert.deepEqual(notes.rights.body, [], `[SRS-3] Rettighetene til et system som ikke finnes skal være en tom liste, var ${JSON.stringify(notes.rights.body)}.`);
  expectStatus(notes.accessPackages, 200, 'SRS-3', 'Tilgangspakkene til et system som ikke finnes');
  assert.deepEqual(notes.accessPackages.body, [], `[SRS-3] Tilgangspakkene til et system som ikke finnes skal være en tom liste, var ${JSON.stringify(notes.accessPackages.body)}.`);
}

/** SRS-4: the end-user view needs altinn:portal/enduser; the vendor's system register token gets 403. */
export function expectSystemViewRefusedForVendor(vendor: Vendor, status: number): void {
  const rights = systemViews(vendor).rights;
  assert.ok(rights, 'Systemleverandøren har ikke lest systemets rettigheter.');
  expectStatus(rights, status, 'SRS-4', 'Sluttbrukervisningen av systemets rettigheter med systemleverandørens systemregister-token');
}

/** Altinn writes its JWKS modulus and exponent in standard base64 (§4); jose wants base64url. */
function asBase64url(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : value;
}

/** TV-1: an Altinn token, signed by a key under openid/, with the claims §4 describes. */
export async function expectExchangedToken(vendor: Vendor): Promise<void> {
  const notes = exchanges(vendor);
  assert.ok(notes.exchange && notes.original, 'Systemleverandøren har ikke vekslet noe token.');
  expectStatus(notes.exchange, 200, 'TV-1', 'Tokenveksling av Maskinporten-tokenet');
  const token = String(notes.exchange.body).trim().replace(/^"|"$/g, '');
  assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/, `[TV-1] Tokenvekslingen skal svare med tokenet som tekst, var ${notes.exchange.text.slice(0, 80)}.`);
  const config = await platformViews(vendor).openIdConfiguration();
  expectStatus(config, 200, 'TV-1', 'Altinns OpenID-konfigurasjon');
  const issuer = (config.body as { issuer?: unknown }).issuer;
  assert.ok(typeof issuer === 'string' && issuer.endsWith('/authentication/api/v1/openid/'), `[TV-1] OpenID-konfigurasjonens issuer skal være Altinns (…/authentication/api/v1/openid/), var ${String(issuer)}.`);
  const jwks = await platformViews(vendor).jwks();
  expectStatus(jwks, 200, 'TV-1', 'Altinns publiserte signeringsnøkler (JWKS)');
  const keys = ((jwks.body as { keys?: Array<Record<string, unknown>> }).keys ?? []).map((k) => ({ ...k, n: asBase64url(k.n), e: asBase64url(k.e) }) as JWK);
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, createLocalJWKSet({ keys }), { issuer, algorithms: ['RS256'] }));
  } catch (error) {
    assert.fail(`[TV-1] Det vekslede tokenet skal være signert med en nøkkel Altinn publiserer under openid/ og ha Altinns issuer: ${(error as Error).message}.`);
  }
  const original = decodeJwt(notes.original);
  assert.deepEqual(claims.consumer, original.consumer, '[TV-1] Det vekslede tokenet skal ha consumer-kravet fra Maskinporten-tokenet.');
  assert.equal(claims.scope, original.scope, '[TV-1] Det vekslede tokenet skal ha scopene fra Maskinporten-tokenet.');
  assert.equal(claims['urn:altinn:orgNumber'], vendor.orgNo, `[TV-1] urn:altinn:orgNumber skal være systemleverandørens organisasjonsnummer ${vendor.orgNo}, var ${String(claims['urn:altinn:orgNumber'])}.`);
  assert.equal(claims['urn:altinn:authenticatemethod'], 'maskinporten', '[TV-1] urn:altinn:authenticatemethod skal være maskinporten.');
  assert.equal(Number(claims['urn:altinn:authlevel']), 3, '[TV-1] urn:altinn:authlevel skal være 3.');
  assert.equal(claims.aud, undefined, '[TV-1] Det vekslede tokenet skal ikke ha aud-kravet fra Maskinporten-tokenet.');
  assert.equal(claims.client_amr, undefined, '[TV-1] Det vekslede tokenet skal ikke ha client_amr fra Maskinporten-tokenet.');
}

/** TV-2: a platform API takes the exchanged token as it takes the Maskinporten token. */
export function expectPlatformAcceptsExchanged(vendor: Vendor): void {
  const call = exchanges(vendor).apiCall;
  assert.ok(call, 'Systemleverandøren har ikke kalt noe plattform-API med det vekslede tokenet.');
  expectStatus(call, 200, 'TV-2', 'Systemregisteret med det vekslede tokenet');
  assert.ok(Array.isArray(call.body), `[TV-2] Systemregisteret skal svare med systemleverandørens systemer, var ${JSON.stringify(call.body)}.`);
}

/** TV-3: a token the exchange must not trust gives 401 and no Altinn token. */
export function expectExchangeRefused(vendor: Vendor, status: number): void {
  const response = exchanges(vendor).exchange;
  assert.ok(response, 'Systemleverandøren har ikke forsøkt å veksle noe token.');
  expectStatus(response, status, 'TV-3', 'Tokenveksling av et token Altinn ikke skal stole på');
  assert.ok(!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(response.text.trim()), '[TV-3] Tokenvekslingen ga et token for et token den skulle avvise.');
}
