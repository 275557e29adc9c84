/**
 * Python tenacity: `@retry(stop=…, wait=…, retry=…)`.
 *
 * The backoff is written with tenacity's own waits (`wait_exponential`, `wait_random_exponential`,
 * `wait_exponential_jitter`, `wait_random`, `wait_fixed`, `wait_incrementing`, `wait_chain` and
 * `+`). Each wait is built as a small tree that is both rendered to Python and evaluated here
 * with tenacity's formulas (tenacity 9.1.4, `tenacity/wait.py`), so the comparison with the
 * policy measures the code that is emitted. Two candidates are tried: the idiomatic formula and,
 * for stateless backoffs that settle, a `wait_chain` with one wait per retry; the closer wins.
 */

import { applyJitter, clampDelay, nominalDelay, roundDelay } from '../retry/policy';
import type { BackoffSpec, Deadline, RetryAfterRule, RetryPolicy } from '../retry/types';
import {
  compareDelays,
  formulaModel,
  retriesToCompare,
  specModel,
  type DelayModel,
} from './delays';
import { diffPolicy, type Effective } from './diff';
import { pyNum, seconds } from './format';
import {
  hintsCanGiveUp,
  pyRanges,
  pythonHints,
  pythonPredicate,
  type PyPiece,
} from './python-helpers';
import { makeResult, type Caveat, type ExportResult } from './types';

// ---------------------------------------------------------------------------------------------
// tenacity waits: a tree, its Python text and its value

/** All values in seconds, as tenacity takes them. */
export type TenacityWait =
  | { readonly kind: 'fixed'; readonly wait: number }
  | { readonly kind: 'random'; readonly min: number; readonly max: number }
  | {
      readonly kind: 'exponential' | 'random_exponential';
      readonly multiplier: number;
      readonly expBase: number;
      readonly min: number;
      readonly max: number;
    }
  | {
      readonly kind: 'exponential_jitter';
      readonly initial: number;
      readonly expBase: number;
      readonly jitter: number;
      readonly max: number;
    }
  | {
      readonly kind: 'incrementing';
      readonly start: number;
      readonly increment: number;
      readonly max: number;
    }
  | { readonly kind: 'chain'; readonly waits: readonly TenacityWait[] }
  | { readonly kind: 'sum'; readonly waits: readonly TenacityWait[] };

function expValue(multiplier: number, expBase: number, n: number, max: number): number {
  const result = multiplier * expBase ** (n - 1);
  return Number.isFinite(result) ? result : max; // tenacity: OverflowError → max
}

/** The wait after attempt number `n` (1-based), seconds, every random draw equal to `u`. */
export function evalWait(w: TenacityWait, n: number, u: number): number {
  switch (w.kind) {
    case 'fixed':
      return w.wait;
    case 'random':
      return w.min + u * (w.max - w.min);
    case 'exponential':
    case 'random_exponential': {
      const r = expValue(w.multiplier, w.expBase, n, w.max);
      const high = Math.max(Math.max(0, w.min), Math.min(r, w.max));
      return w.kind === 'exponential' ? high : w.min + u * (high - w.min);
    }
    case 'exponential_jitter': {
      const r = w.initial * w.expBase ** (n - 1) + u * w.jitter;
      return Math.max(0, Math.min(Number.isFinite(r) ? r : w.max, w.max));
    }
    case 'incrementing':
      return Math.max(0, Math.min(w.start + w.increment * (n - 1), w.max));
    case 'chain': {
      const idx = Math.min(Math.max(n, 1), w.waits.length) - 1;
      const inner = w.waits[idx];
      return inner ? evalWait(inner, n, u) : 0;
    }
    case 'sum':
      return w.waits.reduce((acc, x) => acc + evalWait(x, n, u), 0);
  }
}

export function waitModel(w: TenacityWait): DelayModel {
  return formulaModel((i, u) => evalWait(w, i + 1, u) * 1000);
}

