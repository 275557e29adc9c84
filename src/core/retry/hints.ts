/**
 * Reading server hints (`Retry-After`, `retry-after-ms`, gRPC pushback) the way each client does.
 * Pure: the current time is passed in (`nowMs`, epoch ms) and only used for HTTP dates.
 */

import { matchesStatus } from './quota';
import type {
  DateSyntax,
  HintFallback,
  HintSource,
  NumberSyntax,
  Outcome,
  RetryAfterRule,
} from './types';

/** Case-insensitive header lookup. */
export function getHeader(
  headers: Readonly<Record<string, string>> | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) return headers[key];
  }
  return undefined;
}

/** Format an epoch-ms instant as an HTTP date (IMF-fixdate), e.g. for a `Retry-After` header. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

const PY_FLOAT =
  /^\s*[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)\s*$/i;
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const STRICT_INT = /^-?\d+$/;
/** Loose shape of an RFC 2822 / IMF date: a month name and a hh:mm time. */
const RFC2822_SHAPE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\b\d{1,2}:\d{2}/i;

/** Parse a number the way the client does; NaN when it does not parse. */
export function parseHintNumber(value: string, syntax: NumberSyntax): number {
  switch (syntax) {
    case 'js-parseFloat':
      return Number.parseFloat(value);
    case 'js-parseInt':
      return Number.parseInt(value.trim(), 10);
    case 'js-integer': {
      if (value.trim() === '') return Number.NaN;
      const n = Number(value);
      return Number.isInteger(n) ? n : Number.NaN;
    }
    case 'py-float':
      return PY_FLOAT.test(value) ? pyFloat(value) : Number.NaN;
    case 'py-int':
      return PY_INT.test(value) ? Number.parseInt(value.replace(/_/g, '').trim(), 10) : Number.NaN;
    case 'strict-int':
      return STRICT_INT.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  }
}

function pyFloat(value: string): number {
  const v = value.trim().replace(/_/g, '').toLowerCase();
  const sign = v.startsWith('-') ? -1 : 1;
  const body = v.replace(/^[+-]/, '');
  if (body === 'inf' || body === 'infinity') return sign * Number.POSITIVE_INFINITY;
  if (body === 'nan') return Number.NaN;
  return Number(v);
}

/** Delay in ms until the HTTP date in `value`, per the client's date rule; NaN if invalid. */
export function parseHintDate(
  value: string,
  syntax: DateSyntax,
  nowMs: number | undefined,
): number {
  if (nowMs === undefined) return Number.NaN;
  if ((syntax === 'py' || syntax === 'py-trunc-s') && !RFC2822_SHAPE.test(value)) {
    return Number.NaN;
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return Number.NaN;
  const delta = at - nowMs;
  switch (syntax) {
    case 'js':
    case 'py':
      return delta;
    case 'js-ceil-nonneg':
      return delta > 0 ? Math.ceil(delta) : 0;
    case 'py-trunc-s':
      return Math.trunc(delta / 1000) * 1000;
  }
}

/** One header read: absent, present but invalid, or a delay in ms (may be 0 or negative). */
export type SourceReading =
  | { readonly kind: 'absent' }
  | { readonly kind: 'invalid'; readonly header: string; readonly raw: string }
  | { readonly kind: 'value'; readonly header: string; readonly raw: string; readonly ms: number };

export function readSource(
  outcome: Outcome,
  source: HintSource,
  nowMs: number | undefined,
): SourceReading {
  if (outcome.kind !== 'response') return { kind: 'absent' };
  const raw = getHeader(outcome.headers, source.header);
  if (raw === undefined || raw === '') return { kind: 'absent' };
  const n = parseHintNumber(raw, source.number);
  let ms = source.unit === 's' ? n * 1000 : n;
  if (Number.isNaN(n) && source.date) ms = parseHintDate(raw, source.date, nowMs);
  if (Number.isNaN(ms) || !Number.isFinite(ms))
    return { kind: 'invalid', header: source.header, raw };
  return { kind: 'value', header: source.header, raw, ms };
}

/** The hint chosen by the rule's `select` mode (before range checks). */
export function readHint(
  outcome: Outcome,
  rule: RetryAfterRule,
  nowMs: number | undefined,
): SourceReading {
  let invalid: SourceReading | undefined;
  let zero: SourceReading | undefined;
  for (const source of rule.sources) {
    const reading = readSource(outcome, source, nowMs);
    if (reading.kind === 'absent') continue;
    if (rule.select === 'first-present') return reading;
    if (reading.kind === 'invalid') {
      invalid ??= reading;
      continue;
    }
    if (rule.select === 'first-truthy' && reading.ms === 0) {
      zero ??= reading;
      continue;
    }
    return reading;
  }
  return zero ?? invalid ?? { kind: 'absent' };
}

/** What the client does with the hint on this outcome. */
export type HintVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'ignored'; readonly why: string; readonly reading: SourceReading }
  | { readonly kind: 'honour'; readonly ms: number; readonly why: string }
  | {
      readonly kind: 'give-up';
      readonly reason: 'retry-after-too-long' | 'retry-after-refused' | 'retry-after-budget';
      readonly why: string;
    };

