/**
 * The delay engine and the retry decision. Pure functions: all randomness comes from the
 * {@link Rng} argument, all time from the `elapsedMs` / `nowMs` arguments.
 */

import { judgeHint } from './hints';
import {
  initialQuota,
  matchesStatus,
  quotaAcquire,
  quotaRecordFailure,
  quotaRecordSuccess,
} from './quota';
import type { Rng } from './random';
import type {
  BackoffSpec,
  DecideResult,
  Deadline,
  Jitter,
  Outcome,
  RetryPolicy,
  RetryState,
  Strategy,
} from './types';

// ---------------------------------------------------------------------------------------------
// Outcomes

export function isSuccess(outcome: Outcome): boolean {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'response':
      return `HTTP ${outcome.status}`;
    case 'connection-error':
      return 'connection error';
    case 'timeout':
      return 'timeout';
  }
}

/** The backoff spec that applies to `outcome` (first matching override, else the default). */
export function backoffFor(policy: RetryPolicy, outcome?: Outcome): BackoffSpec {
  if (outcome && policy.backoffOverrides) {
    for (const o of policy.backoffOverrides) {
      if (outcome.kind === 'response') {
        if (o.statuses && matchesStatus(outcome.status, o.statuses)) return o.backoff;
      } else if (o.errors?.includes(outcome.kind)) {
        return o.backoff;
      }
    }
  }
  return policy.backoff;
}

/**
 * Whether the client retries this failure at all, ignoring attempt counts and time. Checks
 * `x-should-retry` first when the policy honours it.
 */
export function classifyFailure(
  policy: RetryPolicy,
  outcome: Outcome,
  explain = true,
): { readonly retryable: boolean; readonly byHeader: boolean; readonly why: string } {
  const { retryOn } = policy;
  if (outcome.kind === 'connection-error') {
    return {
      retryable: retryOn.connectionErrors,
      byHeader: false,
      why: retryOn.connectionErrors
        ? 'connection errors are retried'
        : 'connection errors are not retried',
    };
  }
  if (outcome.kind === 'timeout') {
    return {
      retryable: retryOn.timeouts,
      byHeader: false,
      why: retryOn.timeouts ? 'timeouts are retried' : 'timeouts are not retried',
    };
  }
  if (retryOn.shouldRetryHeader && outcome.headers) {
    const header = outcome.headers['x-should-retry'] ?? findLower(outcome.headers);
    if (header === 'true') return { retryable: true, byHeader: true, why: 'x-should-retry: true' };
    if (header === 'false') {
      return { retryable: false, byHeader: true, why: 'x-should-retry: false' };
    }
  }
  const ok = retryOn.statuses === 'any' || matchesStatus(outcome.status, retryOn.statuses);
  return {
    retryable: ok,
    byHeader: false,
    why: explain ? `${outcome.status} is${ok ? '' : ' not'} retried` : '',
  };
}

function findLower(headers: Readonly<Record<string, string>>): string | undefined {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === 'x-should-retry') return headers[key];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Backoff arithmetic

/** The strategy's nominal delay for index `k` (no clamps, no jitter). */
export function nominalDelay(strategy: Strategy, k: number): number {
  let v: number;
  switch (strategy.kind) {
    case 'constant':
      v = strategy.delayMs;
      break;
    case 'linear':
      v = strategy.initialMs + strategy.incrementMs * k;
      break;
    case 'exponential':
      v = strategy.initialMs * strategy.factor ** k;
      break;
    case 'power':
      v = strategy.initialMs * k ** strategy.exponent;
      break;
  }
  return Number.isFinite(v) ? v : Number.MAX_VALUE;
}

/** The spec's cap, then its floor (the floor wins). */
export function clampDelay(spec: BackoffSpec, v: number): number {
  let out = v;
  if (spec.maxDelayMs !== undefined && out > spec.maxDelayMs) out = spec.maxDelayMs;
  if (spec.minDelayMs !== undefined && out < spec.minDelayMs) out = spec.minDelayMs;
  return out;
}

