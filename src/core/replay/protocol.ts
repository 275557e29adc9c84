/** The wire contract between the replay handler and the replay fetch: run URLs, clock and plan headers. */
import type { ResponsePlan, StreamFailure } from './types';

/** The mock host the browser's service worker answers for. Never resolved on a network. */
export const DEFAULT_MOCK_ORIGIN = 'https://mock.replay.test';
/** Request header the replay fetch adds: the request's virtual arrival time. */
export const CLOCK_HEADER = 'x-replay-clock';
/** Response header the handler adds: the timing the client-side fetch must play. */
export const PLAN_HEADER = 'x-replay-plan';
/** Every header with this prefix is replay's own and is stripped before the client sees it. */
export const REPLAY_HEADER_PREFIX = 'x-replay-';

/** `https://mock.replay.test/run/<runId>` */
export function runBaseUrl(runId: string, origin = DEFAULT_MOCK_ORIGIN): string {
  return `${origin.replace(/\/+$/, '')}/run/${encodeURIComponent(runId)}`;
}

export interface ClockReading {
  /** Virtual ms since the run started. */
  readonly t: number;
  /** Virtual wall clock (epoch ms). */
  readonly epochMs: number;
}

export function formatClock(c: ClockReading): string {
  return `t=${c.t};epoch=${c.epochMs}`;
}

export function parseClock(value: string | null | undefined): ClockReading | undefined {
  const m = /^t=(-?\d+(?:\.\d+)?);epoch=(-?\d+(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const t = Number(m[1]);
  const epochMs = Number(m[2]);
  return Number.isFinite(t) && Number.isFinite(epochMs) ? { t, epochMs } : undefined;
}

/** The timing part of a ResponsePlan, declared in `x-replay-plan` (the body carries the rest). */
export type DeclaredPlan =
  | {
      readonly kind: 'http';
      readonly stepIndex: number;
      readonly latencyMs: number;
      /** Present for streamed bodies: the body is SSE blocks to play one by one. */
      readonly streamEnd?: 'complete' | StreamFailure;
      readonly chunkIntervalMs?: number;
      readonly stallMs?: number;
    }
  | { readonly kind: 'network-error'; readonly stepIndex: number; readonly latencyMs: number }
  | { readonly kind: 'no-response'; readonly stepIndex: number };

export function declarePlan(plan: ResponsePlan): DeclaredPlan {
  if (plan.kind !== 'http') return plan;
  return {
    kind: 'http',
    stepIndex: plan.stepIndex,
    latencyMs: plan.latencyMs,
    ...(plan.chunks ? { streamEnd: plan.streamEnd ?? 'complete' } : {}),
    ...(plan.chunkIntervalMs !== undefined ? { chunkIntervalMs: plan.chunkIntervalMs } : {}),
    ...(plan.stallMs !== undefined ? { stallMs: plan.stallMs } : {}),
  };
}

const STREAM_ENDS = new Set([
  'complete',
  'error-event',
  'cut',
  'stall',
  'malformed-chunk',
  'no-terminator',
]);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Read `x-replay-plan`; `undefined` when absent or not a plan (then the response plays as is). */
export function parseDeclaredPlan(value: string | null | undefined): DeclaredPlan | undefined {
  if (!value) return undefined;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(value) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object' || !Number.isInteger(v.stepIndex)) return undefined;
  const stepIndex = v.stepIndex as number;
  if (v.kind === 'no-response') return { kind: 'no-response', stepIndex };
  if (!num(v.latencyMs)) return undefined;
  if (v.kind === 'network-error')
    return { kind: 'network-error', stepIndex, latencyMs: v.latencyMs };
  if (v.kind !== 'http') return undefined;
  return {
    kind: 'http',
    stepIndex,
    latencyMs: v.latencyMs,
    ...(typeof v.streamEnd === 'string' && STREAM_ENDS.has(v.streamEnd)
      ? { streamEnd: v.streamEnd as 'complete' | StreamFailure }
      : {}),
    ...(num(v.chunkIntervalMs) ? { chunkIntervalMs: v.chunkIntervalMs } : {}),
    ...(num(v.stallMs) ? { stallMs: v.stallMs } : {}),
  };
}

/** Split an SSE body into its blocks, each ending with its blank line. */
export function splitSseBlocks(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n\n', start);
    if (end < 0) break;
    out.push(text.slice(start, end + 2));
    start = end + 2;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
