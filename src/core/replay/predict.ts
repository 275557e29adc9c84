/** What the simulator's preset predicts for a scenario (attempts, waits as ranges), and predicted vs actual. */
import type { ProviderCatalog } from '../catalog/schema';
import { decide, delayRange, initialRetryState } from '../retry/policy';
import { PRESETS, type RetryPreset } from '../retry/presets';
import { U_SUP, constantRng } from '../retry/random';
import type { Outcome, RetryPolicy } from '../retry/types';
import { resolvePlan } from './resolve';
import { createSequencer } from './sequencer';
import type { ReplayClientId, ReplayEvent, ReplayScenario, ResponsePlan } from './types';

export interface PredictedWait {
  /** 0-based retry index. */
  readonly retryIndex: number;
  readonly source: 'backoff' | 'retry-after';
  readonly minMs: number;
  readonly maxMs: number;
  readonly why: string;
}

export interface PredictedAttempt {
  readonly attempt: number;
  /** Scenario step that answers it (`steps.length` = the `then` success). */
  readonly stepIndex: number;
  /** What the client sees, e.g. `HTTP 503`, `connection error`, `stream failure (cut)`. */
  readonly outcome: string;
}

export interface Prediction {
  readonly presetId: string;
  readonly presetLabel: string;
  /** Attempts: a range when jitter can move a request across a time-span step. */
  readonly attempts: { readonly min: number; readonly max: number };
  readonly waits: readonly PredictedWait[];
  readonly outcome: 'success' | 'error';
  readonly reason: string;
  readonly why: string;
  readonly timeline: readonly PredictedAttempt[];
}

/** Stream failures end the call: no client retries a stream that already started. */
type Step =
  | { readonly kind: 'outcome'; readonly outcome: Outcome; readonly durationMs: number }
  | { readonly kind: 'stream-failure'; readonly how: string; readonly durationMs: number };

export interface PredictOptions {
  /** Virtual epoch of t = 0 (HTTP-date hints). Default 2026-01-01T00:00:00Z. */
  readonly startEpochMs?: number;
  /**
   * How the caller reads a stream: a raw `for await` loop takes a stream that ends cleanly
   * without its terminator as complete (`raw`, default); the SDK stream helpers raise (`helper`).
   */
  readonly streamMode?: 'raw' | 'helper';
}

function stepOutcome(plan: ResponsePlan, policy: RetryPolicy, streamMode: 'raw' | 'helper'): Step {
  switch (plan.kind) {
    case 'network-error':
      return { kind: 'outcome', outcome: { kind: 'connection-error' }, durationMs: plan.latencyMs };
    case 'no-response':
      return {
        kind: 'outcome',
        outcome: { kind: 'timeout' },
        durationMs: policy.attemptTimeoutMs ?? 600_000,
      };
    case 'http':
      if (plan.streamEnd === 'no-terminator' && streamMode === 'raw') {
        return {
          kind: 'outcome',
          outcome: { kind: 'response', status: plan.status, headers: plan.headers },
          durationMs: plan.latencyMs,
        };
      }
      if (plan.streamEnd && plan.streamEnd !== 'complete') {
        return { kind: 'stream-failure', how: plan.streamEnd, durationMs: plan.latencyMs };
      }
      return {
        kind: 'outcome',
        outcome: { kind: 'response', status: plan.status, headers: plan.headers },
        durationMs: plan.latencyMs,
      };
  }
}

const describe = (o: Outcome): string =>
  o.kind === 'response'
    ? `HTTP ${o.status}`
    : o.kind === 'timeout'
      ? 'timeout'
      : 'connection error';

interface Walk {
  readonly attempts: number;
  readonly waits: {
    retryIndex: number;
    source: 'backoff' | 'retry-after';
    delayMs: number;
    why: string;
    outcome: Outcome;
    backoffIndex: number;
  }[];
  readonly outcome: 'success' | 'error';
  readonly reason: string;
  readonly why: string;
  readonly timeline: PredictedAttempt[];
}

