/** The summary of the shipped catalogs, read and validated from public/catalogs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalogId, parseCatalogIndex, parseProviderCatalog } from '../src/core/catalog/parse';
import { summaryJson } from '../src/core/catalog/summary';

export const SUMMARY_FILE = 'summary.json';
export const catalogDir = join(import.meta.dirname, '..', 'public', 'catalogs');

/** Throws a CatalogLoadError (file and JSON path) when a catalog is broken: no summary of bad data. */
export function shippedSummaryJson(dir = catalogDir): string {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const index = parseCatalogIndex('index.json', read('index.json'));
  const catalogs = index.providers.map((p) =>
    checkCatalogId(
      `${p.id}.json`,
      p.id,
      parseProviderCatalog(`${p.id}.json`, read(`${p.id}.json`)),
    ),
  );
  return summaryJson(catalogs);
}
