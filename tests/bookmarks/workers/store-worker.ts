// A separate inkwire process for the concurrency and crash tests, driven by its arguments:
//   add <home> <name> <count>     adds <count> articles once it reads "go" on stdin
//   remove <home> <name> <count>  removes the bookmarks of those articles once it reads "go"
//   save-forever <home> <name>    adds articles one after another until it is killed
// It prints "ready" once the store is open, then one line per completed operation.
import { createInterface } from 'node:readline';
import { openBookmarkStore } from '../../../src/store/bookmarks/conf-store.js';
import { storyArticle } from '../articles.js';

const [mode, home, name, countText] = process.argv.slice(2);
const count = Number(countText ?? 0);
const store = openBookmarkStore({ home: home! });

async function go(): Promise<void> {
  console.log('ready');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') return;
}

if (mode === 'add') {
  await go();
  for (let i = 0; i < count; i++) {
    store.add(storyArticle(`${name}-${i}`));
    console.log(`added ${i}`);
  }
} else if (mode === 'remove') {
  await go();
  for (let i = 0; i < count; i++) {
    const removed = store.remove(storyArticle(`${name}-${i}`).id);
    console.log(`removed ${i} ${removed.length}`);
  }
} else if (mode === 'save-forever') {
  console.log('ready');
  for (let i = 0; ; i++) {
    store.add(storyArticle(`${name}-${i}`));
    console.log(`saved ${i}`);
  }
}
process.exit(0);
