// Tasks of the platform views (docs/contracts/platform-behaviour.md §2, §4): a person reads what a
// registered system asks for, and the vendor exchanges its Maskinporten token for an Altinn token.
// What each call answered is kept per actor for the Then-steps.

import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { assertTestable } from '../assertions.ts';
import type { PlatformViewsClient } from '../clients/platform-views.ts';
import { TOKEN_ATTACKS, type TokenAttackName } from './sikkerhet.ts';
import type { AccessPackageRef, Right } from '../clients/authentication.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Actor } from '../actors/actor.ts';
import type { Person } from '../actors/person.ts';
import type { Vendor } from '../actors/vendor.ts';

export interface SystemViewNotes {
  systemId?: string;
  rights?: ApiResponse<Right[]>;
  accessPackages?: ApiResponse<AccessPackageRef[]>;
}

export interface ExchangeNotes {
  /** The token the vendor presented to the exchange. */
  original?: string;
  exchange?: ApiResponse<string>;
  /** A platform API's answer to the exchanged token. */
  apiCall?: ApiResponse<Array<{ systemId: string }>>;
}

const viewNotes = new WeakMap<Actor, SystemViewNotes>();
const exchangeNotes = new WeakMap<Actor, ExchangeNotes>();

export function systemViews(actor: Actor): SystemViewNotes {
  let notes = viewNotes.get(actor);
  if (!notes) viewNotes.set(actor, (notes = {}));
  return notes;
}

export function exchanges(actor: Actor): ExchangeNotes {
  let notes = exchangeNotes.get(actor);
  if (!notes) exchangeNotes.set(actor, (notes = {}));
  return notes;
}

export function platformViews(actor: Actor): PlatformViewsClient {
  return actor.platformViews;
}

/** The person reads the rights and access packages of `systemId` with their portal token (scope altinn:portal/enduser). */
export async function readSystemViews(person: Person, systemId: string): Promise<void> {
  const token = await person.token();
  const client = platformViews(person);
  const notes = systemViews(person);
  notes.systemId = systemId;
  notes.rights = await client.systemRights(token, systemId);
  notes.accessPackages = await client.systemAccessPackages(token, systemId);
}

/** The vendor's own registered system, which an earlier step registered. */
export function registeredSystemOf(vendor: Vendor): string {
  const systemId = vendor.notes.registeredSystemId;
  assertTestable(systemId, 'Systemleverandøren har ikke registrert noe system i dette scenarioet.');
  return systemId;
}

/** A system id in the vendor's name that no one has registered. */
export function unknownSystemId(vendor: Vendor): string {
  return `${vendor.orgNo}_samsvar_finnes_ikke_${randomBytes(6).toString('hex')}`;
}

/** The vendor reads its own system's rights with its system register token (no portal scope). */
export async function readSystemRightsAsVendor(vendor: Vendor): Promise<void> {
  const notes = systemViews(vendor);
  notes.systemId = registeredSystemOf(vendor);
  notes.rights = await platformViews(vendor).systemRights(await vendor.platformToken(), notes.systemId);
}

/** The vendor exchanges its Maskinporten token (for the platform APIs) for an Altinn token. */
export async function exchangeOwnToken(vendor: Vendor): Promise<void> {
  await vendor.ready();
  const notes = exchanges(vendor);
  notes.original = await vendor.platformToken();
  notes.exchange = await platformViews(vendor).exchange('maskinporten', notes.original);
}

/** The vendor presents a manipulated token to the exchange (the attack battery's tokens; not the scope attack). */
export async function exchangeAttackToken(vendor: Vendor, attack: TokenAttackName): Promise<void> {
  assertTestable(attack !== 'et token uten scopet API-et krever', 'Tokenvekslingen krever ikke noe scope; det angrepet gjelder ikke her.');
  await vendor.ready();
  const genuine = await vendor.platformToken();
  const token = await (TOKEN_ATTACKS[attack] as (v: Vendor, c: undefined, a: never, g: string) => Promise<string>)(vendor, undefined, undefined as never, genuine);
  const notes = exchanges(vendor);
  notes.original = token;
  notes.exchange = await platformViews(vendor).exchange('maskinporten', token);
}

/** The vendor calls a platform API (its system list in the system register) with the exchanged token. */
export async function callPlatformWithExchanged(vendor: Vendor): Promise<void> {
  const notes = exchanges(vendor);
  const exchanged = notes.exchange;
  assertTestable(exchanged?.status === 200 && typeof exchanged.body === 'string', 'Systemleverandøren har ikke fått noe vekslet token.');
  notes.apiCall = await platformViews(vendor).vendorSystems(exchanged.body.replace(/^"|"$/g, ''));
}

/** The claims of the exchanged token, unverified (the expectation verifies the signature). */
export function claimsOf(token: string): Record<string, unknown> {
  return decodeJwt(token) as Record<string, unknown>;
}