function fallback(
  mode: HintFallback,
  clampTo: number,
  why: string,
  reading: SourceReading,
  giveUpReason: 'retry-after-too-long' | 'retry-after-refused',
): HintVerdict {
  switch (mode) {
    case 'backoff':
      return { kind: 'ignored', why: `${why}: own backoff used`, reading };
    case 'clamp':
      return { kind: 'honour', ms: clampTo, why: `${why}: clamped to ${clampTo} ms` };
    case 'give-up':
      return { kind: 'give-up', reason: giveUpReason, why: `${why}: not retried` };
  }
}

const NONE: HintVerdict = { kind: 'none' };

/** Apply the rule's range, fallbacks and budget to the hint on `outcome`. */
export function judgeHint(
  outcome: Outcome,
  rule: RetryAfterRule | undefined,
  nowMs: number | undefined,
  hintUsedMs = 0,
): HintVerdict {
  if (!rule || outcome.kind !== 'response' || !outcome.headers) return NONE;
  if (rule.statuses && !matchesStatus(outcome.status, rule.statuses)) return NONE;
  const reading = readHint(outcome, rule, nowMs);
  if (reading.kind === 'absent') return NONE;
  if (reading.kind === 'invalid') {
    return fallback(
      rule.invalid,
      0,
      `${reading.header}: "${reading.raw}" does not parse`,
      reading,
      'retry-after-refused',
    );
  }
  const { ms } = reading;
  const min = rule.minMs ?? 0;
  const max = rule.maxMs ?? Number.POSITIVE_INFINITY;
  const minInclusive = rule.minInclusive ?? true;
  const maxInclusive = rule.maxInclusive ?? true;
  const label = `${reading.header}: ${reading.raw} (${ms} ms)`;
  if (ms < min || (ms === min && !minInclusive)) {
    return fallback(
      rule.belowMin,
      min,
      `${label} is below ${minInclusive ? '' : 'or at '}${min} ms`,
      reading,
      'retry-after-refused',
    );
  }
  if (ms > max || (ms === max && !maxInclusive)) {
    return fallback(
      rule.aboveMax,
      max,
      `${label} is above ${maxInclusive ? '' : 'or at '}${max} ms`,
      reading,
      'retry-after-too-long',
    );
  }
  if (rule.budgetMs !== undefined && ms > rule.budgetMs - hintUsedMs) {
    return {
      kind: 'give-up',
      reason: 'retry-after-budget',
      why: `${label} exceeds the ${rule.budgetMs - hintUsedMs} ms left of the hint budget`,
    };
  }
  return { kind: 'honour', ms, why: `${label} honoured` };
}
