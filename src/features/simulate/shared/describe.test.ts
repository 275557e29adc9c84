import { describe, expect, it } from 'vitest';
import { sampledRun } from '../charts/chart-data';
import { requirePreset } from '../../../core/retry/presets';
import type { RetryPolicy } from '../../../core/retry/types';
import { describeStop } from './describe';

const base = requirePreset('anthropic-python').policy;

describe('describeStop', () => {
  it('says the simulator stopped a call the policy would still retry, naming the policy’s limit', () => {
    const policy: RetryPolicy = { ...base, maxAttempts: 1000 };
    const run = sampledRun(policy, { outcome: { kind: 'response', status: 503 } });
    expect(run.stopReason).toBe('simulation-limit');
    const text = describeStop(run.stopReason, run.why, policy);
    expect(text).not.toMatch(/no limit of its own/);
    expect(text).toMatch(/safety stop/);
    expect(text).toMatch(/1,000 attempts/);
  });

  it('says "no limit of its own" only when the policy has none', () => {
    const policy: RetryPolicy = { ...base, maxAttempts: Infinity, deadlines: [] };
    const run = sampledRun(policy, { outcome: { kind: 'response', status: 503 } });
    expect(describeStop(run.stopReason, run.why, policy)).toMatch(/no limit of its own/);
    const withDeadline: RetryPolicy = {
      ...policy,
      deadlines: [{ ms: 3 * 86_400_000, check: 'after-attempt' }],
    };
    const text = describeStop('simulation-limit', undefined, withDeadline);
    expect(text).not.toMatch(/no limit of its own/);
    expect(text).toMatch(/3 days deadline/);
  });

  it('without a policy, does not guess at one', () => {
    expect(describeStop('simulation-limit')).not.toMatch(/no limit of its own/);
  });
});
