/**
 * The openai and anthropic clients (Python and TypeScript). Their only retry knobs are the retry
 * count (`max_retries` / `maxRetries`) and the per-attempt `timeout`; the backoff, the retried
 * statuses and the Retry-After rule are built in. Those built-in rules come from the client
 * presets (`src/core/retry/presets.ts`, source-checked per version), so the comparison is
 * against the real client. When the policy's Retry-After rule matches an older release, the
 * export says which release to pin.
 */

import { requirePreset } from '../retry/presets';
import type { RetryPolicy } from '../retry/types';
import { specModel } from './delays';
import { diffPolicy } from './diff';
import { pyNum, seconds, tsNum } from './format';
import { canonical, standInRetries } from './shared';
import { makeResult, type ExportResult } from './types';

interface ClientVersion {
  /** Preset with this release's behaviour. */
  readonly preset: string;
  /** Which releases behave so. */
  readonly releases: string;
}

interface ClientTarget {
  readonly name: string;
  readonly language: 'python' | 'typescript';
  readonly filename: string;
  /**
   * Newest first. The first whose Retry-After rule and backoff both equal the policy's is chosen,
   * else the first with the same Retry-After rule, else the newest.
   */
  readonly versions: readonly ClientVersion[];
  readonly render: (retries: number, timeoutMs: number | undefined, comment: string) => string;
  /** The client's default per-attempt timeout (ms). */
  readonly defaultTimeoutMs: number;
}

/** Node's timers overflow above 2^31 − 1 ms; the clients have no "no timeout" setting. */
const MAX_TIMER_MS = 2_147_483_647;

function pythonClient(module: string, cls: string) {
  return (retries: number, timeoutMs: number | undefined, comment: string): string => {
    let timeout: string;
    if (timeoutMs === undefined) timeout = '    timeout=None,  # no per-attempt timeout';
    else if (timeoutMs === 600_000) {
      timeout = '    # timeout: the default Timeout(600, connect=5.0) per attempt is kept';
    } else {
      timeout = `    timeout=${pyNum(seconds(timeoutMs))},  # seconds per attempt (a float also replaces the 5 s connect timeout)`;
    }
    return [
      comment,
      `from ${module} import ${cls}`,
      '',
      `client = ${cls}(`,
      `    max_retries=${retries},`,
      timeout,
      ')',
    ].join('\n');
  };
}

function tsClient(module: string, cls: string) {
  return (retries: number, timeoutMs: number | undefined, comment: string): string => {
    const timeout =
      timeoutMs === undefined
        ? `  timeout: ${tsNum(MAX_TIMER_MS)}, // the longest timer Node allows (~24.8 days): there is no "no timeout"`
        : `  timeout: ${tsNum(timeoutMs)}, // ms per attempt`;
    return [
      comment,
      `import ${cls} from '${module}';`,
      '',
      `export const client = new ${cls}({`,
      `  maxRetries: ${retries},`,
      timeout,
      '});',
    ].join('\n');
  };
}

const TARGETS = {
  'openai-python': {
    name: 'The openai Python client',
    language: 'python',
    filename: 'client.py',
    versions: [
      { preset: 'openai-python', releases: 'openai 3.x (checked: 3.3.1)' },
      { preset: 'openai-python-2', releases: 'openai 1.x – 2.51.0' },
    ],
    render: pythonClient('openai', 'OpenAI'),
    defaultTimeoutMs: 600_000,
  },
  'anthropic-python': {
    name: 'The anthropic Python client',
    language: 'python',
    filename: 'client.py',
    versions: [
      { preset: 'anthropic-python', releases: 'anthropic 0.35 – 0.121' },
      { preset: 'anthropic-python-0.34', releases: 'anthropic 0.10 – 0.34' },
    ],
    render: pythonClient('anthropic', 'Anthropic'),
    defaultTimeoutMs: 600_000,
  },
  'openai-ts': {
    name: 'The openai Node client',
    language: 'typescript',
    filename: 'client.ts',
    versions: [
      { preset: 'openai-node', releases: 'openai 7.5 or later' },
      { preset: 'openai-node-7.4', releases: 'openai 6.26 – 7.4' },
      { preset: 'openai-node-6', releases: 'openai 6.25 or earlier' },
    ],
    render: tsClient('openai', 'OpenAI'),
    defaultTimeoutMs: 600_000,
  },
  'anthropic-ts': {
    name: 'The Anthropic TypeScript client',
    language: 'typescript',
    filename: 'client.ts',
    versions: [
      { preset: 'anthropic-ts-1.12', releases: '@anthropic-ai/sdk 0.125 – 1.14' },
      { preset: 'anthropic-ts', releases: '@anthropic-ai/sdk 0.79 – 0.124' },
      { preset: 'anthropic-ts-0.78', releases: '@anthropic-ai/sdk before 0.79' },
    ],
    render: tsClient('@anthropic-ai/sdk', 'Anthropic'),
    defaultTimeoutMs: 600_000,
  },
} as const satisfies Record<string, ClientTarget>;

