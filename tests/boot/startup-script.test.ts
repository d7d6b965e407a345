// The build writes every character of the start-up file past ASCII as its \u escape (see
// scripts/startup-script.mjs). Each must mean what the character meant where it stood: in a
// string, a template, a regular expression with and without the u flag, and a character class.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asAscii, asStartupScript } from '../../scripts/startup-script.mjs';

/** Evaluates an expression's source text. */
function evaluate(source: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point is to run the text as the bin would
  return new Function(`return ${source}`)();
}

/** Text of any characters but those that would end or escape the construct they stand in. */
const text = (excluded: RegExp) => fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => s.replace(excluded, 'x'));
const NOT_ASCII = /[^\x00-\x7f]/u;

describe('the start-up file as ASCII', () => {
  it('leaves nothing past ASCII', () => {
    fc.assert(
      fc.property(text(/[\\"\r\n]/gu), (s) => {
        expect(asAscii(`"${s}"`)).not.toMatch(NOT_ASCII);
      }),
    );
  });

  it('keeps strings and templates as they were', () => {
    fc.assert(
      fc.property(text(/[\\"\r\n]/gu), text(/[\\`$\r]/gu), (quoted, templated) => {
        const source = `["${quoted}", \`${templated}\`]`;
        expect(evaluate(asAscii(source))).toEqual(evaluate(source));
      }),
    );
  });

  it('keeps what regular expressions match, with and without the u flag, in and out of character classes', () => {
    fc.assert(
      fc.property(text(/[\\/[\]\-^$.*+?(){}|\r\n\u2028\u2029]/gu), (s) => {
        const source = `[/${s}/u, /${s}/, /[${s}]+/u, /^[${s}]+$/u]`;
        const [sequenceU, sequence, classU, wholeU] = evaluate(asAscii(source)) as RegExp[];
        expect(sequenceU!.exec(s)?.[0]).toBe(s);
        expect(sequence!.exec(s)?.[0]).toBe(s);
        expect(classU!.exec(s)?.[0]).toBe(s);
        expect(wholeU!.test(s)).toBe(true);
        // A character the class did not hold is not matched by it.
        expect(wholeU!.test(`${s}\u{1F600}`)).toBe(s.includes('\u{1F600}'));
      }),
    );
  });

  it('refuses a character written after a backslash, which an escape would change', () => {
    expect(() => asAscii('/\\…/')).toThrow(/escaped non-ASCII/);
    expect(asAscii('/\\\\…/')).toBe('/\\\\\\u2026/');
  });

  it('is one function expression of a module’s parameters and the lazy loader', () => {
    const run = evaluate(asStartupScript('module.exports = [exports, typeof require, __filename, __dirname, __inkwireImport("x")];')) as (...args: unknown[]) => void;
    const module = { exports: {} as unknown };
    run('exports', () => undefined, module, 'file', 'dir', (name: string) => `loaded ${name}`);
    expect(module.exports).toEqual(['exports', 'function', 'file', 'dir', 'loaded x']);
  });
});
