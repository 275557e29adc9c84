/**
 * Folds a run's event stream into one row per attempt, for the timeline table and the time
 * strip. Pure; times are virtual ms since the run started.
 */
import type { ReplayEvent, ReplayResult, StreamFailure } from '../../core/replay/types';

export interface AttemptRow {
  readonly attempt: number;
  /** When the request was sent. */
  readonly t: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly response?: {
    readonly t: number;
    readonly stepIndex: number;
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string | undefined;
  };
  readonly chunks: readonly { readonly t: number; readonly data: string }[];
  readonly streamEnd?: { readonly t: number; readonly how: 'complete' | StreamFailure };
  readonly networkError?: {
    readonly t: number;
    readonly stepIndex: number;
    readonly message: string;
  };
  readonly abort?: { readonly t: number; readonly reason: string };
  /** The last thing that happened in this attempt. */
  readonly endT: number;
  /** Virtual time from this attempt's end to the next request (undefined for the last). */
  readonly waitMs?: number | undefined;
}

export interface RunSummary {
  readonly attempts: readonly AttemptRow[];
  readonly logs: readonly {
    readonly t: number;
    readonly level: string;
    readonly message: string;
  }[];
  readonly result?: { readonly t: number; readonly result: ReplayResult } | undefined;
  readonly done?: { readonly t: number; readonly wallMs: number } | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function summarize(events: readonly ReplayEvent[]): RunSummary {
  const rows: Mutable<AttemptRow>[] = [];
  const byAttempt = new Map<number, Mutable<AttemptRow>>();
  const logs: { t: number; level: string; message: string }[] = [];
  let result: RunSummary['result'];
  let done: RunSummary['done'];
  const touch = (attempt: number, t: number) => {
    const row = byAttempt.get(attempt);
    if (row && t > row.endT) row.endT = t;
    return row;
  };
  for (const e of events) {
    switch (e.type) {
      case 'request': {
        const row: Mutable<AttemptRow> = {
          attempt: e.attempt,
          t: e.t,
          method: e.method,
          url: e.url,
          requestHeaders: e.headers,
          chunks: [],
          endT: e.t,
        };
        rows.push(row);
        byAttempt.set(e.attempt, row);
        break;
      }
      case 'response': {
        const row = touch(e.attempt, e.t);
        if (row)
          row.response = {
            t: e.t,
            stepIndex: e.stepIndex,
            status: e.status,
            headers: e.headers,
            body: e.body,
          };
        break;
      }
      case 'chunk': {
        const row = touch(e.attempt, e.t);
        if (row) row.chunks = [...row.chunks, { t: e.t, data: e.data }];
        break;
      }
      case 'stream-end': {
        const row = touch(e.attempt, e.t);
        if (row) row.streamEnd = { t: e.t, how: e.how };
        break;
      }
      case 'network-error': {
        const row = touch(e.attempt, e.t);
        if (row) row.networkError = { t: e.t, stepIndex: e.stepIndex, message: e.message };
        break;
      }
      case 'abort': {
        const row = touch(e.attempt, e.t);
        if (row) row.abort = { t: e.t, reason: e.reason };
        break;
      }
      case 'log':
        logs.push({ t: e.t, level: e.level, message: e.message });
        break;
      case 'result':
        result = { t: e.t, result: e.result };
        break;
      case 'done':
        done = { t: e.t, wallMs: e.wallMs };
        break;
    }
  }
  rows.sort((a, b) => a.t - b.t || a.attempt - b.attempt);
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    row.waitMs = next ? Math.max(0, next.t - row.endT) : undefined;
  });
  return { attempts: rows, logs, result, done };
}

/** The path (and query) of a request URL, without the mock host and the run prefix. */
export function displayPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname.replace(/^\/run\/[^/]+/, '')}${u.search}`;
  } catch {
    return url;
  }
}

/** How an attempt ended, in a few words. */
export function outcomeText(row: AttemptRow): string {
  if (row.networkError) return `network error: ${row.networkError.message}`;
  if (row.abort && !row.response) return `aborted: ${row.abort.reason}`;
  if (row.response) {
    const base = `${row.response.status}`;
    if (row.streamEnd && row.streamEnd.how !== 'complete')
      return `${base}, stream ${streamEndWords[row.streamEnd.how]} after ${row.chunks.length} ${row.chunks.length === 1 ? 'chunk' : 'chunks'}`;
    if (row.abort) return `${base}, then aborted: ${row.abort.reason}`;
    return base;
  }
  return 'no response yet';
}

export const streamEndWords: Record<StreamFailure | 'complete', string> = {
  complete: 'complete',
  'error-event': 'error event',
  cut: 'cut',
  stall: 'stalled',
  'malformed-chunk': 'malformed chunk',
  'no-terminator': 'ended without terminator',
};
