/** `npm run validate [id...]`: validates public/catalogs with the app's own schema and prints a summary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CatalogLoadError,
  checkCatalogId,
  parseCatalogIndex,
  parseProviderCatalog,
} from '../src/core/catalog/parse';
import { lintCatalog } from '../src/core/catalog/lint';
import type { CatalogIndex } from '../src/core/catalog/schema';
import { shippedSummaryJson, SUMMARY_FILE } from './catalog-summary';

const dir = join(import.meta.dirname, '..', 'public', 'catalogs');
const only = process.argv.slice(2);
let failed = false;
function report(file: string, error: unknown): void {
  failed = true;
  if (error instanceof CatalogLoadError) {
    console.log(`FAIL  ${file}`);
    for (const p of error.problems) console.log(`  ✗ ${p.path}: ${p.message}`);
  } else {
    console.log(`FAIL  ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

let index: CatalogIndex;
try {
  index = parseCatalogIndex('index.json', readFileSync(join(dir, 'index.json'), 'utf8'));
} catch (error) {
  report('index.json', error);
  process.exit(1);
}
for (const { id } of index.providers) {
  if (only.length > 0 && !only.includes(id)) continue;
  const file = `${id}.json`;
  try {
    const catalog = checkCatalogId(
      file,
      id,
      parseProviderCatalog(file, readFileSync(join(dir, file), 'utf8')),
    );
    const warnings = lintCatalog(catalog);
    console.log(
      `ok    ${file.padEnd(22)} ${String(catalog.errors.length).padStart(3)} entries, verified ${catalog.lastVerified}`,
    );
    for (const w of warnings) {
      failed = true;
      console.log(`  ✗ ${w.path}: ${w.message}`);
    }
  } catch (error) {
    report(file, error);
  }
}
// The summary the home and error pages read must match the catalogs it was made from.
if (!failed) {
  let current = '';
  try {
    current = readFileSync(join(dir, SUMMARY_FILE), 'utf8');
  } catch {
    // A missing file is reported as stale below.
  }
  if (current === shippedSummaryJson()) {
    console.log(`ok    ${SUMMARY_FILE} is current`);
  } else {
    failed = true;
    console.log(`FAIL  ${SUMMARY_FILE} is stale: run npm run summary`);
  }
}
process.exit(failed ? 1 : 0);
