/**
 * Shapes engine output into what the tables and charts draw. Pure and synchronous: everything
 * here is cheap enough for the main thread (the 10 000-run work lives in `jobs.ts`).
 */

import {
  backoffFor,
  delayRange,
  nextBackoff,
  sampleDelay,
  type BackoffState,
} from '../../../core/retry/policy';
import { constantRng } from '../../../core/retry/random';
import {
  percentile,
  runRng,
  simulate,
  type Histogram,
  type OutagePoint,
  type ScriptStep,
  type SimulationResult,
} from '../../../core/retry/simulate';
import type { Outcome, RetryPolicy } from '../../../core/retry/types';

/** How many retries the timeline and table show at most (policies without a limit). */
export const MAX_SHOWN_RETRIES = 20;
/** Seeded draws behind an estimated median. */
export const MEDIAN_SAMPLES = 1001;

export type CapState = 'no' | 'sometimes' | 'always';
export type DeadlineState = 'before' | 'maybe' | 'after';

export interface DelayRow {
  /** 1-based retry number: the wait after attempt `retry`. */
  readonly retry: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  /** The median is exact (U = ½); otherwise estimated from {@link MEDIAN_SAMPLES} draws. */
  readonly medianExact: boolean;
  /** The part every draw includes, and the width of the random part. */
  readonly fixedMs: number;
  readonly jitterMs: number;
  readonly capped: CapState;
  /** When this wait can start (all earlier waits shortest / longest), attempt time included. */
  readonly startMinMs: number;
  readonly startMaxMs: number;
  /** Total waiting up to and including this wait. */
  readonly cumMinMs: number;
  readonly cumMedianMs: number;
  readonly cumMaxMs: number;
  /** When the next attempt starts (shortest, median, longest). */
  readonly nextMinMs: number;
  readonly nextMedianMs: number;
  readonly nextMaxMs: number;
  /** Where the next attempt falls against the first deadline. */
  readonly deadline: DeadlineState;
}

export interface DelayTable {
  readonly rows: DelayRow[];
  /** Why the list ends: the policy's own limit, the display limit, or a deadline. */
  readonly end: 'attempts' | 'display-limit' | 'deadline';
  readonly anyEstimated: boolean;
  readonly capMs: number | undefined;
}

export interface DelayTableOptions {
  /** The failure every attempt gets (picks per-status backoffs). Default 503. */
  readonly outcome?: Outcome;
  /** How long each failed attempt takes. Default 0. */
  readonly latencyMs?: number;
  readonly seed?: number;
  readonly limit?: number;
  readonly samples?: number;
}

export const HTTP_503: Outcome = { kind: 'response', status: 503 };

