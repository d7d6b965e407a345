import { textCounts, type Article } from '../article.js';
import { isCleanRun, type RunChecks } from './plain-paragraphs.js';
import { isBylineLine, isCreditLine, isFurniture, parsePlainText, readHeader } from './text.js';

// A big plain-text article told a run of paragraphs at a time: its first paragraphs kept as a
// small article for the first frame, and the rest only counted, so the header's reading time
// is the whole article's without the whole text being held. What the count leaves out is
// what parsePlainText leaves out of the body: the header, furniture, a byline and the closing
// credits. Only clean text is told this way (see isCleanRun); anything else gives up (the
// caller then reads the file whole), since the general path's line-break rules look at the
// whole text. In clean text a paragraph's words are its spaces and one, so the body's words
// are the spaces of the whole text (which the caller counts in its bytes) and its paragraphs,
// less those of the paragraphs left out.

const HEAD_PARAGRAPHS = 8;
const HEAD_CHARS = 128 * 1024;

/**
 * Longer than any furniture (160), credit or byline line: a paragraph this long is body
 * whatever it says, and is counted without being cut out of its run.
 */
const SHORT_LINE = 200;

export interface TallyOptions {
  /** The paragraphs kept for the first frame: this many at least, and this many characters. */
  headParagraphs?: number;
  headChars?: number;
}

/** Spaces and line feeds in the whole text told (every run, and the blank lines between them). */
export interface SpaceCounts {
  spaces: number;
  lineFeeds: number;
}

export class PlainTextTally {
  private readonly headParagraphs: number;
  private readonly headChars: number;
  private head: string[] = [];
  private headLength = 0;
  /** Set once the head is complete: the body's counting has begun. */
  private counting = false;
  private firstBody = true;
  private paragraphs = 0;
  /** Words of paragraphs that are not the body's: the header, furniture, the byline. */
  private leftOut = 0;
  /** Words of the body's last paragraphs that read as credits: left out if nothing follows them. */
  private trailingCredits = 0;

  constructor({ headParagraphs = HEAD_PARAGRAPHS, headChars = HEAD_CHARS }: TallyOptions = {}) {
    this.headParagraphs = headParagraphs;
    this.headChars = headChars;
  }

  /**
   * Takes a run of whole paragraphs (the text between two cuts at blank lines; `checked`:
   * what the caller checked already, see isCleanRun); false when the text is not clean
   * enough to be told this way, and the tally is then of no use.
   */
  add(run: string, checked: RunChecks = {}): boolean {
    if (!isCleanRun(run, checked)) return false;
    if (this.counting) {
      this.countRun(run);
      return true;
    }
    for (const paragraph of run.split('\n\n')) {
      this.head.push(paragraph);
      this.headLength += paragraph.length;
    }
    if (this.head.length >= this.headParagraphs && this.headLength >= this.headChars) this.startCounting();
    return true;
  }

  /**
   * The article of the first paragraphs, with the word count and reading time of the whole
   * text, whose spaces and line feeds are `counts`; null when there were too few paragraphs
   * to tell the head from the whole, or a line feed stood alone inside a paragraph.
   */
  finish(source: string, counts: SpaceCounts): Article | null {
    if (!this.counting) {
      if (this.head.length < this.headParagraphs) return null;
      this.startCounting();
    }
    // Two line feeds between each two paragraphs (no run of three: isCleanRun), so none inside one.
    if (counts.lineFeeds !== 2 * (this.paragraphs - 1)) return null;
    const words = counts.spaces + this.paragraphs - this.leftOut - this.trailingCredits;
    const article = parsePlainText(this.head.join('\n\n'), source);
    if (article.blocks.length === 0) return null;
    return { ...article, ...textCounts('', words) };
  }

  private startCounting(): void {
    this.counting = true;
    const { index } = readHeader(this.head);
    this.paragraphs += this.head.length;
    for (let i = 0; i < this.head.length; i++) {
      const paragraph = this.head[i]!;
      if (i < index) this.leftOut += wordsOf(paragraph);
      else this.body(paragraph);
    }
  }

  private countRun(run: string): void {
    for (let from = 0; from <= run.length; this.paragraphs++) {
      let end = run.indexOf('\n\n', from);
      if (end < 0) end = run.length;
      if (end - from <= SHORT_LINE) this.body(run.slice(from, end));
      else {
        // Long: neither furniture, a credit nor a byline.
        this.firstBody = false;
        this.trailingCredits = 0;
      }
      from = end + 2;
    }
  }

  /** A paragraph of the body, before furniture, the byline and credits are taken out. */
  private body(paragraph: string): void {
    if (isFurniture(paragraph)) {
      this.leftOut += wordsOf(paragraph);
      return;
    }
    if (this.firstBody) {
      this.firstBody = false;
      if (isBylineLine(paragraph)) this.leftOut += wordsOf(paragraph);
    }
    // Credits count as body until a paragraph after them shows they do not close it.
    if (isCreditLine(paragraph)) this.trailingCredits += wordsOf(paragraph);
    else this.trailingCredits = 0;
  }
}

/** The words of a paragraph of clean text: its spaces and one. */
function wordsOf(paragraph: string): number {
  let spaces = 0;
  for (let i = 0; i < paragraph.length; i++) if (paragraph.charCodeAt(i) === 32) spaces++;
  return spaces + 1;
}
