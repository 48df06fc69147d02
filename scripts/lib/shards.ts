// Sharding: `samsvar run --shard k/n` runs slice k of n (cucumber-js's own --shard: scenario i of
// the selected, ordered scenarios goes to slice i mod n, so the slice is the same for the same k/n
// and feature set, and every scenario is in exactly one slice). `samsvar merge <dirs...>` reads the
// slices' message streams and judges them as one run: every slice 1..n exactly once, every scenario
// once, the same profile; otherwise the merged verdict fails.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRun, type RunRecord } from './results.ts';
import { scenarioKey } from './traceability.ts';

export interface Shard {
  index: number;
  total: number;
}

/** --shard k/n (or --shard=k/n) among the cucumber arguments; undefined when absent, null when malformed. */
export function shardOf(cucumberArgs: readonly string[]): Shard | undefined | null {
  let found: Shard | undefined | null;
  for (let i = 0; i < cucumberArgs.length; i++) {
    const arg = cucumberArgs[i]!;
    const value = arg === '--shard' ? cucumberArgs[i + 1] : arg.startsWith('--shard=') ? arg.slice('--shard='.length) : undefined;
    if (value === undefined && arg !== '--shard') continue;
    const m = /^(\d+)\/(\d+)$/.exec(value ?? '');
    const index = Number(m?.[1]);
    const total = Number(m?.[2]);
    found = m && index >= 1 && index <= total ? { index, total } : null;
  }
  return found;
}

export interface MergedShards {
  run: RunRecord;
  /** The highest cucumber exit code among the slices. */
  cucumberExitCode: number;
  /** Why the slices do not make one run (a missing or doubled slice, another profile, a scenario twice). */
  errors: string[];
  profile?: string;
  total?: number;
}

interface ShardSummary {
  profile?: string;
  shard?: Shard;
  verdict?: { cucumberExitCode?: number };
}

/** Reads the slices' reports directories (each with samsvar-summary.json and cucumber-messages.ndjson). */
export function mergeShards(dirs: readonly string[]): MergedShards {
  const errors: string[] = [];
  const merged: RunRecord = { selected: [], results: [], finished: dirs.length > 0 };
  let cucumberExitCode = 0;
  const profiles = new Set<string>();
  const totals = new Set<number>();
  const seen = new Map<number, string>();
  for (const dir of dirs) {
    const summaryFile = join(dir, 'samsvar-summary.json');
    const messages = join(dir, 'cucumber-messages.ndjson');
    if (!existsSync(summaryFile) || !existsSync(messages)) {
      errors.push(`Delkjøringen i ${dir} har ikke samsvar-summary.json og cucumber-messages.ndjson.`);
      merged.finished = false;
      continue;
    }
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as ShardSummary;
    if (!summary.shard) {
      errors.push(`Kjøringen i ${dir} er ikke en del av en oppdeling (kjørt uten --shard k/n).`);
      continue;
    }
    if (summary.profile) profiles.add(summary.profile);
    totals.add(summary.shard.total);
    const other = seen.get(summary.shard.index);
    if (other) errors.push(`Del ${summary.shard.index}/${summary.shard.total} finnes to ganger (${other} og ${dir}).`);
    seen.set(summary.shard.index, dir);
    cucumberExitCode = Math.max(cucumberExitCode, summary.verdict?.cucumberExitCode ?? 1);
    const run = readRun(messages);
    merged.selected.push(...run.selected);
    merged.results.push(...run.results);
    merged.finished &&= run.finished;
  }
  if (profiles.size > 1) errors.push(`Delkjøringene er mot ulike målprofiler: ${[...profiles].join(', ')}.`);
  if (totals.size > 1) errors.push(`Delkjøringene er delt ulikt: ${[...totals].map((t) => `/${t}`).join(', ')}.`);
  const total = totals.size === 1 ? [...totals][0]! : undefined;
  if (total !== undefined) {
    const missing = Array.from({ length: total }, (_, i) => i + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) errors.push(`Del ${missing.map((k) => `${k}/${total}`).join(', ')} mangler: dommen dekker ikke alle scenariene.`);
  }
  if (seen.size === 0) errors.push('Ingen delkjøringer å slå sammen.');
  const counts = new Map<string, number>();
  for (const s of merged.selected) counts.set(scenarioKey(s), (counts.get(scenarioKey(s)) ?? 0) + 1);
  for (const [key, n] of counts) if (n > 1) errors.push(`Scenariet ${key} ble kjørt i ${n} delkjøringer (oppdelingen var ikke den samme).`);
  return { run: merged, cucumberExitCode, errors, ...(profiles.size === 1 ? { profile: [...profiles][0]! } : {}), ...(total !== undefined ? { total } : {}) };
}
