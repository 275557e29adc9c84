/**
 * A herd of N clients calling one rate-limited LLM endpoint.
 *
 * Model (event-driven, one priority queue, seeded):
 * - every client makes one logical call, starting at `U·startSpreadMs` (default: all at t = 0),
 *   and retries it with a {@link RetryPolicy} from `src/core/retry` (a preset or a custom one);
 *   each decision is `decide()` from `src/core/retry/policy.ts`, so Retry-After is honoured,
 *   bounded, ignored or refused exactly as that policy's rules say;
 * - the server sees a request at the instant it is sent (network time is folded into the
 *   response latency) and answers, in this order:
 *   1. inside the outage window `[startMs, endMs)` → 503 (optionally with Retry-After), which
 *      does not use capacity;
 *   2. over capacity → 429 with a Retry-After computed from the limiter (or a fixed value);
 *   3. otherwise 200 after `successMs`;
 * - capacity C requests per second is enforced by either
 *   - a **fixed window** (default): at most `floor(C·windowMs/1000)` accepted requests per window
 *     `[k·windowMs, (k+1)·windowMs)`; Retry-After = time to the next window; or
 *   - a **token bucket**, implemented as GCRA: one token every 1000/C ms, `burst` tokens at most
 *     (default 1, i.e. evenly spaced); Retry-After = time until the next token.
 *   With the default 1000 ms window and 1000 ms buckets, accepted/s never exceeds C; a token
 *   bucket admits at most `burst + C·T/1000` requests in any span of T ms.
 * - Retry-After is sent in whole seconds (`retry-after: ceil(wait/1000)`, RFC 9110 delay-seconds),
 *   in ms (`retry-after-ms: ceil(wait)`), both, or not at all.
 * - a client's per-attempt timeout (`attemptTimeoutMs`) and hard deadlines cut an attempt short
 *   as in `src/core/retry/simulate.ts`; a cut request still used the server's capacity.
 * - each client draws from its own seeded stream (`mulberry32(streamSeed(seed, client))`):
 *   start offset, latency jitter and its policy's jitter.
 * Not modelled: nested policies (`inner` / a preset's `wraps`); tokens-per-minute limits;
 * concurrency limits; a shared quota between clients (each client has its own SDK instance).
 */

import { decide, initialRetryState } from '../retry/policy';
import { mulberry32, type Rng } from '../retry/random';
import type { GiveUpReason, Outcome, RetryPolicy, RetryState } from '../retry/types';
import {
  EventHeap,
  mergeBuckets,
  niceBucketMs,
  percentiles,
  streamSeed,
  type Percentiles,
  type RunHooks,
} from './common';

export type Limiter =
  | {
      readonly kind: 'fixed-window';
      /** Window length (ms). Default 1000. Limit per window: floor(C·windowMs/1000) ≥ 1. */
      readonly windowMs?: number;
    }
  | {
      readonly kind: 'token-bucket';
      /** Bucket size in requests (≥ 1). Default 1. Refill: C tokens per second. */
      readonly burst?: number;
    };

export interface ServerRetryAfter {
  /**
   * Which header carries the wait on a 429: `seconds` → `retry-after: ⌈wait/1000⌉`,
   * `milliseconds` → `retry-after-ms: ⌈wait⌉`, `both`, or `none`. Default `seconds`.
   */
  readonly format: 'seconds' | 'milliseconds' | 'both' | 'none';
  /** Send this many seconds instead of the limiter's computed wait. */
  readonly fixedS?: number;
}

export interface OutageWindow {
  /** Requests arriving in [startMs, endMs) get 503. */
  readonly startMs: number;
  readonly endMs: number;
  /** `retry-after` (seconds) on the 503s; default none. */
  readonly retryAfterS?: number;
}

export interface LatencyModel {
  /** Time to a 200 (ms). Default 1000. */
  readonly successMs?: number;
  /** Time to a 429 / 503 (ms). Default 50. */
  readonly errorMs?: number;
  /** Each latency is multiplied by U(1 − jitter, 1 + jitter). Default 0.2. */
  readonly jitter?: number;
}

/** The server's latencies when the config names none: the model's stated assumptions. */
export const DEFAULT_LATENCY: Required<LatencyModel> = {
  successMs: 1000,
  errorMs: 50,
  jitter: 0.2,
};

/** The limiter when the config names none: a fixed 1 s window. */
export const DEFAULT_LIMITER = { kind: 'fixed-window', windowMs: 1000 } as const satisfies Limiter;

