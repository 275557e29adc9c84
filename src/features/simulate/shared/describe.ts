/** Why a simulated call ended, in words. */

import type { StopReason } from '../../../core/retry/simulate';
import type { RetryPolicy } from '../../../core/retry/types';
import { formatCount, formatDuration } from '../../../lib/format';

const stopText: Record<StopReason, string> = {
  success: 'success',
  'not-retryable': 'the failure is not one it retries',
  'should-retry-header': 'the server said x-should-retry: false',
  'max-attempts': 'out of attempts',
  deadline: 'the deadline passed',
  'retry-after-too-long': 'the Retry-After is longer than it accepts',
  'retry-after-refused': 'the server hint forbids a retry',
  'retry-after-budget': 'the Retry-After budget is used up',
  quota: 'the retry quota is exhausted',
  'simulation-limit': 'stopped by the simulator’s safety stop',
};

export const stopReasonLabels = stopText;

/** The policy's own limits in words ("1,000 attempts", "a 1 day deadline"), if any. */
function policyLimits(policy: RetryPolicy): string[] {
  const limits: string[] = [];
  if (Number.isFinite(policy.maxAttempts))
    limits.push(`${formatCount(policy.maxAttempts)} attempts`);
  for (const d of policy.deadlines ?? []) limits.push(`a ${formatDuration(d.ms)} deadline`);
  return limits;
}

/**
 * Why a call ended, for people ("out of attempts (attempt 3 of 3 failed (503 is retried))").
 * A call the simulator cut short is described against the policy when it is given: "no limit
 * of its own" only when the policy really has none.
 */
export function describeStop(reason: StopReason, why?: string, policy?: RetryPolicy): string {
  if (reason === 'simulation-limit') {
    const base = `the simulator’s safety stop ended it${why ? ` (${why})` : ''}`;
    if (!policy) return base;
    const limits = policyLimits(policy);
    return limits.length === 0
      ? `${base}; the policy has no limit of its own`
      : `${base}, before the policy’s own limit (${limits.join(', ')})`;
  }
  const text = stopText[reason];
  return why && reason !== 'success' ? `${text}: ${why}` : text;
}
