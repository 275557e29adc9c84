import { describe, expect, it } from 'vitest';
import {
  applyJitter,
  backoffEnvelope,
  classifyFailure,
  decide,
  delayRange,
  initialRetryState,
  nextCallState,
  nominalDelay,
  sampleDelay,
  validatePolicy,
} from './policy';
import { initialQuota, quotaAcquire, quotaRecordFailure, quotaRecordSuccess } from './quota';
import { constantRng, mulberry32, sequenceRng, U_SUP } from './random';
import { delaySequence, HTTP_503 } from '../../testing/retry';
import type { BackoffSpec, Jitter, QuotaConfig, RetryPolicy } from './types';

const ANY = { statuses: 'any', connectionErrors: true, timeouts: true } as const;

function policy(backoff: Partial<BackoffSpec>, extra: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxAttempts: 10,
    backoff: {
      strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
      jitter: { kind: 'none' },
      ...backoff,
    },
    retryOn: ANY,
    ...extra,
  };
}

describe('strategies', () => {
  it('constant, linear, exponential, power', () => {
    expect([0, 1, 2].map((k) => nominalDelay({ kind: 'constant', delayMs: 7 }, k))).toEqual([
      7, 7, 7,
    ]);
    expect(
      [0, 1, 2].map((k) => nominalDelay({ kind: 'linear', initialMs: 2, incrementMs: 3 }, k)),
    ).toEqual([2, 5, 8]);
    expect(
      [0, 1, 3].map((k) => nominalDelay({ kind: 'exponential', initialMs: 3, factor: 2 }, k)),
    ).toEqual([3, 6, 24]);
    expect(
      [0, 1, 4].map((k) => nominalDelay({ kind: 'power', initialMs: 2, exponent: 1.5 }, k)),
    ).toEqual([0, 2, 16]);
  });

  it('overflow saturates instead of producing NaN', () => {
    const p = policy({ jitter: { kind: 'full' } });
    expect(nominalDelay({ kind: 'exponential', initialMs: 1, factor: 10 }, 400)).toBe(
      Number.MAX_VALUE,
    );
    expect(sampleDelay(p, 2000, constantRng(0))).toBe(0);
  });

  it('clamps: cap before or after jitter, floor wins over cap', () => {
    const before = policy({ jitter: { kind: 'additive', maxMs: 1000 }, maxDelayMs: 4000 });
    const after = policy({
      jitter: { kind: 'additive', maxMs: 1000 },
      maxDelayMs: 4000,
      clampStage: 'after-jitter',
    });
    expect(sampleDelay(before, 2, constantRng(0.5))).toBe(4500);
    expect(sampleDelay(after, 2, constantRng(0.5))).toBe(4000);
    expect(sampleDelay(policy({ maxDelayMs: 4000, minDelayMs: 5000 }), 0, constantRng(0))).toBe(
      5000,
    );
  });

  it('rounding modes', () => {
    const spec = { jitter: { kind: 'multiplicative', from: 1, to: 2 } as Jitter };
    expect(sampleDelay(policy({ ...spec, rounding: 'round' }), 0, constantRng(0.0006))).toBe(1001);
    expect(sampleDelay(policy({ ...spec, rounding: 'floor' }), 0, constantRng(0.0006))).toBe(1000);
    expect(sampleDelay(policy({ ...spec, rounding: 'ceil' }), 0, constantRng(0.0001))).toBe(1001);
  });
});

