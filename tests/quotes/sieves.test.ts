import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';

// Fictional sentences for the later sieves: dash, sentence-final, outer and subject attributions.
const speakers = (text: string) => extractQuotes(text).map((q) => q.speaker);

describe('attribution patterns beyond the adjacent cue', () => {
  it('reads a dash and a name closing the line', () => {
    expect(speakers('“The ferry is the town’s lifeline.” ― Nadia Kovač')).toEqual(['Nadia Kovač']);
  });

  it('reads an attribution closing the sentence after other words', () => {
    expect(speakers('“It seems unlikely” that the pier reopens this year, said Omar Haddad.')).toEqual(['Omar Haddad']);
  });

  it('gives a quote nested in a reported clause to the outer speaker', () => {
    expect(speakers('Mayor Lena Brandt said on Friday that the council once described the plan as “a gift to the harbour.”')).toEqual([
      'Lena Brandt',
    ]);
  });

  it('resolves a pronoun to the subject of its own sentence', () => {
    const text = '“We have waited long enough,” said the union leader.\n\nPort director Ivo Marsh condemned what he called “a reckless strike.”';
    expect(speakers(text)).toEqual(['the union leader', 'Ivo Marsh']);
  });

  it('takes the subject of a sentence with no cue for a woven-in quote', () => {
    expect(speakers('Councillor Ada Fenn, in particular, has been describing the budget as “a slow-motion disaster.”')).toEqual([
      'Ada Fenn',
    ]);
  });

  it('does not let "but he said" claim the quote before it', () => {
    const text = 'Chief Rosa Lind said the footage did not show “any weapon at all,” but she said the inquiry would go on.';
    expect(extractQuotes(text)[0]).toMatchObject({ speaker: 'Rosa Lind' });
  });

  it('drops a show title after a possessive and keeps an attributed nickname', () => {
    expect(extractQuotes('She spoke on Channel Nine’s “Harbour Tonight” program.')).toEqual([]);
    expect(extractQuotes('The mayor called him “Captain Chaos” again.')[0]).toMatchObject({ text: 'Captain Chaos', speaker: 'The mayor' });
  });

  it('drops the title of a work given after its noun or a programme after "told"', () => {
    expect(extractQuotes('Pia Lund wrote in her memoir, “Salt and Iron,” that the docks saved her.')).toEqual([]);
    expect(extractQuotes('“We will rebuild,” Mayor Ivo Marsh told “Harbour Morning” on Sunday.').map((q) => q.text)).toEqual(['We will rebuild,']);
  });

  it('keeps chanted, shouted and sung words whatever their shape', () => {
    expect(extractQuotes('At the harbour the dockers chanted “Open Gates! Open Gates!” until noon.').map((q) => q.text)).toEqual([
      'Open Gates! Open Gates!',
    ]);
    expect(extractQuotes('The rally ended with cries of “Shame!” from the back.').map((q) => q.text)).toEqual(['Shame!']);
  });

  it('keeps a name given in someone’s words after a naming verb or "as"', () => {
    expect(extractQuotes('The skipper, known online as “Seawolf,” was fined on Monday.').map((q) => q.text)).toEqual(['Seawolf,']);
    expect(extractQuotes('Critics have long referred to the ferry as the “Slow Boat.”').map((q) => q.text)).toEqual(['Slow Boat.']);
    expect(extractQuotes('Mayor Ola Dahl called the harbour board “The Sleepy Council.”').map((q) => q.text)).toEqual(['The Sleepy Council.']);
  });

  it('keeps words presented as words: a phrase, a slogan, what a sign reads', () => {
    expect(extractQuotes('Few voters liked the phrase “Harbour First.”').map((q) => q.text)).toEqual(['Harbour First.']);
    expect(extractQuotes('The dockers wore shirts that read “Save Pier Nine.”').map((q) => q.text)).toEqual(['Save Pier Nine.']);
  });

  it('drops a title in apposition to a work noun unless it has a cue of its own', () => {
    expect(extractQuotes('Pia Lund’s essay, “Why the ferry still matters,” is worth reading.')).toEqual([]);
    expect(extractQuotes('Ola Dahl told the Harbour Gazette’s podcast, “We will sail again,” on Friday.').map((q) => q.text)).toEqual([
      'We will sail again,',
    ]);
  });

  it('reports an attributed quote inside a quoted excerpt as a quote of its own', () => {
    const text = 'Reporter Mira Holt writes:\n\n"The pier was quiet. “We never saw it coming,” the harbour master said on Monday. The boats stayed in."';
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => q.text)).toContain('We never saw it coming,');
    const inner = quotes.find((q) => q.text === 'We never saw it coming,')!;
    expect(inner).toMatchObject({ mention: 'the harbour master', start: text.indexOf('We never') });
    // A nested quote with no speaker of its own stays inside the outer one.
    expect(extractQuotes('"It sounds “too loud” to them," Ines Varga said.').map((q) => q.text)).toEqual(['It sounds “too loud” to them,']);
  });

  it('drops a quoted headline followed by its byline', () => {
    const text = 'DOCKS—“Old ferry pier to close in spring,” by the Gazette’s Mira Holt: “The pier will shut in April.”';
    expect(extractQuotes(text).map((q) => q.text)).not.toContain('Old ferry pier to close in spring,');
  });
});
