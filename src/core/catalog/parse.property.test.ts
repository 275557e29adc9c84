/** Property tests: any file text gives a validated catalog or problems named by place, never a crash. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString, mutateJson, type Json } from '../../testing/properties';
import { CatalogLoadError, parseCatalogIndex, parseProviderCatalog } from './parse';
import type { ProviderCatalog } from './schema';

const shipped = readFileSync(
  join(import.meta.dirname, '../../../public/catalogs/wandb.json'),
  'utf8',
);

/** Parses, and checks the only failure is a CatalogLoadError with places and messages. */
function outcome(parse: () => unknown): 'ok' | 'problems' {
  try {
    parse();
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogLoadError);
    const problems = (error as CatalogLoadError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.path).toMatch(/\S/);
      expect(p.message).toMatch(/\S/);
    }
    return 'problems';
  }
}

describe('catalog parsing under generated input', () => {
  it('any text: a catalog, or problems with a place and a message', () => {
    checkProperty(
      'catalog file text (parseProviderCatalog, parseCatalogIndex)',
      fc.property(fc.oneof(hostileString(2000), fc.json({ maxDepth: 4 })), (text) => {
        outcome(() => parseProviderCatalog('x.json', text));
        outcome(() => parseCatalogIndex('index.json', text));
      }),
      1500,
    );
  }, 60_000);

  it('a real catalog with one value changed or removed anywhere: still a clean outcome', () => {
    const doc = JSON.parse(shipped) as Json;
    checkProperty(
      'catalog JSON, one mutation of a shipped file',
      fc.property(
        fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
        fc.option(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { nil: undefined }),
        (choices, replacement) => {
          const text = JSON.stringify(mutateJson(doc, choices, replacement));
          let catalog: ProviderCatalog | undefined;
          if (outcome(() => (catalog = parseProviderCatalog('wandb.json', text))) === 'ok') {
            if (!catalog) throw new Error('unreachable');
            // Whatever passes renders links: they must all be https.
            const urls = [
              catalog.docsUrl,
              ...catalog.sources.map((s) => s.url),
              ...catalog.errors.flatMap((e) => e.sources.map((s) => s.url)),
            ];
            for (const url of urls) expect(url).toMatch(/^https:\/\//);
          }
        },
      ),
      500,
    );
  }, 60_000);

  it('the shipped file itself passes (so the mutations start from a valid catalog)', () => {
    expect((parseProviderCatalog('wandb.json', shipped) as ProviderCatalog).id).toBe('wandb');
  });
});