/** One deterministic walk with U pinned (0 = shortest waits, U_SUP = longest). */
function walk(
  scenario: ReplayScenario,
  catalog: ProviderCatalog,
  policy: RetryPolicy,
  u: number,
  startEpochMs: number,
  streamMode: 'raw' | 'helper',
): Walk {
  const seq = createSequencer(scenario);
  let state = initialRetryState(policy);
  let t = 0;
  const waits: Walk['waits'] = [];
  const timeline: PredictedAttempt[] = [];
  for (let attempt = 1; attempt <= 200; attempt++) {
    const pick = seq.next(t);
    const plan = resolvePlan(scenario, catalog, pick, { nowEpochMs: startEpochMs + t });
    const step = stepOutcome(plan, policy, streamMode);
    t += step.durationMs;
    if (step.kind === 'stream-failure') {
      timeline.push({
        attempt,
        stepIndex: pick.stepIndex,
        outcome: `stream failure (${step.how})`,
      });
      return {
        attempts: attempt,
        waits,
        outcome: 'error',
        reason: 'stream-failure',
        why: `the stream failed (${step.how}) after it started; a started stream is not retried`,
        timeline,
      };
    }
    timeline.push({ attempt, stepIndex: pick.stepIndex, outcome: describe(step.outcome) });
    const backoffIndex = state.backoffIndex;
    const d = decide(policy, attempt, step.outcome, t, constantRng(u), {
      state,
      nowMs: startEpochMs + t,
    });
    if (d.action === 'stop') {
      return {
        attempts: attempt,
        waits,
        outcome: 'success',
        reason: 'success',
        why: d.why,
        timeline,
      };
    }
    if (d.action === 'give-up') {
      return { attempts: attempt, waits, outcome: 'error', reason: d.reason, why: d.why, timeline };
    }
    waits.push({
      retryIndex: d.retryIndex,
      source: d.source,
      delayMs: d.delayMs,
      why: d.why,
      outcome: step.outcome,
      backoffIndex,
    });
    state = d.state;
    t += d.delayMs;
  }
  return {
    attempts: 200,
    waits,
    outcome: 'error',
    reason: 'simulation-limit',
    why: 'stopped after 200 attempts',
    timeline,
  };
}

/** The preset's prediction for a scenario; waits are the ranges jitter allows. */
export function predict(
  scenario: ReplayScenario,
  catalog: ProviderCatalog,
  preset: Pick<RetryPreset, 'id' | 'label' | 'policy'>,
  options: PredictOptions = {},
): Prediction {
  const start = options.startEpochMs ?? Date.UTC(2026, 0, 1);
  const mode = options.streamMode ?? 'raw';
  const low = walk(scenario, catalog, preset.policy, 0, start, mode);
  const high = walk(scenario, catalog, preset.policy, U_SUP, start, mode);
  const waits: PredictedWait[] = low.waits.map((w, i) => {
    const h = high.waits[i];
    if (w.source === 'backoff') {
      const r = delayRange(preset.policy, w.backoffIndex, w.outcome);
      return {
        retryIndex: w.retryIndex,
        source: w.source,
        minMs: r.minMs,
        maxMs: r.maxMs,
        why: w.why,
      };
    }
    const other = h?.source === w.source ? h.delayMs : w.delayMs;
    return {
      retryIndex: w.retryIndex,
      source: w.source,
      minMs: Math.min(w.delayMs, other),
      maxMs: Math.max(w.delayMs, other),
      why: w.why,
    };
  });
  return {
    presetId: preset.id,
    presetLabel: preset.label,
    attempts: {
      min: Math.min(low.attempts, high.attempts),
      max: Math.max(low.attempts, high.attempts),
    },
    waits,
    outcome: low.outcome,
    reason: low.reason,
    why: low.why,
    timeline: low.timeline,
  };
}

