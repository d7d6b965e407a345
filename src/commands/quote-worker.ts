// The second thread of a batch of quotes (see quote-batch.ts): runs the engine over the
// chunks of articles it is sent, one reply per chunk, in the order asked.

import { parentPort } from 'node:worker_threads';
import { extractQuotes } from '../quotes/index.js';
import type { ChunkReply, ChunkRequest } from './quote-batch.js';

const port = parentPort!;

port.on('message', (request: ChunkRequest) => {
  let reply: ChunkReply;
  try {
    const quotes = request.texts.map(({ text, title }) => extractQuotes(text, { indirect: request.indirect, title }));
    reply = { chunk: request.chunk, quotes };
  } catch {
    // The main thread runs the chunk again itself, so the error is reported as without a worker.
    reply = { chunk: request.chunk, quotes: null };
  }
  port.postMessage(reply);
});
port.postMessage({ chunk: -1, quotes: null } satisfies ChunkReply);
