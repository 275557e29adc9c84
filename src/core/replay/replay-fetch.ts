/**
 * The `fetch` handed to a client under replay: counts real I/O for the gated clock, stamps each
 * request with its virtual time, and plays the handler's declared timing (latency, chunk pauses,
 * stalls, cuts, network errors, no response) on the virtual clock, reporting every step.
 */
import type { VirtualClock } from './clock';
import {
  CLOCK_HEADER,
  PLAN_HEADER,
  REPLAY_HEADER_PREFIX,
  formatClock,
  parseDeclaredPlan,
  splitSseBlocks,
  type DeclaredPlan,
} from './protocol';
import type { ReplayEvent } from './types';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ReplayFetchOptions {
  /** The real fetch (captured before the fake timers go in). */
  readonly fetch: FetchLike;
  readonly clock: Pick<VirtualClock, 'now' | 'epochNow' | 'beginIo' | 'sleep'>;
  readonly onEvent: (event: ReplayEvent) => void;
}

export interface ReplayFetch extends FetchLike {
  /** Requests made so far (= the last attempt number). */
  readonly attempts: number;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function headerRecord(headers: Headers, drop = false): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (drop && key.startsWith(REPLAY_HEADER_PREFIX)) return;
    out[key] = value;
  });
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return String(reason);
}

export function createReplayFetch(options: ReplayFetchOptions): ReplayFetch {
  const { clock, onEvent } = options;
  let attempts = 0;

  async function replayFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const attempt = ++attempts;
    const request = new Request(input, init);
    const signal = request.signal;
    const clientHeaders = headerRecord(request.headers, true);
    onEvent({
      type: 'request',
      t: clock.now(),
      attempt,
      method: request.method,
      url: request.url,
      headers: clientHeaders,
    });

    const onAbortEvent = () =>
      onEvent({
        type: 'abort',
        t: clock.now(),
        attempt,
        reason: describeReason(abortReason(signal)),
      });

    // Real I/O: send, then read the whole body (the handler answered at once).
    const endIo = clock.beginIo();
    let response: Response;
    let text: string;
    try {
      const headers = new Headers(request.headers);
      headers.set(CLOCK_HEADER, formatClock({ t: clock.now(), epochMs: clock.epochNow() }));
      const body =
        request.method === 'GET' || request.method === 'HEAD'
          ? undefined
          : await request.arrayBuffer();
      response = await options.fetch(request.url, {
        method: request.method,
        headers,
        ...(body ? { body } : {}),
        signal,
      });
      text = await response.text();
    } catch (error) {
      endIo();
      if (signal.aborted) onAbortEvent();
      else
        onEvent({
          type: 'network-error',
          t: clock.now(),
          attempt,
          stepIndex: -1,
          message: describeReason(error),
        });
      throw error;
    }
    endIo();

    const plan = parseDeclaredPlan(response.headers.get(PLAN_HEADER));
    const headers = headerRecord(response.headers, true);
    if (!plan) {
      onEvent({
        type: 'response',
        t: clock.now(),
        attempt,
        stepIndex: -1,
        status: response.status,
        headers,
        body: text,
      });
      return makeResponse(response.status, response.statusText, headers, text);
    }

    const sleep = async (ms: number) => {
      if (ms <= 0) return;
      try {
        await clock.sleep(ms, signal);
      } catch (error) {
        onAbortEvent();
        throw error;
      }
    };

    if (plan.kind === 'no-response') {
      return new Promise<Response>((_resolve, reject) => {
        const fail = () => {
          onAbortEvent();
          reject(abortReason(signal));
        };
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      });
    }

    await sleep(plan.latencyMs);
    if (plan.kind === 'network-error') {
      const error = new TypeError('fetch failed: connection reset (replay)');
      onEvent({
        type: 'network-error',
        t: clock.now(),
        attempt,
        stepIndex: plan.stepIndex,
        message: error.message,
      });
      throw error;
    }

    if (plan.streamEnd === undefined) {
      onEvent({
        type: 'response',
        t: clock.now(),
        attempt,
        stepIndex: plan.stepIndex,
        status: response.status,
        headers,
        body: text,
      });
      return makeResponse(response.status, response.statusText, headers, text);
    }

    onEvent({
      type: 'response',
      t: clock.now(),
      attempt,
      stepIndex: plan.stepIndex,
      status: response.status,
      headers,
    });
    const stream = playStream(
      splitSseBlocks(text),
      plan,
      attempt,
      signal,
      clock,
      onEvent,
      onAbortEvent,
    );
    return new Response(stream, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  Object.defineProperty(replayFetch, 'attempts', { get: () => attempts });
  return replayFetch as ReplayFetch;
}

function makeResponse(
  status: number,
  statusText: string,
  headers: Record<string, string>,
  text: string,
): Response {
  return new Response(NULL_BODY.has(status) ? null : text, { status, statusText, headers });
}

/** SSE blocks delivered on demand, one per chunk interval, ending as the plan declares. */
function playStream(
  blocks: readonly string[],
  plan: Extract<DeclaredPlan, { kind: 'http' }>,
  attempt: number,
  signal: AbortSignal,
  clock: ReplayFetchOptions['clock'],
  onEvent: ReplayFetchOptions['onEvent'],
  onAbortEvent: () => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const end = plan.streamEnd ?? 'complete';
  const interval = plan.chunkIntervalMs ?? 0;
  let index = 0;
  let finished = false;
  const stop = new AbortController();
  const onSignal = () => stop.abort(abortReason(signal));
  signal.addEventListener('abort', onSignal, { once: true });
  const finish = () => {
    finished = true;
    signal.removeEventListener('abort', onSignal);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      try {
        if (index < blocks.length) {
          if (index > 0 && interval > 0) await clock.sleep(interval, stop.signal);
          const block = blocks[index++] ?? '';
          controller.enqueue(encoder.encode(block));
          onEvent({ type: 'chunk', t: clock.now(), attempt, data: block });
          return;
        }
        if (end === 'stall') await clock.sleep(plan.stallMs ?? 0, stop.signal);
        finish();
        onEvent({ type: 'stream-end', t: clock.now(), attempt, how: end });
        if (end === 'cut' || end === 'stall') controller.error(new TypeError('network error'));
        else controller.close();
      } catch (error) {
        if (finished) return;
        finish();
        if (signal.aborted) onAbortEvent();
        controller.error(error);
      }
    },
    cancel() {
      finish();
      stop.abort(new DOMException('The stream was cancelled', 'AbortError'));
    },
  });
}
