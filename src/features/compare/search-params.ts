/** The schema of `/compare`'s URL search params (`providers`, `mode`, `only`, `row`, `side`, `sdk`). */
import { stringParams, type StringParams } from '../../lib/string-params';

/**
 * Only the schema lives here: the route imports it, so it must stay tiny (resolving the values
 * needs the compare engine, which loads with the page; see resolve-search.ts).
 */
/**
 * Lenient on purpose: unknown values are reported on the page, not thrown away silently. `sdk`
 * is the SDK release side by side shows SDK facts for (`anthropic-ts@1.12.0`).
 */
export const compareSearchSchema = stringParams([
  'providers',
  'mode',
  'only',
  'row',
  'side',
  'sdk',
]);

export type CompareSearch = StringParams<keyof typeof compareSearchSchema.shape>;
