import { fold } from './fold.js';
import type { Person } from './types.js';

// Finding people by what a user types (`--speaker Biden`, the People view's filter) and by a
// quote the sidebar shows.

/** What the People view's filter searches: name, other spellings and roles, folded. */
export function haystackOfPerson(person: Person): string {
  return fold([person.name, ...person.aliases, ...person.roles].join(' | '));
}

/**
 * The people a name means: its id, else an exact name or spelling, else every person whose
 * name holds those words ("Biden" finds Joe and Hunter Biden).
 */
export function findPeople(people: readonly Person[], query: string): Person[] {
  const wanted = fold(query);
  if (wanted === '') return [];
  const byId = people.find((p) => p.id === query.trim());
  if (byId) return [byId];
  const exact = people.filter((p) => fold(p.name) === wanted || p.aliases.some((a) => fold(a) === wanted));
  if (exact.length > 0) return exact;
  const words = wanted.split(' ');
  return people.filter((p) => {
    const name = ` ${fold(p.name)} `;
    return words.every((w) => name.includes(` ${w} `));
  });
}

/** The person a quote of an article was filed under; else the one its speaker names. */
export function personForQuote(people: readonly Person[], articleId: string, start: number, speaker: string): Person | undefined {
  const filed = people.find((p) => p.quotes.some((q) => q.sources.some((s) => s.articleId === articleId && s.start === start)));
  if (filed) return filed;
  const named = findPeople(people, speaker);
  return named.length === 1 ? named[0] : undefined;
}