function kw(name: string, value: number, skip?: number): string[] {
  if (value === skip || (skip === Number.POSITIVE_INFINITY && !Number.isFinite(value))) return [];
  return [`${name}=${pyNum(value)}`];
}

/** Python text; `imports` collects the tenacity names used. */
export function renderWait(w: TenacityWait, imports: Set<string>, indent = ''): string {
  const call = (fn: string, args: string[]) => {
    imports.add(fn);
    return `${fn}(${args.join(', ')})`;
  };
  switch (w.kind) {
    case 'fixed':
      return call('wait_fixed', [pyNum(w.wait)]);
    case 'random':
      return call('wait_random', [`min=${pyNum(w.min)}`, `max=${pyNum(w.max)}`]);
    case 'exponential':
    case 'random_exponential':
      return call(`wait_${w.kind}`, [
        `multiplier=${pyNum(w.multiplier)}`,
        ...kw('exp_base', w.expBase, 2),
        ...kw('min', w.min, 0),
        ...kw('max', w.max, Number.POSITIVE_INFINITY),
      ]);
    case 'exponential_jitter':
      return call('wait_exponential_jitter', [
        `initial=${pyNum(w.initial)}`,
        ...kw('max', w.max, Number.POSITIVE_INFINITY),
        ...kw('exp_base', w.expBase, 2),
        `jitter=${pyNum(w.jitter)}`,
      ]);
    case 'incrementing':
      return call('wait_incrementing', [
        `start=${pyNum(w.start)}`,
        `increment=${pyNum(w.increment)}`,
        ...kw('max', w.max, Number.POSITIVE_INFINITY),
      ]);
    case 'chain': {
      imports.add('wait_chain');
      const inner = `${indent}    `;
      return `wait_chain(\n${w.waits
        .map((x) => `${inner}${renderWait(x, imports, inner)},`)
        .join('\n')}\n${indent})`;
    }
    case 'sum':
      return w.waits.map((x) => renderWait(x, imports, indent)).join(' + ');
  }
}

// ---------------------------------------------------------------------------------------------
// From a BackoffSpec to a wait

interface WaitChoice {
  readonly wait: TenacityWait;
  /** Why it may differ from the policy (shown only if it does). */
  readonly why: readonly string[];
}

const s = seconds;

function exponential(
  kind: 'exponential' | 'random_exponential',
  multiplierMs: number,
  expBase: number,
  minMs: number,
  maxMs: number,
): TenacityWait {
  return { kind, multiplier: s(multiplierMs), expBase, min: s(minMs), max: s(maxMs) };
}

function sum(...waits: (TenacityWait | undefined)[]): TenacityWait {
  const parts = waits.filter((w): w is TenacityWait => w !== undefined);
  return parts.length === 1 && parts[0] ? parts[0] : { kind: 'sum', waits: parts };
}

/** Whether clamping after the jitter gives other values than clamping before it. */
function clampStageMatters(spec: BackoffSpec, retries: number): boolean {
  if (spec.clampStage !== 'after-jitter' || spec.jitter.kind === 'none') return false;
  const max = spec.maxDelayMs ?? Number.POSITIVE_INFINITY;
  const min = spec.minDelayMs ?? Number.NEGATIVE_INFINITY;
  for (let i = 0; i < retries; i++) {
    const nominal = nominalDelay(spec.strategy, Math.max(0, i + (spec.indexOffset ?? 0)));
    const lo = Math.min(applyJitter(spec.jitter, nominal, 0), applyJitter(spec.jitter, nominal, 1));
    const hi = Math.max(applyJitter(spec.jitter, nominal, 0), applyJitter(spec.jitter, nominal, 1));
    if (hi > max || lo < min) return true;
  }
  return false;
}

