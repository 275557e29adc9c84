/**
 * cockatiel (TypeScript, 3.x / 4.x API): `retry(handleWhen(isRetryable), { maxAttempts, backoff })`,
 * wrapped with `timeout(…)` policies for the per-attempt and whole-call limits.
 *
 * cockatiel's `maxAttempts` counts retries (calls = maxAttempts + 1; cockatiel 4.0.0
 * `RetryPolicy`). The backoff is `ExponentialBackoff` (generators: noJitter `min(maxDelay,
 * initialDelay·2^a)`, fullJitter `floor(U·d)`, halfJitter `floor((d + U·d)/2)`, decorrelated =
 * Polly V2) or `ConstantBackoff` when that reproduces the policy to within a millisecond, else
 * a `DelegateBackoff` that computes the policy's own formula.
 */

import { nominalDelay } from '../retry/policy';
import type { BackoffSpec, RetryPolicy } from '../retry/types';
import { compareDelays, retriesToCompare, specModel } from './delays';
import { diffPolicy } from './diff';
import { tsNum } from './format';
import {
  BACKOFF_STATE_TYPE,
  isStateful,
  tsBackoffFunction,
  tsPredicate,
  tsRanges,
} from './ts-helpers';
import { makeResult, type ExportResult } from './types';

interface BackoffChoice {
  /** The expression passed as `backoff`. */
  readonly expr: string;
  /** Declarations it needs. */
  readonly blocks: string[];
  readonly imports: string[];
  /** What it computes, in engine terms. */
  readonly spec: BackoffSpec;
  /** Override specs it reproduces (the delegate does; the built-in backoffs do not). */
  readonly handlesOverrides: boolean;
}

const GENERATORS = {
  none: 'noJitterGenerator',
  full: 'fullJitterGenerator',
  equal: 'halfJitterGenerator',
  'decorrelated-v2': 'decorrelatedJitterGenerator',
} as const;

/** cockatiel's ExponentialBackoff, when the jitter is one of its generators. */
function exponentialChoice(spec: BackoffSpec): BackoffChoice | undefined {
  const j = spec.jitter;
  if (
    j.kind !== 'none' &&
    j.kind !== 'full' &&
    j.kind !== 'equal' &&
    j.kind !== 'decorrelated-v2'
  ) {
    return undefined;
  }
  const st = spec.strategy;
  if (j.kind !== 'decorrelated-v2' && !(st.kind === 'exponential' && st.factor === 2))
    return undefined;
  const initial = nominalDelay(st, 0);
  const maxDelay = spec.maxDelayMs ?? Number.POSITIVE_INFINITY;
  const generator = GENERATORS[j.kind];
  const opts = [`initialDelay: ${tsNum(initial)}`, `maxDelay: ${tsNum(maxDelay)}`];
  if (j.kind === 'decorrelated-v2') opts.push(`exponent: ${tsNum(j.exponent)}`);
  opts.push(`generator: ${generator}`);
  return {
    expr: `new ExponentialBackoff({ ${opts.join(', ')} })`,
    blocks: [],
    imports: ['ExponentialBackoff', generator],
    spec: {
      strategy: { kind: 'exponential', initialMs: initial, factor: 2 },
      jitter: j,
      maxDelayMs: maxDelay,
      rounding: j.kind === 'full' || j.kind === 'equal' ? 'floor' : 'none',
    },
    handlesOverrides: false,
  };
}

function constantChoice(spec: BackoffSpec): BackoffChoice | undefined {
  if (spec.strategy.kind !== 'constant' || spec.jitter.kind !== 'none') return undefined;
  let d = spec.strategy.delayMs;
  if (spec.maxDelayMs !== undefined && d > spec.maxDelayMs) d = spec.maxDelayMs;
  if (spec.minDelayMs !== undefined && d < spec.minDelayMs) d = spec.minDelayMs;
  return {
    expr: `new ConstantBackoff(${tsNum(d)})`,
    blocks: [],
    imports: ['ConstantBackoff'],
    spec: { strategy: { kind: 'constant', delayMs: d }, jitter: { kind: 'none' } },
    handlesOverrides: false,
  };
}

function fnName(label: string, index: number): string {
  const words = label.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const camel = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(camel) ? `${camel}Backoff` : `override${index + 1}Backoff`;
}