/** The spec's rounding of a delay. */
export function roundDelay(spec: BackoffSpec, v: number): number {
  switch (spec.rounding ?? 'none') {
    case 'none':
      return v;
    case 'round':
      return Math.round(v);
    case 'floor':
      return Math.floor(v);
    case 'ceil':
      return Math.ceil(v);
  }
}

/** Apply a simple (stateless) jitter to `d` with the given U. */
export function applyJitter(jitter: Jitter, d: number, u: number): number {
  switch (jitter.kind) {
    case 'none':
    case 'decorrelated':
    case 'decorrelated-v2':
      return d;
    case 'full':
      return u * d;
    case 'equal':
      return d / 2 + (u * d) / 2;
    case 'multiplicative':
      return d * (jitter.from + (jitter.to - jitter.from) * u);
    case 'additive':
      return d + u * jitter.maxMs;
  }
}

function isDecorrelated(jitter: Jitter): boolean {
  return jitter.kind === 'decorrelated' || jitter.kind === 'decorrelated-v2';
}

function usesRandom(spec: BackoffSpec, i: number): boolean {
  return spec.jitter.kind !== 'none' && i >= (spec.jitterFromIndex ?? 0);
}

/** Per-retry pipeline for non-decorrelated jitters, with an explicit U. */
function simpleDelay(spec: BackoffSpec, i: number, u: number): number {
  const k = Math.max(0, i + (spec.indexOffset ?? 0));
  const nominal = nominalDelay(spec.strategy, k);
  const jittered = (d: number) => (usesRandom(spec, i) ? applyJitter(spec.jitter, d, u) : d);
  const v =
    (spec.clampStage ?? 'before-jitter') === 'before-jitter'
      ? jittered(clampDelay(spec, nominal))
      : clampDelay(spec, jittered(nominal));
  return Math.max(0, roundDelay(spec, v));
}

/** `f(t) = exponent^t · tanh(√(4t))`, the decorrelated-V2 curve. */
export function decorrelatedV2Curve(exponent: number, t: number): number {
  return exponent ** t * Math.tanh(Math.sqrt(4 * t));
}

/** Backoff state needed by the stateful jitters and sorted schedules. */
export interface BackoffState {
  readonly prevDelayMs?: number;
  readonly prevNext?: number;
  readonly schedule?: readonly number[];
}

/** One backoff draw: the delay plus the backoff fields that changed. */
export interface BackoffStep extends BackoffState {
  readonly delayMs: number;
}

/**
 * One backoff draw for retry index `i`, given the previous state. Consumes 0 or 1 U, or all
 * of them at once when a sorted schedule is built. Fields absent from the result are unchanged.
 */
export function nextBackoff(
  spec: BackoffSpec,
  i: number,
  rng: Rng,
  state: BackoffState,
  maxAttempts: number,
): BackoffStep {
  const jitter = spec.jitter;
  if (jitter.kind === 'decorrelated') {
    const base = nominalDelay(spec.strategy, 0);
    const prev = state.prevDelayMs ?? base;
    const raw = base + rng() * (prev * jitter.multiplier - base);
    const d = Math.max(0, roundDelay(spec, clampDelay(spec, raw)));
    return { delayMs: d, prevDelayMs: d };
  }
  if (jitter.kind === 'decorrelated-v2') {
    const median = nominalDelay(spec.strategy, 0);
    const next = decorrelatedV2Curve(jitter.exponent, i + rng());
    const raw = (Math.max(0, next - (state.prevNext ?? 0)) * median) / 1.4;
    const d = Math.max(0, roundDelay(spec, clampDelay(spec, raw)));
    return { delayMs: d, prevNext: next };
  }
  if (spec.schedule === 'precomputed-sorted' && Number.isFinite(maxAttempts)) {
    let schedule = state.schedule;
    if (!schedule) {
      const n = Math.max(0, maxAttempts - 1);
      const draws: number[] = [];
      for (let j = 0; j < n; j++) draws.push(simpleDelay(spec, j, usesRandom(spec, j) ? rng() : 0));
      schedule = draws.sort((a, b) => a - b);
    }
    return { delayMs: schedule[i] ?? 0, schedule };
  }
  const u = usesRandom(spec, i) ? rng() : 0;
  return { delayMs: simpleDelay(spec, i, u) };
}

