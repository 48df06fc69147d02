// The requirement → scenarios → result table of one run. It is written three ways: as a result in
// the Allure report (a product owner reads it there, under "Kravsporing"), as Markdown next to the
// report, and inside samsvar-summary.json.

import { randomUUID, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guard, Requirement, SpecScenario } from './features.ts';
import type { ScenarioResult, ScenarioStatus } from './results.ts';

export type ScenarioVerdict = ScenarioStatus | 'ikke aktuelt' | 'ikke kjørt';
export type RequirementVerdict = 'oppfylt' | 'avvik' | 'ikke testbar' | 'ikke aktuelt' | 'ikke kjørt' | 'ikke dekket';

export interface TraceScenario {
  uri: string;
  line: number;
  name: string;
  result: ScenarioVerdict;
}

/** A documented guard of the requirement, with the scenarios tagged `@vakt:<kode>` that show it (none: `ikke dekket`). */
export interface GuardRow {
  guard: Guard;
  verdict: RequirementVerdict;
  scenarios: TraceScenario[];
}

export interface TraceRow {
  requirement: Requirement;
  verdict: RequirementVerdict;
  scenarios: TraceScenario[];
  guards: GuardRow[];
}

export const scenarioKey = (s: { uri: string; line: number }): string => `${s.uri}:${s.line}`;

function requirementVerdict(results: ScenarioVerdict[]): RequirementVerdict {
  if (results.length === 0) return 'ikke dekket';
  if (results.includes('failed')) return 'avvik';
  if (results.some((r) => r === 'broken' || r === 'undefined' || r === 'ambiguous' || r === 'pending')) return 'ikke testbar';
  if (results.includes('passed')) return results.every((r) => r === 'passed' || r === 'ikke aktuelt') ? 'oppfylt' : 'ikke kjørt';
  if (results.every((r) => r === 'ikke aktuelt')) return 'ikke aktuelt';
  return 'ikke kjørt';
}

export function traceTable(
  requirements: Requirement[],
  scenarios: SpecScenario[],
  results: ScenarioResult[],
  notApplicableKeys: Set<string>,
): TraceRow[] {
  const byKey = new Map(results.map((r) => [scenarioKey(r), r.status] as const));
  const row = (s: SpecScenario): TraceScenario => ({
    uri: s.uri,
    line: s.line,
    name: s.name,
    result: (byKey.get(scenarioKey(s)) ?? (notApplicableKeys.has(scenarioKey(s)) ? 'ikke aktuelt' : 'ikke kjørt')) as ScenarioVerdict,
  });
  return requirements.map((requirement) => {
    const own = scenarios.filter((s) => s.krav.includes(requirement.id));
    const rows = own.map(row);
    const guards = (requirement.vakter ?? []).map((guard) => {
      const shown = own.filter((s) => s.vakter.includes(guard.kode)).map(row);
      return { guard, verdict: requirementVerdict(shown.map((r) => r.result)), scenarios: shown };
    });
    return { requirement, verdict: requirementVerdict(rows.map((r) => r.result)), scenarios: rows, guards };
  });
}

export interface TraceCounts {
  total: number;
  musts: number;
  /** Requirements by verdict, every verdict its own number (met is never mixed with not applicable). */
  all: Record<RequirementVerdict, number>;
  must: Record<RequirementVerdict, number>;
}

const VERDICTS: RequirementVerdict[] = ['oppfylt', 'avvik', 'ikke testbar', 'ikke aktuelt', 'ikke kjørt', 'ikke dekket'];

export function traceCounts(rows: TraceRow[]): TraceCounts {
  const tally = (subset: TraceRow[]) => {
    const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<RequirementVerdict, number>;
    for (const r of subset) out[r.verdict] += 1;
    return out;
  };
  const musts = rows.filter((r) => r.requirement.niva === 'MUST');
  return { total: rows.length, musts: musts.length, all: tally(rows), must: tally(musts) };
}

export interface GuardCounts {
  total: number;
  /** Guards with at least one `@vakt` scenario in the specification (whatever this run's result). */
  covered: number;
  /** Guards no scenario shows: listed in the trace, not a gate (README, Gates). */
  uncovered: Array<{ kode: string; krav: string }>;
  /** Guards by this run's verdict, as requirements are counted. */
  all: Record<RequirementVerdict, number>;
}

export function guardCounts(rows: TraceRow[]): GuardCounts {
  const guards = rows.flatMap((r) => r.guards.map((g) => ({ ...g, krav: r.requirement.id })));
  const all = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<RequirementVerdict, number>;
  for (const g of guards) all[g.verdict] += 1;
  const uncovered = guards.filter((g) => g.scenarios.length === 0).map((g) => ({ kode: g.guard.kode, krav: g.krav }));
  return { total: guards.length, covered: guards.length - uncovered.length, uncovered, all };
}

