/**
 * LiteLLM Router settings (Python): `Router(num_retries=…, retry_after=…, timeout=…)`.
 *
 * The Router's backoff is built in (`_calculate_retry_after`, litellm utils.py @ 001501fb):
 * `min(max(0.5·2^k, retry_after), 8) s + U·0.75 s`, with k running 0, 0, 1, 2…, and an integer
 * Retry-After 0 < RA ≤ 60 s is used plus the same jitter. `retry_after` is the only knob for the
 * delays; a `RetryPolicy` can turn retries off per exception class. The built-in behaviour is
 * the `litellm-router` preset.
 */

import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { specModel } from './delays';
import { diffPolicy } from './diff';
import { pyNum, seconds, statusSet } from './format';
import { standInRetries } from './shared';
import { makeResult, type Caveat, type ExportResult } from './types';

/** The Router applies its 8 s cap after `retry_after`, so a larger floor becomes 8 s. */
const LITELLM_CAP_MS = 8000;

export function exportLiteLLM(policy: RetryPolicy): ExportResult {
  const builtIn = requirePreset('litellm-router').policy;
  const retries = Number.isFinite(policy.maxAttempts)
    ? policy.maxAttempts - 1
    : standInRetries(policy, specModel(builtIn.backoff, Number.POSITIVE_INFINITY));
  const floorMs = policy.backoff.minDelayMs ?? 0;

  const policyStatuses = statusSet(policy.retryOn.statuses);
  const zeroRateLimit = !policyStatuses.has(429);
  const zeroTimeout = !policy.retryOn.timeouts && !policyStatuses.has(408);
  const retryPolicyArgs: string[] = [];
  if (zeroRateLimit) retryPolicyArgs.push('RateLimitErrorRetries=0');
  if (zeroTimeout) retryPolicyArgs.push('TimeoutErrorRetries=0');

  const builtInStatuses = builtIn.retryOn.statuses;
  const effStatuses =
    builtInStatuses === 'any'
      ? builtInStatuses
      : builtInStatuses.filter((m) => !(zeroRateLimit && m === 429) && !(zeroTimeout && m === 408));

  const lines = [
    '# LiteLLM Router, exported by LLM Error Explorer. Retry rules: litellm utils.py @ 001501fb.',
    '# With more than one healthy deployment in the model group the Router retries without sleeping.',
    'from litellm import Router',
  ];
  if (retryPolicyArgs.length > 0) lines.push('from litellm.router import RetryPolicy');
  lines.push(
    '',
    'router = Router(',
    '    model_list=[',
    '        {',
    '            "model_name": "my-model",',
    '            "litellm_params": {"model": "openai/gpt-4o-mini"},  # your deployment',
    '        },',
    '    ],',
    `    num_retries=${retries},`,
    `    retry_after=${pyNum(seconds(floorMs))},  # seconds: the backoff's lower bound (min_timeout)`,
  );
  if (policy.attemptTimeoutMs !== undefined) {
    lines.push(`    timeout=${pyNum(seconds(policy.attemptTimeoutMs))},  # seconds per attempt`);
  }
  if (retryPolicyArgs.length > 0) {
    lines.push(`    retry_policy=RetryPolicy(${retryPolicyArgs.join(', ')}),`);
  }
  lines.push(
    ')',
    '',
    `# litellm.completion(..., num_retries=${retries}) takes the same count, but retries through another code path`,
    '# whose backoff was not checked for this export.',
  );

  const effFloor = Math.min(floorMs, LITELLM_CAP_MS);
  const extra: Caveat[] = [];
  if (retryPolicyArgs.length > 0) {
    extra.push({
      severity: 'minor',
      text: `RetryPolicy(${retryPolicyArgs.join(', ')}) works on LiteLLM exception classes (RateLimitError, Timeout); which provider status becomes which class is mapped per provider and was not checked.`,
    });
  }
  const caveats = [
    ...diffPolicy(policy, {
      policy: {
        ...builtIn,
        maxAttempts: retries + 1,
        backoff: { ...builtIn.backoff, ...(effFloor > 0 ? { minDelayMs: effFloor } : {}) },
        retryOn: {
          ...builtIn.retryOn,
          statuses: effStatuses,
          timeouts: builtIn.retryOn.timeouts && !zeroTimeout,
        },
        attemptTimeoutMs: policy.attemptTimeoutMs ?? builtIn.attemptTimeoutMs,
      },
      why: {
        attempts: 'LiteLLM needs a retry count.',
        backoff: `The Router's backoff is built in: min(max(0.5 s·2^k, retry_after), 8 s) + U·0.75 s with k = 0, 0, 1, 2…; retry_after is the only knob${
          floorMs > LITELLM_CAP_MS ? ' and the 8 s cap applies after it' : ''
        }.`,
        overrides: 'The Router has one backoff for every failure.',
        statuses:
          'The Router retries 408, 409, 429 and ≥ 500 (LiteLLM _should_retry); only whole exception classes can be turned off.',
        connectionErrors: 'The Router retries connection errors; there is no option.',
        timeouts: 'The Router retries timeouts unless TimeoutErrorRetries=0.',
        shouldRetryHeader: 'The Router ignores x-should-retry.',
        retryAfter:
          'The Router always reads Retry-After (integer seconds or an HTTP date); there is no option.',
        attemptTimeout: 'Without a timeout LiteLLM uses its default request_timeout of 6000 s.',
        deadlines: 'The Router has no whole-call time limit.',
        delayFrom: 'The Router waits after the failed attempt ends.',
        sleepAfterFinalFailure: 'The Router gives up without a last sleep.',
        quota: 'The Router has no retry budget shared between calls.',
      },
    }),
    ...extra,
  ];
  return makeResult('python', 'litellm_router.py', lines.join('\n'), caveats);
}