/**
 * The delay before retry `retryIndex` (0-based) of a fresh call, from the backoff alone
 * (server hints are not involved). Stateful backoffs (decorrelated jitter, sorted schedules)
 * replay the call from retry 0, so this draws `retryIndex + 1` values (or the whole schedule).
 * Pass `ctx.outcome` to pick a per-outcome override.
 */
export function sampleDelay(
  policy: RetryPolicy,
  retryIndex: number,
  rng: Rng,
  ctx: { readonly outcome?: Outcome } = {},
): number {
  const spec = backoffFor(policy, ctx.outcome);
  const replay = isDecorrelated(spec.jitter);
  let state: BackoffState = {};
  let delay = 0;
  for (let i = replay ? 0 : retryIndex; i <= retryIndex; i++) {
    const { delayMs, ...changed } = nextBackoff(spec, i, rng, state, policy.maxAttempts);
    state = { ...state, ...changed };
    delay = delayMs;
  }
  return delay;
}

/** The possible delays before one retry, split into a fixed part and a jitter window. */
export interface DelayRange {
  readonly retryIndex: number;
  /** Strategy value (after `indexOffset`), before clamps and jitter. */
  readonly nominalMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  /** The part every sample includes (= minMs). */
  readonly fixedMs: number;
  /** Width of the random part (= maxMs − minMs); 0 when deterministic. */
  readonly jitterMs: number;
  readonly deterministic: boolean;
}

function makeRange(
  retryIndex: number,
  nominalMs: number,
  a: number,
  b: number,
  aInclusive: boolean,
  bInclusive: boolean,
): DelayRange {
  const lowIsA = a <= b;
  const minMs = lowIsA ? a : b;
  const maxMs = lowIsA ? b : a;
  const deterministic = minMs === maxMs;
  return {
    retryIndex,
    nominalMs,
    minMs,
    maxMs,
    minInclusive: deterministic || (lowIsA ? aInclusive : bInclusive),
    maxInclusive: deterministic || (lowIsA ? bInclusive : aInclusive),
    fixedMs: minMs,
    jitterMs: maxMs - minMs,
    deterministic,
  };
}

/**
 * Bounds of the backoff delay before retry `retryIndex` (0-based): `[minMs, maxMs]` with
 * inclusivity flags (U = 0 is reachable, U = 1 is not). For a sorted schedule the bounds of
 * the i-th smallest delay equal the bounds of the i-th draw, so the same answer holds.
 */
export function delayRange(policy: RetryPolicy, retryIndex: number, outcome?: Outcome): DelayRange {
  const spec = backoffFor(policy, outcome);
  const i = retryIndex;
  const k = Math.max(0, i + (spec.indexOffset ?? 0));
  const nominal = nominalDelay(spec.strategy, k);
  const finish = (v: number) => Math.max(0, roundDelay(spec, clampDelay(spec, v)));
  if (spec.jitter.kind === 'decorrelated') {
    const base = nominalDelay(spec.strategy, 0);
    const top = base * spec.jitter.multiplier ** (i + 1);
    const hi = finish(top);
    return makeRange(i, nominal, finish(base), hi, true, hi === finish(top * (1 - 1e-12)));
  }
  if (spec.jitter.kind === 'decorrelated-v2') {
    const median = nominalDelay(spec.strategy, 0);
    const e = spec.jitter.exponent;
    const lowNext = i === 0 ? 0 : decorrelatedV2Curve(e, i - 1);
    const top = ((decorrelatedV2Curve(e, i + 1) - lowNext) * median) / 1.4;
    const hi = finish(top);
    return makeRange(i, nominal, finish(0), hi, true, hi === finish(top * (1 - 1e-12)));
  }
  const at0 = simpleDelay(spec, i, 0);
  const at1 = simpleDelay(spec, i, 1);
  // U = 1 is never drawn; the U→1 end is reachable only if clamps/rounding flatten it.
  const near1 = simpleDelay(spec, i, 1 - 1e-9);
  const at1Reachable = Math.abs(near1 - at1) <= 1e-13 * Math.max(1, Math.abs(at1));
  return makeRange(i, nominal, at0, at1, true, at1Reachable);
}

