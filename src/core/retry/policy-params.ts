/**
 * A retry policy as address parameters: a preset (or `custom`) plus plain-string overrides
 * (`base=1`, `cap=30`, `jitter=full`, `attempts=5`…; durations are seconds). One record per
 * parameter says how to read it, apply it, write it back, check it in a form, label it and when
 * it applies, so the resolver is a loop over the table and a form is a map over it (the model is
 * shadcn-admin's column definitions). Pure: no React, no DOM.
 */

import { getPreset, type RetryPreset } from './presets';
import type {
  BackoffSpec,
  Deadline,
  HintFallback,
  Jitter,
  RetryAfterRule,
  RetryOn,
  RetryPolicy,
  StatusMatch,
  Strategy,
} from './types';

// ---------------------------------------------------------------------------------------------
// Number syntax (the address and the forms share it)

/** An unsigned decimal as people type it: `2`, `0.5`, `.5`. */
export function isDecimal(text: string): boolean {
  return /^\d+(\.\d+)?$|^\.\d+$/.test(text);
}

/** Seconds (as typed) to milliseconds, free of float noise (1.1 s → 1100 ms). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e3;
}

/** Milliseconds as seconds for inputs and the address: 500 → "0.5", 8000 → "8". */
export function msToSecondsText(ms: number): string {
  if (!Number.isFinite(ms)) return 'none';
  const text = (ms / 1000).toFixed(6);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Seconds for the address (`"0.5"`), or `"none"` for absent / infinite. */
export function secondsParam(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? 'none' : msToSecondsText(ms);
}

export function countParam(n: number): string {
  return Number.isFinite(n) ? String(n) : 'inf';
}

/** A form check: an error for people, or undefined when the text is fine. */
export type Validator = (text: string) => string | undefined;

export function secondsValidator({ allowNone = false, positive = false } = {}): Validator {
  return (text) => {
    if (allowNone && /^(none|off)$/i.test(text)) return undefined;
    if (!isDecimal(text)) return `Enter seconds, e.g. 0.5${allowNone ? ', or "none"' : ''}.`;
    if (positive && Number(text) === 0) return 'Must be above 0.';
    return undefined;
  };
}

export function numberValidator({ min = 0, minInclusive = false, example = '2' } = {}): Validator {
  return (text) => {
    if (!isDecimal(text)) return `Enter a number, e.g. ${example}.`;
    const n = Number(text);
    if (minInclusive ? n < min : n <= min)
      return `Must be ${minInclusive ? 'at least' : 'above'} ${min}.`;
    return undefined;
  };
}

/** Attempts (min 1, up to 1000) or retries (min 0, up to 999), or `inf`. */
export function countValidator(min: 0 | 1): Validator {
  return (text) => {
    if (/^(inf|unlimited|none)$/i.test(text)) return undefined;
    if (!/^\d+$/.test(text)) return 'Enter a whole number, or "inf".';
    const n = Number(text);
    const max = min === 0 ? 999 : 1000;
    if (n < min || n > max) return `Must be ${min} to ${max}.`;
    return undefined;
  };
}

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; error?: string };
const fail = { ok: false } as const;

function readSeconds(text: string, allowNone: boolean): Read<number | null> {
  const v = text.trim().toLowerCase();
  if (allowNone && (v === 'none' || v === 'off')) return { ok: true, value: null };
  return isDecimal(v) ? { ok: true, value: secondsToMs(Number(v)) } : fail;
}

function readPositive(text: string, { allowZero = false, min = 0 } = {}): Read<number> {
  const v = text.trim();
  if (!isDecimal(v)) return fail;
  const n = Number(v);
  return (n > 0 || (allowZero && n === 0)) && n >= min ? { ok: true, value: n } : fail;
}

function readCount(text: string): Read<number> {
  const v = text.trim().toLowerCase();
  if (v === 'inf' || v === 'unlimited' || v === 'none') return { ok: true, value: Infinity };
  if (!/^\d+$/.test(v)) return fail;
  const n = Number(v);
  return n <= 1000 ? { ok: true, value: n } : fail;
}

function readChoice<T extends string>(choices: readonly T[]) {
  return (text: string): Read<T> =>
    (choices as readonly string[]).includes(text) ? { ok: true, value: text as T } : fail;
}

// ---------------------------------------------------------------------------------------------
// Presets and defaults

export const CUSTOM_ID = 'custom';
export const DEFAULT_PRESET_ID = 'openai-node';