/** Min / median / max of every wait, and cumulative time, for a call that keeps failing. */
export function delayTable(policy: RetryPolicy, options: DelayTableOptions = {}): DelayTable {
  const outcome = options.outcome ?? HTTP_503;
  const latency = options.latencyMs ?? 0;
  const limit = options.limit ?? MAX_SHOWN_RETRIES;
  const samples = options.samples ?? MEDIAN_SAMPLES;
  const seed = options.seed ?? 1;
  const spec = backoffFor(policy, outcome);
  const allowed = policy.maxAttempts - 1;
  const count = Math.max(0, Math.min(allowed, limit));
  const deadline = policy.deadlines?.[0];

  const exactMedian =
    spec.jitter.kind !== 'decorrelated' &&
    spec.jitter.kind !== 'decorrelated-v2' &&
    spec.schedule !== 'precomputed-sorted';

  // Seeded sequences of waits, for the cumulative medians (and per-wait medians when needed).
  const draws: Float64Array[] = Array.from({ length: count }, () => new Float64Array(samples));
  const cums: Float64Array[] = Array.from({ length: count }, () => new Float64Array(samples));
  for (let k = 0; k < samples; k++) {
    const rng = runRng(seed, k);
    let state: BackoffState = {};
    let cum = 0;
    for (let i = 0; i < count; i++) {
      const step = nextBackoff(spec, i, rng, state, policy.maxAttempts);
      // Only the stateful backoffs (decorrelated, sorted schedules) carry anything forward.
      if (!exactMedian) state = { ...state, ...step };
      const delayMs = step.delayMs;
      cum += delayMs;
      draws[i]![k] = delayMs;
      cums[i]![k] = cum;
    }
  }
  const median = (values: Float64Array) => percentile(Float64Array.from(values).sort(), 0.5);

  const rows: DelayRow[] = [];
  let cumMin = 0;
  let cumMax = 0;
  let end: DelayTable['end'] = count < allowed ? 'display-limit' : 'attempts';
  let anyEstimated = false;
  for (let i = 0; i < count; i++) {
    const r = delayRange(policy, i, outcome);
    const medianMs = exactMedian
      ? sampleDelay(policy, i, constantRng(0.5), { outcome })
      : median(draws[i]!);
    const startMinMs = (i + 1) * latency + cumMin;
    const startMaxMs = (i + 1) * latency + cumMax;
    cumMin += r.minMs;
    cumMax += r.maxMs;
    // The first total is the first wait: use its exact median when there is one.
    const cumMedianMs = i === 0 && exactMedian ? medianMs : median(cums[i]!);
    const isDeterministic = r.minMs === r.maxMs;
    if (!isDeterministic && (!exactMedian || i > 0)) anyEstimated = true;
    const cap = spec.maxDelayMs;
    let capped: CapState = 'no';
    if (cap !== undefined) {
      const beforeJitter = (spec.clampStage ?? 'before-jitter') === 'before-jitter' && exactMedian;
      if (beforeJitter) capped = r.nominalMs >= cap ? 'always' : 'no';
      else capped = r.minMs >= cap ? 'always' : r.maxMs >= cap ? 'sometimes' : 'no';
    }
    const nextMinMs = startMinMs + r.minMs;
    const nextMaxMs = startMaxMs + r.maxMs;
    const nextMedianMs = (i + 1) * latency + cumMedianMs;
    let dl: DeadlineState = 'before';
    if (deadline) {
      if (nextMinMs > deadline.ms) dl = 'after';
      else if (nextMaxMs > deadline.ms) dl = 'maybe';
    }
    rows.push({
      retry: i + 1,
      minMs: r.minMs,
      medianMs,
      maxMs: r.maxMs,
      minInclusive: r.minInclusive,
      maxInclusive: r.maxInclusive,
      medianExact: exactMedian || isDeterministic,
      fixedMs: r.fixedMs,
      jitterMs: r.jitterMs,
      capped,
      startMinMs,
      startMaxMs,
      cumMinMs: cumMin,
      cumMedianMs,
      cumMaxMs: cumMax,
      nextMinMs,
      nextMedianMs,
      nextMaxMs,
      deadline: dl,
    });
    // Stop once the next attempt would start after the deadline (always, or in most draws).
    if (dl === 'after' || (deadline && nextMedianMs > deadline.ms && i + 1 < count)) {
      end = 'deadline';
      break;
    }
  }
  return { rows, end, anyEstimated, capMs: spec.maxDelayMs };
}

/** The step the server keeps answering with for a failure outcome (each taking `latencyMs`). */
export function failureStep(outcome: Outcome, latencyMs = 0): ScriptStep {
  return latencyMs > 0 ? { ...outcome, durationMs: latencyMs } : outcome;
}

