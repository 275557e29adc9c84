import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import {
  DEFAULT_LATENCY,
  rebinSeries,
  simulateRateLimited,
  type ClientTrace,
  type RateLimitedConfig,
  type TracedAttempt,
} from './rate-limited';

const policyOf = (id: string): RetryPolicy => requirePreset(id).policy;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Every attempt of every traced client, with the client's next attempt (if any). */
function attemptsOf(
  traces: readonly ClientTrace[],
): { a: TracedAttempt; next: TracedAttempt | undefined }[] {
  return traces.flatMap((t) => t.attempts.map((a, i) => ({ a, next: t.attempts[i + 1] })));
}

describe('capacity', () => {
  it('fixed window: 10 000 clients, accepted/s never exceeds C and reaches it', () => {
    const r = simulateRateLimited({
      clients: 10_000,
      capacityPerSec: 500,
      policy: policyOf('aws-blog-full-jitter'),
      seed: 3,
    });
    expect(r.succeeded).toBe(10_000);
    expect(Math.max(...r.series.accepted)).toBe(500);
    expect(Math.max(...r.series.acceptedPerSec)).toBe(500);
    // Demand was far above capacity most of the time.
    expect(Math.max(...r.series.offeredPerSec)).toBeGreaterThan(2 * 500);
    // 10 000 successes at 500/s need at least 20 windows.
    expect(r.lastSuccessMs).toBeGreaterThan(19_000);
  });

  it('fixed window of 250 ms: at most C/4 per window', () => {
    const r = simulateRateLimited({
      clients: 600,
      capacityPerSec: 40,
      policy: policyOf('aws-blog-decorrelated'),
      limiter: { kind: 'fixed-window', windowMs: 250 },
      bucketMs: 250,
      seed: 8,
    });
    expect(r.limiter).toEqual({ kind: 'fixed-window', windowMs: 250 });
    expect(Math.max(...r.series.accepted)).toBe(10);
    expect(r.succeeded).toBe(600);
  });

  it('token bucket (GCRA): `burst` at t = 0, then at most burst + C·T/1000 in any T ms', () => {
    const burst = 5;
    const C = 50;
    const r = simulateRateLimited({
      clients: 400,
      capacityPerSec: C,
      policy: policyOf('aws-blog-full-jitter'),
      limiter: { kind: 'token-bucket', burst },
      traceClients: 400,
      seed: 4,
    });
    const ok = attemptsOf(r.traces)
      .filter(({ a }) => a.status === 200)
      .map(({ a }) => a.sendMs)
      .sort((x, y) => x - y);
    expect(ok).toHaveLength(400);
    expect(ok.filter((t) => t === 0)).toHaveLength(burst);
    let most = 0;
    for (let i = 0, j = 0; i < ok.length; i++) {
      while (j < ok.length && ok[j]! < ok[i]! + 1000) j++;
      most = Math.max(most, j - i);
    }
    expect(most).toBeLessThanOrEqual(burst + C);
    expect(most).toBeGreaterThanOrEqual(C);
  });
});

describe('outage window', () => {
  const outage = { startMs: 3000, endMs: 8000 };
  const r = simulateRateLimited({
    clients: 1500,
    capacityPerSec: 100,
    policy: policyOf('aws-blog-full-jitter'),
    outage,
    traceClients: 1500,
    seed: 5,
  });
  const all = attemptsOf(r.traces).map(({ a }) => a);

  it('answers 503 to every request inside [start, end) and to none outside', () => {
    const inside = all.filter((a) => a.sendMs >= outage.startMs && a.sendMs < outage.endMs);
    expect(inside.length).toBeGreaterThan(1000);
    expect(inside.every((a) => a.status === 503)).toBe(true);
    expect(all.filter((a) => a.status === 503)).toHaveLength(inside.length);
    expect(r.unavailable).toBe(inside.length);
    // Clients were still being served after the outage.
    expect(all.some((a) => a.status === 200 && a.sendMs >= outage.endMs)).toBe(true);
  });

  it('the 503 series is zero outside the outage buckets', () => {
    r.series.unavailable.forEach((v, b) => {
      if (b < 3 || b >= 8) expect(v).toBe(0);
      else expect(v).toBeGreaterThan(0);
    });
  });
});

