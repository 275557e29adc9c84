/**
 * Run a retry policy against scripted or random server behaviour on a virtual clock.
 *
 * - {@link simulate}: one call against a scenario, with a full timeline.
 * - {@link monteCarlo}: N seeded calls, percentiles and a histogram.
 * - {@link successVsOutage}: the probability that a call succeeds when the server fails every
 *   request that starts during the first T ms (a 503 storm from t = 0).
 *
 * Time starts at 0 when the first attempt starts. Nothing here sleeps or reads the clock.
 */

import { decide, initialRetryState } from './policy';
import type { Decision, GiveUpReason, Outcome, RetryPolicy, RetryState } from './types';
import { hashSeed, mulberry32, type Rng } from './random';

/** One scripted server reaction; `durationMs` is how long the attempt takes. */
export type ScriptStep = Outcome & { readonly durationMs?: number };

export type Scenario =
  /** The server answers with these steps in order; after the end, `afterEnd` (default `repeat-last`). */
  | {
      readonly kind: 'script';
      readonly steps: readonly ScriptStep[];
      readonly afterEnd?: 'repeat-last' | 'success';
    }
  /** Every request that starts before `durationMs` gets `failure` (default 503); later ones 200. */
  | { readonly kind: 'outage'; readonly durationMs: number; readonly failure?: ScriptStep }
  /** Each request fails independently with probability `failureProbability`. */
  | {
      readonly kind: 'bernoulli';
      readonly failureProbability: number;
      readonly failure?: ScriptStep;
    };

export interface SimulateOptions {
  /** Random source; default `mulberry32(seed)`. */
  readonly rng?: Rng;
  readonly seed?: number;
  /** Wall-clock time of t = 0 (epoch ms), for HTTP-date hints. Default 2026-01-01T00:00:00Z. */
  readonly startEpochMs?: number;
  /** Duration of a step without `durationMs`. Default 0. */
  readonly latencyMs?: number;
  /** Duration of a `timeout` step when the policy has no per-attempt timeout. Default 600 000. */
  readonly hangMs?: number;
  /** Stop the simulation after this many requests (policies without limits). Default 1000. */
  readonly maxRequests?: number;
  /**
   * A policy that runs *inside* each attempt of `policy` (e.g. the SDK's own retries inside a
   * tenacity loop): each outer attempt is a whole inner call.
   */
  readonly inner?: RetryPolicy;
  /** Carry a quota from an earlier call (the state's `quota` is kept, the rest is reset). */
  readonly state?: RetryState;
  /** Keep the per-request timeline (default true; Monte Carlo turns it off). */
  readonly record?: boolean;
}

export const DEFAULT_START_EPOCH_MS = Date.UTC(2026, 0, 1);

export interface TimelineEntry {
  /** 1-based HTTP request number. */
  readonly request: number;
  /** Attempt number within the innermost policy. */
  readonly attempt: number;
  /** Attempt number of the outer policy (only with `inner`). */
  readonly outerAttempt?: number;
  readonly startMs: number;
  endMs: number;
  /** What the server did (`step`) and what the client saw (`outcome`, after timeouts). */
  readonly step: ScriptStep;
  outcome: Outcome;
  cutBy?: 'attempt-timeout' | 'deadline';
  /** The innermost policy's decision after this request. */
  decision?: Decision;
  /** The outer policy's decision (only with `inner`, on an inner call's last request). */
  outerDecision?: Decision;
  /** Time slept after this request (all layers). */
  waitMs: number;
}

export type StopReason = 'success' | GiveUpReason | 'simulation-limit';

export interface SimulationResult {
  readonly success: boolean;
  readonly stopReason: StopReason;
  readonly why: string;
  /** HTTP requests made. */
  readonly requests: number;
  /** Attempts of the outer policy (= requests without `inner`). */
  readonly attempts: number;
  readonly totalWaitMs: number;
  /** From the first request's start to the end (trailing sleeps included). */
  readonly elapsedMs: number;
  readonly finalOutcome: Outcome | undefined;
  readonly entries: readonly TimelineEntry[];
  /** Final state of the outer policy (pass it on to carry a quota). */
  readonly state: RetryState;
}

type Responder = (request: number, startMs: number, rng: Rng) => ScriptStep;

const OK: ScriptStep = { kind: 'response', status: 200 };
const STORM: ScriptStep = { kind: 'response', status: 503 };

