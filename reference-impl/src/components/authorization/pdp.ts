// Policy decision: one place that decides, for the POST /authorize route and for PdpService.
// Follows the order of Altinn's PDP (docs/contracts/altinn-authorization.md §1.3, §1.4): context checks on the
// subject and party, policy lookup, policy rules with access packages enriched as subject attributes
// (deny-overrides), then single-right delegations when the rules are NotApplicable.

import { faultActive, type FaultConfig } from '../../faults.ts';
import type { DecisionLogEntry, DecisionPep, PolicyRule, Resource, Right } from '../../platform/model.ts';
import type { Services } from '../../platform/services.ts';
import { XML_STRING, type Attr, type DecisionRequest } from './xacml.ts';

export const ATTR = {
  systemUser: 'urn:altinn:systemuser:uuid',
  person: 'urn:altinn:person:identifier-no',
  userId: 'urn:altinn:userid',
  organisation: 'urn:altinn:organization:identifier-no',
  legacyOrganisation: 'urn:altinn:organizationnumber',
  partyId: 'urn:altinn:partyid',
  partyUuid: 'urn:altinn:party:uuid',
  resource: 'urn:altinn:resource',
  action: 'urn:oasis:names:tc:xacml:1.0:action:action-id',
  accessPackage: 'urn:altinn:accesspackage',
  roleCode: 'urn:altinn:rolecode',
} as const;

/**
 * The role a person holds for their own party (docs/contracts/pdp-callers.md §2): Altinn's roles lookup
 * gives a person the role code PRIV for the person's own party, so a policy can name
 * `urn:altinn:rolecode:priv` for "the person themself".
 */
export const PRIV_ROLE = 'priv';

const PACKAGE_PREFIX = `${ATTR.accessPackage}:`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Decision = DecisionLogEntry['decision'];
export type StatusCode = 'ok' | 'processing-error' | 'syntax-error';

/** A semantic error in the request: Indeterminate with processing-error and this message (Altinn's ArgumentException). */
export class PdpArgumentError extends Error {}

export interface Outcome {
  decision: Decision;
  status: StatusCode;
  statusMessage?: string;
  /** Resource attributes the PDP added that the response must echo (IncludeInResult). */
  addedResourceAttrs: Attr[];
}

interface Party {
  /** The organisation the request is about; unset when the party is a person. */
  orgNo?: string;
  /** The person the request is about (a person's own party); unset when the party is an organisation. */
  pid?: string;
  /** Set when the party was given without urn:altinn:partyid: the PDP adds it, marked IncludeInResult. */
  addedPartyId?: Attr;
}

function first(attrs: Attr[], id: string): string | undefined {
  return attrs.find((a) => a.id === id)?.value;
}

// docs/contracts/altinn-authorization.md §1.2: urn:altinn:systemuser:uuid must be the only subject attribute.
function checkSystemUserAlone(subject: Attr[]): void {
  if (subject.some((a) => a.id === ATTR.systemUser) && subject.length > 1) {
    throw new PdpArgumentError(`Subject attribute ${ATTR.systemUser} can only be used by itself and not in combination with other subject identifiers.`);
  }
}

// docs/contracts/altinn-authorization.md §1.2: the system user id must be a GUID.
function systemUserOf(subject: Attr[]): string | undefined {
  const value = first(subject, ATTR.systemUser);
  if (value === undefined) return undefined;
  if (!GUID.test(value)) throw new PdpArgumentError(`${ATTR.systemUser}: Not a valid uuid`);
  return value.toLowerCase();
}

// docs/contracts/altinn-authorization.md §1.2: organisation number + person/user id together is an error on the external API.
function checkSubjectCombination(subject: Attr[]): void {
  const has = (id: string) => subject.some((a) => a.id === id);
  if (has(ATTR.person) && has(ATTR.userId)) {
    throw new PdpArgumentError('Not allowed to set userid and person-id for subject at the same time');
  }
  if ((has(ATTR.organisation) || has(ATTR.legacyOrganisation)) && (has(ATTR.person) || has(ATTR.userId))) {
    throw new PdpArgumentError('Not allowed to set organization number and person-id or userid for subject at the same time');
  }
}

// A person subject must be known (Altinn looks up the user profile and fails with "Invalid person-id").
function personOf(subject: Attr[], services: Services): string | undefined {
  const pid = first(subject, ATTR.person);
  if (pid === undefined) return undefined;
  if (!services.register.person(pid)) throw new PdpArgumentError('Invalid person-id');
  return pid;
}

