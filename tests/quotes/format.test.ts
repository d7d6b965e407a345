import { describe, expect, it } from 'vitest';
import { quotesCsv, quotesJson, type ArticleQuotes } from '../../src/quotes/format.js';
import { quotesTable } from '../../src/quotes/format-table.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { schemaValidator } from '../helpers/schema.js';

const validate = schemaValidator('quotes.schema.json');

const body = [
  '“The ferry will run, rain or shine,” said harbour master Ana Ruiz.',
  'Critics called the timetable “a fantasy, frankly” on Monday, according to the Ferry Users Group.',
  'Ruiz said, "We have heard them, and we will publish the figures."',
].join('\n\n');

const articles: ArticleQuotes[] = [
  { source: 'news/ferry.txt', title: 'Ferry \u001b[31mtimetable\u001b[0m row', quotes: extractQuotes(body) },
  { source: 'empty.txt', title: 'Nothing quoted', quotes: [] },
];

describe('quotes --json', () => {
  it('follows schema/quotes.schema.json, with sanitized strings', () => {
    const data = JSON.parse(quotesJson(articles));
    expect(validate(data)).toEqual([]);
    expect(data[0].title).toBe('Ferry [31mtimetable[0m row'.replace(/\[\d+m/g, ''));
    expect(data[0].quotes.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects records that break the schema', () => {
    expect(validate([{ source: 's', title: 't', quotes: [{ text: 'x' }] }])).not.toEqual([]);
  });
});

describe('quotes --csv', () => {
  it('writes a header and RFC 4180 fields (quotes doubled, commas quoted, CRLF)', () => {
    const csv = quotesCsv(articles);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('source,title,paragraph,start,end,kind,speaker,mention,role,cue,text');
    expect(lines[1]).toContain('"The ferry will run, rain or shine,"');
    expect(csv).toContain('"We have heard them, and we will publish the figures."');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).not.toContain('\u001b');
    expect(quotesCsv([{ source: 'a', title: 't', quotes: [{ ...articles[0]!.quotes[0]!, text: 'say "no", twice' }] }])).toContain(
      '"say ""no"", twice"',
    );
  });
});

describe('quotes --csv against spreadsheet formulas', () => {
  it('starts every cell that a spreadsheet would run with a single quote', () => {
    const quote = articles[0]!.quotes[0]!;
    const hostile = ['=HYPERLINK("http://x","click")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '＝1+1'];
    const csv = quotesCsv(
      hostile.map((text, i) => ({ source: `${text}.txt`, title: text, quotes: [{ ...quote, text, speaker: i % 2 ? text : null, mention: null }] })),
    );
    const cells = csv
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .flatMap((row) => row.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t＝]/);
    expect(csv).toContain(`'=HYPERLINK(""http://x"",""click"")`);
    // Numbers are ours and stay numbers.
    expect(csv.split('\r\n')[1]).toMatch(/,0,1,\d+,direct,/);
  });
});

describe('quotes table', () => {
  it('says unattributed for a missing speaker and never quotes a paraphrase', () => {
    const text = '“We are ready,” it said. Mira Holt said the ferry would run on time.';
    const table = quotesTable([{ source: 'a.txt', title: 'A', quotes: extractQuotes(text, { indirect: true }) }], 100);
    expect(table).toMatch(/unattributed +direct +“We are ready,”/);
    expect(table).not.toMatch(/\bit +direct/);
    expect(table).toMatch(/Mira Holt +indirect +the ferry would run on time\.? \(paraphrase\)/);
    expect(table).not.toMatch(/“the ferry would run/);
  });

  it('fits every line to the width and shows speaker, kind and quote', () => {
    const table = quotesTable(articles, 60);
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(table).toContain('Ana Ruiz');
    expect(table).toContain('direct');
    expect(table).toContain('no quotes found');
    expect(table).not.toContain('\u001b');
  });
});
