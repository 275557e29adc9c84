/**
 * Test-only: run generated TypeScript (transpiled to CommonJS) with stand-ins for the retry
 * libraries that record what the code configures, and a pinned `Math.random`.
 */

import { tsToCommonJs } from './export-code';

export interface Recorded {
  /** `retry(policy, opts)` calls (cockatiel). */
  readonly retries: { filter: unknown; opts: Record<string, unknown> }[];
  /** `pRetry(fn, options)` calls (p-retry). */
  readonly pRetries: { options: Record<string, unknown> }[];
  /** `timeout(ms, strategy)` calls (cockatiel). */
  readonly timeouts: number[];
  readonly exports: Record<string, unknown>;
}

class Named {
  constructor(readonly name: string) {}
}

export class StubExponentialBackoff {
  constructor(readonly options: Record<string, unknown>) {}
}
export class StubConstantBackoff {
  constructor(readonly interval: number) {}
}
export class StubDelegateBackoff {
  constructor(readonly fn: (context: unknown, state?: unknown) => unknown) {}
}

/** Run `code` with every `Math.random()` returning `random()`. */
export function runTs(code: string, random: () => number = Math.random): Recorded {
  const rec: Recorded = { retries: [], pRetries: [], timeouts: [], exports: {} };
  const cockatiel = {
    ExponentialBackoff: StubExponentialBackoff,
    ConstantBackoff: StubConstantBackoff,
    DelegateBackoff: StubDelegateBackoff,
    noJitterGenerator: new Named('noJitterGenerator'),
    fullJitterGenerator: new Named('fullJitterGenerator'),
    halfJitterGenerator: new Named('halfJitterGenerator'),
    decorrelatedJitterGenerator: new Named('decorrelatedJitterGenerator'),
    handleWhen: (filter: unknown) => ({ filter }),
    retry: (policy: { filter: unknown }, opts: Record<string, unknown>) => {
      rec.retries.push({ filter: policy.filter, opts });
      return { kind: 'retry' };
    },
    timeout: (ms: number) => {
      rec.timeouts.push(ms);
      return { kind: 'timeout', ms };
    },
    wrap: (...policies: unknown[]) => ({ kind: 'wrap', policies }),
    TimeoutStrategy: { Aggressive: 'aggressive', Cooperative: 'optimistic' },
    TaskCancelledError: class TaskCancelledError extends Error {},
  };
  const pRetry = {
    __esModule: true,
    default: (fn: unknown, options: Record<string, unknown>) => {
      rec.pRetries.push({ options });
      return { fn, options };
    },
  };
  const modules: Record<string, unknown> = { cockatiel, 'p-retry': pRetry };
  const fakeMath = Object.create(Math) as Math;
  fakeMath.random = random;
  const run = new Function('require', 'exports', 'Math', tsToCommonJs(code)) as (
    req: (m: string) => unknown,
    exp: Record<string, unknown>,
    math: Math,
  ) => void;
  run(
    (m) => {
      if (!(m in modules)) throw new Error(`unexpected import ${m}`);
      return modules[m];
    },
    rec.exports,
    fakeMath,
  );
  return rec;
}

/** The name of a recorded cockatiel generator. */
export function generatorName(g: unknown): string | undefined {
  return g instanceof Named ? g.name : undefined;
}

/**
 * Drive a recorded DelegateBackoff as cockatiel's RetryPolicy does: attempt 1, 2, … with the
 * state returned by the previous call. `error` is the failure handed to the backoff.
 */
export function delegateDelays(backoff: StubDelegateBackoff, n: number, error?: unknown): number[] {
  const out: number[] = [];
  let state: unknown;
  for (let attempt = 1; attempt <= n; attempt++) {
    const r = backoff.fn({ attempt, result: { error: error ?? new Error('x') } }, state);
    if (typeof r === 'number') out.push(r);
    else {
      const step = r as { delay: number; state: unknown };
      out.push(step.delay);
      state = step.state;
    }
  }
  return out;
}
