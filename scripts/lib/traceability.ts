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

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const COLOURS: Record<string, string> = {
  oppfylt: '#1b7a3a', passed: '#1b7a3a', avvik: '#b3261e', failed: '#b3261e', 'ikke testbar': '#a05a00', broken: '#a05a00',
};

function cell(verdict: string): string {
  const colour = COLOURS[verdict] ?? '#555';
  return `<span style="color:${colour};font-weight:600">${escapeHtml(verdict)}</span>`;
}

export function traceHtml(rows: TraceRow[]): string {
  const body = rows
    .map((row) => {
      const scenarios = row.scenarios.length
        ? row.scenarios.map((s) => `${cell(s.result)} ${escapeHtml(s.name)} <small>(${escapeHtml(s.uri)}:${s.line})</small>`).join('<br>')
        : '<em>ingen scenarier</em>';
      return `<tr><td><b>${escapeHtml(row.requirement.id)}</b><br><small>${row.requirement.niva}</small></td><td>${escapeHtml(row.requirement.tekst)}<br><small>${escapeHtml(row.requirement.kilde)}</small></td><td>${cell(row.verdict)}</td><td>${scenarios}</td></tr>`;
    })
    .join('\n');
  return `<table style="border-collapse:collapse" border="1" cellpadding="6"><thead><tr><th>Krav</th><th>Tekst og kilde</th><th>Status</th><th>Scenarier og resultat</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function traceMarkdown(rows: TraceRow[], profileName: string): string {
  const lines = [
    `# Kravsporing mot «${profileName}»`,
    '',
    '| Krav | Nivå | Status | Scenarier (resultat) |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const scenarios = r.scenarios.map((s) => `${s.name} (${s.result})`).join('<br>') || '—';
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
