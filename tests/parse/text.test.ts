import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../../src/parse/text.js';
import { REFERENCE_ARTICLE, hasShared } from '../helpers/shared.js';

describe('plain-text parser', () => {
  it.skipIf(!hasShared)('reads the reference article as the issue specifies', () => {
    const article = parsePlainText(readFileSync(REFERENCE_ARTICLE, 'utf8'), 'reference-article.txt');
    expect(article.title).toBe('China Is Backing Russia’s War Effort In Ukraine Through Defence Support, Say US Officials');
    expect(article.section).toBe('China');
    expect(article.tags).toEqual(['putin', 'vladimir putin', 'russia', 'space', 'nukes', 'china']);
    expect(article.credits).toEqual(['Reuters']);
    const paragraphs = article.blocks.filter((b) => b.type === 'paragraph');
    expect(article.blocks).toHaveLength(7);
    expect(paragraphs).toHaveLength(7);
    expect(paragraphs[0]!.text.startsWith('Senior US officials')).toBe(true);
    expect(paragraphs[6]!.text.startsWith('He added,')).toBe(true);
    expect(article.text).not.toContain('WhatsApp Channel');
    expect(article.text).not.toContain('With inputs from');
  });

  it('takes the section from a breadcrumb and drops furniture', () => {
    const article = parsePlainText(
      [
        'Home Sport Local Team Wins The Cup...',
        'Local Team Wins The Cup After Forty Years',
        'football, cup, local team',
        'The crowd sang until midnight.',
        'Advertisement',
        'Follow us on Twitter for more updates',
        '“It was worth the wait,” the captain said.',
        '(Reuters)',
      ].join('\n\n'),
      'cup.txt',
    );
    expect(article.section).toBe('Sport');
    expect(article.title).toBe('Local Team Wins The Cup After Forty Years');
    expect(article.tags).toEqual(['football', 'cup', 'local team']);
    expect(article.blocks.map((b) => b.text)).toEqual(['The crowd sang until midnight.', '“It was worth the wait,” the captain said.']);
    expect(article.credits).toEqual(['Reuters']);
  });

  it('never takes a lower-case first paragraph of prose for the tag line', () => {
    const prose = [
      'the council met on monday, and the mayor spoke for an hour',
      'we waited, we waited, and nothing came',
      'in the end, it rained',
      'sales rose sharply in march, fell in april',
    ];
    for (const first of prose) {
      const article = parsePlainText(`Council Meets\n\n${first}\n\nA second paragraph follows.`, 'council.txt');
      expect(article.tags).toEqual([]);
      expect(article.blocks.map((b) => b.text)).toEqual([first, 'A second paragraph follows.']);
    }
    // Real tag lines still read as tags.
    expect(parsePlainText('Council Meets\n\nlocal news, city council, harbour\n\nBody.', 'c.txt').tags).toEqual(['local news', 'city council', 'harbour']);
  });

  it('uses a short first line without a full stop as the title', () => {
    const article = parsePlainText('Storm Closes Coastal Road\n\nThe road was shut on Monday.\n\nIt reopened on Tuesday.', 'storm.txt');
    expect(article.title).toBe('Storm Closes Coastal Road');
    expect(article.blocks).toHaveLength(2);
  });

  it('keeps a body that starts straight away and titles it from the file name', () => {
    const article = parsePlainText('The council met on Monday. It agreed to nothing.\n\nA second paragraph follows.', 'council-meeting_notes.txt');
    expect(article.title).toBe('Council meeting notes');
    expect(article.blocks[0]!.text).toBe('The council met on Monday. It agreed to nothing.');
    expect(article.blocks).toHaveLength(2);
  });

  it('splits several credits and reads a byline line', () => {
    const article = parsePlainText('A Headline Here\n\nBy Jane Roe\n\nBody text.\n\n(With inputs from PTI and ANI)', 'a.txt');
    expect(article.byline).toBe('Jane Roe');
    expect(article.credits).toEqual(['PTI', 'ANI']);
    expect(article.blocks.map((b) => b.text)).toEqual(['Body text.']);
  });

  it('normalises CRLF and CR line ends', () => {
    const article = parsePlainText('Title Line\r\n\r\nOne para\r\ncontinues.\r\rTwo.', 'x.txt');
    expect(article.blocks.map((b) => b.text)).toEqual(['One para continues.', 'Two.']);
  });
});
