import { describe, expect, it } from 'vitest';
import { requirePreset } from './presets';
import { constantRng } from './random';
import {
  histogram,
  monteCarlo,
  percentile,
  runRng,
  SimulationCancelled,
  simulate,
  successVsOutage,
  summarize,
  type ScriptStep,
} from './simulate';
import type { RetryPolicy } from './types';

const policyOf = (id: string): RetryPolicy => requirePreset(id).policy;

/** The brief's scenario: 503, 503, 429 + Retry-After: 7, 200 (100 ms per request). */
const SCRIPT: ScriptStep[] = [
  { kind: 'response', status: 503, durationMs: 100 },
  { kind: 'response', status: 503, durationMs: 100 },
  { kind: 'response', status: 429, headers: { 'retry-after': '7' }, durationMs: 100 },
  { kind: 'response', status: 200, durationMs: 100 },
];

describe('simulate: 503, 503, 429 + Retry-After 7, 200', () => {
  it('openai-node (maxRetries 2) gives up on the 429: the 4th request never happens', () => {
    const r = simulate(policyOf('openai-node'), SCRIPT, { rng: constantRng(0) });
    expect(r.success).toBe(false);
    expect(r.stopReason).toBe('max-attempts');
    expect(r.requests).toBe(3);
    expect(r.entries.map((e) => [e.startMs, e.endMs, e.waitMs])).toEqual([
      [0, 100, 500],
      [600, 700, 1000],
      [1700, 1800, 0],
    ]);
    expect(r.finalOutcome).toMatchObject({ status: 429 });
  });

  it('openai-node with maxRetries 3 honours the 7 s and succeeds on request 4', () => {
    const p = { ...policyOf('openai-node'), maxAttempts: 4 };
    const r = simulate(p, SCRIPT, { rng: constantRng(0.5) });
    expect(r.success).toBe(true);
    expect(r.stopReason).toBe('success');
    expect(r.entries.map((e) => [e.request, e.startMs, e.endMs, e.waitMs])).toEqual([
      [1, 0, 100, 437.5],
      [2, 537.5, 637.5, 875],
      [3, 1512.5, 1612.5, 7000],
      [4, 8612.5, 8712.5, 0],
    ]);
    expect(r.entries.map((e) => e.decision?.action)).toEqual(['retry', 'retry', 'retry', 'stop']);
    expect(r.entries[2]?.decision).toMatchObject({ source: 'retry-after', hintMs: 7000 });
    expect(r.totalWaitMs).toBe(8312.5);
    expect(r.elapsedMs).toBe(8712.5);
  });

  it('openai-python 3.3.1 and anthropic-python agree here (RA 7 s is within both bounds)', () => {
    for (const id of ['openai-python', 'anthropic-python', 'anthropic-ts', 'litellm-router']) {
      const r = simulate({ ...policyOf(id), maxAttempts: 4 }, SCRIPT, { rng: constantRng(0) });
      expect(r.success).toBe(true);
      expect(r.entries[2]?.waitMs).toBe(7000);
    }
  });

  it('Portkey with use_retry_after_header: 1 s, 2 s, then 7 s, success', () => {
    const r = simulate(policyOf('portkey-retry-after'), SCRIPT);
    expect(r.entries.map((e) => e.waitMs)).toEqual([1000, 2000, 7000, 0]);
    const plain = simulate(policyOf('portkey'), SCRIPT);
    expect(plain.entries.map((e) => e.waitMs)).toEqual([1000, 2000, 4000, 0]);
  });

  it('Google js-genai ignores Retry-After: 1, 2, 4 s at U = 0', () => {
    const r = simulate(policyOf('google-js-genai'), SCRIPT, { rng: constantRng(0) });
    expect(r.entries.map((e) => e.waitMs)).toEqual([1000, 2000, 4000, 0]);
    expect(r.success).toBe(true);
  });

  it('the W&B loop does not retry 429: it stops on request 3', () => {
    const r = simulate(policyOf('wandb-loop'), SCRIPT);
    expect(r.stopReason).toBe('not-retryable');
    expect(r.requests).toBe(3);
    expect(r.totalWaitMs).toBe(3000);
  });

  it('is reproducible from a seed', () => {
    const a = simulate(policyOf('openai-node'), SCRIPT, { seed: 42 });
    const b = simulate(policyOf('openai-node'), SCRIPT, { seed: 42 });
    const c = simulate(policyOf('openai-node'), SCRIPT, { seed: 43 });
    expect(a.entries.map((e) => e.waitMs)).toEqual(b.entries.map((e) => e.waitMs));
    expect(a.entries.map((e) => e.waitMs)).not.toEqual(c.entries.map((e) => e.waitMs));
  });
});