/** `delayRange` for every retry the policy allows (or the first `count`). */
export function backoffEnvelope(
  policy: RetryPolicy,
  count = policy.maxAttempts - 1,
  outcome?: Outcome,
): DelayRange[] {
  const n = Number.isFinite(count) ? Math.max(0, count) : 20;
  return Array.from({ length: n }, (_, i) => delayRange(policy, i, outcome));
}

// ---------------------------------------------------------------------------------------------
// Decisions

export function initialRetryState(policy: RetryPolicy): RetryState {
  return {
    retries: 0,
    backoffIndex: 0,
    zeroBackoff: false,
    hintUsedMs: 0,
    ...(policy.quota ? { quota: initialQuota(policy.quota) } : {}),
  };
}

/** Start a new call but keep the shared quota of an earlier call. */
export function nextCallState(policy: RetryPolicy, previous: RetryState): RetryState {
  const fresh = initialRetryState(policy);
  return previous.quota ? { ...fresh, quota: previous.quota } : fresh;
}

export interface DecideContext {
  /** State from the previous decision of this call (default: a fresh call). */
  readonly state?: RetryState;
  /** Wall clock (epoch ms) at the end of the attempt: needed for HTTP-date hints. */
  readonly nowMs?: number;
  /** Build the human-readable `why` strings (default true; Monte Carlo turns it off). */
  readonly explain?: boolean;
}

function passes(deadline: Deadline, t: number): boolean {
  // A hard deadline is an abort signal: at the limit the call is over.
  return deadline.inclusive || deadline.check === 'hard' ? t >= deadline.ms : t > deadline.ms;
}

function giveUp(
  state: RetryState,
  reason: Extract<DecideResult, { action: 'give-up' }>['reason'],
  why: string,
  trailingWaitMs = 0,
): DecideResult {
  return { action: 'give-up', reason, why, trailingWaitMs, state };
}

const NO_DEADLINES: readonly Deadline[] = [];

/** The state after one more backoff draw (only the fields that changed are replaced). */
function advance(
  state: RetryState,
  step: BackoffStep | undefined,
  backoffIndex: number,
): RetryState {
  return {
    retries: state.retries,
    backoffIndex,
    prevDelayMs: step?.prevDelayMs ?? state.prevDelayMs,
    prevNext: step?.prevNext ?? state.prevNext,
    schedule: step?.schedule ?? state.schedule,
    zeroBackoff: state.zeroBackoff,
    hintUsedMs: state.hintUsedMs,
    quota: state.quota,
  };
}

/**
 * Decide what the client does after attempt number `attempt` (1-based) ended with `outcome`
 * at `elapsedMs` since the first attempt started.
 *
 * Order of checks: success → hard deadline → server hint that forbids a retry →
 * `x-should-retry` and the retry lists → attempt count → `after-attempt` deadlines → quota →
 * delay (hint or backoff) → deadlines that look at the sleep.
 */