describe('jitter types: formula and bounds', () => {
  const d = 1000;
  const cases: [string, Jitter, number, number, boolean, boolean][] = [
    // name, jitter, min, max, minInclusive, maxInclusive
    ['none', { kind: 'none' }, 1000, 1000, true, true],
    ['full', { kind: 'full' }, 0, 1000, true, false],
    ['equal', { kind: 'equal' }, 500, 1000, true, false],
    [
      'multiplicative ×(1 − 0.25U)',
      { kind: 'multiplicative', from: 1, to: 0.75 },
      750,
      1000,
      false,
      true,
    ],
    [
      'multiplicative ×(0.8 + 0.4U)',
      { kind: 'multiplicative', from: 0.8, to: 1.2 },
      800,
      1200,
      true,
      false,
    ],
    ['additive +U·750', { kind: 'additive', maxMs: 750 }, 1000, 1750, true, false],
  ];

  it.each(cases)('%s', (_name, jitter, min, max, minInc, maxInc) => {
    const p = policy({ strategy: { kind: 'constant', delayMs: d }, jitter });
    const r = delayRange(p, 0);
    expect(r.minMs).toBeCloseTo(min, 9);
    expect(r.maxMs).toBeCloseTo(max, 9);
    expect(r.minInclusive).toBe(minInc);
    expect(r.maxInclusive).toBe(maxInc);
    expect(r.fixedMs).toBe(r.minMs);
    expect(r.jitterMs).toBeCloseTo(max - min, 9);
    const rng = mulberry32(99);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 5000; i++) {
      const v = sampleDelay(p, 0, rng);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      expect(v).toBeGreaterThanOrEqual(min - 1e-9);
      expect(v).toBeLessThanOrEqual(max + 1e-9);
      if (!minInc) expect(v).toBeGreaterThan(min);
      if (!maxInc) expect(v).toBeLessThan(max);
    }
    // the samples fill the window
    expect(lo - min).toBeLessThan((max - min) * 0.01 + 1e-9);
    expect(max - hi).toBeLessThan((max - min) * 0.01 + 1e-9);
  });

  it('exact values at pinned U', () => {
    expect(applyJitter({ kind: 'full' }, 800, 0.25)).toBe(200);
    expect(applyJitter({ kind: 'equal' }, 800, 0.25)).toBe(500);
    expect(applyJitter({ kind: 'multiplicative', from: 1, to: 0.75 }, 800, 0.5)).toBe(700);
    expect(applyJitter({ kind: 'additive', maxMs: 750 }, 800, 0.5)).toBe(1175);
  });

  it('decorrelated (AWS): U(base, prev·3), prev starts at base, cap after', () => {
    const p = policy({
      strategy: { kind: 'constant', delayMs: 100 },
      jitter: { kind: 'decorrelated', multiplier: 3 },
      maxDelayMs: 1000,
    });
    // U = 1→: 300, 900, 1000 (cap), 1000
    const top = delaySequence(p, U_SUP, { limit: 4 });
    expect(top[0]).toBeCloseTo(300, 6);
    expect(top[1]).toBeCloseTo(900, 6);
    expect(top.slice(2)).toEqual([1000, 1000]);
    expect(delaySequence(p, 0, { limit: 3 })).toEqual([100, 100, 100]);
    // chained: 100 + 0.5·(300−100) = 200; 100 + 0.5·(600 − 100) = 350
    expect(delaySequence(p, sequenceRng([0.5, 0.5]), { limit: 2 })).toEqual([200, 350]);
    expect(delayRange(p, 0)).toMatchObject({ minMs: 100, maxMs: 300, maxInclusive: false });
    expect(delayRange(p, 1)).toMatchObject({ minMs: 100, maxMs: 900 });
    expect(delayRange(p, 2)).toMatchObject({ minMs: 100, maxMs: 1000, maxInclusive: true });
    const rng = mulberry32(5);
    for (let run = 0; run < 300; run++) {
      delaySequence(p, rng, { limit: 5 }).forEach((v, i) => {
        const r = delayRange(p, i);
        expect(v).toBeGreaterThanOrEqual(r.minMs);
        expect(v).toBeLessThanOrEqual(r.maxMs);
      });
    }
  });

  it('decorrelated V2: bounds [0, (f(i+1) − f(i−1))·m/1.4)', () => {
    const p = policy({
      strategy: { kind: 'constant', delayMs: 1000 },
      jitter: { kind: 'decorrelated-v2', exponent: 2 },
    });
    const rng = mulberry32(11);
    for (let run = 0; run < 300; run++) {
      delaySequence(p, rng, { limit: 6 }).forEach((v, i) => {
        const r = delayRange(p, i);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(r.maxMs);
      });
    }
    expect(delayRange(p, 0).maxMs).toBeCloseTo(1377.182, 3);
    // f(2) − f(0) = 4·tanh(√8) = 3.97209…
    expect(delayRange(p, 1).maxMs).toBeCloseTo((4 * Math.tanh(Math.sqrt(8)) * 1000) / 1.4, 6);
  });

  it('sampleDelay replays stateful jitters from retry 0', () => {
    const p = policy({
      strategy: { kind: 'constant', delayMs: 1000 },
      jitter: { kind: 'decorrelated-v2', exponent: 2 },
    });
    expect(sampleDelay(p, 2, constantRng(0))).toBeCloseTo(1460.067, 3);
  });

  it('backoffEnvelope lists one range per retry', () => {
    const env = backoffEnvelope(policy({ maxDelayMs: 3000 }, { maxAttempts: 4 }));
    expect(env.map((r) => r.maxMs)).toEqual([1000, 2000, 3000]);
    expect(env.every((r) => r.deterministic)).toBe(true);
  });
});