export interface RateLimitedConfig {
  /** Number of clients (each makes one call). */
  readonly clients: number;
  /** Capacity C, requests per second. */
  readonly capacityPerSec: number;
  readonly policy: RetryPolicy;
  /** Default `{ kind: 'fixed-window', windowMs: 1000 }`. */
  readonly limiter?: Limiter;
  /** Default `{ format: 'seconds' }`. */
  readonly retryAfter?: ServerRetryAfter;
  readonly outage?: OutageWindow;
  /** Default 1. */
  readonly seed?: number;
  /** Client i starts at U·startSpreadMs. Default 0 (a thundering herd). */
  readonly startSpreadMs?: number;
  readonly latency?: LatencyModel;
  /** Width of the load time series buckets (ms). Default 1000. */
  readonly bucketMs?: number;
  /** Stop simulating at this time; calls still running are `unfinished`. Default 1 h. */
  readonly horizonMs?: number;
  /** Stop after this many requests (`truncated`). Default 5 000 000. */
  readonly maxRequests?: number;
  /** Record every attempt of clients 0 … n−1. Default 0. */
  readonly traceClients?: number;
}

/** One recorded attempt of a traced client. */
export interface TracedAttempt {
  readonly attempt: number;
  readonly sendMs: number;
  readonly endMs: number;
  /** HTTP status, or 0 when the client's own timeout (or a hard deadline) cut the attempt. */
  readonly status: number;
  /** Server hint on this response (ms), if any. */
  readonly retryAfterMs?: number;
  readonly action: 'stop' | 'retry' | 'give-up';
  /** Sleep before the next attempt (retry) or trailing sleep (give-up). */
  readonly waitMs: number;
  readonly source?: 'backoff' | 'retry-after';
  readonly reason?: GiveUpReason;
}

export interface ClientTrace {
  readonly client: number;
  readonly startMs: number;
  readonly attempts: readonly TracedAttempt[];
}

export type EndReason = 'success' | GiveUpReason | 'unfinished';

export interface LoadSeries {
  readonly bucketMs: number;
  /** Requests arriving per bucket (first tries and retries). */
  readonly offered: readonly number[];
  /** Arrivals that were retries (attempt ≥ 2). */
  readonly retries: readonly number[];
  /** 200s per bucket. */
  readonly accepted: readonly number[];
  /** 429s per bucket. */
  readonly throttled: readonly number[];
  /** 503s per bucket. */
  readonly unavailable: readonly number[];
  /** `offered` and `accepted` as requests per second. */
  readonly offeredPerSec: readonly number[];
  readonly acceptedPerSec: readonly number[];
}

export interface RateLimitedResult {
  readonly clients: number;
  readonly capacityPerSec: number;
  readonly limiter: Required<Limiter>;
  /** Requests sent in all. */
  readonly totalRequests: number;
  readonly accepted: number;
  readonly throttled: number;
  readonly unavailable: number;
  readonly succeeded: number;
  /** Calls that ended without success. */
  readonly gaveUp: number;
  /** Calls still running when the simulation stopped (horizon, request limit, cancellation). */
  readonly unfinished: number;
  /** How every call ended (`unfinished` included), by reason. */
  readonly endReasons: Readonly<Partial<Record<EndReason, number>>>;
  /** Per-client time from its start to its success (ms). */
  readonly successTimeMs: Percentiles;
  /** Per-client time from its start to its end, success or not (finished calls only). */
  readonly endTimeMs: Percentiles;
  /** Per-client requests (all clients). */
  readonly requestsPerClient: Percentiles;
  /** When the last call ended (success or give-up); NaN when some never finished. */
  readonly herdCompletionMs: number;
  /** When the last success arrived (NaN when none). */
  readonly lastSuccessMs: number;
  readonly series: LoadSeries;
  /** The server latencies the run assumed (the config's, or {@link DEFAULT_LATENCY}). */
  readonly latency: Required<LatencyModel>;
  readonly traces: readonly ClientTrace[];
  /** The simulation time reached. */
  readonly simulatedMs: number;
  /** Stopped by `maxRequests`. */
  readonly truncated: boolean;
  readonly cancelled: boolean;
}

const OK: Outcome = { kind: 'response', status: 200 };
const TIMEOUT: Outcome = { kind: 'timeout' };
/** Wall-clock time of t = 0, for policies that read HTTP dates (none sent by this server). */
const EPOCH_MS = Date.UTC(2026, 0, 1);
const CHECK_EVERY = 4096;

const R_SUCCESS = 1;
const R_GIVE_UP = 2;

