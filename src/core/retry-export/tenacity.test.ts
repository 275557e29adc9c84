import { describe, expect, it } from 'vitest';
import { judgeHint } from '../retry/hints';
import { classifyFailure } from '../retry/policy';
import { requirePreset } from '../retry/presets';
import type { Outcome, RetryPolicy } from '../retry/types';
import { exportTenacity, evalWait, type TenacityWait } from './tenacity';
import {
  callArgs,
  numericKwargs,
  pythonParseErrors,
  pythonStructureProblems,
  runPythonWithFakeTenacity,
} from '../../testing/export-code';

const policyOf = (id: string) => requirePreset(id).policy;

/** The waits after attempts 1…n, seconds. */
function waits(w: TenacityWait, n: number, u: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(evalWait(w, i + 1, u) * 1e9) / 1e9);
}

describe('tenacity wait model (vectors from the research notes, tenacity 9.1.4)', () => {
  it('wait_exponential(multiplier=1, min=4, max=10): 4, 4, 4, 8, 10, 10', () => {
    const w: TenacityWait = { kind: 'exponential', multiplier: 1, expBase: 2, min: 4, max: 10 };
    expect(waits(w, 6, 0)).toEqual([4, 4, 4, 8, 10, 10]);
  });

  it('wait_exponential(multiplier=0.5): 0.5, 1, 2, 4, 8', () => {
    const w: TenacityWait = {
      kind: 'exponential',
      multiplier: 0.5,
      expBase: 2,
      min: 0,
      max: Number.POSITIVE_INFINITY,
    };
    expect(waits(w, 5, 0)).toEqual([0.5, 1, 2, 4, 8]);
  });

  it('wait_exponential_jitter(): U=0 → 1, 2, 4, 8; U→1 → 2, 3, 5, 9', () => {
    const w: TenacityWait = {
      kind: 'exponential_jitter',
      initial: 1,
      expBase: 2,
      jitter: 1,
      max: Number.POSITIVE_INFINITY,
    };
    expect(waits(w, 4, 0)).toEqual([1, 2, 4, 8]);
    expect(waits(w, 4, 1)).toEqual([2, 3, 5, 9]);
  });

  it('wait_chain repeats its last wait', () => {
    const w: TenacityWait = {
      kind: 'chain',
      waits: [
        { kind: 'fixed', wait: 1 },
        { kind: 'fixed', wait: 3 },
      ],
    };
    expect(waits(w, 4, 0)).toEqual([1, 3, 3, 3]);
  });
});

