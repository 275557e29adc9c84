/** `npm run summary`: writes public/catalogs/summary.json from the validated catalogs. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogDir, shippedSummaryJson, SUMMARY_FILE } from './catalog-summary';

writeFileSync(join(catalogDir, SUMMARY_FILE), shippedSummaryJson());
console.log(`wrote public/catalogs/${SUMMARY_FILE}`);
