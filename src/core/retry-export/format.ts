/**
 * Number, duration and status formatting shared by the exporters: literals for Python and
 * TypeScript, human-readable durations for caveats, status sets, and a JSON printer.
 */

import type { StatusMatch } from '../retry/types';

/** Strip binary floating-point noise (0.1 + 0.2 → 0.3) without touching real precision. */
export function clean(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(12));
}

/** Milliseconds → seconds, cleaned. */
export function seconds(ms: number): number {
  return clean(ms / 1000);
}

/** A Python numeric literal (`math.inf` for infinities: the caller imports `math`). */
export function pyNum(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'math.inf';
  if (x === Number.NEGATIVE_INFINITY) return '-math.inf';
  if (Number.isNaN(x)) return 'math.nan';
  return String(clean(x));
}

/** A TypeScript numeric literal; integers from 10 000 up get `_` separators. */
export function tsNum(x: number): string {
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Number.isNaN(x)) return 'NaN';
  const v = clean(x);
  if (Number.isInteger(v) && Math.abs(v) >= 10_000 && Math.abs(v) < 1e21) {
    const sign = v < 0 ? '-' : '';
    return sign + String(Math.abs(v)).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
  }
  return String(v);
}

/** Up to 3 decimals, no trailing zeros. */
function short(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** `375 ms`, `1.5 s`, `24.86 days`, `∞`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '∞' : '−∞';
  if (Math.abs(ms) >= 2 * 86_400_000) return `${Math.round(ms / 864_000) / 100} days`;
  return Math.abs(ms) < 1000 ? `${short(ms)} ms` : `${short(ms / 1000)} s`;
}

/** `4 s` for a single value, `0.375–0.5 s` or `0–10 ms` for a range (unit of the larger end). */
export function formatRange(lo: number, hi: number): string {
  if (Math.abs(hi - lo) <= 1e-9 * Math.max(1, Math.abs(hi))) return formatMs(hi);
  if (!Number.isFinite(hi)) return `${formatMs(lo)}–∞`;
  if (Math.abs(hi) < 1000) return `${short(lo)}–${short(hi)} ms`;
  return `${short(lo / 1000)}–${short(hi / 1000)} s`;
}

// ---------------------------------------------------------------------------------------------
// Statuses

/** HTTP status codes are three digits, 100–599 (RFC 9110 §15); larger range ends are moot. */
export const STATUS_MIN = 100;
export const STATUS_MAX = 599;

function isSuccessStatus(s: number): boolean {
  return s >= 200 && s <= 299;
}

/** The failing statuses a list covers, within 100–599 (`'any'` = every non-2xx status). */
export function statusSet(statuses: readonly StatusMatch[] | 'any'): Set<number> {
  const out = new Set<number>();
  if (statuses === 'any') {
    for (let s = STATUS_MIN; s <= STATUS_MAX; s++) if (!isSuccessStatus(s)) out.add(s);
    return out;
  }
  for (const m of statuses) {
    const from = typeof m === 'number' ? m : m.from;
    const to = typeof m === 'number' ? m : m.to;
    for (let s = Math.max(STATUS_MIN, from); s <= Math.min(STATUS_MAX, to); s++) {
      if (!isSuccessStatus(s)) out.add(s);
    }
  }
  return out;
}

/** Inclusive runs of consecutive codes, ascending. */
export function statusRuns(codes: Iterable<number>): [number, number][] {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/** `408, 409, 429, 500–599`. */
export function describeStatuses(codes: Iterable<number>): string {
  return statusRuns(codes)
    .map(([a, b]) => (a === b ? String(a) : `${a}–${b}`))
    .join(', ');
}

/** The policy's list as written (ranges kept, e.g. `500–999`), or "every non-2xx status". */
export function describeStatusList(statuses: readonly StatusMatch[] | 'any'): string {
  if (statuses === 'any') return 'every non-2xx status';
  if (statuses.length === 0) return 'no status';
  return statuses.map((m) => (typeof m === 'number' ? String(m) : `${m.from}–${m.to}`)).join(', ');
}

/** Inclusive `[low, high]` pairs for a status list, as written in the policy. */
export function statusPairs(statuses: readonly StatusMatch[]): [number, number][] {
  return statuses.map((m) => (typeof m === 'number' ? [m, m] : [m.from, m.to]));
}

// ---------------------------------------------------------------------------------------------
// JSON

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function isPrimitive(v: Json): boolean {
  return v === null || typeof v !== 'object';
}

/**
 * `JSON.stringify(value, null, 2)`, except that arrays of primitives are packed onto lines of
 * at most `width` characters (long status lists stay readable).
 */
export function formatJson(value: Json, width = 100): string {
  const render = (v: Json, indent: string): string => {
    if (isPrimitive(v)) return JSON.stringify(v);
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      const items = v as readonly Json[];
      if (items.length === 0) return '[]';
      if (items.every(isPrimitive)) {
        const parts = items.map((x) => JSON.stringify(x));
        const oneLine = `[${parts.join(', ')}]`;
        if (indent.length + oneLine.length <= width) return oneLine;
        const lines: string[] = [];
        let line = '';
        for (const p of parts) {
          const next = line === '' ? p : `${line}, ${p}`;
          if (inner.length + next.length + 1 > width && line !== '') {
            lines.push(`${line},`);
            line = p;
          } else {
            line = next;
          }
        }
        lines.push(line);
        return `[\n${lines.map((l) => inner + l).join('\n')}\n${indent}]`;
      }
      return `[\n${items.map((x) => inner + render(x, inner)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(v as { readonly [key: string]: Json });
    if (entries.length === 0) return '{}';
    return `{\n${entries
      .map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner)}`)
      .join(',\n')}\n${indent}}`;
  };
  return render(value, '');
}

export type { Json };
