// Indirect quotes (optional): "Smith said that the plan would fail." The reported clause after
// a speech cue with a speaker, in sentences that carry no quotation marks.

import { attributeInSentence } from './attribute.js';
import type { QuoteSpan } from './spans.js';
import { sentences, tokenize } from './tokens.js';
import type { Quote } from './types.js';

export function findIndirect(_text: string, _spans: readonly QuoteSpan[], _starts: readonly number[]): Quote[] {
  void attributeInSentence;
  void sentences;
  void tokenize;
  return [];
}
