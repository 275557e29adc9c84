/**
 * The index and the summary checked without zod: what every page loads first (the home page's
 * budget has no room for a validator library). The zod/mini schemas in `schema.ts` and
 * `summary.ts` stay the contract; the rules in `light-rules.ts` follow them rule for rule, the
 * problems are worded with the same `describeIssue`, and a property test holds the two to the
 * same answers.
 */
import type * as z from 'zod/mini';
import { CatalogLoadError } from './load-error';
import { inspectCatalogIndex, inspectCatalogSummary, type Inspected } from './light-rules';
import { describeIssue, formatJsonPath, parseJsonText } from './problems';
import type { CatalogIndex } from './schema';
import type { CatalogSummary } from './summary';

function check<T>(file: string, text: string, inspect: (data: unknown) => Inspected<T>): T {
  const data = parseJsonText(file, text);
  const { value, issues } = inspect(data);
  if (issues.length === 0) return value;
  throw new CatalogLoadError(
    file,
    issues.map((issue) => ({
      path: formatJsonPath(issue.path),
      message: describeIssue(issue as unknown as z.core.$ZodIssue, data),
    })),
  );
}

/** public/catalogs/index.json, checked as `catalogIndexSchema` does. */
export function checkCatalogIndex(file: string, text: string): CatalogIndex {
  return check(file, text, inspectCatalogIndex);
}

/** public/catalogs/summary.json, checked as `catalogSummarySchema` does. */
export function checkCatalogSummary(file: string, text: string): CatalogSummary {
  return check(file, text, inspectCatalogSummary);
}