/** The usual tenacity formula for the spec. */
function idiomaticWait(spec: BackoffSpec, maxAttempts: number): WaitChoice {
  const why: string[] = [];
  const cap = spec.maxDelayMs ?? Number.POSITIVE_INFINITY;
  const floor = spec.minDelayMs ?? 0;
  const after = spec.clampStage === 'after-jitter';
  const jitter = spec.jitter;
  if (spec.indexOffset) why.push('tenacity cannot shift the retry index (indexOffset).');
  if (spec.jitterFromIndex) {
    why.push(
      `tenacity jitters every retry; the policy leaves the first ${spec.jitterFromIndex} without jitter.`,
    );
  }
  if ((spec.rounding ?? 'none') !== 'none') {
    why.push(`tenacity does not round delays (the policy uses ${spec.rounding}).`);
  }
  if (jitter.kind !== 'additive' && clampStageMatters(spec, retriesToCompare(maxAttempts))) {
    why.push('tenacity clamps before the jitter; the policy clamps after it.');
  }
  const dropFloor = (what: string) => {
    if (floor > 0) why.push(`${what} has no lower clamp, so min ${s(floor)} s is left out.`);
  };

  // Decorrelated jitters only use the strategy's first value.
  const base = nominalDelay(spec.strategy, 0);
  if (jitter.kind === 'decorrelated') {
    why.push(
      `tenacity has no decorrelated jitter; each delay is drawn from the policy's envelope U(base, base·${jitter.multiplier}^(n)) instead of from the previous delay.`,
    );
    const lo = Math.max(base, floor);
    return {
      wait: exponential('random_exponential', base * jitter.multiplier, jitter.multiplier, lo, cap),
      why,
    };
  }
  if (jitter.kind === 'decorrelated-v2') {
    why.push(
      `tenacity has no decorrelated jitter (Polly V2); full jitter around the same median is used: U(0, 2·${s(base)} s·${jitter.exponent}^(n−1)).`,
    );
    dropFloor('wait_random_exponential');
    return {
      wait: exponential('random_exponential', 2 * base, jitter.exponent, 0, cap),
      why,
    };
  }

  const st = spec.strategy;
  if (st.kind === 'constant') {
    const c = after ? st.delayMs : clampDelay(spec, st.delayMs);
    if (jitter.kind === 'none')
      return { wait: { kind: 'fixed', wait: s(clampDelay(spec, c)) }, why };
    let a = applyJitter(jitter, c, 0);
    let b = applyJitter(jitter, c, 1);
    if (after) {
      a = clampDelay(spec, a);
      b = clampDelay(spec, b);
    }
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return {
      wait: lo === hi ? { kind: 'fixed', wait: s(lo) } : { kind: 'random', min: s(lo), max: s(hi) },
      why,
    };
  }

  if (st.kind === 'linear' || st.kind === 'power') {
    let start = st.initialMs;
    let step = st.kind === 'linear' ? st.incrementMs : nominalDelay(st, 1) - nominalDelay(st, 0);
    if (st.kind === 'power') {
      start = nominalDelay(st, 0);
      why.push(
        `tenacity has no power backoff (${s(st.initialMs)} s·k^${st.exponent}); wait_incrementing grows linearly through the first two values.`,
      );
    }
    dropFloor('wait_incrementing');
    let factor = 1;
    let extra: TenacityWait | undefined;
    switch (jitter.kind) {
      case 'none':
        break;
      case 'additive':
        extra = { kind: 'random', min: 0, max: s(jitter.maxMs) };
        if (after && spec.maxDelayMs !== undefined) {
          why.push(
            'tenacity clamps wait_incrementing before the added jitter; the policy after it.',
          );
        }
        break;
      default:
        factor =
          jitter.kind === 'full'
            ? 0.5
            : jitter.kind === 'equal'
              ? 0.75
              : (jitter.from + jitter.to) / 2;
        why.push(
          'tenacity has no jitter proportional to wait_incrementing; the export waits the mean instead.',
        );
    }
    start *= factor;
    step *= factor;
    return {
      wait: sum(
        {
          kind: 'incrementing',
          start: s(start),
          increment: s(step),
          max: s(cap * factor),
        },
        extra,
      ),
      why,
    };
  }

  // exponential
  const a = st.initialMs;
  const f = st.factor;
  switch (jitter.kind) {
    case 'none':
      return { wait: exponential('exponential', a, f, floor, cap), why };
    case 'full':
      dropFloor('wait_random_exponential (it draws from [min, cap] instead)');
      return { wait: exponential('random_exponential', a, f, 0, cap), why };
    case 'equal':
      dropFloor('Half-and-half jitter with wait_random_exponential');
      return {
        wait: sum(
          exponential('exponential', a / 2, f, 0, cap / 2),
          exponential('random_exponential', a / 2, f, 0, cap / 2),
        ),
        why,
      };
    case 'multiplicative': {
      const lo = Math.min(jitter.from, jitter.to);
      const hi = Math.max(jitter.from, jitter.to);
      if (hi === lo)
        return { wait: exponential('exponential', a * lo, f, floor * lo, cap * lo), why };
      dropFloor('A proportional jitter built from wait_random_exponential');
      return {
        wait: sum(
          lo > 0 ? exponential('exponential', a * lo, f, 0, cap * lo) : undefined,
          exponential('random_exponential', a * (hi - lo), f, 0, cap * (hi - lo)),
        ),
        why,
      };
    }
    case 'additive':
      if (after) {
        dropFloor('wait_exponential_jitter (tenacity 9.1)');
        return {
          wait: {
            kind: 'exponential_jitter',
            initial: s(a),
            expBase: f,
            jitter: s(jitter.maxMs),
            max: s(cap),
          },
          why,
        };
      }
      return {
        wait: sum(exponential('exponential', a, f, floor, cap), {
          kind: 'random',
          min: 0,
          max: s(jitter.maxMs),
        }),
        why,
      };
  }
}