describe('exportTenacity: values round-trip', () => {
  it('tenacity-seed: wait_exponential(multiplier=1, min=4, max=60), stop_after_attempt(7), exact', () => {
    const policy = policyOf('tenacity-seed');
    const r = exportTenacity(policy);
    expect(r.fidelity).toBe('exact');
    expect(r.caveats).toEqual([]);
    const [wait] = callArgs(r.code, 'wait_exponential');
    const kw = numericKwargs(wait ?? '');
    const b = policy.backoff;
    expect(b.strategy.kind).toBe('exponential');
    if (b.strategy.kind !== 'exponential') return;
    expect(kw.multiplier! * 1000).toBe(b.strategy.initialMs);
    expect(kw.min! * 1000).toBe(b.minDelayMs);
    expect(kw.max! * 1000).toBe(b.maxDelayMs);
    expect(kw.exp_base).toBeUndefined(); // the default, 2 = the policy's factor
    expect(b.strategy.factor).toBe(2);
    expect(callArgs(r.code, 'stop_after_attempt')).toEqual([String(policy.maxAttempts)]);
    // ≥ 500 only; no connection errors or timeouts.
    expect(r.code).toContain('RETRY_STATUSES = ((500, 999),)');
    expect(r.code).toMatch(/if status is None:\n\s+return False/);
  });

  it('wandb-loop: 1, 2, 4, 8 s on 500/503 only, 5 tries', () => {
    const r = exportTenacity(policyOf('wandb-loop'));
    expect(r.fidelity).toBe('exact');
    const kw = numericKwargs(callArgs(r.code, 'wait_exponential')[0] ?? '');
    expect(kw).toEqual({ multiplier: 1, max: 60 });
    expect(r.code).toContain('stop=stop_after_attempt(5)');
    expect(r.code).toContain('RETRY_STATUSES = ((500, 500), (503, 503))');
  });

  it('openai-python: the (1 − 0.25U) jitter becomes a fixed 3/4 plus a random 1/4', () => {
    const policy = policyOf('openai-python');
    const r = exportTenacity(policy);
    const fixed = numericKwargs(callArgs(r.code, 'wait_exponential')[0] ?? '');
    const random = numericKwargs(callArgs(r.code, 'wait_random_exponential')[0] ?? '');
    // 0.5 s = 0.375 + 0.125; cap 8 s = 6 + 2.
    expect(fixed.multiplier! + random.multiplier!).toBeCloseTo(0.5, 12);
    expect(fixed.multiplier! / (fixed.multiplier! + random.multiplier!)).toBeCloseTo(0.75, 12);
    expect(fixed.max! + random.max!).toBeCloseTo(8, 12);
    expect(r.code).toContain('stop=stop_after_attempt(3)');
    // Retry-After: 0 < RA ≤ 120 s, longer ones stop retrying.
    expect(r.code).toContain('HINT_MIN_MS, HINT_MIN_INCLUSIVE = 0, False');
    expect(r.code).toContain('HINT_MAX_MS, HINT_MAX_INCLUSIVE = 120000, True');
    expect(r.code).toContain('return _hint_fallback("give-up", HINT_MAX_MS)');
    expect(r.code).toContain('should_retry = _header(exc, "x-should-retry")');
    // The only thing tenacity cannot do: the 600 s per-attempt timeout.
    expect(r.fidelity).toBe('approximate');
    expect(r.caveats).toHaveLength(1);
    expect(r.caveats[0]).toMatch(/per-attempt timeout.*600 s/i);
  });

  it('anthropic-python: Retry-After up to 60 s, a longer one falls back to the backoff', () => {
    const r = exportTenacity(policyOf('anthropic-python'));
    expect(r.code).toContain('HINT_MAX_MS, HINT_MAX_INCLUSIVE = 60000, True');
    expect(r.code).toContain('return _hint_fallback("backoff", HINT_MAX_MS)');
    expect(r.code).not.toContain('_hint_fallback("give-up"');
    expect(r.code).not.toContain('== "give-up"'); // so the predicate never refuses on a hint
  });

  it('AWS full jitter: wait_random_exponential(multiplier=0.01, max=2), stop_never', () => {
    const r = exportTenacity(policyOf('aws-blog-full-jitter'));
    expect(r.fidelity).toBe('exact');
    expect(numericKwargs(callArgs(r.code, 'wait_random_exponential')[0] ?? '')).toEqual({
      multiplier: 0.01,
      max: 2,
    });
    expect(r.code).toContain('stop=stop_never');
  });

  it('AWS SDK v3: the throttling override gets its own wait', () => {
    const r = exportTenacity(policyOf('aws-sdk-js-v3'));
    // @smithy/core ≥ 3.40: base 50 ms, 1000 ms for throttling.
    expect(r.code).toContain('BACKOFF = wait_random_exponential(multiplier=0.05, max=20)');
    expect(r.code).toContain('BACKOFF_THROTTLING = wait_random_exponential(multiplier=1, max=20)');
    expect(r.code).toContain('_matches(status, ((429, 429),))');
    // tenacity cannot floor delays, nor share a retry quota.
    expect(r.caveats.some((c) => /round/.test(c) && /at most 1 ms/.test(c))).toBe(true);
    expect(r.caveats.some((c) => /AWS retry quota/.test(c))).toBe(true);
  });

  it('mistral-ts: a power backoff becomes a wait_chain that settles at the 60 s cap', () => {
    const r = exportTenacity(policyOf('mistral-ts'));
    const chain = callArgs(r.code, 'wait_chain')[0] ?? '';
    const entries = chain.split('\n').filter((l) => l.trim().startsWith('wait_'));
    expect(entries[0]?.trim()).toBe('wait_random(min=0, max=1),'); // 500·0^1.5 + U·1 s
    expect(entries[1]?.trim()).toBe('wait_random(min=0.5, max=1.5),');
    expect(entries.at(-1)?.trim()).toBe('wait_fixed(60),');
    expect(r.code).toContain('stop=(stop_after_delay(3600) | stop_after_delay(300))');
    // The hard 300 s abort signal and JS date parsing cannot be reproduced.
    expect(r.caveats.some((c) => /abort signal/.test(c))).toBe(true);
    expect(r.caveats.some((c) => /Date\.parse/.test(c))).toBe(true);
    expect(r.caveats.some((c) => /Delays/.test(c))).toBe(false);
  });

  it('google-js-genai: sorted schedule and rounding are reported', () => {
    const r = exportTenacity(policyOf('google-js-genai'));
    expect(r.caveats.some((c) => /sorts them ascending/.test(c))).toBe(true);
    expect(r.caveats.some((c) => /only by rounding/.test(c))).toBe(true);
  });

  it('a custom policy: linear backoff with equal jitter, a floor, a before-sleep deadline', () => {
    const custom: RetryPolicy = {
      maxAttempts: 6,
      backoff: {
        strategy: { kind: 'linear', initialMs: 1000, incrementMs: 2000 },
        jitter: { kind: 'equal' },
        maxDelayMs: 10_000,
        minDelayMs: 500,
      },
      retryOn: { statuses: [429, { from: 500, to: 599 }], connectionErrors: true, timeouts: false },
      deadlines: [{ ms: 45_000, check: 'before-sleep' }],
    };
    const r = exportTenacity(custom);
    // Finite retries: a wait_chain reproduces the floor-then-jitter exactly per retry.
    expect(callArgs(r.code, 'wait_chain')).toHaveLength(1);
    expect(r.code).toContain('wait_random(min=0.5, max=1)'); // retry 1: d = 1 s → [0.5, 1]
    expect(r.code).toContain('stop=(stop_after_attempt(6) | stop_before_delay(45))');
    expect(r.code).toContain('RETRY_STATUSES = ((429, 429), (500, 599))');
    expect(r.code).toContain('return _is_connection_error(exc)');
    // The only difference: tenacity's stop_before_delay also stops when the limit is reached exactly.
    expect(r.caveats).toHaveLength(1);
    expect(r.caveats[0]).toMatch(/reaching it counts/);
  });

  it('reports every setting tenacity has no knob for', () => {
    const base = policyOf('wandb-loop');
    const extended: RetryPolicy = {
      ...base,
      attemptTimeoutMs: 30_000,
      sleepAfterFinalFailure: true,
      delayFrom: 'attempt-start',
      quota: { kind: 'grpc-throttle', maxTokens: 10, tokenRatio: 0.1 },
    };
    const r = exportTenacity(extended);
    expect(r.fidelity).toBe('approximate');
    const text = r.caveats.join('\n');
    expect(text).toMatch(/Per-attempt timeout: the policy 30 s/);
    expect(text).toMatch(/sleeps once more after the final failed attempt/);
    expect(text).toMatch(/from the start of the failed attempt/);
    expect(text).toMatch(/gRPC retry throttling/);
    expect(r.caveats).toHaveLength(4);
  });
});

