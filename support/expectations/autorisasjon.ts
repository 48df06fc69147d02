// What the resource registry, the access package catalogue and the PDP answer (docs/contracts/altinn-authorization.md
// §1, §2, §6).

import assert from 'node:assert/strict';
import { expectStatus } from '../assertions.ts';
import { decisionResults, XACML } from '../clients/authorization.ts';
import { actionOf, matchUrn } from '../clients/resourceregistry.ts';
import { MVA_RESOURCE_ID } from '../actors/service-owner.ts';
import { ACCESS_PACKAGE_PREFIX } from '../tasks/systemregister.ts';
import { PACKAGE_IDS } from './klient.ts';
import { packageInfo } from './klientsystembruker.ts';
import type { ServiceOwner } from '../actors/service-owner.ts';
import type { Vendor } from '../actors/vendor.ts';

/** SB-0.3 / PDP-3: the resource exists, and a policy rule names the package for the action. */
export function expectPolicyRequiresPackage(vendor: Vendor, packageCode: string, action: string): void {
  const resource = vendor.notes.resourceRead;
  const rules = vendor.notes.policyRules;
  assert.ok(resource && rules, 'Systemleverandøren har ikke lest ressursen og policyen.');
  const id = vendor.resource('mva');
  expectStatus(resource, 200, 'PDP-3', `Oppslag på ressursen ${id}`);
  assert.equal(resource.data?.identifier, id, `[PDP-3] Ressursen skal ha identifier ${id}, hadde ${resource.data?.identifier}.`);
  expectStatus(rules, 200, 'PDP-3', `Oppslag på policyreglene til ${id}`);
  const urn = `${ACCESS_PACKAGE_PREFIX}${packageCode}`;
  const matching = (Array.isArray(rules.data) ? rules.data : []).filter(
    (rule) => actionOf(rule.action) === action && (rule.subject ?? []).some((s) => matchUrn(s) === urn),
  );
  assert.ok(matching.length > 0, `[SB-0.3] Policyen til ${id} skal gi tilgangspakken ${packageCode} handlingen ${action}; reglene var ${JSON.stringify(rules.body)}.`);
}

/** SB-3.0: the package exists in Altinn's catalogue and may be assigned directly (to a standard system user). */
export function expectPackageAssignable(vendor: Vendor, packageCode: string): void {
  const info = packageInfo(vendor, packageCode, 'SB-3.0');
  assert.equal(info?.isAssignable, true, `[SB-3.0] Tilgangspakken ${packageCode} skal kunne tildeles en systembruker for virksomheten (isAssignable), var ${String(info?.isAssignable)}.`);
}

/**
 * SB-0.4: Altinn's access package catalogue describes the package the policy names: looked up by its
 * URN it answers 200 with that URN, the catalogue's fixed id (docs/contracts/altinn-authorization.md §2.4), a name, a
 * description and the area it belongs to, and says it may be used in resource policies.
 */
export function expectPackageDescribed(vendor: Vendor, packageCode: string): void {
  const info = packageInfo(vendor, packageCode, 'SB-0.4');
  const id = PACKAGE_IDS[packageCode];
  if (id) assert.equal(info?.id?.toLowerCase(), id, `[SB-0.4] Tilgangspakken ${packageCode} skal ha katalogens id ${id}, hadde ${info?.id}.`);
  for (const member of ['name', 'description'] as const) {
    const value = info?.[member];
    assert.ok(typeof value === 'string' && value.trim() !== '', `[SB-0.4] Katalogen skal beskrive tilgangspakken ${packageCode} med ${member === 'name' ? 'et navn' : 'en beskrivelse'} ("${member}"), var ${JSON.stringify(value)}.`);
  }
  const area = info?.area as { name?: unknown } | null | undefined;
  assert.ok(area && typeof area.name === 'string' && area.name !== '', `[SB-0.4] Katalogen skal si hvilket område tilgangspakken ${packageCode} hører til ("area" med navn), var ${JSON.stringify(area)}.`);
  assert.equal(info?.isResourcePolicyAvailable, true, `[SB-0.4] Tilgangspakken ${packageCode} skal kunne brukes i ressurspolicyer (isResourcePolicyAvailable), var ${String(info?.isResourcePolicyAvailable)}.`);
}

/** SB-0.4: a package the catalogue does not have is not found (404; AM PackagesController answers NotFound()). */
export function expectPackageUnknown(vendor: Vendor, packageCode: string): void {
  const response = vendor.notes.packageInfo;
  assert.ok(response, 'Systemleverandøren har ikke slått opp tilgangspakken.');
  expectStatus(response, 404, 'SB-0.4', `Oppslag på tilgangspakken ${packageCode}, som katalogen ikke har`);
}

/**
 * PDP-1 (Permit for the owner's own party) / PDP-4 (Permit for a client of an agent system user) /
 * PDP-2 (NotApplicable): 200, one result, the decision, status ok.
 */
export function expectDecision(serviceOwner: ServiceOwner, decision: string, kravOverride?: string): void {
  const asked = serviceOwner.notes.decision;
  assert.ok(asked, 'Tjenesteeieren har ikke spurt Altinn Autorisasjon.');
  const forClient = asked.question.partyOrgNo !== asked.question.systemUserOwnerOrgNo;
  const krav = kravOverride ?? (decision === 'Permit' ? (forClient ? 'PDP-4' : 'PDP-1') : 'PDP-2');
  const what = `Beslutning for systembrukeren ${asked.question.systemUserId}, ${asked.question.action} på ${asked.question.resource} for ${asked.question.partyOrgNo}`;
  expectStatus(asked.response, 200, krav, what);
  const results = decisionResults(asked.response.body);
  assert.equal(results.length, 1, `[${krav}] ${what}: forventet ett resultat, fikk ${results.length} (${JSON.stringify(asked.response.body)}).`);
  assert.equal(results[0]?.decision, decision, `[${krav}] ${what}: forventet ${decision}, fikk ${results[0]?.decision} (${results[0]?.statusMessage ?? ''}).`);
  assert.equal(results[0]?.statusCode, XACML.statusOk, `[${krav}] ${what}: statusCode skal være ${XACML.statusOk}, var ${results[0]?.statusCode}.`);
}
