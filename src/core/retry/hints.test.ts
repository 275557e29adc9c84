/**
 * Retry-After handling: the boundary table of the notes ("Stainless family: Retry-After
 * handling"), plus the parsers, Portkey's budget and gRPC pushback.
 */
import { describe, expect, it } from 'vitest';
import { getHeader, httpDate, judgeHint, parseHintDate, parseHintNumber } from './hints';
import { decide, initialRetryState } from './policy';
import { requirePreset } from './presets';
import { constantRng } from './random';
import type { DecideResult, Outcome, RetryPolicy } from './types';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

type Expect = number | 'backoff' | 'give-up';

/** First decision at U = 0, where the own backoff is exactly 500 ms. */
function outcomeFor(policy: RetryPolicy, outcome: Outcome): Expect {
  const r: DecideResult = decide(policy, 1, outcome, 0, constantRng(0), { nowMs: NOW });
  if (r.action === 'give-up') return 'give-up';
  if (r.action === 'stop') throw new Error('unexpected success');
  if (r.source === 'backoff') {
    expect(r.delayMs).toBe(500);
    return 'backoff';
  }
  return r.delayMs;
}

const res = (headers: Record<string, string>, status = 429): Outcome => ({
  kind: 'response',
  status,
  headers,
});

const COLUMNS = {
  node75: ['openai-node'],
  node625: ['openai-node-6', 'anthropic-ts-0.78'],
  py331: ['openai-python'],
  py60: ['openai-python-2', 'anthropic-python', 'groq-python', 'cerebras-python'],
  tsUnbounded: ['anthropic-ts', 'groq-ts', 'cerebras-node', 'openai-node-7.4'],
} as const;

type Row = [string, Outcome, Expect, Expect, Expect, Expect, Expect];

// columns: openai-node 7.5 | node ≤ 6.25 | openai-python 3.3.1 | py ≤ 60 s | TS unbounded
const TABLE: Row[] = [
  ['retry-after: 1', res({ 'retry-after': '1' }), 1000, 1000, 1000, 1000, 1000],
  ['retry-after: 60', res({ 'retry-after': '60' }), 60_000, 'backoff', 60_000, 60_000, 60_000],
  [
    'retry-after: 61',
    res({ 'retry-after': '61' }),
    'backoff',
    'backoff',
    61_000,
    'backoff',
    61_000,
  ],
  [
    'retry-after: 121',
    res({ 'retry-after': '121' }),
    'backoff',
    'backoff',
    'give-up',
    'backoff',
    121_000,
  ],
  ['retry-after: 0', res({ 'retry-after': '0' }), 0, 'backoff', 'backoff', 'backoff', 0],
  ['retry-after: -1', res({ 'retry-after': '-1' }), 'backoff', 'backoff', 'backoff', 'backoff', 0],
  [
    'retry-after-ms: 0 + retry-after: 5',
    res({ 'retry-after-ms': '0', 'retry-after': '5' }),
    0,
    5000,
    'backoff',
    'backoff',
    5000,
  ],
  ['retry-after-ms: 250', res({ 'retry-after-ms': '250' }), 250, 250, 250, 250, 250],
  [
    'retry-after: HTTP date now + 30 s',
    res({ 'retry-after': httpDate(NOW + 30_000) }),
    30_000,
    30_000,
    30_000,
    30_000,
    30_000,
  ],
];