function counter(arr: number[], i: number): void {
  while (arr.length <= i) arr.push(0);
  arr[i] = (arr[i] ?? 0) + 1;
}

function pad(arr: number[], n: number): number[] {
  while (arr.length < n) arr.push(0);
  return arr;
}

/** Run the herd. Pure apart from the hooks; the result is plain data. */
export function simulateRateLimited(
  config: RateLimitedConfig,
  hooks: RunHooks = {},
): RateLimitedResult {
  const n = config.clients;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('clients must be an integer ≥ 1');
  const C = config.capacityPerSec;
  if (!(C > 0) || !Number.isFinite(C)) throw new RangeError('capacityPerSec must be > 0');
  const policy = config.policy;
  const seed = (config.seed ?? 1) >>> 0;
  const spread = Math.max(0, config.startSpreadMs ?? 0);
  const successMs = config.latency?.successMs ?? DEFAULT_LATENCY.successMs;
  const errorMs = config.latency?.errorMs ?? DEFAULT_LATENCY.errorMs;
  const jitter = Math.min(1, Math.max(0, config.latency?.jitter ?? DEFAULT_LATENCY.jitter));
  const bucketMs = config.bucketMs ?? 1000;
  if (!(bucketMs > 0)) throw new RangeError('bucketMs must be > 0');
  const horizon = config.horizonMs ?? 3_600_000;
  const maxRequests = config.maxRequests ?? 5_000_000;
  const traceCount = Math.min(n, Math.max(0, Math.floor(config.traceClients ?? 0)));
  const raFormat = config.retryAfter?.format ?? 'seconds';
  const raFixedMs =
    config.retryAfter?.fixedS === undefined ? undefined : config.retryAfter.fixedS * 1000;
  const outage = config.outage;

  // --- limiter --------------------------------------------------------------------------------
  const lim: Limiter = config.limiter ?? DEFAULT_LIMITER;
  let limiter: Required<Limiter>;
  let admit: (t: number) => number; // -1 = accepted, else the wait (ms) until capacity frees
  if (lim.kind === 'fixed-window') {
    const windowMs = lim.windowMs ?? 1000;
    const perWindow = Math.floor((C * windowMs) / 1000 + 1e-9);
    if (!(windowMs > 0) || perWindow < 1) {
      throw new RangeError('fixed window: capacityPerSec·windowMs/1000 must be ≥ 1');
    }
    limiter = { kind: 'fixed-window', windowMs };
    let current = Number.NEGATIVE_INFINITY;
    let used = 0;
    admit = (t) => {
      const w = Math.floor(t / windowMs);
      if (w !== current) {
        current = w;
        used = 0;
      }
      if (used < perWindow) {
        used++;
        return -1;
      }
      return (w + 1) * windowMs - t;
    };
  } else {
    const burst = lim.burst ?? 1;
    if (!(burst >= 1)) throw new RangeError('token bucket: burst must be ≥ 1');
    limiter = { kind: 'token-bucket', burst };
    const interval = 1000 / C;
    const tolerance = (burst - 1) * interval;
    let tat = Number.NEGATIVE_INFINITY; // theoretical arrival time (GCRA)
    admit = (t) => {
      const earliest = tat - tolerance;
      if (t >= earliest) {
        tat = Math.max(tat, t) + interval;
        return -1;
      }
      return earliest - t;
    };
  }

  // 429 outcomes, cached by header value (hint values repeat a lot).
  const throttleCache = new Map<number, { outcome: Outcome; hintMs: number | undefined }>();
  const throttled = (waitMs: number) => {
    const ms = raFixedMs ?? waitMs;
    const key =
      raFormat === 'none' ? 0 : raFormat === 'seconds' ? Math.ceil(ms / 1000) : Math.ceil(ms);
    let hit = throttleCache.get(key);
    if (!hit) {
      const headers: Record<string, string> = {};
      let hintMs: number | undefined;
      if (raFormat === 'seconds' || raFormat === 'both') {
        headers['retry-after'] = String(Math.ceil(ms / 1000));
        hintMs = Math.ceil(ms / 1000) * 1000;
      }
      if (raFormat === 'milliseconds' || raFormat === 'both') {
        headers['retry-after-ms'] = String(Math.ceil(ms));
        hintMs = Math.ceil(ms);
      }
      hit = {
        outcome:
          raFormat === 'none'
            ? { kind: 'response', status: 429 }
            : { kind: 'response', status: 429, headers },
        hintMs,
      };
      if (throttleCache.size > 4096) throttleCache.clear();
      throttleCache.set(key, hit);
    }
    return hit;
  };
  const outageOutcome: Outcome =
    outage?.retryAfterS === undefined
      ? { kind: 'response', status: 503 }
      : {
          kind: 'response',
          status: 503,
          headers: { 'retry-after': String(outage.retryAfterS) },
        };
  const outageHintMs = outage?.retryAfterS === undefined ? undefined : outage.retryAfterS * 1000;

  // --- clients --------------------------------------------------------------------------------
  const next = new Float64Array(n); // heap key: when the client sends its next attempt
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  const attempts = new Int32Array(n);
  const result = new Uint8Array(n);
  const states: (RetryState | undefined)[] = new Array<RetryState | undefined>(n);
  const rngs: Rng[] = new Array<Rng>(n);
  const heap = new EventHeap(next, n);
  const traces: { client: number; startMs: number; attempts: TracedAttempt[] }[] = [];
  for (let c = 0; c < n; c++) {
    const rng = mulberry32(streamSeed(seed, c));
    rngs[c] = rng;
    const s = spread > 0 ? rng() * spread : 0;
    startMs[c] = s;
    next[c] = s;
    heap.push(c);
    if (c < traceCount) traces.push({ client: c, startMs: s, attempts: [] });
  }
  const freshState = initialRetryState(policy);
  const hardDeadlines = (policy.deadlines ?? []).filter((d) => d.check === 'hard');
  const attemptTimeout = policy.attemptTimeoutMs;
  const fromStart = policy.delayFrom === 'attempt-start';

  const offered: number[] = [];
  const retries: number[] = [];
  const accepted: number[] = [];
  const throttledSeries: number[] = [];
  const unavailable: number[] = [];
  let total = 0;
  let nAccepted = 0;
  let nThrottled = 0;
  let nUnavailable = 0;
  let finished = 0;
  let now = 0;
  let truncated = false;
  let cancelled = false;
  let lastProgress = -1;
  const endCounts: Partial<Record<EndReason, number>> = {};

  const finish = (c: number, t: number, code: number, reason: EndReason) => {
    endMs[c] = t;
    result[c] = code;
    endCounts[reason] = (endCounts[reason] ?? 0) + 1;
    states[c] = undefined;
    finished++;
  };

  while (heap.size > 0) {
    if (total % CHECK_EVERY === 0 && total > 0) {
      if (hooks.isCancelled?.()) {
        cancelled = true;
        break;
      }
      const f = finished / n;
      if (f !== lastProgress && hooks.onProgress) {
        lastProgress = f;
        hooks.onProgress(f);
      }
    }
    const c = heap.top();
    const t = next[c] ?? 0;
    if (t > horizon) break;
    if (total >= maxRequests) {
      truncated = true;
      break;
    }
    now = t;
    total++;
    const attempt = (attempts[c] ?? 0) + 1;
    attempts[c] = attempt;
    const rng = rngs[c] as Rng;
    const b = Math.floor(t / bucketMs);
    counter(offered, b);
    if (attempt > 1) counter(retries, b);

    // Server.
    let outcome: Outcome;
    let hintMs: number | undefined;
    let latency: number;
    if (outage && t >= outage.startMs && t < outage.endMs) {
      outcome = outageOutcome;
      hintMs = outageHintMs;
      latency = errorMs;
      nUnavailable++;
      counter(unavailable, b);
    } else {
      const wait = admit(t);
      if (wait < 0) {
        outcome = OK;
        latency = successMs;
        nAccepted++;
        counter(accepted, b);
      } else {
        const th = throttled(wait);
        outcome = th.outcome;
        hintMs = th.hintMs;
        latency = errorMs;
        nThrottled++;
        counter(throttledSeries, b);
      }
    }
    if (jitter > 0) latency *= 1 - jitter + 2 * jitter * rng();

    // What the client sees.
    const callStart = startMs[c] ?? 0;
    let status = outcome.kind === 'response' ? outcome.status : 0;
    if (attemptTimeout !== undefined && latency > attemptTimeout) {
      latency = attemptTimeout;
      outcome = TIMEOUT;
      status = 0;
    }
    for (const d of hardDeadlines) {
      const limit = callStart + d.ms - t;
      if (latency >= limit) {
        latency = Math.max(0, limit);
        outcome = TIMEOUT;
        status = 0;
      }
    }
    const end = t + latency;
    const r = decide(policy, attempt, outcome, end - callStart, rng, {
      state: states[c] ?? freshState,
      nowMs: EPOCH_MS + end,
      explain: false,
    });
    const trace = c < traceCount ? traces[c] : undefined;
    if (r.action === 'retry') {
      states[c] = r.state;
      const wait = fromStart ? Math.max(0, r.delayMs - latency) : r.delayMs;
      next[c] = end + wait;
      heap.siftTop();
      trace?.attempts.push({
        attempt,
        sendMs: t,
        endMs: end,
        status,
        ...(hintMs === undefined || status === 0 ? {} : { retryAfterMs: hintMs }),
        action: 'retry',
        waitMs: wait,
        source: r.source,
      });
      continue;
    }
    heap.pop();
    if (r.action === 'stop') {
      finish(c, end, R_SUCCESS, 'success');
      trace?.attempts.push({ attempt, sendMs: t, endMs: end, status, action: 'stop', waitMs: 0 });
    } else {
      finish(c, end + r.trailingWaitMs, R_GIVE_UP, r.reason);
      trace?.attempts.push({
        attempt,
        sendMs: t,
        endMs: end,
        status,
        ...(hintMs === undefined || status === 0 ? {} : { retryAfterMs: hintMs }),
        action: 'give-up',
        waitMs: r.trailingWaitMs,
        reason: r.reason,
      });
    }
  }

  // Calls still running (horizon, truncation or cancellation).
  let unfinished = 0;
  for (let c = 0; c < n; c++) {
    if (result[c] === 0) unfinished++;
  }
  if (unfinished > 0) endCounts.unfinished = unfinished;

  const successTimes = new Float64Array(endCounts.success ?? 0);
  const endTimes = new Float64Array(finished);
  const perClient = new Float64Array(n);
  let si = 0;
  let ei = 0;
  let herd = 0;
  let lastSuccess = Number.NaN;
  for (let c = 0; c < n; c++) {
    perClient[c] = attempts[c] ?? 0;
    if (result[c] === 0) continue;
    const e = endMs[c] ?? 0;
    const d = e - (startMs[c] ?? 0);
    endTimes[ei++] = d;
    if (e > herd) herd = e;
    if (result[c] === R_SUCCESS) {
      successTimes[si++] = d;
      if (!(e <= lastSuccess)) lastSuccess = e;
    }
  }

  const buckets = offered.length;
  const perSec = 1000 / bucketMs;
  pad(accepted, buckets);
  if (!cancelled) hooks.onProgress?.(1);
  return {
    clients: n,
    capacityPerSec: C,
    limiter,
    totalRequests: total,
    accepted: nAccepted,
    throttled: nThrottled,
    unavailable: nUnavailable,
    succeeded: endCounts.success ?? 0,
    gaveUp: finished - (endCounts.success ?? 0),
    unfinished,
    endReasons: endCounts,
    successTimeMs: percentiles(successTimes),
    endTimeMs: percentiles(endTimes),
    requestsPerClient: percentiles(perClient),
    herdCompletionMs: unfinished > 0 ? Number.NaN : herd,
    lastSuccessMs: lastSuccess,
    series: {
      bucketMs,
      offered,
      retries: pad(retries, buckets),
      accepted,
      throttled: pad(throttledSeries, buckets),
      unavailable: pad(unavailable, buckets),
      offeredPerSec: offered.map((v) => v * perSec),
      acceptedPerSec: accepted.map((v) => v * perSec),
    },
    latency: { successMs, errorMs, jitter },
    traces,
    simulatedMs: now,
    truncated,
    cancelled,
  };
}

/**
 * Merge a series' buckets into wider ones so the run fits in at most `maxBuckets`: the
 * narrowest width from a list of round ones (at least `minBucketMs`, a whole multiple of the
 * recorded width) that does. Counts are summed, so totals are unchanged.
 */
export function rebinSeries(
  series: LoadSeries,
  { maxBuckets = 100, minBucketMs = 0 }: { maxBuckets?: number; minBucketMs?: number } = {},
): LoadSeries {
  const width = niceBucketMs(series.offered.length * series.bucketMs, series.bucketMs, {
    maxBuckets,
    minBucketMs,
  });
  const factor = width / series.bucketMs;
  if (factor === 1) return series;
  const merge = (counts: readonly number[]) => mergeBuckets(counts, factor);
  const perSec = 1000 / width;
  const offered = merge(series.offered);
  const accepted = merge(series.accepted);
  return {
    bucketMs: width,
    offered,
    retries: merge(series.retries),
    accepted,
    throttled: merge(series.throttled),
    unavailable: merge(series.unavailable),
    offeredPerSec: offered.map((v) => v * perSec),
    acceptedPerSec: accepted.map((v) => v * perSec),
  };
}
