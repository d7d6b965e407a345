import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlainTextTally, type SpaceCounts } from '../../src/parse/plain-tally.js';
import { parsePlainText } from '../../src/parse/text.js';

// The tally tells a big article's reading time from runs of its paragraphs, never holding the
// whole: whenever it gives an answer, that answer must be the whole parse's.

const SOURCE = '/news/harbour-story.txt';

function spaceCounts(text: string): SpaceCounts {
  let spaces = 0;
  let lineFeeds = 0;
  for (const char of text) {
    if (char === ' ') spaces++;
    else if (char === '\n') lineFeeds++;
  }
  return { spaces, lineFeeds };
}

/** The text trimmed as the file reader trims it, told in runs cut at the blank lines `cuts` picks. */
function tally(text: string, cuts: (i: number) => boolean, options = { headParagraphs: 5, headChars: 40 }) {
  const whole = text.replace(/^[\s]+|[\s]+$/g, '');
  const t = new PlainTextTally(options);
  let from = 0;
  let i = 0;
  for (let at = whole.indexOf('\n\n'); at >= 0; at = whole.indexOf('\n\n', at + 2)) {
    if (!cuts(i++)) continue;
    if (!t.add(whole.slice(from, at))) return null;
    from = at + 2;
  }
  if (!t.add(whole.slice(from))) return null;
  return t.finish(SOURCE, spaceCounts(whole));
}

const clean = ['harbour', 'bridge', 'council', 'café', 'naïve', '“quoted”', '—', 'O’Brien', 'said.', 'it,', 'Reuters', 'Zürich'];
// Clean too, but what the sanitizer looks at in context (a joiner, Arabic): at the start of a run the tally gives up.
const listed = ['👩‍🔧', 'مرحبا', 'a‍b'];
const awkward = ['\u00a0', '\t', '\u200b', '\u3000', '日本', '\x1b[31m', '\r', '\u2028', '\ufeff', '  ', ' \n'];
const word = (words: string[]) => fc.constantFrom(...words);
const line = (words: string[]) => fc.array(word(words), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
const special = fc.constantFrom(
  'Home World Harbour bridge to reopen...',
  'Harbour bridge to reopen',
  'harbour, bridge, council',
  'By Dana Whitfield',
  'Advertisement',
  'Also Read: the ferry timetable',
  '(Reuters)',
  '(With inputs from PTI and ANI)',
  'Follow us on Instagram',
);
const paragraph = (words: string[]) => fc.oneof({ arbitrary: line(words), weight: 4 }, { arbitrary: special, weight: 2 });
const article = (words: string[], separators: string[]) =>
  fc.tuple(fc.array(paragraph(words), { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...separators), { minLength: 40, maxLength: 40 }), fc.constantFrom('', '\n', '  \n\n', '\n\n'))
    .map(([paragraphs, seps, end]) => paragraphs.map((p, i) => (i === 0 ? p : seps[i]! + p)).join('') + end);

describe('PlainTextTally', () => {
  it('gives the whole parse’s words, reading time, title, section, tags and byline whenever it answers', () => {
    fc.assert(
      fc.property(article([...clean, ...listed, ...awkward], ['\n\n', '\n\n', '\n\n', '\n', '\n\n\n', ' \n\n']), fc.func(fc.boolean()), (text, cuts) => {
        const told = tally(text, cuts);
        if (told === null) return;
        const whole = parsePlainText(text, SOURCE);
        expect(told.wordCount).toBe(whole.wordCount);
        expect(told.readingMinutes).toBe(whole.readingMinutes);
        expect([told.title, told.section, told.tags, told.byline]).toEqual([whole.title, whole.section, whole.tags, whole.byline]);
        expect(whole.text.startsWith(told.text.slice(0, 200))).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  it('answers for clean text however it is cut, furniture, bylines and credits included', () => {
    fc.assert(
      fc.property(article(clean, ['\n\n']), fc.func(fc.boolean()), (text, cuts) => {
        fc.pre(text.split('\n\n').filter((p) => p.trim()).length >= 5);
        const whole = parsePlainText(text, SOURCE);
        // Nothing left but header and credits: not an article, on either path. Nor in the
        // paragraphs kept for the first frame (five here, 128 KiB in use): the tally gives up.
        const head = text.replace(/^\s+/, '').split('\n\n').slice(0, 5).join('\n\n');
        fc.pre(whole.blocks.length > 0 && parsePlainText(head, SOURCE).blocks.length > 0);
        const told = tally(text, cuts);
        expect(told).not.toBeNull();
        expect(told!.wordCount).toBe(whole.wordCount);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out closing credits only when nothing but credits follows them', () => {
    const body = Array.from({ length: 8 }, (_, i) => `Paragraph ${i} of the story goes on here.`);
    const text = ['Harbour bridge to reopen', 'By Dana Whitfield', '(Reuters)', ...body, '(Reuters)', 'Advertisement', '(With inputs from PTI)'].join('\n\n');
    const whole = parsePlainText(text, SOURCE);
    expect(whole.credits).toEqual(['Reuters', 'PTI']);
    expect(tally(text, () => true)!.wordCount).toBe(whole.wordCount);
  });

  it('gives up on a line break inside a paragraph, which only the whole text can place', () => {
    const text = ['Harbour bridge to reopen', ...Array.from({ length: 8 }, (_, i) => `Paragraph ${i} goes on.`), 'one line\nand the next'].join('\n\n');
    expect(tally(text, () => true)).toBeNull();
  });
});
