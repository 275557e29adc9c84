/**
 * Declarative retry-policy types. Everything here is plain data (JSON-serialisable apart from
 * `Infinity`), so presets can be listed, compared, edited and validated without code.
 *
 * Conventions:
 * - an **attempt** is one HTTP request; `maxAttempts` counts them all, the first one included.
 *   A client configured with "maxRetries = 2" has `maxAttempts: 3`.
 * - the **retry index** `i` is 0-based: `i = 0` is the wait after the 1st failed attempt.
 * - all durations are milliseconds.
 * - U is a uniform number in [0, 1) drawn from an {@link Rng}.
 */

/** A status code, or an inclusive range such as `{ from: 500, to: 599 }`. */
export type StatusMatch = number | { readonly from: number; readonly to: number };

/**
 * Retry budgets shared between calls (their arithmetic is in `quota.ts`).
 */
export type QuotaConfig =
  | {
      /**
       * AWS retry quota: a bucket of `capacity` tokens. A retry costs `retryCost`, or
       * `costlyRetryCost` for the outcomes in `costly` (more for transient errors in the classic
       * numbers, less for throttling in AWS's 2026 ones); when the bucket cannot pay there is no
       * retry. A success without retries adds `noRetryIncrement`; a success after retries
       * refunds the amount last acquired. Capped at `capacity`.
       */
      readonly kind: 'aws-retry-quota';
      readonly capacity: number;
      readonly retryCost: number;
      readonly costlyRetryCost: number;
      readonly costly: {
        readonly timeouts: boolean;
        readonly connectionErrors: boolean;
        readonly statuses: readonly StatusMatch[];
      };
      readonly noRetryIncrement: number;
    }
  | {
      /**
       * gRPC `retryThrottling`: `tokens` start at `maxTokens`; each retryable failure subtracts
       * 1, each success adds `tokenRatio`; retries are allowed only while tokens > maxTokens/2.
       */
      readonly kind: 'grpc-throttle';
      readonly maxTokens: number;
      readonly tokenRatio: number;
    };

export interface QuotaState {
  readonly tokens: number;
  /** Tokens taken by the last retry of the current call (AWS refund on success). */
  readonly lastAcquired: number;
}

/** What one attempt produced. A `response` with a 2xx status is a success. */
export type Outcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** Response headers; names are matched case-insensitively. */
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** The request never got a response: DNS, refused, reset, TLS… */
  | { readonly kind: 'connection-error' }
  /** The client's own per-attempt timeout fired (or the server never answered). */
  | { readonly kind: 'timeout' };

/** The deterministic part of a backoff: the nominal delay before retry index `k`. */
export type Strategy =
  /** `delayMs` for every retry. */
  | { readonly kind: 'constant'; readonly delayMs: number }
  /** `initialMs + incrementMs·k`. */
  | { readonly kind: 'linear'; readonly initialMs: number; readonly incrementMs: number }
  /** `initialMs·factor^k`. */
  | { readonly kind: 'exponential'; readonly initialMs: number; readonly factor: number }
  /** `initialMs·k^exponent` (Mistral client-ts: the *index* is raised to the power). */
  | { readonly kind: 'power'; readonly initialMs: number; readonly exponent: number };

