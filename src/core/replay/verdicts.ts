/** Conformance verdicts of a run: Retry-After honoured, non-retryable not retried, no truncated success, budget, deadline. */
import type { ProviderCatalog } from '../catalog/schema';
import { getHeader } from '../retry/hints';
import { explainRun, hintOf } from './explain';
import type { ReplayEvent, ReplayScenario } from './types';

export type VerdictStatus = 'pass' | 'fail' | 'n/a';

export interface Verdict {
  readonly id: 'retry-after' | 'non-retryable' | 'truncated-stream' | 'budget' | 'deadline';
  readonly title: string;
  readonly status: VerdictStatus;
  readonly detail: string;
}

export interface VerdictOptions {
  readonly scenario: ReplayScenario;
  readonly catalog: ProviderCatalog;
  readonly events: readonly ReplayEvent[];
  /** Attempts the client is allowed (e.g. its policy's maxAttempts). */
  readonly maxAttempts?: number;
  /** The caller's deadline for the whole call (virtual ms). */
  readonly deadlineMs?: number;
  readonly startEpochMs?: number;
}

const NON_RETRY_ADVICE = new Set(['do_not_retry', 'fix_then_retry']);

export function verdicts(o: VerdictOptions): Verdict[] {
  const start = o.startEpochMs ?? Date.UTC(2026, 0, 1);
  const { rows, result } = explainRun(o.events, start);
  const out: Verdict[] = [];

  // Retry-After honoured
  const hinted = rows.filter(
    (r) => r.waitMs !== undefined && hintOf(r.responseHeaders, start + r.endT),
  );
  if (hinted.length === 0) {
    out.push({
      id: 'retry-after',
      title: 'Retry-After honoured',
      status: 'n/a',
      detail: 'no retried response carried a Retry-After',
    });
  } else {
    const bad = hinted.filter((r) => {
      const h = hintOf(r.responseHeaders, start + r.endT);
      return (
        !h ||
        !Number.isFinite(h.ms) ||
        (r.waitMs ?? 0) < h.ms - 1000 * Number(h.text.includes('date')) - 1
      );
    });
    out.push({
      id: 'retry-after',
      title: 'Retry-After honoured',
      status: bad.length === 0 ? 'pass' : 'fail',
      detail: hinted.map((r) => `attempt ${r.attempt}: ${r.reason}`).join('; '),
    });
  }

  // Non-retryable errors not retried
  const entryOf = (stepIndex: number | undefined) => {
    const step = stepIndex === undefined ? undefined : o.scenario.steps[stepIndex];
    return step?.kind === 'error' ? o.catalog.errors.find((e) => e.id === step.entry) : undefined;
  };
  const nonRetryable = rows.filter((r) => {
    if (r.status === undefined || r.status < 400) return false;
    if (getHeader(r.responseHeaders, 'x-should-retry') === 'false') return true;
    const entry = entryOf(r.stepIndex);
    return entry ? NON_RETRY_ADVICE.has(entry.retry.advice) : false;
  });
  if (nonRetryable.length === 0) {
    out.push({
      id: 'non-retryable',
      title: 'Non-retryable errors not retried',
      status: 'n/a',
      detail: 'no response said not to retry',
    });
  } else {
    const retried = nonRetryable.filter((r) => r.waitMs !== undefined);
    out.push({
      id: 'non-retryable',
      title: 'Non-retryable errors not retried',
      status: retried.length === 0 ? 'pass' : 'fail',
      detail:
        retried.length === 0
          ? `stopped at the first ${nonRetryable[0]?.status}`
          : `retried ${retried.length} time${retried.length === 1 ? '' : 's'} after ${retried.map((r) => `${r.status}${entryOf(r.stepIndex) ? ` (${entryOf(r.stepIndex)?.id})` : ''}`).join(', ')}`,
    });
  }

  // No truncated stream taken for a success
  const broken = rows.filter((r) => r.streamEnd !== undefined && r.streamEnd !== 'complete');
  if (!o.scenario.stream || rows.every((r) => r.streamEnd === undefined)) {
    out.push({
      id: 'truncated-stream',
      title: 'No truncated stream taken for a success',
      status: 'n/a',
      detail: 'no stream was served',
    });
  } else {
    const fooled = result?.kind === 'answer' && broken.length > 0;
    out.push({
      id: 'truncated-stream',
      title: 'No truncated stream taken for a success',
      status: fooled ? 'fail' : 'pass',
      detail: fooled
        ? `the stream ended with "${broken.at(-1)?.streamEnd}" and the caller got an answer anyway`
        : broken.length > 0
          ? `the stream ended with "${broken.at(-1)?.streamEnd}" and the caller got an error`
          : 'the stream completed',
    });
  }

  // Attempts within budget
  if (o.maxAttempts === undefined) {
    out.push({
      id: 'budget',
      title: 'Attempts within budget',
      status: 'n/a',
      detail: 'no attempt budget given',
    });
  } else {
    out.push({
      id: 'budget',
      title: 'Attempts within budget',
      status: rows.length <= o.maxAttempts ? 'pass' : 'fail',
      detail: `${rows.length} of at most ${o.maxAttempts} attempts`,
    });
  }

  // Gave up before a deadline
  const done = o.events.find((e) => e.type === 'done');
  if (o.deadlineMs === undefined) {
    out.push({
      id: 'deadline',
      title: 'Gave up before the deadline',
      status: 'n/a',
      detail: 'no deadline given',
    });
  } else {
    const end = done?.t ?? rows.at(-1)?.endT ?? 0;
    out.push({
      id: 'deadline',
      title: 'Gave up before the deadline',
      status: end <= o.deadlineMs ? 'pass' : 'fail',
      detail: `the call ended at ${Math.round(end)} ms; deadline ${o.deadlineMs} ms`,
    });
  }
  return out;
}
