/** The simulate route's search schema: every setting as an optional string. */

import { stringParams, type StringParams } from '../../lib/string-params';

/**
 * The route imports this file, so it stays tiny: the schema only. `search-state.ts` resolves
 * the values.
 *
 * Every setting of the simulator lives in the URL as a plain string; the feature resolves them
 * and reports what it did not understand (lenient on purpose, like the compare page).
 */
export const simulateSearchSchema = stringParams([
  'view',
  'preset',
  // The policy overrides (one record each in core/retry/policy-params.ts, checked by a test).
  'strategy',
  'base',
  'factor',
  'cap',
  'floor',
  'jitter',
  'jfrom',
  'jto',
  'jmax',
  'jmult',
  'jexp',
  'attempts',
  'retries',
  'deadline',
  'deadlinecheck',
  'timeout',
  'retryon',
  'ra',
  'ramax',
  'raabove',
  'overrides',
  'fail',
  'lat',
  'seed',
  'sequence',
  'scenario',
  'p',
  'outage',
  'runs',
  'compare',
  'gateway',
  'sdk',
  'app',
  'herd',
  'clients',
  'capacity',
  'window',
  'herdpolicy',
  'herdra',
  'spread',
  'awsclients',
  'awsruns',
  'target',
]);

export type SimulateSearch = StringParams<keyof typeof simulateSearchSchema.shape>;

/**
 * Change the address: `replace` (the default) for typing, `push` for a deliberate step (a
 * preset, a tab) that Back should undo.
 */
export type UpdateSearch = (patch: Partial<SimulateSearch>, history?: 'replace' | 'push') => void;
