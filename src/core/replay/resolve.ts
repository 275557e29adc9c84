/** Turns a scenario step into a fully decided ResponsePlan: catalog errors, real-shaped answers, stream failures. */
import type { ErrorEntry, ProviderCatalog } from '../catalog/schema';
import { httpDate } from '../retry/hints';
import type { StepPick } from './sequencer';
import type { ReplayApi, ReplayScenario, ReplayStep, ResponsePlan, StreamFailure } from './types';

/** Virtual pause between streamed chunks. */
export const CHUNK_INTERVAL_MS = 40;
/** Default stall before the cut of a `stall` stream failure. */
export const DEFAULT_STALL_MS = 30_000;
/** The answer every success carries, split into one chunk per word when streamed. */
export const ANSWER_TEXT = 'The replay says hello: the provider answered this request.';
export const REPLAY_MODEL = 'replay-model';

export interface ResolveContext {
  /** The dialect of the request (a client may speak another one than the scenario). */
  readonly api?: ReplayApi;
  /** Whether the request asked for a stream (default: the scenario's `stream`). */
  readonly stream?: boolean;
  /** Virtual wall-clock time (epoch ms) when the request arrived: HTTP dates, `created`. */
  readonly nowEpochMs: number;
}

type Headers = Record<string, string>;

function lowerKeys(h: Readonly<Record<string, string>> | undefined): Headers {
  const out: Headers = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function findEntry(catalog: ProviderCatalog, id: string | undefined): ErrorEntry | undefined {
  return id === undefined ? undefined : catalog.errors.find((e) => e.id === id);
}

function requestIdHeaders(api: ReplayApi, n: number): Headers {
  const id = `req_replay_${String(n).padStart(4, '0')}`;
  return api === 'anthropic-messages' ? { 'request-id': id } : { 'x-request-id': id };
}

// ---------------------------------------------------------------------------------------------
// Successes

function words(count: number): string[] {
  const base = ANSWER_TEXT.split(' ');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = base[i % base.length] ?? 'word';
    out.push(i === count - 1 ? w : `${w} `);
  }
  return out;
}

const sse = (data: unknown, event?: string): string =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

export function successBody(api: ReplayApi, createdS: number): unknown {
  if (api === 'anthropic-messages') {
    return {
      id: 'msg_replay',
      type: 'message',
      role: 'assistant',
      model: REPLAY_MODEL,
      content: [{ type: 'text', text: ANSWER_TEXT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: ANSWER_TEXT.split(' ').length },
    };
  }
  return {
    id: 'chatcmpl-replay',
    object: 'chat.completion',
    created: createdS,
    model: REPLAY_MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: ANSWER_TEXT, refusal: null },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 12, completion_tokens: 10, total_tokens: 22 },
  };
}

interface StreamParts {
  readonly head: string[];
  readonly content: string[];
  readonly tail: string[];
}

/** The SSE blocks of a streamed answer with `contentChunks` text deltas. */
export function streamParts(api: ReplayApi, contentChunks: number, createdS: number): StreamParts {
  const pieces = words(contentChunks);
  if (api === 'anthropic-messages') {
    return {
      head: [
        sse(
          {
            type: 'message_start',
            message: {
              id: 'msg_replay',
              type: 'message',
              role: 'assistant',
              model: REPLAY_MODEL,
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: 12, output_tokens: 1 },
            },
          },
          'message_start',
        ),
        sse(
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
          'content_block_start',
        ),
      ],
      content: pieces.map((text) =>
        sse(
          { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
          'content_block_delta',
        ),
      ),
      tail: [
        sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
        sse(
          {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn', stop_sequence: null },
            usage: { output_tokens: pieces.length },
          },
          'message_delta',
        ),
        sse({ type: 'message_stop' }, 'message_stop'),
      ],
    };
  }
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    sse({
      id: 'chatcmpl-replay',
      object: 'chat.completion.chunk',
      created: createdS,
      model: REPLAY_MODEL,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    });
  return {
    head: [chunk({ role: 'assistant', content: '' }, null)],
    content: pieces.map((content) => chunk({ content }, null)),
    tail: [chunk({}, 'stop'), sse('[DONE]')],
  };
}

// ---------------------------------------------------------------------------------------------
// Stream errors

interface ErrorInfo {
  readonly type: string;
  readonly message: string;
  readonly code?: string | null;
}

function errorInfoFromJson(value: unknown): ErrorInfo | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const inner = (v.error ?? (v.response as Record<string, unknown> | undefined)?.error) as
    Record<string, unknown> | undefined;
  const src = inner && typeof inner === 'object' ? inner : v;
  const message = typeof src.message === 'string' ? src.message : undefined;
  if (!message) return undefined;
  const code = typeof src.code === 'string' ? src.code : null;
  const type = typeof src.type === 'string' ? src.type : (code ?? 'server_error');
  return { type, message, code };
}

/** The error an `error-event` carries: from the entry's example (JSON or SSE text), else generic. */
export function streamErrorInfo(entry: ErrorEntry | undefined): ErrorInfo {
  const body = entry?.example.body;
  let info: ErrorInfo | undefined;
  if (typeof body === 'string') {
    for (const line of body.split('\n')) {
      if (!line.startsWith('data:')) continue;
      try {
        info = errorInfoFromJson(JSON.parse(line.slice(5).trim()));
      } catch {
        /* not JSON: keep looking */
      }
      if (info) break;
    }
  } else {
    info = errorInfoFromJson(body);
  }
  if (info) return info;
  const code = entry?.providerCodes[0];
  return {
    type: code ?? 'overloaded_error',
    message: entry?.message ?? 'Overloaded',
    code: code ?? null,
  };
}

