/**
 * The zod-free checks of index.json and summary.json against the zod schemas they follow: for the
 * shipped files and for thousands of one-value changes to them (and any text at all), both give
 * the same data, or the same problems at the same JSON paths in the same words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString, mutateJson, type Json } from '../../testing/properties';
import { checkCatalogIndex, checkCatalogSummary } from './light-check';
import { parseCatalogIndex, parseCatalogSummary } from './parse';
import { categories, retryAdvices } from './schema';

const read = (file: string) =>
  readFileSync(join(import.meta.dirname, '../../../public/catalogs', file), 'utf8');

/** Data, or the problems (path and message) of the CatalogLoadError thrown. */
function outcome(parse: () => unknown): unknown {
  try {
    return { data: parse() };
  } catch (error) {
    const e = error as { file?: string; problems?: unknown };
    expect(e.problems, String(error)).toBeDefined();
    return { file: e.file, problems: e.problems };
  }
}

const same = (file: string, text: string) => {
  const light = file === 'index.json' ? checkCatalogIndex : checkCatalogSummary;
  const zod = file === 'index.json' ? parseCatalogIndex : parseCatalogSummary;
  expect(outcome(() => light(file, text))).toEqual(outcome(() => zod(file, text)));
};

/** Values that sit near the rules: wrong types, bounds, enum members, empty things. */
const nearRules: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '',
    [],
    {},
    null,
    0,
    -1,
    99,
    100,
    599,
    600,
    1.5,
    1e300,
    -1e300,
    'Bad Id',
    'ok-id',
    '2025-13-45',
    '25-01-01',
    'retry_backoff',
    'maybe',
    [''],
    ['x', 3],
    ...categories.slice(0, 3),
    ...retryAdvices.slice(0, 2),
  ),
);

describe('the light index and summary checks agree with the zod schemas', () => {
  it('on the shipped files', () => {
    for (const file of ['index.json', 'summary.json']) {
      const text = read(file);
      same(file, text);
      const light = file === 'index.json' ? checkCatalogIndex : checkCatalogSummary;
      expect(outcome(() => light(file, text))).not.toHaveProperty('problems');
    }
  });

  for (const file of ['index.json', 'summary.json']) {
    it(`on one value of ${file} changed or removed anywhere`, () => {
      const doc = JSON.parse(read(file)) as Json;
      checkProperty(
        `${file}, one mutation: light check vs zod`,
        fc.property(
          fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          fc.option(nearRules, { nil: undefined }),
          (choices, replacement) => {
            same(file, JSON.stringify(mutateJson(doc, choices, replacement)));
          },
        ),
        file === 'index.json' ? 500 : 600,
      );
    }, 60_000);
  }

  it('on any text', () => {
    checkProperty(
      'index.json and summary.json, any text: light check vs zod',
      fc.property(fc.oneof(hostileString(400), fc.json({ maxDepth: 4 })), (text) => {
        same('index.json', text);
        same('summary.json', text);
      }),
      500,
    );
  }, 60_000);

  it('a duplicated provider and a wrong count are caught as the schema catches them', () => {
    const index = JSON.parse(read('index.json')) as { providers: unknown[] };
    index.providers.push(index.providers[0]);
    same('index.json', JSON.stringify(index));
    const summary = JSON.parse(read('summary.json')) as { providers: { entryCount: number }[] };
    summary.providers[2]!.entryCount += 1;
    const text = JSON.stringify(summary);
    same('summary.json', text);
    expect(() => checkCatalogSummary('summary.json', text)).toThrow(/providers\[2\]\.entryCount/);
  });
});
