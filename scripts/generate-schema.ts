/** `npm run schema`: writes public/catalogs/*.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogSchemaFiles } from './catalog-schema-json';

const dir = join(import.meta.dirname, '..', 'public', 'catalogs');
for (const [name, text] of Object.entries(catalogSchemaFiles())) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote public/catalogs/${name}`);
}