/** A DelegateBackoff that computes the policy's formula (and its per-status overrides). */
function delegateChoice(policy: RetryPolicy): BackoffChoice {
  const specs: { name: string; spec: BackoffSpec; label: string }[] = [
    { name: 'defaultBackoff', spec: policy.backoff, label: 'default' },
    ...(policy.backoffOverrides ?? []).map((o, i) => ({
      name: fnName(o.label, i),
      spec: o.backoff,
      label: o.label,
    })),
  ];
  const seen = new Set<string>();
  specs.forEach((x, i) => {
    if (seen.has(x.name)) x.name = `override${i}Backoff`;
    seen.add(x.name);
  });
  const stateful = specs.some((x) => isStateful(x.spec, policy.maxAttempts));
  const blocks: string[] = [];
  if (stateful) blocks.push(BACKOFF_STATE_TYPE);
  const calls = new Map<string, string>();
  for (const x of specs) {
    const fn = tsBackoffFunction(
      x.name,
      x.spec,
      policy.maxAttempts,
      x.label === 'default'
        ? 'Delay (ms) before retry `i` (0-based), as the policy computes it.'
        : `Delay (ms) before retry \`i\` for "${x.label}".`,
    );
    blocks.push(...fn.blocks);
    calls.set(
      x.name,
      !stateful
        ? `${x.name}(i)`
        : fn.stateful
          ? `${x.name}(i, state)`
          : `{ delay: ${x.name}(i), state }`,
    );
  }
  const overrides = policy.backoffOverrides ?? [];
  const stateParam = stateful ? ', state: BackoffState = {}' : '';
  let expr: string;
  if (overrides.length === 0) {
    const call = (calls.get('defaultBackoff') ?? '').replace('(i', '(context.attempt - 1');
    expr = `new DelegateBackoff((context: { attempt: number }${stateParam}) => ${call})`;
  } else {
    const body = [
      '    const i = context.attempt - 1;',
      "    const error = 'error' in context.result ? context.result.error : undefined;",
      '    const status = statusOf(error);',
    ];
    overrides.forEach((o, idx) => {
      const conds: string[] = [];
      if (o.statuses?.length) {
        conds.push(`(status !== undefined && statusIn(status, ${tsRanges(o.statuses)}))`);
      }
      const errors = o.errors ?? [];
      if (errors.length === 2) conds.push('(error !== undefined && status === undefined)');
      else if (errors[0] === 'timeout') conds.push('(status === undefined && isTimeout(error))');
      else if (errors[0] === 'connection-error') {
        conds.push('(error !== undefined && status === undefined && !isTimeout(error))');
      }
      const name = specs[idx + 1]?.name ?? 'defaultBackoff';
      body.push(
        `    if (${conds.join(' || ') || 'false'}) return ${calls.get(name)}; // ${o.label}`,
      );
    });
    body.push(`    return ${calls.get('defaultBackoff')};`);
    expr = [
      'new DelegateBackoff(',
      `  (context: { attempt: number; result: { error: Error } | { value: unknown } }${stateParam}) => {`,
      ...body,
      '  },',
      ')',
    ].join('\n');
  }
  return {
    expr,
    blocks,
    imports: ['DelegateBackoff'],
    spec: policy.backoff,
    handlesOverrides: true,
  };
}

function chooseBackoff(policy: RetryPolicy): BackoffChoice {
  const exact = delegateChoice(policy);
  if ((policy.backoffOverrides ?? []).length > 0) return exact;
  const n = retriesToCompare(policy.maxAttempts);
  const pm = specModel(policy.backoff, policy.maxAttempts);
  for (const c of [exponentialChoice(policy.backoff), constantChoice(policy.backoff)]) {
    if (!c) continue;
    if (n === 0) return c;
    const cmp = compareDelays(pm, specModel(c.spec, policy.maxAttempts), n);
    const sortedMatters = !!pm.sorted; // the built-in backoffs never sort
    if (!sortedMatters && (cmp.equal || cmp.maxDiffMs <= 1)) return c;
  }
  return exact;
}

