/**
 * Property-based testing kit (fast-check) for the parsers of outside input: each property runs a
 * stated number of generated cases and the file prints how many each parser met.
 */
import fc from 'fast-check';
import { afterAll } from 'vitest';

const counts = new Map<string, number>();

// Imported at collection time, so this registers once for each test file that uses the kit.
afterAll(() => {
  if (counts.size === 0) return;
  const lines = [...counts].map(
    ([name, n]) => `  ${n.toLocaleString('en-US').padStart(7)}  ${name}`,
  );
  console.log(`fast-check generated cases per parser:\n${lines.join('\n')}`);
});

/**
 * Asserts `property` over `runs` generated cases and records the count under `parser`.
 * A failure prints fast-check's seed and shrunk counterexample, so it can be replayed.
 */
export function checkProperty(
  parser: string,
  property: fc.IProperty<unknown> | fc.IPropertyWithHooks<unknown>,
  runs: number,
): void {
  fc.assert(property, { numRuns: runs });
  counts.set(parser, (counts.get(parser) ?? 0) + runs);
}

/** Strings people and attackers paste: unicode, control characters, markup, huge numbers. */
export const hostileString = (maxLength = 400): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.string({ maxLength, unit: 'binary' }),
    fc.constantFrom(
      '',
      ' ',
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      '1e308',
      '-1',
      'NaN',
      'Infinity',
      '9'.repeat(400),
      '\u0000',
      '%00',
      '../../etc/passwd',
      '{"__proto__": {"polluted": true}}',
    ),
  );