/** The party ("on behalf of") from the resource category: an organisation, or a person (the person's own party). */
function partyOf(resource: Attr[], services: Services): Party | undefined {
  const partyIdText = first(resource, ATTR.partyId);
  if (partyIdText !== undefined) {
    const id = /^\d{1,10}$/.test(partyIdText) ? Number(partyIdText) : undefined;
    const org = id !== undefined ? services.register.organisationByPartyId(id) : undefined;
    if (org) return { orgNo: org.orgNo };
    const person = id !== undefined ? services.register.personByPartyId(id) : undefined;
    return person ? { pid: person.pid } : undefined;
  }
  const added = (partyId: number): Attr => ({ id: ATTR.partyId, value: String(partyId), dataType: XML_STRING, includeInResult: true });
  const orgNo = first(resource, ATTR.organisation) ?? first(resource, ATTR.legacyOrganisation);
  const uuid = first(resource, ATTR.partyUuid);
  const org = orgNo !== undefined ? services.register.organisation(orgNo)
    : uuid !== undefined && GUID.test(uuid) ? services.register.organisationByPartyUuid(uuid) : undefined;
  if (org) return { orgNo: org.orgNo, addedPartyId: added(org.partyId) };
  const pid = first(resource, ATTR.person);
  const person = orgNo !== undefined ? undefined : pid !== undefined ? services.register.person(pid)
    : uuid !== undefined && GUID.test(uuid) ? services.register.personByPartyUuid(uuid) : undefined;
  return person ? { pid: person.pid, addedPartyId: added(person.partyId) } : undefined;
}

const ROLE_PREFIX = `${ATTR.roleCode}:`;

/**
 * docs/contracts/altinn-authorization.md §1.4 step 4, §6.2: package codes and role codes match ignoring case, actions
 * exactly; deny-overrides. `roles` are the role codes the subject holds for the party (PRIV for a
 * person's own party, docs/contracts/pdp-callers.md §2).
 */
export function evaluateRules(rules: PolicyRule[], packages: string[], action: string | undefined, roles: string[] = []): 'Permit' | 'Deny' | 'NotApplicable' {
  if (action === undefined) return 'NotApplicable';
  const held = new Set(packages.map((p) => p.toLowerCase()));
  const heldRoles = new Set(roles.map((r) => r.toLowerCase()));
  let permit = false;
  for (const rule of rules) {
    if (!rule.actions.includes(action)) continue;
    const matches = rule.subjects.some((s) => (s.startsWith(PACKAGE_PREFIX) && held.has(s.slice(PACKAGE_PREFIX.length).toLowerCase()))
      || (s.toLowerCase().startsWith(ROLE_PREFIX) && heldRoles.has(s.slice(ROLE_PREFIX.length).toLowerCase())));
    if (!matches) continue;
    if ((rule.effect ?? 'Permit') === 'Deny') return 'Deny';
    permit = true;
  }
  return permit ? 'Permit' : 'NotApplicable';
}

/** docs/contracts/altinn-authorization.md §1.3 step 2: a single right on this resource with this action (or no action) permits. */
export function rightsPermit(rights: Right[], resourceId: string, action: string | undefined): boolean {
  if (action === undefined) return false;
  return rights.some((r) => (r.action === undefined || r.action === action)
    && r.resource.some((x) => x.id === ATTR.resource && x.value === resourceId));
}

/** The organisation subject (`urn:altinn:organization:identifier-no`, or the legacy id), when the request names one. */
function organisationOf(subject: Attr[]): string | undefined {
  return first(subject, ATTR.organisation) ?? first(subject, ATTR.legacyOrganisation);
}

/**
 * The service owner's own rule. Altinn's PDP gives an organisation subject no roles or packages
 * (docs/contracts/altinn-authorization.md §1.4; its context handler only adds the org's party id), so an organisation
 * acting through a plain Maskinporten token reaches a resource only through a policy rule that names it
 * as the resource's owner (`urn:altinn:org`, the rule Altinn's policy templates give the service owner
 * — inferred, [?] in docs/contracts/dialogporten-broker.md §B.6). The reference's policies name access packages
 * only, so that rule is implied: the resource's competent authority, acting for itself, is
 * permitted the actions the policy's Permit rules name. Any other organisation gets NotApplicable.
 */
