/** The simulate route's search schema: every setting as an optional string. */

import * as z from 'zod/mini';

/**
 * The route imports this file, so it stays tiny: the schema only. `search-state.ts` resolves
 * the values.
 *
 * Every setting of the simulator lives in the URL as a plain string; the feature resolves them
 * and reports what it did not understand (lenient on purpose, like the compare page).
 */
const optional = z.optional(z.string());

export const simulateSearchSchema = z.object({
  view: optional,
  preset: optional,
  // The policy overrides (one record each in core/retry/policy-params.ts, checked by a test).
  strategy: optional,
  base: optional,
  factor: optional,
  cap: optional,
  floor: optional,
  jitter: optional,
  jfrom: optional,
  jto: optional,
  jmax: optional,
  jmult: optional,
  jexp: optional,
  attempts: optional,
  retries: optional,
  deadline: optional,
  deadlinecheck: optional,
  timeout: optional,
  retryon: optional,
  ra: optional,
  ramax: optional,
  raabove: optional,
  overrides: optional,
  fail: optional,
  lat: optional,
  seed: optional,
  sequence: optional,
  scenario: optional,
  p: optional,
  outage: optional,
  runs: optional,
  compare: optional,
  gateway: optional,
  sdk: optional,
  app: optional,
  herd: optional,
  clients: optional,
  capacity: optional,
  window: optional,
  herdpolicy: optional,
  herdra: optional,
  spread: optional,
  awsclients: optional,
  awsruns: optional,
  target: optional,
});

export type SimulateSearch = z.infer<typeof simulateSearchSchema>;

/**
 * Change the address: `replace` (the default) for typing, `push` for a deliberate step (a
 * preset, a tab) that Back should undo.
 */
export type UpdateSearch = (patch: Partial<SimulateSearch>, history?: 'replace' | 'push') => void;