describe('decide', () => {
  const base = policy(
    {},
    { maxAttempts: 3, retryOn: { statuses: [503], connectionErrors: false, timeouts: true } },
  );

  it('counts attempts: maxAttempts includes the first', () => {
    const rng = constantRng(0);
    const a1 = decide(base, 1, HTTP_503, 0, rng);
    expect(a1).toMatchObject({ action: 'retry', retryIndex: 0, delayMs: 1000 });
    const a2 = decide(base, 2, HTTP_503, 0, rng, { state: a1.state });
    expect(a2).toMatchObject({ action: 'retry', retryIndex: 1, delayMs: 2000 });
    const a3 = decide(base, 3, HTTP_503, 0, rng, { state: a2.state });
    expect(a3).toMatchObject({ action: 'give-up', reason: 'max-attempts', trailingWaitMs: 0 });
  });

  it('success stops; unlisted failures are not retried', () => {
    expect(decide(base, 1, { kind: 'response', status: 204 }, 0, constantRng(0))).toMatchObject({
      action: 'stop',
      reason: 'success',
    });
    expect(decide(base, 1, { kind: 'response', status: 500 }, 0, constantRng(0))).toMatchObject({
      action: 'give-up',
      reason: 'not-retryable',
    });
    expect(decide(base, 1, { kind: 'connection-error' }, 0, constantRng(0))).toMatchObject({
      reason: 'not-retryable',
    });
    expect(classifyFailure(base, { kind: 'timeout' }).retryable).toBe(true);
  });

  it('status ranges match inclusively', () => {
    const p = policy(
      {},
      { retryOn: { statuses: [{ from: 500, to: 504 }], connectionErrors: false, timeouts: false } },
    );
    expect(classifyFailure(p, { kind: 'response', status: 504 }).retryable).toBe(true);
    expect(classifyFailure(p, { kind: 'response', status: 505 }).retryable).toBe(false);
  });

  it('sleepAfterFinalFailure reports the trailing sleep', () => {
    const p = { ...base, sleepAfterFinalFailure: true };
    const s = initialRetryState(p);
    const r = decide(p, 3, HTTP_503, 0, constantRng(0), {
      state: { ...s, backoffIndex: 2, retries: 2 },
    });
    expect(r).toMatchObject({ action: 'give-up', reason: 'max-attempts', trailingWaitMs: 4000 });
  });

  describe('deadlines', () => {
    const open = { ...base, maxAttempts: Number.POSITIVE_INFINITY };

    it('after-attempt: strict by default, inclusive on request', () => {
      const p = { ...open, deadlines: [{ ms: 10_000, check: 'after-attempt' as const }] };
      expect(decide(p, 1, HTTP_503, 10_000, constantRng(0)).action).toBe('retry');
      expect(decide(p, 1, HTTP_503, 10_001, constantRng(0))).toMatchObject({ reason: 'deadline' });
      const inc = {
        ...open,
        deadlines: [{ ms: 10_000, check: 'after-attempt' as const, inclusive: true }],
      };
      expect(decide(inc, 1, HTTP_503, 10_000, constantRng(0))).toMatchObject({
        reason: 'deadline',
      });
    });

    it('before-sleep: gives up when the sleep would end past the deadline', () => {
      const p = { ...open, deadlines: [{ ms: 10_000, check: 'before-sleep' as const }] };
      expect(decide(p, 1, HTTP_503, 9000, constantRng(0)).action).toBe('retry'); // 9000 + 1000 = 10000
      expect(decide(p, 1, HTTP_503, 9001, constantRng(0))).toMatchObject({ reason: 'deadline' });
    });

    it('clip: shortens the sleep to end at the deadline', () => {
      const p = { ...open, deadlines: [{ ms: 10_000, check: 'clip' as const, inclusive: true }] };
      expect(decide(p, 1, HTTP_503, 9500, constantRng(0))).toMatchObject({
        action: 'retry',
        delayMs: 500,
      });
      expect(decide(p, 1, HTTP_503, 10_000, constantRng(0))).toMatchObject({ reason: 'deadline' });
    });

    it('hard: a sleep that reaches the deadline ends the call', () => {
      const p = { ...open, deadlines: [{ ms: 10_000, check: 'hard' as const }] };
      expect(decide(p, 1, HTTP_503, 8999, constantRng(0)).action).toBe('retry');
      expect(decide(p, 1, HTTP_503, 9000, constantRng(0))).toMatchObject({
        action: 'give-up',
        reason: 'deadline',
        trailingWaitMs: 1000,
      });
      expect(decide(p, 1, { kind: 'timeout' }, 10_000, constantRng(0))).toMatchObject({
        reason: 'deadline',
      });
    });
  });

  it('per-outcome backoff overrides', () => {
    const p: RetryPolicy = {
      ...base,
      retryOn: { statuses: [429, 503], connectionErrors: true, timeouts: true },
      backoffOverrides: [
        {
          label: '429',
          statuses: [429],
          backoff: { strategy: { kind: 'constant', delayMs: 7 }, jitter: { kind: 'none' } },
        },
        {
          label: 'conn',
          errors: ['connection-error'],
          backoff: { strategy: { kind: 'constant', delayMs: 9 }, jitter: { kind: 'none' } },
        },
      ],
    };
    expect(decide(p, 1, { kind: 'response', status: 429 }, 0, constantRng(0))).toMatchObject({
      delayMs: 7,
    });
    expect(decide(p, 1, { kind: 'connection-error' }, 0, constantRng(0))).toMatchObject({
      delayMs: 9,
    });
    expect(decide(p, 1, HTTP_503, 0, constantRng(0))).toMatchObject({ delayMs: 1000 });
  });

  it('validatePolicy flags nonsense', () => {
    expect(validatePolicy(base)).toEqual([]);
    const bad = policy(
      { maxDelayMs: -1, schedule: 'precomputed-sorted' },
      { maxAttempts: Number.POSITIVE_INFINITY },
    );
    expect(validatePolicy(bad).join('\n')).toMatch(/maxDelayMs.*\n.*precomputed-sorted/s);
    expect(validatePolicy({ ...base, maxAttempts: 0 })).toHaveLength(1);
  });
});

