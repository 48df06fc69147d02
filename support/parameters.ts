// Parameter types of the Norwegian step expressions. `{aktør}` turns a role word of the features into
// the scenario's actor (made lazily by the cast), so every step names the role that acts.

import { defineParameterType } from '@cucumber/cucumber';
import { ROLE_WORDS, type RoleWord } from './actors/cast.ts';
import type { Actor } from './actors/actor.ts';
import type { SamsvarWorld } from './world.ts';

defineParameterType({
  name: 'aktør',
  regexp: new RegExp(ROLE_WORDS.join('|')),
  transformer(this: SamsvarWorld, word: string): Actor {
    return this.actors.byRole(word as RoleWord);
  },
  useForSnippets: false,
});