export function responderFor(scenario: Scenario): Responder {
  switch (scenario.kind) {
    case 'script': {
      const { steps } = scenario;
      if (steps.length === 0) return () => OK;
      const last = steps[steps.length - 1] ?? OK;
      const after = scenario.afterEnd === 'success' ? OK : last;
      return (request) => steps[request - 1] ?? after;
    }
    case 'outage': {
      const failure = scenario.failure ?? STORM;
      return (_request, startMs) => (startMs < scenario.durationMs ? failure : OK);
    }
    case 'bernoulli': {
      const failure = scenario.failure ?? STORM;
      const p = scenario.failureProbability;
      return (_request, _startMs, rng) => (rng() < p ? failure : OK);
    }
  }
}

/** What the client sees of a scripted step (the step without its duration). */
export function toOutcome(step: ScriptStep): Outcome {
  if (step.kind === 'response') {
    return step.headers
      ? { kind: 'response', status: step.status, headers: step.headers }
      : { kind: 'response', status: step.status };
  }
  return { kind: step.kind };
}

interface RunContext {
  readonly responder: Responder;
  readonly rng: Rng;
  readonly record: boolean;
  readonly entries: TimelineEntry[];
  readonly maxRequests: number;
  readonly startEpochMs: number;
  readonly latencyMs: number;
  readonly hangMs: number;
  requests: number;
  totalWaitMs: number;
  outerAttempt: number | undefined;
}

interface AttemptResult {
  readonly outcome: Outcome;
  readonly endMs: number;
  readonly entry: TimelineEntry | undefined;
}

interface CallResult {
  readonly stopReason: StopReason;
  readonly why: string;
  readonly outcome: Outcome | undefined;
  readonly endMs: number;
  readonly attempts: number;
  readonly entry: TimelineEntry | undefined;
  readonly state: RetryState;
}

function performRequest(
  ctx: RunContext,
  policy: RetryPolicy,
  callStartMs: number,
  startMs: number,
  attempt: number,
): AttemptResult | undefined {
  if (ctx.requests >= ctx.maxRequests) return undefined;
  ctx.requests++;
  const step = ctx.responder(ctx.requests, startMs, ctx.rng);
  let outcome = toOutcome(step);
  let duration =
    step.kind === 'timeout'
      ? (policy.attemptTimeoutMs ?? ctx.hangMs)
      : (step.durationMs ?? ctx.latencyMs);
  let cutBy: TimelineEntry['cutBy'];
  if (policy.attemptTimeoutMs !== undefined && duration > policy.attemptTimeoutMs) {
    duration = policy.attemptTimeoutMs;
    outcome = { kind: 'timeout' };
    cutBy = 'attempt-timeout';
  }
  for (const d of policy.deadlines ?? []) {
    if (d.check !== 'hard') continue;
    const limit = callStartMs + d.ms - startMs;
    if (duration >= limit) {
      duration = Math.max(0, limit);
      outcome = { kind: 'timeout' };
      cutBy = 'deadline';
    }
  }
  let entry: TimelineEntry | undefined;
  if (ctx.record) {
    entry = {
      request: ctx.requests,
      attempt,
      ...(ctx.outerAttempt === undefined ? {} : { outerAttempt: ctx.outerAttempt }),
      startMs,
      endMs: startMs + duration,
      step,
      outcome,
      ...(cutBy ? { cutBy } : {}),
      waitMs: 0,
    };
    ctx.entries.push(entry);
  }
  return { outcome, endMs: startMs + duration, entry };
}

