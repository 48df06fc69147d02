// Reads the specification statically: every scenario (pickle) of features/ with its tags, and the
// requirement register features/krav.yaml. Used by the runner's gates (every @krav id resolves,
// every MUST has a scenario, no scenario without @krav) and to list scenarios that are not
// applicable to a target (a @kapabilitet the profile does not declare).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { parse as parseYaml } from 'yaml';

export interface SpecScenario {
  uri: string;
  line: number;
  name: string;
  tags: string[];
  krav: string[];
  /** The documented guards (refusals) the scenario shows, by error code: its `@vakt:<kode>` tags. */
  vakter: string[];
  capabilities: string[];
}

/** A refusal the contract documents for a vendor- or person-visible action (an entry under a requirement's `vakter`). */
export interface Guard {
  /** The error code the refusal carries (AUTH-00035); unique in the register. */
  kode: string;
  tekst: string;
}

export interface Requirement {
  id: string;
  tekst: string;
  kilde: string;
  niva: 'MUST' | 'SHOULD';
  /** The guards that belong to the requirement; a scenario shows one with `@vakt:<kode>` next to `@krav:<id>`. */
  vakter?: Guard[];
}

function tagValues(tags: string[], prefix: string): string[] {
  return tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
}

/** Feature files below `dir`, sorted (fs.globSync needs Node 22, so a plain walk). */
export function featureFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.feature'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

export function readScenarios(root: string, dir = 'features'): SpecScenario[] {
  const scenarios: SpecScenario[] = [];
  for (const file of featureFiles(join(root, dir))) {
    const uri = relative(root, file);
    const source = readFileSync(file, 'utf8');
    const newId = IdGenerator.uuid();
    const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher('no'));
    const document = parser.parse(source);
    const lines = new Map<string, number>();
    const collect = (children: ReadonlyArray<{ scenario?: { id: string; location: { line: number } }; rule?: { children: ReadonlyArray<{ scenario?: { id: string; location: { line: number } } }> } }>) => {
      for (const child of children) {
        if (child.scenario) lines.set(child.scenario.id, child.scenario.location.line);
        if (child.rule) collect(child.rule.children);
      }
    };
    collect(document.feature?.children ?? []);
    for (const pickle of compile(document, uri, newId)) {
      const tags = pickle.tags.map((t) => t.name);
      // The pickle's own location (an outline row's line for an example), as cucumber's messages give it.
      const line = (pickle as { location?: { line: number } }).location?.line ?? lines.get(pickle.astNodeIds[0] ?? '') ?? 0;
      scenarios.push({
        uri,
        line,
        name: pickle.name,
        tags,
        krav: tagValues(tags, '@krav:'),
        vakter: tagValues(tags, '@vakt:'),
        capabilities: tagValues(tags, '@kapabilitet:'),
      });
    }
  }
  return scenarios;
}

export function readRequirements(path: string): Requirement[] {
  const data = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${path} must be a YAML list of requirements.`);
  const seen = new Set<string>();
  const guardCodes = new Map<string, string>();
  return data.map((entry, i) => {
    const r = entry as Partial<Requirement>;
    if (typeof r.id !== 'string' || typeof r.tekst !== 'string' || typeof r.kilde !== 'string' || (r.niva !== 'MUST' && r.niva !== 'SHOULD')) {
      throw new Error(`${path}: entry ${i + 1} needs id, tekst, kilde and niva (MUST or SHOULD).`);
    }
    if (seen.has(r.id)) throw new Error(`${path}: requirement ${r.id} is listed twice.`);
    seen.add(r.id);
    if (r.vakter !== undefined) {
      if (!Array.isArray(r.vakter)) throw new Error(`${path}: ${r.id}: vakter must be a list of { kode, tekst }.`);
      for (const g of r.vakter as Array<Partial<Guard>>) {
        if (typeof g?.kode !== 'string' || typeof g.tekst !== 'string') throw new Error(`${path}: ${r.id}: every guard needs kode and tekst.`);
        if (guardCodes.has(g.kode)) throw new Error(`${path}: the guard ${g.kode} is listed twice (under ${guardCodes.get(g.kode)} and ${r.id}).`);
        guardCodes.set(g.kode, r.id);
      }
    }
    return r as Requirement;
  });
}

export interface TraceabilityProblems {
  withoutKrav: SpecScenario[];
  unknownIds: Array<{ id: string; scenario: SpecScenario }>;
  uncoveredMusts: Requirement[];
  /** A `@vakt:<kode>` no requirement lists, or on a scenario without the `@krav` of the requirement that lists it. */
  misplacedGuards: Array<{ kode: string; owner?: string; scenario: SpecScenario }>;
}

/**
 * The traceability gate: every scenario has @krav, every id resolves, every MUST has a scenario, and
 * every @vakt names a guard of a requirement the scenario is tagged with. A guard without a scenario is
 * not a gate: the trace lists it (traceability.ts).
 */
export function checkTraceability(scenarios: SpecScenario[], requirements: Requirement[]): TraceabilityProblems {
  const known = new Set(requirements.map((r) => r.id));
  const used = new Set(scenarios.flatMap((s) => s.krav));
  const ownerOf = new Map(requirements.flatMap((r) => (r.vakter ?? []).map((g) => [g.kode, r.id] as const)));
  return {
    withoutKrav: scenarios.filter((s) => s.krav.length === 0),
    unknownIds: scenarios.flatMap((s) => s.krav.filter((id) => !known.has(id)).map((id) => ({ id, scenario: s }))),
    uncoveredMusts: requirements.filter((r) => r.niva === 'MUST' && !used.has(r.id)),
    misplacedGuards: scenarios.flatMap((s) =>
      s.vakter.flatMap((kode) => {
        const owner = ownerOf.get(kode);
        if (owner !== undefined && s.krav.includes(owner)) return [];
        return [owner === undefined ? { kode, scenario: s } : { kode, owner, scenario: s }];
      })),
  };
}

/** Scenarios a target cannot run: they need a capability the profile does not declare. */
export function notApplicable(scenarios: SpecScenario[], declared: readonly string[]): Array<SpecScenario & { missing: string[] }> {
  return scenarios
    .map((s) => ({ ...s, missing: s.capabilities.filter((c) => !declared.includes(c)) }))
    .filter((s) => s.missing.length > 0);
}

/**
 * The feature files that hold a scenario tagged with one of `krav` (sorted; empty when none does):
 * what the selfcheck runs against a fault, since only those scenarios can catch it.
 */
export function featuresFor(krav: readonly string[], scenarios: ReadonlyArray<Pick<SpecScenario, 'uri' | 'krav'>>): string[] {
  return [...new Set(scenarios.filter((s) => s.krav.some((k) => krav.includes(k))).map((s) => s.uri))].sort();
}
