/** Ready replay scenarios: the seed documents' incidents and the common failures, one story each. */
import { DEFAULT_PATHS } from './scenario-schema';
import type { ReplayScenario, ReplayStep } from './types';

const OPENAI_ERRORS = 'https://developers.openai.com/api/docs/guides/error-codes';
const ANTHROPIC_ERRORS = 'https://platform.claude.com/docs/en/api/errors';
const ANTHROPIC_STREAMING = 'https://platform.claude.com/docs/en/build-with-claude/streaming';
const SEEN = '2026-11-21';

type Draft = Omit<ReplayScenario, 'schemaVersion' | 'api' | 'path' | 'then' | 'stream'> &
  Partial<Pick<ReplayScenario, 'api' | 'path' | 'then' | 'stream'>>;

function scenario(d: Draft): ReplayScenario {
  const api = d.api ?? 'openai-chat';
  return {
    schemaVersion: 1,
    api,
    path: d.path ?? DEFAULT_PATHS[api],
    stream: d.stream ?? false,
    then: d.then ?? 'success',
    ...d,
  };
}

const openai = (d: Omit<Draft, 'provider'>) => scenario({ provider: 'openai', ...d });
const anthropic = (d: Omit<Draft, 'provider' | 'api'>) =>
  scenario({ provider: 'anthropic', api: 'anthropic-messages', ...d });

const err = (entry: string, extra: Partial<Extract<ReplayStep, { kind: 'error' }>> = {}) =>
  ({ kind: 'error', entry, ...extra }) as const satisfies ReplayStep;

