// Feed entries keep their enclosures (podcast audio, images) in the Article model.
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/parse/feed.js';
import { schemaValidator } from '../helpers/schema.js';

describe('enclosures', () => {
  it('come from RSS enclosures, Atom enclosure links and JSON Feed attachments, made absolute; unsafe ones dropped', async () => {
    const rss = await parseFeedText(
      `<rss version="2.0"><channel><title>Pod</title><link>https://pod.example/</link>
        <item><title>Episode 1</title><link>https://pod.example/1</link><description>Talk.</description>
          <enclosure url="/audio/1.mp3" type="audio/mpeg" length="123456"/>
          <enclosure url="javascript:alert(1)" type="audio/mpeg" length="1"/></item>
        <item><title>Episode 2</title><link>https://pod.example/2</link><description>No file.</description></item>
      </channel></rss>`,
      'https://pod.example/feed.xml',
      { url: 'https://pod.example/feed.xml' },
    );
    expect(rss[0]!.enclosures).toEqual([{ url: 'https://pod.example/audio/1.mp3', type: 'audio/mpeg', length: 123456 }]);
    expect('enclosures' in rss[1]!).toBe(false);
    const atom = await parseFeedText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Pic</title><link href="https://a.example/p"/>
        <link rel="enclosure" href="https://a.example/p.jpg" type="image/jpeg"/><summary>Photo.</summary></entry></feed>`,
      'a',
    );
    expect(atom[0]!.enclosures).toEqual([{ url: 'https://a.example/p.jpg', type: 'image/jpeg' }]);
    const json = await parseFeedText(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://j.example/1', content_text: 'Hi there.', attachments: [{ url: 'https://j.example/1.m4a', mime_type: 'audio/mp4', size_in_bytes: 99 }] }] }),
      'j',
    );
    expect(json[0]!.enclosures).toEqual([{ url: 'https://j.example/1.m4a', type: 'audio/mp4', length: 99 }]);
    expect(schemaValidator('article.schema.json')([...rss, ...atom, ...json])).toEqual([]);
  });
});
