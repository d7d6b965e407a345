// The gender a given name is most often given to: the hand-made list first (GIVEN_NAMES,
// which also says what counts as a given name at all), else the long generated one. Only the
// gender is read from the long list: it holds words ("Will", "Page", "King") that are names
// only sometimes, so it never decides whether a word is a name.

import { FEMALE_NAMES, MALE_NAMES } from './given-names.data.js';
import { GIVEN_NAMES } from './lexicon.js';

let long: ReadonlyMap<string, 'm' | 'f'> | null = null;

function longList(): ReadonlyMap<string, 'm' | 'f'> {
  const map = new Map<string, 'm' | 'f'>();
  for (const name of MALE_NAMES.split(' ')) map.set(name, 'm');
  for (const name of FEMALE_NAMES.split(' ')) map.set(name, 'f');
  return map;
}

/** 'm', 'f', or '' when the word (lower case) is no given name either list knows. */
export function genderOfGiven(first: string): 'm' | 'f' | '' {
  const known = GIVEN_NAMES.get(first);
  if (known) return known;
  long ??= longList();
  return long.get(first) ?? '';
}
