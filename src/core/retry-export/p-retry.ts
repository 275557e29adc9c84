/**
 * p-retry 7 (TypeScript): `pRetry(fn, { retries, factor, minTimeout, maxTimeout, randomize,
 * maxRetryTime, shouldRetry, signal })`.
 *
 * Delay after failed attempt k (1-based) = `min(round(R·max(minTimeout, 1)·factor^(k−1)),
 * maxTimeout)` with R = 1, or 1 + U when `randomize` (p-retry 7.0.0 `index.js`); then at most
 * the time left of `maxRetryTime`, which also stops retrying once it has passed.
 */

import { nominalDelay } from '../retry/policy';
import type { BackoffSpec, Deadline, RetryPolicy } from '../retry/types';
import { diffPolicy } from './diff';
import { clean, tsNum } from './format';
import { tsPredicate } from './ts-helpers';
import { makeResult, type ExportResult } from './types';

export interface PRetryOptions {
  readonly retries: number;
  readonly factor: number;
  readonly minTimeout: number;
  readonly maxTimeout: number;
  readonly randomize: boolean;
}

interface Mapping {
  readonly options: PRetryOptions;
  readonly why: string[];
}

function isRandomize(spec: BackoffSpec): boolean {
  const j = spec.jitter;
  return (
    j.kind === 'multiplicative' && Math.min(j.from, j.to) === 1 && Math.max(j.from, j.to) === 2
  );
}

/** p-retry's options for a backoff, and why they may differ from it. */
export function pRetryOptions(spec: BackoffSpec, maxAttempts: number): Mapping {
  const why: string[] = [];
  const st = spec.strategy;
  const j = spec.jitter;
  let minTimeout: number;
  let factor: number;
  let randomize = isRandomize(spec);
  if (j.kind === 'decorrelated' || j.kind === 'decorrelated-v2') {
    minTimeout = nominalDelay(st, 0);
    factor = j.kind === 'decorrelated' ? j.multiplier : j.exponent;
    randomize = j.kind === 'decorrelated';
    why.push(
      `p-retry has no decorrelated jitter; the export grows ×${clean(factor)} per retry${randomize ? ' with randomize (×1–2)' : ''}.`,
    );
  } else if (st.kind === 'constant') {
    minTimeout = st.delayMs;
    if (spec.maxDelayMs !== undefined) minTimeout = Math.min(minTimeout, spec.maxDelayMs);
    if (spec.minDelayMs !== undefined) minTimeout = Math.max(minTimeout, spec.minDelayMs);
    factor = 1;
  } else if (st.kind === 'exponential') {
    minTimeout = st.initialMs;
    factor = st.factor;
  } else {
    // linear / power: fit an exponential through the first two positive values.
    let first = 0;
    while (first < 8 && nominalDelay(st, first) <= 0) first++;
    const a = nominalDelay(st, first);
    const b = nominalDelay(st, first + 1);
    minTimeout = a;
    factor = a > 0 ? clean(b / a) : 2;
    why.push(
      `p-retry only grows exponentially; the export fits ×${factor} through the policy's values ${clean(a)} and ${clean(b)} ms.`,
    );
  }
  if (j.kind !== 'none' && !randomize && j.kind !== 'decorrelated-v2') {
    why.push(
      'p-retry has no jitter other than randomize (×1–2), so the export does not randomize.',
    );
  }
  if (spec.minDelayMs !== undefined && st.kind !== 'constant') {
    why.push(
      `p-retry has no lower clamp (minTimeout is the first delay): min ${spec.minDelayMs} ms is left out.`,
    );
  }
  if (spec.indexOffset) why.push('p-retry cannot shift the retry index (indexOffset).');
  if (spec.jitterFromIndex) why.push('p-retry randomizes every retry or none.');
  if ((spec.rounding ?? 'none') !== 'round') why.push('p-retry rounds every delay to whole ms.');
  if (randomize && spec.clampStage !== 'after-jitter' && spec.maxDelayMs !== undefined) {
    why.push('p-retry applies maxTimeout after randomize; the policy caps before the jitter.');
  }
  return {
    options: {
      retries: maxAttempts - 1,
      factor,
      minTimeout,
      maxTimeout: spec.maxDelayMs ?? Number.POSITIVE_INFINITY,
      randomize,
    },
    why,
  };
}

/** What the options compute, in engine terms. */
export function pRetrySpec(o: PRetryOptions): BackoffSpec {
  return {
    strategy: { kind: 'exponential', initialMs: Math.max(o.minTimeout, 1), factor: o.factor },
    jitter: o.randomize ? { kind: 'multiplicative', from: 1, to: 2 } : { kind: 'none' },
    ...(Number.isFinite(o.maxTimeout) ? { maxDelayMs: o.maxTimeout } : {}),
    clampStage: 'after-jitter',
    rounding: 'round',
  };
}

