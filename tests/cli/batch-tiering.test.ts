import { describe, expect, it } from 'vitest';
import { laterTieringFlag } from '../../src/commands/batch-tiering.js';
import { runCli } from '../helpers/cli.js';

// `inkwire quotes` and `inkwire people` tell V8 to optimise later (src/commands/batch-tiering.ts).
// A flag this V8 does not know would be printed as an error on every run, so each V8 major
// gets the flag it has, and one it was not measured on gets none.

describe('later tiering for the batch commands', () => {
  it('names the flag each measured V8 knows, and none for another', () => {
    expect(laterTieringFlag('11.3.244.8-node.38')).toBe('--interrupt-budget=800000');
    expect(laterTieringFlag('12.4.254.21-node.57')).toBe('--invocation-count-for-turbofan=30000');
    expect(laterTieringFlag('13.6.233.17-node.33')).toBe('--invocation-count-for-turbofan=30000');
    expect(laterTieringFlag('14.1.0')).toBeNull();
    expect(laterTieringFlag('')).toBeNull();
  });

  it(`leaves stderr clean on this Node (${process.version}) and finds the same quotes`, () => {
    const quoted = runCli(['quotes', 'examples', '--json']);
    expect(quoted.stderr).toBe('');
    expect(quoted.code).toBe(0);
    const articles = JSON.parse(quoted.stdout) as { quotes: unknown[] }[];
    expect(articles.some((a) => a.quotes.length > 0)).toBe(true);
    const people = runCli(['people', 'examples']);
    expect(people.stderr).toBe('');
    expect(people.code).toBe(0);
  });
});
