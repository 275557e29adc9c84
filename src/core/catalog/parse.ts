/**
 * Turns the text of a catalog file into a validated catalog, or into a
 * precise account of what is wrong: the file, the JSON path, the problem.
 */
import type * as z from 'zod/mini';
import { describeIssue, formatJsonPath, parseJsonText } from './problems';
import {
  catalogIndexSchema,
  providerCatalogSchema,
  type CatalogIndex,
  type ProviderCatalog,
} from './schema';
import { catalogSummarySchema, type CatalogSummary } from './summary';
import { CatalogLoadError } from './load-error';

export { CatalogLoadError, type CatalogProblem } from './load-error';
export { describeIssue, formatJsonPath, lineAndColumn, parseJsonText } from './problems';

function validate<T>(file: string, schema: z.ZodMiniType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new CatalogLoadError(
    file,
    result.error.issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: describeIssue(issue, data),
    })),
  );
}

export function parseProviderCatalog(file: string, text: string): ProviderCatalog {
  return validate(file, providerCatalogSchema, parseJsonText(file, text));
}

export function parseCatalogSummary(file: string, text: string): CatalogSummary {
  return validate(file, catalogSummarySchema, parseJsonText(file, text));
}

export function parseCatalogIndex(file: string, text: string): CatalogIndex {
  return validate(file, catalogIndexSchema, parseJsonText(file, text));
}

/** Checks that a catalog's id matches the file it was listed under. */
export function checkCatalogId(
  file: string,
  expectedId: string,
  catalog: ProviderCatalog,
): ProviderCatalog {
  if (catalog.id !== expectedId) {
    throw new CatalogLoadError(file, [
      {
        path: 'id',
        message: `is "${catalog.id}" but the index lists this file as "${expectedId}"`,
      },
    ]);
  }
  return catalog;
}
