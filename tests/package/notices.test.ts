// dist/THIRD-PARTY-NOTICES credits the packages whose code is bundled and those whose data a
// script generated into inkwire's source (the word classes, the given names' genders).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const NOTICES = join(ROOT, 'dist', 'THIRD-PARTY-NOTICES');

describe('the third-party notices (npm test builds first)', () => {
  it('hold the licence of each package whose data is generated into src/', () => {
    const text = readFileSync(NOTICES, 'utf8');
    for (const name of ['en-lexicon', 'gender-detection-from-name']) {
      expect(text).toMatch(new RegExp(`^- ${name} \\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
      expect(text).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+, licence MIT\\n=+\\n\\n\\S`, 'm'));
    }
  });

  it('hold a bundled library found from the build, React', () => {
    expect(readFileSync(NOTICES, 'utf8')).toMatch(/^- react \d+\.\d+\.\d+ \(MIT\)$/m);
  });
});
