// The seed's step headings in the Allure report. A main scenario marks which seed step each Gherkin
// step realises with a comment block ("# Steg 2: Hente token", "# Forutsetninger", "# @implisitt: ...").
// Comments are invisible to cucumber and to Allure, so after a run this rewrites each Allure result
// of such a scenario: its steps are grouped, in order, under one parent step per heading. Child steps
// keep their statuses, attachments and nested steps; a parent step takes the worst status of its
// children (and the first failure's message), so the scenario reads top to bottom as the seed does.
// Works on the written allure-results only, so it holds on every target.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Step as GherkinStep } from '@cucumber/messages';

/** The heading of a comment block: the text without '#', lines joined. */
export function headingOf(lines: string[]): string | undefined {
  const text = lines.map((l) => l.replace(/^\s*#\s?/, '').trim()).filter(Boolean).join(' ').trim();
  if (!text) return undefined;
  // A step beyond the seed: the heading says so in the report.
  const implicit = /^@implisitt\b[\s:—–-]*(.*)$/.exec(text);
  if (implicit) return `Utover brukerscenarioet: ${implicit[1] || 'steg brukerscenarioet forutsetter, men ikke skriver'}`;
  return text;
}

export const PREREQUISITES = 'Forutsetninger';

/** One scenario (pickle) of a feature: its name and each step as Allure names it, with its heading. */
export interface HeadedPickle {
  name: string;
  steps: Array<{ name: string; heading?: string }>;
}

/**
 * Reads a feature's pickles with the heading of each step. A scenario without heading comments gets
 * no headings; in a scenario with them, the background's steps are the prerequisites.
 */
export function headedPickles(source: string, uri: string): HeadedPickle[] {
  const newId = IdGenerator.uuid();
  const document: GherkinDocument = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher('no')).parse(source);
  const steps = new Map<string, { step: GherkinStep; scenarioId?: string; background: boolean }>();
  const scenarios = new Map<string, { line: number; stepLines: number[] }>();
  interface Child {
    background?: { steps: readonly GherkinStep[] };
    scenario?: { id: string; location: { line: number }; steps: readonly GherkinStep[] };
    rule?: { children: readonly Child[] };
  }
  const visit = (children: readonly Child[]) => {
    for (const c of children) {
      for (const s of c.background?.steps ?? []) steps.set(s.id, { step: s, background: true });
      if (c.scenario) {
        scenarios.set(c.scenario.id, { line: c.scenario.location.line, stepLines: c.scenario.steps.map((s) => s.location.line) });
        for (const s of c.scenario.steps) steps.set(s.id, { step: s, scenarioId: c.scenario.id, background: false });
      }
      if (c.rule) visit(c.rule.children);
    }
  };
  visit(document.feature?.children ?? []);

  // Comment blocks: consecutive comment lines.
  const blocks: Array<{ line: number; heading: string }> = [];
  let current: { line: number; last: number; lines: string[] } | undefined;
  const flush = () => {
    const heading = current ? headingOf(current.lines) : undefined;
    if (current && heading) blocks.push({ line: current.line, heading });
    current = undefined;
  };
  for (const comment of [...document.comments].sort((a, b) => a.location.line - b.location.line)) {
    if (/^\s*#\s*language:/.test(comment.text)) continue;
    if (current && comment.location.line === current.last + 1) {
      current.lines.push(comment.text);
      current.last = comment.location.line;
    } else {
      flush();
      current = { line: comment.location.line, last: comment.location.line, lines: [comment.text] };
    }
  }
  flush();

  /** The heading that covers a scenario step: the last comment block between the scenario and the step. */
  const headingAt = (scenarioLine: number, stepLine: number): string | undefined =>
    blocks.filter((b) => b.line > scenarioLine && b.line < stepLine).at(-1)?.heading;

  return compile(document, uri, newId).map((pickle) => {
    const scenarioId = pickle.astNodeIds[0] ?? '';
    const scenario = scenarios.get(scenarioId);
    const headed = scenario !== undefined && scenario.stepLines.some((line) => headingAt(scenario.line, line) !== undefined);
    return {
      name: pickle.name,
      steps: pickle.steps.map((ps) => {
        const ast = steps.get(ps.astNodeIds[0] ?? '');
        const name = `${ast?.step.keyword ?? ''}${ps.text}`;
        if (!headed || !ast || !scenario) return { name };
        if (ast.background) return { name, heading: PREREQUISITES };
        const heading = headingAt(scenario.line, ast.step.location.line);
        return heading ? { name, heading } : { name };
      }),
    };
  });
}

/** The part of an Allure step (or result) this module reads and writes. */
export interface AllureStep {
  name?: string;
  status?: string;
  statusDetails?: { message?: string; trace?: string; known?: boolean; muted?: boolean; flaky?: boolean };
  stage?: string;
  start?: number;
  stop?: number;
  steps?: AllureStep[];
  attachments?: unknown[];
  parameters?: unknown[];
}

const SEVERITY = ['failed', 'broken', 'unknown', 'skipped', 'passed'];

/** The worst status among the children (failed before broken before unknown before skipped before passed). */
export function worstStatus(statuses: Array<string | undefined>): string {
  const known = statuses.map((s) => s ?? 'unknown');
  return SEVERITY.find((s) => known.includes(s)) ?? 'unknown';
}

/**
 * Groups an Allure result's top-level steps under the headings of the matching pickle. Steps that do
 * not match the pickle's next step (a hook, say) stay where they are, ungrouped. Returns the new
 * steps, or undefined when nothing is to be grouped.
 */
export function groupSteps(resultSteps: AllureStep[], pickle: HeadedPickle): AllureStep[] | undefined {
  if (!pickle.steps.some((s) => s.heading)) return undefined;
  let next = 0;
  const headings = resultSteps.map((step) => {
    const expected = pickle.steps[next];
    if (expected && step.name === expected.name) {
      next++;
      return expected.heading;
    }
    return undefined;
  });
  if (next === 0) return undefined;
  const grouped: AllureStep[] = [];
  const parents = new Set<AllureStep>();
  let group: { heading: string; step: AllureStep } | undefined;
  resultSteps.forEach((step, i) => {
    const heading = headings[i];
    if (!heading) {
      group = undefined;
      grouped.push(step);
      return;
    }
    if (!group || group.heading !== heading) {
      group = { heading, step: { name: heading, status: 'passed', statusDetails: {}, stage: 'finished', steps: [], attachments: [], parameters: [] } };
      grouped.push(group.step);
      parents.add(group.step);
    }
    group.step.steps!.push(step);
  });
  for (const parent of parents) {
    const children = parent.steps!;
    parent.status = worstStatus(children.map((c) => c.status));
    const failure = children.find((c) => c.status === parent.status && c.statusDetails?.message);
    parent.statusDetails = failure?.statusDetails ? { message: failure.statusDetails.message, ...(failure.statusDetails.trace ? { trace: failure.statusDetails.trace } : {}) } : {};
    const starts = children.map((c) => c.start).filter((n): n is number => typeof n === 'number');
    const stops = children.map((c) => c.stop).filter((n): n is number => typeof n === 'number');
    if (starts.length) parent.start = Math.min(...starts);
    if (stops.length) parent.stop = Math.max(...stops);
  }
  return grouped;
}

/** Where an Allure result of cucumber-js came from: "<project>:<uri>#<scenario name>". */
export function sourceOf(fullName: string | undefined): { uri: string; name: string } | undefined {
  const match = /^[^:]*:(.+?\.feature)#(.*)$/s.exec(fullName ?? '');
  return match ? { uri: match[1]!, name: match[2]! } : undefined;
}

/**
 * Rewrites every result file in `resultsDir` whose scenario has seed step headings. `root` is where
 * the results' feature URIs are relative to. Returns how many results were grouped.
 */
export function groupSeedSteps(resultsDir: string, root: string): number {
  const features = new Map<string, HeadedPickle[] | undefined>();
  const pickles = (uri: string): HeadedPickle[] | undefined => {
    if (!features.has(uri)) {
      try {
        features.set(uri, headedPickles(readFileSync(join(root, uri), 'utf8'), uri));
      } catch {
        features.set(uri, undefined);
      }
    }
    return features.get(uri);
  };
  let grouped = 0;
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-result.json'))) {
    const path = join(resultsDir, file);
    const result = JSON.parse(readFileSync(path, 'utf8')) as AllureStep & { fullName?: string };
    const source = sourceOf(result.fullName);
    if (!source || !result.steps?.length) continue;
    // Scenarios with the same name (an outline's rows): the one whose steps match the result.
    const candidates = (pickles(source.uri) ?? []).filter((p) => p.name === source.name);
    const names = result.steps.map((s) => s.name);
    const pickle = candidates.find((p) => p.steps.every((s, i) => names[i] === s.name)) ?? candidates[0];
    const steps = pickle ? groupSteps(result.steps, pickle) : undefined;
    if (!steps) continue;
    result.steps = steps;
    writeFileSync(path, JSON.stringify(result));
    grouped++;
  }
  return grouped;
}