export type ClientTargetId = keyof typeof TARGETS;

/** `min(0.5 s·2^k, 8 s)·(1 − 0.25U)`: a Stainless client's built-in backoff, in its formula. */
function stainlessBackoffWords(backoff: RetryPolicy['backoff']): string {
  const s = backoff.strategy;
  const base = s.kind === 'exponential' ? `${s.initialMs / 1000} s·${s.factor}^k` : 'its delay';
  const capped =
    backoff.maxDelayMs === undefined ? base : `min(${base}, ${backoff.maxDelayMs / 1000} s)`;
  return backoff.jitter.kind === 'multiplicative'
    ? `${capped}·(1 − ${Math.round((backoff.jitter.from - backoff.jitter.to) * 100) / 100}U)`
    : capped;
}

export function exportClient(target: ClientTargetId, policy: RetryPolicy): ExportResult {
  const t: ClientTarget = TARGETS[target];
  const wanted = canonical(policy.retryAfter ?? null);
  const sameRetryAfter = t.versions.filter(
    (v) => canonical(requirePreset(v.preset).policy.retryAfter ?? null) === wanted,
  );
  const version =
    sameRetryAfter.find(
      (v) => canonical(requirePreset(v.preset).policy.backoff) === canonical(policy.backoff),
    ) ??
    sameRetryAfter[0] ??
    t.versions[0];
  if (!version) throw new Error(`no versions for ${target}`);
  const builtIn = requirePreset(version.preset).policy;

  const retries = Number.isFinite(policy.maxAttempts)
    ? policy.maxAttempts - 1
    : standInRetries(policy, specModel(builtIn.backoff, Number.POSITIVE_INFINITY));
  const timeoutMs =
    policy.attemptTimeoutMs === undefined && t.language === 'typescript'
      ? MAX_TIMER_MS
      : policy.attemptTimeoutMs;
  const comment = `${t.language === 'python' ? '#' : '//'} ${t.name.replace(/^The /, '')}, exported by LLM Error Explorer. Built-in retry rules of ${version.releases}.`;
  const code = t.render(retries, policy.attemptTimeoutMs, comment);

  const fixed = `${t.name} has no option for this; it is built in.`;
  const caveats = diffPolicy(policy, {
    policy: { ...builtIn, maxAttempts: retries + 1, attemptTimeoutMs: timeoutMs },
    why: {
      attempts: `${t.name} needs a retry count.`,
      backoff: `${t.name} has no option for its backoff: ${stainlessBackoffWords(builtIn.backoff)} is built in (${version.releases}).`,
      overrides: `${t.name} has one backoff for every failure.`,
      statuses: fixed,
      connectionErrors: fixed,
      timeouts: fixed,
      shouldRetryHeader: fixed,
      retryAfter: `${t.name} reads Retry-After its own way (${version.releases}); there is no option.`,
      attemptTimeout:
        t.language === 'typescript' ? `${t.name} cannot turn the timeout off.` : undefined,
      deadlines: `${t.name} has no whole-call time limit; enforce it around the call (e.g. an AbortSignal or asyncio.timeout).`,
      delayFrom: `${t.name} waits after the failed attempt ends.`,
      sleepAfterFinalFailure: `${t.name} gives up without a last sleep.`,
      quota: `${t.name} has no retry budget shared between calls.`,
    },
  });
  return makeResult(t.language, t.filename, code, caveats);
}