export function exportCockatiel(policy: RetryPolicy): ExportResult {
  const timeouts = policy.attemptTimeoutMs !== undefined;
  const deadlines = policy.deadlines ?? [];
  const needTimeoutPolicy = timeouts || deadlines.length > 0;
  const backoff = chooseBackoff(policy);
  const usesOverrides = backoff.handlesOverrides && (policy.backoffOverrides ?? []).length > 0;

  const imports = new Set<string>(['handleWhen', 'retry', ...backoff.imports]);
  if (needTimeoutPolicy) {
    imports.add('timeout');
    imports.add('TimeoutStrategy');
    imports.add('wrap');
  }
  if (timeouts && policy.retryOn.timeouts) imports.add('TaskCancelledError');

  // The overrides' dispatch needs statusOf / isTimeout even when the predicate would not.
  const predicatePolicy: RetryPolicy = usesOverrides
    ? policy
    : { ...policy, backoffOverrides: undefined };
  const predicate = tsPredicate(predicatePolicy, {
    timeoutExtra: imports.has('TaskCancelledError')
      ? 'error instanceof TaskCancelledError'
      : undefined,
  });

  const retries = policy.maxAttempts - 1;
  const retryDecl = [
    `${needTimeoutPolicy ? 'const' : 'export const'} retryPolicy = retry(handleWhen(isRetryable), {`,
    `  maxAttempts: ${tsNum(retries)}, // cockatiel counts retries: ${
      Number.isFinite(policy.maxAttempts) ? `${policy.maxAttempts} calls in all` : 'no limit'
    }`,
    `  backoff: ${backoff.expr.replace(/\n/g, '\n  ')},`,
    '});',
  ].join('\n');

  const wrapped: string[] = [];
  const decls: string[] = [];
  deadlines.forEach((d, idx) => {
    const name = deadlines.length === 1 ? 'callDeadline' : `callDeadline${idx + 1}`;
    decls.push(
      `/** Whole call, sleeps included: ${tsNum(d.ms)} ms. */\nconst ${name} = timeout(${tsNum(d.ms)}, TimeoutStrategy.Aggressive);`,
    );
    wrapped.push(name);
  });
  wrapped.push('retryPolicy');
  if (timeouts) {
    decls.push(
      `/** Each attempt: ${tsNum(policy.attemptTimeoutMs ?? 0)} ms. */\nconst attemptTimeout = timeout(${tsNum(policy.attemptTimeoutMs ?? 0)}, TimeoutStrategy.Aggressive);`,
    );
    wrapped.push('attemptTimeout');
  }
  const usage = needTimeoutPolicy
    ? '// Usage: await policy.execute(({ signal }) => client.chat.completions.create(body, { signal }));'
    : '// Usage: await retryPolicy.execute(() => client.chat.completions.create(body));';
  const tail = needTimeoutPolicy
    ? [...decls, `export const policy = wrap(${wrapped.join(', ')});\n${usage}`]
    : [usage];

  const header = [
    '// Retry policy for cockatiel, exported by LLM Error Explorer (cockatiel 3.x / 4.x API).',
    '// If the wrapped call uses the openai or anthropic client, set its maxRetries: 0, or both layers retry.',
    `import { ${[...imports].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })).join(', ')} } from 'cockatiel';`,
  ].join('\n');
  const code = [header, ...predicate, ...backoff.blocks, retryDecl, ...tail].join('\n\n');

  const caveats = diffPolicy(policy, {
    policy: {
      maxAttempts: policy.maxAttempts,
      backoff: backoff.spec,
      backoffOverrides: usesOverrides ? policy.backoffOverrides : undefined,
      retryOn: policy.retryOn,
      attemptTimeoutMs: policy.attemptTimeoutMs,
      deadlines: deadlines.map((d) => ({ ms: d.ms, check: 'hard' })),
    },
    why: {
      backoff:
        backoff.spec.rounding === 'floor' && (policy.backoff.rounding ?? 'none') !== 'floor'
          ? "cockatiel's jitter generators round each delay down to whole ms."
          : undefined,
      retryAfter: 'cockatiel does not read server hints (Retry-After).',
      deadlines:
        'The whole-call limit is a cockatiel timeout (Aggressive): it ends the call when the limit is reached, even mid-attempt or mid-sleep.',
      delayFrom: 'cockatiel waits after the failed attempt ends.',
      sleepAfterFinalFailure: 'cockatiel gives up without a last sleep.',
      quota: 'cockatiel has no retry budget shared between calls.',
    },
  });
  return makeResult('typescript', 'retry-policy.ts', code, caveats);
}