function runCall(
  ctx: RunContext,
  policy: RetryPolicy,
  startMs: number,
  initialState: RetryState,
  layer: 'decision' | 'outerDecision',
  attemptFn: (attempt: number, atMs: number) => AttemptResult | undefined,
): CallResult {
  let state = initialState;
  let t = startMs;
  let attempt = 0;
  for (;;) {
    attempt++;
    const r = attemptFn(attempt, t);
    if (!r) {
      return {
        stopReason: 'simulation-limit',
        why: `stopped after ${ctx.maxRequests} requests`,
        outcome: undefined,
        endMs: t,
        attempts: attempt - 1,
        entry: undefined,
        state,
      };
    }
    const res = decide(policy, attempt, r.outcome, r.endMs - startMs, ctx.rng, {
      state,
      nowMs: ctx.startEpochMs + r.endMs,
      explain: ctx.record,
    });
    state = res.state;
    if (r.entry) {
      const { state: _drop, ...decision } = res;
      r.entry[layer] = decision;
    }
    if (res.action === 'stop') {
      return {
        stopReason: 'success',
        why: res.why,
        outcome: r.outcome,
        endMs: r.endMs,
        attempts: attempt,
        entry: r.entry,
        state,
      };
    }
    if (res.action === 'give-up') {
      ctx.totalWaitMs += res.trailingWaitMs;
      if (r.entry) r.entry.waitMs += res.trailingWaitMs;
      return {
        stopReason: res.reason,
        why: res.why,
        outcome: r.outcome,
        endMs: r.endMs + res.trailingWaitMs,
        attempts: attempt,
        entry: r.entry,
        state,
      };
    }
    const wait =
      policy.delayFrom === 'attempt-start' ? Math.max(0, res.delayMs - (r.endMs - t)) : res.delayMs;
    ctx.totalWaitMs += wait;
    if (r.entry) r.entry.waitMs += wait;
    t = r.endMs + wait;
  }
}

/** Run one call of `policy` against `scenario` (or a list of steps). */
export function simulate(
  policy: RetryPolicy,
  scenario: Scenario | readonly ScriptStep[],
  options: SimulateOptions = {},
): SimulationResult {
  const sc: Scenario = Array.isArray(scenario)
    ? { kind: 'script', steps: scenario as readonly ScriptStep[] }
    : (scenario as Scenario);
  return runWith(policy, responderFor(sc), options.rng ?? mulberry32(options.seed ?? 1), options);
}

