/**
 * A scripted server as a line of text: `503, 503, 429 ra=7, 200`.
 *
 * Tokens are separated by commas (or new lines / semicolons). Each is a status (100–599),
 * `timeout` or `conn`, optionally followed by attributes:
 * - `ra=7` → `Retry-After: 7` (the raw value, so each client's parsing quirks show; quote an
 *   HTTP date: `ra="Thu, 01 Jan 2026 00:00:30 GMT"`);
 * - `ra-ms=500` → `retry-after-ms: 500`; `pushback=100` → `grpc-retry-pushback-ms: 100`;
 * - `should-retry=true|false` → `x-should-retry`;
 * - `took=2s` → the attempt takes that long (ms, s or min; a bare number is seconds);
 * - `x3` (or `*3`) → the same response three times.
 */

import type { ScriptStep } from '../../core/retry/simulate';
import { secondsToMs } from '../../core/retry/policy-params';

export type SequenceParse =
  | { readonly ok: true; readonly steps: ScriptStep[] }
  | {
      readonly ok: false;
      /** Says what is wrong, naming the token. */
      readonly error: string;
      readonly token: string;
      /** 1-based position of the bad token. */
      readonly position: number;
    };

export const MAX_SEQUENCE_STEPS = 200;

/** Split on separators outside double quotes. */
function splitTokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';' || ch === '\n')) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((t) => t.trim()).filter((t) => t !== '');
}

/** Split a token into words on spaces outside quotes. */
function splitWords(token: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of token) {
    if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (!quoted && /\s/.test(ch)) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value;
}

/** `250ms`, `2s`, `1.5min`, `2` (seconds) → ms; NaN when not a duration. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|sec|m|min)?$/i.exec(text.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  if (unit === 'ms') return n;
  if (unit === 'm' || unit === 'min') return secondsToMs(n * 60);
  return secondsToMs(n);
}

const HEADER_ATTRS: Readonly<Record<string, string>> = {
  ra: 'retry-after',
  'retry-after': 'retry-after',
  'ra-ms': 'retry-after-ms',
  'retry-after-ms': 'retry-after-ms',
  pushback: 'grpc-retry-pushback-ms',
  'should-retry': 'x-should-retry',
};

export function parseSequence(text: string): SequenceParse {
  const tokens = splitTokens(text);
  if (tokens.length === 0) {
    return {
      ok: false,
      error: 'The sequence is empty: list responses such as "503, 200".',
      token: '',
      position: 0,
    };
  }
  const steps: ScriptStep[] = [];
  for (const [index, token] of tokens.entries()) {
    const position = index + 1;
    const fail = (why: string): SequenceParse => ({
      ok: false,
      error: `Response ${position}, "${token}": ${why}`,
      token,
      position,
    });
    const [head = '', ...attrs] = splitWords(token);
    // `503x3` / `503*3` written without a space.
    const glued = /^(.+?)[x*×](\d+)$/i.exec(head);
    const what = (glued ? glued[1]! : head).toLowerCase();
    let repeat = glued ? Number(glued[2]) : 1;

    let base: ScriptStep;
    if (/^\d{3}$/.test(what)) {
      const status = Number(what);
      if (status < 100 || status > 599)
        return fail(`${status} is outside the HTTP status range 100–599.`);
      base = { kind: 'response', status };
    } else if (what === 'timeout') base = { kind: 'timeout' };
    else if (what === 'conn' || what === 'connection') base = { kind: 'connection-error' };
    else return fail(`"${head}" is not a status code (e.g. 503), "timeout" or "conn".`);

    const headers: Record<string, string> = {};
    let durationMs: number | undefined;
    for (const attr of attrs) {
      const rep = /^[x*×](\d+)$/i.exec(attr);
      if (rep) {
        repeat = Number(rep[1]);
        continue;
      }
      const eq = attr.indexOf('=');
      if (eq <= 0)
        return fail(
          /^(\d{3}|timeout|conn)$/i.test(attr)
            ? `"${attr}" looks like another response: separate responses with commas.`
            : `"${attr}" is not an attribute like ra=7, took=2s or x3.`,
        );
      const key = attr.slice(0, eq).toLowerCase();
      const value = unquote(attr.slice(eq + 1));
      if (key === 'took') {
        const ms = parseDuration(value);
        if (!Number.isFinite(ms)) return fail(`took=${value} is not a duration like 250ms or 2s.`);
        durationMs = ms;
      } else if (key in HEADER_ATTRS) {
        if (base.kind !== 'response') return fail(`${key}= needs an HTTP response, not ${what}.`);
        if (value === '') return fail(`${key}= has no value.`);
        if (key === 'should-retry' && value !== 'true' && value !== 'false')
          return fail(`should-retry must be true or false, not "${value}".`);
        headers[HEADER_ATTRS[key]!] = value;
      } else {
        return fail(
          `"${key}" is not a known attribute (ra, ra-ms, pushback, should-retry, took, x3).`,
        );
      }
    }
    if (!(repeat >= 1 && repeat <= MAX_SEQUENCE_STEPS))
      return fail(`the repeat count must be 1 to ${MAX_SEQUENCE_STEPS}.`);
    let step: ScriptStep = base;
    if (base.kind === 'response' && Object.keys(headers).length > 0) step = { ...base, headers };
    if (durationMs !== undefined) step = { ...step, durationMs };
    for (let i = 0; i < repeat; i++) steps.push(step);
    if (steps.length > MAX_SEQUENCE_STEPS)
      return fail(`the sequence is longer than ${MAX_SEQUENCE_STEPS} responses.`);
  }
  return { ok: true, steps };
}

/** One step back as text (`429 ra=7`), for labels. */
export function formatStep(step: ScriptStep): string {
  const head =
    step.kind === 'response' ? String(step.status) : step.kind === 'timeout' ? 'timeout' : 'conn';
  const parts = [head];
  if (step.kind === 'response' && step.headers) {
    for (const [name, value] of Object.entries(step.headers)) {
      const key = Object.keys(HEADER_ATTRS).find((k) => HEADER_ATTRS[k] === name) ?? name;
      parts.push(`${key}=${/[\s,]/.test(value) ? `"${value}"` : value}`);
    }
  }
  if (step.durationMs !== undefined) parts.push(`took=${step.durationMs}ms`);
  return parts.join(' ');
}

export const DEFAULT_SEQUENCE = '503, 429 ra=7, 200';
