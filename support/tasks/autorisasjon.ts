// Tasks of rights and authorization: the service owner publishes the MVA resource with its policy,
// the vendor reads which rights the service requires (resource registry, access package catalogue),
// and the service owner asks the PDP directly about a system user (docs/contracts/altinn-authorization.md §1, §2, §6).

import assert from 'node:assert/strict';
import { assertTestable, requireSuccess } from '../assertions.ts';
import { actionOf, matchUrn, type ResourceRegistryClient } from '../clients/resourceregistry.ts';
import { systemUserDecisionRequest } from '../clients/authorization.ts';
import { MVA_POLICY_PACKAGES, MVA_RESOURCE_ID, mvaResource, type ServiceOwner } from '../actors/service-owner.ts';
import { ACCESS_PACKAGE_PREFIX } from './systemregister.ts';
import { systemUserIdOf } from './systemuser.ts';
import type { ApiResponse } from '../clients/http.ts';
import type { Company } from '../actors/company.ts';
import type { Vendor } from '../actors/vendor.ts';

/**
 * Given: the service owner has put MVA reporting in the access package. With the test data API it
 * writes the resource and its policy (the same body every time); on every target the resource and its
 * policy are then read back from the target's resource registry.
 */
export async function publishMvaResource(owner: ServiceOwner, packageCodes: string | readonly string[]): Promise<void> {
  for (const code of typeof packageCodes === 'string' ? [packageCodes] : packageCodes) {
    assert.ok(MVA_POLICY_PACKAGES.includes(code), `Ressursen ${MVA_RESOURCE_ID} har alltid policyen for tilgangspakkene ${MVA_POLICY_PACKAGES.join(', ')}, ikke "${code}".`);
  }
  await owner.ready();
  if (owner.usesTestdataApi) {
    owner.notes.resourcePublished = await owner.testdata.putResource(owner.resource('mva'), mvaResource());
    requireSuccess(owner.notes.resourcePublished, `Å publisere ressursen ${owner.resource('mva')} med policy i testdata-API-et`, [200, 201]);
  }
  await requireResourcePolicy(owner.resourceRegistry, owner.resource('mva'), MVA_POLICY_PACKAGES.map((code) => `${ACCESS_PACKAGE_PREFIX}${code}`), ['read', 'write']);
}

/**
 * A resource a scenario relies on is a precondition that lives in the target: it is read back from the
 * target's resource registry (also after the suite wrote it through the test data API), and unless it
 * is there, of `resourceType` when one is named, with every package having every action in its policy,
 * the scenario is not testable, and the message names the resource and what it lacks.
 */
export async function requireResourcePolicy(registry: ResourceRegistryClient, resourceId: string, subjects: readonly string[], actions: readonly string[], resourceType?: string): Promise<void> {
  const resource = requireSuccess(await registry.resource(resourceId), `Å finne ressursen ${resourceId} i målets ressursregister`, [200]);
  if (resourceType !== undefined) {
    assertTestable(resource?.resourceType === resourceType, `ressursen ${resourceId} i målet er ikke av typen ${resourceType} (resourceType var ${String(resource?.resourceType)}).`);
  }
  const rules = requireSuccess(await registry.policyRules(resourceId), `Å lese policyen til ressursen ${resourceId} i målets ressursregister`, [200]);
  const lacking = subjects.flatMap((subject) => actions
    .filter((action) => !(Array.isArray(rules) ? rules : []).some((rule) => actionOf(rule.action) === action && (rule.subject ?? []).some((s) => matchUrn(s) === subject)))
    .map((action) => `${subject} ${action}`));
  assertTestable(lacking.length === 0, `ressursen ${resourceId} i målet har ikke policyen scenarioet forutsetter (mangler subjekt og handling: ${lacking.join(', ')}).`);
}

/** The vendor reads the MVA resource and its policy rules in the resource registry (When). */
export async function readServiceRights(vendor: Vendor): Promise<void> {
  vendor.notes.resourceRead = await vendor.resourceRegistry.resource(vendor.resource('mva'));
  vendor.notes.policyRules = await vendor.resourceRegistry.policyRules(vendor.resource('mva'));
}

/** The vendor looks an access package up in Altinn's catalogue (When). */
export async function lookUpAccessPackage(vendor: Vendor, code: string): Promise<void> {
  vendor.notes.packageInfo = await vendor.accessPackages.packageByUrn(`${ACCESS_PACKAGE_PREFIX}${code}`);
}

/**
 * The service owner asks the PDP whether the system user `owner` approved may `action` the MVA
 * resource on behalf of `party` (When), as the service's PEP would.
 */
export async function askPdp(serviceOwner: ServiceOwner, owner: Company, party: Company, action: string): Promise<ApiResponse<unknown>> {
  await party.ready();
  const question = { systemUserId: systemUserIdOf(owner), systemUserOwnerOrgNo: owner.orgNo, partyOrgNo: party.orgNo, action, resource: serviceOwner.resource('mva') };
  const response = await serviceOwner.authorization.authorize(await serviceOwner.pdpToken(), systemUserDecisionRequest(question));
  serviceOwner.notes.decision = { question, response };
  return response;
}
