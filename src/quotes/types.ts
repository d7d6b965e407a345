// The public record of one quotation (see index.ts for the API).

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** One stretch of the speaker's words: a verbatim slice of the text, marks excluded. */
export interface QuotePart {
  text: string;
  /** UTF-16 offsets into the text; `text` is exactly `text.slice(start, end)`. */
  start: number;
  end: number;
}

export interface Quote {
  /**
   * The quoted words without the quotation marks: the parts joined with ` … ` (the words
   * between them, an attribution or a paragraph break, left out), so it is never presented
   * as one string the article does not contain.
   */
  text: string;
  /** The quoted stretches in text order: one, or several for an interrupted or multi-paragraph quote. */
  parts: QuotePart[];
  /** Resolved speaker: a full name, an organisation or an unnamed source as written; null if unknown. */
  speaker: string | null;
  /** The speaker as written next to the quote ("he", "said Nostrand"'s "Nostrand"); null if none. */
  mention: string | null;
  /** The speaker's role or title when the mention gives one with a name; else null. */
  role: string | null;
  /** The reporting cue as written ("said", "according to", ":"); null if none. */
  cue: string | null;
  kind: QuoteKind;
  /** 0-based index of the paragraph (blank-line separated block) where the quote starts. */
  paragraph: number;
  /** Character offsets into the text: the quoted words, marks excluded; end is exclusive. */
  start: number;
  end: number;
}
