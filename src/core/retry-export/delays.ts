/**
 * Comparing the delays an exported configuration produces with the policy's.
 *
 * A {@link DelayModel} says what a backoff does: the delays before retries 0, 1, 2… when every
 * random draw is pinned to the same U, and the [min, max] of each delay. The policy side (and
 * every target whose backoff is a {@link BackoffSpec}) uses the retry engine itself; targets
 * with their own formulas (tenacity's waits, p-retry) implement a small model of that formula
 * next to the code that emits it, so the code and the comparison cannot drift apart.
 */

import { delayRange, nextBackoff, type BackoffState } from '../retry/policy';
import { constantRng, U_SUP } from '../retry/random';
import type { BackoffSpec, RetryPolicy } from '../retry/types';
import { formatRange } from './format';

export interface DelayModel {
  /** Delays (ms) before retries 0 … n−1 of one call, every random draw equal to `u`. */
  sample(u: number, n: number): number[];
  /** Smallest and largest possible delay (ms) before retry `i` (0-based). */
  range(i: number): readonly [number, number];
  /** Delays are drawn up front and sorted ascending (node-retry). */
  readonly sorted?: boolean;
}

/**
 * Pinned values of U used to compare two delay distributions. Symmetric around 1/2, so that a
 * jitter running the other way compares equal; 0.1234567 lands off whole milliseconds, so that
 * a difference in rounding shows.
 */
export const U_GRID: readonly number[] = [0, 0.1234567, 0.25, 0.5, 0.75, 1 - 0.1234567, U_SUP];

const NO_RETRY_ON = { statuses: [], connectionErrors: false, timeouts: false } as const;

/** The engine's own backoff, as a model. */
export function specModel(spec: BackoffSpec, maxAttempts: number): DelayModel {
  const policy: RetryPolicy = { maxAttempts, backoff: spec, retryOn: NO_RETRY_ON };
  return {
    sample(u, n) {
      const rng = constantRng(u);
      let state: BackoffState = {};
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const { delayMs, ...changed } = nextBackoff(spec, i, rng, state, maxAttempts);
        state = { ...state, ...changed };
        out.push(delayMs);
      }
      return out;
    },
    range(i) {
      const r = delayRange(policy, i);
      return [r.minMs, r.maxMs];
    },
    sorted: spec.schedule === 'precomputed-sorted' && spec.jitter.kind !== 'none',
  };
}

/** A model for a stateless formula `delay(i, u)` that is monotone in `u`. */
export function formulaModel(delay: (i: number, u: number) => number): DelayModel {
  return {
    sample: (u, n) => Array.from({ length: n }, (_, i) => delay(i, u)),
    range(i) {
      const a = delay(i, 0);
      const b = delay(i, U_SUP);
      return a <= b ? [a, b] : [b, a];
    },
  };
}

/** How many retries to compare: all of them, or the first 24 for long or unlimited policies. */
export function retriesToCompare(maxAttempts: number): number {
  return Math.max(0, Math.min(maxAttempts - 1, 24));
}

export interface DelayComparison {
  /** Same distribution of every delay (quantiles at {@link U_GRID} agree). */
  readonly equal: boolean;
  /** Every exported range meets the policy's range. */
  readonly overlap: boolean;
  /** Largest quantile difference, ms. */
  readonly maxDiffMs: number;
}

function close(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compare the first `n` delays. For each retry the values at the pinned U's are sorted, so a
 * jitter that runs the other way (×(1 − 0.25U) versus 0.75 + 0.25U) still counts as equal.
 */
export function compareDelays(
  policy: DelayModel,
  exported: DelayModel,
  n: number,
): DelayComparison {
  const p = U_GRID.map((u) => policy.sample(u, n));
  const e = U_GRID.map((u) => exported.sample(u, n));
  let equal = true;
  let overlap = true;
  let maxDiffMs = 0;
  for (let i = 0; i < n; i++) {
    const ps = p.map((row) => row[i] ?? 0).sort((a, b) => a - b);
    const es = e.map((row) => row[i] ?? 0).sort((a, b) => a - b);
    ps.forEach((v, j) => {
      const w = es[j] ?? 0;
      if (!close(v, w)) {
        equal = false;
        const d = Math.abs(v - w);
        if (Number.isFinite(d)) maxDiffMs = Math.max(maxDiffMs, d);
        else maxDiffMs = Number.POSITIVE_INFINITY;
      }
    });
    const [plo, phi] = policy.range(i);
    const [elo, ehi] = exported.range(i);
    if (!(elo <= phi + 1e-9 && plo <= ehi + 1e-9)) overlap = false;
  }
  return { equal, overlap, maxDiffMs };
}

/** `0.375–0.5 s, 0.75–1 s, …` for the first `n` retries (at most `shown`). */
export function describeRanges(model: DelayModel, n: number, shown = 6): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.min(n, shown); i++) {
    const [lo, hi] = model.range(i);
    parts.push(formatRange(lo, hi));
  }
  if (n > shown) parts.push('…');
  return parts.join(', ');
}

/** `Delays before retries 1–4: policy 1 s, 2 s, 4 s, 8 s; exported 0.5 s, …` */
export function describeDelayDifference(
  policy: DelayModel,
  exported: DelayModel,
  n: number,
): string {
  const which = n === 1 ? 'retry 1' : `retries 1–${Math.min(n, 6)}`;
  return `Delays before ${which}: policy ${describeRanges(policy, n)}; exported ${describeRanges(exported, n)}.`;
}
