import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import { U_SUP } from '../retry/random';
import type { RetryPolicy } from '../retry/types';
import { specModel } from './delays';
import { exportPRetry } from './p-retry';
import { runTs } from '../../testing/run-ts';

const policyOf = (id: string) => requirePreset(id).policy;

/** Run the export's withRetry once and return the options it passed to pRetry. */
function optionsOf(policy: RetryPolicy): { options: Record<string, unknown>; signal?: unknown } {
  const rec = runTs(exportPRetry(policy).code);
  const withRetry = rec.exports.withRetry as (fn: (signal?: AbortSignal) => unknown) => {
    fn: () => unknown;
  };
  let signal: unknown;
  const call = withRetry((s) => {
    signal = s;
    return 'ok';
  });
  call.fn(); // p-retry would call it; this records the signal handed to the attempt
  return { options: rec.pRetries[0]?.options ?? {}, signal };
}

/** p-retry 7's delay after failed attempt k (1-based), written from its source. */
function pRetryDelay(o: Record<string, unknown>, k: number, u: number): number {
  const r = o.randomize ? 1 + u : 1;
  const min = Math.max((o.minTimeout as number | undefined) ?? 1000, 1);
  const factor = (o.factor as number | undefined) ?? 2;
  const max = (o.maxTimeout as number | undefined) ?? Number.POSITIVE_INFINITY;
  return Math.min(Math.round(r * min * factor ** (k - 1)), max);
}

describe('exportPRetry: options round-trip', () => {
  it('p-retry defaults: retries 10, factor 2, minTimeout 1000, no randomize; exact', () => {
    const policy = policyOf('p-retry');
    const r = exportPRetry(policy);
    expect(r.fidelity).toBe('exact');
    const { options } = optionsOf(policy);
    expect(options).toMatchObject({ retries: 10, factor: 2, minTimeout: 1000, randomize: false });
    expect(options).not.toHaveProperty('maxTimeout');
  });

  it('wandb-loop: retries 4, 1 s doubling capped at 60 s; exact', () => {
    const policy = policyOf('wandb-loop');
    expect(exportPRetry(policy).fidelity).toBe('exact');
    expect(optionsOf(policy).options).toMatchObject({
      retries: policy.maxAttempts - 1,
      factor: 2,
      minTimeout: 1000,
      maxTimeout: 60_000,
      randomize: false,
    });
  });

  it('async-retry: randomize on; the sorted schedule is reported', () => {
    const r = exportPRetry(policyOf('async-retry'));
    expect(optionsOf(policyOf('async-retry')).options.randomize).toBe(true);
    expect(r.caveats).toEqual([expect.stringMatching(/sorts them ascending/)]);
  });

  it('the exported options give the policy delays under p-retry’s own formula', () => {
    for (const id of ['p-retry', 'wandb-loop', 'exponential-backoff', 'portkey', 'polly-v8']) {
      const policy = policyOf(id);
      const { options } = optionsOf(policy);
      const n = Math.min(policy.maxAttempts - 1, 8);
      for (const u of [0, 0.4, U_SUP]) {
        const want = specModel(policy.backoff, policy.maxAttempts).sample(u, n);
        const got = Array.from({ length: n }, (_, i) => pRetryDelay(options, i + 1, u));
        expect([id, ...got]).toEqual([id, ...want]);
      }
    }
  });

  it('openai-python: p-retry has no (1 − 0.25U) jitter; the nominal delays are used', () => {
    const r = exportPRetry(policyOf('openai-python'));
    expect(r.fidelity).toBe('approximate');
    expect(r.caveats[0]).toMatch(
      /does not randomize.*policy 375–500 ms, 0.75–1 s; exported 500 ms, 1 s/,
    );
  });

  it('tenacity-seed: the 4 s floor cannot be expressed and the first delays fall outside it', () => {
    const r = exportPRetry(policyOf('tenacity-seed'));
    expect(r.fidelity).toBe('unsupported');
    expect(r.caveats[0]).toMatch(/no lower clamp.*min 4000 ms/);
  });
});

describe('exportPRetry: time limits', () => {
  it('clip deadline → maxRetryTime; per-attempt timeout → AbortSignal.timeout per attempt', () => {
    const policy: RetryPolicy = {
      ...policyOf('backoff'),
      deadlines: [{ ms: 30_000, check: 'clip', inclusive: true }],
      attemptTimeoutMs: 5000,
    };
    const r = exportPRetry(policy);
    expect(r.code).toContain('maxRetryTime: 30_000,');
    expect(r.code).toContain('fn(AbortSignal.timeout(5000))');
    const { options, signal } = optionsOf(policy);
    expect(options.maxRetryTime).toBe(30_000);
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(r.caveats.some((c) => /time limit/i.test(c))).toBe(false);
  });

  it('a hard deadline → an abort signal for the whole call', () => {
    const policy: RetryPolicy = {
      ...policyOf('wandb-loop'),
      deadlines: [{ ms: 60_000, check: 'hard' }],
    };
    const { options, signal } = optionsOf(policy);
    expect(options.signal).toBeInstanceOf(AbortSignal);
    expect(signal).toBe(options.signal);
    expect(exportPRetry(policy).fidelity).toBe('exact');
  });

  it('a before-sleep deadline is approximated by maxRetryTime, with a caveat', () => {
    const r = exportPRetry(policyOf('google-api-core'));
    expect(r.code).toContain('maxRetryTime: 120_000,');
    expect(r.caveats.some((c) => /checked before each sleep/.test(c))).toBe(true);
  });
});

describe('exportPRetry: the retry predicate', () => {
  it('shouldRetry delegates to the policy’s statuses', () => {
    const { options } = optionsOf(policyOf('google-js-genai'));
    const shouldRetry = options.shouldRetry as (c: { error: unknown }) => boolean;
    const err = (status: number) => Object.assign(new Error('x'), { status });
    expect([408, 409, 429, 500, 501, 503].map((s) => shouldRetry({ error: err(s) }))).toEqual([
      true,
      false,
      true,
      true,
      false,
      true,
    ]);
  });
});