function monotone(spec: BackoffSpec): boolean {
  const st = spec.strategy;
  switch (st.kind) {
    case 'constant':
      return true;
    case 'linear':
      return st.incrementMs >= 0;
    case 'exponential':
      return st.factor >= 1;
    case 'power':
      return st.exponent >= 0;
  }
}

const MAX_CHAIN = 40;

/**
 * One wait per retry (`wait_chain`, whose last wait repeats), for stateless backoffs with a
 * finite number of retries or a sequence that settles at the cap.
 */
function chainWait(spec: BackoffSpec, maxAttempts: number): WaitChoice | undefined {
  const jitter = spec.jitter;
  if (jitter.kind === 'decorrelated' || jitter.kind === 'decorrelated-v2') return undefined;
  if (spec.schedule === 'precomputed-sorted' && jitter.kind !== 'none') return undefined;
  const why: string[] = [];
  const waits: TenacityWait[] = [];
  const retries = Number.isFinite(maxAttempts) ? maxAttempts - 1 : Number.POSITIVE_INFINITY;
  const from = spec.jitterFromIndex ?? 0;
  for (let i = 0; i < Math.min(retries, MAX_CHAIN); i++) {
    const k = Math.max(0, i + (spec.indexOffset ?? 0));
    const nominal = nominalDelay(spec.strategy, k);
    if (jitter.kind === 'none' || i < from) {
      waits.push({
        kind: 'fixed',
        wait: s(Math.max(0, roundDelay(spec, clampDelay(spec, nominal)))),
      });
    } else if (spec.clampStage !== 'after-jitter') {
      const c = clampDelay(spec, nominal);
      const a = applyJitter(jitter, c, 0);
      const b = applyJitter(jitter, c, 1);
      waits.push(
        a === b
          ? { kind: 'fixed', wait: s(a) }
          : { kind: 'random', min: s(Math.min(a, b)), max: s(Math.max(a, b)) },
      );
    } else {
      const a = Math.min(applyJitter(jitter, nominal, 0), applyJitter(jitter, nominal, 1));
      const b = Math.max(applyJitter(jitter, nominal, 0), applyJitter(jitter, nominal, 1));
      const max = spec.maxDelayMs ?? Number.POSITIVE_INFINITY;
      const floorBinds = spec.minDelayMs !== undefined && a < spec.minDelayMs;
      if (a >= max && !floorBinds) {
        waits.push({ kind: 'fixed', wait: s(max) });
      } else if (b > max && !floorBinds) {
        // min(a + U·(b − a), max), exactly: wait_exponential_jitter with exp_base=1.
        waits.push({
          kind: 'exponential_jitter',
          initial: s(a),
          expBase: 1,
          jitter: s(b - a),
          max: s(max),
        });
      } else {
        if (floorBinds) why.push('tenacity has no lower clamp after a random wait.');
        const lo = clampDelay(spec, a);
        const hi = clampDelay(spec, b);
        waits.push(
          lo === hi ? { kind: 'fixed', wait: s(lo) } : { kind: 'random', min: s(lo), max: s(hi) },
        );
      }
    }
    if (jitter.kind !== 'none' && i >= from && (spec.rounding ?? 'none') !== 'none') {
      if (!why.some((w) => w.startsWith('tenacity does not round'))) {
        why.push(`tenacity does not round random delays (the policy uses ${spec.rounding}).`);
      }
    }
    const settled =
      i >= from &&
      monotone(spec) &&
      (spec.strategy.kind === 'constant' ||
        (spec.maxDelayMs !== undefined && nominal >= spec.maxDelayMs));
    if (settled) return { wait: { kind: 'chain', waits }, why };
  }
  if (retries <= MAX_CHAIN && waits.length > 0) return { wait: { kind: 'chain', waits }, why };
  return undefined;
}

