/**
 * Entry point: export a retry policy (a preset's or a user-edited one) to any target.
 *
 * ```ts
 * const r = exportPolicy(requirePreset('openai-python').policy, 'tenacity');
 * r.code;      // ready-to-paste Python
 * r.fidelity;  // 'exact' | 'approximate' | 'unsupported'
 * r.caveats;   // what differs, one sentence each
 * ```
 */

import { validatePolicy } from '../retry/policy';
import type { RetryPolicy } from '../retry/types';
import { exportClient } from './clients';
import { exportCockatiel } from './cockatiel';
import { exportLiteLLM } from './litellm';
import { exportPortkey } from './portkey';
import { exportPRetry } from './p-retry';
import { exportTenacity } from './tenacity';
import {
  fidelityOf,
  type Caveat,
  type ExportLanguage,
  type ExportResult,
  type ExportTargetId,
} from './types';

export interface ExportTarget {
  readonly id: ExportTargetId;
  readonly label: string;
  readonly language: ExportLanguage;
  /** What the code configures. */
  readonly description: string;
}

export const EXPORT_TARGETS: readonly ExportTarget[] = [
  {
    id: 'tenacity',
    label: 'tenacity (Python)',
    language: 'python',
    description: '@retry(stop=…, wait=…, retry=…) around any call',
  },
  {
    id: 'openai-python',
    label: 'openai client (Python)',
    language: 'python',
    description: 'OpenAI(max_retries=…, timeout=…)',
  },
  {
    id: 'openai-ts',
    label: 'openai client (TypeScript)',
    language: 'typescript',
    description: 'new OpenAI({ maxRetries, timeout })',
  },
  {
    id: 'anthropic-python',
    label: 'anthropic client (Python)',
    language: 'python',
    description: 'Anthropic(max_retries=…, timeout=…)',
  },
  {
    id: 'anthropic-ts',
    label: 'anthropic client (TypeScript)',
    language: 'typescript',
    description: 'new Anthropic({ maxRetries, timeout })',
  },
  {
    id: 'cockatiel',
    label: 'cockatiel (TypeScript)',
    language: 'typescript',
    description: 'retry(handleWhen(…), { maxAttempts, backoff }) with timeouts',
  },
  {
    id: 'p-retry',
    label: 'p-retry (TypeScript)',
    language: 'typescript',
    description: 'pRetry(fn, { retries, factor, minTimeout, maxTimeout, … })',
  },
  {
    id: 'litellm',
    label: 'LiteLLM Router (Python)',
    language: 'python',
    description: 'Router(num_retries=…, retry_after=…, timeout=…)',
  },
  {
    id: 'portkey',
    label: 'Portkey gateway config (JSON)',
    language: 'json',
    description: '{ "retry": { "attempts", "on_status_codes" } }',
  },
];

function run(policy: RetryPolicy, target: ExportTargetId): ExportResult {
  switch (target) {
    case 'tenacity':
      return exportTenacity(policy);
    case 'openai-python':
    case 'openai-ts':
    case 'anthropic-python':
    case 'anthropic-ts':
      return exportClient(target, policy);
    case 'cockatiel':
      return exportCockatiel(policy);
    case 'p-retry':
      return exportPRetry(policy);
    case 'litellm':
      return exportLiteLLM(policy);
    case 'portkey':
      return exportPortkey(policy);
  }
}

/**
 * Export `policy` for `target`. A policy that fails validation (e.g. a negative delay typed into
 * an editor) is still exported, but its problems come first and make it `unsupported`.
 */
export function exportPolicy(policy: RetryPolicy, target: ExportTargetId): ExportResult {
  const problems = validatePolicy(policy);
  const result = run(policy, target);
  if (problems.length === 0) return result;
  const caveats: Caveat[] = [
    ...problems.map((p) => ({ text: `The policy is invalid: ${p}.`, severity: 'major' as const })),
    ...result.caveats.map((text) => ({ text, severity: 'minor' as const })),
  ];
  return { ...result, fidelity: fidelityOf(caveats), caveats: caveats.map((c) => c.text) };
}

/** Every target at once, in {@link EXPORT_TARGETS} order. */
export function exportAll(policy: RetryPolicy): Record<ExportTargetId, ExportResult> {
  const out = {} as Record<ExportTargetId, ExportResult>;
  for (const t of EXPORT_TARGETS) out[t.id] = exportPolicy(policy, t.id);
  return out;
}