describe('exportTenacity: Python validity', () => {
  const ids = ['openai-python', 'mistral-ts', 'aws-sdk-js-v3', 'wandb-advice', 'grpc-a6-example'];

  it.each(ids)('%s: brackets, indentation and block headers are sound', (id) => {
    expect(pythonStructureProblems(exportTenacity(policyOf(id)).code)).toEqual([]);
  });

  it('the structure check notices broken code', () => {
    expect(pythonStructureProblems('def f(:\n    return (1, 2\n')).not.toEqual([]);
    expect(pythonStructureProblems('if x\n    y = 1\n')).not.toEqual([]);
    expect(pythonStructureProblems('def f():\nreturn 1\n')).not.toEqual([]);
  });

  it('python3 parses every export', () => {
    const sources = Object.fromEntries(ids.map((id) => [id, exportTenacity(policyOf(id)).code]));
    const errors = pythonParseErrors(sources);
    expect(Object.values(errors)).toEqual(ids.map(() => null));
  });
});

// ---------------------------------------------------------------------------------------------
// The generated Python, run against the engine on the same inputs

interface Case {
  readonly status: number;
  readonly headers: Record<string, string>;
}

const HINT_CASES: Case[] = [
  ...['1', '60', '61', '121', '0', '-1', '1.5', '2.5', ' 5 ', 'abc', '1e3', '0x10', 'inf'].map(
    (v) => ({ status: 429, headers: { 'retry-after': v } }),
  ),
  { status: 503, headers: { 'retry-after': '7' } },
  { status: 429, headers: { 'retry-after-ms': '0', 'retry-after': '5' } },
  { status: 429, headers: { 'retry-after-ms': '250' } },
  { status: 429, headers: { 'retry-after-ms': 'x', 'retry-after': '3' } },
  { status: 429, headers: { 'x-ms-retry-after-ms': '700', 'retry-after': '9' } },
  { status: 503, headers: { 'grpc-retry-pushback-ms': '-5' } },
  { status: 503, headers: { 'grpc-retry-pushback-ms': '100' } },
  { status: 503, headers: { 'grpc-retry-pushback-ms': '1.5' } },
  { status: 400, headers: { 'x-should-retry': 'true' } },
  { status: 503, headers: { 'x-should-retry': 'false' } },
  { status: 404, headers: {} },
  { status: 409, headers: {} },
  { status: 529, headers: {} },
];

