// A separate inkwire process for the concurrency and crash tests, driven by its arguments:
//   add <home> <name> <count>     adds <count> articles once it reads "go" on stdin
//   remove <home> <name> <count>  removes the bookmarks of those articles once it reads "go"
//   save-forever <home> <name>    adds articles one after another until it is killed
//   hold <home> <ms>              holds the store's lock for <ms>, as a long save would
// It prints "ready" once the store is open, then one line per completed operation.
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openBookmarkStore } from '../../../src/store/bookmarks/disk-store.js';
import { withLock } from '../../../src/store/bookmarks/lock.js';
import { storyArticle } from '../articles.js';

const [mode, home, name, countText] = process.argv.slice(2);
const count = Number(countText ?? 0);
// JOURNAL_BYTES=1 compacts after every change, so kills and concurrent changes land in compactions too.
const journalBytes = process.env.JOURNAL_BYTES ? Number(process.env.JOURNAL_BYTES) : undefined;
const store = openBookmarkStore({ home: home!, journalBytes });

async function go(): Promise<void> {
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') return;
}

if (mode === 'add') {
  await go();
  for (let i = 0; i < count; i++) {
    await store.add(storyArticle(`${name}-${i}`));
    console.log(`added ${i}`);
  }
} else if (mode === 'remove') {
  await go();
  for (let i = 0; i < count; i++) {
    const removed = await store.remove(storyArticle(`${name}-${i}`).id);
    console.log(`removed ${i} ${removed.length}`);
  }
} else if (mode === 'save-forever') {
  console.log('ready');
  for (let i = 0; ; i++) {
    await store.add(storyArticle(`${name}-${i}`));
    console.log(`saved ${i}`);
  }
} else if (mode === 'hold') {
  await withLock(join(home!, 'config.json.lock'), async () => {
    console.log('holding');
    await new Promise((resolve) => setTimeout(resolve, Number(name)));
  });
  console.log('released');
}
process.exit(0);