/** From the seed documents (the provider pages this product started from). */
export const SEED_SCENARIOS: readonly ReplayScenario[] = [
  scenario({
    id: 'wandb-overloaded-2-minutes',
    title: 'W&B Inference overloaded for 2 minutes',
    story:
      'Every request gets 503 "engine is currently overloaded" for 2 minutes, then it is fine: W&B asks for 60–120 s between tries, an SDK with 3 quick attempts gives up long before.',
    provider: 'wandb',
    steps: [err('503-engine-overloaded', { repeat: { forMs: 120_000 } })],
    source: {
      url: 'https://docs.wandb.ai/support/inference_server_errors_500_503',
      seen: '2026-05-27',
    },
  }),
  scenario({
    id: 'fireworks-500-contact-support',
    title: 'Fireworks 500 that does not go away',
    story:
      'A 500 on every request: Fireworks says "contact support", yet the SDK spends its retries on it before raising.',
    provider: 'fireworks',
    path: '/inference/v1/chat/completions',
    steps: [err('500-internal-server-error')],
    then: 'repeat-last',
    source: {
      url: 'https://docs.fireworks.ai/troubleshooting/status_error_codes/inference_error_code',
      seen: SEEN,
    },
  }),
  scenario({
    id: 'cerebras-429-then-success',
    title: 'Cerebras 429 then success',
    story:
      'One 429 "requests per minute limit exceeded" without Retry-After, then an answer: one backoff retry should be enough.',
    provider: 'cerebras',
    steps: [err('429-request_quota_exceeded')],
    source: { url: 'https://inference-docs.cerebras.ai/support/rate-limits', seen: SEEN },
  }),
  scenario({
    id: 'humanloop-529-upstream-origin',
    title: 'Humanloop 529 from the upstream model',
    story:
      'Humanloop passes on an overload from Anthropic: 529 with detail.origin "Anthropic"; retried like any ≥ 500, then it answers.',
    provider: 'humanloop',
    path: '/v5/prompts/call',
    steps: [
      err('529-overloaded', {
        body: {
          detail: {
            type: 'overloaded_error',
            message: 'Overloaded',
            code: 529,
            origin: 'Anthropic',
          },
        },
      }),
    ],
    source: { url: 'https://docs.humanloop.com/reference/error-handling', seen: SEEN },
  }),
  openai({
    id: 'openai-transient-500',
    title: 'OpenAI transient 500',
    story:
      'One 500 "The server had an error while processing your request", then an answer: a retry after a short backoff hides it.',
    steps: [err('500-server_error')],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
];

/** The failures every client meets sooner or later. */
export const COMMON_SCENARIOS: readonly ReplayScenario[] = [
  openai({
    id: '429-retry-after-once',
    title: '429 with Retry-After, once',
    story:
      'A 429 that says "retry-after: 7", then an answer: a good client waits the 7 s it was told.',
    steps: [err('429-rate_limit_exceeded', { headers: { 'retry-after': '7' } })],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: '429-no-retry-after-persistent',
    title: '429 without Retry-After, persistent',
    story:
      'A 429 with no hint on every request: the client backs off on its own and gives up within its budget.',
    steps: [err('429-rate_limit_exceeded', { removeHeaders: ['retry-after'] })],
    then: 'repeat-last',
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'insufficient-quota',
    title: '429 insufficient_quota',
    story:
      'A 429 that is a billing problem, not a rate limit: retrying cannot help, but clients that retry by status spend their retries on it.',
    steps: [err('429-insufficient_quota')],
    then: 'repeat-last',
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  anthropic({
    id: '500-once',
    title: '500 once',
    story: 'One Anthropic 500 api_error, then an answer: one retry on backoff.',
    steps: [err('500-api_error')],
    source: { url: ANTHROPIC_ERRORS, seen: SEEN },
  }),
  openai({
    id: '503-persistent',
    title: '503 persistent',
    story:
      'A 503 "server is overloaded" on every request: the client retries on backoff, then raises.',
    steps: [err('503-server_is_overloaded')],
    then: 'repeat-last',
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  anthropic({
    id: '529-overloaded',
    title: '529 overloaded, twice',
    story: 'Two Anthropic 529 overloaded_error responses, then an answer: retried as any ≥ 500.',
    steps: [err('529-overloaded_error', { repeat: { count: 2 } })],
    source: { url: ANTHROPIC_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'connection-reset',
    title: 'Connection reset',
    story: 'The connection drops before any response, once: SDKs retry connection errors.',
    steps: [{ kind: 'network-error', latencyMs: 40 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'no-response',
    title: 'No response at all',
    story:
      'The server accepts the request and never answers: only the client’s own timeout (600 s by default in the OpenAI SDK) ends each attempt.',
    steps: [{ kind: 'no-response' }],
    then: 'repeat-last',
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'slow-first-byte',
    title: 'Slow first byte',
    story: 'A streamed answer whose headers take 20 s: well inside the SDK timeout, so no retry.',
    stream: true,
    steps: [{ kind: 'success', latencyMs: 20_000 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'retry-after-http-date',
    title: 'Retry-After as an HTTP date',
    story:
      'A 429 whose Retry-After is a date 20 s ahead: clients that read dates wait about 20 s (dates are whole seconds).',
    steps: [err('429-rate_limit_exceeded', { retryAfterDateInMs: 20_000 })],
    source: { url: 'https://www.rfc-editor.org/rfc/rfc9110#field.retry-after', seen: SEEN },
  }),
  openai({
    id: '503-x-should-retry-false',
    title: '503 with x-should-retry: false',
    story:
      'A 503 that carries "x-should-retry: false": Stainless SDKs obey the server and do not retry, though a retry would have worked.',
    steps: [err('503-server_is_overloaded', { headers: { 'x-should-retry': 'false' } })],
    source: {
      url: 'https://github.com/openai/openai-node/blob/7b7d6ca71130d37ec09792c50056b47861f2eccf/src/client.ts',
      seen: SEEN,
    },
  }),
  openai({
    id: 'stream-cut',
    title: 'Stream cut mid-answer',
    story:
      'A 200 stream drops after 3 chunks: the SDK raises; a stream that started is never retried.',
    stream: true,
    steps: [{ kind: 'stream-failure', failure: 'cut', afterChunks: 3 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'stream-stall',
    title: 'Stream stall',
    story:
      'A 200 stream goes silent for 30 s after 2 chunks, then drops: the SDK timeout covers only the headers, so nothing fires until the cut.',
    stream: true,
    steps: [{ kind: 'stream-failure', failure: 'stall', afterChunks: 2, stallMs: 30_000 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  anthropic({
    id: 'stream-error-event',
    title: 'Error event mid-stream',
    story:
      'An Anthropic stream sends 2 chunks, then "event: error" overloaded_error inside the 200: raised as an error, not retried.',
    stream: true,
    steps: [
      {
        kind: 'stream-failure',
        failure: 'error-event',
        afterChunks: 2,
        entry: 'stream-error-overloaded_error',
      },
    ],
    source: { url: ANTHROPIC_STREAMING, seen: SEEN },
  }),
  openai({
    id: 'stream-malformed-chunk',
    title: 'Malformed chunk',
    story: 'A 200 stream whose third chunk is not JSON: the SDK raises a parse error.',
    stream: true,
    steps: [{ kind: 'stream-failure', failure: 'malformed-chunk', afterChunks: 2 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'stream-no-terminator',
    title: 'Stream ends without its terminator',
    story:
      'A 200 stream ends cleanly after 3 chunks with no finish_reason and no "data: [DONE]": a raw loop just stops, a truncated answer looks complete.',
    stream: true,
    steps: [{ kind: 'stream-failure', failure: 'no-terminator', afterChunks: 3 }],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
  openai({
    id: 'context-length-exceeded',
    title: '400 context length exceeded',
    story: 'A 400 context_length_exceeded: the request itself is wrong, so it must not be retried.',
    steps: [
      err('400-invalid_request_error', {
        body: {
          error: {
            message:
              "This model's maximum context length is 4097 tokens. However, you requested 10000012 tokens (12 in the messages, 10000000 in the completion). Please reduce the length of the messages or completion.",
            type: 'invalid_request_error',
            param: 'messages',
            code: 'context_length_exceeded',
          },
        },
      }),
    ],
    then: 'repeat-last',
    source: { url: 'https://docs.humanloop.com/reference/error-handling', seen: SEEN },
  }),
  openai({
    id: 'primary-down-60s',
    title: 'Primary down for 60 s, then back',
    story:
      'Every request gets 503 for 60 s, then the provider recovers: a client with a few quick retries fails; only a longer budget or a fallback rides it out.',
    steps: [err('503-server_is_overloaded', { repeat: { forMs: 60_000 } })],
    source: { url: OPENAI_ERRORS, seen: SEEN },
  }),
];

export const SCENARIO_LIBRARY: readonly ReplayScenario[] = [...SEED_SCENARIOS, ...COMMON_SCENARIOS];

export function getLibraryScenario(id: string): ReplayScenario | undefined {
  return SCENARIO_LIBRARY.find((s) => s.id === id);
}
