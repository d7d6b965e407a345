import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Article } from '../article.js';
import { isJsonFeed } from '../parse/detect.js';
import { JsonArraySplitter } from '../parse/json-array.js';
import { articlesFromRecords } from '../parse/json.js';

// A JSON file holding one array (a scraper's dump of many articles) read and parsed a slice at
// a time. Read whole, a 23 MB file would be in memory twice over, as bytes and as text, while
// its articles are made; on a machine where every fresh page of memory costs time, those
// 46 MB were a tenth of the load.

/** Small enough for each slice's text to stay out of V8's large-object space (128 KiB). */
const SLICE_BYTES = 64 * 1024;
/** An element this long is rescanned once per slice; past it the whole-file path is cheaper. */
const MAX_PENDING = 1024 * 1024;
/** What isJsonFeed looks at. */
const FEED_HEAD = 4096;

/**
 * The readable articles of a JSON file that holds one array of records, or undefined when
 * the file is anything else or anything goes wrong (not UTF-8, a byte-order mark, bad JSON, a
 * JSON Feed, too large, no article, a read error). The caller then reads the whole file as
 * before, which gives the usual result or error, so this path never decides one.
 */
export async function readJsonArrayFile(path: string, maxBytes: number): Promise<Article[] | undefined> {
  let handle;
  try {
    // Non-blocking, as readFileLimited opens: a named pipe must not stall the open.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  const file = handle;
  // Two slices: the next is read (on libuv's thread pool) while this one is parsed.
  const slices = [Buffer.allocUnsafe(SLICE_BYTES), Buffer.allocUnsafe(SLICE_BYTES)] as const;
  let reading: Promise<{ bytesRead: number }> | undefined;
  const readInto = (slice: Buffer, kept: number) => {
    reading = file.read(slice, kept, SLICE_BYTES - kept, null);
    return reading;
  };
  try {
    const info = await file.stat();
    if (!info.isFile() || info.size > maxBytes) return undefined;
    const splitter = new JsonArraySplitter();
    const articles: Article[] = [];
    let slice = slices[0];
    let next = readInto(slice, 0);
    let kept = 0;
    let total = 0;
    // The start of the text, held until isJsonFeed can judge it as parseBytes would.
    let head: string | undefined = '';
    for (;;) {
      const { bytesRead } = await next;
      reading = undefined;
      total += bytesRead;
      if (total > maxBytes) return undefined;
      const filled = kept + bytesRead;
      const cut = bytesRead === 0 ? filled : completeCharacters(slice, filled);
      const following = slice === slices[0] ? slices[1] : slices[0];
      // A character cut in two by the read moves to the front of the next slice.
      kept = slice.copy(following, 0, cut, filled);
      if (bytesRead > 0) next = readInto(following, kept);
      const bytes = slice.subarray(0, cut);
      if (!isUtf8(bytes)) return undefined;
      let text = bytes.toString('utf8');
      if (head !== undefined) {
        head += text;
        if (head.length < FEED_HEAD && bytesRead > 0) text = '';
        else {
          if (isJsonFeed(head)) return undefined;
          text = head;
          head = undefined;
        }
      }
      for (const article of await articlesFromRecords(splitter.push(text), path)) articles.push(article);
      if (bytesRead === 0) break;
      if (splitter.pendingLength > MAX_PENDING) return undefined;
      slice = following;
    }
    splitter.end();
    // As parseBytes keeps them: an article needs some text.
    const readable = articles.filter((a) => a.blocks.length > 0);
    return readable.length > 0 ? readable : undefined;
  } catch {
    return undefined;
  } finally {
    // A read still running when this gives up must end before the file closes.
    await reading?.catch(() => undefined);
    await file.close();
  }
}

/**
 * How many of the first `length` bytes form whole UTF-8 characters: all of them, or up to the
 * start of a character the next read may finish. Malformed bytes are left for isUtf8 to find.
 */
function completeCharacters(bytes: Uint8Array, length: number): number {
  let start = length - 1;
  // At most three continuation bytes (10xxxxxx) follow a character's first byte.
  while (start > 0 && start > length - 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  return bytes[start]! < 0x80 ? length : start;
}