describe('Retry-After, per policy', () => {
  const base: Omit<RateLimitedConfig, 'policy'> = {
    clients: 300,
    capacityPerSec: 100,
    retryAfter: { format: 'seconds', fixedS: 7 },
    latency: { jitter: 0 },
    traceClients: 300,
    seed: 6,
  };
  const retriesAfter429 = (policy: RetryPolicy, extra: Partial<RateLimitedConfig> = {}) => {
    const r = simulateRateLimited({ ...base, ...extra, policy });
    const list = attemptsOf(r.traces).filter(({ a }) => a.status === 429 && a.action === 'retry');
    return { r, list };
  };

  it('openai-python 2.x sleeps exactly the 7 s it is told', () => {
    const { r, list } = retriesAfter429(policyOf('openai-python-2'));
    expect(list.length).toBe(300);
    for (const { a, next } of list) {
      expect(a.retryAfterMs).toBe(7000);
      expect(a.source).toBe('retry-after');
      expect(a.waitMs).toBe(7000);
      expect(next!.sendMs).toBe(a.endMs + 7000);
    }
    expect(r.succeeded).toBe(300);
  });

  it('the AWS blog presets ignore it and come back within their 2 s cap', () => {
    const { list } = retriesAfter429(policyOf('aws-blog-full-jitter'));
    expect(list.length).toBeGreaterThan(200);
    for (const { a } of list) {
      expect(a.source).toBe('backoff');
      expect(a.waitMs).toBeLessThan(2000);
    }
  });

  it('the AWS SDK v3 window: max(b, min(7 s, b + 5 s)) = b + 5 s', () => {
    const { list } = retriesAfter429(policyOf('aws-sdk-js-v3'));
    expect(list.length).toBeGreaterThan(200);
    for (const { a } of list) {
      // b = floor(U·1000·2^i) (@smithy/core ≥ 3.40 throttling base): i = 0 → [0, 1000),
      // i = 1 → [0, 2000); b + 5 s stays below the 7 s hint.
      expect(a.waitMs).toBeGreaterThanOrEqual(5000);
      expect(a.waitMs).toBeLessThan(a.attempt === 1 ? 6000 : 7000);
    }
  });

  it('a 300 s hint: openai-python 3.3 gives up at once, openai-python 2.x falls back to backoff', () => {
    const v3 = simulateRateLimited({
      ...base,
      retryAfter: { format: 'seconds', fixedS: 300 },
      policy: policyOf('openai-python'),
    });
    expect(v3.endReasons).toEqual({ success: 100, 'retry-after-too-long': 200 });
    expect(v3.totalRequests).toBe(300);

    const { r: v2, list } = retriesAfter429(policyOf('openai-python-2'), {
      retryAfter: { format: 'seconds', fixedS: 300 },
    });
    expect(list.length).toBeGreaterThan(200);
    for (const { a } of list) {
      expect(a.source).toBe('backoff');
      expect(a.waitMs).toBeLessThanOrEqual(8000);
    }
    expect(v2.endReasons['max-attempts']).toBeGreaterThan(0);
  });

  it('retry-after-ms from the limiter lands the retry in the next window', () => {
    const { list } = retriesAfter429(policyOf('anthropic-ts'), {
      retryAfter: { format: 'milliseconds' },
      latency: { jitter: 0.3 },
      startSpreadMs: 900,
    });
    expect(list.length).toBeGreaterThan(100);
    let belowOneSecond = 0;
    for (const { a, next } of list) {
      expect(a.source).toBe('retry-after');
      expect(a.waitMs).toBe(a.retryAfterMs);
      expect(next!.sendMs).toBeGreaterThanOrEqual((Math.floor(a.sendMs / 1000) + 1) * 1000);
      if (a.waitMs < 1000) belowOneSecond++;
    }
    // Millisecond hints are not rounded up to whole seconds.
    expect(belowOneSecond).toBeGreaterThan(0);
  });
});

