/**
 * The worker jobs each panel starts, built from the simulator's state: plain data, so the
 * panels share them without importing each other. Engines are imported for their types only:
 * the page does not bundle what the worker runs.
 */

import type { RateLimitedConfig } from '../../../core/herd/rate-limited';
import type { Scenario } from '../../../core/retry/simulate';
import { OUTAGE_POINTS_MS, failureStep } from '../charts/chart-data';
import { policyRef, type SimulateState } from '../search-state';
import type { HerdAwsJob, HerdRateJob, OutageJob, RunsJob } from './job-types';

export const OUTAGE_RUNS_EACH = 1000;

export function scenarioFor(state: SimulateState): Scenario {
  const step = failureStep(state.failure, state.latencyMs);
  switch (state.scenario) {
    case 'random':
      return { kind: 'bernoulli', failureProbability: state.failureProbability, failure: step };
    case 'always':
      return { kind: 'script', steps: [step] };
    case 'outage':
      return { kind: 'outage', durationMs: state.outageMs, failure: step };
  }
}

export function runsJobFor(state: SimulateState): RunsJob {
  return {
    kind: 'runs',
    policy: state.policy.policy,
    scenario: scenarioFor(state),
    runs: state.runs,
    seed: state.seed,
    latencyMs: state.latencyMs,
  };
}

export function outageJobFor(state: SimulateState, series: OutageJob['series']): OutageJob {
  return {
    kind: 'outage',
    series,
    outagesMs: OUTAGE_POINTS_MS,
    runsEach: OUTAGE_RUNS_EACH,
    seed: state.seed,
    latencyMs: state.latencyMs,
    failure: failureStep(state.failure, state.latencyMs),
  };
}

const raFormats = {
  seconds: 'seconds',
  ms: 'milliseconds',
  both: 'both',
  none: 'none',
} as const;

export function herdRateJob(state: SimulateState): HerdRateJob | undefined {
  const h = state.herd;
  const named = policyRef(h.policyRef, state);
  if (!named) return undefined;
  const config: RateLimitedConfig = {
    clients: h.clients,
    capacityPerSec: h.capacityPerSec,
    policy: named.policy,
    retryAfter: { format: raFormats[h.serverRetryAfter] },
    seed: state.seed,
    // Fine enough for a 3 s herd; the job merges buckets to fit the run (`rebinSeries`).
    bucketMs: 50,
    ...(h.window ? { outage: h.window } : {}),
    ...(h.spreadMs > 0 ? { startSpreadMs: h.spreadMs } : {}),
  };
  return { kind: 'herd-rate', config };
}

/** The AWS contention job; `sweepClients` is `AWS_DEFAULTS.clients` (kept out of this module). */
export function herdAwsJob(state: SimulateState, sweepClients: readonly number[]): HerdAwsJob {
  return {
    kind: 'herd-aws',
    sweepClients,
    runsEach: state.herd.awsRuns,
    clients: state.herd.awsClients,
    seed: state.seed,
    // Fine enough for a 0.3 s run; the job merges buckets to fit the longest run.
    bucketMs: 10,
  };
}
