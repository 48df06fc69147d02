// Tasks of the system register (docs/contracts/altinn-authentication.md §2): what the vendor sends to register its
// system, in the variants the features name, and the read-back.

import { randomBytes } from 'node:crypto';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { newOrgNo } from '../testdata/index.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { RegisterSystemRequest, RegisteredSystemResponse } from '../clients/authentication.ts';
import type { Vendor } from '../actors/vendor.ts';

export const ACCESS_PACKAGE_PREFIX = 'urn:altinn:accesspackage:';

/**
 * Packages meant only for client relations (not assignable, docs/contracts/altinn-authorization.md §2.3–§2.4): they
 * follow from ER roles REGN, REVI and FFØR. A system that requires one must be registered with
 * isVisible false (docs/contracts/altinn-authentication.md §2.3, AUTH.VLD-00018).
 */
export const CLIENT_RELATION_PACKAGES: ReadonlySet<string> = new Set([
  'regnskapsforer-med-signeringsrettighet',
  'regnskapsforer-uten-signeringsrettighet',
  'regnskapsforer-lonn',
  'ansvarlig-revisor',
  'revisormedarbeider',
  'forretningsforer-eiendom',
]);

/** How a registration departs from a valid one (each departure breaks exactly one rule of §2.3). */
export interface SystemVariant {
  /** Access package codes the system requires. */
  packages?: string[];
  /** Single rights on resources (resource registry identifiers). */
  rightsOn?: string[];
  /** vendor.ID without the ISO 6523 "0192:" prefix (AUTH.VLD-00000). */
  vendorIdWithoutPrefix?: boolean;
  /** A system id prefixed by another organisation number than the vendor's (AUTH.VLD-00001). */
  systemIdOfAnotherOrg?: boolean;
  /** A redirect URL that is not https (AUTH.VLD-00005). */
  plainHttpRedirect?: boolean;
}

/** A system the way a careful vendor registers it; `variant` names the one thing done wrong, if any. */
export function systemDescription(vendor: Vendor, variant: SystemVariant = {}): RegisterSystemRequest {
  const suffix = randomBytes(4).toString('hex');
  const idOrg = variant.systemIdOfAnotherOrg ? newOrgNo() : vendor.orgNo;
  const host = `systemleverandor-${vendor.orgNo}.samsvar.invalid`;
  return {
    id: `${idOrg}_samsvar_mva_${suffix}`,
    vendor: { authority: 'iso6523-actorid-upis', ID: variant.vendorIdWithoutPrefix ? vendor.orgNo : `0192:${vendor.orgNo}` },
    name: { nb: 'Samsvar MVA-system', nn: 'Samsvar MVA-system', en: 'Samsvar VAT system' },
    description: {
      nb: 'Rapporteringssystem for MVA, brukt av Samsvar.',
      nn: 'Rapporteringssystem for MVA, brukt av Samsvar.',
      en: 'VAT reporting system used by Samsvar.',
    },
    rights: (variant.rightsOn ?? []).map((resource) => ({ action: 'write', resource: [{ id: 'urn:altinn:resource', value: resource }] })),
    accessPackages: (variant.packages ?? []).map((code) => ({ urn: `${ACCESS_PACKAGE_PREFIX}${code}` })),
    clientId: [vendor.clientId],
    allowedRedirectUrls: [`${variant.plainHttpRedirect ? 'http' : 'https'}://${host}/systembruker/ferdig`],
    // A careful vendor hides a system for client relations from the customer's list (AUTH.VLD-00018).
    isVisible: !(variant.packages ?? []).some((code) => CLIENT_RELATION_PACKAGES.has(code)),
  };
}

/** The vendor registers a system (When): the answer is kept for the Then-steps. */
export async function registerSystem(vendor: Vendor, variant: SystemVariant): Promise<ApiResponse<string>> {
  await vendor.ready();
  const system = systemDescription(vendor, variant);
  vendor.notes.system = system;
  const response = await vendor.authentication.registerSystem(await vendor.platformToken(), system);
  vendor.notes.registration = response;
  if (response.status === 200) {
    vendor.notes.registeredSystemId = system.id;
    (vendor.notes.createdSystems ??= []).push(system.id);
  }
  return response;
}

/** The vendor has a registered system requiring these packages (Given): a refusal makes the scenario not testable. */
export async function ensureSystemRegistered(vendor: Vendor, packages: string[]): Promise<string> {
  const response = await registerSystem(vendor, { packages });
  requireSuccess(response, `Systemleverandørens registrering av et system med tilgangspakkene ${packages.join(', ')}`, [200]);
  const systemId = vendor.notes.registeredSystemId;
  assertTestable(systemId, 'systemet ble ikke registrert.');
  return systemId;
}

/**
 * The vendor updates its registered system (When): the system as registered, with `allowedRedirectUrls`
 * replaced. `vendor.notes.system` keeps the registered system, for the read-back.
 */
export async function updateSystemRedirectUrls(vendor: Vendor, allowedRedirectUrls: string[]): Promise<ApiResponse<unknown>> {
  const system = vendor.notes.system;
  assertTestable(system && vendor.notes.registeredSystemId === system.id, 'systemleverandøren har ikke registrert noe system i dette scenarioet.');
  vendor.notes.systemUpdate = await vendor.authentication.updateSystem(await vendor.platformToken(), system.id, { ...system, allowedRedirectUrls });
  return vendor.notes.systemUpdate;
}

/** The vendor reads the system it last tried to register (a question). */
export async function readOwnSystem(vendor: Vendor): Promise<ApiResponse<RegisteredSystemResponse>> {
  const systemId = vendor.notes.system?.id;
  assertTestable(systemId, 'systemleverandøren har ikke forsøkt å registrere noe system i dette scenarioet.');
  const response = await vendor.authentication.getSystem(await vendor.platformToken(), systemId);
  vendor.notes.systemRead = response;
  return response;
}

/** The system the vendor's customers use; fails the scenario as not testable when none was registered. */
export function registeredSystemId(vendor: Vendor): string {
  const systemId = vendor.notes.registeredSystemId;
  assertTestable(systemId, 'systemleverandøren har ikke registrert noe system i dette scenarioet.');
  return systemId;
}
