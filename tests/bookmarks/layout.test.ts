// The schema config.json is checked against on every read is itself a sound 2020-12 schema
// (the store compiles it without that check, for speed), and what inkwire writes passes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openBookmarkStore } from '../../src/store/bookmarks/disk-store.js';
import { fileSchema, layout2Schema } from '../../src/store/bookmarks/layout.js';
import { storyArticle } from './articles.js';
import { tempHome } from './helpers.js';

describe('the layout of config.json', () => {
  it.each([
    ['current', fileSchema],
    ['2.0.0', layout2Schema],
  ])('has a %s schema that passes the 2020-12 meta-schema in strict mode', (_, schema) => {
    const ajv = new Ajv2020({ strictSchema: true, strictTypes: false, allowUnionTypes: true, validateFormats: false });
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('accepts what inkwire writes, removed bookmarks and settings included', async () => {
    const home = tempHome();
    const store = openBookmarkStore({ home, journalBytes: 1 });
    const article = storyArticle('kept', { url: 'https://news.example/kept' });
    await store.add(article, { note: 'a note', tags: ['t'] });
    await store.addQuote(article, { text: 'A quote.', speaker: null });
    await store.add(storyArticle('gone'));
    await store.remove(storyArticle('gone').id);
    await store.setPosition(article.id, 12);
    const written = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'));
    const validate = new Ajv2020({ allowUnionTypes: true, validateFormats: false }).compile(fileSchema);
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(written.removed)).toEqual([storyArticle('gone').id]);
    expect(written.__internal__.journal).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{16}$/), upTo: expect.any(Number) });
  });
});
