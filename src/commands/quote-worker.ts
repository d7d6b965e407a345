// The quote engine on a second thread, for `inkwire quotes` over many articles (see
// quote-pool.ts). It takes texts as they arrive and claims each from the shared counter
// before working on it, so the main thread and this one never do the same article twice.

import { parentPort, workerData } from 'node:worker_threads';
import { extractQuotes } from '../quotes/index.js';
import type { PoolMessage, PoolResult, PoolSetup } from './quote-pool-protocol.js';

const { claims, indirect } = workerData as PoolSetup;
const next = new Int32Array(claims);
const texts = new Map<number, string>();
/** Texts below this sequence number have been dropped from `texts`. */
let dropped = 0;

/** Forgets the texts the counter has passed (claimed by either thread). */
function dropClaimed(): void {
  const upTo = Atomics.load(next, 0);
  for (; dropped < upTo; dropped++) texts.delete(dropped);
}

function work(): void {
  for (;;) {
    dropClaimed();
    const seq = Atomics.load(next, 0);
    const text = texts.get(seq);
    if (text === undefined) return;
    if (Atomics.compareExchange(next, 0, seq, seq + 1) !== seq) continue;
    const result: PoolResult = { seq, quotes: extractQuotes(text, { indirect }) };
    parentPort!.postMessage(result);
  }
}

parentPort!.on('message', (message: PoolMessage) => {
  if (message.seq >= Atomics.load(next, 0)) texts.set(message.seq, message.text);
  work();
});
