/**
 * Presets that reproduce real clients. Every number was read in the public source named in
 * `source` (the repository at the commit or tag given in `follows`, or the published package),
 * or, for the recipes, in the document named there. `unconfirmed` lists what the notes mark
 * UNCONFIRMED and what this file had to infer.
 */

import type {
  BackoffSpec,
  Jitter,
  HintSource,
  RetryAfterRule,
  RetryOn,
  RetryPolicy,
  StatusMatch,
  Strategy,
} from './types';

export type PresetKind = 'sdk' | 'library' | 'gateway' | 'protocol' | 'recipe' | 'article';

export interface RetryPreset {
  readonly id: string;
  readonly label: string;
  readonly kind: PresetKind;
  /** Package and the version / commit the numbers were read from. */
  readonly follows: {
    readonly package: string;
    readonly version: string;
    readonly commit?: string;
  };
  /** Where to read the code (or the document, for recipes). */
  readonly source: string;
  /** The limit as the client spells it, e.g. "maxRetries: 2 (3 attempts)". */
  readonly configuredAs: string;
  readonly policy: RetryPolicy;
  readonly notes: readonly string[];
  /** UNCONFIRMED in the notes, or inferred here. Empty = every number is source-checked. */
  readonly unconfirmed: readonly string[];
  /** Retries are off by default: the preset shows the defaults once they are switched on. */
  readonly optIn?: boolean;
  /** Id of the client preset this recipe calls (its own retries run inside each attempt). */
  readonly wraps?: string;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** "≥ 500" in the Stainless SDKs (529 included). */
const GE500: StatusMatch = { from: 500, to: 999 };

/** Stainless: `min(0.5 s·2^k, 8 s)·(1 − 0.25U)`, range (0.75·b, b]. */
const STAINLESS_BACKOFF: BackoffSpec = {
  strategy: { kind: 'exponential', initialMs: 500, factor: 2 },
  jitter: { kind: 'multiplicative', from: 1, to: 0.75 },
  maxDelayMs: 8000,
};

const STAINLESS_RETRY_ON: RetryOn = {
  statuses: [408, 409, 429, GE500],
  connectionErrors: true,
  timeouts: true,
  shouldRetryHeader: true,
};

const TS_MS: HintSource = { header: 'retry-after-ms', unit: 'ms', number: 'js-parseFloat' };
const TS_RA: HintSource = { header: 'retry-after', unit: 's', number: 'js-parseFloat', date: 'js' };
const PY_MS: HintSource = { header: 'retry-after-ms', unit: 'ms', number: 'py-float' };
const PY_RA: HintSource = { header: 'retry-after', unit: 's', number: 'py-float', date: 'py' };

/** openai-node 7.5.0: finite and 0 ≤ RA ≤ 60 000 ms, else backoff; `retry-after-ms: 0` wins. */
const RA_NODE_75: RetryAfterRule = {
  sources: [TS_MS, TS_RA],
  select: 'first-valid',
  minMs: 0,
  minInclusive: true,
  maxMs: 60_000,
  maxInclusive: true,
  belowMin: 'backoff',
  aboveMax: 'backoff',
  invalid: 'backoff',
};

/** Stainless TS without a bound (`timeoutMillis === undefined` → backoff, else sleep it). */
const RA_TS_UNBOUNDED: RetryAfterRule = {
  sources: [TS_MS, TS_RA],
  select: 'first-truthy',
  minMs: 0,
  minInclusive: true,
  belowMin: 'clamp',
  aboveMax: 'backoff',
  invalid: 'clamp',
};

/**
 * @anthropic-ai/sdk 1.12 (measured by sdk-fidelity.test.ts): the hint is honoured only when
 * 0 < RA ≤ 2^31 − 1 ms; zero, negative, unparseable or larger values fall back to backoff.
 */
const RA_TS_TIMER_BOUND: RetryAfterRule = {
  sources: [TS_MS, TS_RA],
  select: 'first-truthy',
  minMs: 0,
  minInclusive: false,
  maxMs: 2 ** 31 - 1,
  maxInclusive: true,
  belowMin: 'backoff',
  aboveMax: 'backoff',
  invalid: 'backoff',
};

/** Older Stainless TS: `!(RA && 0 <= RA < 60000)` → backoff, so honoured only if 0 < RA < 60 s. */
const RA_TS_LEGACY: RetryAfterRule = {
  sources: [TS_MS, TS_RA],
  select: 'first-truthy',
  minMs: 0,
  minInclusive: false,
  maxMs: 60_000,
  maxInclusive: false,
  belowMin: 'backoff',
  aboveMax: 'backoff',
  invalid: 'backoff',
};

/** Stainless Python: 0 < RA ≤ `maxS` seconds honoured; `above` decides the rest. */
function raPython(maxS: number, above: 'backoff' | 'give-up'): RetryAfterRule {
  return {
    sources: [PY_MS, PY_RA],
    select: 'first-valid',
    minMs: 0,
    minInclusive: false,
    maxMs: maxS * 1000,
    maxInclusive: true,
    belowMin: 'backoff',
    aboveMax: above,
    invalid: 'backoff',
  };
}

function stainless(
  attemptTimeoutMs: number,
  retryAfter: RetryAfterRule,
  maxAttempts = 3,
): RetryPolicy {
  return {
    maxAttempts,
    backoff: STAINLESS_BACKOFF,
    retryOn: STAINLESS_RETRY_ON,
    retryAfter,
    attemptTimeoutMs,
  };
}

const STAINLESS_NOTES = [
  'Backoff min(0.5 s·2^k, 8 s)·(1 − 0.25U), k = retries already made; range (0.75·b, b].',
  'x-should-retry: true/false is checked before the status list; otherwise 408, 409, 429 and ≥ 500 are retried, as are connection errors and timeouts.',
];

const GH = 'https://github.com';

// ---------------------------------------------------------------------------------------------
// Presets

/** The four strategies of the AWS blog's 2015 simulator (base 5 ms, cap 2 s, retry until success). */
function awsBlogPreset(
  id: string,
  name: string,
  strategy: Strategy,
  jitter: Jitter,
  formula: string,
): RetryPreset {
  return {
    id,
    label: `AWS blog: ${name} (base 5, cap 2000)`,
    kind: 'article',
    follows: {
      package: 'aws-samples/aws-arch-backoff-simulator',
      version: '2015',
      commit: '66cb1692',
    },
    source: `${GH}/aws-samples/aws-arch-backoff-simulator/blob/66cb1692/src/backoff_simulator.py`,
    configuredAs: 'retry until success',
    policy: {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: { strategy, jitter, maxDelayMs: 2000 },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [formula],
    unconfirmed: [
      'The blog page itself was not read; its result sentences are second-hand quotes.',
    ],
  };
}

/** Statuses @smithy/core classes TRANSIENT (`TRANSIENT_ERROR_STATUS_CODES`). */
const AWS_TRANSIENT: readonly StatusMatch[] = [500, 502, 503, 504];

/**
 * @smithy/core StandardRetryStrategy: THROTTLING (429, throttling codes) and TRANSIENT (500, 502,
 * 503, 504, timeouts, network errors) are retried; any other 5xx is SERVER_ERROR and is not.
 * `throttlingCost` (≥ 3.40) or `transientCost` (< 3.40) is the cost that differs from `cost`.
 */
function smithyStandard(n: {
  baseMs: number;
  throttlingBaseMs: number;
  cost: number;
  throttlingCost?: number;
  transientCost?: number;
}): RetryPolicy {
  const backoff = (initialMs: number): BackoffSpec => ({
    strategy: { kind: 'exponential', initialMs, factor: 2 },
    jitter: { kind: 'full' },
    maxDelayMs: 20_000,
    rounding: 'floor',
  });
  const transient = n.transientCost !== undefined;
  return {
    maxAttempts: 3,
    backoff: backoff(n.baseMs),
    backoffOverrides: [
      { label: 'throttling', statuses: [429], backoff: backoff(n.throttlingBaseMs) },
    ],
    retryOn: { statuses: [429, ...AWS_TRANSIENT], connectionErrors: true, timeouts: true },
    retryAfter: {
      sources: [{ header: 'retry-after', unit: 's', number: 'js-parseFloat', date: 'js' }],
      select: 'first-valid',
      minMs: Number.NEGATIVE_INFINITY,
      belowMin: 'backoff',
      aboveMax: 'backoff',
      invalid: 'backoff',
      combine: 'aws-window',
      windowMs: 5000,
    },
    quota: {
      kind: 'aws-retry-quota',
      capacity: 500,
      retryCost: n.cost,
      costlyRetryCost: n.transientCost ?? n.throttlingCost ?? n.cost,
      costly: transient
        ? { timeouts: true, connectionErrors: true, statuses: AWS_TRANSIENT }
        : { timeouts: false, connectionErrors: false, statuses: [429] },
      noRetryIncrement: 1,
    },
  };
}

export const PRESETS: readonly RetryPreset[] = [
  // --- OpenAI ---------------------------------------------------------------------------------
  {
    id: 'openai-node',
    label: 'OpenAI Node SDK 7.5 – 7.59 (Retry-After ≤ 60 s)',
    kind: 'sdk',
    follows: {
      package: 'openai (npm)',
      version: '7.5.0 – 7.59.x (read at 7.5.0; the same rule in the 7.59.0 package)',
      commit: '7b7d6ca71130d37ec09792c50056b47861f2eccf',
    },
    source: `${GH}/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts), timeout: 600 000 ms per attempt',
    policy: stainless(600_000, RA_NODE_75),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After: retry-after-ms first (a 0 counts), then retry-after as seconds or HTTP date; used only if finite and 0 ≤ RA ≤ 60 s, otherwise the own backoff applies.',
      'A request with a streaming body is never retried; X-Stainless-Retry-Count reports 0, 1, 2.',
      'openai 7 declares engines node >= 22: on Node 20, npm installs 6.49.0 (see the 6.26 – 7.4 preset).',
    ],
    unconfirmed: [],
  },
  {
    id: 'openai-node-7.4',
    label: 'OpenAI Node SDK 6.26 – 7.4 (unbounded Retry-After; 6.49 is what Node 20 gets)',
    kind: 'sdk',
    follows: {
      package: 'openai (npm)',
      version: '6.26.0 – 7.4.x',
      commit: '04671d278ef1531692ae31a870251eec90f3c2d2',
    },
    source: `${GH}/openai/openai-node/blob/04671d278ef1531692ae31a870251eec90f3c2d2/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts)',
    policy: stainless(600_000, RA_TS_UNBOUNDED),
    notes: [
      ...STAINLESS_NOTES,
      'From commit 583240f26aa0f14eac2810f59f76c4b964fce14c (first released in 6.26.0) until 7.5.0, any parsed Retry-After is slept, with no upper bound; read at v6.26.0 and v6.49.0 (source).',
      'npm installs 6.49.0 on Node 20 (openai 7 needs Node 22); the SDK fidelity tests measure it.',
    ],
    unconfirmed: [
      'Negative / unparseable values: modelled like anthropic-ts (sleep ≈ 0), by analogy with the same `timeoutMillis === undefined` check.',
    ],
  },
  {
    id: 'openai-node-6',
    label: 'OpenAI Node SDK 4.25 – 6.25 (Retry-After < 60 s)',
    kind: 'sdk',
    follows: {
      package: 'openai (npm)',
      version: '4.25.0 – 6.25.x',
      commit: '03ee9c5f42c6ce9636fbbb365a97746feb17e8cd',
    },
    source: `${GH}/openai/openai-node/blob/03ee9c5f42c6ce9636fbbb365a97746feb17e8cd/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts)',
    policy: stainless(600_000, RA_TS_LEGACY),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After honoured only if 0 < RA < 60 000 ms; RA = 0 and RA ≥ 60 s use the backoff. retry-after-ms: 0 counts as absent.',
      'The rule since 4.25.0 (commit 33aca5512434ed05273f16c19d9c02f1d06bb35f, 2024-01), read at v6.25.0 (source) and v5.23.2; the SDK fidelity tests measure 5.23.2.',
    ],
    unconfirmed: [],
  },
  {
    id: 'openai-python',
    label: 'OpenAI Python SDK 2.52 – 3.3 (Retry-After ≤ 120 s)',
    kind: 'sdk',
    follows: {
      package: 'openai (PyPI)',
      version: '2.52.0 – 3.3.x (read at 3.3.1)',
      commit: 'e43b422412a9e96c9cc5192c61fffbe2d7e04836',
    },
    source: `${GH}/openai/openai-python/blob/e43b422412a9e96c9cc5192c61fffbe2d7e04836/src/openai/_base_client.py`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(600, connect=5.0)',
    policy: stainless(600_000, raPython(120, 'give-up')),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After honoured if 0 < RA ≤ 120 s. A finite RA above 120 s stops retrying at once, even with x-should-retry: true.',
      'RA = 0 or negative uses the backoff (openai-node 7.5 honours 0).',
      'The 5 s connect timeout is not modelled separately.',
    ],
    unconfirmed: [],
  },
  {
    id: 'openai-python-2',
    label: 'OpenAI Python SDK 1.0 – 2.51 (Retry-After ≤ 60 s)',
    kind: 'sdk',
    follows: {
      package: 'openai (PyPI)',
      version: '1.0.0 – 2.51.x',
      commit: '3844843c277f42b0b18beaa58152cfda61df524a',
    },
    source: `${GH}/openai/openai-python/blob/3844843c277f42b0b18beaa58152cfda61df524a/src/openai/_base_client.py`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(600, connect=5.0)',
    policy: stainless(600_000, raPython(60, 'backoff')),
    notes: [
      ...STAINLESS_NOTES,
      'The widely installed rule: Retry-After honoured if 0 < RA ≤ 60 s; a larger RA falls back to the short backoff and the request is still retried.',
      'Read at v2.51.0 (source); v2.52.0 is the first release with commit 7fa7946485b5ecbadd0ebf8624c574e2c9e3370c (120 s).',
    ],
    unconfirmed: [],
  },
  {
    id: 'openai-node-ws',
    label: 'OpenAI Node Responses WebSocket reconnect',
    kind: 'sdk',
    follows: {
      package: 'openai (npm)',
      version: '7.5.0',
      commit: '7b7d6ca71130d37ec09792c50056b47861f2eccf',
    },
    source: `${GH}/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/resources/responses/ws-base.ts`,
    configuredAs: 'maxRetries 5, initialDelay 500 ms, maxDelay 8000 ms',
    policy: {
      maxAttempts: 6,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 500, factor: 2 },
        jitter: { kind: 'multiplicative', from: 0.75, to: 1 },
        maxDelayMs: 8000,
        rounding: 'round',
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'round(min(500·2^(n−1), 8000)·(0.75 + 0.25U)): range [0.75·b, b), unlike the HTTP path.',
      'Reconnects only; separate from HTTP retries.',
    ],
    unconfirmed: [
      'Which close codes / errors trigger a reconnect is not in the notes; modelled as every failure.',
    ],
  },

  // --- Anthropic ------------------------------------------------------------------------------
  {
    id: 'anthropic-ts',
    label: 'Anthropic TypeScript SDK 0.79 – 0.124 (any Retry-After)',
    kind: 'sdk',
    follows: {
      package: '@anthropic-ai/sdk',
      version: '0.79.0 – 0.124.x (read at 0.120.0)',
      commit: 'bfa9197f0182084941052be9752c948638421601',
    },
    source: `${GH}/anthropics/anthropic-sdk-typescript/blob/bfa9197f0182084941052be9752c948638421601/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts), timeout: 600 000 ms',
    policy: stainless(600_000, RA_TS_UNBOUNDED),
    notes: [
      ...STAINLESS_NOTES,
      '529 overloaded is retried as ≥ 500 (no special path).',
      'Retry-After has no upper bound: any value is slept. retry-after is read only if retry-after-ms is falsy, so "retry-after-ms: 0" with "retry-after: 5" waits 5 s. A negative RA or an invalid date fires at once (modelled as 0; Node clamps the timer to 1 ms).',
      'Not modelled: one extra retry on 401 after an OAuth token refresh; the non-streaming guard (maxTokens > 21 333 throws "Streaming is required").',
      'The same rule in the 0.124.0 package, the last before 0.125.0; the SDK fidelity tests measure 0.124.0.',
    ],
    unconfirmed: [],
  },
  {
    id: 'anthropic-ts-1.12',
    label: 'Anthropic TypeScript SDK 0.125 – 1.14 (Retry-After > 0)',
    kind: 'sdk',
    follows: {
      package: '@anthropic-ai/sdk',
      version: '0.125.0 – 1.14.x (read at 0.125.0, 1.12.0 and 1.14.0)',
      commit: '1090c44d11afa79316f68acd53392cbd1ad071ca',
    },
    source: `${GH}/anthropics/anthropic-sdk-typescript/commit/1090c44d11afa79316f68acd53392cbd1ad071ca`,
    configuredAs: 'maxRetries: 2 (3 attempts), timeout: 600 000 ms',
    policy: stainless(600_000, RA_TS_TIMER_BOUND),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After (retry-after-ms first; a 0 there falls through to retry-after) is slept when 0 < RA ≤ 2^31 − 1 ms, the largest Node timer; anything else, including 0, negative and unparseable values, falls back to the backoff and still retries.',
      'Since commit 1090c44d ("use the default backoff when Retry-After is out of range"), first published in the 0.125.0 package: retryRequest checks `timeoutMillis > 0 && timeoutMillis <= 2 ** 31 - 1`. Before it (0.79 – 0.124) any value was slept, 0 as no wait. Read in the 0.125.0, 1.12.0 and 1.14.0 packages; the SDK fidelity tests measure 1.12.0 against a loopback mock.',
    ],
    unconfirmed: [],
  },
  {
    id: 'anthropic-ts-0.78',
    label: 'Anthropic TypeScript SDK 0.12.4 – 0.78 (Retry-After < 60 s)',
    kind: 'sdk',
    follows: {
      package: '@anthropic-ai/sdk',
      version: '0.12.4 – 0.78.x',
      commit: 'fdaa72bed14cdd9671bba1add1ba9e912c9d1ced',
    },
    source: `${GH}/anthropics/anthropic-sdk-typescript/blob/fdaa72bed14cdd9671bba1add1ba9e912c9d1ced/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts)',
    policy: stainless(600_000, RA_TS_LEGACY),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After honoured only when 0 < RA < 60 s. Read at sdk-v0.78.0 (source); the rule since 0.12.4 (commit 334edb66, 2024-01); 0.79.0 (af66c809a5b59d6dc6e02e405b2c449fd9432e5e) removed the bound.',
    ],
    unconfirmed: [],
  },
  {
    id: 'anthropic-python',
    label: 'Anthropic Python SDK 0.35 – 0.121 (Retry-After ≤ 60 s)',
    kind: 'sdk',
    follows: {
      package: 'anthropic (PyPI)',
      version: '0.35.0 – 0.121.x (read at 0.121.0 and 0.35.0)',
      commit: '009b035305e0724ce108ebd796935f91711fc6e1',
    },
    source: `${GH}/anthropics/anthropic-sdk-python/blob/009b035305e0724ce108ebd796935f91711fc6e1/src/anthropic/_base_client.py`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(600, connect=5.0)',
    policy: stainless(600_000, raPython(60, 'backoff')),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After honoured if 0 < RA ≤ 60 s, otherwise backoff (still retried).',
      '529 maps to OverloadedError (from 0.47.0; InternalServerError before) and is retried as ≥ 500.',
      'The same Retry-After rule since 0.10.0; the backoff above holds from 0.35.0 (commit 54913cebae6664c3164604e2437a6fce7f42e7e0), before which the first wait was about 1 s (see the 0.10 – 0.34 preset).',
    ],
    unconfirmed: [],
  },
  {
    id: 'anthropic-python-0.34',
    label: 'Anthropic Python SDK 0.10 – 0.34 (Retry-After ≤ 60 s, first backoff ≈ 1 s)',
    kind: 'sdk',
    follows: {
      package: 'anthropic (PyPI)',
      version: '0.10.0 – 0.34.x (read at 0.10.0 and 0.34.2)',
      commit: 'ff83982c44db0920f435916aadb37c3523083079',
    },
    source: `${GH}/anthropics/anthropic-sdk-python/blob/ff83982c44db0920f435916aadb37c3523083079/src/anthropic/_base_client.py`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(600, connect=5.0)',
    policy: {
      ...stainless(600_000, raPython(60, 'backoff')),
      backoff: {
        ...STAINLESS_BACKOFF,
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
      },
    },
    notes: [
      'Backoff min(1 s·2^k, 8 s)·(1 − 0.25U), k = retries already made; range (0.75·b, b]. The code reads min(0.5 s·2^n, 8 s), but _retry_request passes the count of retries left after this one, so n starts at 1: about 1 s, then 2 s.',
      'x-should-retry: true/false is checked before the status list; otherwise 408, 409, 429 and ≥ 500 are retried, as are connection errors and timeouts.',
      'Retry-After honoured if 0 < RA ≤ 60 s, otherwise backoff (still retried): retry-after-ms first (from 0.10.0, commit 351b044225fd47fda1aa1720abfaa26955b6bc7d), then retry-after as seconds or an HTTP date. 529 is InternalServerError here and is retried as ≥ 500.',
      '0.35.0 (commit 54913cebae6664c3164604e2437a6fce7f42e7e0, "send retry count header") counts from 0, so later releases start at about 0.5 s (see the anthropic-python preset).',
    ],
    unconfirmed: [],
  },

  // --- Groq / Cerebras ----------------------------------------------------------------------
  {
    id: 'groq-ts',
    label: 'Groq TypeScript SDK (1.4)',
    kind: 'sdk',
    follows: { package: 'groq-sdk (npm)', version: '1.4.0', commit: '709b1ab6' },
    source: `${GH}/groq/groq-typescript/blob/709b1ab6/src/client.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts), timeout: 60 000 ms',
    policy: stainless(60_000, RA_TS_UNBOUNDED),
    notes: [...STAINLESS_NOTES, 'Retry-After unbounded, like anthropic-ts.'],
    unconfirmed: [],
  },
  {
    id: 'groq-python',
    label: 'Groq Python SDK (1.6)',
    kind: 'sdk',
    follows: { package: 'groq (PyPI)', version: '1.6.0', commit: '9620fde0' },
    source: `${GH}/groq/groq-python/blob/9620fde0/src/groq/_constants.py`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(60, connect=5.0)',
    policy: stainless(60_000, raPython(60, 'backoff')),
    notes: [...STAINLESS_NOTES, 'Retry-After honoured if 0 < RA ≤ 60 s.'],
    unconfirmed: [],
  },
  {
    id: 'cerebras-node',
    label: 'Cerebras Node SDK (1.91)',
    kind: 'sdk',
    follows: { package: '@cerebras/cerebras_cloud_sdk', version: '1.91.0', commit: 'eb228a80' },
    source: `${GH}/Cerebras/cerebras-cloud-sdk-node/blob/eb228a80/src/core.ts`,
    configuredAs: 'maxRetries: 2 (3 attempts), timeout: 60 000 ms',
    policy: stainless(60_000, RA_TS_UNBOUNDED),
    notes: [
      ...STAINLESS_NOTES,
      'Retry-After unbounded. The constructor also sends GET /v1/tcp_warming (timeout 1 s, no retries) unless warmTCPConnection is false.',
    ],
    unconfirmed: [],
  },
  {
    id: 'cerebras-python',
    label: 'Cerebras Python SDK (1.67)',
    kind: 'sdk',
    follows: { package: 'cerebras_cloud_sdk (PyPI)', version: '1.67.0', commit: 'bebb8d13' },
    source: `${GH}/Cerebras/cerebras-cloud-sdk-python/tree/bebb8d13`,
    configuredAs: 'max_retries=2 (3 attempts), Timeout(60, connect=5.0)',
    policy: stainless(60_000, raPython(60, 'backoff')),
    notes: [...STAINLESS_NOTES, 'Retry-After honoured if 0 < RA ≤ 60 s.'],
    unconfirmed: [],
  },

  // --- Mistral --------------------------------------------------------------------------------
  {
    id: 'mistral-ts',
    label: 'Mistral TypeScript SDK, strategy "backoff" (2.6)',
    kind: 'sdk',
    optIn: true,
    follows: {
      package: '@mistralai/mistralai',
      version: '2.6.1',
      commit: 'b14b3b90586e5829a7ef29e4b6c810afd4f2def6',
    },
    source: `${GH}/mistralai/client-ts/blob/b14b3b90586e5829a7ef29e4b6c810afd4f2def6/src/lib/retries.ts`,
    configuredAs:
      'retryConfig: { strategy: "backoff" } (defaults: 500 ms, ×x^1.5, max 60 000 ms, maxElapsedTime 3 600 000 ms); no attempt limit',
    policy: {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: {
        strategy: { kind: 'power', initialMs: 500, exponent: 1.5 },
        jitter: { kind: 'additive', maxMs: 1000 },
        maxDelayMs: 60_000,
        clampStage: 'after-jitter',
      },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: false, timeouts: false },
      retryAfter: {
        sources: [
          { header: 'retry-after', unit: 's', number: 'js-integer', date: 'js-ceil-nonneg' },
        ],
        select: 'first-valid',
        minMs: 0,
        minInclusive: false,
        maxMs: 60_000,
        maxInclusive: true,
        belowMin: 'backoff',
        aboveMax: 'clamp',
        invalid: 'backoff',
      },
      deadlines: [
        { ms: 3_600_000, check: 'after-attempt' },
        { ms: 300_000, check: 'hard' },
      ],
    },
    notes: [
      'Retries are off by default ({ strategy: "none" }); this preset is the opt-in backoff strategy with default parameters.',
      'delay = min(500·x^1.5 + U·1000, 60 000), x = 0 before the 1st retry: the first retry waits only the jitter.',
      'Retry-After (integer seconds or HTTP date) replaces the formula when > 0 and is capped at 60 s too; "2.5" is parsed by V8 as a date in 2001, so it falls back to the formula.',
      'No attempt count: after each failure, stop if elapsed > maxElapsedTime (a retryable response is then returned, not thrown).',
      'retryConnectionErrors is false unless set, so connection errors and timeouts are not retried.',
    ],
    unconfirmed: [
      'The 300 000 ms timeout is one AbortSignal shared by all retries, so it acts as an overall hard deadline (inferred from the code in the notes, not run).',
    ],
  },
  {
    id: 'mistral-ts-default',
    label: 'Mistral TypeScript SDK, default (no retries)',
    kind: 'sdk',
    follows: {
      package: '@mistralai/mistralai',
      version: '2.6.1',
      commit: 'b14b3b90586e5829a7ef29e4b6c810afd4f2def6',
    },
    source: `${GH}/mistralai/client-ts/blob/b14b3b90586e5829a7ef29e4b6c810afd4f2def6/src/lib/retries.ts`,
    configuredAs: 'retryConfig unset → { strategy: "none" } (1 attempt)',
    policy: {
      maxAttempts: 1,
      backoff: { strategy: { kind: 'constant', delayMs: 0 }, jitter: { kind: 'none' } },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: false, timeouts: false },
      deadlines: [{ ms: 300_000, check: 'hard' }],
    },
    notes: ['All 242 generated functions default to { strategy: "none" }: one attempt.'],
    unconfirmed: [],
  },
  {
    id: 'mistral-python',
    label: 'Mistral Python SDK, RetryConfig backoff (2.5)',
    kind: 'sdk',
    optIn: true,
    follows: { package: 'mistralai (PyPI)', version: '2.5.x', commit: '05629d23' },
    source: `${GH}/mistralai/client-python/blob/05629d23/src/mistralai/client/utils/retries.py`,
    configuredAs:
      'RetryConfig("backoff", BackoffStrategy(500, 60000, 1.5, 3600000), …); no attempt limit',
    policy: {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 500, factor: 1.5 },
        jitter: { kind: 'additive', maxMs: 1000 },
        maxDelayMs: 60_000,
        clampStage: 'after-jitter',
      },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: false, timeouts: false },
      retryAfter: {
        sources: [PY_RA],
        select: 'first-valid',
        minMs: 0,
        minInclusive: false,
        belowMin: 'backoff',
        aboveMax: 'backoff',
        invalid: 'backoff',
      },
      deadlines: [{ ms: 3_600_000, check: 'after-attempt' }],
    },
    notes: [
      'Retries are off unless a RetryConfig is passed.',
      'sleep = min(0.5 s·1.5^r + U(0, 1) s, 60 s): the exponent is the base here (TS uses r^1.5).',
      'Retry-After (float seconds or HTTP date) is used when > 0 and is not capped.',
      'timeout_ms defaults to None.',
    ],
    unconfirmed: [
      'The default status list and retry_connection_errors=False are assumed to match the TS SDK (the notes give them for TS only).',
    ],
  },

  // --- Google ---------------------------------------------------------------------------------
  {
    id: 'google-js-genai',
    label: 'Google Gen AI JS SDK (@google/genai 2.18), retryOptions {}',
    kind: 'sdk',
    optIn: true,
    follows: {
      package: '@google/genai',
      version: '2.18.0 (p-retry 4.6.2 → retry 0.13.1)',
      commit: '6e9b35c4',
    },
    source: `${GH}/googleapis/js-genai/blob/6e9b35c4/src/_api_client.ts`,
    configuredAs:
      'httpOptions.retryOptions: {} → attempts 5 (4 retries), initialDelay 1 s, maxDelay 60 s, expBase 2, jitter 1',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'multiplicative', from: 1, to: 2 },
        maxDelayMs: 60_000,
        clampStage: 'after-jitter',
        rounding: 'round',
        schedule: 'precomputed-sorted',
      },
      retryOn: {
        statuses: [408, 429, 500, 502, 503, 504],
        connectionErrors: false,
        timeouts: true,
      },
    },
    notes: [
      'No retries unless httpOptions.retryOptions is set.',
      'Delay i = min(round((1 + U)·1000·2^i), 60 000); all four are drawn up front and sorted ascending. jitter: 0 turns the (1 + U) factor off.',
      'Retry-After is not read. httpOptions.timeout (no default) is per attempt.',
    ],
    unconfirmed: [
      'Node/undici "TypeError: fetch failed" is not retried (p-retry 4 only retries four browser network messages): inferred from the code, not tested.',
      'Timeouts (AbortError from the per-attempt controller) are assumed retried: not stated in the notes.',
    ],
  },
  {
    id: 'google-python-genai',
    label: 'Google Gen AI Python SDK (google-genai 2.19), HttpRetryOptions()',
    kind: 'sdk',
    optIn: true,
    follows: { package: 'google-genai (PyPI)', version: '2.19.0', commit: '66807187' },
    source: `${GH}/googleapis/python-genai/blob/66807187/google/genai/_api_client.py`,
    configuredAs:
      'HttpRetryOptions() → stop_after_attempt(5), wait_exponential_jitter(initial=1, max=60, exp_base=2, jitter=1)',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'additive', maxMs: 1000 },
        maxDelayMs: 60_000,
        clampStage: 'after-jitter',
      },
      retryOn: { statuses: [408, 429, 500, 502, 503, 504], connectionErrors: true, timeouts: true },
    },
    notes: [
      'retry_options=None → one attempt.',
      'Wait after attempt n = min(2^(n−1) + U(0, 1), 60) s: Python adds 0–1 s where JS multiplies by 1–2.',
      '`x or default`: jitter=0 or initial_delay=0 silently become 1; attempts=0 becomes 1.',
    ],
    unconfirmed: [],
  },
  {
    id: 'google-api-core',
    label: 'google-api-core Retry() (2.29)',
    kind: 'library',
    follows: { package: 'google-api-core (PyPI)', version: '2.29.1', commit: 'bfc66514' },
    source: `${GH}/googleapis/python-api-core/blob/bfc66514/google/api_core/retry/retry_base.py`,
    configuredAs:
      'Retry(initial=1.0, maximum=60.0, multiplier=2.0, timeout=120.0); no attempt limit',
    policy: {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'full' },
        maxDelayMs: 60_000,
      },
      retryOn: { statuses: [429, 500, 503], connectionErrors: true, timeouts: false },
      deadlines: [{ ms: 120_000, check: 'before-sleep' }],
    },
    notes: [
      'Sleep k = U(0, min(2^k, 60)) s (full jitter since 2.11.0).',
      'Before sleeping: if now + next_sleep > deadline (120 s), RetryError is raised.',
      'if_transient_error: 500/INTERNAL, 429, 503, requests ConnectionError, ChunkedEncodingError, google.auth TransportError.',
      'GAPIC per-method configs (e.g. 0.1 s, ×1.3, 60 s) are generated values, not this default.',
    ],
    unconfirmed: [
      'Read timeouts are modelled as not retried (requests ReadTimeout is not a ConnectionError): inferred, not in the notes.',
    ],
  },

  // --- Python / JS / .NET libraries -----------------------------------------------------------
  {
    id: 'tenacity-seed',
    label: 'tenacity recipe: wait_exponential(1, min=4, max=60), stop_after_attempt(7)',
    kind: 'recipe',
    follows: { package: 'tenacity (PyPI)', version: '9.1.4', commit: 'd4e868d6' },
    source: `${GH}/jd/tenacity/blob/d4e868d6/tenacity/wait.py`,
    configuredAs: 'stop_after_attempt(7) (7 attempts, 6 waits)',
    wraps: 'openai-python-2',
    policy: {
      maxAttempts: 7,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'none' },
        maxDelayMs: 60_000,
        minDelayMs: 4000,
      },
      retryOn: { statuses: [GE500], connectionErrors: false, timeouts: false },
    },
    notes: [
      'From a seed troubleshooting guide for OpenAI 500s: waits max(4, min(2^(n−1), 60)) s = 4, 4, 4, 8, 16, 32 s.',
      'The seed comment "Wait 2^x * 1 seconds" ignores min=4, which flattens the first three waits.',
      'It wraps the OpenAI SDK, whose own max_retries=2 run inside each tenacity attempt (simulate with `inner`).',
    ],
    unconfirmed: [
      'The seed catches `openai.APIErrors.InternalServerError`; openai ≥ 1 has no `APIErrors` module (it is `openai.InternalServerError`), so the snippet fails as written. Modelled as intended: status ≥ 500.',
      'openai-python wraps httpx timeouts in APITimeoutError, so `httpx.ReadTimeout` never reaches tenacity: timeouts are modelled as not retried (inferred).',
    ],
  },
  {
    id: 'backoff',
    label: 'backoff.on_exception(expo, …, max_tries=5)',
    kind: 'library',
    follows: { package: 'backoff (PyPI)', version: '2.2.1 (tag v2.2.1)', commit: 'd9d80a92' },
    source: `${GH}/litl/backoff/blob/v2.2.1/backoff/_wait_gen.py`,
    configuredAs: 'max_tries=5 (counts all calls; example value: the library has no default limit)',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'full' },
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'expo yields 1, 2, 4, 8… s (max_value caps it); the default jitter is full_jitter: U(0, value).',
      'max_time, when given, clips each sleep to the time left (deadline check "clip").',
      'Read at the released tag v2.2.1 (d9d80a92, 2022-10-05); the later unreleased commit d82b23c4 only adds a decay generator.',
    ],
    unconfirmed: [],
  },
  {
    id: 'p-retry',
    label: 'p-retry 7 defaults',
    kind: 'library',
    follows: { package: 'p-retry (npm)', version: '7.0.0', commit: 'e11ca9c9' },
    source: `${GH}/sindresorhus/p-retry/blob/e11ca9c9/index.js`,
    configuredAs: 'retries: 10 (11 attempts)',
    policy: {
      maxAttempts: 11,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'none' },
        rounding: 'round',
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'Delay k = min(round(R·1000·2^(k−1)), maxTimeout = ∞), R = 1 (randomize: false by default).',
      'AbortError stops; a TypeError that is not a network error is rethrown at once.',
    ],
    unconfirmed: [],
  },
  {
    id: 'async-retry',
    label: 'async-retry 1.3 defaults (randomize on)',
    kind: 'library',
    follows: { package: 'async-retry (npm)', version: '1.3.3 (retry 0.13.1)', commit: '9505be1f' },
    source: `${GH}/vercel/async-retry/tree/9505be1f`,
    configuredAs: 'retries: 10 (11 attempts)',
    policy: {
      maxAttempts: 11,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'multiplicative', from: 1, to: 2 },
        rounding: 'round',
        schedule: 'precomputed-sorted',
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'Wraps node-retry 0.13.1 but randomize defaults to true: round((1 + U)·1000·2^i), all drawn up front and sorted ascending.',
    ],
    unconfirmed: [],
  },
  {
    id: 'exponential-backoff',
    label: 'exponential-backoff 3.1 defaults',
    kind: 'library',
    follows: { package: 'exponential-backoff (npm)', version: '3.1.2', commit: '70bdff6d' },
    source: `${GH}/coveooss/exponential-backoff/tree/70bdff6d`,
    configuredAs: 'numOfAttempts: 10 (total)',
    policy: {
      maxAttempts: 10,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 100, factor: 2 },
        jitter: { kind: 'none' },
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'startingDelay 100 ms, ×2, no cap, jitter "none" ("full" = round(U·delay)); delayFirstAttempt false.',
      'retry = () => true: every error is retried.',
    ],
    unconfirmed: [],
  },
  {
    id: 'cockatiel',
    label: 'cockatiel retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() })',
    kind: 'library',
    follows: { package: 'cockatiel (npm)', version: '4.0.0', commit: 'f475a690' },
    source: `${GH}/connor4312/cockatiel/tree/f475a690/src/backoff`,
    configuredAs:
      'maxAttempts: 3 (counts retries: 4 calls; example value, the default is Infinity)',
    policy: {
      maxAttempts: 4,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 128, factor: 2 },
        jitter: { kind: 'decorrelated-v2', exponent: 2 },
        maxDelayMs: 30_000,
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'ExponentialBackoff defaults: decorrelatedJitterGenerator, initialDelay 128, exponent 2, maxDelay 30 000.',
      'The noJitter generator would give min(30 000, 128·2^a).',
    ],
    unconfirmed: [],
  },
  {
    id: 'polly-v8',
    label: 'Polly v8 RetryStrategyOptions defaults',
    kind: 'library',
    follows: { package: 'Polly.Core (NuGet)', version: 'v8 line', commit: '173d6d1d' },
    source: `${GH}/App-vNext/Polly/blob/173d6d1d/src/Polly.Core/Retry/RetryHelper.cs`,
    configuredAs:
      'MaxRetryAttempts = 3 (4 attempts), Delay 2 s, BackoffType Constant, UseJitter false',
    policy: {
      maxAttempts: 4,
      backoff: { strategy: { kind: 'constant', delayMs: 2000 }, jitter: { kind: 'none' } },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      'Constant d, Linear (a+1)·d, Exponential d·2^a; with UseJitter constant/linear become d·U[0.75, 1.25) and exponential uses DecorrelatedJitterBackoffV2.',
      'The default ShouldHandle handles exceptions (not OperationCanceledException); HTTP status results count only if the caller turns them into exceptions. Modelled as "every failure".',
    ],
    unconfirmed: [],
  },
  {
    id: 'polly-v8-exponential-jitter',
    label: 'Polly v8 Exponential + UseJitter (Delay 2 s)',
    kind: 'library',
    follows: { package: 'Polly.Core (NuGet)', version: 'v8 line', commit: '173d6d1d' },
    source: `${GH}/App-vNext/Polly/blob/173d6d1d/src/Polly.Core/Retry/RetryHelper.cs`,
    configuredAs: 'MaxRetryAttempts = 3, Delay 2 s, BackoffType Exponential, UseJitter true',
    policy: {
      maxAttempts: 4,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 2000, factor: 2 },
        jitter: { kind: 'decorrelated-v2', exponent: 2 },
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: ['Exponential with jitter = DecorrelatedJitterBackoffV2 with median = Delay.'],
    unconfirmed: [],
  },
  {
    id: 'polly-decorrelated-v2',
    label: 'Polly.Contrib DecorrelatedJitterBackoffV2(1 s, 6)',
    kind: 'library',
    follows: {
      package: 'Polly.Contrib.WaitAndRetry (NuGet)',
      version: '1.1.1',
      commit: '7596d2da',
    },
    source: `${GH}/Polly-Contrib/Polly.Contrib.WaitAndRetry/tree/7596d2da`,
    configuredAs: 'retryCount: 6 (7 attempts; example values)',
    policy: {
      maxAttempts: 7,
      backoff: {
        strategy: { kind: 'constant', delayMs: 1000 },
        jitter: { kind: 'decorrelated-v2', exponent: 2 },
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    },
    notes: [
      't = i + U, next = 2^t·tanh(√(4t)), delay = (next − prev)/1.4·median. The first delay lies in [0, 1.377·median).',
    ],
    unconfirmed: [],
  },

  // --- AWS ------------------------------------------------------------------------------------
  {
    id: 'aws-sdk-js-v3',
    label: 'AWS SDK for JavaScript v3, standard mode (@smithy/core ≥ 3.40)',
    kind: 'sdk',
    follows: {
      package: '@smithy/core (npm; also behind @smithy/util-retry 4.6.2)',
      version: '3.40.0 (2026-11-10) – 3.41.1, what a fresh install gets (seen 2026-11-29)',
    },
    source: 'https://www.npmjs.com/package/@smithy/core/v/3.40.0',
    configuredAs: 'maxAttempts: 3 (total)',
    policy: smithyStandard({ baseMs: 50, throttlingBaseMs: 1000, cost: 14, throttlingCost: 5 }),
    notes: [
      'Delay = floor(U·min(base·2^i, 20 000)), base 50 ms, 1000 ms for throttling errors (429 or a throttling error code).',
      'Retried: throttling (429 and codes such as ThrottlingException, TooManyRequestsException) and transient errors (500, 502, 503, 504, timeouts, network errors). Other 5xx, e.g. 501, 505 and 529, are SERVER_ERROR and not retried.',
      'A Retry-After hint d_h gives max(d, min(d_h, d + 5000)).',
      'Retry tokens: 500; a retry costs 14, 5 for throttling errors; a success refunds the cost or adds 1.',
      '@smithy/core 3.40.0 made the 2026 retry behaviour unconditional (changeset 8d835c3: "The SMITHY_NEW_RETRIES_2026 environment variable is no longer read"); @smithy/util-retry 4.6.2 and @smithy/middleware-retry 4.8.2 depend on @smithy/core ^3.33.2, so a fresh install resolves it. Read in the npm tarballs of 3.40.0 and 3.41.1 (retry code unchanged but abort handling), seen 2026-11-29: https://www.npmjs.com/package/@smithy/core/v/3.40.0',
    ],
    unconfirmed: [
      'Throttling error codes on a non-429 status, and errors a service model marks @retryable, are retried too; modelled through the status only.',
      "x-amz-retry-after (milliseconds, Number(v)) is read as a hint as well, the first of it and retry-after in the response's header order deciding; not modelled (the engine's HintHeader has no x-amz-retry-after and no header-order rule).",
      'The numbers were read in the published tarball (dist-es/submodules/retry/util-retry/retries-2026-config.js and StandardRetryStrategy.js), not at a git commit: the full hash of changeset 8d835c3 was not seen.',
    ],
  },
  {
    id: 'aws-sdk-js-v3-3.39',
    label:
      'AWS SDK for JavaScript v3, standard mode (@smithy/core < 3.40, lockfiles before 2026-11-10)',
    kind: 'sdk',
    follows: {
      package: '@smithy/core (npm), as @smithy/util-retry 4.6.2',
      version: '≤ 3.39.x (checked: 3.33.3 @ 6815d3e9 and the 3.39.0 tarball)',
      commit: '6815d3e9',
    },
    source: `${GH}/smithy-lang/smithy-typescript/tree/6815d3e9/packages/core/src/submodules/retry/util-retry`,
    configuredAs: 'maxAttempts: 3 (total)',
    policy: smithyStandard({ baseMs: 100, throttlingBaseMs: 500, cost: 5, transientCost: 10 }),
    notes: [
      'Delay = floor(U·min(base·2^i, 20 000)), base 100 ms, 500 ms for throttling errors.',
      'Retried: throttling (429 and throttling codes) and transient errors (500, 502, 503, 504, timeouts, network errors); 501, 505, 529 are not retried.',
      'A Retry-After hint d_h gives max(d, min(d_h, d + 5000)).',
      'Retry tokens: 500; a retry costs 5, 10 for transient errors; a success refunds the cost or adds 1.',
      'SMITHY_NEW_RETRIES_2026=true switched these versions to the numbers of the aws-sdk-js-v3 preset.',
    ],
    unconfirmed: [
      'Throttling error codes on a non-429 status, and errors a service model marks @retryable, are retried too; modelled through the status only.',
      'x-amz-retry-after (milliseconds) is read as a hint as well; not modelled (see aws-sdk-js-v3).',
    ],
  },
  {
    id: 'botocore-standard',
    label: 'botocore / boto3, retry_mode "standard"',
    kind: 'sdk',
    follows: { package: 'botocore (PyPI)', version: '1.43.67', commit: '0e6e2404' },
    source: `${GH}/boto/botocore/blob/0e6e2404/botocore/retries/standard.py`,
    configuredAs: 'total_max_attempts 3 (Config(retries={"max_attempts": N}) means N retries)',
    policy: {
      maxAttempts: 3,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'full' },
        maxDelayMs: 20_000,
      },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: true, timeouts: true },
      quota: {
        kind: 'aws-retry-quota',
        capacity: 500,
        retryCost: 5,
        costlyRetryCost: 10,
        costly: { timeouts: true, connectionErrors: false, statuses: [] },
        noRetryIncrement: 1,
      },
    },
    notes: [
      'Delay = U·min(2^(n−1), 20) s.',
      'Retry quota 500; a retry costs 5, 10 after a ConnectTimeout/ReadTimeout; 2xx adds 1, or refunds the last cost after retries.',
      'The 2026 opt-in (AWS_NEW_RETRIES_2026) is not modelled.',
    ],
    unconfirmed: [
      'Throttling is detected by error code (Throttling, TooManyRequestsException, …), not status; modelled as status 429.',
    ],
  },
  {
    id: 'botocore-legacy',
    label: 'botocore / boto3, retry_mode "legacy" (default)',
    kind: 'sdk',
    follows: { package: 'botocore (PyPI)', version: '1.43.67', commit: '0e6e2404' },
    source: `${GH}/boto/botocore/blob/0e6e2404/botocore/retryhandler.py`,
    configuredAs: '_retry.json max_attempts 5 (total)',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'full' },
      },
      retryOn: { statuses: [429, 500, 502, 503, 504, 509], connectionErrors: true, timeouts: true },
    },
    notes: [
      'Delay = rand()·2^(n−1) s with no cap. Still the default retry_mode.',
      '509 is retried by the __default__ "limit_exceeded" policy of botocore/data/_retry.json.',
      '502 ("bad_gateway") and 504 ("gateway_timeout") are in the same __default__ policies since botocore 1.4.15 (commit 23933b0d, 2016-04-26, "Retry 502 and 504 status codes"); releases before it retried 500, 503 and 509 only. Checked at 0e6e2404 on 2026-11-30.',
    ],
    unconfirmed: [
      '400 responses with throttling error codes are retried too; modelled through status 429 only.',
    ],
  },
  awsBlogPreset(
    'aws-blog-expo',
    'exponential, no jitter',
    { kind: 'exponential', initialMs: 10, factor: 2 },
    { kind: 'none' },
    'sleep = min(cap, base·2^attempt) with attempt starting at 1, so the first sleep is 2·base.',
  ),
  awsBlogPreset(
    'aws-blog-full-jitter',
    'Full Jitter',
    { kind: 'exponential', initialMs: 10, factor: 2 },
    { kind: 'full' },
    'sleep = U(0, min(cap, base·2^attempt)).',
  ),
  awsBlogPreset(
    'aws-blog-equal-jitter',
    'Equal Jitter',
    { kind: 'exponential', initialMs: 10, factor: 2 },
    { kind: 'equal' },
    'temp = min(cap, base·2^attempt); sleep = temp/2 + U(0, temp/2).',
  ),
  awsBlogPreset(
    'aws-blog-decorrelated',
    'Decorrelated Jitter',
    { kind: 'constant', delayMs: 5 },
    { kind: 'decorrelated', multiplier: 3 },
    'sleep = min(cap, U(base, sleep·3)), sleep starting at base.',
  ),

  // --- gRPC -----------------------------------------------------------------------------------
  {
    id: 'grpc-a6-example',
    label: 'gRPC retry policy (A6 example: 4 attempts, 0.1 s, ×2, max 1 s)',
    kind: 'protocol',
    follows: {
      package: 'grpc/proposal A6 (+ grpc-go)',
      version: 'A6 @ 1fd061ad (jitter wording of 2024-08)',
      commit: '1fd061ad',
    },
    source: `${GH}/grpc/proposal/blob/1fd061ad/A6-client-retries.md`,
    configuredAs: 'maxAttempts: 4 (counts the original; values > 5 are treated as 5)',
    policy: {
      maxAttempts: 4,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 100, factor: 2 },
        jitter: { kind: 'multiplicative', from: 0.8, to: 1.2 },
        maxDelayMs: 1000,
      },
      retryOn: { statuses: [503], connectionErrors: true, timeouts: false },
      retryAfter: {
        sources: [{ header: 'grpc-retry-pushback-ms', unit: 'ms', number: 'strict-int' }],
        select: 'first-present',
        minMs: 0,
        minInclusive: true,
        belowMin: 'give-up',
        aboveMax: 'backoff',
        invalid: 'give-up',
        afterHonour: 'reset-backoff',
      },
    },
    notes: [
      'Delay before retry n = min(initial·mult^(n−1), max)·U(0.8, 1.2), n counted since the last pushback. Before 2024-08 the spec said U(0, min(…)) (full jitter).',
      'grpc-retry-pushback-ms ≥ 0: wait exactly that and reset n; negative or unparseable: do not retry.',
      'The call deadline covers all attempts. retryThrottling (maxTokens, tokenRatio) is available as a quota but not part of this example.',
    ],
    unconfirmed: [
      'The simulator has HTTP statuses only: UNAVAILABLE is modelled as 503 (and connection errors).',
    ],
  },
  {
    id: 'grpc-connection-backoff',
    label: 'gRPC connection backoff (1 s, ×1.6, ±20 %, max 120 s)',
    kind: 'protocol',
    follows: {
      package: 'grpc/grpc doc/connection-backoff.md (+ grpc-go)',
      version: '@ 27598d5f',
      commit: '27598d5f',
    },
    source: `${GH}/grpc/grpc/blob/27598d5f/doc/connection-backoff.md`,
    configuredAs: 'reconnect forever',
    policy: {
      maxAttempts: Number.POSITIVE_INFINITY,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 1.6 },
        jitter: { kind: 'multiplicative', from: 0.8, to: 1.2 },
        maxDelayMs: 120_000,
        jitterFromIndex: 1,
      },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
      attemptTimeoutMs: 20_000,
      delayFrom: 'attempt-start',
    },
    notes: [
      'The first backoff is exactly 1 s; later ones min(1.6^r, 120)·(1 ± 0.2U) s.',
      'Backoffs are measured from attempt start to attempt start; MIN_CONNECT_TIMEOUT is 20 s.',
    ],
    unconfirmed: [
      'The connect timeout is max(deadline, now + 20 s); modelled as a flat 20 s per attempt.',
    ],
  },

  // --- Gateways -------------------------------------------------------------------------------
  {
    id: 'litellm-router',
    label: 'LiteLLM Router (single deployment)',
    kind: 'gateway',
    follows: {
      package: 'litellm (PyPI)',
      version:
        'stored files: utils.py @ 001501fb, constants.py @ 000db7e8, retry_utils.py @ 203db9e3',
      commit: '001501fb',
    },
    source: `${GH}/BerriAI/litellm/blob/001501fb/litellm/utils.py`,
    configuredAs: 'num_retries 2 (DEFAULT_MAX_RETRIES; 3 attempts)',
    policy: {
      maxAttempts: 3,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 500, factor: 2 },
        jitter: { kind: 'additive', maxMs: 750 },
        maxDelayMs: 8000,
        indexOffset: -1,
      },
      retryOn: { statuses: [408, 409, 429, GE500], connectionErrors: true, timeouts: true },
      retryAfter: {
        sources: [{ header: 'retry-after', unit: 's', number: 'py-int', date: 'py-trunc-s' }],
        select: 'first-valid',
        minMs: 0,
        minInclusive: false,
        maxMs: 60_000,
        maxInclusive: true,
        belowMin: 'backoff',
        aboveMax: 'backoff',
        invalid: 'backoff',
        combine: 'add-jitter',
      },
      attemptTimeoutMs: 6_000_000,
    },
    notes: [
      '_calculate_retry_after: min(max(0.5·2^k, min_timeout), 8) s + 0.75·U s; an integer Retry-After 0 < RA ≤ 60 s is used plus the same jitter. No retry-after-ms; "1.5" is not an int, so it is ignored.',
      'Router quirk: the first two sleeps both use k = 0, so k runs 0, 0, 1, 2…',
      'The sleep is 0 when the model group has more than one healthy deployment (not modelled: one deployment assumed).',
      'Not retried: NotFoundError, context-window / content-policy errors when fallbacks are set, auth errors with ≤ 1 deployment, any error with no healthy deployment.',
    ],
    unconfirmed: [
      'The stored files may come from different releases.',
      'The default num_retries for litellm.completion and the Router is unconfirmed (DEFAULT_MAX_RETRIES = 2 used).',
      'The current per-provider exception mapping (e.g. a 502 BadGatewayError) was not read.',
    ],
  },
  {
    id: 'portkey',
    label: 'Portkey gateway retry: { attempts: 5 }',
    kind: 'gateway',
    follows: { package: 'Portkey-AI/gateway', version: '1.15.2', commit: '669825cb' },
    source: `${GH}/Portkey-AI/gateway/blob/669825cb/src/handlers/retryHandler.ts`,
    configuredAs: 'retry.attempts: 5 (6 attempts; default 0 = no retry)',
    optIn: true,
    policy: {
      maxAttempts: 6,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'none' },
      },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: true, timeouts: false },
    },
    notes: [
      'async-retry with randomize: false: 1, 2, 4, 8, 16 s, no jitter, no cap.',
      'request_timeout produces a synthetic 408, which is not in the default codes: timeouts are not retried.',
      'Retry-After is ignored unless use_retry_after_header is true (see portkey-retry-after).',
    ],
    unconfirmed: [
      'Whether the hosted service caps attempts at 5 (MAX_RETRIES is defined but unused in the OSS gateway).',
      'Connection errors are modelled as retried (async-retry retries any thrown error): inferred from retryHandler.ts, not in the notes.',
    ],
  },
  {
    id: 'portkey-retry-after',
    label: 'Portkey gateway retry: { attempts: 5, use_retry_after_header: true }',
    kind: 'gateway',
    follows: { package: 'Portkey-AI/gateway', version: '1.15.2', commit: '669825cb' },
    source: `${GH}/Portkey-AI/gateway/blob/669825cb/src/handlers/retryHandler.ts`,
    configuredAs: 'retry.attempts: 5, use_retry_after_header: true',
    optIn: true,
    policy: {
      maxAttempts: 6,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'none' },
      },
      retryOn: { statuses: [429, 500, 502, 503, 504], connectionErrors: true, timeouts: false },
      retryAfter: {
        sources: [
          { header: 'retry-after-ms', unit: 'ms', number: 'js-parseInt' },
          { header: 'x-ms-retry-after-ms', unit: 'ms', number: 'js-parseInt' },
          { header: 'retry-after', unit: 's', number: 'js-parseInt' },
        ],
        select: 'first-present',
        statuses: [429],
        minMs: 0,
        minInclusive: false,
        maxMs: 60_000,
        maxInclusive: false,
        belowMin: 'backoff',
        aboveMax: 'give-up',
        invalid: 'backoff',
        budgetMs: 60_000,
        afterHonour: 'zero-backoff',
      },
    },
    notes: [
      'Only on 429: retry-after-ms, x-ms-retry-after-ms, retry-after (×1000), parseInt.',
      'RA ≥ 60 000 ms, or above what is left of the 60 s budget, stops retrying and returns the 429; otherwise the gateway waits RA and sets every remaining backoff to 0.',
      'RA = 0 or NaN uses the normal backoff.',
    ],
    unconfirmed: ['Whether the hosted service caps attempts at 5.'],
  },

  // --- Seed recipes ---------------------------------------------------------------------------
  {
    id: 'wandb-loop',
    label: "W&B Inference docs' retry loop (min(60, 2**attempt), 5 tries)",
    kind: 'recipe',
    follows: {
      package: 'docs.wandb.ai support article',
      version: 'inference_server_errors_500_503 (seed copy)',
    },
    source: 'https://docs.wandb.ai/support/inference_server_errors_500_503',
    configuredAs: 'max_retries=5 (5 tries in all, 4 waits)',
    wraps: 'openai-python-2',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
        jitter: { kind: 'none' },
        maxDelayMs: 60_000,
      },
      retryOn: { statuses: [500, 503], connectionErrors: false, timeouts: false },
    },
    notes: [
      'for attempt in range(5): … if "500" in str(e) or "503" in str(e): sleep min(60, 2**attempt) unless it was the last try → waits 1, 2, 4, 8 s; no jitter; the cap of 60 s is never reached.',
      'It wraps the OpenAI client, whose own max_retries=2 run inside each try (simulate with `inner`).',
    ],
    unconfirmed: [
      'Matching on str(e) is modelled as statuses 500 and 503; other errors whose text contains "500"/"503" would match too.',
    ],
  },
  {
    id: 'wandb-advice',
    label: 'W&B Inference advice (500: wait 30–60 s, 503: wait 60–120 s)',
    kind: 'recipe',
    follows: {
      package: 'docs.wandb.ai support article',
      version: 'inference_server_errors_500_503 (seed copy)',
    },
    source: 'https://docs.wandb.ai/support/inference_server_errors_500_503',
    configuredAs: '5 tries (borrowed from the same page’s loop; the advice gives no count)',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'constant', delayMs: 30_000 },
        jitter: { kind: 'additive', maxMs: 30_000 },
      },
      backoffOverrides: [
        {
          label: '500: wait 30–60 s',
          statuses: [500],
          backoff: {
            strategy: { kind: 'constant', delayMs: 30_000 },
            jitter: { kind: 'additive', maxMs: 30_000 },
          },
        },
        {
          label: '503: wait 60–120 s',
          statuses: [503],
          backoff: {
            strategy: { kind: 'constant', delayMs: 60_000 },
            jitter: { kind: 'additive', maxMs: 60_000 },
          },
        },
      ],
      retryOn: { statuses: [500, 503], connectionErrors: false, timeouts: false },
    },
    notes: [
      'A uniform wait in the advised window; the page also says "use exponential backoff" and to contact support when errors last more than 10 minutes.',
      'Newer per-error articles say "wait a few seconds" instead.',
    ],
    unconfirmed: [
      'The number of tries and the uniform choice inside each window are this preset’s reading of the advice.',
    ],
  },
  {
    id: 'bash-loop',
    label: 'Bash curl loop (5 s doubling, 5 attempts, 500 only)',
    kind: 'recipe',
    follows: {
      package: 'seed troubleshooting guide (OpenAI 500)',
      version: 'undated third-party article',
    },
    source:
      'seed: article "InternalServerError: 500 Internal Server Error", section "Simple Bash Retry Loop" (third-party troubleshooting guide; its public URL was not recorded)',
    configuredAs: 'MAX_RETRIES=5 (5 attempts), RETRY_DELAY=5',
    policy: {
      maxAttempts: 5,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 5000, factor: 2 },
        jitter: { kind: 'none' },
      },
      retryOn: { statuses: [500], connectionErrors: false, timeouts: false },
      sleepAfterFinalFailure: true,
    },
    notes: [
      'sleep $((RETRY_DELAY * (2 ** (ATTEMPT - 1)))) → 5, 10, 20, 40 s, and 80 s after the 5th failure too: the loop sleeps before it checks the count, so the caller waits 155 s before "Failed".',
      'Any other status, and curl failures (status 000), exit at once. curl has no timeout set.',
    ],
    unconfirmed: [
      'curl -w "%{http_code}" appends the code without a newline, so `tail -n1` yields the code only if the body ends with a newline; otherwise every response is treated as an error (reading of the script, not run).',
    ],
  },
];

const BY_ID = new Map(PRESETS.map((p) => [p.id, p]));

export function getPreset(id: string): RetryPreset | undefined {
  return BY_ID.get(id);
}

/** The preset, or an error naming the known ids. */
export function requirePreset(id: string): RetryPreset {
  const p = BY_ID.get(id);
  if (!p) throw new Error(`unknown retry preset "${id}"`);
  return p;
}
