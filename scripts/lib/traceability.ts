// The requirement → scenarios → result table of one run. It is written three ways: as a result in
// the Allure report (a product owner reads it there, under "Kravsporing"), as Markdown next to the
// report, and inside samsvar-summary.json.

import { randomUUID, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Requirement, SpecScenario } from './features.ts';
import type { ScenarioResult, ScenarioStatus } from './results.ts';

export type ScenarioVerdict = ScenarioStatus | 'ikke aktuelt' | 'ikke kjørt';
export type RequirementVerdict = 'oppfylt' | 'avvik' | 'ikke testbar' | 'ikke aktuelt' | 'ikke kjørt' | 'ikke dekket';

export interface TraceRow {
  requirement: Requirement;
  verdict: RequirementVerdict;
  scenarios: Array<{ uri: string; line: number; name: string; result: ScenarioVerdict }>;
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
  return requirements.map((requirement) => {
    const rows = scenarios
      .filter((s) => s.krav.includes(requirement.id))
      .map((s) => ({
        uri: s.uri,
        line: s.line,
        name: s.name,
        result: (byKey.get(scenarioKey(s)) ?? (notApplicableKeys.has(scenarioKey(s)) ? 'ikke aktuelt' : 'ikke kjørt')) as ScenarioVerdict,
      }));
    return { requirement, verdict: requirementVerdict(rows.map((r) => r.result)), scenarios: rows };
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
      return `<p><b>${escapeHtml(row.requirement.id)} (${row.requirement.niva})</b> — ${verdict(row.verdict)}<br>${escapeHtml(row.requirement.tekst)}<br><small>Kilde: ${escapeHtml(row.requirement.kilde)}</small><br>${scenarios}</p>`;
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
