import { makeArticle, type Article } from '../../src/article.js';

/** A small article of our own; the same name always gives the same article (and id). */
export function storyArticle(name: string, options: { url?: string; title?: string } = {}): Article {
  return makeArticle({
    source: `/news/${name}.txt`,
    url: options.url,
    title: options.title ?? `Story ${name}`,
    blocks: [{ type: 'paragraph', text: `The body of story ${name}, with "a quote," said Ann.` }],
  });
}
