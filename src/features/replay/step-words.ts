/** Scenario steps and times in words, for the step list and the timeline. Pure. */
import type { ReplayRepeat, ReplayScenario, ReplayStep } from '../../core/replay/types';
import { streamEndWords } from './attempts';

export const stepKinds = [
  'error',
  'success',
  'network-error',
  'no-response',
  'stream-failure',
] as const satisfies readonly ReplayStep['kind'][];

export const stepKindLabels: Record<ReplayStep['kind'], string> = {
  error: 'HTTP error (from the catalog)',
  success: 'Success',
  'network-error': 'Network error',
  'no-response': 'No response',
  'stream-failure': 'Stream that fails partway',
};

/** Virtual time for the timeline: exact milliseconds, "1:02.500" past a minute. */
export function formatVirtual(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(3)} s`;
  const min = Math.floor(abs / 60_000);
  const rest = abs - min * 60_000;
  return `${sign}${min}:${(rest / 1000).toFixed(3).padStart(6, '0')}`;
}

export function repeatWords(repeat: ReplayRepeat | undefined): string {
  if (!repeat) return 'once';
  if ('count' in repeat) return repeat.count === 1 ? 'once' : `${repeat.count} times`;
  return `for ${formatSeconds(repeat.forMs)}`;
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')} s`;
}

/** One line per step: "429-rate_limit_exceeded, 3 times, after 200 ms". */
export function describeStep(step: ReplayStep, scenario: Pick<ReplayScenario, 'stream'>): string {
  let what: string;
  switch (step.kind) {
    case 'error': {
      const tweaks: string[] = [];
      if (step.status !== undefined) tweaks.push(`status ${step.status}`);
      const added = Object.keys(step.headers ?? {});
      if (added.length) tweaks.push(`+ ${added.join(', ')}`);
      if (step.removeHeaders?.length) tweaks.push(`− ${step.removeHeaders.join(', ')}`);
      if (step.retryAfterDateInMs !== undefined)
        tweaks.push(`Retry-After as a date ${formatSeconds(step.retryAfterDateInMs)} ahead`);
      if (step.body !== undefined) tweaks.push('own body');
      what = `${step.entry}${tweaks.length ? ` (${tweaks.join('; ')})` : ''}`;
      break;
    }
    case 'success':
      what = scenario.stream ? 'a streamed answer' : 'an answer (200)';
      break;
    case 'network-error':
      what = 'the connection fails';
      break;
    case 'no-response':
      what = 'nothing comes back';
      break;
    case 'stream-failure':
      what = `200 stream, ${streamEndWords[step.failure]} after ${step.afterChunks} ${step.afterChunks === 1 ? 'chunk' : 'chunks'}${step.entry ? ` (${step.entry})` : ''}${step.failure === 'stall' ? `, stalls ${formatSeconds(step.stallMs ?? 30_000)}` : ''}`;
      break;
  }
  const latency = step.latencyMs ? `, after ${formatSeconds(step.latencyMs)}` : '';
  return `${what}, ${repeatWords(step.repeat)}${latency}`;
}

/** A fresh step of a kind, with the fields it needs. */
export function newStep(kind: ReplayStep['kind'], defaultEntry: string | undefined): ReplayStep {
  switch (kind) {
    case 'error':
      return { kind, entry: defaultEntry ?? '500-internal_server_error' };
    case 'stream-failure':
      return { kind, failure: 'cut', afterChunks: 2 };
    default:
      return { kind };
  }
}

/** Change a step's kind, keeping what the kinds share (latency, repeat, note). */
export function changeKind(
  step: ReplayStep,
  kind: ReplayStep['kind'],
  defaultEntry: string | undefined,
): ReplayStep {
  if (kind === step.kind) return step;
  const shared = {
    ...(step.latencyMs !== undefined ? { latencyMs: step.latencyMs } : {}),
    ...(step.repeat !== undefined ? { repeat: step.repeat } : {}),
    ...(step.note !== undefined ? { note: step.note } : {}),
  };
  return { ...newStep(kind, defaultEntry), ...shared } as ReplayStep;
}

/** Header lines ("name: value") to a record; the lines that are not headers are returned too. */
export function parseHeaderLines(text: string): {
  headers: Record<string, string>;
  bad: string[];
} {
  const headers: Record<string, string> = {};
  const bad: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (m) headers[m[1]!.toLowerCase()] = m[2]!;
    else bad.push(line);
  }
  return { headers, bad };
}

export function headerLines(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