/** How randomness is applied to a nominal delay `d`. */
export type Jitter =
  | { readonly kind: 'none' }
  /** `U·d`, range [0, d). AWS "Full Jitter", google-api-core, botocore, backoff's default. */
  | { readonly kind: 'full' }
  /** `d/2 + U·d/2`, range [d/2, d). AWS "Equal Jitter". */
  | { readonly kind: 'equal' }
  /**
   * `d·(from + (to − from)·U)`. Stainless SDKs: from 1 to 0.75, i.e. ×(1 − 0.25U) ∈ (0.75, 1];
   * p-retry/`retry` randomize: 1 → 2; gRPC: 0.8 → 1.2; Polly v8 constant/linear: 0.75 → 1.25.
   */
  | { readonly kind: 'multiplicative'; readonly from: number; readonly to: number }
  /** `d + U·maxMs` (LiteLLM 750 ms, Mistral 1000 ms, tenacity `wait_exponential_jitter`). */
  | { readonly kind: 'additive'; readonly maxMs: number }
  /**
   * AWS "Decorrelated Jitter": `U(base, prev·multiplier)`, `prev` starting at `base`, where
   * `base` is the strategy's first value. Replaces the strategy's growth; the cap applies after.
   */
  | { readonly kind: 'decorrelated'; readonly multiplier: number }
  /**
   * Polly `DecorrelatedJitterBackoffV2` (also cockatiel's default): `t = i + U`,
   * `next = exponent^t·tanh(√(4t))`, `delay = max(0, next − prev)·median/1.4`, where `median`
   * is the strategy's first value. The cap applies after.
   */
  | { readonly kind: 'decorrelated-v2'; readonly exponent: number };

/** A complete backoff computation: strategy, jitter and the clamps around them. */
export interface BackoffSpec {
  readonly strategy: Strategy;
  readonly jitter: Jitter;
  /** Upper clamp ("cap", "max"). */
  readonly maxDelayMs?: number;
  /** Lower clamp (tenacity `min`, LiteLLM `min_timeout`). Applied after the cap, so it wins. */
  readonly minDelayMs?: number;
  /**
   * Whether the clamps act on the nominal value before jitter (default; Stainless, AWS, gRPC)
   * or on the jittered value (Mistral, google-genai, p-retry, tenacity `wait_exponential_jitter`).
   */
  readonly clampStage?: 'before-jitter' | 'after-jitter';
  /** Applied last (p-retry rounds, AWS and cockatiel floor). Default none. */
  readonly rounding?: 'none' | 'round' | 'floor' | 'ceil';
  /** Retry indices below this get the nominal value without jitter (gRPC connection backoff: 1). */
  readonly jitterFromIndex?: number;
  /** The strategy sees `k = max(0, i + indexOffset)` (LiteLLM Router quirk: −1 → 0, 0, 1, 2…). */
  readonly indexOffset?: number;
  /**
   * `precomputed-sorted`: all `maxAttempts − 1` delays are drawn up front and sorted ascending
   * (npm `retry` 0.13, so p-retry 4, async-retry and @google/genai). Default `per-retry`.
   */
  readonly schedule?: 'per-retry' | 'precomputed-sorted';
}

/** Which failures are retried. */
export interface RetryOn {
  /** Retryable statuses, or `'any'` for every non-2xx response. */
  readonly statuses: readonly StatusMatch[] | 'any';
  readonly connectionErrors: boolean;
  readonly timeouts: boolean;
  /**
   * Honour `x-should-retry: true|false` (Stainless SDKs): checked before the status list,
   * `true` retries any status and `false` never retries.
   */
  readonly shouldRetryHeader?: boolean;
}

/** Headers that carry a server-requested delay. */
export type HintHeader =
  'retry-after' | 'retry-after-ms' | 'x-ms-retry-after-ms' | 'grpc-retry-pushback-ms';

/**
 * How a header value is read as a number:
 * - `js-parseFloat` / `js-parseInt`: JS prefix parsing ("5 s" → 5);
 * - `js-integer`: `Number(v)` must be an integer (Mistral client-ts);
 * - `py-float` / `py-int`: Python `float()` / `int()`, the whole string must parse;
 * - `strict-int`: an optional minus sign and digits only (gRPC pushback).
 */
export type NumberSyntax =
  'js-parseFloat' | 'js-parseInt' | 'js-integer' | 'py-float' | 'py-int' | 'strict-int';