/** The starting point of a custom policy: exponential 1 s ×2, cap 30 s, full jitter, 5 attempts. */
export const CUSTOM_POLICY: RetryPolicy = {
  maxAttempts: 5,
  backoff: {
    strategy: { kind: 'exponential', initialMs: 1000, factor: 2 },
    jitter: { kind: 'full' },
    maxDelayMs: 30_000,
  },
  retryOn: { statuses: [429, { from: 500, to: 599 }], connectionErrors: true, timeouts: true },
};

/** A plain Retry-After rule for policies that gain one: seconds or date, `retry-after-ms` first. */
export const DEFAULT_RETRY_AFTER: RetryAfterRule = {
  sources: [
    { header: 'retry-after-ms', unit: 'ms', number: 'js-parseFloat' },
    { header: 'retry-after', unit: 's', number: 'js-parseFloat', date: 'js' },
  ],
  select: 'first-valid',
  minMs: 0,
  minInclusive: true,
  belowMin: 'backoff',
  aboveMax: 'backoff',
  invalid: 'backoff',
};

// ---------------------------------------------------------------------------------------------
// Codes, strategies and jitters

export const strategyCodes = {
  const: 'constant',
  linear: 'linear',
  exp: 'exponential',
  power: 'power',
} as const;
export type StrategyCode = keyof typeof strategyCodes;

export const jitterCodes = {
  none: 'none',
  full: 'full',
  equal: 'equal',
  mult: 'multiplicative',
  add: 'additive',
  decorr: 'decorrelated',
  decorr2: 'decorrelated-v2',
} as const;
export type JitterCode = keyof typeof jitterCodes;

export const deadlineChecks = ['after-attempt', 'before-sleep', 'clip', 'hard'] as const;
export const hintFallbacks = ['backoff', 'give-up', 'clamp'] as const;

export function strategyCode(kind: Strategy['kind']): StrategyCode {
  return (Object.keys(strategyCodes) as StrategyCode[]).find((c) => strategyCodes[c] === kind)!;
}

export function jitterCode(kind: Jitter['kind']): JitterCode {
  return (Object.keys(jitterCodes) as JitterCode[]).find((c) => jitterCodes[c] === kind)!;
}

export function strategyBase(s: Strategy): number {
  return s.kind === 'constant' ? s.delayMs : s.initialMs;
}

/** The second number of a strategy: factor (×), step (ms) or exponent; undefined for constant. */
export function strategyFactor(s: Strategy): number | undefined {
  switch (s.kind) {
    case 'constant':
      return undefined;
    case 'linear':
      return s.incrementMs;
    case 'exponential':
      return s.factor;
    case 'power':
      return s.exponent;
  }
}

/** Whether `factor` is a duration (linear step, seconds in the address) or a plain number. */
export function factorIsDuration(kind: Strategy['kind']): boolean {
  return kind === 'linear';
}

function makeStrategy(kind: Strategy['kind'], base: number, factor: number | undefined): Strategy {
  switch (kind) {
    case 'constant':
      return { kind, delayMs: base };
    case 'linear':
      return { kind, initialMs: base, incrementMs: factor ?? base };
    case 'exponential':
      return { kind, initialMs: base, factor: factor ?? 2 };
    case 'power':
      return { kind, initialMs: base, exponent: factor ?? 1.5 };
  }
}

function defaultJitter(kind: Jitter['kind']): Jitter {
  switch (kind) {
    case 'none':
    case 'full':
    case 'equal':
      return { kind };
    case 'multiplicative':
      return { kind, from: 0.75, to: 1 };
    case 'additive':
      return { kind, maxMs: 1000 };
    case 'decorrelated':
      return { kind, multiplier: 3 };
    case 'decorrelated-v2':
      return { kind, exponent: 2 };
  }
}

