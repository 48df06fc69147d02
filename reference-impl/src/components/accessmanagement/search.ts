// Access package search (docs/contracts/platform-behaviour.md §3): GET meta/info/accesspackages/search.
// AM's default "simple search": the term is split on spaces and each package is scored by fixed rules
// on its name, description and area, case-insensitively; a phrase of several tokens scores double.
// The answer is SearchObject<PackageDto>[], best first; nothing found is 204.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { PlainProblem } from '../../platform/errors.ts';
import type { Catalogue } from './catalogue.ts';
import { packageDto } from './present.ts';

export interface SearchQuery {
  term?: string;
  typeName?: string;
  strict?: string;
  simpleSearch?: string;
  searchInResources?: string;
  resourceProviderCode?: string | string[];
}

interface SearchField {
  field: string;
  value: string;
  score: number;
  words: never[];
}

type Dto = Record<string, unknown> & { name: string; description: string; area: { name: string; description: string } | null };

interface Rule {
  field: string;
  value: (p: Dto) => string;
  match: (value: string, token: string) => boolean;
  points: number;
}

const lower = (s: string) => s.toLocaleLowerCase('nb');
const startsWith = (value: string, token: string) => lower(value).startsWith(lower(token));
const contains = (value: string, token: string) => lower(value).includes(lower(token));

/** AM PackageService.PackageRules. */
const RULES: Rule[] = [
  { field: 'name.prefix', value: (p) => p.name, match: startsWith, points: 100 },
  { field: 'name', value: (p) => p.name, match: contains, points: 50 },
  { field: 'description', value: (p) => p.description, match: contains, points: 10 },
  { field: 'area.name.prefix', value: (p) => p.area?.name ?? '', match: startsWith, points: 25 },
  { field: 'area.description', value: (p) => p.area?.description ?? '', match: contains, points: 5 },
];

/** EntityTypeConstants.TryGetByName with translations: the organisation type (the catalogue's only one) and the person type. */
const TYPE_NAMES: Record<string, 'organisation' | 'person'> = {
  organization: 'organisation', organisation: 'organisation', organisasjon: 'organisation', person: 'person',
};

function scorePackage(p: Dto, tokens: string[]): { object: Dto; score: number; fields: SearchField[] } {
  const fields: SearchField[] = [];
  if (tokens.length > 1) {
    const phrase = tokens.join(' ');
    for (const rule of RULES) {
      const value = rule.value(p);
      if (rule.match(value, phrase)) fields.push({ field: `${rule.field}.phrase`, value, score: rule.points * 2, words: [] });
    }
  }
  for (const rule of RULES) {
    const value = rule.value(p);
    for (const token of tokens) if (rule.match(value, token)) fields.push({ field: rule.field, value, score: rule.points, words: [] });
  }
  return { object: p, score: fields.reduce((sum, f) => sum + f.score, 0), fields };
}

export function searchHandler(catalogue: Catalogue) {
  return async function searchPackages(request: FastifyRequest<{ Querystring: SearchQuery }>, reply: FastifyReply) {
    const { term = '', typeName } = request.query;
    let packages = catalogue.all().map((p) => packageDto(catalogue, p) as Dto);
    if (typeName !== undefined && typeName !== '') {
      const type = TYPE_NAMES[lower(typeName)];
      // AM answers Problem(...) here, which ASP.NET makes a 500; the reference names the bad input with a 400.
      if (!type) throw new PlainProblem(400, 'Bad Request', `Type '${typeName}' not found. Try organization, organisasjon or person`);
      if (type === 'person') packages = [];
    }
    const tokens = term.split(' ').map((t) => t.trim()).filter(Boolean);
    let results = tokens.length === 0
      ? packages.map((object) => ({ object, score: 0, fields: [] as SearchField[] }))
      : packages.map((p) => scorePackage(p, tokens)).filter((r) => r.score > 0);
    if (String(request.query.strict ?? '').toLowerCase() === 'true' && tokens.length > 1) {
      results = results.filter((r) => tokens.every((t) => r.fields.some((f) => contains(f.value, t))));
    }
    if (results.length === 0) return reply.code(204).send();
    // OrderByDescending is a stable sort, as Array.prototype.sort is.
    return results.sort((a, b) => b.score - a.score);
  };
}
