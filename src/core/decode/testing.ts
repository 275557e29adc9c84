/** Test helper: the shipped catalogs, read from public/catalogs with node:fs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogIndex, parseProviderCatalog } from '../catalog/parse';
import type { ProviderCatalog } from '../catalog/schema';

const dir = join(import.meta.dirname, '../../../public/catalogs');

let cached: ProviderCatalog[] | undefined;

export function loadShippedCatalogs(): ProviderCatalog[] {
  if (cached) return cached;
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const index = parseCatalogIndex('index.json', read('index.json'));
  cached = index.providers.map((p) => parseProviderCatalog(`${p.id}.json`, read(`${p.id}.json`)));
  return cached;
}