describe('simulate: timeouts, deadlines, limits, nesting', () => {
  it('a slow response is cut by the per-attempt timeout and retried', () => {
    const p = policyOf('groq-ts'); // 60 s per attempt
    const r = simulate(
      p,
      [
        { kind: 'response', status: 200, durationMs: 90_000 },
        { kind: 'response', status: 200, durationMs: 1000 },
      ],
      { rng: constantRng(0) },
    );
    expect(r.entries[0]).toMatchObject({
      endMs: 60_000,
      cutBy: 'attempt-timeout',
      outcome: { kind: 'timeout' },
    });
    expect(r.entries[1]).toMatchObject({ startMs: 60_500, endMs: 61_500 });
    expect(r.success).toBe(true);
  });

  it('a hanging request lasts the attempt timeout (or hangMs without one)', () => {
    const r = simulate(policyOf('openai-node'), [{ kind: 'timeout' }], { rng: constantRng(0) });
    expect(r.requests).toBe(3);
    expect(r.elapsedMs).toBe(3 * 600_000 + 1500);
    const none = simulate(
      policyOf('p-retry'),
      [{ kind: 'timeout' }, { kind: 'response', status: 200 }],
      {
        hangMs: 30_000,
      },
    );
    expect(none.entries[0]?.endMs).toBe(30_000);
  });

  it('Mistral TS: the shared 300 s abort signal ends a storm of 503s', () => {
    const r = simulate(policyOf('mistral-ts'), [{ kind: 'response', status: 503 }], {
      rng: constantRng(0),
    });
    expect(r.stopReason).toBe('deadline');
    expect(r.entries.every((e) => e.startMs < 300_000)).toBe(true);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(300_000);
  });

  it('Mistral TS: a request in flight at 300 s is aborted', () => {
    const r = simulate(policyOf('mistral-ts-default'), [{ kind: 'timeout' }], { hangMs: 900_000 });
    expect(r.entries[0]).toMatchObject({ endMs: 300_000, cutBy: 'deadline' });
    expect(r.stopReason).toBe('deadline');
  });

  it('gRPC connection backoff measures delays from attempt start', () => {
    const r = simulate(
      policyOf('grpc-connection-backoff'),
      [{ kind: 'connection-error', durationMs: 400 }],
      {
        rng: constantRng(0.5),
        maxRequests: 3,
      },
    );
    // start-to-start: 1000, then 1600 (U = 0.5 → ×1.0)
    expect(r.entries.map((e) => e.startMs)).toEqual([0, 1000, 2600]);
    expect(r.stopReason).toBe('simulation-limit');
  });

  it('tenacity wrapping openai-python: 7 outer attempts × 3 inner requests', () => {
    const r = simulate(policyOf('tenacity-seed'), [{ kind: 'response', status: 500 }], {
      inner: policyOf('openai-python-2'),
      rng: constantRng(0),
    });
    expect(r.requests).toBe(21);
    expect(r.attempts).toBe(7);
    expect(r.stopReason).toBe('max-attempts');
    // inner waits 0.5 + 1 s per outer attempt, outer waits 4+4+4+8+16+32 s
    expect(r.totalWaitMs).toBe(7 * 1500 + 68_000);
    expect(r.entries[2]).toMatchObject({ outerAttempt: 1, attempt: 3 });
    expect(r.entries[2]?.decision).toMatchObject({ action: 'give-up', reason: 'max-attempts' });
    expect(r.entries[2]?.outerDecision).toMatchObject({ action: 'retry', delayMs: 4000 });
  });

  it('tenacity wrapping openai-python on the brief script: the inner 429 is not ≥ 500, so the outer loop stops', () => {
    const r = simulate(policyOf('tenacity-seed'), SCRIPT, {
      inner: policyOf('openai-python-2'),
      rng: constantRng(0),
    });
    expect(r.requests).toBe(3);
    expect(r.stopReason).toBe('not-retryable');
  });

  it('carries an AWS quota across calls', () => {
    const p = policyOf('aws-sdk-js-v3');
    const storm: ScriptStep[] = [{ kind: 'response', status: 503 }];
    let state = simulate(p, storm).state;
    expect(state.quota?.tokens).toBe(472); // two retries at 14 (@smithy/core ≥ 3.40)
    for (let i = 0; i < 30; i++) state = simulate(p, storm, { state }).state;
    // 35 retries at 14 leave 10, less than one retry costs.
    expect(state.quota?.tokens).toBe(10);
    const starved = simulate(p, storm, { state });
    expect(starved.stopReason).toBe('quota');
    expect(starved.requests).toBe(1);
  });
});

