// The repository stands alone: every citation of a platform fact resolves to a document and a
// section inside it, and nothing refers to a file outside the clone (scripts/lib/citations.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkRepository, checkText, sectionsOf } from '../scripts/lib/citations.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

const doc = [
  '# Altinn Authentication',
  '## 0. Conventions',
  '## 3. System user requests',
  '### 3.2 Models',
  '## A. DIALOGPORTEN',
  '### A.4 Service-owner create',
  '#### Not numbered',
  '## 9. Open points',
  '1. **§9.1** A point that code cites.',
].join('\n');

const docs = {
  exists: (name: string) => name === 'auth.md',
  sections: () => sectionsOf(doc),
};

test('sectionsOf reads numbered headings, letters and letter sections', () => {
  assert.deepEqual([...sectionsOf(doc)].sort(), ['0', '3', '3.2', '9', '9.1', 'A', 'A.4']);
});

test('a citation of an existing document and section holds', () => {
  assert.deepEqual(checkText('x.ts', '// see docs/contracts/auth.md §3.2 and contracts/auth.md §A.4, docs/contracts/auth.md', docs), []);
  assert.deepEqual(checkText('x.ts', '// (docs/contracts/auth.md §3).', docs), []);
  assert.deepEqual(checkText('x.ts', 'kilde: "docs/contracts/auth.md §3.2–§3, §A.4 and §0"', docs), []);
});

test('a missing document or section is named with the line', () => {
  const problems = checkText('x.ts', 'a\n// docs/contracts/auth.md §3.7\n// docs/contracts/gone.md §1\n// docs/contracts/auth.md §3.2, §8', docs);
  assert.deepEqual(
    problems.map((p) => [p.line, p.reason]),
    [
      [2, 'docs/contracts/auth.md har ingen overskrift §3.7'],
      [3, 'docs/contracts/gone.md finnes ikke'],
      [4, 'docs/contracts/auth.md har ingen overskrift §8'],
    ],
  );
});

test('references out of the repository are refused, each with its reason', () => {
  // The outside names are put together here, so this file does not itself refer out of the repository.
  const sibling = ['..', 'shared'].join('/');
  const lines = [
    `// the facts in ${sibling}/contracts`,
    `// ${'DESI' + 'GN'} §4: never guessed`,
    '// (contracts §6.3)',
    '// contracts authentication §3.2',
    '// contracts/altinn-authentication.md §6.1',
    `// ${'STY' + 'LE'}.md says`,
    '// docs/contracts/auth.md §3; authorization §4.2',
  ];
  const problems = checkText('x.ts', lines.join('\n'), docs);
  assert.deepEqual(
    problems.map((p) => p.line),
    [1, 2, 3, 4, 5, 6, 7],
  );
  assert.match(problems[2]?.reason ?? '', /uten å si hvilket dokument/);
  assert.match(problems[4]?.reason ?? '', /altinn-authentication\.md finnes ikke/);
});

test('every citation in the repository points inside it, at a section that exists', () => {
  const problems = checkRepository(root, ['test/citations.test.ts']);
  const shown = problems.slice(0, 40).map((p) => `${p.file}:${p.line}: ${p.text} — ${p.reason}`);
  assert.equal(problems.length, 0, `${problems.length} citations lead nowhere:\n${shown.join('\n')}`);
});
