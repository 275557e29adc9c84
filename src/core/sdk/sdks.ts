/**
 * Official SDKs whose behaviour changed between releases, fact by fact and version range by
 * version range: which exception class each status raises, and how Retry-After is honoured
 * (with the simulator preset that models that rule). Every fact names the public source it was
 * read in, pinned to a commit or a release tag, and the date it was seen, like catalog facts.
 *
 * Ranges use the small grammar of `version.ts` (`>=6.26.0 <7.5.0`). A version no range covers
 * is "not modelled", never guessed.
 */

export type SdkId = 'openai-node' | 'openai-python' | 'anthropic-ts' | 'anthropic-python';

export interface SdkFactSource {
  /** A public URL pinned to a commit, a release tag or a published package. */
  readonly url: string;
  readonly seen: string;
  readonly note?: string;
}

export interface RetryAfterFact {
  readonly range: string;
  /** The simulator preset that models this rule (src/core/retry/presets.ts). */
  readonly presetId: string;
  /** A few words for a picker or a table: "any value, no upper bound". */
  readonly short: string;
  /** The rule in full, in our words. */
  readonly rule: string;
  readonly sources: readonly SdkFactSource[];
  /** The installed release the SDK fidelity tests run against this rule, if any. */
  readonly measuredAt?: readonly string[];
}

export interface ExceptionFact {
  readonly range: string;
  /** Class per HTTP status; statuses not listed raise `serverError` (≥ 500) or `otherStatus`. */
  readonly byStatus: Readonly<Record<number, string>>;
  readonly serverError: string;
  readonly otherStatus: string;
  readonly connection: string;
  readonly timeout: string;
  /** An error event inside a 200 stream. */
  readonly streamError: string;
  readonly sources: readonly SdkFactSource[];
  readonly measuredAt?: readonly string[];
}

export interface SdkModel {
  readonly id: SdkId;
  /** The package name as installed (and as catalogs write it in `sdkExceptions[].sdk`). */
  readonly package: string;
  readonly registry: 'npm' | 'PyPI';
  readonly language: 'TypeScript' | 'Python';
  readonly label: string;
  /** The newest release these facts were read at, and when. */
  readonly newest: string;
  readonly newestSeen: string;
  /** The release `npm install` picks on Node 20, when the newest one needs a newer Node. */
  readonly node20?: { readonly version: string; readonly why: string };
  /** Releases offered as examples of each version line (newest first). */
  readonly releases: readonly string[];
  readonly retryAfter: readonly RetryAfterFact[];
  readonly exceptions: readonly ExceptionFact[];
}

const GH = 'https://github.com';
const NODE = `${GH}/openai/openai-node`;
const OPY = `${GH}/openai/openai-python`;
const ATS = `${GH}/anthropics/anthropic-sdk-typescript`;
const APY = `${GH}/anthropics/anthropic-sdk-python`;
const NPM = 'https://registry.npmjs.org';

/** The Stainless status classes every SDK here shares. */
const STAINLESS_4XX: Readonly<Record<number, string>> = {
  400: 'BadRequestError',
  401: 'AuthenticationError',
  403: 'PermissionDeniedError',
  404: 'NotFoundError',
  409: 'ConflictError',
  422: 'UnprocessableEntityError',
  429: 'RateLimitError',
};

/** @anthropic-ai/sdk from 1.5.0: a class for each of these statuses (`STATUS_ERROR_CLASSES`). */
const ANTHROPIC_TS_15: Readonly<Record<number, string>> = {
  ...STAINLESS_4XX,
  408: 'RequestTimeoutError',
  412: 'PreconditionFailedError',
  413: 'ContentTooLargeError',
  431: 'RequestHeaderFieldsTooLargeError',
  499: 'ClientClosedRequestError',
  501: 'NotImplementedError',
  503: 'ServiceUnavailableError',
  504: 'GatewayTimeoutError',
  529: 'OverloadedError',
};

/**
 * anthropic (Python) from 0.47.0: `_make_status_error` adds 413 and 529 to the shared classes;
 * 503 and 504 stay InternalServerError (ServiceUnavailableError and DeadlineExceededError exist
 * in `_exceptions.py` but only the Bedrock and Vertex clients raise them).
 */
const ANTHROPIC_PY_047: Readonly<Record<number, string>> = {
  ...STAINLESS_4XX,
  413: 'RequestTooLargeError',
  529: 'OverloadedError',
};

