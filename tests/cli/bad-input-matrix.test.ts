import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync, type CliResult } from '../helpers/cli.js';

// The README's bad-input matrix, row by row: each row here runs the case and checks what the
// user sees (the one stderr line and the exit code), and checks that the README states it.

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'inkwire-matrix-'));
const GOOD = 'examples/night-trains.txt';
let server: Server;
let base = '';

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Row {
  /** The input, as the README's first column names it. */
  input: string;
  /** The message as the README shows it (`SOURCE` stands for the path or address). */
  readme: string;
  code: number;
  run: () => Promise<CliResult>;
  /** What stderr must be; `SOURCE` is filled in by the row. */
  stderr: RegExp;
  /** What stdout must show, where the row is about the output. */
  stdout?: RegExp;
}

function source(readme: string, path: string): RegExp {
  const escaped = readme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('SOURCE', path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^inkwire: ${escaped.replace(/…/g, '.*')}\\n$`);
}

const rows: Row[] = [];
function row(
  input: string,
  readme: string,
  code: number,
  args: () => string[],
  options: { path?: () => string; stdin?: string | Buffer; env?: NodeJS.ProcessEnv; seen?: string; stdout?: RegExp } = {},
) {
  rows.push({
    input,
    readme,
    code,
    ...(options.stdout ? { stdout: options.stdout } : {}),
    run: () => runCliAsync(args(), { input: options.stdin, env: options.env }),
    // `seen` when the test lowers a limit to keep the run short; the README gives the default.
    get stderr() {
      return source(options.seen ?? readme, options.path?.() ?? '');
    },
  });
}

// Files
const missing = join(dir, 'missing.txt');
row('a path that does not exist', 'SOURCE: no such file or folder', 66, () => ['export', missing], { path: () => missing });
const empty = file('empty.txt', '');
row('an empty file', 'SOURCE: empty file', 65, () => ['export', empty], { path: () => empty });
const binary = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
row('a binary file (NUL bytes)', 'SOURCE: binary data, not an article', 65, () => ['export', binary], { path: () => binary });
const nothing = join(dir, 'no-articles');
mkdirSync(nothing);
writeFileSync(join(nothing, 'notes.csv'), 'a,b\n');
row('a folder with no articles', 'SOURCE: no articles found (looked for …)', 66, () => ['export', nothing], { path: () => nothing });
const big = file('big.txt', `Big\n\n${'word '.repeat(2000)}`);
row('a file over the size limit', 'SOURCE: larger than the 32 MiB limit (raise it with --max-bytes)', 65, () => ['export', '--max-bytes', '4k', big], {
  path: () => big,
  seen: 'SOURCE: larger than the 4 KiB limit (raise it with --max-bytes)',
});
const latin = file('latin.txt', Buffer.from('Caf\xe9 News\n\nThe caf\xe9 opened.', 'latin1'));
row('invalid UTF-8', 'SOURCE: not valid UTF-8; read as Windows-1252', 0, () => ['export', latin], { path: () => latin });
const data = file('data.bin', `${'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(8)}\n`);
row('an unknown extension with unrecognisable content', 'SOURCE: unrecognised content (not plain text, Markdown, HTML, JSON or a feed)', 65, () => ['export', data], { path: () => data });
const badJson = file('broken.json', '{"title": ');
row('invalid JSON in a .json file', 'SOURCE: invalid JSON (…)', 65, () => ['export', badJson], { path: () => badJson });
const noArticle = file('config.json', '{"foo": 1}');
row('JSON without an article in it', 'SOURCE: no article found (expected an object with title and body, content or text)', 65, () => ['export', noArticle], { path: () => noArticle });
const navOnly = file('nav.html', '<html><body><nav><a href="/">Home</a></nav></body></html>');
row('a page with no article text', 'SOURCE: no article text found', 65, () => ['export', navOnly], { path: () => navOnly });
// stdin
row('empty stdin', 'stdin: empty input', 65, () => ['export'], { stdin: '' });
row('binary stdin', 'stdin: binary data, not an article', 65, () => ['export'], { stdin: Buffer.from([1, 0, 2, 0]) });
// Web addresses (a local server)
row('an address with another scheme', 'SOURCE: ftp: addresses are not supported (only http and https)', 64, () => ['export', 'ftp://example.com/a'], { path: () => 'ftp://example.com/a' });
row('HTTP 404', 'SOURCE: HTTP 404 Not Found', 66, () => ['export', '--no-cache', `${base}/404`], { path: () => `${base}/404` });
row('HTTP 500', 'SOURCE: HTTP 500 Internal Server Error', 74, () => ['export', '--no-cache', `${base}/500`], { path: () => `${base}/500` });
row('a server that does not answer in time', 'SOURCE: timed out after 15 s (raise it with --timeout)', 74, () => ['export', '--no-cache', '--timeout', '1', `${base}/slow`], {
  path: () => `${base}/slow`,
  seen: 'SOURCE: timed out after 1 s (raise it with --timeout)',
});
row('a response over the size limit', 'SOURCE: larger than the 10 MiB limit (raise it with --max-bytes)', 65, () => ['export', '--no-cache', `${base}/endless`], { path: () => `${base}/endless` });
row('a redirect loop', 'SOURCE: too many redirects (more than 5)', 65, () => ['export', '--no-cache', `${base}/loop`], { path: () => `${base}/loop` });
row('binary data served as a page', 'SOURCE: binary data, not an article', 65, () => ['export', '--no-cache', `${base}/binary`], { path: () => `${base}/binary` });
row('a connection lost mid-body', 'SOURCE: connection lost while reading', 74, () => ['export', '--no-cache', `${base}/reset`], { path: () => `${base}/reset` });
row('an empty response', 'SOURCE: empty response', 65, () => ['export', '--no-cache', `${base}/empty`], { path: () => `${base}/empty` });
// Feeds
row('a malformed feed', 'SOURCE: not a valid RSS, Atom or RDF feed (malformed or truncated XML)', 65, () => ['export', '--no-cache', `${base}/bad-feed`], { path: () => `${base}/bad-feed` });
// The command line
row('an unknown option', "unknown option '--colour' (see inkwire --help)", 64, () => ['export', GOOD, '--colour']);
row('a bad option value', '--max-bytes: not a size: lots', 64, () => ['export', GOOD, '--max-bytes', 'lots']);
row('a bad --timeout', '--timeout: not a number of seconds between 0 and 3600: soon', 64, () => ['export', '--timeout', 'soon', GOOD]);
row('two output formats at once', '--json, --csv: choose one output format', 64, () => ['quotes', '--json', '--csv', GOOD]);
// The command line quoted back in a message (item 12 of issue 13): escapes shown, never sent.
row(
  'an unknown option holding an escape sequence (a file named `--\\e]52;…`, passed by `*`)',
  "unknown option '--\\e]52;c;cm0gLXJmIH4=\\a' (see inkwire --help)",
  64,
  () => ['list', '--\x1b]52;c;cm0gLXJmIH4=\x07'],
);
row('a bad option value holding an escape sequence', '--max-bytes: not a size: \\e]0;x\\a', 64, () => ['export', GOOD, '--max-bytes', '\x1b]0;x\x07']);
// Output (item 15 of issue 13): undefined Windows-1252 bytes no longer take the rest of their line.
const undefinedBytes = file('cp1252-undefined.txt', Buffer.concat([Buffer.from('Caf\xe9 News\n\nThe caf\xe9 ', 'latin1'), Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]), Buffer.from(' opened on Monday.', 'latin1')]));
row('Windows-1252 text with the bytes 0x81, 0x8D, 0x8F, 0x90 or 0x9D, which have no character', 'SOURCE: not valid UTF-8; read as Windows-1252', 0, () => ['export', undefinedBytes], {
  path: () => undefinedBytes,
  stdout: /"text": "The café opened on Monday\."/,
});

// Output
const notFolder = file('plain-file.txt', 'not a folder');
row('`export -o DIR/` where a part of DIR is a file', 'SOURCE: cannot create folder (not a folder)', 74, () => ['export', GOOD, '-o', `${notFolder}/out/`], {
  path: () => `${notFolder}/out/`,
});
// Files, stdin and web addresses that are not what they seem (issue 13)
const fifo = join(dir, 'incoming.txt');
execFileSync('mkfifo', [fifo]);
row('a named pipe (FIFO) given as a source', 'SOURCE: not a regular file (a named pipe; redirect it to stdin to read it)', 66, () => ['export', fifo], { path: () => fifo });
row('a device or a socket given as a source', 'SOURCE: not a regular file (a character device)', 66, () => ['export', '/dev/zero'], { path: () => '/dev/zero' });
const withPipe = join(dir, 'with-pipe');
mkdirSync(withPipe);
writeFileSync(join(withPipe, 'story.txt'), readFileSync(join(ROOT, GOOD)));
execFileSync('mkfifo', [join(withPipe, 'pipe.md')]);
row("a folder holding a named pipe, socket or broken link with an article's name", 'SOURCE: skipped … (a named pipe, not a regular file)', 0, () => ['list', withPipe], { path: () => withPipe });
const sparse = file('sparse.txt', '');
truncateSync(sparse, 3 * 1024 ** 3);
row('a file over what Node can hold (a 3 GiB file with `--max-bytes 3GiB`)', 'SOURCE: larger than 511 MiB, the most inkwire can read from one source', 65, () => ['export', '--max-bytes', '3GiB', sparse], {
  path: () => sparse,
  // The ceiling is lower on a machine with a smaller heap.
  seen: 'SOURCE: larger than …, the most inkwire can read from one source',
});
const linkFarm = file('links.html', `<html><body><p>An index.</p>${Array.from({ length: 60_000 }, (_, i) => `<a href="/p/${i}">Story ${i}</a>`).join('\n')}</body></html>`);
row('a page of 300,000 links, or a million elements', 'SOURCE: a very large page (over 50,000 elements): only the first 50,000 were read; …', 0, () => ['list', linkFarm], { path: () => linkFarm });
row('a port the Fetch standard blocks (6000, 10080, …)', 'SOURCE: port 6000 is blocked by the Fetch standard, which Node follows (it belongs to another service, such as mail or X11); serve the page on another port', 74, () => ['export', '--no-cache', 'http://127.0.0.1:6000/'], {
  path: () => 'http://127.0.0.1:6000/',
});
row('a server that does not speak HTTP', "SOURCE: the server's answer is not valid HTTP", 74, () => ['export', '--no-cache', `${base}/not-http`], { path: () => `${base}/not-http` });
// The bookmark store
const sharedIds = file('shared-ids.json', JSON.stringify(Array.from({ length: 5 }, (_, i) => ({ id: 'same', title: `Story ${i}`, url: `https://news.example/${i}` }))));
row(
  '`bookmarks import` of entries that share an id but not a URL',
  'SOURCE: 4 entries had an id already used by a bookmark of another address; each was kept under an id of its own',
  0,
  () => ['bookmarks', 'import', sharedIds],
  { path: () => sharedIds },
);

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/404':
        res.writeHead(404).end('no');
        return;
      case '/500':
        res.writeHead(500).end('error');
        return;
      case '/slow':
        return; // never answers
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = 'x'.repeat(65_536);
        const pump = () => {
          while (res.write(chunk));
          res.once('drain', pump);
        };
        pump();
        req.on('close', () => res.destroy());
        return;
      }
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/binary':
        res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0, 0, 1]));
        return;
      case '/reset':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
        res.write('<html><body><p>partial');
        setTimeout(() => req.socket.destroy(), 50);
        return;
      case '/empty':
        res.writeHead(200, { 'content-type': 'text/html' }).end('');
        return;
      case '/not-http':
        // The answer of an SSH server, say, written straight to the socket.
        req.socket.end('SSH-2.0-OpenSSH_9.6\r\n');
        return;
      case '/bad-feed':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<?xml version="1.0"?><rss><channel><title>x</title><item><title>cut');
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('the bad-input matrix', () => {
  it.each(rows.map((r) => [r.input, r] as const))('%s', async (_input, r) => {
    const result = await r.run();
    expect(result.stderr).toMatch(r.stderr);
    expect(result.code).toBe(r.code);
    if (r.code !== 0) expect(result.stdout).toBe('');
    if (r.stdout) expect(result.stdout).toMatch(r.stdout);
    expect(README, 'the README states this row').toContain(`| ${r.input} | \`inkwire: ${r.readme}\``);
  });
});
