import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.js';

// A few hundred cases per property in CI; `npm run fuzz` runs the same ones for longer.
describe('random and mutated input', () => {
  it.each(PROPERTIES.map((p) => [p.name, p] as const))('%s never throws, hangs or breaks the invariant', async (_name, { property }) => {
    await fc.assert(property as fc.IAsyncProperty<[string]>, { numRuns: 300, interruptAfterTimeLimit: 120_000 });
  }, 180_000);
});
