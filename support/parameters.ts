// Parameter types of the Norwegian step expressions. `{aktør}` turns a role word of the features into
// the scenario's actor (made lazily by the cast), so every step names the role that acts.

import { defineParameterType } from '@cucumber/cucumber';
import { ROLE_WORDS, type RoleWord } from './actors/cast.ts';
import type { Actor } from './actors/actor.ts';
import type { SamsvarWorld } from './world.ts';
import { GRANT_ATTACKS, PROTECTED_APIS, TOKEN_ATTACKS, type GrantAttackName, type ProtectedApiName, type TokenAttackName } from './tasks/sikkerhet.ts';
import { DECISION_PATTERN, REFUSAL_PATTERN, decisionOf, refusalOf, type Decision, type Refusal } from './answer-words.ts';
import { accessPackageCode } from './access-packages.ts';

defineParameterType({
  name: 'aktør',
  regexp: new RegExp(ROLE_WORDS.join('|')),
  transformer(this: SamsvarWorld, word: string): Actor {
    return this.actors.byRole(word as RoleWord);
  },
  useForSnippets: false,
});

/** A regular expression matching exactly one of `words` (longest first, special characters escaped). */
function oneOf(words: readonly string[]): RegExp {
  const escaped = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'));
}

// The attack battery's vocabulary (support/tasks/sikkerhet.ts): a feature naming an attack or an API
// that is not in the catalogue has an undefined step, which fails the run.
defineParameterType({
  name: 'grantangrep',
  regexp: oneOf(Object.keys(GRANT_ATTACKS)),
  transformer: (words: string): GrantAttackName => words as GrantAttackName,
  useForSnippets: false,
});

defineParameterType({
  name: 'tokenangrep',
  regexp: oneOf(Object.keys(TOKEN_ATTACKS)),
  transformer: (words: string): TokenAttackName => words as TokenAttackName,
  useForSnippets: false,
});

defineParameterType({
  name: 'api',
  regexp: oneOf(Object.keys(PROTECTED_APIS)),
  transformer: (words: string): ProtectedApiName => words as ProtectedApiName,
  useForSnippets: false,
});

/**
 * "som ikke autentisert", "som uten tilgang, med feilkoden MVA-00001": how an API refuses a call, in
 * words; the refusal carries the exact HTTP status the words require (support/answer-words.ts).
 */
defineParameterType({
  name: 'avvisning',
  regexp: REFUSAL_PATTERN,
  transformer: (words: string, code?: string): Refusal => refusalOf(words, code),
  useForSnippets: false,
});

/** "får tilgang" / "ikke får tilgang": Altinn Authorization's decision, with the exact XACML decision it requires. */
defineParameterType({
  name: 'beslutning',
  regexp: DECISION_PATTERN,
  transformer: (phrase: string): Decision => decisionOf(phrase),
  useForSnippets: false,
});

/**
 * `"Regnskapsfører med signeringsrettighet"`: an access package by Altinn's display name, turned into
 * its package code (support/access-packages.ts). Any quoted text matches, so a name that is not in
 * the catalogue fails the step with the list of valid names instead of leaving it undefined.
 */
defineParameterType({
  name: 'tilgangspakke',
  regexp: /"([^"]+)"/,
  transformer: (name: string): string => accessPackageCode(name),
  useForSnippets: false,
});
