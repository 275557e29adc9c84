/**
 * TypeScript source shared by the cockatiel and p-retry exports: the `isRetryable(error)`
 * predicate (status, `x-should-retry`, timeouts, connection errors), and backoff functions that
 * reproduce a `BackoffSpec` exactly, step for step as `src/core/retry/policy.ts` computes it.
 *
 * Errors are read by duck typing: openai and anthropic `APIError`s carry `status` and
 * `headers`; network failures are recognised by name, code and message.
 */

import { nominalDelay } from '../retry/policy';
import type { BackoffSpec, RetryPolicy, StatusMatch, Strategy } from '../retry/types';
import { statusPairs, tsNum } from './format';

/** `[[408, 408], [500, 999]]` as a TypeScript array literal. */
export function tsRanges(statuses: readonly StatusMatch[]): string {
  return `[${statusPairs(statuses)
    .map(([a, b]) => `[${a}, ${b}]`)
    .join(', ')}]`;
}

const STATUS_OF = `/** The HTTP status of an error (openai / anthropic APIError \`status\`). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status } = error as { status?: unknown };
  return typeof status === 'number' ? status : undefined;
}`;

const STATUS_IN = `function statusIn(status: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([low, high]) => status >= low && status <= high);
}`;

const HEADER_OF = `/** A response header of an error (a Headers object or a plain record). */
function headerOf(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { headers } = error as { headers?: unknown };
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  if (typeof headers === 'object' && headers !== null) {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() === name && typeof value === 'string') return value;
    }
  }
  return undefined;
}`;

const DESCRIBE = `function describeError(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const { code } = error as { code?: unknown };
  return [error.name, error.constructor.name, typeof code === 'string' ? code : '', error.message].join(' ');
}`;

function isTimeoutFn(extra: string | undefined): string {
  const test = '/timeout|timed out|ETIMEDOUT/i.test(describeError(error))';
  return `/** APIConnectionTimeoutError, AbortSignal.timeout()'s TimeoutError, ETIMEDOUT, ... */
function isTimeout(error: unknown): boolean {
  return ${extra ? `${extra} || ` : ''}${test};
}`;
}

const IS_CONNECTION = `/** APIConnectionError, fetch's TypeError('fetch failed'), ECONNRESET, ENOTFOUND, ... */
function isConnectionError(error: unknown): boolean {
  return (
    !isTimeout(error) &&
    /connection|network|fetch failed|socket|ECONN|ENOTFOUND|EAI_AGAIN|EPIPE/i.test(describeError(error))
  );
}`;

export interface TsPredicateOptions {
  /** Also count this expression as a timeout (cockatiel: `error instanceof TaskCancelledError`). */
  readonly timeoutExtra?: string;
}

/** Top-level blocks defining `isRetryable(error: unknown): boolean`. */
export function tsPredicate(policy: RetryPolicy, options: TsPredicateOptions = {}): string[] {
  const { retryOn } = policy;
  const blocks: string[] = [];
  if (retryOn.statuses !== 'any') {
    blocks.push(
      `/** Retried statuses, as inclusive [low, high] ranges. */\nconst RETRY_STATUSES: ReadonlyArray<readonly [number, number]> = ${tsRanges(retryOn.statuses)};`,
    );
  }
  blocks.push(STATUS_OF);
  const statusOverrides = (policy.backoffOverrides ?? []).some(
    (o) => (o.statuses ?? []).length > 0,
  );
  if (retryOn.statuses !== 'any' || statusOverrides) blocks.push(STATUS_IN);
  if (retryOn.shouldRetryHeader) blocks.push(HEADER_OF);
  const kinds = retryOn.timeouts || retryOn.connectionErrors || hasErrorOverrides(policy);
  if (kinds) blocks.push(DESCRIBE, isTimeoutFn(options.timeoutExtra));
  if (retryOn.connectionErrors) blocks.push(IS_CONNECTION);

  let noStatus: string;
  if (retryOn.timeouts && retryOn.connectionErrors) {
    noStatus = 'isTimeout(error) || isConnectionError(error)';
  } else if (retryOn.timeouts) {
    noStatus = 'isTimeout(error)';
  } else if (retryOn.connectionErrors) {
    noStatus = 'isConnectionError(error)';
  } else {
    noStatus = 'false';
  }
  const lines = [
    '/** Whether the policy retries this failure. */',
    'function isRetryable(error: unknown): boolean {',
    '  const status = statusOf(error);',
    `  if (status === undefined) return ${noStatus};`,
  ];
  if (retryOn.shouldRetryHeader) {
    lines.push(
      "  const shouldRetry = headerOf(error, 'x-should-retry');",
      "  if (shouldRetry === 'true') return true;",
      "  if (shouldRetry === 'false') return false;",
    );
  }
  lines.push(
    retryOn.statuses === 'any'
      ? '  return status < 200 || status > 299;'
      : '  return statusIn(status, RETRY_STATUSES);',
    '}',
  );
  blocks.push(lines.join('\n'));
  return blocks;
}

