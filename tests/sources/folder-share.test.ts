import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/article.js';
import { claimChunk } from '../../src/io/threads.js';
import { CHUNK_FILES, FolderShare, type FileOutcome, type FolderChunkReply, type FolderJob, type FolderThread } from '../../src/sources/folder-share.js';
import { SHARED_MIN_FILES, loadSummaries, summarizedFolderFile, type FolderHelper, type SourceOutcome } from '../../src/sources/load.js';

// A big folder's files shared with a second thread (src/sources/folder-share.ts), the thread
// played here by a stand-in on this one that claims chunks from the same counter between
// turns of the event loop. Whatever it took, and even when it is lost halfway, the load gives
// what it gives alone: the same summaries in the files' order, failures and warnings.

const FILES = SHARED_MIN_FILES + 700;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inkwire-share-'));
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `part-${Math.floor(i / 2000)}`);
    if (i % 2000 === 0) mkdirSync(sub);
    const name = join(sub, `n-${String(i).padStart(5, '0')}`);
    if (i % 613 === 1) writeFileSync(`${name}.txt`, '   \n');
    else if (i % 911 === 2) writeFileSync(`${name}.txt`, Buffer.from(`Caf\xe9 ${i}\n\nA caf\xe9 by the quay.\n`, 'latin1'));
    else if (i % 3 === 0) writeFileSync(`${name}.md`, `# Note ${i}\n\nMarkdown, number ${i}.\n`);
    else writeFileSync(`${name}.txt`, `Note ${i}\n\nThe boats went out at ${i % 24}.\n`);
  }
  return dir;
}

/** A thread on this one: a chunk per turn of the event loop; lost (silently, mid-chunk) after `lostAfter` chunks. */
function standIn(lostAfter = Infinity): FolderThread & { took: number } {
  let reply: ((r: FolderChunkReply) => void) | undefined;
  let lost: (() => void) | undefined;
  let stopped = false;
  const thread = {
    took: 0,
    start(job: FolderJob) {
      const claims = new Int32Array(job.claims);
      const chunks = Math.ceil(job.paths.length / CHUNK_FILES);
      const step = async (): Promise<void> => {
        if (stopped) return;
        const chunk = claimChunk(claims, chunks);
        if (chunk < 0) return;
        if (thread.took++ >= lostAfter) {
          stopped = true;
          return lost?.();
        }
        const outcomes: FileOutcome[] = [];
        for (let r = chunk * CHUNK_FILES; r < Math.min(job.paths.length, (chunk + 1) * CHUNK_FILES); r++) {
          outcomes.push(await summarizedFolderFile(job.paths[r]!, job.maxBytes, job.timeoutMs));
        }
        reply?.({ chunk, outcomes });
        setImmediate(step);
      };
      setImmediate(step);
    },
    onReply: (listener: (r: FolderChunkReply) => void) => void (reply = listener),
    onLost: (listener: () => void) => void (lost = listener),
    stop: () => void (stopped = true),
  };
  return thread;
}

function helperWith(thread: FolderThread): FolderHelper & { warmed: boolean } {
  const helper = {
    warmed: false,
    warm: () => void (helper.warmed = true),
    share: (job: Omit<FolderJob, 'claims'>, onOutcome: (rank: number, outcome: FileOutcome) => void) => new FolderShare(job, thread, onOutcome),
    cancel: () => thread.stop(),
  };
  return helper;
}

async function load(dir: string, helper?: FolderHelper) {
  const seen: ArticleSummary[] = [];
  const onSource = (outcome: SourceOutcome<ArticleSummary>) => {
    if ('articles' in outcome) seen.push(...outcome.articles);
  };
  const result = await loadSummaries([dir], { onSource, inOrder: true }, helper);
  return { seen, ...result };
}

describe('a big folder shared with a second thread', () => {
  const dir = folder();

  it('gives what one thread gives, with the thread taking part', async () => {
    const alone = await load(dir);
    const thread = standIn();
    const helper = helperWith(thread);
    const shared = await load(dir, helper);
    expect(helper.warmed).toBe(true);
    expect(thread.took).toBeGreaterThan(0);
    expect(shared.seen).toEqual(alone.seen);
    expect(shared.articles).toEqual(alone.articles);
    expect(shared.failures).toEqual(alone.failures);
    expect(shared.warnings).toEqual(alone.warnings);
    expect(alone.failures.length).toBeGreaterThan(0);
    expect(alone.warnings.length).toBeGreaterThan(0);
    expect(alone.seen).toHaveLength(alone.articleCount);
  });

  it('reads here what a lost thread had claimed and not sent', async () => {
    const alone = await load(dir);
    const thread = standIn(2);
    const shared = await load(dir, helperWith(thread));
    expect(thread.took).toBe(3);
    expect(shared.seen).toEqual(alone.seen);
    expect(shared.failures).toEqual(alone.failures);
    expect(shared.warnings).toEqual(alone.warnings);
  });

  it('does not share a folder smaller than SHARED_MIN_FILES', async () => {
    const small = mkdtempSync(join(tmpdir(), 'inkwire-share-small-'));
    for (let i = 0; i < 40; i++) writeFileSync(join(small, `${i}.txt`), `Note ${i}\n\nA short note.\n`);
    let shared = false;
    const helper: FolderHelper = { warm: () => undefined, share: () => ((shared = true), null), cancel: () => undefined };
    const result = await load(small, helper);
    expect(shared).toBe(false);
    expect(result.seen).toHaveLength(40);
  });
});
