/**
 * Retry layers stacked on each other: a gateway retrying the provider, inside an SDK retrying
 * the gateway, inside the app's own retry loop. Each attempt of an outer layer is a whole call
 * of the layer inside it, so one persistent failure multiplies.
 */

import { decide, initialRetryState } from './policy';
import type { Rng } from './random';
import { percentile, runRng, toOutcome, type ScriptStep } from './simulate';
import type { Outcome, RetryPolicy } from './types';

export interface LayeredCall {
  /** HTTP requests that reached the provider. */
  readonly requests: number;
  readonly elapsedMs: number;
  /** The request limit stopped the simulation. */
  readonly hitLimit: boolean;
}

/**
 * One call through `layers` (innermost first) against a provider that answers every request
 * with `step`. Without layers it is a single request.
 */
export function layeredCall(
  layers: readonly RetryPolicy[],
  step: ScriptStep,
  rng: Rng,
  maxRequests = 10_000,
): LayeredCall {
  let requests = 0;
  let hitLimit = false;
  const outcome = toOutcome(step);
  const request = (at: number) => {
    requests++;
    return { outcome, endMs: at + (step.durationMs ?? 0) };
  };
  const call = (level: number, startMs: number): { outcome: Outcome; endMs: number } => {
    if (level < 0) return request(startMs);
    const policy = layers[level]!;
    let state = initialRetryState(policy);
    let t = startMs;
    for (let attempt = 1; ; attempt++) {
      const r = call(level - 1, t);
      if (requests >= maxRequests) {
        hitLimit = true;
        return r;
      }
      const res = decide(policy, attempt, r.outcome, r.endMs - startMs, rng, {
        state,
        explain: false,
      });
      state = res.state;
      if (res.action === 'stop') return r;
      if (res.action === 'give-up')
        return { outcome: r.outcome, endMs: r.endMs + res.trailingWaitMs };
      t = r.endMs + res.delayMs;
    }
  };
  const r = call(layers.length - 1, 0);
  return { requests, elapsedMs: r.endMs, hitLimit };
}

export interface LayeredSummary {
  readonly runs: number;
  /** Product of the layers' attempt limits (∞ when one has none). */
  readonly worstCase: number;
  readonly requests: { readonly min: number; readonly p50: number; readonly max: number };
  readonly elapsedMs: {
    readonly min: number;
    readonly p50: number;
    readonly p95: number;
    readonly max: number;
  };
  readonly hitLimit: boolean;
}

/** {@link layeredCall} over `runs` seeded runs. */
export function layeredSummary(
  layers: readonly RetryPolicy[],
  step: ScriptStep,
  options: { readonly runs?: number; readonly seed?: number; readonly maxRequests?: number } = {},
): LayeredSummary {
  const runs = options.runs ?? 200;
  const seed = options.seed ?? 1;
  const requests = new Float64Array(runs);
  const elapsed = new Float64Array(runs);
  let hitLimit = false;
  for (let i = 0; i < runs; i++) {
    const r = layeredCall(layers, step, runRng(seed, i), options.maxRequests);
    requests[i] = r.requests;
    elapsed[i] = r.elapsedMs;
    if (r.hitLimit) hitLimit = true;
  }
  requests.sort();
  elapsed.sort();
  return {
    runs,
    worstCase: layers.reduce((n, p) => n * p.maxAttempts, 1),
    requests: {
      min: requests[0] ?? 0,
      p50: percentile(requests, 0.5),
      max: requests[runs - 1] ?? 0,
    },
    elapsedMs: {
      min: elapsed[0] ?? 0,
      p50: percentile(elapsed, 0.5),
      p95: percentile(elapsed, 0.95),
      max: elapsed[runs - 1] ?? 0,
    },
    hitLimit,
  };
}