describe('retry quotas', () => {
  const aws: QuotaConfig = {
    kind: 'aws-retry-quota',
    capacity: 500,
    retryCost: 5,
    costlyRetryCost: 10,
    costly: { timeouts: true, connectionErrors: false, statuses: [] },
    noRetryIncrement: 1,
  };

  it('AWS: 100 consecutive non-timeout retries drain 500 tokens; the 101st is refused', () => {
    let s = initialQuota(aws);
    for (let i = 0; i < 100; i++) {
      const r = quotaAcquire(aws, s, HTTP_503);
      expect(r.allowed).toBe(true);
      s = r.state;
    }
    expect(s.tokens).toBe(0);
    expect(quotaAcquire(aws, s, HTTP_503).allowed).toBe(false);
  });

  it('AWS: timeouts cost 10, so 50 drain it', () => {
    let s = initialQuota(aws);
    for (let i = 0; i < 50; i++) s = quotaAcquire(aws, s, { kind: 'timeout' }).state;
    expect(s.tokens).toBe(0);
    expect(quotaAcquire(aws, s, { kind: 'timeout' }).allowed).toBe(false);
  });

  it('AWS: success refunds the last cost after retries, else adds 1 (capped)', () => {
    const s = quotaAcquire(aws, { tokens: 100, lastAcquired: 0 }, { kind: 'timeout' }).state;
    expect(quotaRecordSuccess(aws, s, true).tokens).toBe(100);
    expect(quotaRecordSuccess(aws, { tokens: 100, lastAcquired: 0 }, false).tokens).toBe(101);
    expect(quotaRecordSuccess(aws, { tokens: 500, lastAcquired: 0 }, false).tokens).toBe(500);
  });

  it('gRPC throttling: retries only while tokens > maxTokens/2', () => {
    const g: QuotaConfig = { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 };
    let s = initialQuota(g);
    const allowed: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      s = quotaRecordFailure(g, s);
      allowed.push(quotaAcquire(g, s, HTTP_503).allowed);
    }
    expect(allowed).toEqual([true, true, true, true, false, false]); // 9 8 7 6 5 4
    s = quotaRecordSuccess(g, s, false);
    expect(s.tokens).toBe(4.1);
  });

  it('decide refuses a retry when the quota is empty, and nextCallState keeps the quota', () => {
    const p: RetryPolicy = { ...policy({}), quota: aws };
    const empty = { ...initialRetryState(p), quota: { tokens: 4, lastAcquired: 0 } };
    expect(decide(p, 1, HTTP_503, 0, constantRng(0), { state: empty })).toMatchObject({
      action: 'give-up',
      reason: 'quota',
    });
    const r = decide(p, 1, HTTP_503, 0, constantRng(0));
    expect(r.state.quota?.tokens).toBe(495);
    expect(nextCallState(p, r.state)).toMatchObject({ retries: 0, quota: { tokens: 495 } });
  });
});
