// A worker thread of `inkwire quotes` over many articles (see parallel.ts): it finds the
// quotes of each batch of texts it is sent and sends them back in the same order.

import { parentPort } from 'node:worker_threads';
import { extractQuotes, type Quote } from './index.js';

export interface Batch {
  id: number;
  texts: string[];
  indirect: boolean;
}

export interface BatchResult {
  id: number;
  quotes: Quote[][];
}

parentPort?.on('message', ({ id, texts, indirect }: Batch) => {
  const quotes = texts.map((text) => {
    try {
      return extractQuotes(text, { indirect });
    } catch {
      // One article the engine cannot read gives no quotes, not a lost batch.
      return [];
    }
  });
  parentPort!.postMessage({ id, quotes } satisfies BatchResult);
});