export function hasErrorOverrides(policy: RetryPolicy): boolean {
  return (policy.backoffOverrides ?? []).some((o) => (o.errors ?? []).length > 0);
}

// ---------------------------------------------------------------------------------------------
// Backoff functions

function strategyExpr(st: Strategy, k: string): string {
  switch (st.kind) {
    case 'constant':
      return tsNum(st.delayMs);
    case 'linear':
      return `${tsNum(st.initialMs)} + ${tsNum(st.incrementMs)} * ${k}`;
    case 'exponential':
      return `${tsNum(st.initialMs)} * ${tsNum(st.factor)} ** ${k}`;
    case 'power':
      return `${tsNum(st.initialMs)} * ${k} ** ${tsNum(st.exponent)}`;
  }
}

function clampLines(spec: BackoffSpec, v: string, indent: string): string[] {
  const out: string[] = [];
  if (spec.maxDelayMs !== undefined && Number.isFinite(spec.maxDelayMs)) {
    out.push(`${indent}${v} = Math.min(${v}, ${tsNum(spec.maxDelayMs)});`);
  }
  if (spec.minDelayMs !== undefined)
    out.push(`${indent}${v} = Math.max(${v}, ${tsNum(spec.minDelayMs)});`);
  return out;
}

function roundExpr(spec: BackoffSpec, v: string): string {
  switch (spec.rounding ?? 'none') {
    case 'none':
      return v;
    case 'round':
      return `Math.round(${v})`;
    case 'floor':
      return `Math.floor(${v})`;
    case 'ceil':
      return `Math.ceil(${v})`;
  }
}

function jitterLine(spec: BackoffSpec): string | undefined {
  const j = spec.jitter;
  switch (j.kind) {
    case 'full':
      return 'd *= Math.random();';
    case 'equal':
      return 'd = d / 2 + (Math.random() * d) / 2;';
    case 'multiplicative': {
      const slope = j.to - j.from;
      const sign = slope < 0 ? '-' : '+';
      return `d *= ${tsNum(j.from)} ${sign} ${tsNum(Math.abs(slope))} * Math.random();`;
    }
    case 'additive':
      return `d += Math.random() * ${tsNum(j.maxMs)};`;
    default:
      return undefined;
  }
}

/**
 * The statements of a stateless delay for retry `i` (per-retry jitters), ending in `return`.
 * Mirrors `simpleDelay` in the engine.
 */
function statelessBody(spec: BackoffSpec, indent: string): string[] {
  const lines: string[] = [];
  const off = spec.indexOffset ?? 0;
  let k = 'i';
  if (off !== 0 && spec.strategy.kind !== 'constant') {
    lines.push(`${indent}const k = Math.max(0, i ${off < 0 ? '-' : '+'} ${Math.abs(off)});`);
    k = 'k';
  }
  lines.push(`${indent}let d = ${strategyExpr(spec.strategy, k)};`);
  if (spec.strategy.kind === 'exponential' || spec.strategy.kind === 'power') {
    lines.push(`${indent}if (!Number.isFinite(d)) d = Number.MAX_VALUE;`);
  }
  const jitter = jitterLine(spec);
  const from = spec.jitterFromIndex ?? 0;
  const jitterLines = jitter
    ? [from > 0 ? `${indent}if (i >= ${from}) ${jitter}` : `${indent}${jitter}`]
    : [];
  if (spec.clampStage === 'after-jitter') {
    lines.push(...jitterLines, ...clampLines(spec, 'd', indent));
  } else {
    lines.push(...clampLines(spec, 'd', indent), ...jitterLines);
  }
  lines.push(`${indent}return Math.max(0, ${roundExpr(spec, 'd')});`);
  return lines;
}

