// Small value rules of Dialogporten: ids (UUID v7), timestamps, party URNs and language codes
// (docs/contracts/dialogporten-broker.md §A.0, §A.2, §A.4).

import { randomBytes } from 'node:crypto';
import { isValidOrgNo, isValidPid } from '../../platform/orgno.ts';
import { validation } from './problems.ts';

export const RESOURCE_PREFIX = 'urn:altinn:resource:';
export const ORG_PARTY_PREFIX = 'urn:altinn:organization:identifier-no:';
export const PERSON_PARTY_PREFIX = 'urn:altinn:person:identifier-no:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A UUID v7 (RFC 9562 §5.7): 48-bit Unix milliseconds, version 7, variant 10, random bits. Dialogporten's ids are v7. */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const isUuid = (value: string): boolean => UUID.test(value);
export const isUuidV7 = (value: string): boolean => UUID_V7.test(value);

/** The Unix milliseconds of a UUID v7. */
export function uuidV7Time(value: string): number {
  return Number.parseInt(value.replace(/-/g, '').slice(0, 12), 16);
}

/** Dialogporten writes DateTimeOffset with an explicit offset (`...+00:00`, docs/contracts/dialogporten-broker.md §A.0). */
export function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/**
 * An ISO timestamp from a request, normalised to the same form. The route schema checked `date-time`;
 * a value it lets through that is no instant (a leap second, `23:59:60`) is a 400 here.
 */
export function normaliseTimestamp(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw validation({ dto: [`'${value}' is not a valid date and time.`] });
  return timestamp(ms);
}

/** The national identity number of a person party URN, or undefined. */
export function personPid(party: string): string | undefined {
  return party.startsWith(PERSON_PARTY_PREFIX) ? party.slice(PERSON_PARTY_PREFIX.length) : undefined;
}

/** The organisation number of an organisation party URN, or undefined (persons and other forms). */
export function partyOrgNo(party: string): string | undefined {
  return party.startsWith(ORG_PARTY_PREFIX) ? party.slice(ORG_PARTY_PREFIX.length) : undefined;
}

/**
 * docs/contracts/dialogporten-broker.md §A.2, §A.4: a party is `urn:altinn:organization:identifier-no:<9 digits>` or
 * `urn:altinn:person:identifier-no:<11 digits>`, checksums validated. The legacy self-identified and
 * ID-porten e-mail forms are not supported by the reference (its end users are organisations).
 */
export function isValidParty(party: string): boolean {
  const value = party.toLowerCase();
  if (value.startsWith(ORG_PARTY_PREFIX)) return isValidOrgNo(value.slice(ORG_PARTY_PREFIX.length));
  if (value.startsWith(PERSON_PARTY_PREFIX)) return isValidPid(value.slice(PERSON_PARTY_PREFIX.length));
  return false;
}

/** The resource identifier of `urn:altinn:resource:<id>`, or undefined. */
export function resourceIdOf(serviceResource: string): string | undefined {
  if (!serviceResource.toLowerCase().startsWith(RESOURCE_PREFIX)) return undefined;
  const id = serviceResource.slice(RESOURCE_PREFIX.length);
  return id.length > 0 ? id : undefined;
}

/**
 * docs/contracts/dialogporten-broker.md §A.4: language codes are ISO 639-1; `no` is refused (use `nb`/`nn`); a culture code is
 * normalised (`en-US` → `en`). Returns the normalised code, or undefined when it is not valid.
 */
export function normaliseLanguageCode(code: string): string | undefined {
  const match = /^([a-zA-Z]{2})(?:[-_][a-zA-Z]{2,4})?$/.exec(code);
  const language = match?.[1]?.toLowerCase();
  if (!language || language === 'no') return undefined;
  return language;
}