describe('Stainless Retry-After boundary table', () => {
  it.each(TABLE)('%s', (_label, outcome, node75, node625, py331, py60, tsUnbounded) => {
    const expected = { node75, node625, py331, py60, tsUnbounded };
    for (const [column, ids] of Object.entries(COLUMNS)) {
      for (const id of ids) {
        const got = outcomeFor(requirePreset(id).policy, outcome);
        expect({ id, got }).toEqual({ id, got: expected[column as keyof typeof expected] });
      }
    }
  });

  const ALL = Object.values(COLUMNS).flat();

  it.each(ALL)('%s: x-should-retry false on 503 → no retry; true on 400 → retry', (id) => {
    const p = requirePreset(id).policy;
    expect(outcomeFor(p, res({ 'x-should-retry': 'false' }, 503))).toBe('give-up');
    expect(decide(p, 1, res({ 'X-Should-Retry': 'false' }, 503), 0, constantRng(0))).toMatchObject({
      reason: 'should-retry-header',
    });
    expect(outcomeFor(p, res({ 'x-should-retry': 'true' }, 400))).toBe('backoff');
  });

  it('openai-python 3.3.1: Retry-After > 120 s wins over x-should-retry: true', () => {
    const p = requirePreset('openai-python').policy;
    const r = decide(
      p,
      1,
      res({ 'x-should-retry': 'true', 'retry-after': '121' }, 400),
      0,
      constantRng(0),
    );
    expect(r).toMatchObject({ action: 'give-up', reason: 'retry-after-too-long' });
    expect(outcomeFor(p, res({ 'retry-after': 'inf' }))).toBe('backoff');
  });

  it.each(ALL)('%s: retries 408/409/429/500/529, not 400/401/403/404/422', (id) => {
    const p = requirePreset(id).policy;
    for (const status of [408, 409, 429, 500, 502, 503, 529]) {
      expect(outcomeFor(p, { kind: 'response', status })).toBe('backoff');
    }
    for (const status of [400, 401, 403, 404, 422]) {
      expect(outcomeFor(p, { kind: 'response', status })).toBe('give-up');
    }
    expect(outcomeFor(p, { kind: 'connection-error' })).toBe('backoff');
    expect(outcomeFor(p, { kind: 'timeout' })).toBe('backoff');
  });

  it('an invalid date: backoff in openai-node 7.5 and Python, ≈0 in unbounded TS', () => {
    const bad = res({ 'retry-after': 'soon' });
    expect(outcomeFor(requirePreset('openai-node').policy, bad)).toBe('backoff');
    expect(outcomeFor(requirePreset('openai-python').policy, bad)).toBe('backoff');
    expect(outcomeFor(requirePreset('anthropic-ts').policy, bad)).toBe(0);
  });

  it('a hint is honoured without jitter and without drawing U', () => {
    const p = requirePreset('openai-node').policy;
    const r = decide(p, 1, res({ 'retry-after': '7' }), 0, () => {
      throw new Error('no draw expected');
    });
    expect(r).toMatchObject({
      action: 'retry',
      delayMs: 7000,
      source: 'retry-after',
      hintMs: 7000,
    });
  });
});

describe('Portkey use_retry_after_header', () => {
  const p = requirePreset('portkey-retry-after').policy;

  it('only on 429; RA ≥ 60 s gives up; 0 uses the backoff', () => {
    expect(decide(p, 1, res({ 'retry-after': '3' }), 0, constantRng(0))).toMatchObject({
      delayMs: 3000,
      source: 'retry-after',
    });
    expect(decide(p, 1, res({ 'retry-after': '3' }, 503), 0, constantRng(0))).toMatchObject({
      delayMs: 1000,
      source: 'backoff',
    });
    expect(decide(p, 1, res({ 'retry-after': '60' }), 0, constantRng(0))).toMatchObject({
      action: 'give-up',
      reason: 'retry-after-too-long',
    });
    expect(decide(p, 1, res({ 'retry-after': '0' }), 0, constantRng(0))).toMatchObject({
      source: 'backoff',
      delayMs: 1000,
    });
    expect(decide(p, 1, res({ 'retry-after-ms': '1500.9' }), 0, constantRng(0))).toMatchObject({
      delayMs: 1500,
    });
  });

  it('a 60 s budget across hints, and zero backoff after an honoured hint', () => {
    const first = decide(p, 1, res({ 'retry-after': '40' }), 0, constantRng(0));
    expect(first).toMatchObject({ action: 'retry', delayMs: 40_000 });
    const second = decide(p, 2, res({ 'retry-after': '30' }), 40_000, constantRng(0), {
      state: first.state,
    });
    expect(second).toMatchObject({ action: 'give-up', reason: 'retry-after-budget' });
    const after503 = decide(p, 2, res({}, 503), 40_000, constantRng(0), { state: first.state });
    expect(after503).toMatchObject({ action: 'retry', delayMs: 0, source: 'backoff' });
  });
});

