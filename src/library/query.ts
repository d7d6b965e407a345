// What a person types into a search, as an FTS5 query: every word must appear (in any order),
// a "quoted phrase" must appear as written, and a word ending in * matches as a prefix.
// Nothing typed is ever read as FTS5 syntax (AND, NEAR, column filters, parentheses), so no
// query can fail to parse.

const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

export function ftsQuery(typed: string): string | null {
  const parts: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of typed.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const words = match[1].match(WORD) ?? [];
      if (words.length > 0) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const raw = match[2]!;
    const words = raw.match(WORD) ?? [];
    if (words.length === 0) continue;
    const prefix = raw.endsWith('*');
    // "e-mail" or "don't" are several tokens to FTS5: kept together as a phrase.
    const phrase = `"${words.join(' ')}"`;
    parts.push(prefix ? `${phrase}*` : phrase);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The words of a query, lower-cased, for highlighting outside SQLite. */
export function queryWords(typed: string): string[] {
  return (typed.match(WORD) ?? []).map((w) => w.toLowerCase());
}
