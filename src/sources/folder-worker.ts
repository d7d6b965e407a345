// The second thread of a big folder (see folder-share.ts): it claims chunks of the folder's
// files until none is left, reads and summarizes each file as the main thread would, and
// sends each chunk's outcomes back in one message. It then has nothing left and ends.

import { parentPort } from 'node:worker_threads';
import { claimChunk } from '../io/threads.js';
import { loadFolderParsers } from '../parse/detect.js';
import { CHUNK_FILES, type FileOutcome, type FolderChunkReply, type FolderJob } from './folder-share.js';
import { summarizedFolderFile } from './load.js';

const port = parentPort!;

// The parsers load while the main thread still walks the folder.
const ready = loadFolderParsers();
port.once('message', (job: FolderJob) => {
  void ready.then(() => read(job));
});

async function read({ paths, claims, maxBytes, timeoutMs }: FolderJob): Promise<void> {
  const counter = new Int32Array(claims);
  const chunks = Math.ceil(paths.length / CHUNK_FILES);
  for (let chunk = claimChunk(counter, chunks); chunk >= 0; chunk = claimChunk(counter, chunks)) {
    const outcomes: FileOutcome[] = [];
    for (let rank = chunk * CHUNK_FILES; rank < Math.min(paths.length, (chunk + 1) * CHUNK_FILES); rank++) {
      const outcome = summarizedFolderFile(paths[rank]!, maxBytes, timeoutMs);
      outcomes.push(outcome instanceof Promise ? await outcome : outcome);
    }
    port.postMessage({ chunk, outcomes } satisfies FolderChunkReply);
  }
}
