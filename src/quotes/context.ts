// The words around a quote that tell a quotation from a title, a name or a term: what
// stands right before the opening mark (a work noun, a naming verb, a voicing verb) and
// right after the closing one (a byline). Pure tests on short slices of text.

/**
 * Words before a title-case quote that make it the name of a work or a programme: "on
 * MSNBC’s “Morning Joe”", "told “Fox and Friends”", "her memoir, “Tough Choices.”" (a
 * work noun may take its title as an appositive after a comma).
 */
const TITLE_BEFORE =
  /(?:['\u2019]s|\b(?:on|at|of|the|in|from|titled|entitled|told)|\b(?:show|program|programme|book|memoir|novel|film|movie|documentary|series|song|album|play|musical|podcast|column|op-ed|editorial|essay|ad|video)\s*,?)\s*$/i;

/** A voicing verb or noun right before the quote: "chanted “…”", "cries of “…”". */
const VOICED_BEFORE = /\b(?:chant(?:s|ed|ing)?|shout(?:s|ed|ing)?|yell(?:s|ed|ing)?|scream(?:s|ed|ing)?|cr(?:y|ies|ied|ying)|s(?:ing|ings|ang|inging))(?:\s+of)?\s*,?\s*$/i;

/**
 * A naming verb, or "as", right before the quote, with an optional article, and a naming
 * verb with its object ("called Rubio a “…”"); "so-called" distances the writer from a
 * term instead (a scare quote).
 */
const NAMING_BEFORE =
  /(?<!\bso[-\s])\b(?:called|named|dubbed|nicknamed|titled|entitled|labell?ed|as|(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|nam(?:e|es|ed|ing))\s+(?!(?:for|on|off|in|out|up|to|it|this|that)\b)(?:[\p{L}\u2019'.-]+\s+){1,3}?)\s*(?:(?:the|a|an)\s+)?$/iu;

/** A work noun and a comma right before the quote: the quote is its title in apposition. */
const WORK_APPOSITIVE =
  /\b(?:show|program|programme|book|memoir|novel|film|movie|documentary|series|song|album|play|musical|podcast|column|op-ed|editorial|essay|ad|video|commentary|article|headline|poem)\s*,\s*$/i;

/** A noun for words, or a verb of inscription, right before the quote. */
const WORDS_BEFORE = /\b(?:terms?|words?|phrases?|slogans?|mottos?|messages?|hashtags?|catchphrases?|read|reads|reading)\s*[:,]?\s*$/i;

/** ‘“…,” by Times’ Ann Lee’: a quoted headline with its byline, the title of a piece. */
const BYLINE_AFTER = /^\s*,?\s*by\s+(?:the\s+)?\p{Lu}/u;

export function bylined(text: string, quoted: string, close: number): boolean {
  const after = text.slice(close, close + 40);
  return (quoted.endsWith(',') || after.trimStart().startsWith(',')) && BYLINE_AFTER.test(after);
}

export const titleContext = (before: string): boolean => TITLE_BEFORE.test(before);
export const voiced = (before: string): boolean => VOICED_BEFORE.test(before);
export const naming = (before: string): boolean => NAMING_BEFORE.test(before);
export const workAppositive = (before: string): boolean => WORK_APPOSITIVE.test(before);
export const wordsAsWords = (before: string): boolean => WORDS_BEFORE.test(before);
