/**
 * Retry budgets shared between calls: the AWS retry quota (botocore standard/adaptive and the
 * AWS SDK for JS v3) and gRPC retry throttling (proposal A6). A single call rarely touches
 * them; they matter when many calls fail together, so the state can be carried across
 * simulated calls.
 */

import type { Outcome, QuotaConfig, QuotaState, StatusMatch } from './types';

export function initialQuota(config: QuotaConfig): QuotaState {
  return {
    tokens: config.kind === 'aws-retry-quota' ? config.capacity : config.maxTokens,
    lastAcquired: 0,
  };
}

export function matchesStatus(status: number, list: readonly StatusMatch[]): boolean {
  for (const m of list) {
    if (typeof m === 'number' ? m === status : status >= m.from && status <= m.to) return true;
  }
  return false;
}

function isCostly(
  config: Extract<QuotaConfig, { kind: 'aws-retry-quota' }>,
  outcome: Outcome,
): boolean {
  if (outcome.kind === 'timeout') return config.costly.timeouts;
  if (outcome.kind === 'connection-error') return config.costly.connectionErrors;
  return matchesStatus(outcome.status, config.costly.statuses);
}

/**
 * gRPC: count a retryable failure (call this for every retryable failure, retried or not).
 * AWS: no-op (the AWS quota is charged only when a retry is about to happen).
 */
export function quotaRecordFailure(config: QuotaConfig, state: QuotaState): QuotaState {
  if (config.kind !== 'grpc-throttle') return state;
  return { ...state, tokens: Math.max(0, state.tokens - 1) };
}

/**
 * Ask for one retry. gRPC: allowed while tokens > maxTokens/2 (after the failure was counted).
 * AWS: pays the retry cost if the bucket can.
 */
export function quotaAcquire(
  config: QuotaConfig,
  state: QuotaState,
  outcome: Outcome,
): { readonly allowed: boolean; readonly state: QuotaState } {
  if (config.kind === 'grpc-throttle') {
    return { allowed: state.tokens > config.maxTokens / 2, state };
  }
  const cost = isCostly(config, outcome) ? config.costlyRetryCost : config.retryCost;
  if (state.tokens < cost) return { allowed: false, state };
  return { allowed: true, state: { tokens: state.tokens - cost, lastAcquired: cost } };
}

/** Record a successful call. `retried`: whether this call made at least one retry. */
export function quotaRecordSuccess(
  config: QuotaConfig,
  state: QuotaState,
  retried: boolean,
): QuotaState {
  if (config.kind === 'grpc-throttle') {
    const tokens = Math.min(config.maxTokens, state.tokens + config.tokenRatio);
    return { tokens: Math.round(tokens * 1000) / 1000, lastAcquired: 0 };
  }
  const refund = retried ? state.lastAcquired : config.noRetryIncrement;
  return { tokens: Math.min(config.capacity, state.tokens + refund), lastAcquired: 0 };
}
