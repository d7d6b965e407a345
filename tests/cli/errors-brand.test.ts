import { describe, expect, it } from 'vitest';
import { ExitCode, InkwireError } from '../../src/errors.js';

describe('InkwireError across bundle copies', () => {
  it('is recognised when thrown by another copy of the module', async () => {
    // A second instance of the module, as the lazily loaded bundle holds.
    const path = '../../src/errors.js?copy';
    const copy = (await import(path)) as typeof import('../../src/errors.js');
    expect(copy.InkwireError).not.toBe(InkwireError);
    const error = new copy.InkwireError('a.txt', 'no such file or folder', ExitCode.noInput);
    expect(error instanceof InkwireError).toBe(true);
    expect(new InkwireError('x', 'y', ExitCode.usage) instanceof copy.InkwireError).toBe(true);
  });

  it('is not any other error', () => {
    expect(new Error('x') instanceof InkwireError).toBe(false);
    expect({ subject: 'x', reason: 'y' } instanceof InkwireError).toBe(false);
    expect((null as unknown) instanceof InkwireError).toBe(false);
  });
});
