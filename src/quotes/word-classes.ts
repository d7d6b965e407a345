// Parts of speech for single words, from a lexicon (word-classes.data.ts): what suffix rules
// cannot tell, a present-tense verb from a plural noun, an adjective from a noun.

import { ADJECTIVES, VERB_FORMS } from './word-classes.data.js';

let verbs: ReadonlySet<string> | null = null;
let adjectives: ReadonlySet<string> | null = null;

/** True when a word in -s is likeliest a verb: "sees", "warns", not "aides" (lower case). */
export function isVerbForm(word: string): boolean {
  verbs ??= new Set(VERB_FORMS.split(' '));
  return verbs.has(word);
}

/** True when the word is an adjective and never a noun: "rampant", "racial" (lower case). */
export function isAdjectiveOnly(word: string): boolean {
  adjectives ??= new Set(ADJECTIVES.split(' '));
  return adjectives.has(word);
}
