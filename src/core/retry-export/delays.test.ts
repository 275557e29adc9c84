import { describe, expect, it } from 'vitest';
import { requirePreset } from '../retry/presets';
import { U_SUP } from '../retry/random';
import type { BackoffSpec, RetryPolicy } from '../retry/types';
import { compareDelays, formulaModel, specModel } from './delays';
import { diffPolicy, describeHintRange } from './diff';
import { describeStatuses, formatJson, formatRange, statusSet, tsNum } from './format';
import { canonical, standInRetries } from './shared';

const stainless = requirePreset('openai-python').policy.backoff;

describe('delay models', () => {
  it('the engine model reproduces the Stainless vectors (U = 0 and U → 1)', () => {
    const m = specModel(stainless, 7);
    expect(m.sample(0, 6)).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(m.sample(U_SUP, 5).map((v) => Math.round(v))).toEqual([375, 750, 1500, 3000, 6000]);
    expect(m.range(2)).toEqual([1500, 2000]);
  });

  it('a jitter running the other way compares equal (×(1 − 0.25U) vs 0.75 + 0.25U)', () => {
    const mirrored = formulaModel((i, u) => Math.min(500 * 2 ** i, 8000) * (0.75 + 0.25 * u));
    const c = compareDelays(specModel(stainless, 7), mirrored, 6);
    expect(c).toEqual({ equal: true, overlap: true, maxDiffMs: 0 });
  });

  it('rounding shows as a sub-millisecond difference', () => {
    const rounded: BackoffSpec = { ...stainless, rounding: 'round' };
    const c = compareDelays(specModel(stainless, 7), specModel(rounded, 7), 6);
    expect(c.equal).toBe(false);
    expect(c.overlap).toBe(true);
    expect(c.maxDiffMs).toBeGreaterThan(0);
    expect(c.maxDiffMs).toBeLessThanOrEqual(0.5);
  });

  it('disjoint ranges are reported as not overlapping', () => {
    const slow = formulaModel((i) => 4000 * 2 ** i);
    const c = compareDelays(specModel(stainless, 4), slow, 3);
    expect(c.overlap).toBe(false);
    expect(c.maxDiffMs).toBeCloseTo(16_000 - 1500, 6); // retry 3: 16 s vs 1.5 s (U → 1)
  });

  it('a sorted schedule is flagged on the model', () => {
    expect(specModel(requirePreset('async-retry').policy.backoff, 11).sorted).toBe(true);
    expect(specModel(requirePreset('p-retry').policy.backoff, 11).sorted).toBe(false);
  });
});

describe('policy diff', () => {
  const base: RetryPolicy = requirePreset('wandb-loop').policy;

  it('an identical effective policy gives no caveats', () => {
    expect(diffPolicy(base, { policy: base })).toEqual([]);
  });

  it('status lists are compared as sets over 100–599 (ranges past 599 are moot)', () => {
    const p: RetryPolicy = {
      ...base,
      retryOn: { ...base.retryOn, statuses: [{ from: 500, to: 999 }] },
    };
    const e: RetryPolicy = {
      ...base,
      retryOn: { ...base.retryOn, statuses: [{ from: 500, to: 599 }, 429] },
    };
    const caveats = diffPolicy(p, { policy: e, why: { statuses: 'Fixed list.' } });
    expect(caveats).toEqual([
      { severity: 'minor', text: 'Fixed list. Statuses retried by the export only: 429.' },
    ]);
  });

  it('a lost attempt limit is major; a changed one is minor', () => {
    const unlimited: RetryPolicy = { ...base, maxAttempts: Number.POSITIVE_INFINITY };
    expect(diffPolicy(unlimited, { policy: base, why: { backoff: 'x' } })[0]).toMatchObject({
      severity: 'major',
    });
    const more: RetryPolicy = { ...base, maxAttempts: 9 };
    expect(diffPolicy(more, { policy: { ...base, maxAttempts: 9 } })).toEqual([]);
    expect(diffPolicy(more, { policy: base })[0]).toEqual({
      severity: 'minor',
      text: 'The policy makes up to 9 attempts; the export allows 4 retries (5 attempts).',
    });
  });

  it('delays that overlap are minor, disjoint ones major', () => {
    const jittered: RetryPolicy = {
      ...base,
      backoff: { ...base.backoff, jitter: { kind: 'full' } },
    };
    expect(diffPolicy(jittered, { policy: base })[0]?.severity).toBe('minor');
    const slower: RetryPolicy = {
      ...base,
      backoff: { ...base.backoff, strategy: { kind: 'exponential', initialMs: 5000, factor: 2 } },
    };
    const [c] = diffPolicy(slower, { policy: base });
    expect(c?.severity).toBe('major');
    expect(c?.text).toMatch(/policy 5 s, 10 s, 20 s, 40 s; exported 1 s, 2 s, 4 s, 8 s/);
  });

  it('Retry-After rules are compared clause by clause', () => {
    const py = requirePreset('openai-python').policy;
    const py2 = requirePreset('openai-python-2').policy;
    const [c] = diffPolicy(py, { policy: py2 });
    expect(c?.text).toBe(
      'Server hints (Retry-After) differ: honoured: policy 0 < RA ≤ 120 s, export 0 < RA ≤ 60 s; above the range: policy no retry, export own backoff.',
    );
    expect(describeHintRange(requirePreset('anthropic-ts').policy.retryAfter!)).toBe('0 ≤ RA');
  });
});

describe('formatting helpers', () => {
  it('statuses', () => {
    expect(describeStatuses(statusSet([408, 409, 429, { from: 500, to: 999 }]))).toBe(
      '408–409, 429, 500–599',
    );
    expect(statusSet('any').has(204)).toBe(false);
    expect(statusSet('any').has(404)).toBe(true);
  });

  it('numbers and ranges', () => {
    expect(tsNum(600000)).toBe('600_000');
    expect(tsNum(0.1 + 0.2)).toBe('0.3');
    expect(formatRange(375, 500)).toBe('375–500 ms');
    expect(formatRange(750, 1000)).toBe('0.75–1 s');
    expect(formatRange(4000, 4000)).toBe('4 s');
  });

  it('JSON with packed number arrays stays valid JSON', () => {
    const value = {
      retry: { attempts: 3, on_status_codes: Array.from({ length: 60 }, (_, i) => 500 + i) },
    };
    const text = formatJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('canonical JSON ignores key order', () => {
    expect(canonical({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(canonical({ b: [{ x: 1, y: 2 }], a: 1 }));
    expect(canonical({ a: Number.POSITIVE_INFINITY })).not.toBe(canonical({ a: null }));
  });

  it('stand-in retries fit the target’s longest delays into the shortest deadline', () => {
    const policy: RetryPolicy = { ...requirePreset('google-api-core').policy };
    const portkey = formulaModel((i) => 1000 * 2 ** i); // 1, 2, 4, 8, 16, 32, 64 s
    expect(standInRetries(policy, portkey)).toBe(6); // 63 s ≤ 120 s < 127 s
    expect(standInRetries({ ...policy, deadlines: [] }, portkey)).toBe(10);
  });
});