/** `408,409,429,500-599,conn,timeout` or `any`: the retry list. */
export function parseRetryOn(
  text: string,
): { ok: true; value: Omit<RetryOn, 'shouldRetryHeader'> } | { ok: false; error: string } {
  const tokens = text
    .split(/[\s,]+/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  let any = false;
  const statuses: StatusMatch[] = [];
  let connectionErrors = false;
  let timeouts = false;
  for (const token of tokens) {
    if (token === 'any') any = true;
    else if (token === 'conn' || token === 'connection') connectionErrors = true;
    else if (token === 'timeout' || token === 'timeouts') timeouts = true;
    else if (/^[1-9]xx$/.test(token)) {
      const from = Number(token[0]) * 100;
      statuses.push({ from, to: from + 99 });
    } else if (/^\d{3}$/.test(token)) statuses.push(Number(token));
    else if (/^\d{3}-\d{3}$/.test(token)) {
      const [from, to] = token.split('-').map(Number) as [number, number];
      if (from > to) return { ok: false, error: `"${token}" is a range that runs backwards` };
      statuses.push({ from, to });
    } else {
      return {
        ok: false,
        error: `"${token}" is not a status (429), a range (500-599 or 5xx), "any", "conn" or "timeout"`,
      };
    }
  }
  return { ok: true, value: { statuses: any ? 'any' : statuses, connectionErrors, timeouts } };
}

export function formatRetryOn(retryOn: RetryOn): string {
  const parts: string[] =
    retryOn.statuses === 'any'
      ? ['any']
      : retryOn.statuses.map((s) =>
          typeof s === 'number'
            ? String(s)
            : s.from % 100 === 0 && s.to === s.from + 99
              ? `${s.from / 100}xx`
              : `${s.from}-${s.to}`,
        );
  if (retryOn.connectionErrors) parts.push('conn');
  if (retryOn.timeouts) parts.push('timeout');
  return parts.join(',');
}

// ---------------------------------------------------------------------------------------------
// The policy under construction

/**
 * A policy while the resolver applies parameters in table order. The strategy is kept as its
 * kind and two numbers (`factor` undefined: the kind's default, after a change of kind) and
 * built at the end.
 */
export interface PolicyDraft {
  kind: Strategy['kind'];
  base: number;
  factor: number | undefined;
  backoff: BackoffSpec;
  maxAttempts: number;
  deadlines: readonly Deadline[] | undefined;
  attemptTimeoutMs: number | undefined;
  retryOn: RetryOn;
  retryAfter: RetryAfterRule | undefined;
  backoffOverrides: RetryPolicy['backoffOverrides'];
}

export function draftOf(policy: RetryPolicy): PolicyDraft {
  return {
    kind: policy.backoff.strategy.kind,
    base: strategyBase(policy.backoff.strategy),
    factor: strategyFactor(policy.backoff.strategy),
    backoff: policy.backoff,
    maxAttempts: policy.maxAttempts,
    deadlines: policy.deadlines,
    attemptTimeoutMs: policy.attemptTimeoutMs,
    retryOn: policy.retryOn,
    retryAfter: policy.retryAfter,
    backoffOverrides: policy.backoffOverrides,
  };
}

function finishDraft(basePolicy: RetryPolicy, d: PolicyDraft): RetryPolicy {
  const policy: RetryPolicy = {
    ...basePolicy,
    maxAttempts: d.maxAttempts,
    backoff: { ...d.backoff, strategy: makeStrategy(d.kind, d.base, d.factor) },
    backoffOverrides: d.backoffOverrides,
    retryOn: d.retryOn,
    retryAfter: d.retryAfter,
    attemptTimeoutMs: d.attemptTimeoutMs,
    deadlines: d.deadlines,
  };
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) {
    if (policy[key] === undefined) delete (policy as Partial<RetryPolicy>)[key];
  }
  return policy;
}

function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null): T {
  const copy = { ...obj };
  if (value === null) delete copy[key];
  else copy[key] = value;
  return copy;
}

/**
 * The parameter holding the low end of a multiplicative jitter: `jto` when the policy draws from
 * the top down (the Stainless SDKs' ×(1 − 0.25U) runs from 1 to 0.75), `jfrom` otherwise.
 */
export function jitterLowEnd(jitter: Jitter): 'jfrom' | 'jto' {
  return jitter.kind === 'multiplicative' && jitter.from > jitter.to ? 'jto' : 'jfrom';
}

// ---------------------------------------------------------------------------------------------
// The table

export const policyParamKeys = [
  'strategy',
  'base',
  'factor',
  'cap',
  'floor',
  'jitter',
  'jfrom',
  'jto',
  'jmax',
  'jmult',
  'jexp',
  'attempts',
  'retries',
  'deadline',
  'deadlinecheck',
  'timeout',
  'retryon',
  'ra',
  'ramax',
  'raabove',
  'overrides',
] as const;

export type PolicyParamKey = (typeof policyParamKeys)[number];

/** Every policy parameter of the address, as typed. */
export type PolicyParams = { preset?: string | undefined } & {
  [K in PolicyParamKey]?: string | undefined;
};

/** The form's sections; `overrides` is a switch of its own. */
export type ParamGroup = 'backoff' | 'limits' | 'retry' | 'overrides';

export interface Choice {
  readonly value: string;
  readonly label: string;
  /** Shown under the select while this choice is picked. */
  readonly hint?: string;
}

