import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { UNSAFE_OUTPUT } from './payloads.js';

// Inputs built to break a parser: each must finish inside a time bound and a heap bound,
// with a clean result or a one-line error. The bounds guard against hangs and blow-ups;
// speed itself is measured in the benchmarks.

const TIME_BOUND_MS = 120_000;
const HEAP_BOUND_MB = 1024;
let dir: string;

function run(args: string[]) {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_BOUND_MB}`, CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIME_BOUND_MS,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, INKWIRE_HOME: dir },
  });
  expect(result.signal, 'finished inside the time bound').toBeNull();
  expect(result.stderr).not.toMatch(/heap out of memory|Maximum call stack|\n\s+at /);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inkwire-patho-'));
});

describe('pathological input', () => {
  it('a 100 MB single line', () => {
    const path = join(dir, 'one-line.txt');
    writeFileSync(path, 'word '.repeat(20 * 1024 * 1024));
    const { code, stdout } = run(['list', '--json', '--max-bytes', '200M', path]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].wordCount).toBe(20 * 1024 * 1024);
  }, TIME_BOUND_MS + 10_000);

  it('a 100 MB single line is refused under the default limit without being read', () => {
    const path = join(dir, 'one-line.txt');
    const { code, stderr } = run(['list', path]);
    expect(code).toBe(65);
    expect(stderr).toMatch(/larger than the 32 MiB limit/);
  });

  it('a million one-word paragraphs', () => {
    const path = join(dir, 'million.txt');
    writeFileSync(path, Array.from({ length: 1_000_000 }, (_, i) => `w${i}`).join('\n\n'));
    const { code, stdout } = run(['list', '--json', path]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].wordCount).toBeGreaterThanOrEqual(999_999);
  }, TIME_BOUND_MS + 10_000);

  it('HTML nested 100,000 elements deep', () => {
    const path = join(dir, 'deep.html');
    writeFileSync(path, `<html><body>${'<div>'.repeat(100_000)}<p>The deep paragraph is still read.</p>${'</div>'.repeat(100_000)}</body></html>`);
    const { code, stdout, stderr } = run(['export', path]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].text).toContain('The deep paragraph is still read.');
  }, TIME_BOUND_MS + 10_000);

  it('10 MB of one repeated quotation mark', () => {
    const path = join(dir, 'quotes.txt');
    writeFileSync(path, '"'.repeat(10 * 1024 * 1024));
    const { code, stdout } = run(['quotes', '--json', path]);
    expect(code).toBe(0);
    expect(Array.isArray(JSON.parse(stdout))).toBe(true);
  }, TIME_BOUND_MS + 10_000);

  it('unpaired surrogates from JSON escapes and UTF-16 bytes', () => {
    const json = join(dir, 'surrogates.json');
    writeFileSync(json, '{"title": "Lone \\ud800 high", "body": "A \\udc00 low and \\ud83d\\ude00 paired."}');
    const utf16 = join(dir, 'surrogates.txt');
    const body = Buffer.from('Title Here\n\nBroken X pair in the body.', 'utf16le');
    body.writeUInt16LE(0xd800, body.indexOf(Buffer.from('X', 'utf16le')));
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    const { code, stdout } = run(['export', '--format', 'jsonl', json, utf16]);
    expect(code).toBe(0);
    const articles = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(articles[0].title).toBe('Lone \ufffd high');
    expect(articles[0].text).toBe('A \ufffd low and 😀 paired.');
    expect(articles[1].text).toBe('Broken \ufffd pair in the body.');
  });

  it('a feed with a billion-laughs entity bomb', () => {
    const path = join(dir, 'laughs.xml');
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)];
    writeFileSync(path, `<?xml version="1.0"?><!DOCTYPE rss [${entities.join('')}]><rss version="2.0"><channel><title>Bomb &lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`);
    const { code, stdout, stderr } = run(['export', path]);
    // Either a clean refusal or entries with the entity left unexpanded: never a billion laughs.
    expect([0, 65]).toContain(code);
    expect(stdout.length + stderr.length).toBeLessThan(100_000);
    expect(stdout).not.toContain('lollollol');
  });

  it('zero-width and combining characters in their thousands', () => {
    const path = join(dir, 'marks.txt');
    const stack = `a${'\u0301'.repeat(5000)}`;
    writeFileSync(path, `Marks Everywhere\n\n${'zero\u200bwidth\u200d '.repeat(5000)}\n\n${stack} end.\n\n${'\ufeff\u2060'.repeat(3000)}tail.`);
    const { code, stdout } = run(['export', '--format', 'txt', '--width', '40', path]);
    expect(code).toBe(0);
    expect(stdout).toContain('end.');
    expect(stdout).not.toMatch(UNSAFE_OUTPUT);
  });
});
