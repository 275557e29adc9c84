import { describe, expect, it } from 'vitest';
import { PRESETS, requirePreset } from './presets';
import type { RetryPolicy } from './types';
import {
  CUSTOM_POLICY,
  DEFAULT_PRESET_ID,
  draftOf,
  formatRetryOn,
  paramFields,
  parseRetryOn,
  policyParamKeys,
  policyParamTable,
  policyToParams,
  resolvePolicy,
} from './policy-params';

describe('resolvePolicy', () => {
  it('defaults to the OpenAI Node SDK, unedited', () => {
    const r = resolvePolicy({});
    expect(r.presetId).toBe(DEFAULT_PRESET_ID);
    expect(r.policy).toEqual(requirePreset(DEFAULT_PRESET_ID).policy);
    expect(r.edited.size).toBe(0);
    expect(r.problems).toEqual([]);
  });

  it('applies overrides in seconds and reports which were applied', () => {
    const r = resolvePolicy({
      preset: 'openai-python',
      base: '1',
      factor: '3',
      cap: 'none',
      jitter: 'full',
      retries: '4',
      deadline: '120',
      deadlinecheck: 'before-sleep',
      timeout: '30',
      retryon: '429,5xx,conn',
      ramax: '10',
      raabove: 'give-up',
    });
    expect(r.problems).toEqual([]);
    expect(r.policy.backoff.strategy).toEqual({ kind: 'exponential', initialMs: 1000, factor: 3 });
    expect(r.policy.backoff.maxDelayMs).toBeUndefined();
    expect(r.policy.backoff.jitter).toEqual({ kind: 'full' });
    expect(r.policy.maxAttempts).toBe(5);
    expect(r.policy.deadlines).toEqual([{ ms: 120_000, check: 'before-sleep' }]);
    expect(r.policy.attemptTimeoutMs).toBe(30_000);
    expect(r.policy.retryOn).toEqual({
      statuses: [429, { from: 500, to: 599 }],
      connectionErrors: true,
      timeouts: false,
      shouldRetryHeader: true,
    });
    expect(r.policy.retryAfter).toMatchObject({
      maxMs: 10_000,
      maxInclusive: true,
      aboveMax: 'give-up',
    });
    expect([...r.edited].sort()).toEqual(
      [
        'base',
        'cap',
        'deadline',
        'deadlinecheck',
        'factor',
        'jitter',
        'ramax',
        'raabove',
        'retries',
        'retryon',
        'timeout',
      ].sort(),
    );
    // The preset itself is untouched.
    expect(requirePreset('openai-python').policy.backoff.maxDelayMs).toBe(8000);
  });

  it('changing the strategy resets the second number to the new strategy’s default', () => {
    expect(resolvePolicy({ strategy: 'linear' }).policy.backoff.strategy).toEqual({
      kind: 'linear',
      initialMs: 500,
      incrementMs: 500,
    });
    expect(resolvePolicy({ strategy: 'linear', factor: '2' }).policy.backoff.strategy).toEqual({
      kind: 'linear',
      initialMs: 500,
      incrementMs: 2000,
    });
    expect(resolvePolicy({ strategy: 'const', base: '2' }).policy.backoff.strategy).toEqual({
      kind: 'constant',
      delayMs: 2000,
    });
  });

  it('jitter parameters apply to their own jitter only', () => {
    const r = resolvePolicy({ jitter: 'add', jmax: '0.75' });
    expect(r.policy.backoff.jitter).toEqual({ kind: 'additive', maxMs: 750 });
    const wrong = resolvePolicy({ jmax: '1' });
    expect(wrong.problems[0]).toMatch(/"jmax=1" only applies to additive jitter/);
    expect(resolvePolicy({ jitter: 'decorr', jmult: '0.5' }).problems[0]).toMatch(/jmult=0.5/);
  });

  it('adds and removes Retry-After handling', () => {
    expect(resolvePolicy({ ra: 'ignore' }).policy.retryAfter).toBeUndefined();
    const added = resolvePolicy({ preset: 'wandb-advice', ra: 'honour', ramax: '30' });
    expect(added.policy.retryAfter).toMatchObject({ maxMs: 30_000, aboveMax: 'backoff' });
    const useless = resolvePolicy({ preset: 'wandb-advice', ramax: '30' });
    expect(useless.problems[0]).toMatch(/Retry-After is ignored by this policy/);
  });

  it('drops per-status backoffs on request', () => {
    const r = resolvePolicy({ preset: 'wandb-advice', overrides: 'off' });
    expect(r.policy.backoffOverrides).toBeUndefined();
    expect(r.edited.has('overrides')).toBe(true);
  });

  it('counts attempts or retries, and unlimited', () => {
    expect(resolvePolicy({ attempts: '7' }).policy.maxAttempts).toBe(7);
    expect(resolvePolicy({ retries: '0' }).policy.maxAttempts).toBe(1);
    expect(resolvePolicy({ attempts: 'inf' }).policy.maxAttempts).toBe(Infinity);
    const both = resolvePolicy({ attempts: '2', retries: '5' });
    expect(both.policy.maxAttempts).toBe(2);
    expect(both.problems[0]).toMatch(/"attempts" wins/);
  });

  it('reports every value it cannot read, by parameter, and keeps the preset’s value', () => {
    const r = resolvePolicy({
      preset: 'nope',
      base: 'fast',
      cap: '-1',
      jitter: 'wobbly',
      attempts: '0',
      timeout: '0',
      retryon: '5O3',
      deadlinecheck: 'sometimes',
      factor: 'x',
    });
    const text = r.problems.join('\n');
    expect(r.presetId).toBe(DEFAULT_PRESET_ID);
    for (const bit of [
      'preset=nope',
      'base=fast',
      'cap=-1',
      'jitter=wobbly',
      'attempts=0',
      'timeout=0',
      '"5o3"',
      'deadlinecheck=sometimes',
      'factor=x',
    ])
      expect(text).toContain(bit);
    expect(r.policy).toEqual(requirePreset(DEFAULT_PRESET_ID).policy);
  });

  it('starts a custom policy from the custom defaults', () => {
    const r = resolvePolicy({ preset: 'custom', attempts: '3' });
    expect(r.preset).toBeUndefined();
    expect(r.policy).toEqual({ ...CUSTOM_POLICY, maxAttempts: 3 });
  });
});

