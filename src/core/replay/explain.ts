/** Timeline rows from run events: each attempt, its response or failure, and the wait after it in words. */
import { getHeader } from '../retry/hints';
import type { ReplayEvent, ReplayResult, StreamFailure } from './types';

export interface TimelineRow {
  readonly attempt: number;
  /** Virtual time the request left. */
  readonly t: number;
  readonly method: string;
  readonly url: string;
  /** The client's own request headers (x-stainless-retry-count, x-stainless-timeout…). */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly stepIndex?: number;
  readonly status?: number;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly chunks: readonly { readonly t: number; readonly data: string }[];
  readonly streamEnd?: 'complete' | StreamFailure;
  readonly networkError?: string;
  readonly abort?: string;
  /** When the attempt was over for the client (response, error, abort or stream end). */
  readonly endT: number;
  /** Wait from `endT` to the next request; absent on the last attempt. */
  readonly waitMs?: number;
  /** Why the client waited that long, or why it stopped here. */
  readonly reason: string;
}

export interface Explanation {
  readonly rows: readonly TimelineRow[];
  readonly result?: ReplayResult;
  /** One line: what the caller got in the end. */
  readonly summary: string;
  readonly log: readonly Extract<ReplayEvent, { type: 'log' }>[];
}

const seconds = (ms: number): string =>
  ms >= 1000 ? `${Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 2))} s` : `${Math.round(ms)} ms`;

/** The server's hint on a response, in ms, as a client would read it (ms header first). */
export function hintOf(
  headers: Readonly<Record<string, string>> | undefined,
  atEpochMs?: number,
): { ms: number; text: string } | undefined {
  const ms = getHeader(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number.parseFloat(ms))) {
    return { ms: Number.parseFloat(ms), text: `retry-after-ms ${ms}` };
  }
  const ra = getHeader(headers, 'retry-after');
  if (ra === undefined) return undefined;
  const n = Number(ra);
  if (ra.trim() !== '' && Number.isFinite(n))
    return { ms: n * 1000, text: `Retry-After ${seconds(n * 1000)}` };
  const date = Date.parse(ra);
  if (Number.isFinite(date) && atEpochMs !== undefined) {
    return { ms: date - atEpochMs, text: `Retry-After date (${seconds(date - atEpochMs)} ahead)` };
  }
  return { ms: Number.NaN, text: `Retry-After "${ra}" (unreadable)` };
}

const NOT_RETRYABLE = (status: number) =>
  status >= 400 && status < 500 && ![408, 409, 429].includes(status);

function waitReason(
  row: Omit<TimelineRow, 'reason' | 'waitMs'>,
  waitMs: number,
  startEpochMs: number,
): string {
  if (row.networkError) return `connection error; retried after ${seconds(waitMs)}`;
  if (row.abort) return `attempt aborted (${row.abort}); retried after ${seconds(waitMs)}`;
  const hint = hintOf(row.responseHeaders, startEpochMs + row.endT);
  const what = row.status !== undefined ? `${row.status}` : 'failure';
  if (hint && Number.isFinite(hint.ms)) {
    if (
      Math.abs(waitMs - hint.ms) <= 1 ||
      (hint.text.includes('date') && Math.abs(waitMs - hint.ms) < 1000)
    ) {
      return `${hint.text} honoured`;
    }
    return `${hint.text} not honoured: waited ${seconds(waitMs)} (own backoff)`;
  }
  if (hint) return `${hint.text} ignored; backoff ${seconds(waitMs)}`;
  return `${what}: backoff ${seconds(waitMs)} (no Retry-After)`;
}

function stopReason(
  row: Omit<TimelineRow, 'reason' | 'waitMs'>,
  attempts: number,
  result: ReplayResult | undefined,
): string {
  if (result?.kind === 'answer') {
    if (row.streamEnd && row.streamEnd !== 'complete')
      return `stream ended (${row.streamEnd}) but the caller got an answer`;
    return 'answered';
  }
  if (row.streamEnd && row.streamEnd !== 'complete')
    return `stream failed (${row.streamEnd}) after it started: not retried`;
  if (row.status !== undefined) {
    if (getHeader(row.responseHeaders, 'x-should-retry') === 'false')
      return `x-should-retry: false: ${row.status} is not retried`;
    if (NOT_RETRYABLE(row.status)) return `${row.status} is not retried`;
  }
  if (result && /abort/i.test(result.className) && !row.abort) return 'stopped by the caller';
  return `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}

export function explainRun(
  events: readonly ReplayEvent[],
  startEpochMs = Date.UTC(2026, 0, 1),
): Explanation {
  type Draft = {
    -readonly [K in keyof Omit<TimelineRow, 'reason' | 'waitMs'>]: Omit<
      TimelineRow,
      'reason' | 'waitMs'
    >[K];
  } & {
    chunks: { t: number; data: string }[];
  };
  const drafts = new Map<number, Draft>();
  const log: Extract<ReplayEvent, { type: 'log' }>[] = [];
  let result: ReplayResult | undefined;
  for (const e of events) {
    if (e.type === 'log') log.push(e);
    if (e.type === 'result') result = e.result;
    if (e.type === 'request') {
      drafts.set(e.attempt, {
        attempt: e.attempt,
        t: e.t,
        method: e.method,
        url: e.url,
        requestHeaders: e.headers,
        chunks: [],
        endT: e.t,
      });
      continue;
    }
    if (!('attempt' in e)) continue;
    const d = drafts.get(e.attempt);
    if (!d) continue;
    d.endT = Math.max(d.endT, e.t);
    if (e.type === 'response') {
      d.status = e.status;
      d.stepIndex = e.stepIndex;
      d.responseHeaders = e.headers;
      if (e.body !== undefined) d.body = e.body;
    } else if (e.type === 'chunk') d.chunks.push({ t: e.t, data: e.data });
    else if (e.type === 'stream-end') d.streamEnd = e.how;
    else if (e.type === 'network-error') {
      d.networkError = e.message;
      if (e.stepIndex >= 0) d.stepIndex = e.stepIndex;
    } else if (e.type === 'abort') d.abort = e.reason;
  }
  const list = [...drafts.values()].sort((a, b) => a.attempt - b.attempt);
  const rows: TimelineRow[] = list.map((d, i) => {
    const next = list[i + 1];
    if (next) {
      const waitMs = next.t - d.endT;
      return { ...d, waitMs, reason: waitReason(d, waitMs, startEpochMs) };
    }
    return { ...d, reason: stopReason(d, list.length, result) };
  });
  const summary = !result
    ? 'the run has not finished'
    : result.kind === 'answer'
      ? `answer after ${rows.length} attempt${rows.length === 1 ? '' : 's'}${result.chunks !== undefined ? ` (${result.chunks} chunks)` : ''}`
      : `${result.className}${result.status !== undefined ? ` (${result.status})` : ''}: ${result.message}`;
  return { rows, ...(result ? { result } : {}), summary, log };
}
