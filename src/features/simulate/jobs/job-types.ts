/**
 * The simulator's long jobs as plain data (what the page sends to `simulate.worker.ts` and gets
 * back). Type-only imports: the page bundles none of the engines it runs in the worker.
 */

import type { AwsRunResult, AwsSweepResult } from '../../../core/herd/aws-contention';
import type { RateLimitedConfig, RateLimitedResult } from '../../../core/herd/rate-limited';
import type {
  MonteCarloResult,
  OutagePoint,
  Scenario,
  ScriptStep,
} from '../../../core/retry/simulate';
import type { RetryPolicy } from '../../../core/retry/types';

export interface RunsJob {
  readonly kind: 'runs';
  readonly policy: RetryPolicy;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly seed: number;
  readonly latencyMs: number;
  readonly bins?: number;
}

export interface OutageSeries {
  readonly id: string;
  readonly label: string;
  readonly policy: RetryPolicy;
}

export interface OutageJob {
  readonly kind: 'outage';
  readonly series: readonly OutageSeries[];
  readonly outagesMs: readonly number[];
  readonly runsEach: number;
  readonly seed: number;
  readonly latencyMs: number;
  readonly failure?: ScriptStep;
}

/** N clients against a rate-limited endpoint (`src/core/herd/rate-limited.ts`). */
export interface HerdRateJob {
  readonly kind: 'herd-rate';
  readonly config: RateLimitedConfig;
}

/** The AWS 2015 contention model: the sweep, plus one run per strategy at `clients`. */
export interface HerdAwsJob {
  readonly kind: 'herd-aws';
  /** Client counts of the sweep. */
  readonly sweepClients: readonly number[];
  readonly runsEach: number;
  /** Clients of the single runs whose server load is drawn. */
  readonly clients: number;
  readonly seed: number;
  readonly bucketMs: number;
}

export type Job = RunsJob | OutageJob | HerdRateJob | HerdAwsJob;

export interface RunsResult {
  readonly kind: 'runs';
  readonly result: MonteCarloResult;
}

export interface OutageResult {
  readonly kind: 'outage';
  readonly series: readonly {
    readonly id: string;
    readonly label: string;
    readonly points: OutagePoint[];
  }[];
}

export interface HerdRateResult {
  readonly kind: 'herd-rate';
  readonly result: RateLimitedResult;
}

export interface HerdAwsResult {
  readonly kind: 'herd-aws';
  readonly sweep: AwsSweepResult;
  readonly runs: readonly AwsRunResult[];
}

export type JobResult = RunsResult | OutageResult | HerdRateResult | HerdAwsResult;

export interface JobHooks {
  /** A fraction in [0, 1], non-decreasing. */
  readonly onProgress?: (fraction: number) => void;
  readonly isCancelled?: () => boolean;
}

/** A stable key for "are these results still for the current settings?". */
export function jobKey(job: Job): string {
  return JSON.stringify(job, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
  );
}
