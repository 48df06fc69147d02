// The PDP as the reference's own service APIs call it (the MVA sample service), and the evaluation of
// a whole XACML request for the route. Both go through pdp.ts and write every decision to the log.

import type { FaultConfig } from '../../faults.ts';
import type { DecisionLogEntry, DecisionPep, PepService } from '../../platform/model.ts';
import type { PdpService, Services } from '../../platform/services.ts';
import { ATTR, decideSafely, logEntry, PdpArgumentError, decide, type Outcome } from './pdp.ts';
import { resultJson } from './response.ts';
import { XML_STRING, decisionRequests, type Attr, type DecisionRequest, type XacmlRequest } from './xacml.ts';

function attr(id: string, value: string): Attr {
  return { id, value, dataType: XML_STRING, includeInResult: false };
}

export class Pdp implements PdpService {
  constructor(
    private readonly services: Services,
    /** Faults (selfcheck), read at decision time. */
    private readonly config?: FaultConfig,
  ) {}

  decideForSystemUser(query: { systemUserId: string; action: string; resource: string; partyOrgNo: string; pep: PepService }): DecisionLogEntry['decision'] {
    return this.decideLogged(attr(ATTR.systemUser, query.systemUserId), query);
  }

  decideForOrganisation(query: { orgNo: string; action: string; resource: string; partyOrgNo: string; pep: PepService }): DecisionLogEntry['decision'] {
    return this.decideLogged(attr(ATTR.organisation, query.orgNo), query);
  }

  decideForPerson(query: { pid: string; action: string; resource: string; party: { orgNo: string } | { pid: string }; pep: PepService }): DecisionLogEntry['decision'] {
    const party = 'orgNo' in query.party ? attr(ATTR.organisation, query.party.orgNo) : attr(ATTR.person, query.party.pid);
    return this.decideLogged(attr(ATTR.person, query.pid), query, party);
  }

  /** One subject attribute, one action, the resource and the party (organisation number, or a person attribute) — through decide(). */
  private decideLogged(subject: Attr, query: { action: string; resource: string; partyOrgNo?: string; pep: PepService }, partyAttr?: Attr): DecisionLogEntry['decision'] {
    const request: DecisionRequest = {
      subject: [subject],
      action: [attr(ATTR.action, query.action)],
      resource: [attr(ATTR.resource, query.resource), partyAttr ?? attr(ATTR.organisation, query.partyOrgNo ?? '')],
    };
    // An unexpected fault is logged as Indeterminate and then surfaces to the caller (a bug, not a decision).
    let fault: unknown;
    const outcome = decideSafely(request, this.services, (error) => {
      fault = error ?? new Error('PDP evaluation failed');
    }, this.config);
    this.services.decisions.record(logEntry(request, outcome.decision, this.services, { service: query.pep }));
    if (fault !== undefined) throw fault;
    return outcome.decision;
  }

  /**
   * The response body for a whole request (docs/contracts/altinn-authorization.md §1.2–§1.3). A multi request gives one
   * result per reference, in order; as in Altinn's DecisionController, a processing error in any part
   * turns the whole answer into a single Indeterminate result. `pep` is the caller, as the log names it.
   */
  authorize(request: XacmlRequest, onFault: (error: unknown) => void, pep: DecisionPep = {}): { response: Array<Record<string, unknown>> } {
    const { multi, parts } = decisionRequests(request);
    if (!multi) {
      const part = parts[0] as DecisionRequest;
      const outcome = decideSafely(part, this.services, onFault, this.config);
      this.services.decisions.record(logEntry(part, outcome.decision, this.services, pep));
      return { response: [resultJson(outcome, outcome.status === 'ok' ? part : undefined)] };
    }
    const outcomes: Outcome[] = [];
    let failure: Outcome | undefined;
    for (const part of parts) {
      try {
        outcomes.push(decide(part, this.services, this.config));
      } catch (error) {
        if (error instanceof PdpArgumentError) {
          failure = { decision: 'Indeterminate', status: 'processing-error', statusMessage: error.message, addedResourceAttrs: [] };
        } else {
          onFault(error);
          failure = { decision: 'Indeterminate', status: 'syntax-error', addedResourceAttrs: [] };
        }
        break;
      }
    }
    if (failure) {
      for (const part of parts) this.services.decisions.record(logEntry(part, 'Indeterminate', this.services, pep));
      return { response: [resultJson(failure)] };
    }
    parts.forEach((part, i) => this.services.decisions.record(logEntry(part, (outcomes[i] as Outcome).decision, this.services, pep)));
    return { response: parts.map((part, i) => resultJson(outcomes[i] as Outcome, part)) };
  }
}
