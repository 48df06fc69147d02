// The PDP's decision log, in memory, one per app.

import type { DecisionLogEntry } from '../../platform/model.ts';
import type { DecisionLogService } from '../../platform/services.ts';

export class DecisionLog implements DecisionLogService {
  private readonly entries: DecisionLogEntry[] = [];

  record(entry: DecisionLogEntry): void {
    this.entries.push({ ...entry, subject: { ...entry.subject }, party: { ...entry.party } });
  }

  list(): DecisionLogEntry[] {
    return this.entries.map((e) => ({ ...e, subject: { ...e.subject }, party: { ...e.party } }));
  }
}
