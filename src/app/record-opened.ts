import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article } from '../article.js';
import type { RecordReply, RecordSetup } from '../library/record-worker.js';
import { toColumns } from '../library/records.js';

// The interface's side of src/library/record-worker.ts: articles go to the thread as their
// rows (toColumns), one at a time, and quitting waits (briefly) for those still on their way.

export interface OpenedRecorder {
  /** Resolves with null once kept, else with the reason it was not. */
  record(article: Article): Promise<string | null>;
  /** Waits up to `ms` for the articles still being written, then stops the thread. */
  settle(ms: number): Promise<void>;
}

/** Where the built worker is; absent when running from source (tests): then null. */
function workerFile(): string | null {
  const file = fileURLToPath(new URL('../library/record-worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

export function openedRecorder(path: string, inThread: (article: Article) => Promise<void>): OpenedRecorder {
  let worker: Worker | null = null;
  const waiting: Array<(reason: string | null) => void> = [];
  const pending = new Set<Promise<string | null>>();
  const start = (file: string) => {
    const started = new Worker(file, { workerData: { path } satisfies RecordSetup });
    // Never what keeps the process alive: settle() is what waits for it.
    started.unref();
    started.on('message', (reply: RecordReply) => waiting.shift()?.(reply.error ?? reply.warnings[0] ?? null));
    started.on('error', (error) => {
      for (const done of waiting.splice(0)) done(error.message);
      worker = null;
    });
    return started;
  };
  return {
    record(article) {
      const file = workerFile();
      if (!file) return inThread(article).then(() => null, (error: unknown) => (error instanceof Error ? error.message : String(error)));
      worker ??= start(file);
      const answer = new Promise<string | null>((resolve) => waiting.push(resolve));
      pending.add(answer);
      void answer.then(() => pending.delete(answer));
      worker.postMessage(toColumns(article));
      return answer;
    },
    async settle(ms) {
      if (!worker) return;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
      await Promise.race([Promise.all(pending), late]);
      clearTimeout(timer);
      await worker.terminate();
      worker = null;
    },
  };
}
