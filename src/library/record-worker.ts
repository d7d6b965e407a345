// Keeps the articles the reader opens in the library, on a thread of its own: opening the
// library (loading SQLite, creating the file the first time) and writing take tens of
// milliseconds, sometimes more on a busy disk, and on the interface's thread that would hold
// back the keys typed meanwhile (Esc and the next key would then arrive as one Alt+key).

import { parentPort, workerData } from 'node:worker_threads';
import { openLibrary, type Library } from './library.js';
import type { EntryColumns } from './records.js';

export interface RecordSetup {
  path: string;
}

/** One reply per article sent: null when it was kept, else the one-line reason. */
export type RecordReply = { error: string | null; warnings: readonly string[] };

const { path } = workerData as RecordSetup;
let library: Library | undefined;

// Each message is an article's row, made on the interface's thread (toColumns): the thread
// then holds its text and JSON once, not a JSON of the whole article, its parse and the row.
parentPort!.on('message', (row: EntryColumns) => {
  let reply: RecordReply;
  try {
    const fresh = library === undefined;
    library ??= openLibrary(path);
    library.recordOpenedRows([row]);
    reply = { error: null, warnings: fresh ? library.warnings : [] };
  } catch (error) {
    const e = error as { subject?: unknown; reason?: unknown; message?: unknown };
    reply = { error: e && e.reason !== undefined ? `${String(e.subject)}: ${String(e.reason)}` : String(e?.message ?? error), warnings: [] };
  }
  parentPort!.postMessage(reply);
});
