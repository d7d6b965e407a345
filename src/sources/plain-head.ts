import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import type { Article } from '../article.js';
import { formatFromPath } from '../parse/detect.js';
import { PlainTextTally, type SpaceCounts } from '../parse/plain-tally.js';
import { isSpaceCode } from '../text/spaces.js';
import { utf16Layout } from './decode.js';
import { sourceLimit } from './files.js';

// The first frame of a big plain-text file, without holding the file: it is read a chunk at a
// time, each decoded, checked and counted (see plain-tally.ts), and only its first paragraphs
// are kept. Holding a 20 MB file and its text would take twice its size beside Node's own
// memory; this takes a chunk. The reader then reads the file whole, after the first frame.

/** Files smaller than this are read whole before the first frame: they take milliseconds. */
export const HEAD_FIRST_BYTES = 4 * 1024 * 1024;
const CHUNK = 64 * 1024;
/** A paragraph longer than this (no blank line in it) is not the layout this path is for. */
const MAX_PARAGRAPH = 4 * 1024 * 1024;

/**
 * The article of a big plain-text file's first paragraphs, with the reading time of the whole;
 * null when the file is not one (small, another format, not clean UTF-8 text, over the limit,
 * unreadable): the caller then reads it the usual way, which reports any failure.
 */
export function readPlainTextHead(path: string, maxBytes: number): Article | null {
  if (formatFromPath(path) !== 'text') return null;
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size < HEAD_FIRST_BYTES) return null;
    const limit = sourceLimit(maxBytes);
    if (info.size > limit) return null;
    const buffer = Buffer.allocUnsafe(CHUNK);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const tally = new PlainTextTally();
    const counts: ByteCounts = { spaces: 0, lineFeeds: 0, before: 0, beforeThat: 0 };
    let carry = '';
    // Whether the bytes of the carry were ASCII without controls.
    let carryAscii = true;
    let total = 0;
    let first = true;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      total += read;
      if (total > limit) return null;
      const bytes = buffer.subarray(0, read);
      const ascii = countBytes(bytes, counts);
      if (ascii === null) return null;
      // ASCII (most chunks of most English text) is copied, not decoded; a sequence the decoder
      // holds unfinished cannot go on in ASCII, and flushing it then throws, as it should.
      let text = ascii ? (decoder.decode(), buffer.toString('latin1', 0, read)) : decoder.decode(bytes, { stream: true });
      if (first) {
        first = false;
        // A byte-order mark, UTF-16 or NUL bytes: decodeBytes and the binary check decide those.
        if (text.charCodeAt(0) === 0xfeff || bytes.includes(0) || utf16Layout(bytes) !== undefined) return null;
        const trimmed = trimStart(text);
        uncount(text.slice(0, text.length - trimmed.length), counts);
        text = trimmed;
        if (text === '') return null;
      }
      text = carry + text;
      const cut = text.lastIndexOf('\n\n');
      if (cut < 0) {
        carry = text;
        carryAscii &&= ascii;
        if (carry.length > MAX_PARAGRAPH) return null;
        continue;
      }
      if (!tally.add(text.slice(0, cut), { spacing: true, ascii: carryAscii && ascii })) return null;
      carry = text.slice(cut + 2);
      carryAscii = ascii;
    }
    const last = carry + decoder.decode();
    const rest = trimEnd(last);
    uncount(last.slice(rest.length), counts);
    if (rest !== '' && !tally.add(rest, { spacing: true })) return null;
    return tally.finish(path, counts);
  } catch {
    // Invalid UTF-8 (the fatal decoder), a read error: the usual path says what is wrong.
    return null;
  } finally {
    closeSync(fd);
  }
}

/** White space cleanSplit trims from the text's ends (VT, FF and CR make it unclean anyway). */
function isTrimmed(code: number): boolean {
  return isSpaceCode(code) && (code < 11 || code > 13);
}

function trimStart(text: string): string {
  let start = 0;
  while (start < text.length && isTrimmed(text.charCodeAt(start))) start++;
  return text.slice(start);
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isTrimmed(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Spaces and line feeds counted so far, and the last two bytes counted. */
interface ByteCounts extends SpaceCounts {
  before: number;
  beforeThat: number;
}

/**
 * Adds the spaces and line feeds among the bytes to `counts` (in UTF-8 those bytes are only
 * ever those characters), checking the spacing isCleanRun would (no space beside a space or
 * a line feed, no three line feeds in a row) in the same pass; null when it is not clean,
 * else whether the bytes are ASCII without controls other than line feeds.
 */
function countBytes(bytes: Uint8Array, counts: ByteCounts): boolean | null {
  let spaces = 0;
  let lineFeeds = 0;
  let plain = true;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i]!;
    if (byte > 32 && byte < 127) continue;
    if (byte === 32 || byte === 10) {
      const before = i > 0 ? bytes[i - 1]! : counts.before;
      if (before === 32 || (byte === 32 && before === 10)) return null;
      if (byte === 32) spaces++;
      else {
        if (before === 10 && (i > 1 ? bytes[i - 2]! : i === 1 ? counts.before : counts.beforeThat) === 10) return null;
        lineFeeds++;
      }
    } else plain = false;
  }
  if (n > 1) counts.beforeThat = bytes[n - 2]!;
  else if (n === 1) counts.beforeThat = counts.before;
  if (n > 0) counts.before = bytes[n - 1]!;
  counts.spaces += spaces;
  counts.lineFeeds += lineFeeds;
  return plain;
}

/** Takes back the spaces and line feeds of text trimmed off the ends. */
function uncount(trimmed: string, counts: SpaceCounts): void {
  for (let i = 0; i < trimmed.length; i++) {
    const code = trimmed.charCodeAt(i);
    if (code === 32) counts.spaces--;
    else if (code === 10) counts.lineFeeds--;
  }
}
