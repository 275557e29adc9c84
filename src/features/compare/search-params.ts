/** The schema of `/compare`'s URL search params (`providers`, `mode`, `only`, `row`, `side`). */
import * as z from 'zod/mini';
import { sdkSearchField } from '../../lib/sdk-search';

/**
 * Only the schema lives here: the route imports it, so it must stay tiny (resolving the values
 * needs the compare engine, which loads with the page; see resolve-search.ts).
 */
/** Lenient on purpose: unknown values are reported on the page, not thrown away silently. */
export const compareSearchSchema = z.object({
  providers: z.optional(z.string()),
  mode: z.optional(z.string()),
  only: z.optional(z.string()),
  row: z.optional(z.string()),
  side: z.optional(z.string()),
  /** Which SDK release side by side shows SDK facts for (`anthropic-ts@1.12.0`). */
  sdk: sdkSearchField,
});

export type CompareSearch = z.infer<typeof compareSearchSchema>;
