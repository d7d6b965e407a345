import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, MANY_SOURCES, PARALLEL_MIN_CHARS, QuoteBatch, quoteBatch, type ChunkReply, type QuoteThread, type TextToQuote, type ToThread } from '../../src/commands/quote-batch.js';
import { claimChunk, spareCore } from '../../src/io/threads.js';
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

type ChunkMessage = Extract<ToThread, { type: 'chunk' }>;

/**
 * A second thread in this process: claims a chunk as every other one arrives (a worker
 * would take them as it has time) and replies on a later turn, as a worker would.
 * `loseAfter`: is lost, its last claim undone, once it has claimed that many.
 */
function standIn(options: { loseAfter?: number; failChunk?: number } = {}): { thread: QuoteThread; done: number[]; sent: ChunkMessage[] } {
  const done: number[] = [];
  const sent: ChunkMessage[] = [];
  const held: Array<readonly TextToQuote[]> = [];
  let claims: Int32Array | undefined;
  let indirect = false;
  let reply: ((r: ChunkReply) => void) | undefined;
  let lost: (() => void) | undefined;
  let stopped = false;
  const thread: QuoteThread = {
    post: (message: ToThread) => {
      if (message.type === 'setup') {
        claims = new Int32Array(message.claims);
        indirect = message.indirect;
        return;
      }
      sent.push(message);
      held[message.chunk] = message.texts;
      if (stopped || message.chunk % 2 === 1) return;
      const c = claimChunk(claims!, held.length);
      if (c < 0) return;
      done.push(c);
      setTimeout(() => {
        if (stopped) return;
        if (options.loseAfter !== undefined && done.length > options.loseAfter) {
          stopped = true;
          lost?.();
          return;
        }
        const quotes = c === options.failChunk ? null : held[c]!.map(({ text, title }) => extractQuotes(text, { indirect, title }));
        reply?.({ chunk: c, quotes });
      }, 1);
    },
    onReply: (listener) => (reply = listener),
    onLost: (listener) => (lost = listener),
    stop: () => (stopped = true),
  };
  return { thread, done, sent };
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

  it('sends the second thread runs of whole articles of about the chunk size, each once', async () => {
    const { thread, sent } = standIn();
    await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread });
    expect(sent.length).toBeGreaterThan(1);
    const chunks = new Set(sent.map((r) => r.chunk));
    expect(chunks.size).toBe(sent.length);
    for (const request of sent) {
      const chars = request.texts.reduce((n: number, t: TextToQuote) => n + t.text.length, 0);
      const last = request.texts.at(-1)!.text.length;
      // Closed by the article that reached the size (the batch's last chunk by its end).
      if (request.texts.at(-1) !== texts.at(-1)) expect(chars).toBeGreaterThanOrEqual(CHUNK_CHARS);
      expect(chars - last).toBeLessThan(CHUNK_CHARS);
      expect(texts).toContain(request.texts[0]);
    }
  });

  it('shares chunks with the second thread while articles are still coming in', async () => {
    const { thread, sent } = standIn();
    const batch = new QuoteBatch({ indirect: false, thread: () => thread });
    for (let i = 0; i < texts.length; i += 4) {
      batch.add(texts.slice(i, i + 4));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const before = sent.length;
    expect(before).toBeGreaterThan(0);
    expect(await batch.finish(fakeQuotes)).toEqual(expected);
  });

  it('starts the second thread before any article when many sources are coming, and stops it when done', async () => {
    let started = 0;
    let stopped = false;
    const { thread } = standIn();
    const batch = new QuoteBatch({ indirect: false, thread: () => (started++, { ...thread, stop: () => ((stopped = true), thread.stop()) }) });
    batch.expect(MANY_SOURCES - 1);
    expect(started).toBe(0);
    batch.expect(MANY_SOURCES);
    expect(started).toBe(1);
    batch.add(texts.slice(0, 2));
    expect(await batch.finish(fakeQuotes)).toEqual(expected.slice(0, 2));
    expect(started).toBe(1);
    expect(stopped).toBe(true);
  });

  it('keeps an empty article in its place', async () => {
    const batch = new QuoteBatch({ indirect: false, thread: () => null });
    batch.add([texts[0]!, { text: '', title: 'empty' }]);
    const got = await batch.finish(fakeQuotes);
    expect(got).toHaveLength(2);
    expect(got[1]).toEqual([]);
  });

  it('uses a second core only when one is spare, unless INKWIRE_THREADS says', () => {
    expect(spareCore(2, 0.4, null, undefined)).toBe(true);
    expect(spareCore(2, 1.2, null, undefined)).toBe(true);
    expect(spareCore(2, 1.6, null, undefined)).toBe(false);
    expect(spareCore(2, 2.5, 3, undefined)).toBe(false);
    // The average still high from a script's earlier runs, but nothing else running now.
    expect(spareCore(2, 1.8, 0, undefined)).toBe(true);
    expect(spareCore(2, 1.8, 1, undefined)).toBe(false);
    expect(spareCore(1, 0, 0, undefined)).toBe(false);
    expect(spareCore(8, 6.5, null, undefined)).toBe(true);
    expect(spareCore(2, 3, 5, '2')).toBe(true);
    expect(spareCore(8, 0, 0, '1')).toBe(false);
  });

  it('gives every article its own quotes, in order, whichever thread did it', async () => {
    const { thread, done } = standIn();
    const got = await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread });
    expect(done.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('finishes on this thread when the second one is lost half way, its claims undone', async () => {
    const { thread, done } = standIn({ loseAfter: 2 });
    const got = await quoteBatch(texts, { indirect: false, extract: fakeQuotes, thread: () => thread });
    expect(done.length).toBeGreaterThan(2);
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
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-batch-'));
  for (let i = 0, total = 0; total < PARALLEL_MIN_CHARS + 100_000; i++) {
    const body = `Harbour report ${i}\n\n${article(i, 12 + (i % 5) * 10)}\n`;
    total += body.length;
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), body);
  }
  /** The run's output and how many threads it profiled (one CPU profile per thread). */
  function quotes(threads: string, format: string): { stdout: string; threads: number } {
    const profiles = mkdtempSync(join(tmpdir(), 'inkwire-profiles-'));
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, CLI, 'quotes', dir, format], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, INKWIRE_THREADS: threads },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return { stdout: run.stdout, threads: readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length };
  }

  it('prints on two threads what it prints on one, in the files’ order', () => {
    const one = quotes('1', '--json');
    const two = quotes('2', '--json');
    expect(one.threads).toBe(1);
    expect(two.threads).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    const all = JSON.parse(two.stdout) as { source: string; quotes: unknown[] }[];
    expect(all.map((a) => a.source)).toEqual(readdirSync(dir).sort().map((f) => join(dir, f)));
    expect(all.reduce((n, a) => n + a.quotes.length, 0)).toBeGreaterThan(1000);
    expect(quotes('2', '--csv').stdout).toBe(quotes('1', '--csv').stdout);
  });

  it('prints the same people on two threads as on one', () => {
    const people = (threads: string) => runCli(['people', dir, '--json'], { env: { INKWIRE_THREADS: threads } });
    const one = people('1');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).not.toHaveLength(0);
    expect(people('2').stdout).toBe(one.stdout);
  });
});
