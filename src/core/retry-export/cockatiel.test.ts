import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import { U_SUP } from '../retry/random';
import type { BackoffSpec, RetryPolicy } from '../retry/types';
import { exportCockatiel } from './cockatiel';
import { specModel } from './delays';
import {
  delegateDelays,
  generatorName,
  runTs,
  StubConstantBackoff,
  StubDelegateBackoff,
  StubExponentialBackoff,
} from '../../testing/run-ts';

const policyOf = (id: string) => requirePreset(id).policy;

function configured(policy: RetryPolicy, random?: () => number) {
  const rec = runTs(exportCockatiel(policy).code, random);
  expect(rec.retries).toHaveLength(1);
  const opts = rec.retries[0]?.opts ?? {};
  return { rec, opts, backoff: opts.backoff };
}

describe('exportCockatiel: ExponentialBackoff options round-trip', () => {
  it('cockatiel preset: decorrelated jitter, initialDelay 128, maxDelay 30 000, maxAttempts 3', () => {
    const policy = policyOf('cockatiel');
    const r = exportCockatiel(policy);
    expect(r.fidelity).toBe('exact');
    const { opts, backoff } = configured(policy);
    expect(opts.maxAttempts).toBe(policy.maxAttempts - 1); // cockatiel counts retries
    expect(backoff).toBeInstanceOf(StubExponentialBackoff);
    const o = (backoff as StubExponentialBackoff).options;
    expect(o.initialDelay).toBe(128);
    expect(o.maxDelay).toBe(policy.backoff.maxDelayMs);
    expect(o.exponent).toBe(2);
    expect(generatorName(o.generator)).toBe('decorrelatedJitterGenerator');
  });

  it('wandb-loop: noJitterGenerator, 1 s doubling up to 60 s, 4 retries', () => {
    const policy = policyOf('wandb-loop');
    const { opts, backoff } = configured(policy);
    expect(opts.maxAttempts).toBe(4);
    const o = (backoff as StubExponentialBackoff).options;
    expect(o).toMatchObject({ initialDelay: 1000, maxDelay: 60_000 });
    expect(generatorName(o.generator)).toBe('noJitterGenerator');
    expect(exportCockatiel(policy).fidelity).toBe('exact');
  });

  it('AWS full jitter: fullJitterGenerator, unlimited attempts, and a caveat for its flooring', () => {
    const policy = policyOf('aws-blog-full-jitter');
    const { opts, backoff } = configured(policy);
    expect(opts.maxAttempts).toBe(Number.POSITIVE_INFINITY);
    const o = (backoff as StubExponentialBackoff).options;
    expect(o).toMatchObject({ initialDelay: 10, maxDelay: 2000 });
    expect(generatorName(o.generator)).toBe('fullJitterGenerator');
    const r = exportCockatiel(policy);
    expect(r.fidelity).toBe('approximate');
    expect(r.caveats).toEqual([expect.stringMatching(/round each delay down.*only by rounding/)]);
  });

  it('AWS SDK v3 (floored full jitter, throttling override): a delegate, no backoff caveat', () => {
    const r = exportCockatiel(policyOf('aws-sdk-js-v3'));
    expect(r.code).toContain('new DelegateBackoff(');
    expect(r.code).toContain('function throttlingBackoff(i: number): number');
    expect(r.caveats.some((c) => /Delays|rounding/.test(c))).toBe(false);
    expect(r.caveats.some((c) => /Retry-After/.test(c))).toBe(true);
  });

  it('polly-v8 constant 2 s: ConstantBackoff(2000)', () => {
    const { backoff } = configured(policyOf('polly-v8'));
    expect(backoff).toBeInstanceOf(StubConstantBackoff);
    expect((backoff as StubConstantBackoff).interval).toBe(2000);
  });

  it('per-attempt timeout and a whole-call deadline become timeout policies', () => {
    const policy = { ...policyOf('mistral-ts'), attemptTimeoutMs: 20_000 };
    const { rec } = configured(policy);
    expect(rec.timeouts).toEqual([3_600_000, 300_000, 20_000]);
    expect(rec.exports.policy).toMatchObject({ kind: 'wrap' });
  });
});

