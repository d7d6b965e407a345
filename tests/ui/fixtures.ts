import { makeArticle, type Article, type Block } from '../../src/article.js';

export function article(title: string, blocks: Block[], extra: { url?: string; siteName?: string; tags?: string[]; links?: { text: string; url: string }[] } = {}): Article {
  return makeArticle({ source: `${title.toLowerCase().replace(/\W+/g, '-')}.txt`, title, blocks, ...extra });
}

export function paragraphs(count: number, words = 40, prefix = 'Paragraph'): Block[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'paragraph' as const,
    text: `${prefix} ${i + 1}. ${Array.from({ length: words }, (_, w) => `word${w}`).join(' ')}`,
  }));
}

/** An article with quotations the tests' fake engine finds by their curly marks. */
export const quoted = article(
  'Council Votes On Bridge',
  [
    { type: 'paragraph', text: 'The council met on Tuesday to decide the fate of the old swing bridge.' },
    { type: 'paragraph', text: '“We will rebuild it,” said mayor Ada Lund, to applause from the gallery.' },
    ...paragraphs(30, 30, 'Filler'),
    { type: 'paragraph', text: 'Opponents were unmoved. “It is a waste of money,” said Omar Reyes.' },
    ...paragraphs(30, 30, 'More'),
    { type: 'paragraph', text: 'The final word went to a ferry captain: “Bridges end careers,” she said.' },
  ],
  { url: 'https://example.org/bridge', siteName: 'Harbour Herald', links: [{ text: 'minutes', url: 'https://example.org/minutes' }] },
);

/** A stand-in for the quote engine: text between curly quotes, speaker from "said X Y". */
export function fakeQuotes(text: string) {
  const out = [];
  for (const m of text.matchAll(/“([^”]+)”/g)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const said = /said (?:mayor )?([A-Z]\w+ [A-Z]\w+)/.exec(after);
    out.push({
      text: m[1]!,
      parts: [{ text: m[1]!, start: m.index + 1, end: m.index + 1 + m[1]!.length }],
      speaker: said ? said[1]! : null,
      mention: null,
      role: null,
      cue: said ? 'said' : null,
      kind: 'direct' as const,
      paragraph: 0,
      start: m.index + 1,
      end: m.index + 1 + m[1]!.length,
    });
  }
  return out;
}

/**
 * A quote record for `text` made of the given pieces, found in turn from `from` on (each a
 * verbatim slice, as the engine gives them), for tests that need exact parts and kinds.
 */
export function quoteOf(
  text: string,
  pieces: readonly string[],
  extra: { speaker?: string | null; kind?: 'direct' | 'partial' | 'indirect'; from?: number } = {},
) {
  let at = extra.from ?? 0;
  const parts = pieces.map((piece) => {
    const start = text.indexOf(piece, at);
    if (start < 0) throw new Error(`quoteOf: “${piece}” is not in the text`);
    at = start + piece.length;
    return { text: piece, start, end: at };
  });
  return {
    text: pieces.join(' … '),
    parts,
    speaker: extra.speaker === undefined ? 'Ada Lund' : extra.speaker,
    mention: null,
    role: null,
    cue: null,
    kind: extra.kind ?? ('direct' as const),
    paragraph: 0,
    start: parts[0]!.start,
    end: parts[parts.length - 1]!.end,
  };
}
