// Indirect quotes (optional): "Smith said that the plan would fail." In a sentence without
// quotation marks, the clause reported by a speech cue that has a speaker.

import { CUE_FORMS } from './lexicon.js';
import { isCueAt, mentionBefore } from './mentions.js';
import type { Attribution } from './attribute.js';
import type { Item, Sentence } from './tokens.js';

/** Cues that report speech, not beliefs or descriptions. */
const SPEECH = new Set(['say', 'tell', 'add', 'state', 'announce', 'warn', 'argue', 'claim', 'explain', 'insist', 'note', 'report', 'confirm', 'acknowledge', 'admit', 'predict', 'write', 'tweet', 'reply', 'respond', 'stress', 'assert', 'contend', 'maintain', 'testify']);
const MIN_WORDS = 3;
/** How far after the cue "that" may come ("told reporters on Monday that …"). */
const THAT_WINDOW = 8;

export interface Indirect {
  attr: Attribution;
  /** Offsets of the reported clause. */
  start: number;
  end: number;
}

/** The first reported clause of a sentence with no quotes in it, or null. */
export function indirectIn(items: readonly Item[], text: string, s: Sentence): Indirect | null {
  for (let i = s.from; i < s.to; i++) if (items[i]!.kind === 'q') return null;
  for (let c = s.from; c < s.to; c++) {
    const it = items[c]!;
    const lemma = CUE_FORMS.get(it.lower);
    if (lemma === undefined || !SPEECH.has(lemma) || !isCueAt(items, c) || it.lower.endsWith('ing')) continue;
    const mention = mentionBefore(items, text, c, s.from);
    if (mention === null) continue;
    let from = -1;
    for (let j = c + 1; j < s.to && j <= c + THAT_WINDOW; j++) {
      if (items[j]!.lower === 'that') {
        from = j + 1;
        break;
      }
      if (items[j]!.kind === 'p' && items[j]!.text !== ',') break;
    }
    // "said the plan would fail": a clause right after say/said with no "that".
    if (from < 0 && lemma === 'say' && items[c + 1]?.kind === 'w') from = c + 1;
    if (from < 0) continue;
    let to = s.to;
    while (to > from && items[to - 1]!.kind === 'p') to--;
    let words = 0;
    for (let k = from; k < to; k++) if (items[k]!.kind === 'w') words++;
    if (words < MIN_WORDS) continue;
    return { attr: { mention, cue: it.text, cueAt: c }, start: items[from]!.start, end: items[to - 1]!.end };
  }
  return null;
}
