/**
 * Replay: the shared vocabulary of scenarios, resolved response plans and run events.
 *
 * A scenario is plain JSON (validated by `scenario-schema.ts`, published as
 * `public/replay/scenario.schema.json`). It is resolved against a provider catalog into
 * `ResponsePlan`s that the MSW replay handler serves; a client (a real SDK or the reference
 * client) meets them through the replay `fetch` on a gated virtual clock, and every step of the
 * run is reported as a `ReplayEvent`. Times are virtual milliseconds since the run started.
 */

/** The request/response dialect a scenario speaks (Cerebras, Groq, W&B… speak `openai-chat`). */
export type ReplayApi = 'openai-chat' | 'anthropic-messages';

/** How long a step lasts: a number of requests, or a span of (virtual) time. Default `{count: 1}`. */
export type ReplayRepeat = { readonly count: number } | { readonly forMs: number };

/** How a streamed response goes wrong after `afterChunks` good chunks. */
export type StreamFailure =
  /** The provider's own error event (Anthropic `event: error` overloaded_error, an OpenAI error chunk). */
  | 'error-event'
  /** The connection drops mid-body. */
  | 'cut'
  /** No bytes for `stallMs`, then the connection drops. */
  | 'stall'
  /** A chunk that is not valid JSON. */
  | 'malformed-chunk'
  /** The body ends cleanly but without the terminator (`data: [DONE]` / `message_stop`). */
  | 'no-terminator';

interface StepBase {
  /** Virtual latency before the response headers (ms). Default 0. */
  readonly latencyMs?: number;
  readonly repeat?: ReplayRepeat;
  /** Free text shown in the timeline. */
  readonly note?: string;
}

export type ReplayStep =
  /** An HTTP error drawn from a catalog entry: its status, headers and body, optionally tweaked. */
  | (StepBase & {
      readonly kind: 'error';
      /** Catalog entry id in the scenario's provider, e.g. `429-insufficient_quota`. */
      readonly entry: string;
      /** Override the entry's status. */
      readonly status?: number;
      /** Added to (or replacing) the entry's example headers; names are case-insensitive. */
      readonly headers?: Readonly<Record<string, string>>;
      /** Entry headers to drop (e.g. `retry-after`). */
      readonly removeHeaders?: readonly string[];
      /** Send `Retry-After` as an HTTP date this many ms after the response's virtual time. */
      readonly retryAfterDateInMs?: number;
      /** Replace the entry's example body. */
      readonly body?: unknown;
    })
  /** A real-shaped completion, streamed when the scenario streams. */
  | (StepBase & { readonly kind: 'success' })
  /** The connection fails before any response. */
  | (StepBase & { readonly kind: 'network-error' })
  /** Nothing ever comes back: only the client's own timeout ends the attempt. */
  | (StepBase & { readonly kind: 'no-response' })
  /** A 200 stream that fails partway. */
  | (StepBase & {
      readonly kind: 'stream-failure';
      readonly failure: StreamFailure;
      readonly afterChunks: number;
      /** For `error-event`: the catalog entry whose error the event carries. */
      readonly entry?: string;
      /** For `stall`. Default 30 000. */
      readonly stallMs?: number;
    });

export interface ReplayScenario {
  readonly $schema?: string;
  readonly schemaVersion: 1;
  /** Slug; a permalink for library scenarios. */
  readonly id: string;
  readonly title: string;
  /** One line: what happens and what a good client should do. */
  readonly story: string;
  /** Catalog id, e.g. `openai`. */
  readonly provider: string;
  readonly api: ReplayApi;
  /** The provider's real API path, e.g. `/v1/chat/completions`, served on the mock host. */
  readonly path: string;
  /** Whether the client asks for a stream. */
  readonly stream: boolean;
  readonly steps: readonly ReplayStep[];
  /** What a request after the last step gets. */
  readonly then: 'success' | 'repeat-last';
  /** Where a library scenario comes from (seed document, issue, docs). */
  readonly source?: { readonly url: string; readonly seen: string };
}

/** How the client sees one response, fully decided (the handler answers at once; the replay
 * `fetch` plays the timing on the virtual clock). */
export type ResponsePlan =
  | {
      readonly kind: 'http';
      readonly stepIndex: number;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      /** Whole body for non-streamed responses. */
      readonly body?: string;
      /** SSE chunks (each a complete `event:`/`data:` block) for streamed responses. */
      readonly chunks?: readonly string[];
      /** How the chunk stream ends. */
      readonly streamEnd?: 'complete' | StreamFailure;
      readonly stallMs?: number;
      readonly latencyMs: number;
      /** Virtual pause between chunks. */
      readonly chunkIntervalMs?: number;
    }
  | { readonly kind: 'network-error'; readonly stepIndex: number; readonly latencyMs: number }
  | { readonly kind: 'no-response'; readonly stepIndex: number };

/** The clients a replay can run. Versions are those in the lockfile, reported at run time. */
export type ReplayClientId = 'openai' | 'anthropic' | 'reference';

export type ReplaySpeed = 'instant' | 10 | 1;

/** What the caller finally got. `className` comes from `instanceof` checks against the SDK's
 * exports (never `constructor.name`, which minification destroys). */
export type ReplayResult =
  | { readonly kind: 'answer'; readonly text: string; readonly chunks?: number }
  | {
      readonly kind: 'error';
      readonly className: string;
      readonly message: string;
      readonly status?: number;
    };

/** One thing that happened during a run, at virtual time `t` (ms since the run started). */
export type ReplayEvent =
  | {
      readonly type: 'request';
      readonly t: number;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      /** Request headers the client sent, names lower-cased (replay's own `x-replay-*` removed). */
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly type: 'response';
      readonly t: number;
      readonly attempt: number;
      readonly stepIndex: number;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body?: string;
    }
  | { readonly type: 'chunk'; readonly t: number; readonly attempt: number; readonly data: string }
  | {
      readonly type: 'stream-end';
      readonly t: number;
      readonly attempt: number;
      readonly how: 'complete' | StreamFailure;
    }
  | {
      readonly type: 'network-error';
      readonly t: number;
      readonly attempt: number;
      readonly stepIndex: number;
      readonly message: string;
    }
  /** The client aborted an attempt (its own timeout, or the caller). */
  | {
      readonly type: 'abort';
      readonly t: number;
      readonly attempt: number;
      readonly reason: string;
    }
  /** A line the client logged (SDK `logger`), in virtual time. */
  | { readonly type: 'log'; readonly t: number; readonly level: string; readonly message: string }
  | { readonly type: 'result'; readonly t: number; readonly result: ReplayResult }
  /** The run is over; `wallMs` is real time spent. */
  | { readonly type: 'done'; readonly t: number; readonly wallMs: number };
