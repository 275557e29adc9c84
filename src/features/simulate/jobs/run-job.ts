/**
 * The long computations of the simulator, as plain data in and plain data out, so they can run
 * in a Web Worker (`simulate.worker.ts`) and, unchanged, in unit tests.
 */

import { SimulationCancelled, monteCarlo, type OutagePoint } from '../../../core/retry/simulate';
import {
  AWS_STRATEGIES,
  awsRun,
  awsRunSeed,
  awsSweep,
  type AwsRunResult,
} from '../../../core/herd/aws-contention';
import { mergeBuckets, niceBucketMs } from '../../../core/herd/common';
import { rebinSeries, simulateRateLimited } from '../../../core/herd/rate-limited';
import type {
  HerdAwsJob,
  HerdAwsResult,
  Job,
  JobHooks,
  JobResult,
  OutageJob,
  OutageResult,
} from './job-types';

export type * from './job-types';
export { jobKey } from './job-types';

/** Thrown when a job's `isCancelled` hook says so (the engine's own cancellation error). */
export { SimulationCancelled as JobCancelled };

/** Success probability against a 503 storm of each length, for each policy. */
export function runOutage(job: OutageJob, hooks: JobHooks = {}): OutageResult {
  const total = job.series.length * job.outagesMs.length;
  let done = 0;
  const series = job.series.map((s) => {
    const points: OutagePoint[] = [];
    for (const T of job.outagesMs) {
      if (hooks.isCancelled?.()) throw new SimulationCancelled();
      const mc = monteCarlo(
        s.policy,
        { kind: 'outage', durationMs: T, ...(job.failure ? { failure: job.failure } : {}) },
        { runs: job.runsEach, seed: job.seed, latencyMs: job.latencyMs },
      );
      points.push({
        outageMs: T,
        successRate: mc.successRate,
        requests: mc.requests,
        elapsedMs: mc.elapsedMs,
      });
      done++;
      hooks.onProgress?.(done / total);
    }
    return { id: s.id, label: s.label, points };
  });
  return { kind: 'outage', series };
}

/** The AWS sweep (most of the work) and one traced run per strategy. */
export function runHerdAws(job: HerdAwsJob, hooks: JobHooks = {}): HerdAwsResult {
  const runs: AwsRunResult[] = [];
  const sweepShare = 0.9;
  for (const [i, s] of AWS_STRATEGIES.entries()) {
    if (hooks.isCancelled?.()) throw new SimulationCancelled();
    runs.push(
      awsRun({
        clients: job.clients,
        strategy: s.id,
        seed: awsRunSeed(job.seed, job.clients, 0),
        bucketMs: job.bucketMs,
      }),
    );
    hooks.onProgress?.(((i + 1) / AWS_STRATEGIES.length) * (1 - sweepShare));
  }
  // Recorded finely; charted in one round width that fits the longest run (≤ 100 buckets).
  const recordedMs = job.bucketMs;
  const longest = Math.max(...runs.map((r) => r.timeline.writes.length));
  const width = niceBucketMs(longest * recordedMs, recordedMs, { maxBuckets: 100 });
  const factor = width / recordedMs;
  const charted = runs.map((r) => ({
    ...r,
    timeline: {
      bucketMs: width,
      writes: mergeBuckets(r.timeline.writes, factor),
      successes: mergeBuckets(r.timeline.successes, factor),
    },
  }));
  const sweep = awsSweep(
    { clients: job.sweepClients, runsEach: job.runsEach, seed: job.seed },
    {
      onProgress: (f) => hooks.onProgress?.(1 - sweepShare + f * sweepShare),
      ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
    },
  );
  if (sweep.cancelled) throw new SimulationCancelled();
  return { kind: 'herd-aws', sweep, runs: charted };
}

export function runJob(job: Job, hooks: JobHooks = {}): JobResult {
  switch (job.kind) {
    case 'runs': {
      const options = { runs: job.runs, seed: job.seed, latencyMs: job.latencyMs };
      const bins = job.bins ?? 24;
      return {
        kind: 'runs',
        result: monteCarlo(job.policy, job.scenario, { ...options, bins }, hooks),
      };
    }
    case 'outage':
      return runOutage(job, hooks);
    case 'herd-rate': {
      const result = simulateRateLimited(job.config, hooks);
      if (result.cancelled) throw new SimulationCancelled();
      // Recorded finely, charted in round buckets that fit the run's length (≤ 100 of them).
      const series = rebinSeries(result.series, { maxBuckets: 100, minBucketMs: 100 });
      return { kind: 'herd-rate', result: { ...result, series } };
    }
    case 'herd-aws':
      return runHerdAws(job, hooks);
  }
}