function errorEvent(api: ReplayApi, info: ErrorInfo): string {
  if (api === 'anthropic-messages') {
    return sse({ type: 'error', error: { type: info.type, message: info.message } }, 'error');
  }
  return sse({
    error: { message: info.message, type: info.type, param: null, code: info.code ?? null },
  });
}

function malformedChunk(api: ReplayApi): string {
  return api === 'anthropic-messages'
    ? 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n'
    : 'data: {"id":"chatcmpl-replay","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"tru\n\n';
}

// ---------------------------------------------------------------------------------------------
// Plans

function errorPlan(
  pick: StepPick,
  step: Extract<ReplayStep, { kind: 'error' }>,
  catalog: ProviderCatalog,
  api: ReplayApi,
  ctx: ResolveContext,
): ResponsePlan {
  const entry = findEntry(catalog, step.entry);
  const latencyMs = step.latencyMs ?? 0;
  const status = step.status ?? entry?.status ?? entry?.example.status ?? 500;
  const headers: Headers = {
    ...requestIdHeaders(api, pick.request),
    ...lowerKeys(entry?.example.headers),
  };
  for (const name of step.removeHeaders ?? []) delete headers[name.toLowerCase()];
  Object.assign(headers, lowerKeys(step.headers));
  if (step.retryAfterDateInMs !== undefined) {
    headers['retry-after'] = httpDate(ctx.nowEpochMs + latencyMs + step.retryAfterDateInMs);
  }
  const raw = step.body !== undefined ? step.body : entry?.example.body;
  // A replaced body brings its own content type unless the step names one.
  if (step.body !== undefined && !lowerKeys(step.headers)['content-type']) {
    delete headers['content-type'];
  }
  let body: string;
  if (typeof raw === 'string') {
    body = raw;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else {
    body = JSON.stringify(raw ?? { error: { message: `HTTP ${status}`, type: 'replay_error' } });
    headers['content-type'] ??= 'application/json';
  }
  return { kind: 'http', stepIndex: pick.stepIndex, status, headers, body, latencyMs };
}

function streamPlan(
  pick: StepPick,
  api: ReplayApi,
  createdS: number,
  latencyMs: number,
  failure?: { how: StreamFailure; afterChunks: number; entry?: ErrorEntry; stallMs?: number },
): ResponsePlan {
  const headers: Headers = {
    ...requestIdHeaders(api, pick.request),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  };
  const base = {
    kind: 'http' as const,
    stepIndex: pick.stepIndex,
    status: 200,
    headers,
    latencyMs,
  };
  if (!failure) {
    const parts = streamParts(api, 8, createdS);
    return {
      ...base,
      chunks: [...parts.head, ...parts.content, ...parts.tail],
      streamEnd: 'complete',
      chunkIntervalMs: CHUNK_INTERVAL_MS,
    };
  }
  const parts = streamParts(api, failure.afterChunks, createdS);
  const chunks = [...parts.head, ...parts.content];
  if (failure.how === 'error-event') chunks.push(errorEvent(api, streamErrorInfo(failure.entry)));
  if (failure.how === 'malformed-chunk') chunks.push(malformedChunk(api));
  return {
    ...base,
    chunks,
    streamEnd: failure.how,
    chunkIntervalMs: CHUNK_INTERVAL_MS,
    ...(failure.how === 'stall' ? { stallMs: failure.stallMs ?? DEFAULT_STALL_MS } : {}),
  };
}

/** The ResponsePlan for a picked step. Unknown entries fall back to generic bodies (check first). */
export function resolvePlan(
  scenario: Pick<ReplayScenario, 'api' | 'stream'>,
  catalog: ProviderCatalog,
  pick: StepPick,
  ctx: ResolveContext,
): ResponsePlan {
  const api = ctx.api ?? scenario.api;
  const stream = ctx.stream ?? scenario.stream;
  const { step } = pick;
  const latencyMs = step.latencyMs ?? 0;
  const createdS = Math.floor(ctx.nowEpochMs / 1000);
  switch (step.kind) {
    case 'error':
      return errorPlan(pick, step, catalog, api, ctx);
    case 'network-error':
      return { kind: 'network-error', stepIndex: pick.stepIndex, latencyMs };
    case 'no-response':
      return { kind: 'no-response', stepIndex: pick.stepIndex };
    case 'success':
      if (stream) return streamPlan(pick, api, createdS, latencyMs);
      return {
        kind: 'http',
        stepIndex: pick.stepIndex,
        status: 200,
        headers: { ...requestIdHeaders(api, pick.request), 'content-type': 'application/json' },
        body: JSON.stringify(successBody(api, createdS)),
        latencyMs,
      };
    case 'stream-failure': {
      const entry = findEntry(catalog, step.entry);
      return streamPlan(pick, api, createdS, latencyMs, {
        how: step.failure,
        afterChunks: step.afterChunks,
        ...(entry ? { entry } : {}),
        ...(step.stallMs !== undefined ? { stallMs: step.stallMs } : {}),
      });
    }
  }
}

/** The dialect a request speaks, from its path (`…/messages` is Anthropic), else the fallback. */
export function apiOfPath(path: string, fallback: ReplayApi): ReplayApi {
  if (/\/messages\/?$/.test(path)) return 'anthropic-messages';
  if (/\/chat\/completions\/?$/.test(path)) return 'openai-chat';
  return fallback;
}
