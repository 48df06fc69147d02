// The verdict of one run: pure, so every gate can be shown to fail (test/verdict.test.ts).
//
// Input: the specification's scenarios, which of them the target cannot run (ikke aktuelt), what
// cucumber selected and what finished (the message stream), cucumber's exit code, the requirement
// trace, the expected failures and the gate errors found before the run. Output: the gate errors
// (Norwegian), the counts, whether this was a full run or a partial selection, and the exit decision.
//
// Gates:
// - cucumber must have finished the run (testRunFinished), selected at least one scenario, and
//   finished every scenario it selected (a selected scenario with no result is a crash or a kill);
// - a selected scenario must be part of the specification (features/), or it traces to nothing;
// - every selected scenario passed, or failed (status `failed`) for the requirement an
//   expected-failures entry names; skipped, pending, undefined, ambiguous and broken never count as
//   passed and are never excused;
// - at least one scenario passed;
// - every expected-failures entry excused a failure (otherwise it is stale);
// - MUST requirements: in a full run every MUST is met or not applicable (all its scenarios need a
//   capability the target does not declare); in a partial run every MUST with a selected scenario is
//   met by its selected scenarios, and the MUSTs outside the selection are "ikke kjørt";
// - cucumber's own non-zero exit code fails the run unless every failing scenario is excused.
//
// A run is full when cucumber selected every scenario the target can run; anything less (--tags,
// --name, --shard, a feature path) is a partial run: it can pass, but it is never a complete verdict,
// and only a complete verdict (a full run with every gate passed) may be bundled for certification.

import type { ExpectedFailure, BaselineVerdict } from './expected-failures.ts';
import { applyBaseline, failureKey } from './expected-failures.ts';
import type { SpecScenario } from './features.ts';
import type { RunRecord, ScenarioResult, SelectedScenario } from './results.ts';
import { scenarioKey, traceCounts, type RequirementVerdict, type TraceCounts, type TraceRow } from './traceability.ts';

export type RunKind = 'full' | 'partial';

export interface VerdictInput {
  /** Every scenario of the specification (features/). */
  spec: SpecScenario[];
  /** Keys (uri:line) of the scenarios the target cannot run (a capability it does not declare). */
  notApplicable: Set<string>;
  /** What the message stream of the run says. */
  run: RunRecord;
  cucumberExitCode: number;
  rows: TraceRow[];
  expected: ExpectedFailure[];
  /** Gate errors found before or around the run (traceability, --repeat instability). */
  priorErrors?: string[];
}

export interface Verdict {
  kind: RunKind;
  /** Applicable scenarios of the specification, and how many of them were selected. */
  applicable: number;
  selected: number;
  gateErrors: string[];
  /** Scenario results by cucumber status (the summary's `counts`). */
  counts: Record<string, number>;
  passed: number;
  trace: TraceCounts;
  baseline: BaselineVerdict;
  notFinished: SelectedScenario[];
  /** MUST requirements not applicable to the target. */
  notApplicableMusts: string[];
  /** MUST requirements outside a partial selection. */
  notRunMusts: string[];
  /** MUST requirements a partial selection met with some of their scenarios, the others not run. */
  partlyRunMusts: string[];
  /** MUST requirements that fail the run, with why. */
  unmetMusts: Array<{ id: string; verdict: RequirementVerdict; why: string }>;
  /** Every gate passed. */
  ok: boolean;
  /** A full run with every gate passed: the only verdict that may be bundled. */
  complete: boolean;
  exitCode: number;
}

const STATUS_WORDS: Record<string, string> = {
  failed: 'avvik',
  broken: 'brutt: oppsett eller testmiljø, ikke testbar',
  pending: 'ikke ferdig (pending)',
  undefined: 'udefinerte steg',
  ambiguous: 'tvetydige steg',
  skipped: 'hoppet over',
};

