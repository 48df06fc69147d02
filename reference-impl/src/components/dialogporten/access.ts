// Access to dialogs, decided by the PDP (docs/contracts/dialogporten-broker.md §A.3, §A.6): `read` on the
// dialog's service resource for the dialog's party, for the system user in the token. Decisions are
// remembered for one request, as Dialogporten asks once per resource, party and action.

import { faultActive, type FaultConfig } from '../../faults.ts';
import type { PdpService, Services } from '../../platform/services.ts';
import { isPerson, type EndUserCaller } from './checks.ts';
import type { Dialog } from './store.ts';
import { partyOrgNo, personPid, resourceIdOf } from './values.ts';

export class DialogAccess {
  private readonly decisions = new Map<string, boolean>();

  constructor(
    private readonly pdp: PdpService,
    readonly caller: EndUserCaller,
    /** Faults (selfcheck), read while the request is answered. */
    readonly config?: FaultConfig,
    /** Only for the fault dialogporten-hopper-over-pdp: the delegations and policies it reads instead of asking. */
    private readonly lookup?: Pick<Services, 'access' | 'resources'>,
  ) {}

  /**
   * Permit for `action` on `resourceId` for `party`. System users act for organisations only: a person
   * party is never permitted for them. A person is asked about for an organisation or a person party
   * (the person's own party, docs/contracts/dialogporten-persons.md §2).
   */
  permits(action: string, resourceId: string, party: string): boolean {
    const caller = this.caller;
    if (isPerson(caller)) return this.permitsPerson(caller.pid, action, resourceId, party);
    const orgNo = partyOrgNo(party);
    if (!orgNo) return false;
    const key = `${action}\u0000${resourceId}\u0000${orgNo}`;
    let permitted = this.decisions.get(key);
    if (permitted === undefined && this.lookup && faultActive(this.config, 'dialogporten-hopper-over-pdp')) {
      permitted = this.decidesItself(action, resourceId, orgNo);
      this.decisions.set(key, permitted);
    }
    if (permitted === undefined) {
      permitted = this.pdp.decideForSystemUser({ systemUserId: caller.systemUserId, action, resource: resourceId, partyOrgNo: orgNo, pep: 'dialogporten' }) === 'Permit';
      this.decisions.set(key, permitted);
    }
    return permitted;
  }

  private permitsPerson(pid: string, action: string, resourceId: string, party: string): boolean {
    const orgNo = partyOrgNo(party);
    const partyPid = orgNo ? undefined : personPid(party);
    if (!orgNo && !partyPid) return false;
    const key = `${action}\u0000${resourceId}\u0000${party}`;
    let permitted = this.decisions.get(key);
    if (permitted === undefined) {
      const target = orgNo ? { orgNo } : { pid: partyPid as string };
      permitted = this.pdp.decideForPerson({ pid, action, resource: resourceId, party: target, pep: 'dialogporten' }) === 'Permit';
      this.decisions.set(key, permitted);
    }
    return permitted;
  }

  /**
   * Fault dialogporten-hopper-over-pdp (selfcheck): Dialogporten does not ask the PDP but matches the
   * system user's own access packages for the party against the resource's policy rules itself. The
   * answers are right wherever the policy names packages; the PDP's decision log shows no question.
   */
  private decidesItself(action: string, resourceId: string, orgNo: string): boolean {
    const lookup = this.lookup as Pick<Services, 'access' | 'resources'>;
    if (isPerson(this.caller)) return false;
    const held = new Set(lookup.access.packagesForSystemUser(this.caller.systemUserId, orgNo).map((p) => p.toLowerCase()));
    const rules = lookup.resources.resource(resourceId)?.policy.rules ?? [];
    return rules.some((rule) => (rule.effect ?? 'Permit') === 'Permit' && rule.actions.includes(action)
      && rule.subjects.some((s) => s.startsWith('urn:altinn:accesspackage:') && held.has(s.slice('urn:altinn:accesspackage:'.length).toLowerCase())));
  }

  /** docs/contracts/dialogporten-broker.md §A.3 step 2: `read` on the dialog's main resource for its party. */
  canRead(dialog: Dialog): boolean {
    // Fault dialogporten-viser-alle-parter (selfcheck): the PDP is not asked, every party's dialog is readable.
    if (faultActive(this.config, 'dialogporten-viser-alle-parter')) return true;
    return this.permits('read', resourceIdOf(dialog.serviceResource) ?? '', dialog.party);
  }

  /**
   * An action or transmission with an `authorizationAttribute`: `urn:altinn:resource:<id>` names another
   * resource; any other form (a subresource, a task) is decided on the main resource in the reference,
   * whose policies have no subresource rules.
   */
  isAuthorized(dialog: Dialog, action: string, authorizationAttribute: string | null): boolean {
    const other = authorizationAttribute ? resourceIdOf(authorizationAttribute) : undefined;
    return this.permits(action, other ?? resourceIdOf(dialog.serviceResource) ?? '', dialog.party);
  }
}