export interface PolicyParam<V = unknown> {
  readonly key: PolicyParamKey;
  readonly group: ParamGroup;
  readonly label: string | ((d: PolicyDraft) => string);
  readonly hint?: (d: PolicyDraft) => string | undefined;
  /** A select's choices; a text box without. */
  readonly choices?: readonly Choice[];
  /** Whether it means anything for this policy: the form hides it, the address reports it. */
  readonly appliesTo?: (d: PolicyDraft) => boolean;
  /** The problem reported when it is given but does not apply. */
  readonly ignored?: (text: string, d: PolicyDraft) => string;
  /** Another parameter that sets the same thing and wins when both are given. */
  readonly yieldsTo?: { readonly key: PolicyParamKey; readonly what: string };
  /** What the address expects, for the problem when the text is not understood. */
  readonly expected: string | ((d: PolicyDraft) => string);
  /** Address text → value (or an error more precise than `expected`). */
  read(text: string, d: PolicyDraft): Read<V>;
  /** Apply a value; `false` when it changed nothing worth marking as edited. */
  apply(d: PolicyDraft, value: V): boolean | void;
  /** The address text of this parameter for a policy (what the form shows). */
  readonly write: (policy: RetryPolicy) => string;
  /** The form's check of typed text (selects need none). */
  readonly validate?: (text: string, d: PolicyDraft) => string | undefined;
  /** Typed text → the address's spelling. */
  readonly normalize?: (text: string) => string;
  /** Parameters that mean something else once this one changes (a form drops them with it). */
  readonly resets?: readonly PolicyParamKey[];
}

function param<V>(key: PolicyParamKey, spec: Omit<PolicyParam<V>, 'key'>): PolicyParam {
  return { key, ...spec } as PolicyParam;
}

const ignoredParam = (key: PolicyParamKey, text: string, why: string) =>
  `"${key}=${text}" ${why}; it is ignored.`;

/** A jitter parameter: applies to one jitter kind only. */
function jitterParam(
  key: 'jfrom' | 'jto' | 'jmax' | 'jmult' | 'jexp',
  kind: Jitter['kind'],
  spec: Omit<PolicyParam<number>, 'key' | 'group' | 'appliesTo' | 'ignored'>,
): PolicyParam {
  return param(key, {
    group: 'backoff',
    appliesTo: (d) => d.backoff.jitter.kind === kind,
    ignored: (text, d) =>
      ignoredParam(
        key,
        text,
        `only applies to ${kind} jitter (this policy uses ${d.backoff.jitter.kind})`,
      ),
    ...spec,
  });
}

/** One end of a multiplicative jitter; the form shows the lower end first, as "from". */
function jitterEnd(key: 'jfrom' | 'jto', end: 'from' | 'to'): PolicyParam {
  const isLow = (d: PolicyDraft) => jitterLowEnd(d.backoff.jitter) === key;
  const other = (d: PolicyDraft) => {
    const j = d.backoff.jitter;
    return j.kind === 'multiplicative' ? (end === 'from' ? j.to : j.from) : NaN;
  };
  return jitterParam(key, 'multiplicative', {
    label: (d) => (isLow(d) ? 'Jitter from (×)' : 'Jitter to (×)'),
    expected: `a factor ≥ 0, e.g. ${end === 'from' ? '0.75' : '1'}`,
    read: (t) => readPositive(t, { allowZero: true }),
    apply(d, v) {
      d.backoff = { ...d.backoff, jitter: { ...d.backoff.jitter, [end]: v } as Jitter };
    },
    write: (p) => {
      const j = p.backoff.jitter;
      return j.kind === 'multiplicative' ? String(j[end]) : '';
    },
    validate: (t, d) => {
      const low = isLow(d);
      const error = numberValidator({ min: 0, minInclusive: true, example: low ? '0.75' : '1' })(t);
      if (error) return error;
      const bound = other(d);
      if (low && Number(t) > bound) return `Must be at most ${bound}, the top of the range.`;
      if (!low && Number(t) < bound) return `Must be at least ${bound}, the bottom of the range.`;
      return undefined;
    },
  });
}

const strategyChoices: readonly Choice[] = [
  { value: 'const', label: 'Constant', hint: 'd = base' },
  { value: 'linear', label: 'Linear', hint: 'd = base + step·k' },
  { value: 'exp', label: 'Exponential', hint: 'd = base·factor^k' },
  { value: 'power', label: 'Power', hint: 'd = base·k^exponent' },
];

/** Jitter kinds as the form offers them (also the replay page's custom policy). */
export const jitterChoices: readonly Choice[] = [
  { value: 'none', label: 'None', hint: 'wait = d' },
  { value: 'full', label: 'Full', hint: 'wait = U(0, d)' },
  { value: 'equal', label: 'Equal', hint: 'wait = d/2 + U(0, d/2)' },
  { value: 'mult', label: 'Multiplicative', hint: 'wait = d·U(from, to)' },
  { value: 'add', label: 'Additive', hint: 'wait = d + U(0, max)' },
  { value: 'decorr', label: 'Decorrelated (AWS)', hint: 'wait = U(base, previous·m)' },
  {
    value: 'decorr2',
    label: 'Decorrelated V2 (Polly)',
    hint: 'Polly / cockatiel curve around base',
  },
];

