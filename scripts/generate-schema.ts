/** `npm run schema`: writes public/catalogs/*.schema.json and public/replay/scenario.schema.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSchemaFiles } from './catalog-schema-json';
import { SCENARIO_SCHEMA_FILE, scenarioSchemaJson } from './replay-schema-json';

const publicDir = join(import.meta.dirname, '..', 'public');
const dir = join(publicDir, 'catalogs');
for (const [name, text] of Object.entries(catalogSchemaFiles())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote public/catalogs/${name}`);
}
mkdirSync(join(publicDir, 'replay'), { recursive: true });
writeFileSync(join(publicDir, 'replay', SCENARIO_SCHEMA_FILE), scenarioSchemaJson());
console.log(`wrote public/replay/${SCENARIO_SCHEMA_FILE}`);