/**
 * How an HTTP-date fallback is turned into a delay (`date − now`):
 * - `js`: `Date.parse` (V8 accepts odd strings: "2.5" is a date in 2001), raw delta;
 * - `js-ceil-nonneg`: `Date.parse`, `ceil(delta)` when in the future, else 0 (Mistral client-ts);
 * - `py`: RFC 2822 dates only (`email.utils.parsedate_tz`), raw delta;
 * - `py-trunc-s`: as `py`, then truncated to whole seconds (`int(...)`, LiteLLM).
 */
export type DateSyntax = 'js' | 'js-ceil-nonneg' | 'py' | 'py-trunc-s';

export interface HintSource {
  readonly header: HintHeader;
  readonly unit: 'ms' | 's';
  readonly number: NumberSyntax;
  /** Try an HTTP date when the value is not a number. */
  readonly date?: DateSyntax;
}

/** What to do with a hint outside the honoured range (or unparseable). */
export type HintFallback =
  /** Ignore the hint and use the client's own backoff (the request is still retried). */
  | 'backoff'
  /** Use the nearest bound (`minMs`/`maxMs`); an unparseable value becomes 0. */
  | 'clamp'
  /** Do not retry at all. */
  | 'give-up';

/** Server hints: `Retry-After` (seconds or HTTP date), `retry-after-ms`, gRPC pushback… */
export interface RetryAfterRule {
  /** Headers in the order the client reads them. */
  readonly sources: readonly HintSource[];
  /**
   * - `first-valid`: the first source that parses wins (a present but invalid one is skipped);
   * - `first-truthy`: like `first-valid`, but a 0 only counts when no later source has a value
   *   (Stainless TS before openai-node 7.5: `if (retryAfterHeader && !timeoutMillis)`);
   * - `first-present`: the first header present decides, valid or not (Portkey, gRPC).
   */
  readonly select: 'first-valid' | 'first-truthy' | 'first-present';
  /** Only consult the hint on these statuses (Portkey: 429). Default: every response. */
  readonly statuses?: readonly StatusMatch[];
  /** Honoured range. Defaults: 0 inclusive … +∞. */
  readonly minMs?: number;
  readonly minInclusive?: boolean;
  readonly maxMs?: number;
  readonly maxInclusive?: boolean;
  readonly belowMin: HintFallback;
  readonly aboveMax: HintFallback;
  /** Present but unparseable, or not finite. */
  readonly invalid: HintFallback;
  /**
   * How an honoured hint becomes the delay:
   * - `replace` (default): delay = hint, no jitter;
   * - `add-jitter`: hint + the backoff's additive jitter (LiteLLM);
   * - `aws-window`: `max(backoff, min(hint, backoff + windowMs))` (AWS SDK JS v3).
   */
  readonly combine?: 'replace' | 'add-jitter' | 'aws-window';
  readonly windowMs?: number;
  /** Total honoured hint time per call; a hint above what is left gives up (Portkey 60 s). */
  readonly budgetMs?: number;
  /**
   * After an honoured hint: `reset-backoff` restarts the backoff index at 0 (gRPC pushback);
   * `zero-backoff` makes every later backoff 0 (Portkey). Default `keep`.
   */
  readonly afterHonour?: 'keep' | 'reset-backoff' | 'zero-backoff';
}

/** An overall time limit for the whole call (all attempts and sleeps). */
export interface Deadline {
  readonly ms: number;
  /**
   * - `after-attempt`: after a failure, give up once elapsed passes the limit (can overshoot;
   *   tenacity `stop_after_delay`, Mistral `maxElapsedTime`);
   * - `before-sleep`: give up when elapsed + the next sleep would pass it (google-api-core,
   *   tenacity `stop_before_delay`);
   * - `clip`: give up once elapsed passes it, otherwise shorten the sleep to end at the limit
   *   (backoff `max_time`, p-retry `maxRetryTime`);
   * - `hard`: an abort signal: an attempt in flight at the limit is cut off, and a sleep that
   *   reaches it ends the call (Mistral client-ts shared `AbortSignal.timeout`).
   */
  readonly check: 'after-attempt' | 'before-sleep' | 'clip' | 'hard';
  /** Whether reaching the limit exactly counts as passing it. Default false (strict `>`). */
  readonly inclusive?: boolean;
}

