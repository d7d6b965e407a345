// The build patches linkedom so that its nodes carry no listener map until one is added and
// the class attribute is not mirrored into a token list on parse (scripts/linkedom-lean-nodes.mjs).
// linkedom is bundled here with and without the patch, exactly as the build does, and both must
// read pages, classes and events the same way, and Readability must make the same article.
import { build, type Plugin } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedomLeanNodes } from '../../scripts/linkedom-lean-nodes.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

interface Bundle {
  parseHTML: typeof import('linkedom').parseHTML;
  Readability: typeof import('@mozilla/readability').Readability;
}

let dir = '';
let original: Bundle;
let patched: Bundle;

async function bundle(name: string, plugins: Plugin[]): Promise<Bundle> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: "export { parseHTML } from 'linkedom'; export { Readability } from '@mozilla/readability';", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    plugins,
    logLevel: 'silent',
  });
  return (await import(pathToFileURL(outfile).href)) as Bundle;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inkwire-linkedom-'));
  [original, patched] = await Promise.all([bundle('original', []), bundle('patched', [linkedomLeanNodes])]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = `<!doctype html><html><head><title>Harbour notes</title></head><body>
<nav class="site-nav  top"><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article class="post entry post"><h1 class="title">Harbour notes</h1>
<p class="lead">The ferry timetable changes on Monday, when the winter service starts and the last boat leaves at nine.</p>
<p>Boats will call at the north pier only while the south pier is repaired, which the council expects to take until March.</p>
<p class="">Season tickets bought before the change stay valid, and the ticket office keeps its hours through the winter.</p>
<div class="share social"><a href="/s">Share</a></div></article></main>
<footer class="footer">Harbour Council</footer></body></html>`;

describe('linkedom as the build patches it', () => {
  it('reads every element\'s class as the unpatched linkedom does, through each way of asking', () => {
    for (const lib of [original, patched]) {
      const { document } = lib.parseHTML(page);
      const nav = document.querySelector('nav')!;
      const article = document.querySelector('article')!;
      const empty = document.querySelectorAll('p')[2]!;
      expect(nav.classList.contains('top')).toBe(true);
      expect([...article.classList]).toEqual(['post', 'entry']);
      expect(article.className.split(/\s+/)).toContain('entry');
      expect(document.querySelectorAll('.post').length).toBe(1);
      expect(document.querySelector('p.lead')?.textContent).toMatch(/^The ferry/);
      expect(empty.getAttribute('class') ?? '').toBe('');
    }
  });

  it('keeps the class attribute and classList in step through every change', () => {
    const run = (lib: Bundle) => {
      const { document } = lib.parseHTML(page);
      const el = document.querySelector('h1')!;
      const seen: unknown[] = [];
      el.classList.add('big');
      seen.push(el.getAttribute('class'), el.className);
      el.className = 'one two';
      seen.push(el.classList.contains('two'), el.getAttribute('class'));
      el.setAttribute('class', 'three');
      seen.push(el.classList.contains('three'), el.classList.contains('one'), el.className);
      el.classList.remove('three');
      seen.push(el.getAttribute('class'), el.matches('.three'));
      el.removeAttribute('class');
      seen.push(el.getAttribute('class'), el.className, el.classList.length);
      return seen;
    };
    expect(run(patched)).toEqual(run(original));
  });

  it('still delivers events to listeners, and removing one that was never added is harmless', () => {
    const { document } = patched.parseHTML(page);
    const p = document.querySelector('p')!;
    const heard: string[] = [];
    p.removeEventListener('click', () => undefined);
    document.body.addEventListener('click', (e: { type: string }) => heard.push(`body ${e.type}`));
    const own = () => heard.push('p');
    p.addEventListener('click', own);
    const { Event } = patched.parseHTML('');
    p.dispatchEvent(new Event('click', { bubbles: true }));
    p.removeEventListener('click', own);
    p.dispatchEvent(new Event('click', { bubbles: true }));
    expect(heard).toEqual(['p', 'body click', 'body click']);
  });

  it('gives Readability the same article, class-weighted, as the unpatched linkedom', () => {
    const read = (lib: Bundle) => {
      const result = new lib.Readability(lib.parseHTML(page).document as unknown as Document).parse();
      return [result?.title, result?.textContent?.replace(/\s+/g, ' ').trim()];
    };
    const [title, text] = read(patched);
    expect(title).toBe('Harbour notes');
    expect(text).toContain('Season tickets bought before the change');
    expect(text).not.toContain('Harbour Council');
    expect(read(patched)).toEqual(read(original));
  });
});