export interface TsBackoff {
  /** Top-level declarations. */
  readonly blocks: string[];
  /** Whether the function keeps state between retries (`(i, state) => { delay, state }`). */
  readonly stateful: boolean;
}

/** Whether the spec needs state carried between retries of one call. */
export function isStateful(spec: BackoffSpec, maxAttempts: number): boolean {
  const j = spec.jitter.kind;
  return (
    j === 'decorrelated' ||
    j === 'decorrelated-v2' ||
    (spec.schedule === 'precomputed-sorted' && Number.isFinite(maxAttempts) && j !== 'none')
  );
}

export const BACKOFF_STATE_TYPE = `/** Carried from one retry to the next within a call. */
interface BackoffState {
  readonly prev?: number;
  readonly prevNext?: number;
  readonly schedule?: readonly number[];
}`;

/**
 * A function `name` computing the policy's delay (ms) before retry `i` (0-based). Stateless
 * specs give `(i: number) => number`; stateful ones `(i, state) => { delay, state }`.
 */
export function tsBackoffFunction(
  name: string,
  spec: BackoffSpec,
  maxAttempts: number,
  comment: string,
): TsBackoff {
  const j = spec.jitter;
  const doc = `/** ${comment} */`;
  if (j.kind === 'decorrelated' || j.kind === 'decorrelated-v2') {
    const base = nominalDelay(spec.strategy, 0);
    const lines = [doc];
    if (j.kind === 'decorrelated') {
      lines.push(
        `function ${name}(_i: number, state: BackoffState): { delay: number; state: BackoffState } {`,
        `  const base = ${tsNum(base)};`,
        '  const prev = state.prev ?? base;',
        `  let d = base + Math.random() * (prev * ${tsNum(j.multiplier)} - base);`,
      );
    } else {
      lines.push(
        `function ${name}(i: number, state: BackoffState): { delay: number; state: BackoffState } {`,
        '  const t = i + Math.random();',
        `  const next = ${tsNum(j.exponent)} ** t * Math.tanh(Math.sqrt(4 * t));`,
        `  let d = (Math.max(0, next - (state.prevNext ?? 0)) * ${tsNum(base)}) / 1.4;`,
      );
    }
    lines.push(
      ...clampLines(spec, 'd', '  '),
      `  const delay = Math.max(0, ${roundExpr(spec, 'd')});`,
    );
    lines.push(
      j.kind === 'decorrelated'
        ? '  return { delay, state: { ...state, prev: delay } };'
        : '  return { delay, state: { ...state, prevNext: next } };',
      '}',
    );
    return { blocks: [lines.join('\n')], stateful: true };
  }
  const body = statelessBody(spec, '  ');
  const usesIndex = body.some((l) => /\bi\b/.test(l));
  const draw = [
    doc,
    `function ${isStateful(spec, maxAttempts) ? `${name}Draw` : name}(${usesIndex ? 'i' : '_i'}: number): number {`,
    ...body,
    '}',
  ].join('\n');
  if (!isStateful(spec, maxAttempts)) return { blocks: [draw], stateful: false };
  const n = maxAttempts - 1;
  const sorted = [
    `/** All ${n} delays are drawn up front and sorted ascending, as node-retry does. */`,
    `function ${name}(i: number, state: BackoffState): { delay: number; state: BackoffState } {`,
    `  const schedule = state.schedule ?? Array.from({ length: ${n} }, (_, j) => ${name}Draw(j)).sort((a, b) => a - b);`,
    '  return { delay: schedule[i] ?? 0, state: { ...state, schedule } };',
    '}',
  ].join('\n');
  return { blocks: [draw, sorted], stateful: true };
}
