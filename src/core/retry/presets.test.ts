/**
 * Every preset against test vectors computed from the public sources each preset names
 * (`source`, `follows`). U is pinned: 0, 0.5 or U_SUP ("U → 1").
 */
import { describe, expect, it } from 'vitest';
import { delayRange, initialRetryState, decide } from './policy';
import { PRESETS, getPreset, requirePreset, type RetryPreset } from './presets';
import { constantRng, sequenceRng, U_SUP } from './random';
import { simulate } from './simulate';
import { delaySequence, HTTP_503 } from '../../testing/retry';
import type { RetryPolicy } from './types';

const policyOf = (id: string): RetryPolicy => requirePreset(id).policy;
const withAttempts = (p: RetryPolicy, maxAttempts: number): RetryPolicy => ({ ...p, maxAttempts });
const maxes = (p: RetryPolicy, n: number) =>
  Array.from({ length: n }, (_, i) => delayRange(p, i).maxMs);
const close = (actual: readonly number[], expected: readonly number[], digits = 3) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, digits));
};

const STAINLESS = [
  'openai-node',
  'openai-node-7.4',
  'openai-node-6',
  'openai-python',
  'openai-python-2',
  'anthropic-ts',
  'anthropic-ts-0.78',
  'anthropic-python',
  'groq-ts',
  'groq-python',
  'cerebras-node',
  'cerebras-python',
];

describe('preset catalogue', () => {
  it('has unique ids and complete metadata', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PRESETS) {
      expect(p.label.length).toBeGreaterThan(3);
      expect(p.follows.package.length).toBeGreaterThan(0);
      expect(p.follows.version.length).toBeGreaterThan(0);
      expect(p.source).toMatch(/^(https:\/\/|seed: )/);
      // Users see `source`: a public URL or a named document, never a path on a machine.
      expect(p.source).not.toMatch(/\/work\/|shared\/(research|seeds)|\.txt\b/);
      expect(p.policy.maxAttempts).toBeGreaterThanOrEqual(1);
      if (p.wraps) expect(getPreset(p.wraps)).toBeDefined();
    }
  });

  it('covers every client the brief lists', () => {
    for (const id of [
      ...STAINLESS,
      'mistral-ts',
      'mistral-python',
      'google-js-genai',
      'google-python-genai',
      'google-api-core',
      'tenacity-seed',
      'backoff',
      'p-retry',
      'exponential-backoff',
      'cockatiel',
      'polly-v8',
      'aws-sdk-js-v3',
      'botocore-standard',
      'botocore-legacy',
      'grpc-a6-example',
      'grpc-connection-backoff',
      'litellm-router',
      'portkey',
      'wandb-loop',
      'wandb-advice',
      'bash-loop',
    ]) {
      expect(getPreset(id), id).toBeDefined();
    }
    expect(() => requirePreset('nope')).toThrow(/unknown/);
  });

  it('marks the items the notes call UNCONFIRMED', () => {
    const flagged = (id: string) => requirePreset(id).unconfirmed.join(' ');
    expect(flagged('mistral-ts')).toMatch(/overall hard deadline/);
    expect(flagged('google-js-genai')).toMatch(/fetch failed/);
    expect(flagged('portkey')).toMatch(/hosted service caps attempts at 5/);
    expect(flagged('litellm-router')).toMatch(/num_retries/);
    expect(flagged('aws-blog-full-jitter')).toMatch(/second-hand/);
  });
});

