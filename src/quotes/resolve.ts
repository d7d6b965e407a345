// Resolving a speaker mention to who it is: a surname to the full name introduced earlier,
// a pronoun to the most recent compatible speaker, everything else kept as written.

import type { HeadKind } from './entities.js';
import { headPhrase, headWord, splitMention, type MentionType } from './names.js';
import type { Item } from './tokens.js';
import { headKind } from './entities.js';
import { CUE_FORMS, GIVEN_NAMES, ORG_WORDS, TITLES } from './lexicon.js';
import { genderOfGiven } from './given-gender.js';
import { PLACES } from './places.js';

export interface PersonName {
  name: string;
  /** Lower-case last and first tokens, for surname and given-name look-ups. */
  last: string;
  first: string;
  gender: 'm' | 'f' | '';
}

/**
 * Full names (two to four capitalised tokens) seen so far. Fed line by line in text order,
 * so a look-up finds the latest name introduced up to the current line, in constant time.
 */
export class NameIndex {
  private readonly byLast = new Map<string, PersonName>();
  private readonly byFirst = new Map<string, PersonName>();
  private readonly byRole = new Map<string, PersonName>();

  /** Records the names in one line's items (capitalised runs, titles stripped). */
  addItems(items: readonly Item[]): void {
    let i = 0;
    while (i < items.length) {
      if (!isNameWord(items[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < items.length && (isNameWord(items[j]!) || (isParticle(items[j]!) && j + 1 < items.length && isNameWord(items[j + 1]!)))) {
        j++;
        // A possessive ends a name: "Trump’s Virginia director".
        if (/['\u2019]s$/.test(items[j - 1]!.text)) break;
      }
      this.addRun(items, i, j);
      i = j + 1;
    }
  }

  private addRun(items: readonly Item[], from: number, to: number): void {
    // One capitalised word (most runs: a sentence's first word) is never a full name.
    if (to - from < 2) return;
    let gender: 'm' | 'f' | '' = '';
    let a = from;
    while (a < to && (TITLES.has(items[a]!.lower.replace(/\.$/, '')) || ORG_WORDS.has(items[a]!.lower) || isParticle(items[a]!) || NOT_NAMES.has(items[a]!.lower) || CUE_FORMS.has(items[a]!.lower))) {
      const g = TITLES.get(items[a]!.lower.replace(/\.$/, ''));
      if (g) gender = g;
      a++;
    }
    // A name starts after the run's last title or institution word ("Port Office Jan Van Looy").
    for (let k = to - 2; k >= a; k--) {
      const w = items[k]!.lower.replace(/\.$/, '');
      if (TITLES.has(w) || ORG_WORDS.has(w)) {
        const g = TITLES.get(w);
        if (g) gender = g;
        a = k + 1;
        break;
      }
    }
    // A sentence that opens with a role: "Actor Tomas Hallberg arrived" names Tomas Hallberg.
    if (to - a >= 3 && (a === 0 || items[a - 1]!.kind === 'p') && headKind(items[a]!.lower) === 'person') a++;
    // A sentence that opens with a participle: "Hosting Cook, …" is no name "Hosting Cook".
    if (to - a >= 2 && /^\p{Lu}[\p{Ll}]+ing$/u.test(items[a]!.text) && (a === 0 || items[a - 1]!.kind === 'p')) a++;
    // A place between a role and the name is the role's: "envoy to Ukraine Kurt Volker".
    if (to - a >= 3 && PLACES.has(items[a]!.lower) && (a === 0 || !isNameWord(items[a - 1]!))) a++;
    let b = to;
    if (b - a >= 1 && /^(jr|sr|ii|iii|iv)\.?$/i.test(items[b - 1]!.text)) b--;
    if (b - a < 2 || b - a > 4) return;
    const lastItem = items[b - 1]!;
    if (ORG_WORDS.has(lastItem.lower) || /^[\p{Lu}.]+$/u.test(lastItem.text)) return;
    for (let k = a; k < b; k++) if (ORG_WORDS.has(items[k]!.lower)) return;
    const first = items[a]!.lower;
    if (!gender) gender = genderOfGiven(first);
    const name: PersonName = {
      name: items.slice(a, to).map((x) => x.text).join(' ').replace(/[\u2019']s$/u, ''),
      last: possessiveless(lastItem.lower),
      first,
      gender,
    };
    // "Eriksson Ek" after "Joel Eriksson Ek": the same person, by their surname of two words.
    // (A longer run that does not open with a given name, "Rival Hillary Clinton", gives way.)
    const known = this.byLast.get(name.last);
    if (known && known.name.endsWith(` ${name.name}`) && GIVEN_NAMES.has(known.first) && !GIVEN_NAMES.has(first)) return;
    this.byLast.set(name.last, name);
    this.byFirst.set(name.first, name);
    // The role written before the name ("US President Donald Trump", "geologist Rosaly Lopes")
    // is how the article may refer to them later: "the president said".
    const role = a > from ? items[a - 1]! : items[from - 1];
    if (role !== undefined && role.kind === 'w') this.addRole(role.lower.replace(/\.$/, ''), name);
  }

  /** Records that `name` was introduced with the role whose head noun is `head`. */
  addRole(head: string, name: PersonName): void {
    if (headKind(head) === 'person' || TITLES.has(head)) this.byRole.set(head, name);
  }

  /** The latest person introduced with this role head ("president", "analyst"). */
  byRoleHead(head: string): PersonName | null {
    return this.byRole.get(head) ?? null;
  }

  /** The latest full name whose last (else first) token is `token`. */
  byToken(token: string): PersonName | null {
    const t = possessiveless(token.toLowerCase());
    return this.byLast.get(t) ?? this.byFirst.get(t) ?? null;
  }
}

/** Capitalised words that start sentences or name times, never part of a person's name. */
const NOT_NAMES = new Set([
  'when', 'after', 'before', 'but', 'and', 'both', 'while', 'as', 'if', 'then', 'the', 'a', 'an',
  'in', 'on', 'at', 'for', 'from', 'with', 'by', 'since', 'during', 'his', 'her', 'their', 'our',
  'this', 'that', 'these', 'those', 'many', 'some', 'former', 'late', 'early', 'last', 'next',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'like', 'why',
  'what', 'how', 'where', 'who', 'though', 'although', 'because', 'so', 'yet', 'also', 'even',
  'dear', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'despite', 'amid', 'following', 'under',
  'among', 'unlike', 'including', 'against', 'about', 'over', 'into', 'through', 'asked', 'told',
  'meanwhile', 'however', 'still', 'now', 'today', 'yesterday', 'only', 'just', 'no', 'yes',
]);

function possessiveless(s: string): string {
  return s.replace(/[\u2019']s$/u, '');
}

function isNameWord(it: Item): boolean {
  if (it.kind !== 'w') return false;
  const c = it.text.charCodeAt(0);
  // ASCII fast path; the Unicode test only for other scripts.
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(it.text);
}

function isParticle(it: Item): boolean {
  return it.kind === 'w' && isParticleWord(it.lower);
}

function isParticleWord(word: string): boolean {
  return /^(van|von|de|der|da|di|del|du|la|le|bin|al)$/i.test(word);
}

export interface Speaker {
  /** Resolved name or source; null for a pronoun nobody could be found for. */
  speaker: string | null;
  role: string | null;
  type: MentionType;
  gender: 'm' | 'f' | 'p' | '';
  /** For a descriptor or organisation: what its head noun names. */
  head?: HeadKind;
}

/** A speaker the resolver can point pronouns back to. */
export interface Antecedent {
  speaker: string;
  type: MentionType;
  gender: 'm' | 'f' | 'p' | '';
  /** True for a named person, or a descriptor whose head names a person ("the official"). */
  person?: boolean;
}

function compatible(pronoun: 'm' | 'f' | 'p' | '', a: Antecedent): boolean {
  if (pronoun === 'p') return a.type === 'org' || a.gender === 'p' || a.type === 'descriptor';
  // "he" and "she" are people: never a company, a document or "a sample" met in between.
  if (a.type === 'org' || a.gender === 'p' || a.person !== true) return false;
  if (pronoun === '' || a.gender === '') return true;
  return pronoun === a.gender;
}

/** What a resolved speaker offers later pronouns. */
export function antecedentOf(who: Speaker): Antecedent | null {
  if (who.speaker === null || who.type === 'pronoun') return null;
  return { speaker: who.speaker, type: who.type, gender: who.gender, person: who.type === 'person' || who.head === 'person' };
}

/**
 * Resolves a mention. `recent` holds earlier resolved speakers, latest last.
 */
export function resolveMention(mention: string, names: NameIndex, recent: readonly Antecedent[]): Speaker {
  const split = splitMention(mention);
  if (split.type === 'pronoun') {
    const lower = mention.trim().toLowerCase();
    if (lower === 'i' || lower === 'we' || lower === 'you' || lower === 'who') {
      return { speaker: null, role: null, type: 'pronoun', gender: split.gender };
    }
    const wanted = lower === 'it' ? 'org' : null;
    // He and she mean a named person before an unnamed one ("the late neurologist") met since.
    const personal = wanted === null && split.gender !== 'p';
    for (const namedOnly of personal ? [true, false] : [false]) {
      for (let i = recent.length - 1; i >= 0 && i >= recent.length - 6; i--) {
        const a = recent[i]!;
        if (namedOnly && a.type !== 'person') continue;
        if (wanted === 'org' ? a.type === 'org' : compatible(split.gender, a)) {
          return { speaker: a.speaker, role: null, type: a.type, gender: a.gender, ...(a.person ? { head: 'person' as const } : {}) };
        }
      }
    }
    return { speaker: null, role: null, type: 'pronoun', gender: split.gender };
  }
  if (split.type === 'person' && split.name !== null) {
    const tokens = split.name.split(/\s+/);
    if (tokens.length === 1) {
      const full = names.byToken(tokens[0]!);
      if (full) {
        return { speaker: full.name, role: split.role, type: 'person', gender: split.gender || full.gender };
      }
    } else {
      // A surname of more than one word: "Wasserman Schultz" after "Debbie Wasserman Schultz",
      // "Le Pen" after "Marine Le Pen".
      const full = names.byToken(tokens[tokens.length - 1]!);
      if (full && full.name.toLowerCase().endsWith(` ${split.name.toLowerCase()}`) && (GIVEN_NAMES.has(full.first) || isParticleWord(tokens[0]!))) {
        return { speaker: full.name, role: split.role, type: 'person', gender: split.gender || full.gender };
      }
    }
    const given = genderOfGiven(tokens[0]!.toLowerCase());
    const gender = split.gender || (tokens.length > 1 ? given : '');
    if (split.role !== null && tokens.length > 1) {
      names.addRole(headWord(split.role), { name: split.name, last: tokens[tokens.length - 1]!.toLowerCase(), first: tokens[0]!.toLowerCase(), gender: gender === 'p' ? '' : gender });
    }
    return { speaker: split.name, role: split.role, type: 'person', gender };
  }
  // "the president", "the analyst": the person the article introduced with that role.
  if (split.type === 'descriptor' && split.head === 'person' && /^the\s/i.test(mention.trim())) {
    const known = names.byRoleHead(headWord(mention));
    if (known !== null) return { speaker: known.name, role: null, type: 'person', gender: known.gender };
    // "the actor" with no one introduced as an actor: the person the text is about, when the
    // latest one spoken of is a named person. Only the bare noun: "the former ferry
    // captain" describes someone new as often as not.
    const last = recent[recent.length - 1];
    if (split.gender !== 'p' && last !== undefined && last.type === 'person' && compatible(split.gender, last) && mention.trim().split(/\s+/).length <= 2) {
      return { speaker: last.speaker, role: null, type: 'person', gender: last.gender };
    }
  }
  // An unnamed source or an organisation is its head phrase, without the clause describing it:
  // "the lawmaker, who represents a district" -> "the lawmaker".
  const head = headPhrase(mention);
  return { speaker: head || mention.trim(), role: null, type: split.type, gender: split.gender, ...(split.head ? { head: split.head } : {}) };
}
