// JSON shapes of the resource registry (docs/contracts/altinn-authorization.md §6.1, §6.2): the resource as
// GET resource/{id} returns it (the fields the reference stores), the flattened policy rules and the
// policy subjects.

import type { Resource } from '../../platform/model.ts';

export const ACTION_ID = 'urn:oasis:names:tc:xacml:1.0:action:action-id';
export const RESOURCE_ID = 'urn:altinn:resource';

/** The resource JSON (ServiceResource). Only stored fields; `accessListMode` is always Disabled here. */
export function resourceJson(resource: Resource): Record<string, unknown> {
  return {
    identifier: resource.identifier,
    title: resource.title,
    ...(resource.description ? { description: resource.description } : {}),
    resourceType: resource.resourceType,
    delegable: resource.delegable,
    visible: resource.visible,
    hasCompetentAuthority: resource.hasCompetentAuthority,
    accessListMode: 'Disabled',
  };
}

/** Splits a URN at its last colon into the `{type, value}` object Altinn.Urn writes (UrnJsonTypeValue). */
function typeValue(urn: string): { type: string; value: string } {
  const at = urn.lastIndexOf(':');
  return at > 0 ? { type: urn.slice(0, at), value: urn.slice(at + 1) } : { type: urn, value: '' };
}

/**
 * GET resource/{id}/policy/rules: one flattened rule per subject and action (PolicyRuleDTO
 * {subject[], action, resource[]}). Deny rules are flattened the same way; the DTO has no effect.
 */
export function policyRulesJson(resource: Resource): Array<Record<string, unknown>> {
  const rules: Array<Record<string, unknown>> = [];
  for (const rule of resource.policy.rules) {
    for (const subject of rule.subjects) {
      for (const action of rule.actions) {
        rules.push({
          subject: [typeValue(subject)],
          action: { type: ACTION_ID, value: action },
          resource: [{ type: RESOURCE_ID, value: resource.identifier }],
        });
      }
    }
  }
  return rules;
}

/** GET resource/{id}/policy/subjects: paged `{links, data:[{type, value, urn}]}`, each subject once. */
export function policySubjectsJson(resource: Resource): { links: Record<string, never>; data: Array<{ type: string; value: string; urn: string }> } {
  const seen = new Set<string>();
  const data: Array<{ type: string; value: string; urn: string }> = [];
  for (const rule of resource.policy.rules) {
    for (const subject of rule.subjects) {
      if (seen.has(subject)) continue;
      seen.add(subject);
      data.push({ ...typeValue(subject), urn: subject });
    }
  }
  // A single page: the registry's Paginated envelope leaves `next` out when there is none.
  return { links: {}, data };
}
