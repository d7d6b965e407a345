// The second thread of a batch of quotes (see quote-batch.ts): each chunk arrives as soon as
// it is full, and the worker runs the engine over every chunk it can claim before the main
// thread does, one reply per chunk.

import { parentPort } from 'node:worker_threads';
import { extractQuotes } from '../quotes/index.js';
import { claimChunk } from '../io/threads.js';
import type { ChunkReply, TextToQuote, ToThread } from './quote-batch.js';

const port = parentPort!;
let claims: Int32Array | undefined;
let indirect = false;
/** Chunks as they arrive (in order); a chunk's texts are let go once it is done. */
const chunks: Array<readonly TextToQuote[] | undefined> = [];

port.on('message', (message: ToThread) => {
  if (message.type === 'setup') {
    claims = new Int32Array(message.claims);
    indirect = message.indirect;
    return;
  }
  chunks[message.chunk] = message.texts;
  for (let c = claimChunk(claims!, chunks.length); c >= 0; c = claimChunk(claims!, chunks.length)) {
    let reply: ChunkReply;
    try {
      reply = { chunk: c, quotes: chunks[c]!.map(({ text, title }) => extractQuotes(text, { indirect, title })) };
    } catch {
      // The main thread runs the chunk again itself, so the error is reported as without a worker.
      reply = { chunk: c, quotes: null };
    }
    chunks[c] = undefined;
    port.postMessage(reply);
  }
});
