import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('writes every article of a run to a file of its own with -o DIR/, and lists them on stdout', () => {
    // The attack: 12 articles in, 10 files out, exit 0. Two articles shared a title and the
    // first 8 hex digits of their ids (found by search), and one article came twice.
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-dir-'));
    const records = [
      ...Array.from({ length: 8 }, (_, i) => ({ title: `Story number ${i + 1}`, body: `The body of story ${i + 1}, in plain words.` })),
      { title: 'Harbour Ferry Timetable Changes', body: 'The ferry timetable changes on Monday, notice 19622.' },
      { title: 'Harbour Ferry Timetable Changes', body: 'The ferry timetable changes on Monday, notice 40528.' },
      { title: 'The Same Story Twice', body: 'Sent by two feeds.' },
      { title: 'The Same Story Twice', body: 'Sent by two feeds.' },
    ];
    const input = join(dir, 'articles.json');
    writeFileSync(input, JSON.stringify(records));
    const out = join(dir, 'out') + '/';
    const first = runCli(['export', input, '--format', 'md', '-o', out]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const listed = first.stdout.trimEnd().split('\n');
    expect(listed).toHaveLength(12);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(12);
    expect(listed.map((path) => path.slice(out.length)).sort()).toEqual(names);
    const ferries = names.filter((n) => n.startsWith('harbour-ferry-timetable-changes-'));
    expect(ferries).toHaveLength(2);
    expect(ferries.map((n) => n.slice(32, 40))).toEqual(['e6315c2b', 'e6315c2b']);
    expect(names.filter((n) => n.startsWith('the-same-story-twice-')).map((n) => n.replace(/[0-9a-f]{16}/, 'ID'))).toEqual(['the-same-story-twice-ID-2.md', 'the-same-story-twice-ID.md']);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+-[0-9a-f]{16}(?:-2)?\.md$/);

    // Again into the same folder: the same names, each file replaced by its new export.
    writeFileSync(join(out, names[0]!), 'edited by hand');
    const again = runCli(['export', input, '--format', 'md', '-o', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readdirSync(out).sort()).toEqual(names);
    expect(readFileSync(join(out, names[0]!), 'utf8')).toMatch(/^---\ntitle: /);
  });

  it('names files by the whole id and a slug that keeps other scripts and stays short', async () => {
    const { fileNameFor } = await import('../../src/export/write.js');
    expect(fileNameFor('Café Naïve: Ünïcode Über Alles!', '0123456789abcdef', 'md')).toBe('cafe-naive-unicode-uber-alles-0123456789abcdef.md');
    expect(fileNameFor('東京の新しい橋', 'ffffffffffffffff', 'txt')).toBe('東京の新しい橋-ffffffffffffffff.txt');
    expect(fileNameFor('!!!', '0000000000000000', 'json')).toBe('article-0000000000000000.json');
    expect(fileNameFor('Harbour Town Council Votes To Rebuild The Old Swing Bridge After Decades Of Delay', 'a6b9ae53d48e07dc', 'md')).toBe(
      'harbour-town-council-votes-to-rebuild-the-old-swing-bridge-a6b9ae53d48e07dc.md',
    );
    const long = fileNameFor('𝒜'.repeat(100), '0123456789abcdef', 'jsonl');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(long.isWellFormed()).toBe(true);
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

/** A tmpfs mounted for the test (Linux, as root), or null with the reason printed. */
function mountTmpfs(options: string, purpose: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-mnt-'));
  const mounted = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
  if (!mounted) console.log(`skipping the ${purpose} test with a real file system: it mounts a tmpfs, which needs Linux and root`);
  return mounted ? dir : null;
}

describe('inkwire export -o when the disk says no', () => {
  const full = mountTmpfs('size=64k', 'full-disk');
  const readOnly = mountTmpfs('ro,size=64k', 'read-only');
  afterAll(() => {
    for (const dir of [full, readOnly]) if (dir) spawnSync('umount', [dir]);
  });

  it.skipIf(!full)('on a full disk: one line, exit 74, and no partial or temporary file left', () => {
    const filler = join(full!, 'filler');
    // Fill the disk to the last block.
    for (let size = 64 * 1024; size >= 512; size = Math.floor(size / 2)) {
      try {
        appendFileSync(filler, Buffer.alloc(size, 120));
      } catch {
        // ENOSPC: try a smaller piece
      }
    }
    const out = join(full!, 'out') + '/';
    mkdirSync(out);
    const { code, stdout, stderr } = runCli(['export', 'examples', '-o', out]);
    expect(code).toBe(74);
    expect(stderr).toMatch(new RegExp(`^inkwire: ${out}[a-z0-9-]+-[0-9a-f]{16}\\.json: cannot write \\(no space left on the disk\\)\n$`));
    expect(readdirSync(out)).toEqual(stdout ? stdout.trimEnd().split('\n').map((p) => p.slice(out.length)) : []);
    const one = runCli(['export', 'examples/night-trains.txt', '-o', join(full!, 'one.json')]);
    expect(one.code).toBe(74);
    expect(one.stderr).toBe(`inkwire: ${join(full!, 'one.json')}: cannot write (no space left on the disk)\n`);
    expect(readdirSync(full!).sort()).toEqual(['filler', 'out']);
  });

  it.skipIf(!readOnly)('into a read-only folder: one line that says so, not ENOENT', () => {
    const sub = join(readOnly!, 'sub') + '/';
    const created = runCli(['export', 'examples', '-o', sub]);
    expect(created.code).toBe(74);
    expect(created.stderr).toBe(`inkwire: ${sub}: cannot create folder (read-only file system)\n`);
    const into = runCli(['export', 'examples', '-o', `${readOnly}/`]);
    expect(into.code).toBe(74);
    expect(into.stderr).toMatch(/: cannot write \(read-only file system\)\n$/);
    expect(into.stderr.split('\n')).toHaveLength(2);
  });

  it.skipIf(process.getuid?.() === 0)('into a folder without write permission: permission denied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-ro-'));
    chmodSync(dir, 0o555);
    const { code, stderr } = runCli(['export', 'examples', '-o', `${dir}/`]);
    expect(code).toBe(74);
    expect(stderr).toMatch(/: cannot write \(permission denied\)\n$/);
  });

  it('leaves no temporary file when the last step fails, and the folder in the way as it was', async () => {
    const { writeFileAtomic } = await import('../../src/export/write.js');
    const dir = mkdtempSync(join(tmpdir(), 'inkwire-fail-'));
    mkdirSync(join(dir, 'taken.json', 'inside'), { recursive: true });
    await expect(writeFileAtomic(join(dir, 'taken.json'), '{}')).rejects.toMatchObject({ reason: expect.stringMatching(/^cannot write \((is a folder|not a folder|ENOTEMPTY)\)$/), exitCode: 74 });
    expect(readdirSync(dir)).toEqual(['taken.json']);
    expect(readdirSync(join(dir, 'taken.json'))).toEqual(['inside']);
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