export function exportPRetry(policy: RetryPolicy): ExportResult {
  const { options, why } = pRetryOptions(policy.backoff, policy.maxAttempts);
  const deadlines = policy.deadlines ?? [];
  const hard = deadlines.filter((d) => d.check === 'hard');
  const soft = deadlines.filter((d) => d.check !== 'hard');
  const hardMs = hard.length ? Math.min(...hard.map((d) => d.ms)) : undefined;
  const softMs = soft.length ? Math.min(...soft.map((d) => d.ms)) : undefined;
  const attemptMs = policy.attemptTimeoutMs;

  const lines = [
    `    retries: ${tsNum(options.retries)}, // ${
      Number.isFinite(policy.maxAttempts) ? `${policy.maxAttempts} attempts in all` : 'no limit'
    }`,
    `    factor: ${tsNum(options.factor)},`,
    `    minTimeout: ${tsNum(options.minTimeout)},`,
  ];
  if (Number.isFinite(options.maxTimeout))
    lines.push(`    maxTimeout: ${tsNum(options.maxTimeout)},`);
  lines.push(`    randomize: ${options.randomize},`);
  if (softMs !== undefined) lines.push(`    maxRetryTime: ${tsNum(softMs)},`);
  if (hardMs !== undefined) lines.push('    signal: deadline,');
  lines.push('    shouldRetry: ({ error }) => isRetryable(error),');

  let signalExpr: string | undefined;
  if (attemptMs !== undefined && hardMs !== undefined) {
    signalExpr = `AbortSignal.any([deadline, AbortSignal.timeout(${tsNum(attemptMs)})])`;
  } else if (attemptMs !== undefined) {
    signalExpr = `AbortSignal.timeout(${tsNum(attemptMs)})`;
  } else if (hardMs !== undefined) {
    signalExpr = 'deadline';
  }
  const fnType = signalExpr
    ? '(signal: AbortSignal) => PromiseLike<T> | T'
    : '() => PromiseLike<T> | T';
  const body: string[] = [];
  if (hardMs !== undefined) {
    body.push(`  const deadline = AbortSignal.timeout(${tsNum(hardMs)}); // the whole call`);
  }
  body.push(
    `  return pRetry(${signalExpr ? `() => fn(${signalExpr})` : 'fn'}, {`,
    ...lines,
    '  });',
  );
  const usage = signalExpr
    ? '// Usage: await withRetry((signal) => client.chat.completions.create(body, { signal }));'
    : '// Usage: await withRetry(() => client.chat.completions.create(body));';
  const fn = [
    usage,
    `export function withRetry<T>(fn: ${fnType}): Promise<T> {`,
    ...body,
    '}',
  ].join('\n');

  const header = [
    '// Retry policy for p-retry 7, exported by LLM Error Explorer.',
    '// If the wrapped call uses the openai or anthropic client, set its maxRetries: 0, or both layers retry.',
    '// p-retry never retries a TypeError that is not a network error, whatever isRetryable says.',
    "import pRetry from 'p-retry';",
  ].join('\n');
  const code = [header, ...tsPredicate({ ...policy, backoffOverrides: undefined }), fn].join(
    '\n\n',
  );

  const effDeadlines: Deadline[] = [
    ...(softMs !== undefined ? [{ ms: softMs, check: 'clip' as const, inclusive: true }] : []),
    ...(hardMs !== undefined ? [{ ms: hardMs, check: 'hard' as const }] : []),
  ];
  const caveats = diffPolicy(policy, {
    policy: {
      maxAttempts: policy.maxAttempts,
      backoff: pRetrySpec(options),
      retryOn: policy.retryOn,
      attemptTimeoutMs: attemptMs,
      deadlines: effDeadlines,
    },
    why: {
      backoff: why.join(' ') || undefined,
      overrides: 'p-retry has one backoff for every failure.',
      retryAfter: 'p-retry does not read server hints (Retry-After).',
      deadlines:
        'p-retry has maxRetryTime (stops once it has passed, reaching it counts, and shortens the last sleep to end at it) and an abort signal (ends the call, even mid-attempt).',
      delayFrom: 'p-retry waits after the failed attempt ends.',
      sleepAfterFinalFailure: 'p-retry gives up without a last sleep.',
      quota: 'p-retry has no retry budget shared between calls.',
    },
  });
  return makeResult('typescript', 'retry-policy.ts', code, caveats);
}