/** One seeded call against a server that keeps failing with `outcome`, cut at the display limit. */
export function sampledRun(
  policy: RetryPolicy,
  options: { outcome?: Outcome; latencyMs?: number; seed?: number; limit?: number } = {},
): SimulationResult {
  const outcome = options.outcome ?? HTTP_503;
  return simulate(
    policy,
    { kind: 'script', steps: [failureStep(outcome, options.latencyMs)] },
    {
      seed: options.seed ?? 1,
      latencyMs: options.latencyMs ?? 0,
      maxRequests: (options.limit ?? MAX_SHOWN_RETRIES) + 1,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Timeline geometry

export interface TimelineBar {
  readonly row: number;
  readonly retry: number;
  /** The faint "could happen" span: earliest start to latest end. */
  readonly spanStart: number;
  readonly spanEnd: number;
  readonly fixedStart: number;
  readonly fixedEnd: number;
  readonly jitterEnd: number;
  readonly capped: CapState;
}

export interface TimelineMark {
  readonly request: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
  readonly ok: boolean;
  /** Wait after this request (0 when none). */
  readonly waitMs: number;
  readonly waitSource: 'backoff' | 'retry-after' | undefined;
}

export interface TimelineModel {
  readonly bars: TimelineBar[];
  readonly marks: TimelineMark[];
  /** x extent (ms). */
  readonly domainMs: number;
  readonly deadlines: { readonly ms: number; readonly check: string; readonly onChart: boolean }[];
  readonly attemptTimeout: { readonly ms: number; readonly onChart: boolean } | undefined;
  /** The backoff's cap, if any (waits at it are labelled). */
  readonly capMs: number | undefined;
  readonly end: { readonly atMs: number; readonly ok: boolean; readonly text: string };
}

function markLabel(entry: SimulationResult['entries'][number]): string {
  const o = entry.outcome;
  const base = o.kind === 'response' ? String(o.status) : o.kind === 'timeout' ? 'timeout' : 'conn';
  return entry.cutBy === 'attempt-timeout' ? `${base} (timed out)` : base;
}

/** Lay out one policy's waits (from {@link delayTable}) and one run on a shared time axis. */
export function timelineModel(
  policy: RetryPolicy,
  table: DelayTable,
  run: SimulationResult,
): TimelineModel {
  const bars: TimelineBar[] = table.rows.map((r, i) => ({
    row: i,
    retry: r.retry,
    spanStart: r.startMinMs,
    spanEnd: r.startMaxMs + r.maxMs,
    fixedStart: r.startMinMs,
    fixedEnd: r.startMinMs + r.fixedMs,
    jitterEnd: r.startMinMs + r.maxMs,
    capped: r.capped,
  }));
  const marks: TimelineMark[] = run.entries.map((e) => {
    const decision = e.decision;
    return {
      request: e.request,
      startMs: e.startMs,
      endMs: e.endMs,
      label: markLabel(e),
      ok: e.outcome.kind === 'response' && e.outcome.status >= 200 && e.outcome.status < 300,
      waitMs: e.waitMs,
      waitSource: decision?.action === 'retry' ? decision.source : undefined,
    };
  });
  let extent = Math.max(run.elapsedMs, ...bars.map((b) => b.spanEnd), 0);
  if (extent === 0) extent = 1000;
  const deadlinesRaw = policy.deadlines ?? [];
  // Show a deadline or timeout that is not far beyond the action.
  const reach = extent * 1.5;
  for (const d of deadlinesRaw) if (d.ms <= reach) extent = Math.max(extent, d.ms);
  const t = policy.attemptTimeoutMs;
  if (t !== undefined && t <= reach) extent = Math.max(extent, t);
  const domainMs = extent * 1.04;
  return {
    bars,
    marks,
    domainMs,
    deadlines: deadlinesRaw.map((d) => ({ ms: d.ms, check: d.check, onChart: d.ms <= domainMs })),
    attemptTimeout: t === undefined ? undefined : { ms: t, onChart: t <= domainMs },
    capMs: table.capMs,
    end: {
      atMs: run.elapsedMs,
      ok: run.success,
      text: run.success
        ? 'succeeds'
        : run.stopReason === 'simulation-limit'
          ? 'still retrying'
          : 'gives up',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Histograms and outage curves

export interface Bar {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

export function histogramBars(h: Histogram): Bar[] {
  return h.counts.map((count, i) => ({
    x0: h.edges[i] ?? 0,
    x1: h.edges[i + 1] ?? h.edges[i] ?? 0,
    count,
  }));
}

/** Outage lengths probed by "does it ride out an outage?" (seconds, 0–300). */
export const OUTAGE_POINTS_S = [
  0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120, 150, 180, 240,
  300,
] as const;

export const OUTAGE_POINTS_MS: readonly number[] = OUTAGE_POINTS_S.map((s) => s * 1000);

/**
 * The longest probed outage the policy survives with probability ≥ `level`, and the shortest
 * one it survives with probability < `1 − level` (undefined when none).
 */
export function rideOut(
  points: readonly OutagePoint[],
  level = 0.99,
): { readonly survivesMs: number | undefined; readonly failsMs: number | undefined } {
  let survivesMs: number | undefined;
  let failsMs: number | undefined;
  for (const p of points) {
    if (p.successRate >= level && failsMs === undefined) survivesMs = p.outageMs;
    if (p.successRate < 1 - level && failsMs === undefined) failsMs = p.outageMs;
  }
  return { survivesMs, failsMs };
}

/** Attempts (1-based) and when each starts, shortest / median / longest, for overlays. */
export interface AttemptTime {
  readonly attempt: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly maxMs: number;
}

export function attemptTimes(table: DelayTable): AttemptTime[] {
  return [
    { attempt: 1, minMs: 0, medianMs: 0, maxMs: 0 },
    ...table.rows.map((r) => ({
      attempt: r.retry + 1,
      minMs: r.nextMinMs,
      medianMs: r.nextMedianMs,
      maxMs: r.nextMaxMs,
    })),
  ];
}
