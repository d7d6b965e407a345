// Quote extraction and speaker attribution for news text: pure rules, no models.

import { runPipeline } from './pipeline.js';
import type { Quote } from './types.js';

export type { Quote, QuoteKind } from './types.js';

export interface ExtractOptions {
  /** Also report indirect quotes ("X said that …"), marked kind `indirect`. */
  indirect?: boolean;
}

/**
 * Every quotation in an article body (paragraphs joined by blank lines) with its speaker.
 * Never throws: text is hostile input, and the quote sidebar must not take a reader down.
 */
export function extractQuotes(text: string, options: ExtractOptions = {}): Quote[] {
  if (typeof text !== 'string' || text === '') return [];
  return runPipeline(text, options.indirect === true);
}
