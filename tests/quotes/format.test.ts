import { describe, expect, it } from 'vitest';
import { quotesCsv, quotesJson, quotesTable, type ArticleQuotes } from '../../src/quotes/format.js';
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

describe('quotes table', () => {
  it('fits every line to the width and shows speaker, kind and quote', () => {
    const table = quotesTable(articles, 60);
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(table).toContain('Ana Ruiz');
    expect(table).toContain('direct');
    expect(table).toContain('no quotes found');
    expect(table).not.toContain('\u001b');
  });
});
