import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkRanges, PARALLEL_MIN_CHARS, quoteBatch, type ChunkReply, type ChunkRequest, type QuoteThread, type TextToQuote } from '../../src/commands/quote-batch.js';
import { extractQuotes } from '../../src/quotes/index.js';
import { CLI, runCli } from '../helpers/cli.js';

// `inkwire quotes` and `inkwire people` run the engine on a second thread when the batch is
// big (src/commands/quote-batch.ts). Whatever thread did which article, the output must be
// what one thread gives, in the articles' order.

const SPEAKERS = ['Mara Quell', 'Tobias Ferren', 'Ines Calloway', 'the harbour authority', 'Dr. Osei Brandt'];

/** A news-like article of about `paragraphs` × 330 characters, different for each `seed`. */
function article(seed: number, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const who = SPEAKERS[(seed + p) % SPEAKERS.length]!;
    const n = seed * 100 + p;
    out.push(
      p % 3 === 0
        ? `"The ferry schedule for route ${n} will change in spring," ${who} said on Tuesday. "We listened to the riders and we heard them," ${who.split(' ').at(-1)} added, before the council met again to vote on the plan.`
        : p % 3 === 1
          ? `${who} told reporters that the budget for line ${n} was not settled. "Nothing is decided until the last vote," she said. The council is expected to meet on Thursday, when the figures for the year are due.`
          : `Riders on route ${n} waited for hours as the storm closed the harbour, and the operator said it would publish a new timetable within a week. "It was a long night for everyone," said one rider, who asked not to be named.`,
    );
  }
  return out.join('\n\n');
}

const fakeQuotes = (text: string, title: string): ReturnType<typeof extractQuotes> => extractQuotes(text, { title });

/** A second thread in this process: replies on a later turn, as a worker would. */
function standIn(options: { loseAfter?: number; failChunk?: number } = {}): { thread: QuoteThread; done: number[] } {
  const done: number[] = [];
  let reply: ((r: ChunkReply) => void) | undefined;
  let lost: (() => void) | undefined;
  let stopped = false;
  const thread: QuoteThread = {
    post: (request: ChunkRequest) => {
      setTimeout(() => {
        if (stopped) return;
        if (options.loseAfter !== undefined && done.length >= options.loseAfter) {
          stopped = true;
          lost?.();
          return;
        }
        done.push(request.chunk);
        const quotes = request.chunk === options.failChunk ? null : request.texts.map(({ text, title }) => extractQuotes(text, { indirect: request.indirect, title }));
        reply?.({ chunk: request.chunk, quotes });
      }, 1);
    },
    onReply: (listener) => {
      reply = listener;
      setTimeout(() => listener({ chunk: -1, quotes: null }), 0);
    },
    onLost: (listener) => (lost = listener),
    stop: () => (stopped = true),
  };
  return { thread, done };
}

function batchTexts(): TextToQuote[] {
  // Just over the size that brings in a second thread, in articles of varied lengths.
  const texts: TextToQuote[] = [];
  let total = 0;
  for (let i = 0; total < PARALLEL_MIN_CHARS + 50_000; i++) {
    const text = article(i, 10 + (i % 7) * 12);
    texts.push({ text, title: `Report ${i}` });
    total += text.length;
  }
  return texts;
}

describe('a batch of quotes on two threads', () => {
  const texts = batchTexts();
  const expected = texts.map(({ text, title }) => fakeQuotes(text, title));

  it('cuts the batch into runs of whole articles of about the chunk size, covering every article once', () => {
    expect(chunkRanges([10, 10, 10, 10, 10], 20)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    expect(chunkRanges([100, 1, 1], 20)).toEqual([
      [0, 1],
      [1, 3],
    ]);
    expect(chunkRanges([], 20)).toEqual([]);
  });

  it('gives every article its own quotes, in order, whichever thread did it', async () => {
    const { thread, done } = standIn();
    const got = await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread });
    expect(done.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('finishes on this thread when the second one is lost half way', async () => {
    const { thread, done } = standIn({ loseAfter: 2 });
    const got = await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread });
    expect(done).toHaveLength(2);
    expect(got).toEqual(expected);
  });

  it('does here a chunk the second thread could not do', async () => {
    const { thread } = standIn({ failChunk: 1 });
    expect(await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread })).toEqual(expected);
  });

  it('asks for no second thread for a small batch', async () => {
    let asked = false;
    const small = texts.slice(0, 3);
    const got = await quoteBatch(small, { indirect: false, extract: fakeQuotes, thread: () => ((asked = true), null) });
    expect(asked).toBe(false);
    expect(got).toEqual(expected.slice(0, 3));
  });
});

describe('inkwire quotes over a big folder', () => {
  // Two halves, each too small for a second thread, and the whole folder, which gets one.
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-batch-'));
  const halves = [mkdtempSync(join(tmpdir(), 'inkwire-batch-a-')), mkdtempSync(join(tmpdir(), 'inkwire-batch-b-'))];
  const size = PARALLEL_MIN_CHARS + 100_000;
  for (let i = 0, total = 0; total < size; i++) {
    const body = `Harbour report ${i}\n\n${article(i, 12 + (i % 5) * 10)}\n`;
    total += body.length;
    const name = `${String(i).padStart(3, '0')}.txt`;
    writeFileSync(join(dir, name), body);
    writeFileSync(join(halves[total < size / 2 ? 0 : 1]!, name), body);
  }

  it('prints what the halves print one thread each, in the files’ order', () => {
    const whole = runCli(['quotes', dir, '--json']);
    expect(whole.stderr).toBe('');
    expect(whole.code).toBe(0);
    const parts = halves.map((half) => runCli(['quotes', half, '--json']));
    const joined = parts.flatMap((p) => JSON.parse(p.stdout) as { source: string; quotes: unknown[] }[]);
    const all = JSON.parse(whole.stdout) as { source: string; quotes: unknown[] }[];
    expect(all).toHaveLength(readdirSync(dir).length);
    expect(all.map((a) => a.quotes)).toEqual(joined.map((a) => a.quotes));
    expect(all.reduce((n, a) => n + a.quotes.length, 0)).toBeGreaterThan(1000);
  });

  it.runIf(availableParallelism() >= 2)('runs a second thread for it (one CPU profile per thread)', () => {
    const profiles = mkdtempSync(join(tmpdir(), 'inkwire-profiles-'));
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, CLI, 'quotes', dir, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(run.status).toBe(0);
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(2);
  });
});