describe('Stainless family (no Retry-After)', () => {
  it.each(STAINLESS)('%s: 2 retries (3 requests), base 500 · 2^k capped at 8000', (id) => {
    const p = policyOf(id);
    expect(p.maxAttempts).toBe(3);
    expect(delaySequence(p, 0)).toEqual([500, 1000]);
    const long = withAttempts(p, 8);
    expect(delaySequence(long, 0)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(delaySequence(long, 0.5)).toEqual([437.5, 875, 1750, 3500, 7000, 7000, 7000]);
    const low = delaySequence(long, U_SUP).slice(0, 5);
    close(low, [375, 750, 1500, 3000, 6000]);
    // Mathematically exclusive; (with U_SUP, IEEE rounding lands exactly on the bound, as in JS.)
    const nearOne = delaySequence(long, 1 - 1e-9).slice(0, 5);
    nearOne.forEach((v, i) => expect(v).toBeGreaterThan([375, 750, 1500, 3000, 6000][i] ?? 0));
  });

  it.each(STAINLESS)('%s: range (0.75·b, b] and worst case 1.5 s in total', (id) => {
    const p = withAttempts(policyOf(id), 7);
    const bases = [500, 1000, 2000, 4000, 8000, 8000];
    bases.forEach((b, i) => {
      const r = delayRange(p, i);
      expect(r.minMs).toBeCloseTo(0.75 * b, 9);
      expect(r.maxMs).toBe(b);
      expect(r.minInclusive).toBe(false);
      expect(r.maxInclusive).toBe(true);
    });
    const worst = delaySequence(policyOf(id), 0).reduce((a, b) => a + b, 0);
    expect(worst).toBe(1500);
  });

  it('timeouts: 600 s for OpenAI / Anthropic, 60 s for Groq / Cerebras', () => {
    for (const id of [
      'openai-node',
      'openai-python',
      'anthropic-ts',
      'anthropic-python',
      'anthropic-python-0.34',
    ]) {
      expect(policyOf(id).attemptTimeoutMs).toBe(600_000);
    }
    for (const id of ['groq-ts', 'groq-python', 'cerebras-node', 'cerebras-python']) {
      expect(policyOf(id).attemptTimeoutMs).toBe(60_000);
    }
  });

  it('anthropic-python-0.34 (0.10 – 0.34): the Stainless backoff one step higher, 1000 · 2^k', () => {
    const old = policyOf('anthropic-python-0.34');
    const now = policyOf('anthropic-python');
    expect(old.maxAttempts).toBe(3);
    expect(delaySequence(old, 0)).toEqual([1000, 2000]);
    expect(delaySequence(now, 0)).toEqual([500, 1000]);
    const long = withAttempts(old, 7);
    expect(delaySequence(long, 0)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    close(delaySequence(long, U_SUP), [750, 1500, 3000, 6000, 6000, 6000]);
    // Only the first step differs: Retry-After, statuses, jitter, cap and timeout are the same.
    expect({ ...old, backoff: { ...old.backoff, strategy: now.backoff.strategy } }).toEqual(now);
    expect(requirePreset('anthropic-python-0.34').follows.version).toMatch(/^0\.10\.0 – 0\.34\.x/);
    expect(requirePreset('anthropic-python').follows.version).toMatch(/^0\.35\.0 – 0\.121\.x/);
  });

  it('openai-node WebSocket reconnect: round(min(500·2^(n−1), 8000)·(0.75 + 0.25U))', () => {
    const p = policyOf('openai-node-ws');
    expect(delaySequence(p, 0)).toEqual([375, 750, 1500, 3000, 6000]);
    expect(delaySequence(p, U_SUP)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(delaySequence(p, 0.5)).toEqual([438, 875, 1750, 3500, 7000]);
  });
});

describe('Mistral', () => {
  it('client-ts: 500·x^1.5 + U·1000, capped at 60 000', () => {
    const p = policyOf('mistral-ts');
    close(
      delaySequence(p, 0, { limit: 8 }),
      [0, 500, 1414.214, 2598.076, 4000, 5590.17, 7348.469, 9260.13],
    );
    close(delaySequence(p, 0.5, { limit: 5 }), [500, 1000, 1914.214, 3098.076, 4500]);
    const seq = delaySequence(p, 0, { limit: 30 });
    expect(seq[24]).toBeLessThan(60_000); // x = 24
    expect(seq[25]).toBe(60_000); // x = 25: first capped
  });

  it('client-ts: Retry-After integer seconds, capped, "2.5" falls back to the formula', () => {
    const p = policyOf('mistral-ts');
    const ra = (v: string) =>
      decide(
        p,
        2,
        { kind: 'response', status: 429, headers: { 'retry-after': v } },
        0,
        constantRng(0),
        {
          state: { ...initialRetryState(p), retries: 1, backoffIndex: 1 },
          nowMs: Date.UTC(2026, 0, 1),
        },
      );
    expect(ra('2')).toMatchObject({ action: 'retry', delayMs: 2000, source: 'retry-after' });
    expect(ra('90')).toMatchObject({ action: 'retry', delayMs: 60_000 });
    expect(ra('2.5')).toMatchObject({ action: 'retry', delayMs: 500, source: 'backoff' });
  });

  it('client-ts: retries are off by default', () => {
    expect(policyOf('mistral-ts-default').maxAttempts).toBe(1);
    expect(firstDecisionAction('mistral-ts-default')).toBe('give-up');
  });

  it('client-python: 0.5·1.5^r + U(0, 1) s', () => {
    const p = policyOf('mistral-python');
    close(delaySequence(p, 0, { limit: 6 }), [500, 750, 1125, 1687.5, 2531.25, 3796.875]);
    close(delaySequence(p, 0.5, { limit: 6 }), [1000, 1250, 1625, 2187.5, 3031.25, 4296.875]);
  });
});

function firstDecisionAction(id: string): string {
  return decide(policyOf(id), 1, { kind: 'response', status: 503 }, 0, constantRng(0)).action;
}

describe('Google', () => {
  it('js-genai retryOptions {}: 1000, 2000, 4000, 8000 at R = 1; upper bounds ×2', () => {
    const p = policyOf('google-js-genai');
    expect(p.maxAttempts).toBe(5);
    expect(delaySequence(p, 0)).toEqual([1000, 2000, 4000, 8000]);
    expect(delaySequence(p, U_SUP)).toEqual([2000, 4000, 8000, 16000]);
    expect(maxes(p, 4)).toEqual([2000, 4000, 8000, 16000]);
    const noJitter: RetryPolicy = { ...p, backoff: { ...p.backoff, jitter: { kind: 'none' } } };
    expect(delaySequence(noJitter, 0.7)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('js-genai draws the whole schedule up front and sorts it', () => {
    const p = policyOf('google-js-genai');
    // Draws for i = 0..3: round((1+U)·1000·2^i). All four U values are consumed at the first retry.
    expect(delaySequence(p, sequenceRng([0.5, 0, 0, 0]))).toEqual([1500, 2000, 4000, 8000]);
    const slow: RetryPolicy = {
      ...p,
      maxAttempts: 3,
      backoff: { ...p.backoff, strategy: { kind: 'exponential', initialMs: 1000, factor: 1.2 } },
    };
    // Unsorted this would be 1900 then 1200.
    expect(delaySequence(slow, sequenceRng([0.9, 0]))).toEqual([1200, 1900]);
  });

  it('python-genai HttpRetryOptions(): 1, 2, 4, 8 s at U = 0; 2, 3, 5, 9 s at U → 1', () => {
    const p = policyOf('google-python-genai');
    expect(delaySequence(p, 0)).toEqual([1000, 2000, 4000, 8000]);
    close(delaySequence(p, U_SUP), [2000, 3000, 5000, 9000]);
  });

  it('api-core Retry(): full-jitter bounds 1, 2, 4 … 32, 60, 60 s', () => {
    const p = policyOf('google-api-core');
    expect(maxes(p, 9)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * 1000));
    for (let i = 0; i < 9; i++) expect(delayRange(p, i).minMs).toBe(0);
  });

  it('api-core Retry(): U → 1 with instant failures: 7 attempts, 6 sleeps (≈63 s), then RetryError', () => {
    const r = simulate(policyOf('google-api-core'), [HTTP_503], { rng: constantRng(U_SUP) });
    expect(r.requests).toBe(7);
    expect(r.stopReason).toBe('deadline');
    expect(r.totalWaitMs).toBeCloseTo(63_000, 3);
  });

  it('api-core Retry(): U = 0 keeps retrying until 120 s of wall time pass', () => {
    const r = simulate(policyOf('google-api-core'), [HTTP_503], {
      rng: constantRng(0),
      latencyMs: 1000,
    });
    expect(r.totalWaitMs).toBe(0);
    expect(r.stopReason).toBe('deadline');
    expect(r.requests).toBe(121);
    expect(r.elapsedMs).toBe(121_000);
  });
});

describe('tenacity', () => {
  const exp = (multiplier: number, min?: number, max?: number): RetryPolicy => ({
    maxAttempts: 7,
    backoff: {
      strategy: { kind: 'exponential', initialMs: multiplier * 1000, factor: 2 },
      jitter: { kind: 'none' },
      ...(max === undefined ? {} : { maxDelayMs: max * 1000 }),
      ...(min === undefined ? {} : { minDelayMs: min * 1000 }),
    },
    retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
  });

  it('seed: wait_exponential(multiplier=1, min=4, max=60), stop_after_attempt(7)', () => {
    const p = policyOf('tenacity-seed');
    expect(p.maxAttempts).toBe(7);
    expect(delaySequence(p, 0.9)).toEqual([4, 4, 4, 8, 16, 32].map((s) => s * 1000));
  });

  it('wait_exponential(multiplier=1, min=4, max=10): 4, 4, 4, 8, 10, 10', () => {
    expect(delaySequence(exp(1, 4, 10), 0)).toEqual([4, 4, 4, 8, 10, 10].map((s) => s * 1000));
  });

  it('wait_exponential(multiplier=0.5): 0.5, 1, 2, 4, 8', () => {
    expect(delaySequence(exp(0.5), 0, { limit: 5 })).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('stop_after_attempt(3): 3 calls and 2 waits', () => {
    const r = simulate({ ...exp(1), maxAttempts: 3 }, [HTTP_503]);
    expect(r.requests).toBe(3);
    expect(r.entries.filter((e) => e.waitMs > 0)).toHaveLength(2);
  });
});

describe('backoff / p-retry / exponential-backoff / cockatiel / Polly', () => {
  it('backoff.expo, jitter=None: 1, 2, 4, 8, 16 s; max_value=5: 1, 2, 4, 5, 5', () => {
    const p = withAttempts(policyOf('backoff'), 6);
    const none: RetryPolicy = { ...p, backoff: { ...p.backoff, jitter: { kind: 'none' } } };
    expect(delaySequence(none, 0)).toEqual([1, 2, 4, 8, 16].map((s) => s * 1000));
    const capped: RetryPolicy = { ...none, backoff: { ...none.backoff, maxDelayMs: 5000 } };
    expect(delaySequence(capped, 0)).toEqual([1, 2, 4, 5, 5].map((s) => s * 1000));
  });

  it('backoff default full jitter: each wait is U(0, value)', () => {
    const p = policyOf('backoff');
    expect(delaySequence(p, 0.5)).toEqual([500, 1000, 2000, 4000]);
    expect(delayRange(p, 3)).toMatchObject({ minMs: 0, maxMs: 8000, maxInclusive: false });
  });

  it('p-retry 7 defaults: 1000 … 512000 ms (10 retries, 11 calls)', () => {
    const p = policyOf('p-retry');
    expect(p.maxAttempts).toBe(11);
    expect(delaySequence(p, 0.5)).toEqual(
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((s) => s * 1000),
    );
  });

  it('async-retry: randomized (1+U)·1000·2^i, sorted', () => {
    const p = policyOf('async-retry');
    expect(delaySequence(p, 0)).toEqual(
      [1, 2, 4, 8, 16, 32, 64, 128, 256, 512].map((s) => s * 1000),
    );
    expect(delaySequence(p, 0.5)[0]).toBe(1500);
  });

  it('Portkey attempts: 5 → 1000, 2000, 4000, 8000, 16000 ms', () => {
    expect(delaySequence(policyOf('portkey'), 0.5)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('exponential-backoff defaults: 100 … 25600 ms (9 delays, 10 calls)', () => {
    const seq = delaySequence(policyOf('exponential-backoff'), 0.5);
    expect(seq).toEqual([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600]);
  });

  it('cockatiel noJitter: 128 … 16384, 30000, 30000', () => {
    const p = withAttempts(policyOf('cockatiel'), 11);
    const noJitter: RetryPolicy = { ...p, backoff: { ...p.backoff, jitter: { kind: 'none' } } };
    expect(delaySequence(noJitter, 0)).toEqual([
      128, 256, 512, 1024, 2048, 4096, 8192, 16384, 30000, 30000,
    ]);
  });

  it('cockatiel decorrelated (exponent 2, 128 ms), U = 0.5', () => {
    const p = withAttempts(policyOf('cockatiel'), 9);
    close(
      delaySequence(p, 0.5),
      [114.868, 139.904, 260.576, 517.885, 1034.705, 2068.949, 4137.666, 8275.207],
    );
  });

  it('Polly decorrelated jitter V2, median 1000 ms, U = 0 and U = 0.5', () => {
    const p = policyOf('polly-decorrelated-v2');
    close(delaySequence(p, 0), [0, 1377.182, 1460.067, 2865.85, 5717.807, 11430.272]);
    close(delaySequence(p, 0.5), [897.405, 1093.004, 2035.748, 4045.979, 8083.632, 16163.663]);
    const first = delayRange(p, 0);
    expect(first.minMs).toBe(0);
    expect(first.maxMs).toBeCloseTo(1377.18, 2);
    expect(first.maxInclusive).toBe(false);
  });

  it('Polly v8: defaults 2000 ×3; exponential 2000, 4000, 8000; constant + jitter in [1500, 2500)', () => {
    const p = policyOf('polly-v8');
    expect(delaySequence(p, 0.3)).toEqual([2000, 2000, 2000]);
    const expo: RetryPolicy = {
      ...p,
      backoff: {
        strategy: { kind: 'exponential', initialMs: 2000, factor: 2 },
        jitter: { kind: 'none' },
      },
    };
    expect(delaySequence(expo, 0)).toEqual([2000, 4000, 8000]);
    const jittered: RetryPolicy = {
      ...p,
      backoff: { ...p.backoff, jitter: { kind: 'multiplicative', from: 0.75, to: 1.25 } },
    };
    expect(delayRange(jittered, 0)).toMatchObject({
      minMs: 1500,
      maxMs: 2500,
      minInclusive: true,
      maxInclusive: false,
    });
    expect(delaySequence(jittered, 0.5)).toEqual([2000, 2000, 2000]);
  });

  it('Polly v8 exponential + jitter uses decorrelated V2 with median = Delay', () => {
    close(
      delaySequence(policyOf('polly-v8-exponential-jitter'), 0.5),
      [1794.81, 2186.008, 4071.496],
      2,
    );
  });
});

describe('AWS', () => {
  it('botocore standard: bounds 1, 2 s (3 attempts), then 4, 8, 16, 20, 20 s', () => {
    const p = policyOf('botocore-standard');
    expect(p.maxAttempts).toBe(3);
    const seq = delaySequence(p, U_SUP);
    expect(seq).toHaveLength(2);
    expect(seq[0]).toBeLessThan(1000);
    expect(seq[1]).toBeLessThan(2000);
    close(seq, [1000, 2000]);
    expect(maxes(p, 7)).toEqual([1, 2, 4, 8, 16, 20, 20].map((s) => s * 1000));
  });

  it('botocore legacy: bounds 1, 2, 4, 8 s, 5 attempts, no cap', () => {
    const p = policyOf('botocore-legacy');
    expect(maxes(p, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(delaySequence(p, 0.5)).toEqual([500, 1000, 2000, 4000]);
    expect(delayRange(p, 10).maxMs).toBe(1024_000);
    // _retry.json __default__ at 0e6e2404: 429, 500, 502, 503, 504, 509 (502/504 since 1.4.15).
    expect(p.retryOn.statuses).toEqual([429, 500, 502, 503, 504, 509]);
  });

  it('SDK JS v3 (@smithy/core ≥ 3.40): 50, 100 ms, 1000, 2000 ms (throttling), capped at 20 000', () => {
    const p = policyOf('aws-sdk-js-v3');
    expect(maxes(p, 2)).toEqual([50, 100]);
    const throttled = { kind: 'response', status: 429 } as const;
    expect([0, 1].map((i) => delayRange(p, i, throttled).maxMs)).toEqual([1000, 2000]);
    expect(maxes(p, 10).slice(2)).toEqual([200, 400, 800, 1600, 3200, 6400, 12800, 20000]);
    // floor(U·d)
    expect(delaySequence(p, U_SUP)).toEqual([49, 99]);
    expect(delaySequence(p, U_SUP, { outcome: throttled })).toEqual([999, 1999]);
  });

  it('SDK JS v3 before @smithy/core 3.40: 100, 200 ms, 500, 1000 ms (throttling)', () => {
    const p = policyOf('aws-sdk-js-v3-3.39');
    expect(maxes(p, 2)).toEqual([100, 200]);
    const throttled = { kind: 'response', status: 429 } as const;
    expect([0, 1].map((i) => delayRange(p, i, throttled).maxMs)).toEqual([500, 1000]);
    expect(maxes(p, 10).slice(2)).toEqual([400, 800, 1600, 3200, 6400, 12800, 20000, 20000]);
    expect(delaySequence(p, U_SUP)).toEqual([99, 199]);
    expect(delaySequence(p, U_SUP, { outcome: throttled })).toEqual([499, 999]);
  });

  it('SDK JS v3: only throttling and 500/502/503/504 are retried, not 501, 505 or 529', () => {
    for (const id of ['aws-sdk-js-v3', 'aws-sdk-js-v3-3.39']) {
      const p = policyOf(id);
      const first = (status: number) =>
        decide(p, 1, { kind: 'response', status }, 0, constantRng(0)).action;
      for (const s of [429, 500, 502, 503, 504]) expect(first(s), `${id} ${s}`).toBe('retry');
      for (const s of [400, 501, 505, 529]) expect(first(s), `${id} ${s}`).toBe('give-up');
    }
  });

  it('SDK JS v3 retry quota: 14 a retry, 5 for throttling (≥ 3.40); 5, 10 for transient (< 3.40)', () => {
    const tokensAfter = (id: string, status: number) =>
      simulate(policyOf(id), [{ kind: 'response', status }], { rng: constantRng(0) }).state.quota
        ?.tokens;
    expect(tokensAfter('aws-sdk-js-v3', 503)).toBe(500 - 2 * 14);
    expect(tokensAfter('aws-sdk-js-v3', 429)).toBe(500 - 2 * 5);
    expect(tokensAfter('aws-sdk-js-v3-3.39', 503)).toBe(500 - 2 * 10);
    expect(tokensAfter('aws-sdk-js-v3-3.39', 429)).toBe(500 - 2 * 5);
  });

  it('AWS blog formulas (base 5, cap 2000)', () => {
    expect(delaySequence(policyOf('aws-blog-expo'), 0, { limit: 10 })).toEqual([
      10, 20, 40, 80, 160, 320, 640, 1280, 2000, 2000,
    ]);
    expect(delaySequence(policyOf('aws-blog-full-jitter'), 0.5, { limit: 3 })).toEqual([5, 10, 20]);
    expect(delaySequence(policyOf('aws-blog-equal-jitter'), 0.5, { limit: 3 })).toEqual([
      7.5, 15, 30,
    ]);
    // U(base, prev·3): 5 + 0.5·(15 − 5) = 10; 5 + 0.5·(30 − 5) = 17.5; 5 + 0.5·(52.5 − 5) = 28.75
    expect(delaySequence(policyOf('aws-blog-decorrelated'), 0.5, { limit: 3 })).toEqual([
      10, 17.5, 28.75,
    ]);
  });
});

describe('gRPC', () => {
  it('connection backoff nominal: 1, 1.6, 2.56 … 109.951, 120, 120 s', () => {
    const p = policyOf('grpc-connection-backoff');
    const nominal = Array.from({ length: 13 }, (_, i) => delayRange(p, i).nominalMs);
    const capped = nominal.map((v) => Math.min(v, 120_000) / 1000);
    close(
      capped,
      [1, 1.6, 2.56, 4.096, 6.5536, 10.486, 16.777, 26.844, 42.95, 68.719, 109.951, 120, 120],
      2,
    );
    close(capped.slice(0, 5), [1, 1.6, 2.56, 4.096, 6.5536], 6);
  });

  it('connection backoff jitter: the first value is always 1 s; then ×0.8 … ×1.2', () => {
    const p = policyOf('grpc-connection-backoff');
    close(delaySequence(p, 0, { limit: 4 }), [1000, 1280, 2048, 3276.8]);
    close(delaySequence(p, U_SUP, { limit: 4 }), [1000, 1920, 3072, 4915.2]);
    expect(delayRange(p, 0).deterministic).toBe(true);
  });

  it('A6 example: nominal 100, 200, 400 ms, each in [0.8×, 1.2×); a 5th is capped at 1000', () => {
    const p = policyOf('grpc-a6-example');
    expect(p.maxAttempts).toBe(4);
    expect(delaySequence(p, 0.5, { outcome: HTTP_503 })).toEqual([100, 200, 400]);
    [100, 200, 400].forEach((n, i) => {
      expect(delayRange(p, i)).toMatchObject({ minMs: 0.8 * n, maxInclusive: false });
      expect(delayRange(p, i).maxMs).toBeCloseTo(1.2 * n, 9);
    });
    expect(delayRange(p, 4).nominalMs).toBe(1600);
    expect(delayRange(p, 4).maxMs).toBe(1200);
  });
});

describe('LiteLLM', () => {
  const p = policyOf('litellm-router');
  const plain: RetryPolicy = { ...p, backoff: { ...p.backoff, indexOffset: 0 }, maxAttempts: 4 };

  it('_calculate_retry_after (max_retries 2): 0.5, 1.0, 2.0 s at U = 0; + up to 0.75 s', () => {
    expect(delaySequence(plain, 0)).toEqual([500, 1000, 2000]);
    close(delaySequence(plain, U_SUP), [1250, 1750, 2750]);
    const floored: RetryPolicy = { ...plain, backoff: { ...plain.backoff, minDelayMs: 3000 } };
    expect(delaySequence(floored, 0)).toEqual([3000, 3000, 3000]);
  });

  it('Retry-After 10 → 10 s (+ jitter); 61 → backoff; "1.5" → backoff', () => {
    const at = (v: string, u = 0) =>
      decide(
        p,
        1,
        { kind: 'response', status: 429, headers: { 'retry-after': v } },
        0,
        constantRng(u),
      );
    expect(at('10')).toMatchObject({ action: 'retry', delayMs: 10_000, source: 'retry-after' });
    expect(at('10', 0.5)).toMatchObject({ delayMs: 10_375 });
    expect(at('61')).toMatchObject({ delayMs: 500, source: 'backoff' });
    expect(at('1.5')).toMatchObject({ delayMs: 500, source: 'backoff' });
  });

  it('Router quirk: k runs 0, 0, 1, 2', () => {
    expect(delaySequence(withAttempts(p, 5), 0)).toEqual([500, 500, 1000, 2000]);
    expect(delaySequence(p, 0)).toEqual([500, 500]);
  });
});

describe('seed recipes', () => {
  it('W&B loop: min(60, 2**attempt) for 5 tries → 1, 2, 4, 8 s on 500/503 only', () => {
    const p = policyOf('wandb-loop');
    expect(delaySequence(p, 0.5)).toEqual([1000, 2000, 4000, 8000]);
    expect(delaySequence(p, 0.5, { outcome: HTTP_503 })).toEqual([1000, 2000, 4000, 8000]);
    expect(delaySequence(p, 0.5, { outcome: { kind: 'response', status: 429 } })).toEqual([]);
    expect(delaySequence(p, 0.5, { outcome: { kind: 'connection-error' } })).toEqual([]);
  });

  it('W&B advice: 500 waits 30–60 s, 503 waits 60–120 s', () => {
    const p = policyOf('wandb-advice');
    expect(delayRange(p, 0, { kind: 'response', status: 500 })).toMatchObject({
      minMs: 30_000,
      maxMs: 60_000,
      maxInclusive: false,
    });
    expect(delayRange(p, 3, HTTP_503)).toMatchObject({ minMs: 60_000, maxMs: 120_000 });
    expect(delaySequence(p, 0.5, { outcome: HTTP_503 })).toEqual([90_000, 90_000, 90_000, 90_000]);
    expect(delaySequence(p, 0.5)).toEqual([45_000, 45_000, 45_000, 45_000]);
  });

  it('bash loop: 5, 10, 20, 40 s, then an 80 s sleep after the 5th failure; 500 only', () => {
    const p = policyOf('bash-loop');
    expect(delaySequence(p, 0)).toEqual([5000, 10000, 20000, 40000]);
    const r = simulate(p, [{ kind: 'response', status: 500 }]);
    expect(r.requests).toBe(5);
    expect(r.stopReason).toBe('max-attempts');
    expect(r.totalWaitMs).toBe(155_000);
    expect(r.elapsedMs).toBe(155_000);
    expect(simulate(p, [HTTP_503]).requests).toBe(1);
  });
});

describe('every preset', () => {
  it.each(PRESETS.map((p) => [p.id, p] as [string, RetryPreset]))(
    '%s: sampled delays stay inside delayRange',
    (_id, preset) => {
      const p = preset.policy;
      const n = Math.min(6, Number.isFinite(p.maxAttempts) ? p.maxAttempts - 1 : 6);
      for (const u of [0, 0.3, 0.77, U_SUP]) {
        const outcome = p.retryOn.statuses === 'any' ? HTTP_503 : firstRetryable(p);
        const seq = delaySequence(p, u, { outcome, limit: n });
        const stateless = p.backoff.schedule === 'precomputed-sorted';
        seq.forEach((d, i) => {
          const r = delayRange(p, i, outcome);
          expect(d).toBeGreaterThanOrEqual(r.minMs - 1e-9);
          expect(d).toBeLessThanOrEqual(r.maxMs + 1e-9);
          // U_SUP may round onto an exclusive bound in IEEE arithmetic; other U must not.
          if (!stateless && !r.maxInclusive && u !== U_SUP) expect(d).toBeLessThan(r.maxMs);
        });
      }
    },
  );
});

function firstRetryable(p: RetryPolicy) {
  const list = p.retryOn.statuses === 'any' ? [503] : p.retryOn.statuses;
  const first = list[0];
  const status = typeof first === 'number' ? first : (first?.from ?? 503);
  return { kind: 'response', status } as const;
}
