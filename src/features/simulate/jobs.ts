/**
 * The long computations of the simulator, as plain data in and plain data out, so they can run
 * in a Web Worker (`simulate.worker.ts`) and, unchanged, in unit tests.
 */

import {
  histogram,
  monteCarlo,
  runRng,
  simulate,
  summarize,
  type MonteCarloResult,
  type OutagePoint,
  type StopReason,
} from '../../core/retry/simulate';
import {
  AWS_STRATEGIES,
  awsRun,
  awsRunSeed,
  awsSweep,
  type AwsRunResult,
} from '../../core/herd/aws-contention';
import { simulateRateLimited } from '../../core/herd/rate-limited';
import type {
  HerdAwsJob,
  HerdAwsResult,
  Job,
  JobHooks,
  JobResult,
  OutageJob,
  OutageResult,
  RunsJob,
} from './job-types';

export type * from './job-types';
export { jobKey } from './job-types';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Calls per progress report in the many-runs loop. */
const CHUNK = 500;

/**
 * `monteCarlo` with progress: the same runs (run i uses `runRng(seed, i)`), so the numbers
 * equal `monteCarlo(policy, scenario, { runs, seed, latencyMs })`.
 */
export function runMany(job: RunsJob, hooks: JobHooks = {}): MonteCarloResult {
  const runs = Math.max(1, Math.floor(job.runs));
  const waits = new Float64Array(runs);
  const elapsed = new Float64Array(runs);
  const requests = new Float64Array(runs);
  const requestCounts: Record<number, number> = {};
  const stopReasons: Partial<Record<StopReason, number>> = {};
  let successes = 0;
  for (let i = 0; i < runs; i++) {
    if (i % CHUNK === 0) {
      if (hooks.isCancelled?.()) throw new JobCancelled();
      hooks.onProgress?.(i / runs);
    }
    const r = simulate(job.policy, job.scenario, {
      rng: runRng(job.seed, i),
      record: false,
      latencyMs: job.latencyMs,
    });
    waits[i] = r.totalWaitMs;
    elapsed[i] = r.elapsedMs;
    requests[i] = r.requests;
    requestCounts[r.requests] = (requestCounts[r.requests] ?? 0) + 1;
    stopReasons[r.stopReason] = (stopReasons[r.stopReason] ?? 0) + 1;
    if (r.success) successes++;
  }
  hooks.onProgress?.(1);
  return {
    runs,
    successRate: successes / runs,
    totalWaitMs: summarize(waits),
    elapsedMs: summarize(elapsed),
    requests: summarize(requests),
    totalWaitHistogram: histogram(waits, job.bins ?? 24),
    requestCounts,
    stopReasons,
  };
}

/** Success probability against a 503 storm of each length, for each policy. */
export function runOutage(job: OutageJob, hooks: JobHooks = {}): OutageResult {
  const total = job.series.length * job.outagesMs.length;
  let done = 0;
  const series = job.series.map((s) => {
    const points: OutagePoint[] = [];
    for (const T of job.outagesMs) {
      if (hooks.isCancelled?.()) throw new JobCancelled();
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
    if (hooks.isCancelled?.()) throw new JobCancelled();
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
  const sweep = awsSweep(
    { clients: job.sweepClients, runsEach: job.runsEach, seed: job.seed },
    {
      onProgress: (f) => hooks.onProgress?.(1 - sweepShare + f * sweepShare),
      ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
    },
  );
  if (sweep.cancelled) throw new JobCancelled();
  return { kind: 'herd-aws', sweep, runs };
}

export function runJob(job: Job, hooks: JobHooks = {}): JobResult {
  switch (job.kind) {
    case 'runs':
      return { kind: 'runs', result: runMany(job, hooks) };
    case 'outage':
      return runOutage(job, hooks);
    case 'herd-rate': {
      const result = simulateRateLimited(job.config, hooks);
      if (result.cancelled) throw new JobCancelled();
      return { kind: 'herd-rate', result };
    }
    case 'herd-aws':
      return runHerdAws(job, hooks);
  }
}
