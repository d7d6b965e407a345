import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/quotes/index.js';
import { findQuoteSpans } from '../../src/quotes/spans.js';

const texts = (t: string) => findQuoteSpans(t).map((s) => t.slice(s.start, s.end));

describe('findQuoteSpans', () => {
  it('pairs straight, curly and guillemet marks', () => {
    expect(texts('He said "the ferry runs late" again.')).toEqual(['the ferry runs late']);
    expect(texts('She said “the bridge is open” today.')).toEqual(['the bridge is open']);
    expect(texts('Le maire a dit «nous verrons» hier.')).toEqual(['nous verrons']);
  });

  it('pairs German marks, low-high and reversed guillemets', () => {
    expect(texts('Der Bürgermeister sagte: „Wir bauen die Brücke.“ Dann ging er.')).toEqual(['Wir bauen die Brücke.']);
    expect(texts('„Erst die Fähre“, sagte sie, „dann die Brücke.“')).toEqual(['Erst die Fähre', 'dann die Brücke.']);
    expect(texts('Sie sagte: »Wir warten ab.« Mehr nicht.')).toEqual(['Wir warten ab.']);
    // A Polish or Hungarian close after „ still closes.
    expect(texts('Burmistrz powiedział: „Most będzie gotowy” w piątek.')).toEqual(['Most będzie gotowy']);
  });

  it('pairs CJK corner brackets, with 『』 nested in 「」', () => {
    expect(texts('市長は「橋は来年完成する」と述べた。')).toEqual(['橋は来年完成する']);
    expect(texts('彼は「母が『待って』と言った」と話した。')).toEqual(['母が『待って』と言った']);
    expect(texts('部長說：「我們會準時完成。」然後離開。')).toEqual(['我們會準時完成。']);
    // Whole quotes in the sidebar: a run of ideographs is many words, not one scare-quoted word.
    expect(extractQuotes('市長は「橋は来年完成する」と述べた。').map((q) => q.text)).toEqual(['橋は来年完成する']);
    expect(extractQuotes('The mayor said: „We will build it.“').map((q) => [q.text, q.speaker])).toEqual([['We will build it.', 'The mayor']]);
  });

  it('keeps a nested quote of the other kind inside the outer one', () => {
    expect(texts('“They told us ‘wait and see,’ and we waited,” said Ana Ruiz.')).toEqual([
      'They told us ‘wait and see,’ and we waited,',
    ]);
  });

  it('tells apostrophes from single quotes in texts that quote with single marks', () => {
    expect(texts("The mayor's aide said 'we're ready' and left in the '90s van.")).toEqual(["we're ready"]);
  });

  it('treats doubled apostrophes as double marks, so lone single marks are not quotes', () => {
    expect(texts("''The pier is 'safe enough,' '' Ola Dahl said of the '90s pier.")).toEqual([]);
  });

  it('nests a quote in the other style of marks inside the outer one', () => {
    expect(texts('"It sounds “too loud” or “too soft” to them," Ines Varga said.')).toEqual([
      'It sounds “too loud” or “too soft” to them,',
    ]);
    expect(texts('“They call it "the long wait" here,” said Ana Ruiz.')).toEqual(['They call it "the long wait" here,']);
  });

  it('nests a quote in the same style when the line closes both', () => {
    expect(texts('“Even when “our side” errs, we say so,” Ines Varga said.')).toEqual(['Even when “our side” errs, we say so,']);
    // Only one closing mark left: the first quote was never closed.
    expect(texts('“Unclosed words and then “We sail,” said Ana Ruiz.')).toEqual(['We sail,']);
  });

  it('looks through invisible format characters before an opening mark', () => {
    expect(texts('\u202A”Keep the pier open!” wrote Ola Dahl.')).toEqual(['Keep the pier open!']);
  });

  it('ignores marks inside markup tags left in the text', () => {
    expect(texts('<post author="Ola Dahl" date="May 2">“The ferry is late,” Dahl wrote.</post>')).toEqual(['The ferry is late,']);
  });

  it('ignores an inch mark and stray closing marks', () => {
    expect(texts('The 6\'2" keeper smiled." Then "Go on," he said.')).toEqual(['Go on,']);
  });

  it('closes a quote left open at the end of its paragraph and flags the reopened one', () => {
    const t = '“The harbour will be dredged first.\n\n“Then the quay,” Tomas Berg said.';
    const spans = findQuoteSpans(t);
    expect(spans.map((s) => t.slice(s.start, s.end))).toEqual(['The harbour will be dredged first.', 'Then the quay,']);
    expect(spans[0]!.unclosed).toBe(true);
    expect(spans[1]!.continues).toBe(true);
  });

  it('opens a quote with a mark at the start of a line, whichever way it points', () => {
    expect(texts('” … and then the tide came in,” Berg wrote.')).toEqual(['… and then the tide came in,']);
  });

  it('accepts mixed curly and straight marks in one exchange', () => {
    expect(texts('“We won,” she said. "Again."')).toEqual(['We won,', 'Again.']);
  });

  it('stays linear on megabytes of one quotation mark', () => {
    expect(findQuoteSpans('“'.repeat(2_000_001) + 'word').map((s) => s.end - s.start)).toEqual([4]);
    // Four times the marks may take about four times as long (eight allowed on a shared
    // machine); a quadratic slip takes sixteen.
    const timed = (n: number): number => {
      const t0 = performance.now();
      expect(findQuoteSpans('"'.repeat(n))).toEqual([]);
      return performance.now() - t0;
    };
    const small = timed(2_500_000);
    expect(timed(10_000_000)).toBeLessThan(8 * small + 1_000);
  }, 120_000);
});