const checkChoices: readonly Choice[] = [
  { value: 'after-attempt', label: 'after a failed attempt (can overshoot)' },
  { value: 'before-sleep', label: 'before sleeping (gives up if the sleep would pass it)' },
  { value: 'clip', label: 'clip the last sleep to end at it' },
  { value: 'hard', label: 'hard: aborts the attempt in flight' },
] satisfies readonly (Choice & { value: Deadline['check'] })[];

const aboveChoices: readonly Choice[] = [
  { value: 'backoff', label: 'uses the backoff' },
  { value: 'give-up', label: 'gives up' },
  { value: 'clamp', label: 'waits the bound' },
] satisfies readonly (Choice & { value: HintFallback })[];

const raIgnored = (text: string, key: PolicyParamKey) =>
  `Retry-After is ignored by this policy, so "${key}=${text}" has no effect (add ra=honour).`;

/** Every policy parameter, in the order the resolver applies them and the form shows them. */
export const policyParamTable: readonly PolicyParam[] = [
  // --- Backoff -------------------------------------------------------------------------------
  param('strategy', {
    group: 'backoff',
    label: 'Strategy',
    choices: strategyChoices,
    expected: 'const, linear, exp or power',
    read: (t) => {
      const code = t.trim().toLowerCase();
      return code in strategyCodes
        ? { ok: true, value: strategyCodes[code as StrategyCode] }
        : fail;
    },
    apply(d, kind: Strategy['kind']) {
      if (kind === d.kind) return;
      d.kind = kind;
      d.factor = undefined; // the old second number means something else now
    },
    write: (p) => strategyCode(p.backoff.strategy.kind),
    resets: ['factor'],
  }),
  param('base', {
    group: 'backoff',
    label: 'Base (s)',
    expected: 'a number of seconds, e.g. 0.5',
    read: (t) => readSeconds(t, false),
    apply(d, ms: number) {
      d.base = ms;
    },
    write: (p) => secondsParam(strategyBase(p.backoff.strategy)),
    validate: secondsValidator(),
  }),
  param('factor', {
    group: 'backoff',
    label: (d) =>
      d.kind === 'linear' ? 'Step (s per retry)' : d.kind === 'power' ? 'Exponent' : 'Factor (×)',
    appliesTo: (d) => d.kind !== 'constant',
    ignored: (text) => ignoredParam('factor', text, 'has no effect on a constant backoff'),
    expected: (d) =>
      factorIsDuration(d.kind) ? 'the seconds added per retry, e.g. 1' : 'a number above 0, e.g. 2',
    read: (t, d) => (factorIsDuration(d.kind) ? readSeconds(t, false) : readPositive(t)),
    apply(d, v: number) {
      d.factor = v;
    },
    write: (p) => {
      const factor = strategyFactor(p.backoff.strategy);
      if (factor === undefined) return '';
      return factorIsDuration(p.backoff.strategy.kind) ? secondsParam(factor) : String(factor);
    },
    validate: (t, d) => (factorIsDuration(d.kind) ? secondsValidator() : numberValidator())(t),
  }),
  param('cap', {
    group: 'backoff',
    label: 'Cap (s)',
    hint: () => 'Largest wait; "none" for no cap.',
    expected: 'seconds or "none"',
    read: (t) => readSeconds(t, true),
    apply(d, ms: number | null) {
      d.backoff = withOptional(d.backoff, 'maxDelayMs', ms);
    },
    write: (p) => secondsParam(p.backoff.maxDelayMs),
    validate: secondsValidator({ allowNone: true }),
  }),
  param('floor', {
    group: 'backoff',
    label: 'Minimum wait (s)',
    hint: () => 'Applied after the cap.',
    expected: 'seconds or "none"',
    read: (t) => readSeconds(t, true),
    apply(d, ms: number | null) {
      d.backoff = withOptional(d.backoff, 'minDelayMs', ms);
    },
    write: (p) => secondsParam(p.backoff.minDelayMs),
    validate: secondsValidator({ allowNone: true }),
  }),
  param('jitter', {
    group: 'backoff',
    label: 'Jitter',
    choices: jitterChoices,
    expected: 'none, full, equal, mult, add, decorr or decorr2',
    read: (t) => {
      const code = t.trim().toLowerCase();
      return code in jitterCodes ? { ok: true, value: jitterCodes[code as JitterCode] } : fail;
    },
    apply(d, kind: Jitter['kind']) {
      if (kind !== d.backoff.jitter.kind) d.backoff = { ...d.backoff, jitter: defaultJitter(kind) };
    },
    write: (p) => jitterCode(p.backoff.jitter.kind),
    resets: ['jfrom', 'jto', 'jmax', 'jmult', 'jexp'],
  }),
  jitterEnd('jfrom', 'from'),
  jitterEnd('jto', 'to'),
  jitterParam('jmax', 'additive', {
    label: 'Jitter up to (s)',
    expected: 'seconds, e.g. 1',
    read: (t) => readSeconds(t, false) as Read<number>,
    apply(d, ms) {
      d.backoff = { ...d.backoff, jitter: { kind: 'additive', maxMs: ms } };
    },
    write: (p) =>
      p.backoff.jitter.kind === 'additive' ? secondsParam(p.backoff.jitter.maxMs) : '',
    validate: secondsValidator(),
  }),
  jitterParam('jmult', 'decorrelated', {
    label: 'Multiplier (≥ 1)',
    expected: 'a multiplier ≥ 1, e.g. 3',
    read: (t) => readPositive(t, { min: 1 }),
    apply(d, m) {
      d.backoff = { ...d.backoff, jitter: { kind: 'decorrelated', multiplier: m } };
    },
    write: (p) =>
      p.backoff.jitter.kind === 'decorrelated' ? String(p.backoff.jitter.multiplier) : '',
    validate: numberValidator({ min: 1, minInclusive: true, example: '3' }),
  }),
  jitterParam('jexp', 'decorrelated-v2', {
    label: 'Exponent',
    expected: 'an exponent above 0, e.g. 2',
    read: (t) => readPositive(t),
    apply(d, e) {
      d.backoff = { ...d.backoff, jitter: { kind: 'decorrelated-v2', exponent: e } };
    },
    write: (p) =>
      p.backoff.jitter.kind === 'decorrelated-v2' ? String(p.backoff.jitter.exponent) : '',
    validate: numberValidator(),
  }),

  // --- Limits --------------------------------------------------------------------------------
  param('attempts', {
    group: 'limits',
    label: 'Max attempts',
    hint: (d) =>
      Number.isFinite(d.maxAttempts)
        ? `= 1 attempt + ${d.maxAttempts - 1} retries`
        : '"inf": no limit',
    expected: 'a whole number of attempts from 1 to 1000, or "inf"',
    read: (t) => {
      const r = readCount(t);
      return r.ok && r.value >= 1 ? r : fail;
    },
    apply(d, n: number) {
      d.maxAttempts = n;
    },
    write: (p) => countParam(p.maxAttempts),
    validate: countValidator(1),
    resets: ['retries'],
  }),
  param('retries', {
    group: 'limits',
    label: 'Max retries',
    hint: (d) =>
      Number.isFinite(d.maxAttempts) ? `= ${d.maxAttempts} attempts in all` : '"inf": no limit',
    yieldsTo: { key: 'attempts', what: 'the limit' },
    expected: 'a whole number of retries from 0 to 999, or "inf"',
    read: (t) => {
      const r = readCount(t);
      return r.ok && (r.value <= 999 || r.value === Infinity) ? r : fail;
    },
    apply(d, n: number) {
      d.maxAttempts = n + 1;
    },
    write: (p) => countParam(p.maxAttempts - 1),
    validate: countValidator(0),
    resets: ['attempts'],
  }),
  param('deadline', {
    group: 'limits',
    label: 'Overall deadline (s)',
    hint: (d) =>
      (d.deadlines?.length ?? 0) > 1
        ? `This preset has ${d.deadlines!.length} deadlines; an edit keeps one.`
        : '"none" for no deadline.',
    expected: 'seconds or "none"',
    read: (t) => readSeconds(t, true),
    apply(d, ms: number | null) {
      d.deadlines =
        ms === null ? undefined : [{ ms, check: d.deadlines?.[0]?.check ?? 'after-attempt' }];
    },
    write: (p) => secondsParam(p.deadlines?.[0]?.ms),
    validate: secondsValidator({ allowNone: true }),
  }),
  param('deadlinecheck', {
    group: 'limits',
    label: 'Deadline is checked',
    choices: checkChoices,
    appliesTo: (d) => (d.deadlines?.length ?? 0) > 0,
    ignored: (text) =>
      ignoredParam('deadlinecheck', text, 'needs a deadline (this policy has none)'),
    expected: deadlineChecks.join(', '),
    read: readChoice(deadlineChecks),
    apply(d, check: Deadline['check']) {
      d.deadlines = d.deadlines?.map((x, i) => (i === 0 ? { ...x, check } : x));
    },
    write: (p) => p.deadlines?.[0]?.check ?? '',
  }),
  param('timeout', {
    group: 'limits',
    label: 'Per-attempt timeout (s)',
    hint: () => 'Each attempt gets a fresh timer; "none" for no timeout.',
    expected: 'seconds above 0, or "none"',
    read: (t) => {
      const r = readSeconds(t, true);
      return r.ok && r.value !== 0 ? r : fail;
    },
    apply(d, ms: number | null) {
      d.attemptTimeoutMs = ms ?? undefined;
    },
    write: (p) => secondsParam(p.attemptTimeoutMs),
    validate: secondsValidator({ allowNone: true, positive: true }),
  }),

  // --- What is retried, and Retry-After -------------------------------------------------------
  param('retryon', {
    group: 'retry',
    label: 'Retried failures',
    hint: (d) =>
      'Statuses (429), ranges (500-599 or 5xx), any, conn for connection errors, timeout for timeouts.' +
      (d.retryOn.shouldRetryHeader
        ? ' The server’s x-should-retry: true/false header overrides this list.'
        : ''),
    expected: 'statuses, ranges, any, conn or timeout',
    read: (t) => parseRetryOn(t),
    apply(d, r: Omit<RetryOn, 'shouldRetryHeader'>) {
      d.retryOn = { ...r, ...(d.retryOn.shouldRetryHeader ? { shouldRetryHeader: true } : {}) };
    },
    write: (p) => formatRetryOn(p.retryOn),
    validate: (t) => {
      const r = parseRetryOn(t);
      return r.ok ? undefined : `${r.error}.`;
    },
    normalize: (t) => {
      const r = parseRetryOn(t);
      return r.ok ? formatRetryOn(r.value) : t;
    },
  }),
  param('ra', {
    group: 'retry',
    label: 'Retry-After',
    choices: [
      { value: 'honour', label: 'Honoured' },
      { value: 'ignore', label: 'Ignored' },
    ],
    expected: 'ignore or honour',
    read: (t) => {
      const v = t.trim().toLowerCase();
      if (v === 'ignore') return { ok: true, value: false };
      return v === 'honour' || v === 'honor' ? { ok: true, value: true } : fail;
    },
    apply(d, honour: boolean) {
      d.retryAfter = honour ? (d.retryAfter ?? DEFAULT_RETRY_AFTER) : undefined;
    },
    write: (p) => (p.retryAfter ? 'honour' : 'ignore'),
    resets: ['ramax', 'raabove'],
  }),
  param('ramax', {
    group: 'retry',
    label: 'Honoured up to (s)',
    hint: () => '"none": no upper bound.',
    appliesTo: (d) => d.retryAfter !== undefined,
    ignored: (text) => raIgnored(text, 'ramax'),
    expected: 'seconds or "none"',
    read: (t) => readSeconds(t, true),
    apply(d, ms: number | null) {
      const { maxMs: _max, maxInclusive: _inc, ...rest } = d.retryAfter!;
      d.retryAfter = ms === null ? rest : { ...rest, maxMs: ms, maxInclusive: true };
    },
    write: (p) => secondsParam(p.retryAfter?.maxMs),
    validate: secondsValidator({ allowNone: true }),
  }),
  param('raabove', {
    group: 'retry',
    label: 'A longer Retry-After',
    choices: aboveChoices,
    appliesTo: (d) => d.retryAfter !== undefined,
    ignored: (text) => raIgnored(text, 'raabove'),
    expected: hintFallbacks.join(', '),
    read: readChoice(hintFallbacks),
    apply(d, aboveMax: HintFallback) {
      d.retryAfter = { ...d.retryAfter!, aboveMax };
    },
    write: (p) => p.retryAfter?.aboveMax ?? '',
  }),

  // --- Per-status backoffs -------------------------------------------------------------------
  param('overrides', {
    group: 'overrides',
    label: 'Use the default backoff for every failure',
    expected: '"off"',
    read: (t) => (t === 'off' ? { ok: true, value: 'off' } : fail),
    apply(d) {
      const had = (d.backoffOverrides?.length ?? 0) > 0;
      d.backoffOverrides = undefined;
      return had;
    },
    write: (p) => (p.backoffOverrides?.length ? 'on' : 'off'),
  }),
];