function runWith(
  policy: RetryPolicy,
  responder: Responder,
  rng: Rng,
  options: SimulateOptions,
): SimulationResult {
  const ctx: RunContext = {
    responder,
    rng,
    record: options.record ?? true,
    entries: [],
    maxRequests: options.maxRequests ?? 1000,
    startEpochMs: options.startEpochMs ?? DEFAULT_START_EPOCH_MS,
    latencyMs: options.latencyMs ?? 0,
    hangMs: options.hangMs ?? 600_000,
    requests: 0,
    totalWaitMs: 0,
    outerAttempt: undefined,
  };
  const fresh = initialRetryState(policy);
  const state = options.state?.quota ? { ...fresh, quota: options.state.quota } : fresh;
  const inner = options.inner;
  let result: CallResult;
  if (inner) {
    result = runCall(ctx, policy, 0, state, 'outerDecision', (outerAttempt, at) => {
      ctx.outerAttempt = outerAttempt;
      const r = runCall(ctx, inner, at, initialRetryState(inner), 'decision', (a, t) =>
        performRequest(ctx, inner, at, t, a),
      );
      if (r.stopReason === 'simulation-limit' || !r.outcome) return undefined;
      return { outcome: r.outcome, endMs: r.endMs, entry: r.entry };
    });
  } else {
    result = runCall(ctx, policy, 0, state, 'decision', (a, t) =>
      performRequest(ctx, policy, 0, t, a),
    );
  }
  return {
    success: result.stopReason === 'success',
    stopReason: result.stopReason,
    why: result.why,
    requests: ctx.requests,
    attempts: result.attempts,
    totalWaitMs: ctx.totalWaitMs,
    elapsedMs: result.endMs,
    finalOutcome: result.outcome,
    entries: ctx.entries,
    state: result.state,
  };
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo

export interface Summary {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

export interface Histogram {
  /** `bins + 1` ascending edges; bin i is [edges[i], edges[i+1]) and the last bin is closed. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
}

export interface MonteCarloResult {
  readonly runs: number;
  readonly successRate: number;
  readonly totalWaitMs: Summary;
  readonly elapsedMs: Summary;
  /** HTTP requests per call. */
  readonly requests: Summary;
  readonly totalWaitHistogram: Histogram;
  /** How many calls made exactly n requests. */
  readonly requestCounts: Readonly<Record<number, number>>;
  readonly stopReasons: Readonly<Partial<Record<StopReason, number>>>;
}

/** Progress and cancellation for long Monte Carlo batches (the simulator's Web Worker). */
export interface MonteCarloHooks {
  /** Called with the fraction of runs done (0 first, 1 last), every {@link PROGRESS_EVERY} runs. */
  readonly onProgress?: (fraction: number) => void;
  /** Polled every {@link PROGRESS_EVERY} runs; returning true throws {@link SimulationCancelled}. */
  readonly isCancelled?: () => boolean;
}

/** Runs between progress reports and cancellation checks. */
export const PROGRESS_EVERY = 500;

/** Thrown by {@link monteCarlo} when its `isCancelled` hook says so. */
export class SimulationCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface MonteCarloOptions extends Omit<SimulateOptions, 'rng' | 'record' | 'state'> {
  /** Number of calls. Default 10 000. */
  readonly runs?: number;
  /** Histogram bins. Default 20. */
  readonly bins?: number;
  /** Carry the quota from one call to the next (AWS quota / gRPC throttling). Default false. */
  readonly shareQuota?: boolean;
}

/** Nearest-rank percentile of an ascending array (p in (0, 1]). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(n, Math.max(1, Math.ceil(p * n)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(values: Float64Array): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const n = sorted.length;
  return {
    mean: n ? sum / n : Number.NaN,
    min: n ? (sorted[0] ?? Number.NaN) : Number.NaN,
    max: n ? (sorted[n - 1] ?? Number.NaN) : Number.NaN,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

export function histogram(values: Float64Array, bins: number, lo?: number, hi?: number): Histogram {
  let min = lo ?? Number.POSITIVE_INFINITY;
  let max = hi ?? Number.NEGATIVE_INFINITY;
  if (lo === undefined || hi === undefined) {
    for (const v of values) {
      if (lo === undefined && v < min) min = v;
      if (hi === undefined && v > max) max = v;
    }
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { edges: [], counts: [] };
  const n = max > min ? Math.max(1, Math.floor(bins)) : 1;
  const width = max > min ? (max - min) / n : 0;
  const edges = Array.from({ length: n + 1 }, (_, i) => (i === n ? max : min + i * width));
  const counts = new Array<number>(n).fill(0);
  for (const v of values) {
    if (v < min || v > max) continue;
    const i = width > 0 ? Math.min(n - 1, Math.floor((v - min) / width)) : 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { edges, counts };
}

/** The RNG used for run `index` of a Monte Carlo batch with `seed`. */
export function runRng(seed: number, index: number): Rng {
  return mulberry32(hashSeed(seed, index));
}

/**
 * Run `runs` independent calls (run i uses {@link runRng}(seed, i), so any run can be replayed
 * with `simulate(policy, scenario, { rng: runRng(seed, i) })`). The hooks report progress and can
 * cancel; they never change the numbers.
 */
export function monteCarlo(
  policy: RetryPolicy,
  scenario: Scenario,
  options: MonteCarloOptions = {},
  hooks: MonteCarloHooks = {},
): MonteCarloResult {
  const runs = Math.max(1, Math.floor(options.runs ?? 10_000));
  const seed = options.seed ?? 1;
  const responder = responderFor(scenario);
  const waits = new Float64Array(runs);
  const elapsed = new Float64Array(runs);
  const requests = new Float64Array(runs);
  const requestCounts: Record<number, number> = {};
  const stopReasons: Partial<Record<StopReason, number>> = {};
  let successes = 0;
  let state: RetryState | undefined;
  for (let i = 0; i < runs; i++) {
    if (i % PROGRESS_EVERY === 0) {
      if (hooks.isCancelled?.()) throw new SimulationCancelled();
      hooks.onProgress?.(i / runs);
    }
    const r = runWith(policy, responder, runRng(seed, i), {
      ...options,
      record: false,
      ...(options.shareQuota && state ? { state } : {}),
    });
    state = r.state;
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
    totalWaitHistogram: histogram(waits, options.bins ?? 20),
    requestCounts,
    stopReasons,
  };
}

export interface OutagePoint {
  readonly outageMs: number;
  readonly successRate: number;
  readonly requests: Summary;
  readonly elapsedMs: Summary;
}

/**
 * Probability of success against a storm of `failure` (default 503) lasting T ms from t = 0,
 * for each T in `outageMs`.
 */
export function successVsOutage(
  policy: RetryPolicy,
  outageMs: readonly number[],
  options: MonteCarloOptions & { readonly failure?: ScriptStep } = {},
): OutagePoint[] {
  return outageMs.map((T) => {
    const mc = monteCarlo(
      policy,
      { kind: 'outage', durationMs: T, ...(options.failure ? { failure: options.failure } : {}) },
      options,
    );
    return {
      outageMs: T,
      successRate: mc.successRate,
      requests: mc.requests,
      elapsedMs: mc.elapsedMs,
    };
  });
}