describe('Monte Carlo', () => {
  it('full jitter on a constant 1000 ms, one retry: total wait ~ U(0, 1000)', () => {
    const p: RetryPolicy = {
      maxAttempts: 2,
      backoff: { strategy: { kind: 'constant', delayMs: 1000 }, jitter: { kind: 'full' } },
      retryOn: { statuses: 'any', connectionErrors: true, timeouts: true },
    };
    const mc = monteCarlo(
      p,
      { kind: 'outage', durationMs: Number.POSITIVE_INFINITY },
      { runs: 10_000, bins: 10, seed: 3 },
    );
    expect(mc.runs).toBe(10_000);
    expect(mc.successRate).toBe(0);
    expect(mc.requestCounts).toEqual({ 2: 10_000 });
    expect(mc.stopReasons).toEqual({ 'max-attempts': 10_000 });
    const w = mc.totalWaitMs;
    expect(w.mean).toBeGreaterThan(490);
    expect(w.mean).toBeLessThan(510);
    expect(w.p50).toBeGreaterThan(485);
    expect(w.p50).toBeLessThan(515);
    expect(w.p95).toBeGreaterThan(940);
    expect(w.p95).toBeLessThan(960);
    expect(w.p99).toBeGreaterThan(985);
    expect(w.p99).toBeLessThan(995);
    expect(w.min).toBeGreaterThanOrEqual(0);
    expect(w.max).toBeLessThan(1000);
    const h = mc.totalWaitHistogram;
    expect(h.counts).toHaveLength(10);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    for (const c of h.counts) {
      expect(c).toBeGreaterThan(850);
      expect(c).toBeLessThan(1150);
    }
  });

  it('openai-node in a storm: total wait in (1125, 1500], mean 1312.5', () => {
    const mc = monteCarlo(
      policyOf('openai-node'),
      { kind: 'outage', durationMs: 1e12 },
      { runs: 10_000 },
    );
    expect(mc.totalWaitMs.min).toBeGreaterThan(1125);
    expect(mc.totalWaitMs.max).toBeLessThanOrEqual(1500);
    expect(mc.totalWaitMs.mean).toBeCloseTo(1312.5, -1);
    expect(mc.requests).toMatchObject({ min: 3, max: 3, p50: 3 });
  });

  it('runs are replayable with runRng and results are deterministic per seed', () => {
    const p = policyOf('google-api-core');
    const sc = { kind: 'outage', durationMs: 30_000 } as const;
    const a = monteCarlo(p, sc, { runs: 200, seed: 9 });
    const b = monteCarlo(p, sc, { runs: 200, seed: 9 });
    expect(a).toEqual(b);
    const one = simulate(p, sc, { rng: runRng(9, 0) });
    const solo = monteCarlo(p, sc, { runs: 1, seed: 9 });
    expect(solo.totalWaitMs.p50).toBe(one.totalWaitMs);
  });

  it('reports progress and can be cancelled, with the same numbers as without hooks', () => {
    const p = policyOf('openai-node');
    const sc = { kind: 'bernoulli', failureProbability: 0.5 } as const;
    const progress: number[] = [];
    const hooked = monteCarlo(
      p,
      sc,
      { runs: 1200, seed: 9 },
      { onProgress: (f) => progress.push(f) },
    );
    expect(hooked).toEqual(monteCarlo(p, sc, { runs: 1200, seed: 9 }));
    expect(progress).toEqual([0, 500 / 1200, 1000 / 1200, 1]);

    let polls = 0;
    const seen: number[] = [];
    expect(() =>
      monteCarlo(
        p,
        sc,
        { runs: 5000, seed: 1 },
        { isCancelled: () => ++polls === 3, onProgress: (f) => seen.push(f) },
      ),
    ).toThrow(SimulationCancelled);
    // Stopped at the third check: 1000 of 5000 runs done, no completion reported.
    expect(seen).toEqual([0, 0.1]);
  });

  it('bernoulli failures: success rate of 3 attempts at p = 0.5 is 1 − 0.5³', () => {
    const mc = monteCarlo(
      policyOf('openai-node'),
      { kind: 'bernoulli', failureProbability: 0.5 },
      { runs: 20_000 },
    );
    expect(mc.successRate).toBeGreaterThan(0.865);
    expect(mc.successRate).toBeLessThan(0.885);
    expect((mc.requestCounts[1] ?? 0) / 20_000).toBeCloseTo(0.5, 1);
  });

  it('percentile, summarize and histogram helpers', () => {
    const v = Float64Array.from([5, 1, 4, 2, 3]);
    expect(summarize(v)).toEqual({ mean: 3, min: 1, max: 5, p50: 3, p95: 5, p99: 5 });
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.75)).toBe(3);
    expect(histogram(Float64Array.from([0, 1, 2, 3, 4]), 2)).toEqual({
      edges: [0, 2, 4],
      counts: [2, 3],
    });
    expect(histogram(Float64Array.from([7, 7]), 5)).toEqual({ edges: [7, 7], counts: [2] });
  });
});