// ---------------------------------------------------------------------------------------------
// Which preset models an installed SDK version

type Triple = readonly [number, number, number];
const cmp = (a: Triple, b: Triple) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function triple(text: string): { v: Triple; wildcardNext?: Triple } | undefined {
  const m = /^v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(text.trim());
  if (!m) return undefined;
  const major = Number(m[1]);
  if (m[2] === undefined || m[2] === 'x')
    return { v: [major, 0, 0], wildcardNext: [major + 1, 0, 0] };
  const minor = Number(m[2]);
  if (m[3] === undefined || m[3] === 'x')
    return { v: [major, minor, 0], wildcardNext: [major, minor + 1, 0] };
  return { v: [major, minor, Number(m[3])] };
}

/**
 * Whether a preset's `follows.version` text covers `version`. Same reading as the SDK fidelity
 * tests: `1.91.0`, `7.4.x`, `6.26.0 – 7.4.x`, `≤ 6.25.x`, `< 0.79.0`, `0.120.0 (rule since 0.79.0)`.
 */
export function versionCovers(rangeText: string, version: string): boolean {
  const vm = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!vm) return false;
  const v: Triple = [Number(vm[1]), Number(vm[2]), Number(vm[3])];
  const since = /\bsince\s+v?(\d+(?:\.(?:\d+|x)){0,2})/i.exec(rangeText)?.[1];
  const sinceT = since ? triple(since) : undefined;
  const main = rangeText.replace(/\([^)]*\)/g, ' ').trim();
  const above = (lo: Triple) => cmp(v, lo) >= 0;
  const upTo = (s: { v: Triple; wildcardNext?: Triple }) =>
    s.wildcardNext ? cmp(v, s.wildcardNext) < 0 : cmp(v, s.v) <= 0;
  let m = /^(\S+)\s*[–—-]\s*(\S+)$/.exec(main);
  if (m?.[1] && m[2]) {
    const a = triple(m[1]);
    const b = triple(m[2]);
    return !!a && !!b && above(a.v) && upTo(b);
  }
  m = /^(≤|<=|<|≥|>=)\s*(\S+)$/.exec(main);
  if (m?.[1] && m[2]) {
    const s = triple(m[2]);
    if (!s) return false;
    const low = sinceT ? above(sinceT.v) : true;
    if (m[1] === '<') return low && cmp(v, s.v) < 0;
    if (m[1] === '≥' || m[1] === '>=') return above(s.v);
    return low && upTo(s);
  }
  const exact = triple(main);
  if (!exact) return false;
  return above(sinceT ? sinceT.v : exact.v) && upTo(exact);
}

const NPM_PACKAGE: Record<Exclude<ReplayClientId, 'reference'>, string> = {
  openai: 'openai',
  anthropic: '@anthropic-ai/sdk',
};

/** The HTTP-client preset of an npm package whose version range covers `version`. */
export function presetForPackage(packageName: string, version: string): RetryPreset | undefined {
  return PRESETS.find((p) => {
    if (p.kind !== 'sdk' || /websocket/i.test(p.label)) return false;
    const m = /^(\S+)(?:\s+\((\w+)\))?$/.exec(p.follows.package.trim());
    if (!m || m[1] !== packageName || (m[2] !== undefined && m[2].toLowerCase() !== 'npm'))
      return false;
    return versionCovers(p.follows.version, version);
  });
}

export function presetForClient(
  client: Exclude<ReplayClientId, 'reference'>,
  version: string,
): RetryPreset | undefined {
  return presetForPackage(NPM_PACKAGE[client], version);
}

// ---------------------------------------------------------------------------------------------
// Predicted vs actual

export interface ActualWait {
  readonly retryIndex: number;
  /** From the end of the failed attempt to the next request (virtual ms). */
  readonly ms: number;
}