export interface ChosenWait {
  readonly wait: TenacityWait;
  readonly model: DelayModel;
  readonly why: readonly string[];
}

/** The candidate whose delays come closest to the policy's (an exact one if there is one). */
export function chooseWait(spec: BackoffSpec, maxAttempts: number): ChosenWait {
  const n = retriesToCompare(maxAttempts);
  const idiomatic = idiomaticWait(spec, maxAttempts);
  const candidates = [idiomatic, chainWait(spec, maxAttempts)].filter(
    (c): c is WaitChoice => c !== undefined,
  );
  const policyModel = specModel(spec, maxAttempts);
  let best: ChosenWait | undefined;
  let bestDiff = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const model = waitModel(c.wait);
    if (n === 0) return { wait: c.wait, model, why: c.why };
    const cmp = compareDelays(policyModel, model, n);
    if (cmp.equal) return { wait: c.wait, model, why: c.why };
    if (cmp.maxDiffMs < bestDiff) {
      bestDiff = cmp.maxDiffMs;
      best = { wait: c.wait, model, why: c.why };
    }
  }
  return best ?? { wait: idiomatic.wait, model: waitModel(idiomatic.wait), why: idiomatic.why };
}

// ---------------------------------------------------------------------------------------------
// Stop

interface Stop {
  readonly expr: string;
  readonly deadlines: Deadline[];
}