export function countStatuses(results: ScenarioResult[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

const where = (s: { name: string; uri: string; line: number }): string => `«${s.name}» (${s.uri}:${s.line})`;

export function judge(input: VerdictInput): Verdict {
  const { spec, notApplicable, run, rows, expected } = input;
  const gateErrors = [...(input.priorErrors ?? [])];
  const selectedKeys = new Set(run.selected.map(scenarioKey));
  const resultByKey = new Map(run.results.map((r) => [scenarioKey(r), r] as const));
  const specKeys = new Set(spec.map(scenarioKey));
  const applicable = spec.filter((s) => !notApplicable.has(scenarioKey(s)));
  const kind: RunKind = applicable.length > 0 && applicable.every((s) => selectedKeys.has(scenarioKey(s))) ? 'full' : 'partial';
  const baseline = applyBaseline(run.results, expected, {
    partial: kind === 'partial',
    specKeys: new Set(spec.map((s) => failureKey(s.uri, s.name))),
  });
  const excused = new Set(baseline.expected.map(scenarioKey));

  // The run itself.
  if (!run.finished) {
    gateErrors.push(`Kjøringen ble ikke fullført: cucumber-js skrev ingen avslutningsmelding (testRunFinished; kode ${input.cucumberExitCode}). Et krasj eller en avbrutt kjøring gir ingen dom.`);
  }
  if (run.selected.length === 0) gateErrors.push('Ingen scenarier ble valgt: en tom kjøring beviser ingenting.');
  const notFinished = run.selected.filter((s) => !resultByKey.has(scenarioKey(s)));
  for (const s of notFinished) gateErrors.push(`Scenariet ${where(s)} ble valgt, men fullførte aldri (krasj eller avbrutt kjøring).`);
  for (const s of run.selected.filter((s) => !specKeys.has(scenarioKey(s)))) {
    gateErrors.push(`Scenariet ${where(s)} er ikke en del av spesifikasjonen i features/, og kan ikke spores til noe krav.`);
  }

  // Each scenario: passed, or an excused failure.
  for (const r of baseline.unexpected) {
    gateErrors.push(`Scenariet ${where(r)} bestod ikke (${STATUS_WORDS[r.status] ?? r.status})${r.message ? `: ${r.message}` : ''}`);
  }
  const passed = run.results.filter((r) => r.status === 'passed').length;
  if (run.selected.length > 0 && passed === 0) gateErrors.push('Ingen scenarier bestod: en kjøring uten et eneste bestått scenario beviser ingenting.');
  for (const e of baseline.stale) {
    gateErrors.push(`Forventet feil unnskylder ingenting og må rettes eller fjernes (${e.why}): ${e.feature} » ${e.scenario} [${e.krav}].`);
  }

  const knownIds = new Set(rows.map((r) => r.requirement.id));
  for (const e of expected) {
    const matching = spec.filter((s) => failureKey(s.uri, s.name) === failureKey(e.feature, e.scenario));
    if (!knownIds.has(e.krav)) gateErrors.push(`Forventet feil nevner kravet ${e.krav}, som ikke finnes i features/krav.yaml: ${e.feature} » ${e.scenario}.`);
    else if (matching.length > 0 && !matching.some((s) => s.krav.includes(e.krav))) {
      gateErrors.push(`Forventet feil nevner kravet ${e.krav}, men scenariet har ingen @krav:${e.krav}: ${e.feature} » ${e.scenario}.`);
    }
  }

  // MUST requirements.
  const notApplicableMusts: string[] = [];
  const notRunMusts: string[] = [];
  const partlyRunMusts: string[] = [];
  const unmetMusts: Verdict['unmetMusts'] = [];
  for (const row of rows.filter((r) => r.requirement.niva === 'MUST')) {
    const id = row.requirement.id;
    if (row.verdict === 'ikke aktuelt') {
      notApplicableMusts.push(id);
      continue;
    }
    const inSelection = row.scenarios.filter((s) => selectedKeys.has(scenarioKey(s)));
    if (inSelection.length === 0) {
      if (kind === 'partial' && row.scenarios.length > 0) notRunMusts.push(id);
      else unmetMusts.push({ id, verdict: row.verdict, why: row.scenarios.length === 0 ? 'ingen scenarier dekker kravet' : 'ingen av scenariene ble kjørt' });
      continue;
    }
    const bad = inSelection.filter((s) => {
      const r = resultByKey.get(scenarioKey(s));
      return !r || (r.status !== 'passed' && !excused.has(scenarioKey(s)));
    });
    if (bad.length > 0) {
      const list = bad.map((s) => `${s.name} (${resultByKey.get(scenarioKey(s))?.status ?? 'ikke fullført'})`).join('; ');
      unmetMusts.push({ id, verdict: row.verdict, why: list });
    } else if (kind === 'partial' && inSelection.length < row.scenarios.filter((s) => !notApplicable.has(scenarioKey(s))).length) partlyRunMusts.push(id);
  }
  for (const m of unmetMusts) gateErrors.push(`MUST-kravet ${m.id} er ikke oppfylt (${m.verdict}): ${m.why}.`);

  // cucumber's exit code is never ignored unless every failing scenario is excused.
  if (input.cucumberExitCode !== 0) {
    const allExcused = run.finished && notFinished.length === 0 && baseline.unexpected.length === 0 && baseline.expected.length > 0;
    if (!allExcused) gateErrors.push(`cucumber-js avsluttet med kode ${input.cucumberExitCode}, og ikke hver feil er unnskyldt av en forventet feil.`);
  }

  const ok = gateErrors.length === 0;
  return {
    kind,
    applicable: applicable.length,
    selected: run.selected.length,
    gateErrors,
    counts: countStatuses(run.results),
    passed,
    trace: traceCounts(rows),
    baseline,
    notFinished,
    notApplicableMusts,
    notRunMusts,
    partlyRunMusts,
    unmetMusts,
    ok,
    complete: ok && kind === 'full',
    exitCode: ok ? 0 : input.cucumberExitCode || 1,
  };
}

/** Why no certification bundle may be written for this verdict, or undefined when one may. */
export function bundleRefusal(verdict: Verdict): string | undefined {
  if (verdict.kind === 'partial') {
    return `Arkiv for sertifisering ble ikke skrevet: dette var en delkjøring (${verdict.selected} av ${verdict.applicable} aktuelle scenarier valgt), ikke en fullstendig dom. Kjør uten --tags, --name, --shard og filstier.`;
  }
  if (!verdict.ok) return `Arkiv for sertifisering ble ikke skrevet: kjøringen har ${verdict.gateErrors.length} portfeil (se PORT-linjene).`;
  return undefined;
}

/** The console line of the trace: every category its own number. */
export function traceLine(trace: TraceCounts): string {
  const part = (c: Record<RequirementVerdict, number>) =>
    `${c.oppfylt} oppfylt, ${c.avvik} ikke oppfylt (avvik), ${c['ikke testbar']} ikke testbar, ${c['ikke aktuelt']} ikke aktuelt, ${c['ikke kjørt']} ikke kjørt${c['ikke dekket'] ? `, ${c['ikke dekket']} ikke dekket` : ''}`;
  return `${trace.total} krav: ${part(trace.all)}; av dem ${trace.musts} MUST: ${part(trace.must)}`;
}
