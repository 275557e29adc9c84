/**
 * Portkey gateway config (JSON): `{ "retry": { "attempts", "on_status_codes",
 * "use_retry_after_header" }, "request_timeout" }` (Portkey-AI/gateway 1.15.2,
 * `src/handlers/retryHandler.ts`, `schema/config.ts`).
 *
 * The backoff is fixed: async-retry with `randomize: false` and node-retry's defaults, i.e.
 * 1, 2, 4, 8… s with no jitter and no cap. `attempts` counts retries. `request_timeout` turns a
 * slow attempt into a synthetic 408 response, so timeouts are retried only if 408 is listed.
 * The built-in behaviour is the `portkey` / `portkey-retry-after` presets.
 */

import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { specModel } from './delays';
import { diffPolicy } from './diff';
import { formatJson, statusSet, type Json } from './format';
import { standInRetries } from './shared';
import { makeResult, type Caveat, type ExportResult } from './types';

/** Portkey's documentation: "Up to 5 retry attempts". */
export const PORTKEY_DOCUMENTED_MAX = 5;

export function exportPortkey(policy: RetryPolicy): ExportResult {
  const useHints = policy.retryAfter !== undefined;
  const builtIn = requirePreset(useHints ? 'portkey-retry-after' : 'portkey').policy;
  const attempts = Number.isFinite(policy.maxAttempts)
    ? policy.maxAttempts - 1
    : Math.min(
        PORTKEY_DOCUMENTED_MAX,
        standInRetries(policy, specModel(builtIn.backoff, Number.POSITIVE_INFINITY)),
      );
  const codes = statusSet(policy.retryOn.statuses);
  const timeoutAs408 = policy.retryOn.timeouts && !codes.has(408);
  if (policy.retryOn.timeouts) codes.add(408);
  const sorted = [...codes].sort((a, b) => a - b);

  const retry: Record<string, Json> = { attempts, on_status_codes: sorted };
  if (useHints) retry.use_retry_after_header = true;
  const config: Record<string, Json> = { retry };
  if (policy.attemptTimeoutMs !== undefined) config.request_timeout = policy.attemptTimeoutMs;

  const extra: Caveat[] = [];
  if (attempts > PORTKEY_DOCUMENTED_MAX) {
    extra.push({
      severity: 'minor',
      text: `Portkey documents at most ${PORTKEY_DOCUMENTED_MAX} retries; the open-source gateway 1.15.2 does not enforce it, but the hosted service may cap "attempts": ${attempts} at ${PORTKEY_DOCUMENTED_MAX}.`,
    });
  }
  if (useHints) {
    extra.push({
      severity: 'minor',
      text: "The key is spelled use_retry_after_header, as the open-source gateway 1.15.2 reads it; Portkey's hosted documentation spells it use_retry_after_headers. If your gateway expects the other spelling, Retry-After is ignored.",
    });
  }

  const caveats = [
    ...diffPolicy(policy, {
      policy: {
        ...builtIn,
        maxAttempts: attempts + 1,
        retryOn: {
          statuses: sorted,
          connectionErrors: true,
          timeouts: policy.retryOn.timeouts,
        },
        attemptTimeoutMs: policy.attemptTimeoutMs,
      },
      why: {
        attempts: 'Portkey needs a retry count (its documentation allows up to 5).',
        backoff: "Portkey's backoff is built in: 1 s, 2 s, 4 s, 8 s… (no jitter, no cap).",
        overrides: 'Portkey has one backoff for every failure.',
        statuses: timeoutAs408
          ? 'Portkey reports its own request_timeout as a 408 response, so 408 is listed to retry timeouts.'
          : undefined,
        connectionErrors:
          'Portkey retries any error thrown while calling the provider (read from the gateway source, not documented).',
        shouldRetryHeader: 'Portkey ignores x-should-retry.',
        retryAfter: useHints
          ? 'With use_retry_after_header Portkey reads hints its own way; there are no other options.'
          : undefined,
        deadlines: 'Portkey has no whole-call time limit.',
        delayFrom: 'Portkey waits after the failed attempt ends.',
        sleepAfterFinalFailure: 'Portkey gives up without a last sleep.',
        quota: 'Portkey has no retry budget shared between calls.',
      },
    }),
    ...extra,
  ];
  return makeResult('json', 'portkey-config.json', formatJson(config), caveats);
}