export function decide(
  policy: RetryPolicy,
  attempt: number,
  outcome: Outcome,
  elapsedMs: number,
  rng: Rng,
  ctx: DecideContext = {},
): DecideResult {
  let state = ctx.state ?? initialRetryState(policy);
  const explain = ctx.explain ?? true;
  const deadlines = policy.deadlines ?? NO_DEADLINES;

  if (isSuccess(outcome)) {
    if (policy.quota && state.quota) {
      state = {
        ...state,
        quota: quotaRecordSuccess(policy.quota, state.quota, state.retries > 0),
      };
    }
    return {
      action: 'stop',
      reason: 'success',
      why: explain ? describeOutcome(outcome) : '',
      state,
    };
  }

  for (const d of deadlines) {
    if (d.check === 'hard' && passes(d, elapsedMs)) {
      return giveUp(state, 'deadline', explain ? `the ${d.ms} ms abort signal ended the call` : '');
    }
  }

  const hint = judgeHint(outcome, policy.retryAfter, ctx.nowMs, state.hintUsedMs);
  if (hint.kind === 'give-up') return giveUp(state, hint.reason, hint.why);

  const cls = classifyFailure(policy, outcome, explain);
  if (!cls.retryable) {
    return giveUp(state, cls.byHeader ? 'should-retry-header' : 'not-retryable', cls.why);
  }

  if (policy.quota && state.quota) {
    state = { ...state, quota: quotaRecordFailure(policy.quota, state.quota) };
  }

  const spec = backoffFor(policy, outcome);
  const draw = (s: RetryState): BackoffStep | undefined =>
    s.zeroBackoff ? undefined : nextBackoff(spec, s.backoffIndex, rng, s, policy.maxAttempts);

  if (attempt >= policy.maxAttempts) {
    const why = explain ? `attempt ${attempt} of ${policy.maxAttempts} failed (${cls.why})` : '';
    if (policy.sleepAfterFinalFailure) {
      const step = draw(state);
      const wait = step?.delayMs ?? 0;
      return giveUp(
        advance(state, step, state.backoffIndex + 1),
        'max-attempts',
        explain ? `${why}; sleeps ${wait} ms first` : '',
        wait,
      );
    }
    return giveUp(state, 'max-attempts', why);
  }

  for (const d of deadlines) {
    if ((d.check === 'after-attempt' || d.check === 'clip') && passes(d, elapsedMs)) {
      return giveUp(
        state,
        'deadline',
        explain ? `elapsed ${elapsedMs} ms passed the ${d.ms} ms deadline` : '',
      );
    }
  }

  if (policy.quota && state.quota) {
    const q = quotaAcquire(policy.quota, state.quota, outcome);
    if (!q.allowed) {
      return giveUp(
        state,
        'quota',
        explain ? `retry quota exhausted (${state.quota.tokens} tokens left)` : '',
      );
    }
    state = { ...state, quota: q.state };
  }

  const retryIndex = state.retries;
  let delayMs: number;
  let source: 'backoff' | 'retry-after';
  let why = '';
  let hintMs: number | undefined;
  let backoffMs: number | undefined;

  if (hint.kind === 'honour') {
    hintMs = hint.ms;
    source = 'retry-after';
    why = hint.why;
    const rule = policy.retryAfter;
    const combine = rule?.combine ?? 'replace';
    let step: BackoffStep | undefined;
    if (combine === 'replace') {
      delayMs = hint.ms;
    } else if (combine === 'add-jitter') {
      const jitterMs = spec.jitter.kind === 'additive' ? rng() * spec.jitter.maxMs : 0;
      delayMs = hint.ms + jitterMs;
      if (explain) why += ` plus ${round3(jitterMs)} ms jitter`;
    } else {
      step = draw(state);
      backoffMs = step?.delayMs ?? 0;
      const windowMs = rule?.windowMs ?? 0;
      delayMs = Math.max(backoffMs, Math.min(hint.ms, backoffMs + windowMs));
      if (explain) why += ` within [backoff ${backoffMs}, backoff + ${windowMs}] ms`;
    }
    state = advance(
      state,
      step,
      rule?.afterHonour === 'reset-backoff' ? 0 : state.backoffIndex + 1,
    );
    state = {
      ...state,
      hintUsedMs: state.hintUsedMs + hint.ms,
      zeroBackoff: state.zeroBackoff || rule?.afterHonour === 'zero-backoff',
    };
  } else {
    const step = draw(state);
    delayMs = step?.delayMs ?? 0;
    backoffMs = delayMs;
    source = 'backoff';
    state = advance(state, step, state.backoffIndex + 1);
    if (explain) {
      why = `${cls.why}; backoff ${round3(delayMs)} ms`;
      if (hint.kind === 'ignored') why += ` (${hint.why})`;
    }
  }

  for (const d of deadlines) {
    const end = elapsedMs + delayMs;
    if (d.check === 'before-sleep' && passes(d, end)) {
      return giveUp(
        state,
        'deadline',
        explain ? `sleeping ${round3(delayMs)} ms would pass the ${d.ms} ms deadline` : '',
      );
    }
    if (d.check === 'clip' && end > d.ms) {
      delayMs = Math.max(0, d.ms - elapsedMs);
      if (explain) why += `; clipped to ${round3(delayMs)} ms by the ${d.ms} ms deadline`;
    }
    if (d.check === 'hard' && end >= d.ms) {
      return giveUp(
        state,
        'deadline',
        explain
          ? `the ${d.ms} ms abort signal fires during the ${round3(delayMs)} ms sleep; the next attempt is aborted`
          : '',
        delayMs,
      );
    }
  }

  state = { ...state, retries: retryIndex + 1 };
  const result: {
    action: 'retry';
    delayMs: number;
    source: 'backoff' | 'retry-after';
    retryIndex: number;
    why: string;
    state: RetryState;
    hintMs?: number;
    backoffMs?: number;
  } = { action: 'retry', delayMs, source, retryIndex, why, state };
  if (hintMs !== undefined) result.hintMs = hintMs;
  if (backoffMs !== undefined) result.backoffMs = backoffMs;
  return result;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Problems that make a policy meaningless (empty when fine). For user-edited policies. */
export function validatePolicy(policy: RetryPolicy): string[] {
  const problems: string[] = [];
  const nonNeg = (v: number | undefined, name: string) => {
    if (v !== undefined && !(v >= 0)) problems.push(`${name} must be ≥ 0 (got ${v})`);
  };
  if (!(policy.maxAttempts >= 1))
    problems.push(`maxAttempts must be ≥ 1 (got ${policy.maxAttempts})`);
  const specs = [policy.backoff, ...(policy.backoffOverrides ?? []).map((o) => o.backoff)];
  for (const spec of specs) {
    const s = spec.strategy;
    if (s.kind === 'constant') nonNeg(s.delayMs, 'delayMs');
    else nonNeg(s.initialMs, 'initialMs');
    if (s.kind === 'exponential' && !(s.factor > 0)) problems.push('factor must be > 0');
    nonNeg(spec.maxDelayMs, 'maxDelayMs');
    nonNeg(spec.minDelayMs, 'minDelayMs');
    if (spec.jitter.kind === 'additive') nonNeg(spec.jitter.maxMs, 'jitter.maxMs');
    if (spec.jitter.kind === 'multiplicative') {
      nonNeg(spec.jitter.from, 'jitter.from');
      nonNeg(spec.jitter.to, 'jitter.to');
    }
    if (spec.jitter.kind === 'decorrelated' && !(spec.jitter.multiplier >= 1)) {
      problems.push('decorrelated multiplier must be ≥ 1');
    }
    if (spec.schedule === 'precomputed-sorted' && !Number.isFinite(policy.maxAttempts)) {
      problems.push('a precomputed-sorted schedule needs a finite maxAttempts');
    }
  }
  nonNeg(policy.attemptTimeoutMs, 'attemptTimeoutMs');
  for (const d of policy.deadlines ?? []) nonNeg(d.ms, 'deadline');
  return problems;
}
