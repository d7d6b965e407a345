import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

// Fictional news sentences, one per attribution pattern.
const one = (text: string) => {
  const quotes = extractQuotes(text);
  expect(quotes).toHaveLength(1);
  return quotes[0]!;
};

describe('speaker after the quote', () => {
  it('reads "said NAME" and "NAME said"', () => {
    expect(one('“The tide tables are wrong,” said Okafor.')).toMatchObject({ mention: 'Okafor', cue: 'said', kind: 'direct' });
    expect(one('“The tide tables are wrong,” Maria Okafor said on Monday.')).toMatchObject({ speaker: 'Maria Okafor', cue: 'said' });
  });

  it('reads an unnamed source and keeps it as written', () => {
    expect(one('“We expect delays,” the official said.')).toMatchObject({ speaker: 'the official', mention: 'the official' });
  });

  it('keeps an appositive with the name and splits the role off', () => {
    const q = one('“No decision yet,” harbour board spokeswoman for the region, Lena Moretti, said.');
    expect(q.speaker).toBe('Lena Moretti');
    expect(q.role).toBe('harbour board spokeswoman for the region');
    expect(q.mention).toBe('harbour board spokeswoman for the region, Lena Moretti');
  });

  it('finds a role and a name before asides too long to walk back over', () => {
    const q = one(
      '“The ice sheet is thinner than any model allowed,” survey lead author Ines Varga, a glaciologist at the polar institute in Tromsø, Norway, and Aalborg University in Aalborg, Denmark, said in a statement.',
    );
    expect(q.speaker).toBe('Ines Varga');
  });

  it('never takes what follows "said in" for the speaker', () => {
    const q = one('“The figures are final,” the harbour master’s deputy for the northern berths at the old canal basin by the mill bridge, near the ferry, said in a statement.');
    expect(q.speaker).not.toBe('a statement');
    const r = one('“Ships will wait,” a notice on the gate at the lower lock by the old fish market near the bridge said in a statement.');
    expect(r.speaker).not.toBe('a statement');
  });

  it('handles a verb missing from the lexicon right after the quote', () => {
    expect(one('“What a day!” beamed Tomasz Lind.')).toMatchObject({ speaker: 'Tomasz Lind' });
  });
});

describe('speaker before the quote', () => {
  it('reads "NAME stated, “…”" and a colon', () => {
    expect(one('Port director Ivo Marsh stated, “The quay opens in May.”')).toMatchObject({ speaker: 'Ivo Marsh', cue: 'stated' });
    expect(one('Ivo Marsh told reporters: “The quay opens in May.”')).toMatchObject({ speaker: 'Ivo Marsh', cue: 'told' });
    expect(one('Ivo Marsh: “The quay opens in May.”')).toMatchObject({ speaker: 'Ivo Marsh', cue: ':' });
  });

  it('attributes a partial quote inside reported speech', () => {
    const q = one('The council said on Friday that the plan was “overdue and necessary.”');
    expect(q).toMatchObject({ speaker: 'The council', kind: 'partial', text: 'overdue and necessary.' });
  });

  it('gives a participle cue the subject of its clause', () => {
    const q = one('The ferry company has, however, said in a statement that it will appeal, adding that it is “not to blame.”');
    expect(q.speaker).toBe('The ferry company');
  });

  it('reads "according to"', () => {
    expect(one('The repairs were “long overdue,” according to a senior engineer.')).toMatchObject({
      speaker: 'a senior engineer',
      cue: 'according to',
    });
  });
});

describe('across sentences and paragraphs', () => {
  it('resolves he/she to the latest compatible speaker and a surname to the full name', () => {
    const text = [
      '“We will rebuild the pier,” said Harbour Minister Clara Nyberg.',
      '“The money is there,” Nyberg added.',
      'She went on, “Work starts in spring.”',
    ].join('\n\n');
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => q.speaker)).toEqual(['Clara Nyberg', 'Clara Nyberg', 'Clara Nyberg']);
    expect(quotes.map((q) => q.mention)).toEqual(['Harbour Minister Clara Nyberg', 'Nyberg', 'She']);
  });

  it('lends a speaker to the follow-on quote of the same speaker', () => {
    const text = '“The pier is safe,” said Jonas Abel, the site engineer. He smiled. “We checked every pile.”';
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Jonas Abel', 'Jonas Abel']);
  });

  it('joins a quote interrupted only by its attribution into one record', () => {
    const text = '“The pier is safe,” said Jonas Abel, the site engineer. “We checked every pile.”';
    expect(extractQuotes(text)).toEqual([
      expect.objectContaining({
        text: 'The pier is safe, … We checked every pile.',
        parts: [
          { text: 'The pier is safe,', start: 1, end: 18 },
          { text: 'We checked every pile.', start: text.length - 23, end: text.length - 1 },
        ],
        speaker: 'Jonas Abel',
        start: 1,
        end: text.length - 1,
      }),
    ]);
    // Each part is the article's own words, so copying one pastes what the article says.
    for (const part of extractQuotes(text)[0]!.parts) expect(text.slice(part.start, part.end)).toBe(part.text);
    // Another clause in between brings someone else's words: two records.
    const two = '“We are ready,” Abel said, and his deputy cut in. “Almost ready.”';
    expect(extractQuotes(two)).toHaveLength(2);
    // A second half woven into narration is a partial quote of its own.
    const woven = '“This is wrong,” Ines Sola said. “You cut the crews to the bone” to save money, she said.';
    expect(extractQuotes(woven)).toHaveLength(2);
  });

  it('joins a quote that runs over two paragraphs into one', () => {
    const text = 'Okafor said: “The first phase is dredging.\n\n“The second phase is the quay itself.”';
    const [q] = extractQuotes(text);
    expect(extractQuotes(text)).toHaveLength(1);
    expect(q).toMatchObject({ speaker: 'Okafor', paragraph: 0, text: 'The first phase is dredging. … The second phase is the quay itself.' });
    expect(q!.parts.map((p) => p.text)).toEqual(['The first phase is dredging.', 'The second phase is the quay itself.']);
    expect(text.slice(q!.start, q!.end)).toMatch(/^The first.*itself\.$/s);
  });
});

describe('what is not a quote', () => {
  it('drops titles and unattributed scare quotes', () => {
    expect(extractQuotes('She appeared on “Morning Harbour Live” on Tuesday.')).toEqual([]);
    expect(extractQuotes('The so-called “fix” arrived late.')).toEqual([]);
  });

  it('lists indirect quotes only when asked', () => {
    const text = 'Mayor Ines Sola said that the ferry would run again in June.';
    expect(extractQuotes(text)).toEqual([]);
    const [q] = extractQuotes(text, { indirect: true });
    expect(q).toMatchObject({ kind: 'indirect', speaker: 'Ines Sola', text: 'the ferry would run again in June' });
  });
});
