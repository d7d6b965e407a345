// Splitting a speaker mention into a person's name and their role, and telling people,
// organisations, unnamed descriptors and pronouns apart.
//   "Chinese embassy spokesperson in the US, Liu Pengyu" -> name "Liu Pengyu", role the rest.
//   "The Chinese Embassy in the US" -> an organisation, kept as written.

import { headKind, type HeadKind } from './entities.js';
import { GIVEN_NAMES, ORG_WORDS, PRONOUNS, TITLES } from './lexicon.js';
import { genderOfGiven } from './given-gender.js';
import { PLACES } from './places.js';
import { isAdjectiveOnly } from './word-classes.js';

export type MentionType = 'person' | 'pronoun' | 'descriptor' | 'org';

export interface SplitMention {
  type: MentionType;
  /** The person's name without titles, or null. */
  name: string | null;
  /** The rest of the mention (titles, role, appositive), or null. */
  role: string | null;
  gender: 'm' | 'f' | 'p' | '';
  /** For a descriptor: what its head noun names ("the official" a person, "the company" an organisation). */
  head?: HeadKind;
}

/** Lower-case words that may sit inside a name ("Eric Van Nostrand", "Osama bin Laden"). */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'du', 'la', 'le', 'bin', 'al', 'ibn', 'st.', 'mac', 'ter']);
const ROYAL_TITLES = new Set(['prince', 'princess', 'king', 'queen', 'pope', 'emperor', 'empress', 'sheikh', 'duke', 'duchess', 'crown']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);
const WORD = /[\p{L}\p{N}]+(?:[.'\u2019\-][\p{L}\p{N}]+)*\.?/gu;

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function wordsOf(s: string): Word[] {
  const out: Word[] = [];
  for (const m of s.matchAll(WORD)) {
    const word = m[0];
    // Replacing only where there is something to replace: this runs for every word of every mention.
    const text = word.endsWith('s') && /[\u2019']s$/u.test(word) ? word.slice(0, -2) : word;
    const lower = text.toLowerCase();
    out.push({ text, lower: lower.endsWith('.') ? lower.slice(0, -1) : lower, start: m.index, end: m.index + text.length });
  }
  return out;
}

const isCap = (w: Word): boolean => /^\p{Lu}/u.test(w.text);
/** All-capital tokens are acronyms (US, FBI, NATO), not names. */
const isAcronym = (w: Word): boolean => w.text.length > 1 && /^[\p{Lu}.&\-]+$/u.test(w.text);
const nameToken = (w: Word): boolean => isCap(w) && !isAcronym(w) && !ORG_WORDS.has(w.lower);

/** The name at the end of a part: its trailing capitalised run, less leading titles and org words. */
function trailingName(part: string, offset: number): { start: number; end: number; gender: 'm' | 'f' | '' } | null {
  const words = wordsOf(part);
  let last = words.length - 1;
  if (last >= 0 && SUFFIXES.has(words[last]!.lower) && last > 0) last--;
  if (last < 0 || !isCap(words[last]!) || !nameToken(words[last]!)) return null;
  // The run must end the part: "Trump's campaign manager" has no name at its end.
  if (part.slice(words[words.length - 1]!.end).replace(/[\s.,;:)\]]/g, '') !== '') return null;
  let first = last;
  while (first - 1 >= 0) {
    const w = words[first - 1]!;
    if (isCap(w) || PARTICLES.has(w.lower)) first--;
    else break;
  }
  // "a source speaking to Fox News", "officials familiar with Lund", "the authors of the
  // research published in the journal JAMA Psychiatry": a name inside a participle phrase
  // is whom the speaker spoke to, knows or wrote in, not who they are.
  for (let k = 1; k <= 4 && first - k - 1 >= 0; k++) {
    const participle = words[first - k - 1]!;
    if (isCap(participle)) break;
    if (/[a-z](?:ing|ed|iar)$/.test(participle.lower) && /^(to|with|for|about|on|by|in|at)$/.test(words[first - k]!.lower)) return null;
  }
  let gender: 'm' | 'f' | '' = '';
  // The name starts after the run's last title or institution word:
  // "Port Office Jan Van Looy", "Harbour Minister Clara Nyberg".
  for (let k = last - 1; k >= first; k--) {
    const w = words[k]!;
    if (TITLES.has(w.lower) || ORG_WORDS.has(w.lower) || isAcronym(w)) {
      first = k + 1;
      break;
    }
  }
  // "The Gazette’s Ada Moreau": the name starts after its owner's possessive.
  for (let k = last - 1; k >= first; k--) {
    if (/^['\u2019]s?\b/u.test(part.slice(words[k]!.end, words[k]!.end + 2)) && last - k >= 2) {
      first = k + 1;
      break;
    }
  }
  // "van der Berg said": particles written before a surname are part of it; "Del." is a title.
  while (first < last && PARTICLES.has(words[first]!.lower) && words[first]!.text.endsWith('.')) first++;
  if (first > last) return null;
  // "of the Harbour Gazette", "the White House": a name right after "the" is no person's.
  if (first >= 1 && words[first - 1]!.lower === 'the') return null;
  // "Physicians for Human Rights", "Bank of America": capitalised words joined by a
  // preposition name an organisation, not a person.
  if (first >= 2 && /^(for|of|without|against|on)$/.test(words[first - 1]!.lower) && isCap(words[first - 2]!)) return null;
  // A place between a role and a name belongs to the role: "envoy to Ukraine Kurt Volker".
  if (last - first >= 2 && PLACES.has(words[first]!.lower)) first++;
  // "a spokesman for Bernie Sanders", "an aide to Clinton": the name is whom the person
  // named by the noun works for, not who they are.
  if (first >= 2 && /^(for|of|to)$/.test(words[first - 1]!.lower) && !isCap(words[first - 2]!) && headKind(words[first - 2]!.lower) === 'person') return null;
  // "Prince Andrew", "Queen Elizabeth", "Pope Francis": a royal's title is part of the name
  // they go by when only a given name follows.
  if (first === last && first > 0 && ROYAL_TITLES.has(words[first - 1]!.lower)) first--;
  // A lone capitalised word after a preposition is a place: "the company in Oslo".
  if (first === last && first > 0 && /^(in|at|from|of|for|on|to)$/.test(words[first - 1]!.lower)) return null;
  for (let k = 0; k < first; k++) {
    const title = TITLES.get(words[k]!.lower);
    if (title) gender = title;
  }
  const given = genderOfGiven(words[first]!.lower);
  if (!gender && given && first < last) gender = given;
  const endWord = words[words.length - 1]!;
  const end = SUFFIXES.has(endWord.lower) ? endWord.end : words[last]!.end;
  return { start: offset + words[first]!.start, end: offset + end, gender };
}

/**
 * "planetary geologist Rosaly Lopes of NASA's Jet Propulsion Laboratory": the name before
 * an affiliation that names an institution.
 */
function nameBeforeAffiliation(part: string, offset: number): { start: number; end: number; gender: 'm' | 'f' | '' } | null {
  const m = /\s(?:of|at|from|with)\s+\S/.exec(part);
  if (m === null) return null;
  const tail = wordsOf(part.slice(m.index));
  const institution = tail[1]?.lower === 'the' || tail.some((w) => isCap(w) && (ORG_WORDS.has(w.lower) || isAcronym(w) || /['\u2019]s$/.test(w.text)));
  if (!institution) return null;
  const found = trailingName(part.slice(0, m.index), offset);
  return found !== null && wordsOf(part.slice(found.start - offset, found.end - offset)).length >= 2 ? found : null;
}

function roleGender(s: string): 'm' | 'f' | '' {
  for (const w of wordsOf(s)) {
    const g = TITLES.get(w.lower);
    if (g) return g;
  }
  return '';
}

const PLURAL_HEAD = /\b(officials|sources|aides|advisers|advisors|experts|analysts|critics|supporters|lawmakers|leaders|officers|people|residents|voters|members|staffers|lawyers|attorneys|democrats|republicans)\b/i;

function clean(s: string): string {
  return s.replace(/^[\s,;:\-\u2014\u2013]+|[\s,;:\-\u2014\u2013]+$/g, '').replace(/\s+/g, ' ');
}

/** splitMention is pure and asked the same mentions many times over an article: remember them. */
const splitCache = new Map<string, SplitMention>();
const SPLIT_CACHE_SIZE = 4096;

/** Splits a mention as written into its type, name and role. */
export function splitMention(raw: string): SplitMention {
  const known = splitCache.get(raw);
  if (known !== undefined) return known;
  const split = splitUncached(raw);
  if (splitCache.size >= SPLIT_CACHE_SIZE) splitCache.clear();
  splitCache.set(raw, split);
  return split;
}

function splitUncached(raw: string): SplitMention {
  const mention = clean(raw);
  const lower = mention.toLowerCase();
  const pronoun = PRONOUNS.get(lower);
  if (pronoun !== undefined) return { type: 'pronoun', name: null, role: null, gender: pronoun === 'n' ? '' : pronoun };
  const bare = mention.replace(/\([^)]*\)/g, (m) => ' '.repeat(m.length));
  let offset = 0;
  // Parts are separated by commas, or dashes around an appositive ("Sims — a teacher —").
  for (const part of bare.split(/(?<=,)|(?=[\u2014\u2013])/)) {
    // The dash or comma becomes a space, so offsets into the part stay offsets into the mention.
    const piece = part.replace(/^[\u2014\u2013]|,$/g, ' ');
    const found = trailingName(piece, offset) ?? nameBeforeAffiliation(piece, offset);
    offset += part.length;
    if (found === null) continue;
    const name = mention.slice(found.start, found.end);
    const role = clean(mention.slice(0, found.start) + ' ' + mention.slice(found.end)).replace(/\s+,/g, ',');
    const words = wordsOf(name);
    // A lone capitalised word that names an institution is an organisation, not a surname.
    if (words.length === 1 && ORG_WORDS.has(words[0]!.lower)) break;
    return { type: 'person', name, role: role === '' ? null : role, gender: found.gender || roleGender(role) };
  }
  // What the phrase names is in its head, not in a clause or participle phrase after it.
  const words = wordsOf(headPhrase(mention));
  if (words.some((w) => isCap(w) && (ORG_WORDS.has(w.lower) || isAcronym(w)))) {
    return { type: 'org', name: null, role: null, gender: 'p' };
  }
  const head = headKind(headWord(mention));
  if (head === 'org') return { type: 'org', name: null, role: null, gender: 'p', head };
  return { type: 'descriptor', name: null, role: null, gender: PLURAL_HEAD.test(mention) ? 'p' : roleGender(mention), head };
}

/**
 * The head noun of a descriptor: the last word before an appositive, a relative clause or a
 * prepositional tail ("a spokesperson for the port" -> "spokesperson").
 */
export function headWord(mention: string): string {
  // "the bespectacled, 71-year-old diplomat": a comma after an adjective is inside the phrase.
  const joined = mention.includes(',') ? mention.replace(/(\p{L}+),\s/gu, (m, word: string) => (isAdjectiveOnly(word.toLowerCase()) ? `${word} ` : m)) : mention;
  const head = joined.split(/,|\s(?:who|which|whose|that|for|of|at|in|from|with|on|to)\s/)[0]!;
  const words = wordsOf(head);
  return words.length === 0 ? '' : words[words.length - 1]!.lower;
}

/**
 * A descriptor without what follows its head: a relative clause or a participle phrase
 * ("the authors of the research published in the journal …" -> "the authors of the research").
 */
export function headPhrase(mention: string): string {
  const clause = mention.split(/,\s*(?:who|which|whose|whom)\b/)[0]!;
  return clause.split(/\s(?=[a-z]+(?:ed|ing)\s(?:to|with|for|about|on|by|in|at)\s)/)[0]!.trim() || clause.trim();
}