describe('policyToParams', () => {
  it('round-trips through resolvePolicy for every preset', () => {
    for (const preset of PRESETS) {
      const params = policyToParams(preset.policy);
      const again = resolvePolicy({
        preset: preset.id,
        base: params.base,
        cap: params.cap,
        jitter: params.jitter,
        attempts: params.attempts,
        timeout: params.timeout,
      });
      expect(again.problems, preset.id).toEqual([]);
      expect(again.policy, preset.id).toEqual(preset.policy);
    }
  });
});

describe('parseRetryOn / formatRetryOn', () => {
  it('reads statuses, ranges, classes, any, conn and timeout', () => {
    expect(parseRetryOn('408, 429 500-599 conn timeout')).toEqual({
      ok: true,
      value: {
        statuses: [408, 429, { from: 500, to: 599 }],
        connectionErrors: true,
        timeouts: true,
      },
    });
    expect(parseRetryOn('any')).toMatchObject({ ok: true, value: { statuses: 'any' } });
    expect(parseRetryOn('599-500')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/backwards/),
    });
    expect(
      formatRetryOn({
        statuses: [429, { from: 500, to: 599 }, { from: 500, to: 999 }],
        connectionErrors: true,
        timeouts: false,
      }),
    ).toBe('429,5xx,500-999,conn');
  });
});

describe('the parameter table', () => {
  it('has one record per parameter, in the order of the key list', () => {
    expect(policyParamTable.map((p) => p.key)).toEqual([...policyParamKeys]);
  });

  it('resets only parameters it knows', () => {
    for (const p of policyParamTable)
      for (const k of p.resets ?? []) expect(policyParamKeys, p.key).toContain(k);
  });

  it('reads back what it writes for every preset, parameter by parameter', () => {
    for (const preset of PRESETS) {
      const params = policyToParams(preset.policy);
      const fields = (['backoff', 'limits', 'retry'] as const).flatMap((g) =>
        paramFields(preset.policy, g),
      );
      for (const f of fields) {
        if (f.value === '') continue;
        const r = resolvePolicy({ preset: preset.id, [f.param.key]: f.value });
        expect(r.problems, `${preset.id} ${f.param.key}=${f.value}`).toEqual([]);
        // Two things the address cannot say: an exclusive Retry-After bound (`ramax` means "up
        // to and including") and a second deadline (an edit keeps one).
        let want = preset.policy;
        if (f.param.key === 'ramax' && want.retryAfter?.maxMs !== undefined)
          want = { ...want, retryAfter: { ...want.retryAfter, maxInclusive: true } };
        if (f.param.key === 'deadline' && want.deadlines)
          want = { ...want, deadlines: want.deadlines.slice(0, 1) };
        expect(r.policy, `${preset.id} ${f.param.key}`).toEqual(want);
        expect(f.value).toBe(params[f.param.key]);
      }
    }
  });
});

describe('ranges read low to high', () => {
  const jitterFields = (policy: RetryPolicy) =>
    paramFields(policy, 'backoff').filter((f) => f.param.key === 'jfrom' || f.param.key === 'jto');
  const shown = (policy: RetryPolicy) => jitterFields(policy).map((f) => `${f.label} ${f.value}`);

  it('the OpenAI SDK’s jitter, drawn from 1 down to 0.75, shows from 0.75 to 1', () => {
    const policy = requirePreset('openai-node').policy;
    // The engine keeps the SDK's direction (U = 0 gives ×1) …
    expect(policy.backoff.jitter).toEqual({ kind: 'multiplicative', from: 1, to: 0.75 });
    // … people read the range low to high; the low end is the address's `jto`.
    expect(shown(policy)).toEqual(['Jitter from (×) 0.75', 'Jitter to (×) 1']);
    expect(jitterFields(policy).map((f) => f.param.key)).toEqual(['jto', 'jfrom']);
  });

  it('a jitter drawn upwards keeps its order', () => {
    const policy = resolvePolicy({ preset: 'custom', jitter: 'mult', jfrom: '0.8', jto: '1.2' });
    expect(shown(policy.policy)).toEqual(['Jitter from (×) 0.8', 'Jitter to (×) 1.2']);
  });

  it('the form keeps the ends from crossing', () => {
    const policy = requirePreset('openai-node').policy;
    const d = draftOf(policy);
    const [low, high] = jitterFields(policy);
    expect(low!.param.validate!('0.5', d)).toBeUndefined();
    expect(low!.param.validate!('1.5', d)).toMatch(/at most 1/);
    expect(high!.param.validate!('2', d)).toBeUndefined();
    expect(high!.param.validate!('0.5', d)).toMatch(/at least 0.75/);
    // Editing the low end moves the SDK's lower bound and keeps its direction.
    const edited = resolvePolicy({ preset: 'openai-node', [low!.param.key]: '0.5' });
    expect(edited.policy.backoff.jitter).toEqual({ kind: 'multiplicative', from: 1, to: 0.5 });
  });
});
