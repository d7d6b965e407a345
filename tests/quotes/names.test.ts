import { describe, expect, it } from 'vitest';
import { splitMention } from '../../src/quotes/names.js';

describe('splitMention', () => {
  it('splits a role and an appositive name', () => {
    expect(splitMention('Harbour authority spokesperson in the north, Mira Castell')).toMatchObject({
      type: 'person',
      name: 'Mira Castell',
      role: 'Harbour authority spokesperson in the north',
    });
  });

  it('strips titles and institution words before a name', () => {
    expect(splitMention('Deputy Director of the Port Office Jan Van Looy')).toMatchObject({ type: 'person', name: 'Jan Van Looy' });
    expect(splitMention('Sen. Dana Whitfield')).toMatchObject({ type: 'person', name: 'Dana Whitfield', role: 'Sen.' });
  });

  it('keeps organisations and unnamed sources as written', () => {
    expect(splitMention('The Northern Ferry Company in Oslo')).toMatchObject({ type: 'org', name: null });
    expect(splitMention('the official')).toMatchObject({ type: 'descriptor', name: null });
  });

  it('recognises pronouns and their gender', () => {
    expect(splitMention('she')).toMatchObject({ type: 'pronoun', gender: 'f' });
    expect(splitMention('They')).toMatchObject({ type: 'pronoun', gender: 'p' });
  });
});