describe('accounting, determinism, hooks', () => {
  const cfg: RateLimitedConfig = {
    clients: 2000,
    capacityPerSec: 150,
    policy: policyOf('google-api-core'),
    limiter: { kind: 'token-bucket', burst: 20 },
    outage: { startMs: 2000, endMs: 4000, retryAfterS: 2 },
    startSpreadMs: 1500,
    seed: 11,
  };

  it('every request and every client is accounted for', () => {
    const r = simulateRateLimited(cfg);
    expect(r.accepted + r.throttled + r.unavailable).toBe(r.totalRequests);
    expect(sum(r.series.offered)).toBe(r.totalRequests);
    expect(sum(r.series.accepted)).toBe(r.accepted);
    expect(sum(r.series.throttled)).toBe(r.throttled);
    expect(sum(r.series.unavailable)).toBe(r.unavailable);
    expect(sum(r.series.retries)).toBe(r.totalRequests - 2000);
    expect(r.succeeded + r.gaveUp + r.unfinished).toBe(2000);
    expect(sum(Object.values(r.endReasons))).toBe(2000);
    expect(r.succeeded).toBe(r.accepted); // no client timeouts here
    expect(r.requestsPerClient.mean * 2000).toBeCloseTo(r.totalRequests, 6);
    expect(r.successTimeMs.p50).toBeLessThanOrEqual(r.successTimeMs.p99);
    expect(r.herdCompletionMs).toBeGreaterThanOrEqual(r.lastSuccessMs);
  });

  it('is a pure function of its config and seed (and returns plain data)', () => {
    const a = simulateRateLimited(cfg);
    const b = simulateRateLimited(cfg);
    const c = simulateRateLimited({ ...cfg, seed: 12 });
    expect(b).toEqual(a);
    expect(c.series.offered).not.toEqual(a.series.offered);
    expect(structuredClone(a)).toEqual(a);
  });

  it('reports non-decreasing progress in [0, 1] that ends at 1', () => {
    const seen: number[] = [];
    simulateRateLimited(cfg, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops at the first poll when cancelled', () => {
    const seen: number[] = [];
    const full = simulateRateLimited({ ...cfg, clients: 10_000 });
    const r = simulateRateLimited(
      { ...cfg, clients: 10_000 },
      { isCancelled: () => true, onProgress: (f) => seen.push(f) },
    );
    expect(r.cancelled).toBe(true);
    expect(r.totalRequests).toBe(4096);
    expect(full.totalRequests).toBeGreaterThan(4096);
    expect(r.unfinished).toBeGreaterThan(0);
    expect(r.herdCompletionMs).toBeNaN();
    expect(seen).not.toContain(1);
  });

  it('a horizon leaves calls unfinished', () => {
    const r = simulateRateLimited({
      clients: 1000,
      capacityPerSec: 10,
      policy: policyOf('aws-blog-expo'),
      horizonMs: 5000,
    });
    expect(r.unfinished).toBeGreaterThan(900);
    expect(r.endReasons.unfinished).toBe(r.unfinished);
    expect(r.herdCompletionMs).toBeNaN();
    expect(r.simulatedMs).toBeLessThanOrEqual(5000);
  });

  it('a request limit truncates the run', () => {
    const r = simulateRateLimited({ ...cfg, maxRequests: 2500 });
    expect(r.truncated).toBe(true);
    expect(r.totalRequests).toBe(2500);
  });
});

describe('client-side timeouts', () => {
  it('an attempt timeout shorter than the response: capacity used, no success', () => {
    const policy: RetryPolicy = { ...policyOf('openai-node'), attemptTimeoutMs: 500 };
    const r = simulateRateLimited({
      clients: 200,
      capacityPerSec: 50,
      policy,
      latency: { successMs: 1000, jitter: 0 },
      traceClients: 200,
    });
    expect(r.accepted).toBeGreaterThan(0);
    expect(r.succeeded).toBe(0);
    expect(r.endReasons['max-attempts']).toBe(200);
    const cut = attemptsOf(r.traces).filter(({ a }) => a.status === 0);
    expect(cut).toHaveLength(r.accepted);
    for (const { a } of cut) expect(a.endMs - a.sendMs).toBe(500);
  });
});

describe('rebinSeries', () => {
  const run = simulateRateLimited({
    clients: 500,
    capacityPerSec: 100,
    policy: policyOf('openai-node'),
    bucketMs: 50,
    seed: 3,
  });

  it('states the latencies it assumed', () => {
    expect(run.latency).toEqual(DEFAULT_LATENCY);
  });

  it('merges into round buckets that fit, keeping every count', () => {
    const r = rebinSeries(run.series, { maxBuckets: 20 });
    expect([100, 200, 250, 500, 1000, 2000, 5000]).toContain(r.bucketMs);
    expect(r.offered.length).toBeLessThanOrEqual(20);
    expect(r.offered.length * r.bucketMs).toBeGreaterThanOrEqual(
      run.series.offered.length * run.series.bucketMs,
    );
    expect(sum(r.offered)).toBe(run.totalRequests);
    expect(sum(r.accepted)).toBe(run.accepted);
    expect(sum(r.throttled)).toBe(run.throttled);
    expect(sum(r.retries)).toBe(sum(run.series.retries));
    expect(r.offeredPerSec[0]).toBeCloseTo((r.offered[0]! * 1000) / r.bucketMs);
  });

  it('leaves a series that already fits alone, and honours a minimum width', () => {
    expect(rebinSeries(run.series, { maxBuckets: 10_000 })).toBe(run.series);
    expect(rebinSeries(run.series, { maxBuckets: 10_000, minBucketMs: 500 }).bucketMs).toBe(500);
  });
});