// ---------------------------------------------------------------------------------------------
// Resolution

export interface ResolvedPolicy {
  /** The preset id, or `custom`. */
  readonly presetId: string;
  readonly preset: RetryPreset | undefined;
  /** The preset's policy (or the custom starting point), before overrides. */
  readonly basePolicy: RetryPolicy;
  readonly policy: RetryPolicy;
  /** Parameters that changed the policy (understood and applied). */
  readonly edited: ReadonlySet<PolicyParamKey>;
  readonly problems: string[];
}

/** The preset named by the address, or the default one with a problem. */
function resolvePreset(text: string | undefined, problems: string[]) {
  const requested = text?.trim();
  const id = requested || DEFAULT_PRESET_ID;
  if (id === CUSTOM_ID) return { presetId: id, preset: undefined };
  const preset = getPreset(id);
  if (preset) return { presetId: id, preset };
  problems.push(
    `"preset=${requested}" is not a known preset; the ${getPreset(DEFAULT_PRESET_ID)?.label} is shown.`,
  );
  return { presetId: DEFAULT_PRESET_ID, preset: getPreset(DEFAULT_PRESET_ID) };
}

/** The text of a parameter, or undefined when absent or blank. */
function given(params: PolicyParams, key: PolicyParamKey): string | undefined {
  const v = params[key];
  return v === undefined || v.trim() === '' ? undefined : v;
}