describe('probability of success vs outage length', () => {
  it('bash loop (deterministic): attempts start at 0, 5, 15, 35, 75 s', () => {
    const pts = successVsOutage(policyOf('bash-loop'), [0, 5000, 5001, 75_000, 75_001], {
      runs: 20,
      failure: { kind: 'response', status: 500 },
    });
    expect(pts.map((p) => p.successRate)).toEqual([1, 1, 1, 1, 0]);
    expect(pts.map((p) => p.requests.p50)).toEqual([1, 2, 3, 5, 5]);
  });

  it('openai-node: certain below 1.125 s, impossible above 1.5 s, in between a falling curve', () => {
    const T = [1000, 1125, 1250, 1375, 1500, 1501];
    const pts = successVsOutage(policyOf('openai-node'), T, { runs: 4000 });
    const rates = pts.map((p) => p.successRate);
    expect(rates[0]).toBe(1);
    expect(rates[1]).toBe(1);
    expect(rates[5]).toBe(0);
    expect(rates[2]).toBeGreaterThan(rates[3] ?? 1);
    expect(rates[3]).toBeGreaterThan(rates[4] ?? 1);
    expect(rates[2]).toBeLessThan(1);
  });

  it('the bash loop never succeeds if the storm is a 503 (it retries only 500)', () => {
    const [pt] = successVsOutage(policyOf('bash-loop'), [1], { runs: 5 });
    expect(pt?.successRate).toBe(0);
  });
});
