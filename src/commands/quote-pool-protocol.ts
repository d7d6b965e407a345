// Messages between the quote pool and its worker thread.

import type { Quote } from '../quotes/index.js';

export interface PoolSetup {
  /** One Int32: the sequence number of the next text to claim, shared by both threads. */
  claims: SharedArrayBuffer;
  indirect: boolean;
}

/** A text for the worker, numbered in the order it reached the pool. */
export interface PoolMessage {
  seq: number;
  text: string;
}

export interface PoolResult {
  seq: number;
  quotes: Quote[];
}