/** anthropic (Python): the classes for everything but the mapped statuses, the same on every line. */
const ANTHROPIC_PY_OTHER = {
  serverError: 'InternalServerError',
  otherStatus: 'APIStatusError',
  connection: 'APIConnectionError',
  timeout: 'APITimeoutError',
  streamError: 'APIStatusError',
} as const;

export const SDKS: readonly SdkModel[] = [
  {
    id: 'openai-node',
    package: 'openai',
    registry: 'npm',
    language: 'TypeScript',
    label: 'openai (TypeScript / Node)',
    newest: '7.59.0',
    newestSeen: '2026-11-29',
    node20: {
      version: '6.49.0',
      why: 'openai 7 declares engines node >= 22, so npm on Node 20 installs the last 6.x',
    },
    releases: [
      '7.59.0',
      '7.5.0',
      '7.4.0',
      '6.49.0',
      '6.26.0',
      '6.25.0',
      '5.23.2',
      '4.104.0',
      '4.25.0',
    ],
    retryAfter: [
      {
        range: '>=7.5.0 <7.60.0',
        presetId: 'openai-node',
        short: 'honoured from 0 to 60 s',
        rule: 'retry-after-ms first (a 0 there counts), then retry-after as seconds or an HTTP date; slept only when finite and 0 ≤ value ≤ 60 s, otherwise the own backoff applies and the request is still retried.',
        sources: [
          {
            url: `${NODE}/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/client.ts`,
            seen: '2026-08-21',
            note: '7.5.0; the bound came back in commit 6eda5b186b4aaff68cfa9f2cb9d8711620f8fc0c',
          },
          {
            url: `${NPM}/openai/-/openai-7.59.0.tgz`,
            seen: '2026-11-29',
            note: 'the same rule in the 7.59.0 package (src/client.ts retryRequest)',
          },
        ],
      },
      {
        range: '>=6.26.0 <7.5.0',
        presetId: 'openai-node-7.4',
        short: 'any value, no upper bound',
        rule: 'retry-after-ms first, then retry-after (read only when retry-after-ms is absent or 0) as seconds or an HTTP date; any parsed value is slept, however long. A negative value or an unparseable date fires at once.',
        sources: [
          {
            url: `${NODE}/blob/6a89ced17367bf722d6b8dc1bfd307850bac64d1/src/client.ts`,
            seen: '2026-11-29',
            note: 'v6.26.0, the first release with commit 583240f26aa0f14eac2810f59f76c4b964fce14c',
          },
          {
            url: `${NODE}/blob/04671d278ef1531692ae31a870251eec90f3c2d2/src/client.ts`,
            seen: '2026-11-29',
            note: 'v6.49.0, the release npm installs on Node 20',
          },
        ],
        measuredAt: ['6.49.0'],
      },
      {
        range: '>=4.25.0 <6.26.0',
        presetId: 'openai-node-6',
        short: 'honoured only when under 60 s',
        rule: 'Slept only when 0 < value < 60 s; 0, 60 s or more, and unparseable values fall back to the own backoff (still retried). retry-after-ms: 0 counts as absent.',
        sources: [
          {
            url: `${NODE}/blob/03ee9c5f42c6ce9636fbbb365a97746feb17e8cd/src/client.ts`,
            seen: '2026-11-29',
            note: 'v6.25.0',
          },
          {
            url: `${NODE}/blob/01cdbe18ba412db1d382df0586afb58e6dd2e653/src/client.ts`,
            seen: '2026-11-29',
            note: 'v5.23.2, the last 5.x',
          },
          {
            url: `${NODE}/commit/33aca5512434ed05273f16c19d9c02f1d06bb35f`,
            seen: '2026-11-29',
            note: 'the rule since v4.25.0 (2024-01); earlier 4.x read only an integer retry-after',
          },
        ],
        measuredAt: ['5.23.2'],
      },
    ],
    exceptions: [
      {
        range: '>=4.25.0 <7.60.0',
        byStatus: STAINLESS_4XX,
        serverError: 'InternalServerError',
        otherStatus: 'APIError',
        connection: 'APIConnectionError',
        timeout: 'APIConnectionTimeoutError',
        streamError: 'APIError',
        sources: [
          {
            url: `${NODE}/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/core/error.ts`,
            seen: '2026-08-21',
            note: '7.5.0 (APIError.generate); unchanged in the 7.59.0 package',
          },
          {
            url: `${NODE}/blob/01cdbe18ba412db1d382df0586afb58e6dd2e653/src/core/error.ts`,
            seen: '2026-11-29',
            note: 'v5.23.2: the same classes',
          },
        ],
        measuredAt: ['6.49.0', '5.23.2'],
      },
    ],
  },
  {
    id: 'openai-python',
    package: 'openai',
    registry: 'PyPI',
    language: 'Python',
    label: 'openai (Python)',
    newest: '3.3.1',
    newestSeen: '2026-08-21',
    releases: ['3.3.1', '2.52.0', '2.51.0', '1.109.1'],
    retryAfter: [
      {
        range: '>=2.52.0 <3.4.0',
        presetId: 'openai-python',
        short: 'honoured up to 120 s; above that, no retry',
        rule: 'retry-after-ms, then retry-after (seconds or HTTP date); slept when finite and 0 < value ≤ 120 s. A finite value above 120 s stops retrying at once, even with x-should-retry: true. 0 or negative uses the backoff.',
        sources: [
          {
            url: `${OPY}/blob/e43b422412a9e96c9cc5192c61fffbe2d7e04836/src/openai/_base_client.py`,
            seen: '2026-08-21',
            note: '3.3.1',
          },
          {
            url: `${OPY}/blob/ca693fbaa20a620ce53a48f4419a1a01444564e7/src/openai/_base_client.py`,
            seen: '2026-11-29',
            note: 'v2.52.0, the first release with commit 7fa7946485b5ecbadd0ebf8624c574e2c9e3370c',
          },
        ],
      },
      {
        range: '>=1.0.0 <2.52.0',
        presetId: 'openai-python-2',
        short: 'honoured up to 60 s',
        rule: 'Slept when 0 < value ≤ 60 s; a longer value falls back to the short backoff and the request is still retried.',
        sources: [
          {
            url: `${OPY}/blob/3844843c277f42b0b18beaa58152cfda61df524a/src/openai/_base_client.py`,
            seen: '2026-11-29',
            note: 'v2.51.0',
          },
        ],
      },
    ],
    exceptions: [
      {
        range: '>=1.0.0 <3.4.0',
        byStatus: STAINLESS_4XX,
        serverError: 'InternalServerError',
        otherStatus: 'APIStatusError',
        connection: 'APIConnectionError',
        timeout: 'APITimeoutError',
        streamError: 'APIError',
        sources: [
          {
            url: `${OPY}/blob/e43b422412a9e96c9cc5192c61fffbe2d7e04836/src/openai/_client.py`,
            seen: '2026-08-21',
            note: '3.3.1 (_make_status_error)',
          },
        ],
      },
    ],
  },
  {
    id: 'anthropic-ts',
    package: '@anthropic-ai/sdk',
    registry: 'npm',
    language: 'TypeScript',
    label: '@anthropic-ai/sdk (TypeScript)',
    newest: '1.14.0',
    newestSeen: '2026-11-29',
    releases: [
      '1.14.0',
      '1.12.0',
      '1.10.0',
      '1.9.0',
      '1.5.0',
      '1.4.0',
      '0.137.0',
      '0.125.0',
      '0.124.0',
      '0.79.0',
      '0.78.0',
    ],
    retryAfter: [
      {
        range: '>=0.125.0 <1.15.0',
        presetId: 'anthropic-ts-1.12',
        short: 'any positive value; 0 or below counts as absent',
        rule: 'retry-after-ms first (a 0 there falls through to retry-after), then retry-after as seconds or an HTTP date; slept when 0 < value ≤ 2^31 − 1 ms (the largest timer). 0, negative, unparseable or larger values use the own backoff and the request is still retried. No 60 s bound.',
        sources: [
          {
            url: `${ATS}/commit/1090c44d11afa79316f68acd53392cbd1ad071ca`,
            seen: '2026-11-29',
            note: '"use the default backoff when Retry-After is out of range"; first published in the 0.125.0 package',
          },
          {
            url: `${NPM}/@anthropic-ai/sdk/-/sdk-0.125.0.tgz`,
            seen: '2026-11-29',
            note: 'src/client.ts retryRequest; 0.124.0 still slept any value',
          },
          {
            url: `${ATS}/blob/sdk-v1.12.0/src/client.ts`,
            seen: '2026-11-29',
            note: 'the same rule in 1.12.0 and 1.14.0',
          },
        ],
        measuredAt: ['1.12.0'],
      },
      {
        range: '>=0.79.0 <0.125.0',
        presetId: 'anthropic-ts',
        short: 'any value, no upper bound',
        rule: 'retry-after-ms first, then retry-after (read only when retry-after-ms is absent or 0); any parsed value is slept, however long, and 0 means no wait. A negative value or an unparseable date fires at once.',
        sources: [
          {
            url: `${ATS}/blob/bfa9197f0182084941052be9752c948638421601/src/client.ts`,
            seen: '2026-08-19',
            note: '0.120.0; the bound was removed in 0.79.0 (af66c809a5b59d6dc6e02e405b2c449fd9432e5e)',
          },
          {
            url: `${NPM}/@anthropic-ai/sdk/-/sdk-0.124.0.tgz`,
            seen: '2026-11-29',
            note: 'the same rule in 0.124.0, the last release before the change',
          },
        ],
        measuredAt: ['0.124.0'],
      },
      {
        range: '>=0.12.4 <0.79.0',
        presetId: 'anthropic-ts-0.78',
        short: 'honoured only when under 60 s',
        rule: 'Slept only when 0 < value < 60 s; anything else uses the own backoff.',
        sources: [
          {
            url: `${ATS}/commit/af66c809a5b59d6dc6e02e405b2c449fd9432e5e`,
            seen: '2026-08-19',
            note: '0.79.0 removed the 60 s bound',
          },
          {
            url: `${ATS}/blob/fdaa72bed14cdd9671bba1add1ba9e912c9d1ced/src/client.ts`,
            seen: '2026-11-29',
            note: 'sdk-v0.78.0; the rule since 0.12.4 (commit 334edb66a75a2e214276344c24b8fb80dba57be8, 2024-01)',
          },
        ],
      },
    ],
    exceptions: [
      {
        range: '>=1.10.0 <1.15.0',
        byStatus: { ...ANTHROPIC_TS_15, 402: 'PaymentRequiredError' },
        serverError: 'InternalServerError',
        otherStatus: 'APIError',
        connection: 'APIConnectionError',
        timeout: 'APIConnectionTimeoutError',
        streamError: 'APIError',
        sources: [
          {
            url: `${ATS}/blob/sdk-v1.10.0/src/core/error.ts`,
            seen: '2026-11-29',
            note: '1.10.0 adds 402 PaymentRequiredError to STATUS_ERROR_CLASSES (absent from 1.5.0 – 1.9.0); the same map in 1.12.0 and 1.14.0',
          },
        ],
        measuredAt: ['1.12.0'],
      },
      {
        range: '>=1.5.0 <1.10.0',
        byStatus: ANTHROPIC_TS_15,
        serverError: 'InternalServerError',
        otherStatus: 'APIError',
        connection: 'APIConnectionError',
        timeout: 'APIConnectionTimeoutError',
        streamError: 'APIError',
        sources: [
          {
            url: `${ATS}/blob/sdk-v1.5.0/src/core/error.ts`,
            seen: '2026-11-29',
            note: '1.5.0: "add error classes for HTTP statuses" (STATUS_ERROR_CLASSES)',
          },
        ],
      },
      {
        range: '>=0.12.4 <1.5.0',
        byStatus: STAINLESS_4XX,
        serverError: 'InternalServerError',
        otherStatus: 'APIError',
        connection: 'APIConnectionError',
        timeout: 'APIConnectionTimeoutError',
        streamError: 'APIError',
        sources: [
          {
            url: `${ATS}/blob/bfa9197f0182084941052be9752c948638421601/src/core/error.ts`,
            seen: '2026-08-19',
            note: '0.120.0 (APIError.generate); the same in the 0.137.0 and 1.4.0 packages',
          },
        ],
        measuredAt: ['0.124.0'],
      },
    ],
  },
  {
    id: 'anthropic-python',
    package: 'anthropic',
    registry: 'PyPI',
    language: 'Python',
    label: 'anthropic (Python)',
    newest: '0.121.0',
    newestSeen: '2026-08-07',
    releases: ['0.121.0', '0.85.0', '0.84.0', '0.47.0', '0.46.0', '0.35.0', '0.34.2', '0.10.0'],
    retryAfter: [
      {
        range: '>=0.35.0 <0.122.0',
        presetId: 'anthropic-python',
        short: 'honoured up to 60 s',
        rule: 'retry-after-ms, then retry-after (seconds or HTTP date); slept when 0 < value ≤ 60 s, otherwise the backoff applies and the request is still retried.',
        sources: [
          {
            url: `${APY}/blob/009b035305e0724ce108ebd796935f91711fc6e1/src/anthropic/_base_client.py`,
            seen: '2026-08-07',
            note: '0.121.0 (_parse_retry_after_header, _calculate_retry_timeout)',
          },
          {
            url: `${APY}/blob/bbf9fc7154ded22c9039d5616a15879595686e2c/src/anthropic/_base_client.py`,
            seen: '2026-11-30',
            note: 'v0.35.0, the first release with commit 54913cebae6664c3164604e2437a6fce7f42e7e0: the first retry waits about 0.5 s from here on (about 1 s before); the Retry-After rule itself is unchanged',
          },
        ],
      },
      {
        range: '>=0.10.0 <0.35.0',
        presetId: 'anthropic-python-0.34',
        short: 'honoured up to 60 s (first backoff ≈ 1 s)',
        rule: 'retry-after-ms, then retry-after (seconds or HTTP date); slept when 0 < value ≤ 60 s, otherwise the backoff applies and the request is still retried. The same rule as later releases, but the backoff starts one step higher: about 1 s, then 2 s.',
        sources: [
          {
            url: `${APY}/blob/ff83982c44db0920f435916aadb37c3523083079/src/anthropic/_base_client.py`,
            seen: '2026-11-30',
            note: 'v0.34.2, the last release before 0.35.0: _retry_request hands _calculate_retry_timeout the retries left after this one, so the exponent starts at 1',
          },
          {
            url: `${APY}/commit/351b044225fd47fda1aa1720abfaa26955b6bc7d`,
            seen: '2026-11-30',
            note: 'retry-after-ms is read from v0.10.0 on (this commit); earlier releases read retry-after only, and are not modelled',
          },
        ],
      },
    ],
    exceptions: [
      {
        range: '>=0.85.0 <0.122.0',
        byStatus: ANTHROPIC_PY_047,
        ...ANTHROPIC_PY_OTHER,
        sources: [
          {
            url: `${APY}/blob/009b035305e0724ce108ebd796935f91711fc6e1/src/anthropic/_client.py`,
            seen: '2026-08-07',
            note: '0.121.0 (_make_status_error); a streamed error event goes through the same function with the 200 response, so it raises APIStatusError (_streaming.py)',
          },
          {
            url: `${APY}/commit/42921e34a8aa72e83d900a0fed1ecb1f2e75e45e`,
            seen: '2026-11-30',
            note: 'v0.85.0: AsyncAnthropic gets the 413 and 529 classes too; from here on both clients map the same',
          },
        ],
      },
      {
        range: '>=0.47.0 <0.85.0',
        byStatus: ANTHROPIC_PY_047,
        ...ANTHROPIC_PY_OTHER,
        sources: [
          {
            url: `${APY}/blob/49d639a671cb0ac30c767e8e1e68fdd5925205d5/src/anthropic/_client.py`,
            seen: '2026-11-30',
            note: 'v0.84.0: Anthropic (sync) raises RequestTooLargeError for 413 and OverloadedError for 529, but AsyncAnthropic does not: it still raises APIStatusError (413) and InternalServerError (529)',
          },
          {
            url: `${APY}/commit/b87dcf1253fa29310d118e6961dffab94caaf48a`,
            seen: '2026-11-30',
            note: 'v0.47.0: RequestTooLargeError and OverloadedError added to the sync client only',
          },
        ],
      },
      {
        range: '>=0.10.0 <0.47.0',
        byStatus: STAINLESS_4XX,
        ...ANTHROPIC_PY_OTHER,
        sources: [
          {
            url: `${APY}/blob/fb3af99339092187d6a445df38aa016fd1a19f8d/src/anthropic/_client.py`,
            seen: '2026-11-30',
            note: 'v0.46.0: no class for 413 (APIStatusError) or 529 (InternalServerError, as every status ≥ 500)',
          },
          {
            url: `${APY}/blob/7995928a51f60a82d1c7c118b23226e6c0064d19/src/anthropic/_client.py`,
            seen: '2026-11-30',
            note: 'v0.10.0: the same map, timeout and connection classes, and stream error path (_streaming.py)',
          },
        ],
      },
    ],
  },
];