/** An alternative backoff for some outcomes (AWS throttling base, W&B per-status waits). */
export interface BackoffOverride {
  readonly label: string;
  readonly statuses?: readonly StatusMatch[];
  readonly errors?: readonly ('connection-error' | 'timeout')[];
  readonly backoff: BackoffSpec;
}

/** A declarative retry policy. */
export interface RetryPolicy {
  /** Total attempts, the first one included (`maxRetries + 1`). `Infinity`: no count limit. */
  readonly maxAttempts: number;
  readonly backoff: BackoffSpec;
  /** First match wins; otherwise `backoff`. */
  readonly backoffOverrides?: readonly BackoffOverride[];
  readonly retryOn: RetryOn;
  /** Server hints; absent = hints are ignored. */
  readonly retryAfter?: RetryAfterRule;
  /** Per-attempt timeout: each attempt gets a fresh timer. Absent = none. */
  readonly attemptTimeoutMs?: number;
  readonly deadlines?: readonly Deadline[];
  /**
   * `attempt-end` (default): the wait starts when the failed attempt ends. `attempt-start`: the
   * delay is measured from the start of the failed attempt (gRPC connection backoff).
   */
  readonly delayFrom?: 'attempt-end' | 'attempt-start';
  /** Sleep once more after the final failed attempt before giving up (the seed bash loop). */
  readonly sleepAfterFinalFailure?: boolean;
  /** A retry budget shared by calls (AWS retry quota, gRPC retry throttling). */
  readonly quota?: QuotaConfig;
}

/** Mutable-by-copy engine state carried from one decision to the next within one call. */
export interface RetryState {
  /** Retries scheduled so far. */
  readonly retries: number;
  /** Index fed to the backoff (usually = retries; reset by gRPC pushback). */
  readonly backoffIndex: number;
  /** Previous delay (AWS decorrelated jitter). */
  readonly prevDelayMs?: number;
  /** Previous `next` value (decorrelated V2). */
  readonly prevNext?: number;
  /** Pre-computed, sorted schedule (`schedule: 'precomputed-sorted'`). */
  readonly schedule?: readonly number[];
  /** Portkey: every later backoff is 0. */
  readonly zeroBackoff: boolean;
  /** Honoured hint time so far (for `budgetMs`). */
  readonly hintUsedMs: number;
  readonly quota?: QuotaState;
}

export type GiveUpReason =
  /** The status or error is not in the retry list. */
  | 'not-retryable'
  /** `x-should-retry: false`. */
  | 'should-retry-header'
  | 'max-attempts'
  | 'deadline'
  /** A hint above the client's bound, with `aboveMax: 'give-up'` (openai-python ≥ 3, Portkey). */
  | 'retry-after-too-long'
  /** An unparseable or negative hint with a `give-up` fallback (gRPC pushback). */
  | 'retry-after-refused'
  /** The hint budget is used up (Portkey). */
  | 'retry-after-budget'
  /** The retry quota / throttle refused the retry. */
  | 'quota';

export type Decision =
  | { readonly action: 'stop'; readonly reason: 'success'; readonly why: string }
  | {
      readonly action: 'retry';
      readonly delayMs: number;
      readonly source: 'backoff' | 'retry-after';
      /** 0-based index of this retry. */
      readonly retryIndex: number;
      /** The honoured hint, when there was one. */
      readonly hintMs?: number;
      /** The computed backoff, when one was computed. */
      readonly backoffMs?: number;
      readonly why: string;
    }
  | {
      readonly action: 'give-up';
      readonly reason: GiveUpReason;
      /** Time slept after the failure before giving up (bash loop; hard deadline). */
      readonly trailingWaitMs: number;
      readonly why: string;
    };

export type DecideResult = Decision & { readonly state: RetryState };
