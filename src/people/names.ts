import { headKind } from '../quotes/entities.js';
import { headWord, splitMention } from '../quotes/names.js';
import { fold } from './fold.js';
import type { SpeakerKind } from './types.js';

// What a resolved speaker names, as the people index needs it: a person (with the words of
// their name, for grouping), an organisation, or an unnamed source. The quote engine's own
// splitting of mentions decides; this only adds what grouping across articles needs.

export interface SpeakerName {
  kind: SpeakerKind;
  /** The name as shown: without titles ("Joe Biden"), an organisation as written. */
  display: string;
  /** Folded words of a person's name, initials and suffixes dropped; else []. */
  words: string[];
  /** A title or role the speaker string itself carried ("President"), or null. */
  title: string | null;
  /** The folded form used as a key (organisations and unnamed sources). */
  folded: string;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Courtesy titles say nothing about which person it is, so they are no role. */
const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'madam']);

/** "Mr.", "Dr": a courtesy title, which says nothing about who it is. */
export function isCourtesy(role: string): boolean {
  return COURTESY.has(fold(role));
}

export function classifySpeaker(speaker: string): SpeakerName {
  const trimmed = speaker.replace(/\s+/g, ' ').trim();
  const split = splitMention(trimmed);
  if (split.type === 'person' && split.name) {
    const words = fold(split.name)
      .split(' ')
      .filter((w, i, all) => w !== '' && !SUFFIXES.has(w) && !(w.length === 1 && i > 0 && i < all.length - 1));
    const title = split.role && !isCourtesy(split.role) ? split.role : null;
    return { kind: 'person', display: split.name, words, title, folded: words.join(' ') };
  }
  const folded = fold(trimmed).replace(/^the /, '');
  const kind = isUnnamed(trimmed, split.type) ? 'unnamed' : 'organisation';
  // "the Ministry of Defence" and "Ministry of Defence" are one name; shown without "the".
  const display = kind === 'organisation' ? trimmed.replace(/^the\s+(?=\p{Lu})/u, '') : trimmed;
  return { kind, display, words: [], title: null, folded };
}

/**
 * An unnamed source: a descriptor ("a senior US official", "officials"), or an organisation
 * named only by a common noun ("the company", "police"), which means a different body in
 * each article.
 */
function isUnnamed(speaker: string, type: string): boolean {
  if (type === 'descriptor' || type === 'pronoun') return true;
  if (/^(?:an?|one|two|three|some|several|many|other)\s/i.test(speaker)) return true;
  if (headKind(headWord(speaker)) === 'person') return true;
  return !/\p{Lu}/u.test(speaker.replace(/^the\s/i, ''));
}