function serviceOwnerRulePermits(resource: Resource, orgNo: string, party: Party | undefined, action: string | undefined): boolean {
  if (action === undefined || !party?.orgNo) return false;
  if (resource.hasCompetentAuthority.organization !== orgNo || party.orgNo !== orgNo) return false;
  return resource.policy.rules.some((rule) => (rule.effect ?? 'Permit') === 'Permit' && rule.actions.includes(action));
}

/** Decides one request. Throws PdpArgumentError for requests Altinn answers with Indeterminate/processing-error. */
export function decide(request: DecisionRequest, services: Services, config?: FaultConfig): Outcome {
  checkSystemUserAlone(request.subject);
  const systemUserId = systemUserOf(request.subject);
  checkSubjectCombination(request.subject);
  const pid = personOf(request.subject, services);
  const party = partyOf(request.resource, services);

  const resourceId = first(request.resource, ATTR.resource);
  const resource: Resource | undefined = resourceId !== undefined ? services.resources.resource(resourceId) : undefined;
  if (!resource || resourceId === undefined) throw new PdpArgumentError('Policy not found for resource');

  // §1.4 step 3: access packages enriched as subject attributes, only when the party resolved.
  // §1.4 step 5: roles are not enriched for system users; other subject kinds get nothing here.
  let packages: string[] = [];
  if (party?.orgNo && systemUserId) packages = services.access.packagesForSystemUser(systemUserId, party.orgNo);
  else if (party?.orgNo && pid) packages = services.access.packagesForPerson(pid, party.orgNo);
  // A person asking about their own party holds the PRIV role there (docs/contracts/pdp-callers.md §2).
  // Fault pdp-kjenner-ikke-priv (selfcheck): the role is never added, so the person's own party is NotApplicable.
  const roles = party?.pid !== undefined && pid === party.pid && !faultActive(config, 'pdp-kjenner-ikke-priv') ? [PRIV_ROLE] : [];

  const action = first(request.action, ATTR.action);
  let decision: Decision = evaluateRules(resource.policy.rules, packages, action, roles);

  // §1.3 evaluation order (2): single rights, only when the rules are NotApplicable. A delegation
  // lookup that cannot run (no subject or party) leaves the rules' NotApplicable in place, as Altinn's
  // DecisionController keeps the roles response unless the delegation response is Permit.
  if (decision === 'NotApplicable' && party?.orgNo && systemUserId) {
    if (rightsPermit(services.access.rightsForSystemUser(systemUserId, party.orgNo), resource.identifier, action)) decision = 'Permit';
  }

  // An organisation subject (no system user, no person): only the service owner's own rule applies.
  const orgNo = systemUserId === undefined && pid === undefined ? organisationOf(request.subject) : undefined;
  if (decision === 'NotApplicable' && orgNo !== undefined && serviceOwnerRulePermits(resource, orgNo, party, action)) decision = 'Permit';

  // Fault pdp-alltid-permit (selfcheck): whatever the packages, rights and party, the answer is Permit.
  if (faultActive(config, 'pdp-alltid-permit')) decision = 'Permit';

  return { decision, status: 'ok', addedResourceAttrs: party?.addedPartyId ? [party.addedPartyId] : [] };
}

/** The decision log entry for one decided (or failed) request. */
export function logEntry(request: DecisionRequest, decision: Decision, services: Services, pep: DecisionPep): DecisionLogEntry {
  const subject = Object.fromEntries(request.subject.map((a) => [a.id, a.value]));
  const party: Record<string, string> = Object.fromEntries(request.resource.filter((a) => a.id !== ATTR.resource).map((a) => [a.id, a.value]));
  const resolved = partyOf(request.resource, services);
  if (resolved?.orgNo) party[ATTR.organisation] = resolved.orgNo;
  if (resolved?.pid) party[ATTR.person] = resolved.pid;
  return {
    at: new Date().toISOString(),
    pep,
    subject,
    action: first(request.action, ATTR.action) ?? '',
    resource: first(request.resource, ATTR.resource) ?? '',
    party,
    decision,
  };
}

/** Decides and never throws: processing errors and unexpected faults become Indeterminate (Altinn answers 200 either way). */
export function decideSafely(request: DecisionRequest, services: Services, onFault: (error: unknown) => void, config?: FaultConfig): Outcome {
  try {
    return decide(request, services, config);
  } catch (error) {
    if (error instanceof PdpArgumentError) {
      return { decision: 'Indeterminate', status: 'processing-error', statusMessage: error.message, addedResourceAttrs: [] };
    }
    onFault(error);
    return { decision: 'Indeterminate', status: 'syntax-error', addedResourceAttrs: [] };
  }
}
