// Register v1's party lookups read by callers who may not see the party (features/sikkerhet/
// register-personvern.feature). Register v1 is platform-internal (docs/contracts/register.md §1): a
// person's party, with the national identity number and name, is for the platform (a platform access
// token), Register's admin scope, and a user who may act for the party. Each reader here is none of
// those: the vendor with a plain Maskinporten token, the system of another organisation's system user,
// and a person with no relation to the party read.

import { MVA_SCOPES, type Vendor } from '../actors/vendor.ts';
import { plainMaskinportenToken, requestScopedSystemUserToken, requireScopedToken } from './systembrukertoken.ts';
import type { Actor } from '../actors/actor.ts';
import type { Company } from '../actors/company.ts';
import type { Person } from '../actors/person.ts';
import type { ApiResponse } from '../clients/http.ts';

/** What a reader of a person's party did: whose party, with which token, and Register's two answers. */
export interface PartyLookupNotes {
  person: Person;
  token: string;
  byId: ApiResponse<Record<string, unknown>>;
  byUuid: ApiResponse<Record<string, unknown>>;
}

const lookups = new WeakMap<Actor, PartyLookupNotes>();

/** The reader's last lookup of a person's party in this scenario. */
export function partyLookup(reader: Actor): PartyLookupNotes | undefined {
  return lookups.get(reader);
}

/** The person exists on the target and its party ids are known (Given). */
export async function personIsInRegister(person: Person): Promise<void> {
  await person.party();
}

async function lookUp(reader: Actor, person: Person, token: string): Promise<void> {
  const { partyId, partyUuid } = await person.party();
  const [byId, byUuid] = await Promise.all([reader.register.party(token, partyId), reader.register.partyByUuid(token, partyUuid)]);
  lookups.set(reader, { person, token, byId, byUuid });
}

/** The vendor reads the person's party with a plain Maskinporten token of its own (When). */
export async function vendorLooksUpPerson(vendor: Vendor, person: Person): Promise<void> {
  await lookUp(vendor, person, await plainMaskinportenToken(vendor, MVA_SCOPES.write));
}

/** The system reads the person's party with the system user token of `owner`, which the person is not related to (When). */
export async function systemUserLooksUpPerson(vendor: Vendor, owner: Company, person: Person): Promise<void> {
  const token = requireScopedToken(await requestScopedSystemUserToken(vendor, owner, MVA_SCOPES.write), owner);
  await lookUp(vendor, person, token);
}

/** A person reads another person's party with their own token (When). */
export async function personLooksUpPerson(reader: Person, person: Person): Promise<void> {
  await lookUp(reader, person, await reader.token());
}