function engineVerdicts(policy: RetryPolicy): [string, number, boolean][] {
  return HINT_CASES.map((c) => {
    const outcome: Outcome = { kind: 'response', status: c.status, headers: c.headers };
    const v = judgeHint(outcome, policy.retryAfter, undefined);
    const kind = v.kind === 'ignored' ? 'backoff' : v.kind;
    const ms = v.kind === 'honour' ? v.ms : 0;
    const retryable = v.kind !== 'give-up' && classifyFailure(policy, outcome).retryable;
    return [kind, ms, retryable];
  });
}

const PROBE = `
import json
class _Resp:
    def __init__(self, status, headers):
        self.status_code = status
        self.headers = headers
class _Err(Exception):
    def __init__(self, status, headers):
        self.status_code = status
        self.response = _Resp(status, headers)
out = []
for case in json.loads(CASES):
    exc = _Err(case["status"], case["headers"])
    verdict = _hint_verdict(exc, case["status"]) if "_hint_verdict" in globals() else ("none", 0.0)
    out.append([verdict[0], verdict[1], _is_retryable(exc)])
print(json.dumps(out))
`;

describe('the generated Python agrees with the engine', () => {
  const ids = [
    'openai-python',
    'openai-python-2',
    'anthropic-ts',
    'openai-node-6',
    'portkey-retry-after',
    'mistral-ts',
    'litellm-router',
    'grpc-a6-example',
    'aws-sdk-js-v3',
    'wandb-loop',
  ];
  it.each(ids)('%s: Retry-After verdicts and retryability', (id) => {
    const policy = policyOf(id);
    const code = exportTenacity(policy).code;
    const probe = `CASES = ${JSON.stringify(JSON.stringify(HINT_CASES))}\n${PROBE}`;
    const got = JSON.parse(runPythonWithFakeTenacity(code, probe)) as [string, number, boolean][];
    const want = engineVerdicts(policy);
    got.forEach((g, i) => {
      const w = want[i];
      const label = JSON.stringify(HINT_CASES[i]);
      expect([label, g[0], g[2]]).toEqual([label, w?.[0], w?.[2]]);
      expect(g[1]).toBeCloseTo(w?.[1] ?? Number.NaN, 6);
    });
  });
});