/** Apply one parameter to the draft; a problem when it is not understood or does not apply. */
function applyParam(
  def: PolicyParam,
  text: string,
  params: PolicyParams,
  d: PolicyDraft,
): { edited: boolean; problem?: string } {
  const winner = def.yieldsTo && given(params, def.yieldsTo.key);
  if (def.yieldsTo && winner !== undefined) {
    const { key, what } = def.yieldsTo;
    return {
      edited: false,
      problem: `"${def.key}=${text}" and "${key}=${winner}" both set ${what}; "${key}" wins.`,
    };
  }
  if (def.appliesTo && !def.appliesTo(d))
    return { edited: false, ...(def.ignored ? { problem: def.ignored(text, d) } : {}) };
  const r = def.read(text, d);
  if (!r.ok) {
    const expected = typeof def.expected === 'string' ? def.expected : def.expected(d);
    return {
      edited: false,
      problem: r.error
        ? `"${def.key}=${text}" is not understood: ${r.error}; it is ignored.`
        : `"${def.key}=${text}" is not understood (expected ${expected}); it is ignored.`,
    };
  }
  return { edited: def.apply(d, r.value) !== false };
}

/** Turn the address into a policy: the preset, then each understood override in table order. */
export function resolvePolicy(params: PolicyParams): ResolvedPolicy {
  const problems: string[] = [];
  const edited = new Set<PolicyParamKey>();
  const { presetId, preset } = resolvePreset(params.preset, problems);
  const basePolicy = preset?.policy ?? CUSTOM_POLICY;
  const draft = draftOf(basePolicy);
  for (const def of policyParamTable) {
    const text = given(params, def.key);
    if (text === undefined) continue;
    const r = applyParam(def, text, params, draft);
    if (r.edited) edited.add(def.key);
    if (r.problem) problems.push(r.problem);
  }
  return { presetId, preset, basePolicy, policy: finishDraft(basePolicy, draft), edited, problems };
}

