import { ExitCode, InkwireError, sourceFailureReason } from '../errors.js';
import { parseOpmlFeeds } from '../parse/opml.js';
import { decodeBytes } from './decode.js';
import { readFileLimited } from './files.js';

/** The feed addresses of a local OPML file; an unreadable or empty list is the file's error. */
export async function opmlFileFeeds(path: string, maxBytes: number): Promise<string[]> {
  const { text } = decodeBytes(await readFileLimited(path, maxBytes));
  try {
    return (await parseOpmlFeeds(text)).map((feed) => feed.url);
  } catch (error) {
    throw new InkwireError(path, sourceFailureReason(error).reason, ExitCode.dataErr);
  }
}
