/** Why a simulated call ended, in words. */

import type { StopReason } from '../../../core/retry/simulate';

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
  'simulation-limit': 'the simulator stopped it (no limit of its own)',
};

export const stopReasonLabels = stopText;

/** Why a call ended, for people ("out of attempts (attempt 3 of 3 failed (503 is retried))"). */
export function describeStop(reason: StopReason, why?: string): string {
  const text = stopText[reason];
  return why && reason !== 'success' ? `${text}: ${why}` : text;
}
