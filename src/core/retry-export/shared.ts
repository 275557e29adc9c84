/** Small helpers shared by the exporters. */

import type { RetryPolicy } from '../retry/types';
import type { DelayModel } from './delays';

/** JSON with sorted keys, so that equal values written in a different key order compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(rec)
          .filter((k) => rec[k] !== undefined)
          .sort()
          .map((k) => [k, rec[k]]),
      );
    }
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  });
}

/** Retries used for "no limit" when the policy has no time limit either (node-retry's default). */
export const UNLIMITED_STAND_IN = 10;
const MAX_STAND_IN = 100;

/**
 * A retry count standing in for "no limit" on a target that needs one: as many retries as the
 * target's longest delays fit into the policy's shortest time limit, or
 * {@link UNLIMITED_STAND_IN} without a limit.
 */
export function standInRetries(policy: RetryPolicy, target: DelayModel): number {
  const limits = (policy.deadlines ?? []).map((d) => d.ms);
  if (limits.length === 0) return UNLIMITED_STAND_IN;
  const limit = Math.min(...limits);
  let total = 0;
  let n = 0;
  while (n < MAX_STAND_IN) {
    const [, hi] = target.range(n);
    if (total + hi > limit) break;
    total += hi;
    n++;
  }
  return Math.max(1, n);
}
