// Speaker mentions: the noun phrase next to a cue verb, read off the items of one sentence.
// "Smith said", "Chinese embassy spokesperson in the US, Liu Pengyu, said", "said the official",
// "according to a senior aide". Pure item walking; each call looks at a bounded window.
// A mention keeps what the text says about the speaker (appositives, relative clauses,
// parenthesised party tags): it is the speaker as written; names.ts splits it later.

import { CUE_ADVERBS, CUE_FORMS, GIVEN_NAMES, MONTHS_DAYS, NOUN_LIKE_FORMS, PHRASE_STOPS, SUBJECT_PRONOUNS } from './lexicon.js';
import type { Item } from './tokens.js';
import { headKind } from './entities.js';
import { PLACES } from './places.js';
import { isAdjectiveOnly, isVerbForm } from './word-classes.js';

export interface Mention {
  /** Item range [from, to) of the phrase. */
  from: number;
  to: number;
  /** The phrase as written. */
  text: string;
  start: number;
  end: number;
}

const MAX_WORDS = 18;
const MAX_ASIDE = 30;
/** The longest quoted title kept inside an appositive, in characters. */
const MAX_TITLE = 60;
/** An aside between a subject and its verb: ", the United Nations High Commissioner for Refugees (UNHCR),". */
const MAX_SUBJECT_ASIDE = 16;
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'another', 'one', 'two', 'three', 'several', 'many', 'some', 'other', 'both']);
const ARTICLES = /^(the|a|an|his|her|their|its|our|my|your|this|that|these|those)$/;
const POSSESSIVE_DETERMINERS = /^(his|her|their|its|our|my|your)$/;
/** Prepositions that can sit inside a role ("secretary of state", "spokesman for the campaign"). */
const INNER_PREPS = new Set(['of', 'for']);
/** Prepositions allowed inside a phrase only after a role noun ("an aide in the office"). */
const ROLE_PREPS = new Set(['in', 'at', 'with', 'from', 'on', 'to']);
const CONNECTORS = new Set(['-', '&', '/', '.']);
const RELATIVE = new Set(['who', 'whose']);
/** Capitalised function words open sentences ("After …", "But …"); they are not names. */
export const CAPITAL_FUNCTION: ReadonlySet<string> = new Set([
  'and', 'but', 'or', 'in', 'at', 'on', 'during', 'after', 'before', 'when', 'while', 'as',
  'because', 'if', 'since', 'though', 'although', 'following', 'despite', 'amid', 'among',
  'with', 'without', 'by', 'from', 'to', 'into', 'that', 'this', 'these', 'those', 'there',
  'here', 'then', 'now', 'so', 'yet', 'also', 'however', 'meanwhile', 'still', 'instead',
  'thus', 'later', 'earlier', 'today', 'yesterday', 'tonight', 'what', 'how', 'why', 'where',
  'it', 'its', 'is', 'was', 'not', 'we', 'i', 'you', 'asked', 'like', 'unlike', 'under',
  'over', 'through', 'about', 'even', 'just', 'only', 'once', 'early', 'late', 'last', 'next',
  'speaking', 'writing', 'for', 'of', 'until', 'his', 'her', 'their', 'our', 'my', 'your',
  'whether', 'no', 'yes', 'indeed', 'well', 'again', 'already', 'moreover', 'furthermore',
  'nonetheless', 'nevertheless', 'regardless', 'likewise', 'similarly', 'besides', 'otherwise',
  'finally', 'ultimately', 'overall', 'separately', 'specifically', 'notably', 'instead',
]);
/** Lower-case -ed/-ing words that modify a role rather than act as verbs. */
const ROLE_MODIFIERS = new Set([
  'retired', 'elected', 're-elected', 'unnamed', 'unidentified', 'named', 'appointed',
  'acting', 'ranking', 'leading', 'founding', 'outgoing', 'incoming', 'governing', 'running',
  'presiding', 'longtime', 'managing', 'polling', 'supporting', 'trusted', 'distinguished',
  'self-described', 'so-called', 'senior', 'based', 'registered', 'undecided', 'married',
  'unaffiliated', 'affiliated', 'concerned', 'frustrated', 'disaffected', 'respected', 'red',
  'united', 'consulting', 'marketing', 'banking', 'publishing', 'training', 'nursing',
  'presumed', 'embattled', 'beleaguered', 'renowned', 'celebrated', 'noted', 'famed',
  'disgraced', 'indicted', 'jailed', 'accused', 'wounded', 'injured', 'armed', 'licensed',
]);

const WEEKDAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
/** Time words end a phrase: "said two weeks ago", "told reporters Tuesday night". */
const TIME_NOUNS = /^(ago|days?|weeks?|months?|years?|night|morning|afternoon|evening|weekend|hours?|minutes?|earlier|later|time)$/;

