// The build swaps Ink's output.js for one that remembers rows between frames
// (scripts/ink-output.js). Both are bundled here exactly as the build bundles them, and every
// frame of a sequence must come out byte for byte the same from each: a memo that handed back
// a stale row, or keyed a row on too little, would differ on the frames after the first.
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inkOutputCache } from '../../scripts/ink-output-cache.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const INK_OUTPUT = join(ROOT, 'node_modules', 'ink', 'build', 'output.js');

type Transformer = (line: string, index: number) => string;
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

type Op =
  | { kind: 'write'; x: number; y: number; text: string; transformers?: Transformer[] }
  | { kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number }
  | { kind: 'unclip' };

interface Frame {
  width: number;
  height: number;
  ops: Op[];
}

let dir = '';
let original: OutputClass;
let patched: OutputClass;

async function bundle(entry: string, name: string, plugins: Plugin[]): Promise<OutputClass> {
  return bundleFrom<OutputClass>(entry, ROOT, name, plugins);
}

/** The default export of `entry`, resolved from `from` and bundled as the build bundles it. */
async function bundleFrom<T>(entry: string, from: string, name: string, plugins: Plugin[] = []): Promise<T> {
  const result = await build({
    stdin: { contents: `export { default } from ${JSON.stringify(entry)};`, resolveDir: from, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins,
  });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, result.outputFiles[0]!.text);
  return ((await import(pathToFileURL(file).href)) as { default: T }).default;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'inkwire-output-'));
  original = await bundle(INK_OUTPUT, 'original', []);
  patched = await bundle(INK_OUTPUT, 'patched', [inkOutputCache]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function draw(Output: OutputClass, frame: Frame): string {
  const output = new Output({ width: frame.width, height: frame.height });
  for (const op of frame.ops) {
    if (op.kind === 'write') output.write(op.x, op.y, op.text, { transformers: op.transformers ?? [] });
    else if (op.kind === 'clip') output.clip(op);
    else output.unclip();
  }
  return output.get().output;
}

/** Draws the frames in turn with both, so the stand-in's memos carry over from frame to frame. */
function expectSameFrames(frames: readonly Frame[]): string[] {
  return frames.map((frame) => {
    const expected = draw(original, frame);
    expect(draw(patched, frame)).toBe(expected);
    return expected;
  });
}

const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
const onYellow = (s: string) => `\x1b[43m\x1b[30m${s}\x1b[39m\x1b[49m`;
const underline: Transformer = (line) => `\x1b[4m${line}\x1b[24m`;
const numbered: Transformer = (line, index) => `${index}:${line}`;

/** A reader-like article: plain, coloured, highlighted, wide and over-long lines. */
const ARTICLE = Array.from({ length: 60 }, (_, i) => {
  switch (i % 6) {
    case 0:
      return `Paragraph ${i} plain words that fill a line of the reader`;
    case 1:
      return `He said ${onYellow(`“line ${i} is quoted”`)} and ${red('left')}`;
    case 2:
      return `漢字とかなの行 ${i} 😀 wide ✨ characters`;
    case 3:
      return bold(`Heading ${i}`);
    case 4:
      return '';
    default:
      return `${'x'.repeat(70)} line ${i} is wider than the box and is cut`;
  }
});

/** The frame the reader draws at `top`: a clipped text box, a sidebar beside it, a status bar. */
function readerFrame(top: number, sidebar: boolean, status: string): Frame {
  const ops: Op[] = [{ kind: 'clip', x1: 0, x2: 50, y1: 0, y2: 10 }];
  ARTICLE.slice(top, top + 10).forEach((line, i) => {
    if (line) ops.push({ kind: 'write', x: 2, y: i, text: line, transformers: i % 4 === 3 ? [underline] : [] });
  });
  ops.push({ kind: 'unclip' });
  if (sidebar) {
    for (let y = 0; y < 10; y++) ops.push({ kind: 'write', x: 52, y, text: y % 3 ? `│ quote ${y}` : red(`│ 引用 ${y}`) });
  }
  ops.push({ kind: 'write', x: 0, y: 10, text: onYellow(status) });
  return { width: 80, height: 11, ops };
}

describe('Ink output with rows remembered between frames', () => {
  it('draws a scrolled, paged and revisited reader exactly as Ink does', () => {
    const tops = [0, 0, 1, 2, 3, 12, 22, 21, 0, 30, 30, 50, 49, 0];
    const frames = tops.map((top, i) => readerFrame(top, i > 8, `${top}% · status ${i % 3}`));
    const screens = expectSameFrames(frames);
    // Scrolling changes the screen, so equal screens above are not one frame drawn again.
    expect(new Set(screens).size).toBeGreaterThan(10);
  });

  it('matches Ink for text outside the frame, taller than it, or transformed per line', () => {
    const tall = ARTICLE.slice(0, 20).join('\n');
    expectSameFrames([
      { width: 30, height: 5, ops: [{ kind: 'write', x: 0, y: 0, text: tall, transformers: [numbered] }] },
      { width: 30, height: 5, ops: [{ kind: 'write', x: 0, y: -2, text: tall }] },
      { width: 30, height: 5, ops: [{ kind: 'write', x: -3, y: 1, text: tall }] },
      { width: 30, height: 5, ops: [{ kind: 'clip', x1: 5, x2: 20, y1: 1, y2: 4 }, { kind: 'write', x: 3, y: -1, text: tall }, { kind: 'unclip' }] },
      { width: 30, height: 5, ops: [{ kind: 'write', x: 0, y: 0, text: tall, transformers: [numbered, underline] }] },
      { width: 31, height: 5, ops: [{ kind: 'write', x: 0, y: 0, text: tall, transformers: [numbered] }] },
      { width: 7.5, height: 3, ops: [{ kind: 'write', x: 0, y: 0, text: tall }] },
      { width: 0, height: 2, ops: [{ kind: 'write', x: 0, y: 0, text: tall }] },
      { width: 8, height: 3, ops: [{ kind: 'write', x: 12, y: 0, text: 'far right' }, { kind: 'write', x: 3, y: 1, text: '字字字字字字' }] },
    ]);
  });

  it('matches Ink over random frame sequences', () => {
    const piece = fc.constantFrom(
      ...['a', 'b', ' ', '字', '😀', 'é', '“', '…', '★', '│', '\u0301', '\r', '\x1b', '[', 'm', '7', ';'],
      ...['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[7m', '\x1b[27m', '\x1b[0m', '\x1b[43m', '\x1b[1;4m', '\x1b[38;5;208m', '\x1b[m'],
    );
    const text = fc.array(fc.array(piece, { maxLength: 14 }).map((p) => p.join('')), { minLength: 1, maxLength: 4 }).map((l) => l.join('\n'));
    const write = fc.record({
      kind: fc.constant('write' as const),
      x: fc.integer({ min: -3, max: 14 }),
      y: fc.integer({ min: -2, max: 6 }),
      text,
      transformers: fc.constantFrom<Transformer[]>([], [underline], [numbered]),
    });
    const clip = fc.record({
      kind: fc.constant('clip' as const),
      x1: fc.integer({ min: 0, max: 6 }),
      x2: fc.integer({ min: 4, max: 14 }),
      y1: fc.integer({ min: 0, max: 2 }),
      y2: fc.integer({ min: 2, max: 6 }),
    });
    const ops = fc.array(fc.oneof(write, write, clip, fc.constant({ kind: 'unclip' as const })), { maxLength: 8 });
    const frame = fc.record({ width: fc.constantFrom(10, 12), height: fc.constantFrom(4, 5), ops });
    // Frames drawn twice in a row, and drawn again later, are where a memo would go wrong.
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 5 }), (frames) => {
        expectSameFrames([...frames, ...frames.slice().reverse(), ...frames]);
      }),
      { numRuns: 150 },
    );
  });

  it('matches Ink for rows of one simple line, drawn without laying out cells', () => {
    const piece = fc.constantFrom('a', ' ', 'é', '“', '…', '★', '│', '·', '\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[7m', '\x1b[0m', '\x1b[1;4m', '\x1b[m');
    const line = fc.array(piece, { maxLength: 16 }).map((p) => p.join(''));
    const frame = fc.record({
      width: fc.constantFrom(0, 6, 12),
      height: fc.constant(3),
      ops: fc.array(fc.record({ kind: fc.constant('write' as const), x: fc.integer({ min: 0, max: 13 }), y: fc.integer({ min: 0, max: 2 }), text: line }), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 4 }), (frames) => {
        expectSameFrames([...frames, ...frames]);
      }),
      { numRuns: 300 },
    );
  });

  it('tokenizes simple lines per character only where each character is one grapheme and one column', async () => {
    // The character class of SIMPLE_LINE in the stand-in, every character of which must be a
    // grapheme of its own next to any other (as Intl.Segmenter, which tokenize uses, sees it)
    // and one column wide by the string-width Ink uses.
    const source = readFileSync(join(ROOT, 'scripts', 'ink-output.js'), 'utf8');
    const simple = /const SIMPLE_LINE = \/\^\(\?:(\[[^\]]+\])\|/.exec(source)?.[1];
    expect(simple).toBeDefined();
    const inClass = new RegExp(`^${simple}$`);
    const chars = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((c) => inClass.test(c));
    expect(chars.length).toBeGreaterThan(300);
    const inkStringWidth = await bundleFrom<(text: string) => number>('string-width', join(ROOT, 'node_modules', 'ink', 'build'), 'string-width');
    expect(chars.filter((c) => inkStringWidth(c) !== 1)).toEqual([]);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const joined = chars.filter((a) => {
      const pairs = chars.map((b) => a + b).join('');
      return [...segmenter.segment(pairs)].length !== pairs.length;
    });
    expect(joined).toEqual([]);
  });

  it('refuses to build against an output.js it was not written for', async () => {
    const copy = join(dir, 'node_modules', 'ink', 'build');
    mkdirSync(copy, { recursive: true });
    writeFileSync(join(copy, 'output.js'), `${readFileSync(INK_OUTPUT, 'utf8')}\n// changed\n`);
    await expect(bundle(join(copy, 'output.js'), 'changed', [inkOutputCache])).rejects.toThrow(/ink-output-cache: .* changed/);
  });
});