export interface Comparison {
  readonly attempts: {
    readonly predicted: Prediction['attempts'];
    readonly actual: number;
    readonly ok: boolean;
  };
  readonly waits: readonly {
    readonly retryIndex: number;
    readonly predicted?: PredictedWait;
    readonly actualMs?: number;
    readonly ok: boolean;
  }[];
  readonly outcome: {
    readonly predicted: 'success' | 'error';
    readonly actual: 'success' | 'error';
    readonly ok: boolean;
  };
  readonly ok: boolean;
  /** Loud, one line per mismatch. */
  readonly mismatches: readonly string[];
}

/** Waits the client actually made: from each attempt's end (response or error) to the next request. */
export function actualWaits(events: readonly ReplayEvent[]): ActualWait[] {
  const ends = new Map<number, number>();
  const starts: { attempt: number; t: number }[] = [];
  for (const e of events) {
    if (e.type === 'request') starts.push({ attempt: e.attempt, t: e.t });
    if (
      e.type === 'response' ||
      e.type === 'network-error' ||
      e.type === 'abort' ||
      e.type === 'stream-end'
    ) {
      if ('attempt' in e) ends.set(e.attempt, Math.max(ends.get(e.attempt) ?? 0, e.t));
    }
  }
  const out: ActualWait[] = [];
  for (let i = 1; i < starts.length; i++) {
    const prev = starts[i - 1];
    const cur = starts[i];
    if (!prev || !cur) continue;
    const end = ends.get(prev.attempt) ?? prev.t;
    out.push({ retryIndex: i - 1, ms: cur.t - end });
  }
  return out;
}

/** Timer slack: the SDKs truncate a wait to whole ms; HTTP dates are whole seconds. */
const SLACK_MS = 1;

export function compare(prediction: Prediction, events: readonly ReplayEvent[]): Comparison {
  const attempts = events.filter((e) => e.type === 'request').length;
  const result = events.find((e) => e.type === 'result');
  const actualOutcome =
    result?.type === 'result' && result.result.kind === 'answer' ? 'success' : 'error';
  const waits = actualWaits(events);
  const n = Math.max(waits.length, prediction.waits.length);
  const rows: Comparison['waits'][number][] = [];
  const mismatches: string[] = [];
  const attemptsOk = attempts >= prediction.attempts.min && attempts <= prediction.attempts.max;
  if (!attemptsOk) {
    const p = prediction.attempts;
    mismatches.push(
      `attempts: predicted ${p.min === p.max ? p.min : `${p.min}–${p.max}`}, actual ${attempts}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const p = prediction.waits[i];
    const a = waits[i]?.ms;
    let ok = p !== undefined && a !== undefined;
    if (p && a !== undefined) {
      ok = a >= p.minMs - SLACK_MS && a <= p.maxMs + SLACK_MS;
      if (!ok)
        mismatches.push(
          `wait ${i + 1}: predicted ${fmtRange(p.minMs, p.maxMs)} (${p.source}), actual ${Math.round(a)} ms`,
        );
    }
    rows.push({
      retryIndex: i,
      ...(p ? { predicted: p } : {}),
      ...(a !== undefined ? { actualMs: a } : {}),
      ok,
    });
  }
  const outcomeOk = actualOutcome === prediction.outcome;
  if (!outcomeOk)
    mismatches.push(`outcome: predicted ${prediction.outcome}, actual ${actualOutcome}`);
  return {
    attempts: { predicted: prediction.attempts, actual: attempts, ok: attemptsOk },
    waits: rows,
    outcome: { predicted: prediction.outcome, actual: actualOutcome, ok: outcomeOk },
    ok: mismatches.length === 0,
    mismatches,
  };
}

export function fmtRange(min: number, max: number): string {
  const r = (v: number) => (v >= 10_000 ? `${Math.round(v / 100) / 10} s` : `${Math.round(v)} ms`);
  return min === max ? r(min) : `${r(min)}–${r(max)}`;
}