/** The console line (and the head of the Markdown section) for the guards. */
export function guardLine(rows: TraceRow[]): string {
  const c = guardCounts(rows);
  const missing = c.uncovered.map((g) => `${g.kode} (${g.krav})`).join(', ');
  return `${c.total} dokumenterte vakter: ${c.covered} vist av et @negativ-scenario, ${c.uncovered.length} uten scenario${missing ? `: ${missing}` : ''}`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Norwegian words for the report (the JSON summary keeps cucumber's status names). */
const WORDS: Record<string, string> = {
  passed: 'bestått', failed: 'avvik', broken: 'brutt (oppsett)', skipped: 'hoppet over', pending: 'ikke ferdig',
  undefined: 'udefinert steg', ambiguous: 'tvetydig steg',
};
const word = (status: string): string => WORDS[status] ?? status;

/** HTML for the report (Allure sanitises styles, so plain structure and upper-case verdicts carry the meaning). */
export function traceHtml(rows: TraceRow[]): string {
  const verdict = (v: string): string => `<b>${escapeHtml(word(v).toUpperCase())}</b>`;
  return rows
    .map((row) => {
      const scenarios = row.scenarios.length
        ? row.scenarios.map((s) => `– ${verdict(s.result)}: ${escapeHtml(s.name)} <small>(${escapeHtml(s.uri)}:${s.line})</small>`).join('<br>')
        : '– <em>Ingen scenarier dekker kravet.</em>';
      const guards = row.guards
        .map((g) => {
          const shown = g.scenarios.length
            ? g.scenarios.map((s) => `${verdict(s.result)}: ${escapeHtml(s.name)}`).join('; ')
            : '<em>ingen scenarier viser vakten</em>';
          return `<br>Vakt ${escapeHtml(g.guard.kode)} — ${verdict(g.verdict)}: ${escapeHtml(g.guard.tekst)} — ${shown}`;
        })
        .join('');
      return `<p><b>${escapeHtml(row.requirement.id)} (${row.requirement.niva})</b> — ${verdict(row.verdict)}<br>${escapeHtml(row.requirement.tekst)}<br><small>Kilde: ${escapeHtml(row.requirement.kilde)}</small><br>${scenarios}${guards}</p>`;
    })
    .join('\n');
}

/** `run` labels a partial run and names the MUSTs not applicable to the target. */
export function traceMarkdown(rows: TraceRow[], profileName: string, run?: { kind: 'full' | 'partial'; notApplicableMusts: string[] }): string {
  const c = traceCounts(rows);
  const count = (k: Record<RequirementVerdict, number>) => VERDICTS.map((v) => `${k[v]} ${v === 'avvik' ? 'ikke oppfylt (avvik)' : v}`).join(', ');
  const lines = [
    `# Kravsporing mot «${profileName}»`,
    '',
    ...(run?.kind === 'partial' ? ['**Delkjøring:** bare et utvalg av scenariene ble kjørt; dette er ikke en fullstendig samsvarsvurdering.', ''] : []),
    `- Alle ${c.total} krav: ${count(c.all)}`,
    `- ${c.musts} MUST-krav: ${count(c.must)}`,
    ...(run ? [`- MUST-krav som ikke er aktuelle for målet: ${run.notApplicableMusts.join(', ') || 'ingen'}`] : []),
    '',
    '| Krav | Nivå | Status | Scenarier (resultat) |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const scenarios = r.scenarios.map((s) => `${s.name} (${word(s.result)})`).join('<br>') || '—';
      return `| ${r.requirement.id} | ${r.requirement.niva} | ${r.verdict} | ${scenarios.replace(/\|/g, '\\|')} |`;
    }),
    '',
    '## Vakter: avvisningene kontraktene dokumenterer',
    '',
    `- ${guardLine(rows)}. En vakt uten scenario vises her, men feiler ikke dommen.`,
    '',
    '| Vakt | Krav | Avvisning | Status | Scenarier (resultat) |',
    '|---|---|---|---|---|',
    ...rows.flatMap((r) =>
      r.guards.map((g) => {
        const scenarios = g.scenarios.map((s) => `${s.name} (${word(s.result)})`).join('<br>') || '**ingen scenario**';
        return `| ${g.guard.kode} | ${r.requirement.id} | ${g.guard.tekst.replace(/\|/g, '\\|')} | ${g.verdict} | ${scenarios.replace(/\|/g, '\\|')} |`;
      })),
    '',
  ];
  return lines.join('\n');
}

/** Writes the table as one Allure result ("Kravsporing"), failed when a MUST requirement is not met. */
export function writeAllureTrace(resultsDir: string, rows: TraceRow[], profileName: string): void {
  const unmet = rows.filter((r) => r.requirement.niva === 'MUST' && (r.verdict === 'avvik' || r.verdict === 'ikke testbar' || r.verdict === 'ikke dekket'));
  const now = Date.now();
  const name = 'Kravsporing: krav → scenarier → resultat';
  const result = {
    uuid: randomUUID(),
    historyId: createHash('md5').update(`samsvar-kravsporing-${profileName}`).digest('hex'),
    name,
    fullName: `samsvar:kravsporing#${profileName}`,
    status: unmet.length === 0 ? 'passed' : 'failed',
    statusDetails: unmet.length === 0 ? {} : { message: `MUST-krav som ikke er oppfylt: ${unmet.map((r) => `${r.requirement.id} (${r.verdict})`).join(', ')}` },
    stage: 'finished',
    start: now,
    stop: now,
    description: `Hvert krav i features/krav.yaml med scenariene som dekker det og resultatet mot «${profileName}».`,
    descriptionHtml: traceHtml(rows),
    labels: [
      { name: 'parentSuite', value: 'Samsvar' },
      { name: 'suite', value: 'Kravsporing' },
      { name: 'feature', value: 'Kravsporing' },
    ],
    steps: [],
    attachments: [],
    parameters: [],
    links: [],
  };
  writeFileSync(join(resultsDir, `${result.uuid}-result.json`), JSON.stringify(result));
}