function stopFor(policy: RetryPolicy, imports: Set<string>): Stop {
  const parts: string[] = [];
  const deadlines: Deadline[] = [];
  if (Number.isFinite(policy.maxAttempts)) {
    imports.add('stop_after_attempt');
    parts.push(`stop_after_attempt(${policy.maxAttempts})`);
  }
  for (const d of policy.deadlines ?? []) {
    const before = d.check === 'before-sleep';
    const fn = before ? 'stop_before_delay' : 'stop_after_delay';
    imports.add(fn);
    parts.push(`${fn}(${pyNum(s(d.ms))})`);
    deadlines.push({ ms: d.ms, check: before ? 'before-sleep' : 'after-attempt', inclusive: true });
  }
  if (parts.length === 0) {
    imports.add('stop_never');
    return { expr: 'stop_never', deadlines };
  }
  return { expr: parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' | ')})`, deadlines };
}

// ---------------------------------------------------------------------------------------------
// The export

function pyIdent(label: string, index: number): string {
  const slug = label
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `BACKOFF_${slug && /^[A-Z]/.test(slug) ? slug : `OVERRIDE_${index + 1}`}`;
}

function overrideCondition(o: NonNullable<RetryPolicy['backoffOverrides']>[number]): string {
  const conds: string[] = [];
  if (o.statuses && o.statuses.length > 0) {
    conds.push(`(status is not None and _matches(status, ${pyRanges(o.statuses)}))`);
  }
  const errors = o.errors ?? [];
  if (errors.length === 2) conds.push('status is None');
  else if (errors[0] === 'timeout') conds.push('(status is None and _is_timeout(exc))');
  else if (errors[0] === 'connection-error')
    conds.push('(status is None and not _is_timeout(exc))');
  return conds.join(' or ') || 'False';
}

function waitFunction(
  policy: RetryPolicy,
  rule: RetryAfterRule | undefined,
  overrideNames: string[],
): string {
  const lines = [
    'def _wait(retry_state: RetryCallState) -> float:',
    '    """Seconds to sleep before the next attempt."""',
    '    exc = retry_state.outcome.exception() if retry_state.outcome is not None else None',
    '    if exc is None:',
    '        return BACKOFF(retry_state)',
    '    status = _status_code(exc)',
  ];
  const overrides = policy.backoffOverrides ?? [];
  if (overrides.length > 0) {
    lines.push('    backoff = BACKOFF');
    overrides.forEach((o, idx) => {
      lines.push(
        `    ${idx === 0 ? 'if' : 'elif'} ${overrideCondition(o)}:  # ${o.label}`,
        `        backoff = ${overrideNames[idx] ?? 'BACKOFF'}`,
      );
    });
  } else {
    lines.push('    backoff = BACKOFF');
  }
  if (rule) {
    lines.push(
      '    if status is not None:',
      '        verdict, hint_ms = _hint_verdict(exc, status)',
      '        if verdict == "honour":',
    );
    const combine = rule.combine ?? 'replace';
    if (combine === 'add-jitter' && policy.backoff.jitter.kind === 'additive') {
      lines.push(
        `            return hint_ms / 1000 + random.uniform(0, ${pyNum(s(policy.backoff.jitter.maxMs))})`,
      );
    } else if (combine === 'aws-window') {
      lines.push(
        '            computed = backoff(retry_state)',
        `            return max(computed, min(hint_ms / 1000, computed + ${pyNum(s(rule.windowMs ?? 0))}))`,
      );
    } else {
      lines.push('            return hint_ms / 1000');
    }
  }
  lines.push('    return backoff(retry_state)');
  return lines.join('\n');
}

function effectiveHints(rule: RetryAfterRule | undefined): RetryAfterRule | undefined {
  if (!rule) return undefined;
  const { budgetMs: _budget, afterHonour: _after, ...rest } = rule;
  return rest;
}

