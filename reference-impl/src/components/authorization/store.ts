// The PDP's decision log, in memory, one per app.

import type { DecisionLogEntry } from '../../platform/model.ts';
import type { DecisionLogService } from '../../platform/services.ts';

/** The log keeps the most recent decisions only, so a long-running reference under load stays bounded. */
export const DECISION_LOG_LIMIT = 10_000;

export class DecisionLog implements DecisionLogService {
  private entries: DecisionLogEntry[] = [];

  record(entry: DecisionLogEntry): void {
    this.entries.push({ ...entry, pep: { ...entry.pep }, subject: { ...entry.subject }, party: { ...entry.party } });
    // Trim in batches: an O(n) copy once per thousand entries, not per decision.
    if (this.entries.length > DECISION_LOG_LIMIT + 1_000) this.entries = this.entries.slice(-DECISION_LOG_LIMIT);
  }

  list(): DecisionLogEntry[] {
    return this.entries.map((e) => ({ ...e, pep: { ...e.pep }, subject: { ...e.subject }, party: { ...e.party } }));
  }
}
