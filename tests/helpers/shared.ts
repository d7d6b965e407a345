import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The third-party data beside the repository; absent in a user's clone. */
export const SHARED = join(ROOT, '..', 'shared');
export const REFERENCE_ARTICLE = join(SHARED, 'examples', 'reference-article.txt');

export const hasShared = existsSync(REFERENCE_ARTICLE);

if (!hasShared) {
  console.log(`skipping tests that read ${SHARED}: the folder is not here (it is present in CI)`);
}