export function exportTenacity(policy: RetryPolicy): ExportResult {
  const names = new Set<string>(['retry', 'retry_if_exception']);
  const modules = new Set<string>();
  const rule = policy.retryAfter;
  const blocks: string[] = [];
  const addPiece = (p: PyPiece) => {
    blocks.push(...p.blocks);
    for (const m of p.modules) modules.add(m);
  };

  addPiece(pythonPredicate(policy, hintsCanGiveUp(rule)));
  if (rule) addPiece(pythonHints(rule));

  const chosen = chooseWait(policy.backoff, policy.maxAttempts);
  const overrides = policy.backoffOverrides ?? [];
  const overrideChoices = overrides.map((o) => chooseWait(o.backoff, policy.maxAttempts));
  const custom = rule !== undefined || overrides.length > 0;
  let waitExpr: string;
  if (custom) {
    names.add('RetryCallState');
    const consts = [`BACKOFF = ${renderWait(chosen.wait, names)}`];
    const overrideNames: string[] = [];
    overrides.forEach((o, idx) => {
      const name = pyIdent(o.label, idx);
      overrideNames.push(overrideNames.includes(name) ? `BACKOFF_OVERRIDE_${idx + 1}` : name);
    });
    overrides.forEach((o, idx) => {
      const c = overrideChoices[idx];
      if (c) consts.push(`${overrideNames[idx]} = ${renderWait(c.wait, names)}  # ${o.label}`);
    });
    blocks.push(consts.join('\n'));
    if (rule?.combine === 'add-jitter' && policy.backoff.jitter.kind === 'additive') {
      modules.add('random');
    }
    blocks.push(waitFunction(policy, rule, overrideNames));
    waitExpr = '_wait';
  } else {
    waitExpr = renderWait(chosen.wait, names, '    ');
  }
  const stop = stopFor(policy, names);

  const stdlib = [...modules].sort().map((m) => `import ${m}`);
  const tenacityImports = [...names].sort(); // isort order: capitalised names first
  const header = [
    '# Retry policy for tenacity, exported by LLM Error Explorer.',
    '# Written for tenacity 9.1 (pip install "tenacity>=9.1,<10").',
    '# If the wrapped call uses the openai or anthropic client, set its max_retries=0, or both layers retry.',
    'from __future__ import annotations',
    '',
    ...(stdlib.length > 0 ? [...stdlib, ''] : []),
    `from tenacity import (\n${tenacityImports.map((n) => `    ${n},`).join('\n')}\n)`,
  ].join('\n');
  const decorator = [
    '@retry(',
    `    stop=${stop.expr},`,
    `    wait=${waitExpr},`,
    '    retry=retry_if_exception(_is_retryable),',
    '    reraise=True,',
    ')',
    'def call_with_retries():',
    '    """Put the API call here, e.g. return client.chat.completions.create(...)."""',
    '    raise NotImplementedError',
  ].join('\n');
  const code = [header, ...blocks, decorator].join('\n\n\n');

  const overrideModels = new Map<string, DelayModel>();
  overrides.forEach((o, idx) => {
    const c = overrideChoices[idx];
    if (c) overrideModels.set(o.label, c.model);
  });
  const eff: Effective = {
    policy: {
      maxAttempts: policy.maxAttempts,
      backoff: policy.backoff,
      backoffOverrides: policy.backoffOverrides,
      retryOn: policy.retryOn,
      retryAfter: effectiveHints(rule),
      deadlines: stop.deadlines,
    },
    backoffModel: chosen.model,
    overrideModels,
    why: {
      backoff: chosen.why.join(' ') || undefined,
      overrides: overrideChoices.flatMap((c) => c.why).join(' ') || undefined,
      retryAfter:
        rule && (rule.budgetMs !== undefined || (rule.afterHonour ?? 'keep') !== 'keep')
          ? 'The exported hint reader keeps no state between attempts.'
          : undefined,
      attemptTimeout:
        'tenacity has no per-attempt timeout: set it on the client you call (e.g. OpenAI(timeout=...)).',
      deadlines:
        'tenacity checks time limits only between attempts (stop_after_delay, stop_before_delay, both true once the limit is reached); it neither shortens a sleep nor aborts an attempt.',
      delayFrom: 'tenacity waits after the failed attempt ends.',
      sleepAfterFinalFailure: 'tenacity gives up without a last sleep.',
      quota: 'tenacity has no retry budget shared between calls.',
    },
  };
  const caveats: Caveat[] = diffPolicy(policy, eff);
  const jsDates = (rule?.sources ?? []).filter(
    (x) => x.date === 'js' || x.date === 'js-ceil-nonneg',
  );
  if (jsDates.length > 0) {
    caveats.push({
      severity: 'minor',
      text: `HTTP dates in ${jsDates.map((x) => x.header).join(', ')} are parsed with email.utils.parsedate_tz (RFC 2822); the policy's JS Date.parse also accepts other formats (ISO 8601 and more), which the export treats as unparseable.`,
    });
  }
  return makeResult('python', 'retry_policy.py', code, caveats);
}
