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

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * `doc` with the value at one place replaced, or removed when `replacement` is undefined: the
 * place is found by walking `choices` (each picks a key or index, modulo the count).
 */
export function mutateJson(
  doc: Json,
  choices: readonly number[],
  replacement: Json | undefined,
): Json {
  if (doc === null || typeof doc !== 'object' || choices.length === 0) return replacement ?? null;
  const keys = Array.isArray(doc) ? doc.map((_, i) => i) : Object.keys(doc);
  if (keys.length === 0) return doc;
  const key = keys[choices[0]! % keys.length]!;
  const copy: Json = Array.isArray(doc) ? [...doc] : { ...doc };
  const child = (doc as Record<string | number, Json>)[key]!;
  const next =
    choices.length === 1 ? replacement : mutateJson(child, choices.slice(1), replacement);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete (copy as Record<string, Json>)[key as string];
  } else (copy as Record<string | number, Json>)[key] = next;
  return copy;
}
