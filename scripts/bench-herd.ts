/**
 * Timings of the herd simulations, for `scripts/bench.ts`. Measures and returns; prints nothing.
 */

import { requirePreset } from '../src/core/retry/presets';
import { awsSweep, type AwsStrategy } from '../src/core/herd/aws-contention';
import { simulateRateLimited } from '../src/core/herd/rate-limited';

export interface HerdBench {
  readonly awsSweep: {
    readonly ms: number;
    readonly points: number;
    readonly runsEach: number;
    /** Mean calls and completion time (ms) per strategy at 100 clients. */
    readonly at100: Readonly<
      Record<AwsStrategy, { readonly calls: number; readonly completionMs: number }>
    >;
  };
  readonly rateLimited: {
    readonly ms: number;
    readonly clients: number;
    readonly capacityPerSec: number;
    readonly policy: string;
    readonly totalRequests: number;
    readonly succeeded: number;
    readonly herdCompletionMs: number;
    readonly successP50Ms: number;
    readonly successP99Ms: number;
    readonly peakOfferedPerSec: number;
    readonly peakAcceptedPerSec: number;
  };
}

const now = (): number => globalThis.performance.now();

/**
 * The full AWS sweep (10…190 clients × 5 strategies × 100 runs, seed 1) and a 10 000-client
 * herd at 500 requests/s (fixed window, Retry-After in seconds) retrying with Full Jitter
 * (base 5 ms, cap 2 s, until success) through a 503 outage from 5 s to 15 s.
 */
export function benchHerd(): HerdBench {
  const t0 = now();
  const sweep = awsSweep({ seed: 1 });
  const sweepMs = now() - t0;
  const i100 = sweep.clients.indexOf(100);
  const at100 = {} as Record<AwsStrategy, { calls: number; completionMs: number }>;
  for (const s of sweep.series) {
    at100[s.strategy] = {
      calls: s.meanCalls[i100] ?? Number.NaN,
      completionMs: s.meanCompletionMs[i100] ?? Number.NaN,
    };
  }

  const policyId = 'aws-blog-full-jitter';
  const t1 = now();
  const herd = simulateRateLimited({
    clients: 10_000,
    capacityPerSec: 500,
    policy: requirePreset(policyId).policy,
    outage: { startMs: 5000, endMs: 15_000 },
    seed: 1,
  });
  const herdMs = now() - t1;

  return {
    awsSweep: {
      ms: sweepMs,
      points: sweep.clients.length * sweep.series.length,
      runsEach: sweep.runsEach,
      at100,
    },
    rateLimited: {
      ms: herdMs,
      clients: herd.clients,
      capacityPerSec: herd.capacityPerSec,
      policy: policyId,
      totalRequests: herd.totalRequests,
      succeeded: herd.succeeded,
      herdCompletionMs: herd.herdCompletionMs,
      successP50Ms: herd.successTimeMs.p50,
      successP99Ms: herd.successTimeMs.p99,
      peakOfferedPerSec: Math.max(0, ...herd.series.offeredPerSec),
      peakAcceptedPerSec: Math.max(0, ...herd.series.acceptedPerSec),
    },
  };
}
