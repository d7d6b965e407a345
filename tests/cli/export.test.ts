import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { schemaValidator } from '../helpers/schema.js';
import { REFERENCE_ARTICLE, hasShared } from '../helpers/shared.js';

const validate = schemaValidator('article.schema.json');

describe('inkwire export', () => {
  it('prints every example as JSON that follows the published schema', () => {
    const { code, stdout, stderr } = runCli(['export', 'examples', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const articles = JSON.parse(stdout);
    expect(validate(articles)).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(6);
    const formats = new Set(articles.map((a: { source: string }) => a.source.split('.').pop()));
    expect(formats).toEqual(new Set(['txt', 'md', 'html', 'json']));
  });

  it.skipIf(!hasShared)('gives the reference article’s title, section, tags, credits and 7 paragraphs', () => {
    const { code, stdout } = runCli(['export', REFERENCE_ARTICLE, '--format', 'json']);
    expect(code).toBe(0);
    const [article] = JSON.parse(stdout);
    expect(validate([article])).toEqual([]);
    expect(article.title).toBe('China Is Backing Russia’s War Effort In Ukraine Through Defence Support, Say US Officials');
    expect(article.section).toBe('China');
    expect(article.tags).toEqual(['putin', 'vladimir putin', 'russia', 'space', 'nukes', 'china']);
    expect(article.credits).toEqual(['Reuters']);
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]).toMatch(/^Senior US officials/);
    expect(paragraphs[6]).toMatch(/^He added,/);
    expect(article.text).not.toContain('WhatsApp Channel');
  });

  it('prints JSON Lines, one valid article per line', () => {
    const { code, stdout } = runCli(['export', 'examples', '--format', 'jsonl']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(validate(lines.map((l) => JSON.parse(l)))).toEqual([]);
  });

  it('prints Markdown with YAML front matter', () => {
    const { code, stdout } = runCli(['export', 'examples/library-robot.md', '--format', 'md']);
    expect(code).toBe(0);
    const match = /^---\n([\s\S]*?)\n---\n\n# (.*)\n/.exec(stdout);
    expect(match).not.toBeNull();
    const front = parseYaml(match![1]!);
    expect(front.title).toBe('City Library Lends Out Its First Reading Robot');
    expect(front.author).toBe('Maya Lindqvist');
    expect(front.tags).toEqual(['libraries', 'technology', 'education']);
    expect(stdout).toContain('## How it works');
    expect(stdout).toContain('- twelve picture books chosen by age');
  });

  it('writes Markdown that renders as the article, whatever Markdown its links and code hold', async () => {
    // The attack: a link address with `)` injected an image, and a code block holding both
    // ``` and ~~~~ escaped its fence.
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-md-'));
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<html><head><title>Markdown Attack</title></head><body><article><h1>Markdown Attack</h1>
      <p>The council met on Monday and agreed the plan, said the mayor, who spoke for an hour about it.</p>
      <p>Read <a href="https://example.com/a)![x](https://evil.example/p.png">the plan</a> and <a href="https://example.com/b c">the notes</a> before the vote next week.</p>
      <pre><code>before\n\`\`\`\n~~~~\n# not a heading\nafter</code></pre></article></body></html>`,
    );
    const { code, stdout } = runCli(['export', '--format', 'md', page]);
    expect(code).toBe(0);
    const { marked } = await import('marked');
    const html = marked.parse(stdout.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false });
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.com/a)!%5Bx%5D(https://evil.example/p.png">the plan</a>');
    expect(html).toContain('<a href="https://example.com/b%20c">the notes</a>');
    expect(html).toContain('<pre><code>before\n```\n~~~~\n# not a heading\nafter\n</code></pre>');
  });

  it('wraps text at --width', () => {
    const { code, stdout } = runCli(['export', 'examples/night-trains.txt', '--format', 'txt', '--width', '50']);
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(50);
    expect(stdout).toContain('Night Trains Return');
  });

  it('writes one file with -o FILE and one file per article with -o DIR/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-out-'));
    const file = join(dir, 'all.json');
    expect(runCli(['export', 'examples', '-o', file]).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).length).toBeGreaterThanOrEqual(6);
    const folder = join(dir, 'each') + '/';
    expect(runCli(['export', 'examples', '--format', 'md', '-o', folder]).code).toBe(0);
    const names = readdirSync(folder);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names.every((n) => n.endsWith('.md'))).toBe(true);
    expect(names).toContain(names.find((n) => n.startsWith('city-library-lends-out-its-first-reading-robot-')));
  });

  it('reads piped stdin when no source is given, and - explicitly', () => {
    const input = 'Harbour Closed For Repairs\n\nThe harbour closed on Monday.\n\n“It will reopen soon,” the harbour master said.';
    for (const args of [['export'], ['export', '-']]) {
      const { code, stdout } = runCli(args, { input });
      expect(code).toBe(0);
      const [article] = JSON.parse(stdout);
      expect(article.title).toBe('Harbour Closed For Repairs');
      expect(article.source).toBe('stdin');
    }
  });

  it('rejects an unknown format as a usage error', () => {
    const { code, stderr } = runCli(['export', 'examples', '--format', 'pdf']);
    expect(code).toBe(64);
    expect(stderr).toMatch(/^inkwire: .*pdf/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('inkwire list', () => {
  it('prints one aligned line per article', () => {
    const { code, stdout } = runCli(['list', 'examples']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const robot = lines.find((l) => l.includes('City Library'))!;
    expect(robot).toContain('The Riverside Courier');
    expect(robot).toContain('2026-03-14');
    expect(robot).toMatch(/\d+ words +\d+ min$/);
  });

  it('prints records with --json', () => {
    const { code, stdout } = runCli(['list', 'examples', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'title', 'site', 'source', 'wordCount', 'readingMinutes']));
    }
  });
});

describe('inkwire with stdout not a terminal', () => {
  it('prints the articles as text', () => {
    const { code, stdout } = runCli(['examples/harbour-bridge-vote.txt']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Harbour Town Council Votes/);
    expect(stdout).toContain('Mayor Adaeze Okafor');
  });
});

describe('a reader that closes the pipe early (| head)', () => {
  it('ends quietly with no error', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI, ROOT } = await import('../helpers/cli.js');
    const sources = Array.from({ length: 40 }, () => 'examples');
    const child = spawn(process.execPath, [CLI, 'export', ...sources], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
