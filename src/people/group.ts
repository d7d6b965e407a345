import { mergeDuplicates } from './duplicates.js';
import { fold } from './fold.js';
import { classifySpeaker, isCourtesy, type SpeakerName } from './names.js';
import type { Person, QuoteRecord, SpeakerKind } from './types.js';

// Who is who across articles. Within an article the quote engine already resolved "Biden"
// to the "Joe Biden" the article introduced; across articles the rules are:
// - a full name is one person wherever it appears ("Joe Biden", "President Joe Biden");
// - a surname alone ("Biden", "Mr. Biden", "President Biden") joins the one full name in the
//   library with that surname; when several share it, the one whose roles include the
//   title given ("President"), if exactly one does; else it stays an entry of its own;
// - two full names sharing a surname ("Joe Biden", "Hunter Biden") stay apart;
// - an organisation is one entry per name ("Reuters", "the Ministry of Defence");
// - an unnamed source ("a senior US official", "the company") is one entry per article.

interface Classified {
  record: QuoteRecord;
  name: SpeakerName;
  key: string;
}

/** The whole index: people ranked by number of quotes, then by their latest date, then name. */
export function groupPeople(records: readonly QuoteRecord[]): Person[] {
  const names = new Map<string, SpeakerName>();
  const roleWords = new Map<string, readonly string[]>();
  /** The folded words of a role that says who it is (not "Mr."), computed once per role. */
  const wordsOfRole = (role: string | null): readonly string[] => {
    if (!role) return [];
    let words = roleWords.get(role);
    if (!words) {
      words = isCourtesy(role) ? [] : fold(role).split(' ');
      roleWords.set(role, words);
    }
    return words;
  };
  const classified: Classified[] = [];
  for (const record of records) {
    let name = names.get(record.speaker);
    if (!name) {
      name = classifySpeaker(record.speaker);
      names.set(record.speaker, name);
    }
    classified.push({ record, name, key: '' });
  }
  // Full names by surname, with the roles each was given, for the surname-only mentions.
  const bySurname = new Map<string, Map<string, Set<string>>>();
  for (const c of classified) {
    if (c.name.kind !== 'person' || c.name.words.length < 2) continue;
    const surname = c.name.words.at(-1)!;
    const full = c.name.folded;
    const people = bySurname.get(surname) ?? new Map<string, Set<string>>();
    bySurname.set(surname, people);
    const roles = people.get(full) ?? new Set<string>();
    people.set(full, roles);
    for (const role of [c.name.title, c.record.role]) for (const w of wordsOfRole(role)) roles.add(w);
  }
  for (const c of classified) c.key = keyOf(c, bySurname, wordsOfRole);
  const groups = new Map<string, Classified[]>();
  for (const c of classified) {
    const group = groups.get(c.key);
    if (group) group.push(c);
    else groups.set(c.key, [c]);
  }
  const people = [...groups.entries()].map(([key, members]) => personOf(key, members));
  return people.sort(
    (a, b) => b.quotes.length - a.quotes.length || (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

function keyOf(c: Classified, bySurname: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>, wordsOfRole: (role: string | null) => readonly string[]): string {
  const { name, record } = c;
  if (name.kind === 'unnamed') return `unnamed:${record.articleId}:${name.folded}`;
  if (name.kind === 'organisation') return `organisation:${name.folded}`;
  if (name.words.length >= 2) return `person:${name.folded}`;
  const surname = name.words[0] ?? fold(name.display);
  const candidates = [...(bySurname.get(surname)?.entries() ?? [])];
  if (candidates.length === 1) return `person:${candidates[0]![0]}`;
  const titleWords = [...wordsOfRole(name.title), ...wordsOfRole(record.role)];
  if (candidates.length > 1 && titleWords.length > 0) {
    const fitting = candidates.filter(([, roles]) => titleWords.every((w) => roles.has(w)));
    if (fitting.length === 1) return `person:${fitting[0]![0]}`;
  }
  return `surname:${surname}`;
}

function personOf(key: string, members: readonly Classified[]): Person {
  const kind: SpeakerKind = key.startsWith('unnamed:') ? 'unnamed' : key.startsWith('organisation:') ? 'organisation' : 'person';
  // The name shown: the commonest full spelling (a person's with most words).
  const spellings = ranked(members.map((m) => m.name.display));
  const fullest = Math.max(...members.map((m) => m.name.words.length));
  const name = kind === 'person' ? ranked(members.filter((m) => m.name.words.length === fullest).map((m) => m.name.display))[0]! : spellings[0]!;
  const aliases = ranked(members.map((m) => m.record.speaker)).filter((s) => s !== name);
  const roles = ranked(members.flatMap((m) => [m.record.role, m.name.title].filter((r): r is string => r !== null && r !== '' && !isCourtesy(r))), true);
  const quotes = mergeDuplicates(members.map((m) => m.record));
  const articles = new Set(members.map((m) => m.record.articleId)).size;
  const lastDate = members.reduce<string | null>((latest, m) => (m.record.date && (!latest || m.record.date > latest) ? m.record.date : latest), null);
  return { id: idOf(key), name, kind, aliases, roles, quotes, articles, lastDate };
}

/** Distinct strings, most frequent first (then first seen); case-insensitively with `folded`. */
function ranked(values: readonly string[], folded = false): string[] {
  const counts = new Map<string, { value: string; n: number; first: number }>();
  values.forEach((value, i) => {
    const k = folded ? fold(value) : value;
    const seen = counts.get(k);
    if (seen) seen.n++;
    else counts.set(k, { value, n: 1, first: i });
  });
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first).map((c) => c.value);
}

/** `person:joe biden` as `person:joe-biden`; readable in a URL or a shell. */
function idOf(key: string): string {
  const at = key.lastIndexOf(':');
  return `${key.slice(0, at + 1)}${key.slice(at + 1).replace(/ /g, '-')}`.replace(/^surname:/, 'person:');
}