/** cockatiel's own backoffs, as written in its source (src/backoff/*.ts), U pinned to `u`. */
function builtInDelays(backoff: unknown, n: number, u: number): number[] {
  if (backoff instanceof StubConstantBackoff)
    return Array.from({ length: n }, () => backoff.interval);
  if (!(backoff instanceof StubExponentialBackoff)) throw new Error('unknown backoff');
  const o = backoff.options as {
    initialDelay: number;
    maxDelay: number;
    exponent?: number;
    generator: unknown;
  };
  const name = generatorName(o.generator);
  const out: number[] = [];
  let prev = 0;
  for (let a = 0; a < n; a++) {
    const d = Math.min(o.maxDelay, o.initialDelay * 2 ** a);
    if (name === 'noJitterGenerator') out.push(d);
    else if (name === 'fullJitterGenerator') out.push(Math.floor(u * d));
    else if (name === 'halfJitterGenerator') out.push(Math.floor((d + u * d) / 2));
    else {
      const t = a + u;
      const next = (o.exponent ?? 2) ** t * Math.tanh(Math.sqrt(4 * t));
      const value = Number.isFinite(next) ? Math.max(0, next - prev) : Number.POSITIVE_INFINITY;
      out.push(Math.min(value * (1 / 1.4) * o.initialDelay, o.maxDelay));
      prev = next;
    }
  }
  return out;
}

describe('exportCockatiel: the delegate computes the policy formula', () => {
  const specs: Record<string, BackoffSpec> = {
    stainless: policyOf('openai-python').backoff,
    'litellm (index offset, additive)': policyOf('litellm-router').backoff,
    'mistral-ts (power, clamp after jitter)': policyOf('mistral-ts').backoff,
    'grpc connection (jitter from retry 2)': policyOf('grpc-connection-backoff').backoff,
    'aws decorrelated': policyOf('aws-blog-decorrelated').backoff,
    'polly v2 (constant median)': policyOf('polly-decorrelated-v2').backoff,
    'cockatiel default (decorrelated)': policyOf('cockatiel').backoff,
    'wandb loop (no jitter)': policyOf('wandb-loop').backoff,
    'polly v8 (constant)': policyOf('polly-v8').backoff,
    'node-retry sorted schedule': policyOf('google-js-genai').backoff,
    'tenacity-seed (floor)': policyOf('tenacity-seed').backoff,
  };

  it.each(Object.entries(specs))('%s', (_name, spec) => {
    const policy: RetryPolicy = {
      maxAttempts: 7,
      backoff: spec,
      retryOn: { statuses: [500], connectionErrors: false, timeouts: false },
    };
    const n = 6;
    for (const u of [0, 0.3, 0.77, U_SUP]) {
      const { backoff } = configured(policy, () => u);
      const got =
        backoff instanceof StubDelegateBackoff
          ? delegateDelays(backoff, n)
          : builtInDelays(backoff, n, u);
      const want = specModel(spec, policy.maxAttempts).sample(u, n);
      got.forEach((g, i) => expect(g).toBeCloseTo(want[i] ?? Number.NaN, 6));
    }
  });

  it('dispatches per-status overrides (wandb advice: 500 → 30–60 s, 503 → 60–120 s)', () => {
    const policy = policyOf('wandb-advice');
    const r = exportCockatiel(policy);
    expect(r.fidelity).toBe('exact');
    const { backoff } = configured(policy, () => 0.5);
    const err = (status: number) => Object.assign(new Error('x'), { status });
    expect(delegateDelays(backoff as StubDelegateBackoff, 2, err(500))).toEqual([45_000, 45_000]);
    expect(delegateDelays(backoff as StubDelegateBackoff, 2, err(503))).toEqual([90_000, 90_000]);
  });
});

describe('exportCockatiel: the retry predicate', () => {
  function predicate(policy: RetryPolicy): (e: unknown) => boolean {
    const rec = runTs(exportCockatiel(policy).code);
    return rec.retries[0]?.filter as (e: unknown) => boolean;
  }
  const withStatus = (status: number, headers?: Record<string, string>) =>
    Object.assign(new Error(`HTTP ${status}`), { status, headers });

  it('openai-python: 408/409/429/≥500, x-should-retry, timeouts and connection errors', () => {
    const isRetryable = predicate(policyOf('openai-python'));
    expect([400, 404, 408, 409, 429, 500, 529].map((s) => isRetryable(withStatus(s)))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isRetryable(withStatus(400, { 'x-should-retry': 'true' }))).toBe(true);
    expect(isRetryable(withStatus(503, { 'X-Should-Retry': 'false' }))).toBe(false);
    const timeout = new Error('Request timed out.');
    timeout.name = 'APIConnectionTimeoutError';
    expect(isRetryable(timeout)).toBe(true);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(true);
    expect(isRetryable(new Error('invalid JSON in body'))).toBe(false);
  });

  it('wandb-loop: 500 and 503 only; network failures are not retried', () => {
    const isRetryable = predicate(policyOf('wandb-loop'));
    expect(isRetryable(withStatus(500))).toBe(true);
    expect(isRetryable(withStatus(503))).toBe(true);
    expect(isRetryable(withStatus(502))).toBe(false);
    expect(isRetryable(new TypeError('fetch failed'))).toBe(false);
  });
});
