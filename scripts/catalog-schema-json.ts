/** Builds the published JSON Schemas from the zod schemas the app validates with. */
import * as z from 'zod/mini';
import { catalogIndexSchema, providerCatalogSchema } from '../src/core/catalog/schema';

function toJson(schema: z.ZodMiniType, id: string, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, $id: id, title }, null, 2)}\n`;
}

export function catalogSchemaFiles(): Record<string, string> {
  return {
    'catalog.schema.json': toJson(
      providerCatalogSchema,
      'catalog.schema.json',
      'LLM Error Explorer provider catalog',
    ),
    'index.schema.json': toJson(
      catalogIndexSchema,
      'index.schema.json',
      'LLM Error Explorer catalog index',
    ),
  };
}
