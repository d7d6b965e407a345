import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { needsSanitizing } from '../../src/text/sanitize.js';
import { PAYLOADS, REFLOWING, UNSAFE_JSON_ESCAPE, UNSAFE_OUTPUT, asHtmlReferences } from './payloads.js';

// Every payload, in every format and in every field a format has, run through every
// non-interactive output path. The interface gets the same files in tests/e2e.

let folder: string;

function files(raw: string, i: number): Record<string, string> {
  const json = JSON.stringify;
  return {
    [`p${i}-text.txt`]: [
      `Home Hostile${raw}Section Payload Title ${i}${raw} Here...`,
      `Payload Title ${i}${raw} Here`,
      `tags${raw}one, two`,
      `Before the payload ${raw} after the payload, said the mayor${raw}.`,
      // Split across a paragraph boundary: the start ends one paragraph, the rest opens the next.
      `Paragraph ends with a half ${raw.slice(0, 2)}`,
      `${raw.slice(2)} and the next paragraph carries the rest.`,
    ].join('\n\n'),
    [`p${i}-markdown.md`]: [
      '---',
      `title: ${json(`Markdown ${i}${raw} title`)}`,
      `author: ${json(`Writer${raw} Name`)}`,
      `tags: [${json(`tag${raw}`)}]`,
      '---',
      '',
      `Body with ${raw} inside and a [link${raw} text](https://example.com/${encodeURIComponent(raw)}) too.`,
      '',
      `> “Quoted ${raw} words,” said Speaker${raw} Person.`,
    ].join('\n'),
    [`p${i}-raw.html`]: `<html><head><title>HTML ${i}${raw} title</title><meta name="author" content="By${raw}line"></head><body><article><h1>HTML ${i}${raw} title</h1><p>Body text ${raw} with enough words around it so the reader keeps the paragraph as article text for sure.</p><p><a href="https://example.com/a${raw}b">link${raw} text</a> and “a quote${raw} here,” said Someone${raw} Else in the paragraph.</p></article></body></html>`,
    [`p${i}-refs.html`]: `<html><head><title>Refs ${i}${asHtmlReferences(raw, false)} title</title></head><body><article><p>Body ${asHtmlReferences(raw, true)} text with enough words around it so the reader keeps the paragraph as article text.</p><p>Second ${asHtmlReferences(raw, false)} paragraph of ordinary words that a reader would keep as well.</p></article></body></html>`,
    [`p${i}-object.json`]: json({
      title: `JSON ${i}${raw} title`,
      author: `Au${raw}thor`,
      url: `https://example.com/${raw}`,
      tags: [`t${raw}`],
      body: `First ${raw} paragraph.\n\nSecond paragraph, “quoted ${raw},” she said.`,
    }),
  };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'inkwire-hostile-'));
  mkdirSync(folder, { recursive: true });
  PAYLOADS.forEach((payload, i) => {
    for (const [name, content] of Object.entries(files(payload.raw, i))) writeFileSync(join(folder, name), content);
  });
});

function expectClean(output: string) {
  const match = UNSAFE_OUTPUT.exec(output);
  expect(match ? `U+${match[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${match.index}: …${JSON.stringify(output.slice(Math.max(0, match.index - 40), match.index + 20))}…` : null).toBeNull();
  expect(UNSAFE_JSON_ESCAPE.exec(output)?.[0] ?? null).toBeNull();
  // Joiners and variation selectors stay only where a script needs them.
  expect(needsSanitizing(output)).toBe(false);
}

describe('hostile payloads through every output path', () => {
  it(`has at least 40 payloads (${PAYLOADS.length})`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each([
    ['export json', ['export', '--format', 'json']],
    ['export jsonl', ['export', '--format', 'jsonl']],
    ['export md', ['export', '--format', 'md']],
    ['export txt', ['export', '--format', 'txt']],
    ['print mode', ['--print']],
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['quotes table', ['quotes']],
    ['quotes --json', ['quotes', '--json']],
    ['quotes --csv', ['quotes', '--csv']],
  ])('%s writes no payload byte', (_name, args) => {
    const { code, stdout, stderr } = runCli([...args, folder]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(1000);
    // CSV rows end in CRLF, as RFC 4180 asks; that one CR is inkwire's own.
    expectClean(args.includes('--csv') ? stdout.replace(/\r\n/g, '\n') : stdout);
  });

  it('keeps the words around each payload', () => {
    const { stdout } = runCli(['export', '--format', 'json', folder]);
    const articles: { source: string; title: string; text: string; tags: string[] }[] = JSON.parse(stdout);
    expect(articles).toHaveLength(PAYLOADS.length * 5);
    // An unterminated string swallows the rest of its line, as it would in a terminal; line
    // and paragraph separators break the line or the paragraph, as they should.
    const swallowing = new Set(PAYLOADS.flatMap((p, i) => (REFLOWING.has(p.name) ? [`p${i}-text.txt`] : [])));
    const texts = articles.filter((a) => a.source.endsWith('-text.txt') && !swallowing.has(a.source.split('/').pop()!));
    expect(texts).toHaveLength(PAYLOADS.length - swallowing.size);
    for (const article of texts) {
      // The OSC 8 payload's own link text, "click", is ordinary text and stays.
      expect(article.text).toMatch(/^Before the payload (?:click )?after the payload, said the mayor(?:click)?\.$/m);
      expect(article.title).toMatch(/^Payload Title \d+(?:click)? ?Here$/);
      expect(article.tags).toContain('two');
    }
  });

  it('error lines on stderr are clean too, the name shown with its escapes', () => {
    const name = join(folder, `missing\x1b]0;pwned\x07\u202e.txt`);
    const { stderr } = runCli(['export', name]);
    expect(stderr).toMatch(/^inkwire: .*missing\\e\]0;pwned\\a\\u202e\.txt: no such file or folder\n$/);
    expect(UNSAFE_OUTPUT.exec(stderr)).toBeNull();
  });
});