// ---------------------------------------------------------------------------------------------
// Writing and showing

/** The address text of every parameter for a policy (what the form shows). */
export function policyToParams(policy: RetryPolicy): Record<PolicyParamKey, string> {
  return Object.fromEntries(policyParamTable.map((p) => [p.key, p.write(policy)])) as Record<
    PolicyParamKey,
    string
  >;
}

export interface ParamField {
  readonly param: PolicyParam;
  readonly label: string;
  readonly hint: string | undefined;
  /** The address text for the policy. */
  readonly value: string;
}

/**
 * The fields a form shows for a policy, in order: the parameters of `group` that apply, with
 * their labels, hints and values. Ranges read low to high: a jitter drawn from 1 down to 0.75
 * shows its 0.75 end first, as "from".
 */
export function paramFields(policy: RetryPolicy, group: ParamGroup): ParamField[] {
  const d = draftOf(policy);
  const fields = policyParamTable
    .filter((p) => p.group === group && (!p.appliesTo || p.appliesTo(d)))
    .map((p) => {
      const value = p.write(policy);
      const choiceHint = p.choices?.find((c) => c.value === value)?.hint;
      return {
        param: p,
        label: typeof p.label === 'string' ? p.label : p.label(d),
        hint: p.hint ? p.hint(d) : choiceHint,
        value,
      };
    });
  const at = fields.findIndex((f) => f.param.key === 'jfrom');
  if (
    jitterLowEnd(policy.backoff.jitter) === 'jto' &&
    at >= 0 &&
    fields[at + 1]?.param.key === 'jto'
  ) {
    [fields[at], fields[at + 1]] = [fields[at + 1]!, fields[at]!];
  }
  return fields;
}
