/**
 * Helpers shared by the retry tests: run `decide` repeatedly against the same failure and
 * collect the delays.
 */

import { decide, initialRetryState } from '../core/retry/policy';
import { constantRng, type Rng } from '../core/retry/random';
import type { DecideResult, Outcome, RetryPolicy } from '../core/retry/types';

export const HTTP_500: Outcome = { kind: 'response', status: 500 };
export const HTTP_503: Outcome = { kind: 'response', status: 503 };

/**
 * Delays chosen after consecutive failures with `outcome` (elapsed time pinned at 0), until
 * the policy gives up or `limit` delays were collected. `u` pins U, or pass an RNG.
 */
export function delaySequence(
  policy: RetryPolicy,
  u: number | Rng,
  options: { readonly outcome?: Outcome; readonly limit?: number; readonly nowMs?: number } = {},
): number[] {
  const rng = typeof u === 'number' ? constantRng(u) : u;
  const outcome = options.outcome ?? HTTP_500;
  const limit = options.limit ?? 100;
  let state = initialRetryState(policy);
  const out: number[] = [];
  for (let attempt = 1; out.length < limit; attempt++) {
    const r = decide(policy, attempt, outcome, 0, rng, {
      state,
      ...(options.nowMs === undefined ? {} : { nowMs: options.nowMs }),
    });
    if (r.action !== 'retry') break;
    out.push(r.delayMs);
    state = r.state;
  }
  return out;
}

/** The first decision after one failed attempt. */
export function firstDecision(
  policy: RetryPolicy,
  outcome: Outcome,
  u = 0,
  nowMs?: number,
): DecideResult {
  return decide(policy, 1, outcome, 0, constantRng(u), nowMs === undefined ? {} : { nowMs });
}