describe('gRPC pushback', () => {
  const p = requirePreset('grpc-a6-example').policy;
  const push = (v: string): Outcome => res({ 'grpc-retry-pushback-ms': v }, 503);

  it('≥ 0 waits exactly that and resets the backoff index', () => {
    const s1 = decide(p, 1, { kind: 'response', status: 503 }, 0, constantRng(0.5));
    expect(s1).toMatchObject({ delayMs: 100 });
    const s2 = decide(p, 2, push('250'), 0, constantRng(0.5), { state: s1.state });
    expect(s2).toMatchObject({ delayMs: 250, source: 'retry-after' });
    const s3 = decide(p, 3, { kind: 'response', status: 503 }, 0, constantRng(0.5), {
      state: s2.state,
    });
    expect(s3).toMatchObject({ delayMs: 100, source: 'backoff' });
    expect(decide(p, 1, push('0'), 0, constantRng(0))).toMatchObject({ delayMs: 0 });
  });

  it('negative or unparseable: do not retry', () => {
    expect(decide(p, 1, push('-1'), 0, constantRng(0))).toMatchObject({
      action: 'give-up',
      reason: 'retry-after-refused',
    });
    expect(decide(p, 1, push('1.5'), 0, constantRng(0))).toMatchObject({
      action: 'give-up',
      reason: 'retry-after-refused',
    });
  });
});

describe('AWS SDK JS v3 hint window', () => {
  it('max(d, min(hint, d + 5000))', () => {
    const p = requirePreset('aws-sdk-js-v3').policy;
    // U = 0.5: d = floor(0.5·50) = 25 ms (@smithy/core ≥ 3.40 base delay)
    const at = (v: string) =>
      decide(p, 1, res({ 'retry-after': v }, 503), 0, constantRng(0.5), { nowMs: NOW });
    expect(at('2')).toMatchObject({ delayMs: 2000, backoffMs: 25 });
    expect(at('60')).toMatchObject({ delayMs: 5025 });
    expect(at('0')).toMatchObject({ delayMs: 25 });
  });
});

describe('parsers', () => {
  it('JS and Python number syntaxes', () => {
    expect(parseHintNumber('5 s', 'js-parseFloat')).toBe(5);
    expect(parseHintNumber('5 s', 'py-float')).toBeNaN();
    expect(parseHintNumber(' 2.5 ', 'py-float')).toBe(2.5);
    expect(parseHintNumber('1_000', 'py-float')).toBe(1000);
    expect(parseHintNumber('inf', 'py-float')).toBe(Number.POSITIVE_INFINITY);
    expect(parseHintNumber('1.5', 'py-int')).toBeNaN();
    expect(parseHintNumber(' 7 ', 'py-int')).toBe(7);
    expect(parseHintNumber('2.5', 'js-integer')).toBeNaN();
    expect(parseHintNumber('2', 'js-integer')).toBe(2);
    expect(parseHintNumber('1500.9', 'js-parseInt')).toBe(1500);
    expect(parseHintNumber('+5', 'strict-int')).toBeNaN();
    expect(parseHintNumber('-5', 'strict-int')).toBe(-5);
  });

  it('HTTP dates per client rule', () => {
    const d = httpDate(NOW + 30_500);
    expect(parseHintDate(d, 'js', NOW)).toBe(30_000); // HTTP dates have 1 s resolution
    expect(parseHintDate(httpDate(NOW - 5000), 'js', NOW)).toBe(-5000);
    expect(parseHintDate(httpDate(NOW - 5000), 'js-ceil-nonneg', NOW)).toBe(0);
    expect(parseHintDate(httpDate(NOW + 9_000), 'py-trunc-s', NOW)).toBe(9000);
    expect(parseHintDate('2.5', 'py', NOW)).toBeNaN();
    expect(parseHintDate(d, 'js', undefined)).toBeNaN();
  });

  it('header lookup is case-insensitive', () => {
    expect(getHeader({ 'Retry-After': '3' }, 'retry-after')).toBe('3');
    expect(getHeader(undefined, 'retry-after')).toBeUndefined();
  });

  it('judgeHint ignores hints on statuses outside the rule', () => {
    const rule = requirePreset('portkey-retry-after').policy.retryAfter;
    expect(judgeHint(res({ 'retry-after': '3' }, 503), rule, NOW)).toEqual({ kind: 'none' });
    expect(judgeHint(res({ 'retry-after': '3' }), rule, NOW)).toMatchObject({
      kind: 'honour',
      ms: 3000,
    });
    expect(initialRetryState(requirePreset('portkey-retry-after').policy).hintUsedMs).toBe(0);
  });
});