/** Common irregular past tenses: verbs, never part of a speaker phrase. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'sent', 'made', 'took', 'gave', 'got', 'went', 'came', 'met', 'held', 'left', 'won', 'lost',
  'ran', 'thought', 'felt', 'kept', 'began', 'found', 'brought', 'bought', 'spent', 'led', 'saw',
  'knew', 'grew', 'drew', 'threw', 'chose', 'rose', 'broke', 'stood', 'sat', 'paid', 'meant',
  'sought', 'taught', 'caught', 'fought', 'struck', 'hung', 'wore', 'became', 'did', 'shook',
  'shot', 'spoke', 'swore', 'quit',
]);

/** "It’s", "There’s", "He’d": a pronoun and a verb, never a speaker phrase. */
const CONTRACTION = /^(it|he|she|that|there|what|here|who|they|we|i|you|this)['\u2019](s|re|ve|ll|d|m)$/;

const isCapital = (it: Item): boolean => /^[\p{Lu}\p{N}]/u.test(it.text);
const isAcronym = (it: Item): boolean => it.text.length > 1 && /^[\p{Lu}.&]+$/u.test(it.text);

/**
 * Whether item `i` is a reporting cue here: a lower-case cue form, not an infinitive
 * ("refused to say"), and, for forms that are mostly nouns ("reports", "claims"), right after
 * a subject-like word ("The Post reports", "he claims").
 */
export function isCueAt(items: readonly Item[], i: number): boolean {
  const it = items[i];
  if (it === undefined || it.kind !== 'w' || isCapital(it)) return false;
  // "as she put it": the speaker's own words; "pointed out" too.
  if (it.lower === 'put' || it.lower === 'puts') return items[i + 1]?.lower === 'it';
  if (/^(point|points|pointed|pointing)$/.test(it.lower)) return items[i + 1]?.lower === 'out';
  // "went on," / "went on to say": continuing to speak (not "goes on recess").
  if (/^(went|goes|go|going)$/.test(it.lower)) {
    const after = items[i + 2];
    return items[i + 1]?.lower === 'on' && (after === undefined || after.kind !== 'w' || after.lower === 'to');
  }
  if (!CUE_FORMS.has(it.lower)) return false;
  const prev = items[i - 1];
  if (prev?.lower === 'to') return false;
  // After a determiner or a possessive it is an adjective or a noun: "his repeated calls".
  if (prev !== undefined && prev.kind === 'w' && (ARTICLES.test(prev.lower) || /['\u2019]s$/.test(prev.text))) return false;
  if (NOUN_LIKE_FORMS.has(it.lower)) {
    // "Trump's Virginia state director": a noun before another noun modifies it.
    const next = items[i + 1];
    if (next !== undefined && next.kind === 'w' && !isCapital(next) && !verbContext(next) && !isAdverb(next) && !SUBJECT_PRONOUNS.has(next.lower)) return false;
    // "…, a consultant, notes that …": a form followed by "that" is the verb.
    if (items[i + 1]?.lower === 'that' && prev !== undefined && (prev.kind === 'p' || prev.kind === 'w')) return true;
    if (prev === undefined || prev.kind !== 'w' || /['\u2019]s?$/.test(prev.text)) return false;
    // "… in a heavily Democratic state.": a form that ends its sentence after an article is a noun.
    if (next !== undefined && next.kind === 'p' && /^[.!?]$/.test(next.text) && articleBefore(items, i)) return false;
    // "a Twitter comment", "the Trump pledge": a base form after an article and a name is a
    // noun ("the Saudis state" is not: a plural speaks); so is any form after "his", "her" ….
    const det = items[i - 2]?.lower ?? '';
    if (!it.lower.endsWith('s') && !prev.lower.endsWith('s') && ARTICLES.test(det)) return false;
    if (POSSESSIVE_DETERMINERS.test(det)) return false;
    // "The Post reports", "he claims", "the ad claims".
    return isCapital(prev) || SUBJECT_PRONOUNS.has(prev.lower) || (it.lower.endsWith('s') && DETERMINERS.has(items[i - 2]?.lower ?? ''));
  }
  return true;
}

/**
 * "in a heavily Democratic state": an article a few words back, only words between, and no
 * quote earlier on the line ("“…,” the study notes." is the study speaking).
 */
function articleBefore(items: readonly Item[], i: number): boolean {
  let article = false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const w = items[j]!;
    if (w.kind !== 'w') return false;
    if (ARTICLES.test(w.lower)) {
      article = true;
      break;
    }
  }
  if (!article) return false;
  for (let j = i - 1; j >= 0; j--) if (items[j]!.kind === 'q') return false;
  return true;
}

/** A word that can be part of a speaker phrase on its own merits. */
function phraseWord(it: Item): boolean {
  if (it.kind !== 'w') return false;
  if (CONTRACTION.test(it.lower) || /n['\u2019]t$/.test(it.lower)) return false;
  if (isCapital(it)) {
    if (isAcronym(it)) return true;
    // Capitalised cue forms are names only when they read as nouns ("The Post", "Report").
    return !CAPITAL_FUNCTION.has(it.lower) && !WEEKDAYS.test(it.lower) && (!CUE_FORMS.has(it.lower) || NOUN_LIKE_FORMS.has(it.lower));
  }
  if (PHRASE_STOPS.has(it.lower) || MONTHS_DAYS.has(it.lower) || TIME_NOUNS.test(it.lower)) return false;
  if (CUE_FORMS.has(it.lower) && !NOUN_LIKE_FORMS.has(it.lower)) return false;
  if (/ly$/.test(it.lower) && it.lower.length > 4 && !LY_NOUNS.has(it.lower)) return false;
  // "conservative-leaning", "well-known", "long-serving": a compound in -ing or -ed is an
  // adjective, never the phrase's verb.
  if (/[a-z](ed|ing)$/.test(it.lower) && !ROLE_MODIFIERS.has(it.lower) && !/^[a-z]+-[a-z]+(?:ed|ing)$/.test(it.lower)) return false;
  if (IRREGULAR_PAST.has(it.lower)) return false;
  // "Heer sees the piece": a verb ends the phrase, though it ends in -s like "aides".
  if (isVerbForm(it.lower) && !NOUN_LIKE_FORMS.has(it.lower) && !ROLE_MODIFIERS.has(it.lower)) return false;
  return true;
}

function mention(items: readonly Item[], text: string, from: number, to: number): Mention | null {
  if (from >= to) return null;
  const start = items[from]!.start;
  const end = items[to - 1]!.end;
  return { from, to, text: text.slice(start, end), start, end };
}

/** Drops leading dates and stray punctuation: "Tuesday Smith" -> "Smith". */
function trimLeft(items: readonly Item[], from: number, to: number): number {
  let i = from;
  while (i + 1 < to) {
    const it = items[i]!;
    if (it.kind === 'p' || MONTHS_DAYS.has(it.lower) || /^\d+$/.test(it.text) || openingAdverb(items, i)) i++;
    else break;
  }
  return i;
}

/** "Shortly after …", "Hastily, …": a capitalised adverb opening a sentence is no name. */
function openingAdverb(items: readonly Item[], i: number): boolean {
  const it = items[i]!;
  const next = items[i + 1];
  return (
    it.kind === 'w' &&
    /^\p{Lu}[a-z]{3,}ly$/u.test(it.text) &&
    !GIVEN_NAMES.has(it.lower) &&
    next !== undefined &&
    (next.text === ',' || (next.kind === 'w' && (INNER_PREPS.has(next.lower) || ROLE_PREPS.has(next.lower) || /^(after|before|afterward|thereafter)$/.test(next.lower))))
  );
}

/** Index of the "(" matching the ")" at `close`, within a few items, or -1. */
function openParen(items: readonly Item[], close: number, limit: number): number {
  for (let j = close - 1; j >= limit && close - j <= 10; j--) {
    if (items[j]!.text === '(') return j;
    if (items[j]!.kind === 'q') return -1;
  }
  return -1;
}

function closeParen(items: readonly Item[], open: number, limit: number): number {
  for (let j = open + 1; j < limit && j - open <= 10; j++) {
    if (items[j]!.text === ')') return j;
    if (items[j]!.kind === 'q') return -1;
  }
  return -1;
}

/**
 * The phrase that ends just before item `end` (exclusive), walking left to `limit`.
 * Words join while they look like a noun phrase; "of"/"for" always join, other prepositions
 * only after a lower-case role noun or an institution ("spokesperson in the US").
 */
function walkLeft(items: readonly Item[], text: string, end: number, limit: number): number {
  let i = end - 1;
  let words = 0;
  while (i >= limit && words < MAX_WORDS) {
    const it = items[i]!;
    if (it.text === ')' && words === 0) {
      const open = openParen(items, i, limit);
      if (open < 0) break;
      i = open - 1;
      continue;
    }
    if (it.kind === 'p' && CONNECTORS.has(it.text) && joins(text, it) && i - 1 >= limit && items[i - 1]!.kind === 'w' && words > 0) {
      i--;
      continue;
    }
    if (it.kind !== 'w') break;
    // A noun in -ing before the head modifies it: "the regional farming association"; an
    // adverb after a determiner modifies the next word: "the nearly 60-year-old brother".
    const modifier =
      words > 0 &&
      ((/^[a-z]+ing$/.test(it.text) && !CUE_FORMS.has(it.lower)) || (isAdverb(it) && /^(the|a|an|his|her|their|its)$/.test(items[i - 1]?.lower ?? '')));
    if (phraseWord(it) || modifier) {
      words++;
      i--;
      continue;
    }
    const left = items[i - 1];
    // "Another source speaking to Fox News said": a participle and its object describe the
    // noun before them.
    const noun = items[i - 2];
    if (
      words > 0 &&
      (ROLE_PREPS.has(it.lower) || INNER_PREPS.has(it.lower)) &&
      left !== undefined &&
      left.kind === 'w' &&
      /^[a-z]+(?:ing|ed)$/.test(left.text) &&
      (!CUE_FORMS.has(left.lower) || left.lower.endsWith('ing')) &&
      noun !== undefined &&
      i - 2 >= limit &&
      phraseWord(noun) &&
      !isCapital(noun)
    ) {
      i -= 2;
      continue;
    }
    if (left === undefined || i - 1 < limit || !phraseWord(left) || words === 0) break;
    if (INNER_PREPS.has(it.lower) || it.lower === 'and' || (DETERMINERS.has(it.lower) && !isCapital(it))) {
      i--;
      continue;
    }
    if (ROLE_PREPS.has(it.lower) && !DETERMINERS.has(left.lower) && (!isCapital(left) || isInstitution(left))) {
      i--;
      continue;
    }
    break;
  }
  return i + 1;
}

/** A connector joins words only when it touches them: "AT&T", not "agree - Carl Bialik". */
function joins(text: string, it: Item): boolean {
  return !/\s/.test(text[it.start - 1] ?? ' ') || !/\s/.test(text[it.end] ?? ' ');
}

const INSTITUTIONS = /^(embassy|ministry|department|office|committee|council|commission|agency|bureau|university|institute|center|centre|court)$/;
function isInstitution(it: Item): boolean {
  return INSTITUTIONS.test(it.lower);
}

const DATELINE_DASHES = new Set(['\u2014', '\u2013', '-', '--']);

/**
 * Past a dateline opening the sentence, "WASHINGTON, Dec. 8 (UPI) —" or "Washington (AFP)
 * –": a place, a date and an agency before a dash are where the story was filed, not who acts.
 */
export function afterDateline(items: readonly Item[], from: number): number {
  for (let i = from; i < items.length && i - from <= 10; i++) {
    const it = items[i]!;
    if (it.kind === 'p' && DATELINE_DASHES.has(it.text)) return i > from ? i + 1 : from;
    const datelike = it.kind === 'p' ? /^[,.()]$/.test(it.text) : /^[\p{Lu}\d]/u.test(it.text) || MONTHS_DAYS.has(it.lower);
    if (!datelike || it.kind === 'q') return from;
  }
  return from;
}

/**
 * The subject of a sentence's main clause: the phrase at its start, after any fronted
 * adverbial ("Later in the show, after the interview, Maher …"), when a verb-like word
 * follows it. Only looks before item `before`.
 */
export function sentenceSubject(items: readonly Item[], text: string, from: number, before: number): Mention | null {
  let at = afterDateline(items, from);
  // "But Sen. Toomey refused …": a leading conjunction is no fronted clause.
  if (items[at]?.kind === 'w' && /^(but|and|so|yet|still|now|then|also)$/.test(items[at]!.lower) && items[at + 1]?.text !== ',') at++;
  for (let guard = 0; guard < 3 && at < before; guard++) {
    const first = items[at]!;
    // A possessive opens the subject itself: "Her chief aide, Jake Sullivan, calls …".
    const possessive = POSSESSIVE_DETERMINERS.test(first.lower);
    // "Informed of the plan, Early said …", "Asked about it, …": a participle clause.
    const participle = /^[a-z]{3,}ed$/.test(first.lower) && /^(of|about|by|with|in|at|to|from|after|for)$/.test(items[at + 1]?.lower ?? '');
    const fronted = first.kind === 'w' && !possessive && (participle || openingAdverb(items, at) || TIME_NOUNS.test(first.lower) || CAPITAL_FUNCTION.has(first.lower) || MONTHS_DAYS.has(first.lower) || /ing$/.test(first.lower) || /^\d/.test(first.text) || timePhrase(items, at, before));
    if (!fronted) break;
    let c = at;
    while (c < before && items[c]!.text !== ',' && items[c]!.kind !== 'q') c++;
    if (c >= before || items[c]!.text !== ',') return null;
    at = c + 1;
    // "Speaking in Salem, New Hampshire, Trump …": a place after the comma is the clause's.
    at = pastPlace(items, at, before);
  }
  if (at >= before) return null;
  const first = items[at]!;
  if (first.kind === 'w' && SUBJECT_PRONOUNS.has(first.lower)) return mention(items, text, at, at + 1);
  if (first.kind !== 'w' || !(isCapital(first) || DETERMINERS.has(first.lower))) return null;
  let m = mentionAfter(items, text, at - 1, before);
  // A determiner alone ("The" before "scheduling was …") names no one.
  if (m === null || (m.to - m.from === 1 && DETERMINERS.has(items[m.from]!.lower))) return null;
  // "The ad claims “…”": a noun-like verb form closing the phrase is its verb.
  const lastWord = items[m.to - 1]!;
  if (m.to - m.from >= 2 && NOUN_LIKE_FORMS.has(lastWord.lower) && lastWord.lower.endsWith('s') && !isCapital(lastWord)) {
    m = mention(items, text, m.from, m.to - 1)!;
  }
  // The next word must read as a verb (lower case, not a preposition or conjunction);
  // a comma aside may come between: "Reid (D-Nev.), in particular, has been …", and a
  // time phrase: "Trump, who …, on Friday described …".
  let v = m.to;
  if (items[v]?.text === ',' && verbAfterAside(items[v + 1])) {
    // The phrase took its appositive along ("Yang Shu, director of …,"): the verb follows.
    v++;
  } else if (items[v]?.text === ',') {
    let c = v + 1;
    while (c < before && c - v <= MAX_SUBJECT_ASIDE && items[c]!.text !== ',' && items[c]!.kind !== 'q') c++;
    if (items[c]?.text === ',' && isAside(items, v + 1, c)) v = c + 1;
    else if (items[v + 1]?.kind === 'w' && /^(on|in|at|last|this|earlier|later)$/.test(items[v + 1]!.lower)) v++;
  }
  if (items[v]?.kind === 'w' && /^(on|in|at|last|this)$/.test(items[v]!.lower) && (MONTHS_DAYS.has(items[v + 1]?.lower ?? '') || TIME_NOUNS.test(items[v + 1]?.lower ?? ''))) v += 2;
  while (v < before && isAdverb(items[v]!)) v++;
  // "Sanders during a Sunday rally thanked …": a short phrase of time or place, then the verb.
  if (items[v]?.kind === 'w' && /^(during|at|in|on|after|before|from|with)$/.test(items[v]!.lower)) {
    let w = v + 1;
    while (w < before && w - v <= 5 && items[w]!.kind === 'w' && !verbAfterAside(items[w])) w++;
    if (w < before && w - v <= 5 && verbAfterAside(items[w]) && !/^(is|was|are|were|has|had|have)$/.test(items[w]!.lower)) v = w;
  }
  const verb = items[v];
  if (verb === undefined || verb.kind !== 'w' || isCapital(verb) || PHRASE_STOPS.has(verb.lower) && !/^(has|had|is|was|will|would|does|did)$/.test(verb.lower)) return null;
  return m;
}

/** "a few days later," / "the next morning,": a short phrase of time and its comma. */
function timePhrase(items: readonly Item[], at: number, before: number): boolean {
  for (let c = at; c < before && c - at <= 5; c++) {
    const it = items[c]!;
    if (it.text === ',') return c > at && TIME_NOUNS.test(items[c - 1]!.lower);
    if (it.kind !== 'w' || isCapital(it) && c > at) return false;
  }
  return false;
}

/** Past "New Hampshire," at `at`: a short capitalised run ending in a place, and its comma. */
function pastPlace(items: readonly Item[], at: number, before: number): number {
  let c = at;
  while (c < before && c - at < 3 && items[c]!.kind === 'w' && isCapital(items[c]!)) c++;
  if (c === at || items[c]?.text !== ',' || !PLACES.has(items[c - 1]!.lower)) return at;
  const next = items[c + 1];
  return next !== undefined && c + 1 < before && next.kind === 'w' && isCapital(next) ? c + 1 : at;
}

/** What follows a verb rather than a noun: a preposition, "that", a determiner, a quote. */
function verbContext(next: Item | undefined): boolean {
  if (next === undefined) return false;
  if (next.kind === 'q') return true;
  return next.kind === 'w' && !isCapital(next) && (next.lower === 'that' || INNER_PREPS.has(next.lower) || ROLE_PREPS.has(next.lower) || DETERMINERS.has(next.lower) || /^(about|into|against|over|him|her|them|it|us)$/.test(next.lower));
}

/** A lower-case word that reads as a finite verb: "calls", "referenced", "shot". */
function verbAfterAside(it: Item | undefined): boolean {
  if (it === undefined || it.kind !== 'w' || isCapital(it)) return false;
  const w = it.lower;
  if (/^(is|was|are|were|has|had|have|will|would|can|could|did|does|may|might|should|must)$/.test(w)) return true;
  return (/[a-z]{2}(?:ed|s)$/.test(w) && !NOUN_LIKE_FORMS.has(w) && !PHRASE_STOPS.has(w)) || IRREGULAR_PAST.has(w) || (CUE_FORMS.has(w) && !/ing$/.test(w));
}

/** Words that open a comma-enclosed aside rather than an appositive. */
function isAside(items: readonly Item[], from: number, to: number): boolean {
  const first = items[from];
  if (first === undefined || first.kind !== 'w') return true;
  if (RELATIVE.has(first.lower)) return false;
  if (to - from === 1 && (CUE_ADVERBS.has(first.lower) || /ly$/.test(first.lower))) return true;
  if (isCapital(first)) return CAPITAL_FUNCTION.has(first.lower) || MONTHS_DAYS.has(first.lower);
  if (DETERMINERS.has(first.lower)) return false;
  // ", at the Royal United Services Institute," says where the speaker works: part of them.
  if (/^(at|of|from|with)$/.test(first.lower) && items.slice(from + 1, to).some((it) => it.kind === 'w' && isCapital(it) && !MONTHS_DAYS.has(it.lower))) return false;
  return PHRASE_STOPS.has(first.lower) || /[a-z](ing|ed)$/.test(first.lower) || CUE_FORMS.has(first.lower);
}

/** Words in -ly that are nouns or verbs, not adverbs: "a Sunday rally", "an ally". */
const LY_NOUNS = new Set([
  'family', 'rally', 'ally', 'supply', 'reply', 'apply', 'comply', 'imply', 'assembly', 'anomaly', 'monopoly',
  'belly', 'jelly', 'bully', 'tally', 'butterfly', 'lily', 'holly', 'folly', 'multiply', 'homily', 'dragonfly',
]);

/** An adverb between a speaker and a cue: "has also said", "immediately posted". */
export function isAdverb(it: Item): boolean {
  return (
    it.kind === 'w' &&
    !isCapital(it) &&
    (CUE_ADVERBS.has(it.lower) || (/[a-z]{3}ly$/.test(it.lower) && !LY_NOUNS.has(it.lower)) || /^[a-z]+n['\u2019]t$/.test(it.lower))
  );
}

function skipAdverbsLeft(items: readonly Item[], i: number, limit: number): number {
  while (i >= limit) {
    const it = items[i]!;
    // "Sanders himself acknowledged", "Priebus later Thursday told": a reflexive, a day or
    // a time word stands between the name and the cue.
    // (Weekdays only: a month can be a name, "Theresa May said".)
    const when =
      it.kind === 'w' &&
      (WEEKDAYS.test(it.lower) ||
        /^(night|morning|afternoon|evening|today|yesterday|tonight)$/.test(it.lower) ||
        (/^(on|last|late|early|this)$/.test(it.lower) && WEEKDAYS.test(items[i + 1]?.lower ?? '')));
    if (isAdverb(it) || when || (it.kind === 'w' && /^(himself|herself|themselves|itself)$/.test(it.lower))) {
      i--;
      continue;
    }
    break;
  }
  return i;
}

/** The phrase before a relative pronoun: "Smith, who …" -> "Smith". */
function antecedentOf(items: readonly Item[], text: string, rel: number, limit: number): Mention | null {
  if (rel - 1 < limit || items[rel - 1]!.text !== ',') return null;
  const from = walkLeft(items, text, rel - 1, limit);
  return from < rel - 1 ? mention(items, text, trimLeft(items, from, rel - 1), rel - 1) : null;
}

/**
 * The speaker phrase before a cue at item `cue`, not reaching before `limit`: skips
 * adverbs and auxiliaries ("has also said") and comma asides (", however,"), and keeps an
 * appositive or relative clause ("Liu Pengyu" in "spokesperson in the US, Liu Pengyu, said").
 */
export function mentionBefore(items: readonly Item[], text: string, cue: number, limit: number): Mention | null {
  let i = skipAdverbsLeft(items, cue - 1, limit);
  // "Jason Sims — a teacher from Mount Pleasant — says": an appositive between dashes.
  const dash = items[i];
  if (dash !== undefined && i > limit && dash.kind === 'p' && /^[\u2014\u2013]$|^--$/.test(dash.text)) {
    let j = i - 1;
    while (j > limit && items[j]!.text !== dash.text && items[j]!.kind !== 'q' && i - j <= MAX_ASIDE) j--;
    if (items[j]?.text === dash.text) {
      const from = walkLeft(items, text, j, limit);
      if (from < j && isCapital(items[from]!)) return mention(items, text, trimLeft(items, from, j), i);
    }
  }
  for (let guard = 0; guard < 3 && i >= limit && items[i]!.text === ','; guard++) {
    let j = i - 1;
    while (j >= limit && items[j]!.text !== ',' && items[j]!.kind !== 'q' && i - j <= MAX_ASIDE) j--;
    if (j < limit || items[j]!.text !== ',') {
      // No opening comma in reach: "Smith, the chairman," with the sentence start as limit.
      const from = walkLeft(items, text, i, limit);
      return from < i && !isAside(items, from, i) ? mention(items, text, trimLeft(items, from, i), i) : null;
    }
    if (isAside(items, j + 1, i)) {
      i = skipAdverbsLeft(items, j - 1, limit);
      continue;
    }
    // Appositive or relative clause: "<head>, <apposition>, said".
    const headFrom = walkLeft(items, text, j, limit);
    if (headFrom < j) {
      // "Omar Lamrani, a senior analyst at Stratfor, the Texas-based firm, told": the name
      // before a chain of appositives is the head.
      const nameEnd = headFrom - 1;
      if (nameEnd > limit && items[nameEnd]!.text === ',' && !isCapital(items[headFrom]!)) {
        const nameFrom = walkLeft(items, text, nameEnd, limit);
        const named = nameFrom < nameEnd && isCapital(items[nameFrom]!) && nameEnd - nameFrom <= 4;
        // Not "In early May, the port's director, …": a date is no name.
        if (named && !items.slice(nameFrom, nameEnd).some((it) => MONTHS_DAYS.has(it.lower) || CAPITAL_FUNCTION.has(it.lower))) {
          return mention(items, text, trimLeft(items, nameFrom, nameEnd), i);
        }
      }
      return mention(items, text, trimLeft(items, headFrom, j), i);
    }
    return RELATIVE.has(items[j + 1]!.lower) ? null : mention(items, text, j + 1, i);
  }
  if (i < limit) return null;
  const it = items[i]!;
  if (it.kind === 'w' && RELATIVE.has(it.lower)) return antecedentOf(items, text, i, limit);
  if (it.kind === 'w' && SUBJECT_PRONOUNS.has(it.lower)) return mention(items, text, i, i + 1);
  const from = walkLeft(items, text, i + 1, limit);
  if (from > i) return null;
  // "Lund during a Sunday rally thanked …": the phrase is a time or place, the name before
  // its preposition is who acts.
  for (let p = from - 1; p >= limit && from - p <= 3; p--) {
    const it = items[p]!;
    if (it.kind !== 'w') break;
    if (!/^(during|at|in|on|after|before)$/.test(it.lower)) continue;
    const name = items[p - 1];
    if (name === undefined || p - 1 < limit || name.kind !== 'w' || !isCapital(name) || !phraseWord(name)) break;
    const nameFrom = walkLeft(items, text, p, limit);
    if (nameFrom < p) return mention(items, text, trimLeft(items, nameFrom, p), p);
    break;
  }
  // "the bespectacled, 71-year-old diplomat": adjectives in a row, a comma between them.
  const article = from - 3;
  if (article >= limit && items[from - 1]!.text === ',' && items[from - 2]!.kind === 'w' && isAdjectiveOnly(items[from - 2]!.lower) && /^(the|a|an)$/.test(items[article]!.lower)) {
    return mention(items, text, article, i + 1);
  }
  return mention(items, text, trimLeft(items, from, i + 1), i + 1);
}

/** After a phrase ending at `to`: a ", appositive" or ", who …" clause up to the next comma. */
/** What ends an aside after a name: punctuation of a clause or sentence, or a dash. */
const ASIDE_END: ReadonlySet<string> = new Set([',', '.', ';', ':', '!', '?', '\u2014']);

function extendAside(items: readonly Item[], to: number, limit: number): number {
  // "Sen. Jim Whelan who represents Atlantic City": a relative clause without a comma.
  if (items[to]?.kind === 'w' && RELATIVE.has(items[to]!.lower)) {
    let k = to + 1;
    while (k < limit && k - to < MAX_ASIDE && items[k]!.kind !== 'q' && !ASIDE_END.has(items[k]!.text)) k++;
    if (k > to + 1 && items[k]?.kind !== 'q') to = k;
  }
  // Up to three asides: "Gloria Garcia, 34, a nurse from Brownsville, Texas".
  for (let round = 0; round < 3; round++) {
    if (items[to]?.text !== ',' || to + 1 >= limit) return to;
    const a = to + 1;
    let k = a;
    while (k < limit && k - a < MAX_ASIDE) {
      const it = items[k]!;
      // A short quoted title belongs to the aside: "author of “America’s Bitter Pill,” a …".
      if (it.kind === 'q' && k > a + 1 && it.end - it.start <= MAX_TITLE && items[k - 1]!.lower === 'of' && headKind(items[k - 2]!.lower) === 'person') {
        k++;
        if (items[k]?.text === ',') k++;
        continue;
      }
      // "R-Ky.," : the full stop of an abbreviation, not the end of the aside.
      const abbreviation = it.text === '.' && items[k + 1]?.text === ',' && items[k - 1]?.end === it.start;
      if (!abbreviation && (it.kind === 'q' || ASIDE_END.has(it.text))) break;
      k++;
    }
    if (k === a || items[k]?.kind === 'q') return to;
    const first = items[a]!;
    // "X, of the church" and "X, now a consultant" describe X; "X, adding …" does not.
    const describes = first.lower === 'of' || first.lower === 'now' || first.lower === 'then' || /^\d+$/.test(first.text);
    if (!describes && isAside(items, a, k)) return to;
    const relative = RELATIVE.has(first.lower);
    // An appositive has no cue of its own ("…, adding that" is not about who the speaker is).
    if (!relative && (isCueAt(items, a) || isCueAt(items, a + 1))) return to;
    to = k;
  }
  return to;
}

/**
 * The speaker phrase after a cue at item `cue` ("said the official", "said Smith, the
 * chairman."), stopping at the sentence end `limit` (exclusive).
 */
export function mentionAfter(items: readonly Item[], text: string, cue: number, limit: number): Mention | null {
  let i = cue + 1;
  while (i < limit && items[i]!.kind === 'w' && CUE_ADVERBS.has(items[i]!.lower) && !isCapital(items[i]!)) i++;
  // "…, said in a statement": after the cue, "in" opens how or where it was said, not who.
  if (items[i - 1]?.lower === 'in' && i - 1 > cue) return null;
  const first = items[i];
  if (first === undefined || i >= limit || first.kind !== 'w') return null;
  if (SUBJECT_PRONOUNS.has(first.lower)) return mention(items, text, i, i + 1);
  if (!phraseWord(first) && !DETERMINERS.has(first.lower)) return null;
  const from = i;
  let words = 0;
  while (i < limit && words < MAX_WORDS) {
    const it = items[i]!;
    if (it.text === '(' && words > 0) {
      const close = closeParen(items, i, limit);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (it.kind === 'p' && CONNECTORS.has(it.text) && joins(text, it) && items[i + 1]?.kind === 'w' && i + 1 < limit && words > 0) {
      i++;
      continue;
    }
    if (it.kind !== 'w') break;
    // "A letter to committee members calls for …": a noun-like cue form after a noun, before
    // a preposition, "that" or a determiner, is the phrase's verb.
    if (words > 0 && NOUN_LIKE_FORMS.has(it.lower) && it.lower.endsWith('s') && !isCapital(it) && verbContext(items[i + 1])) break;
    if (phraseWord(it) || (DETERMINERS.has(it.lower) && i === from)) {
      words++;
      i++;
      continue;
    }
    // "one unaligned Florida strategist", "the printed slate card", "one well-connected
    // Democrat": a participle before a noun describes it.
    const following = items[i + 1];
    const afterDeterminer = i > from && DETERMINERS.has(items[i - 1]!.lower);
    if (afterDeterminer && /^[a-z][a-z-]*ed$/.test(it.text) && !CUE_FORMS.has(it.lower) && following !== undefined && i + 1 < limit && following.kind === 'w' && phraseWord(following) && !isVerbForm(following.lower)) {
      words++;
      i++;
      continue;
    }
    const prev = items[i - 1]!;
    const next = items[i + 1];
    if (next === undefined || i + 1 >= limit || (!phraseWord(next) && !DETERMINERS.has(next.lower))) break;
    if (INNER_PREPS.has(it.lower) || it.lower === 'and' || (DETERMINERS.has(it.lower) && !isCapital(it))) {
      i++;
      continue;
    }
    if (ROLE_PREPS.has(it.lower) && i > from && prev.kind === 'w' && (!isCapital(prev) || isInstitution(prev))) {
      i++;
      continue;
    }
    break;
  }
  if (i === from) return null;
  // A phrase never ends on a word that joins: "Netanyahu and" (other leaders …).
  while (i - 1 > from && items[i - 1]!.kind === 'w' && (INNER_PREPS.has(items[i - 1]!.lower) || ROLE_PREPS.has(items[i - 1]!.lower) || items[i - 1]!.lower === 'and' || DETERMINERS.has(items[i - 1]!.lower))) i--;
  // A phrase of only determiners and dates is no speaker ("said this week").
  if (!items.slice(from, i).some((x) => phraseWord(x) && !MONTHS_DAYS.has(x.lower))) return null;
  return mention(items, text, from, extendAside(items, i, limit));
}
