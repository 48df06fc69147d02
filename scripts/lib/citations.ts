// The repository stands alone: every citation of a platform fact points at a document inside it.
// Code and docs cite facts as `docs/contracts/<file>.md §N` (or `contracts/<file>.md §N` from
// inside docs/); this module finds each citation, checks that the document exists and that it has
// a heading with that section number, and names every reference to something outside the
// repository (a design note, a bare section sign that names no file, a path outside the clone).
// test/citations.test.ts runs it over the whole repository.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One finding: where, what was written, and why it does not hold. */
export interface CitationProblem {
  file: string;
  line: number;
  text: string;
  reason: string;
}

/**
 * Section numbers a markdown document declares: in its headings (`## 3.`, `### 3.2 …`, `### A.4 …`,
 * `## A. …`), or as a numbered point that opens with its number in bold (`6. **§9.6** …`).
 */
export function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const line of markdown.split('\n')) {
    const m =
      /^#{1,6}\s+(?:§\s*)?([A-H]|[A-H]?\.?\d+(?:\.\d+)*)\.?(?=\s|$)/.exec(line) ??
      /^\s*(?:\d+\.|[-*])\s+\*\*§\s*([A-H](?:\.\d+)*|\d+(?:\.\d+)*)\*\*/.exec(line);
    if (m?.[1]) sections.add(m[1].replace(/\.$/, ''));
  }
  return sections;
}

// `docs/contracts/<file>.md §3.2`, `contracts/<file>.md §A.4`, `contracts/<file>.md` (no section).
const SECTION = String.raw`(?:[A-H](?:\.\d+)*|\d+(?:\.\d+)*)`;
// The sections that follow a document's name, in a chain: `§2.4–§2.5, §3.2` or `§1 and §4`.
const citation = new RegExp(
  String.raw`(?:docs\/)?contracts\/([A-Za-z0-9_-]+\.md)((?:\s*§\s*${SECTION})(?:\s*(?:,|–|-|og|and|or|eller)\s*§\s*${SECTION})*)?`,
  'g',
);
const sectionIn = new RegExp(String.raw`§\s*(${SECTION})`, 'g');

// References that lead out of the repository. Each pattern says why, in the message.
const outside: Array<{ pattern: RegExp; reason: string }> = [
  { pattern: /\.\.\/shared\b/, reason: 'peker ut av repoet (en søstermappe av klonen)' },
  { pattern: /\/work\/(?:shared|\.library)\b/, reason: 'peker på en sti utenfor repoet' },
  { pattern: /\bDESIGN(?:\.md)?\s*§/, reason: 'siterer et designnotat som ikke ligger i repoet (bruk docs/architecture.md)' },
  { pattern: /\bSTYLE\.md\b/, reason: 'siterer en stilguide som ikke ligger i repoet' },
  { pattern: /\bcontracts\s+§/, reason: 'siterer en paragraf uten å si hvilket dokument (bruk docs/contracts/<fil>.md §N)' },
  {
    pattern: /\bcontracts\s+(?:altinn-)?(?:authentication|authorization|dialogporten-broker|dialogporten|broker|test-environments|conformance-practice)\b/,
    reason: 'siterer et kontraktdokument ved navn uten sti (bruk docs/contracts/<fil>.md §N)',
  },
  {
    // A second document named after a first citation by its bare name, without docs/contracts/.
    pattern: /(?<![\w/.-])(?<!contracts\s+)`?(?:altinn-)?(?:authentication|authorization|dialogporten-broker)(?:\.md)?`?\s+§/,
    reason: 'siterer et kontraktdokument ved navn uten sti (bruk docs/contracts/<fil>.md §N)',
  },
];

/** The problems in one file's text; `exists(name)` and `sections(name)` look documents up in docs/contracts. */
export function checkText(
  file: string,
  text: string,
  docs: { exists(name: string): boolean; sections(name: string): Set<string> },
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  text.split('\n').forEach((lineText, index) => {
    const line = index + 1;
    for (const { pattern, reason } of outside) {
      const m = pattern.exec(lineText);
      if (m) problems.push({ file, line, text: m[0], reason });
    }
    for (const m of lineText.matchAll(citation)) {
      const [whole, name = '', chain = ''] = m;
      if (!docs.exists(name)) {
        problems.push({ file, line, text: whole, reason: `docs/contracts/${name} finnes ikke` });
        continue;
      }
      for (const [, section = ''] of chain.matchAll(sectionIn)) {
        if (!docs.sections(name).has(section)) {
          problems.push({ file, line, text: whole, reason: `docs/contracts/${name} har ingen overskrift §${section}` });
        }
      }
    }
  });
  return problems;
}

const skippedDirectories = new Set(['node_modules', '.git', 'reports', '.tmp', 'allure-results']);
const textFile = /\.(?:ts|mts|js|mjs|cjs|md|feature|ya?ml|json|sh|html|css)$|^run$/;

/** Every text file of the repository, relative to `root` (generated folders left out). */
export function repositoryFiles(root: string, dir = root): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (skippedDirectories.has(entry)) continue;
    const path = join(dir, entry);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) files.push(...repositoryFiles(root, path));
    else if (textFile.test(entry) && entry !== 'package-lock.json') files.push(relative(root, path));
  }
  return files.sort();
}

/** Checks every text file under `root` except those in `exclude`. */
export function checkRepository(root: string, exclude: string[] = []): CitationProblem[] {
  const sectionCache = new Map<string, Set<string>>();
  const docs = {
    exists: (name: string) => existsSync(join(root, 'docs/contracts', name)),
    sections: (name: string) => {
      let s = sectionCache.get(name);
      if (!s) {
        s = sectionsOf(readFileSync(join(root, 'docs/contracts', name), 'utf8'));
        sectionCache.set(name, s);
      }
      return s;
    },
  };
  return repositoryFiles(root)
    .filter((file) => !exclude.includes(file))
    .flatMap((file) => checkText(file, readFileSync(join(root, file), 'utf8'), docs));
}
