import type { Quote } from '../quotes/index.js';

export type { Quote, QuoteKind } from '../quotes/index.js';

/** The quote engine as the app uses it; injected so tests can pass their own. */
export type QuoteFinder = (text: string) => readonly Quote[];
