/**
 * The policy part of the simulator's address: a preset (or `custom`) plus plain-string
 * overrides (`base=1`, `cap=30`, `jitter=full`, `attempts=5`…). Durations are seconds.
 * Everything here is pure: it turns strings into a {@link RetryPolicy} and reports what it could
 * not understand, naming the parameter.
 */

import { PRESETS, getPreset, type RetryPreset } from '../../core/retry/presets';
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
} from '../../core/retry/types';
import { msToSecondsText, secondsToMs } from './format';

// ---------------------------------------------------------------------------------------------
// Presets, grouped for the picker

export type PresetGroupId = 'llm' | 'library' | 'cloud' | 'gateway' | 'recipe';

export const presetGroups: readonly { readonly id: PresetGroupId; readonly label: string }[] = [
  { id: 'llm', label: 'LLM SDKs' },
  { id: 'library', label: 'Retry libraries' },
  { id: 'cloud', label: 'Cloud and gRPC' },
  { id: 'gateway', label: 'Gateways' },
  { id: 'recipe', label: 'Seed recipes' },
];

export function presetGroup(preset: RetryPreset): PresetGroupId {
  switch (preset.kind) {
    case 'gateway':
      return 'gateway';
    case 'recipe':
      return 'recipe';
    case 'protocol':
    case 'article':
      return 'cloud';
    case 'sdk':
      return /^(aws|botocore)/.test(preset.id) ? 'cloud' : 'llm';
    case 'library':
      return preset.id === 'google-api-core' ? 'cloud' : 'library';
  }
}

export function groupedPresets(): { id: PresetGroupId; label: string; presets: RetryPreset[] }[] {
  return presetGroups.map((g) => ({
    ...g,
    presets: PRESETS.filter((p) => presetGroup(p) === g.id),
  }));
}

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
// The parameters

/** Every policy parameter of the address, as typed. */
export interface PolicyParams {
  preset?: string | undefined;
  strategy?: string | undefined;
  base?: string | undefined;
  factor?: string | undefined;
  cap?: string | undefined;
  floor?: string | undefined;
  jitter?: string | undefined;
  jfrom?: string | undefined;
  jto?: string | undefined;
  jmax?: string | undefined;
  jmult?: string | undefined;
  jexp?: string | undefined;
  attempts?: string | undefined;
  retries?: string | undefined;
  deadline?: string | undefined;
  deadlinecheck?: string | undefined;
  timeout?: string | undefined;
  retryon?: string | undefined;
  ra?: string | undefined;
  ramax?: string | undefined;
  raabove?: string | undefined;
  overrides?: string | undefined;
}

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
] as const satisfies readonly (keyof PolicyParams)[];

export type PolicyParamKey = (typeof policyParamKeys)[number];

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

// ---------------------------------------------------------------------------------------------
// Reading values

type Read<T> = { ok: true; value: T } | { ok: false };

function seconds(value: string, allowNone: boolean): Read<number | null> {
  const v = value.trim().toLowerCase();
  if (allowNone && (v === 'none' || v === 'off')) return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(v)) return { ok: false };
  return { ok: true, value: secondsToMs(Number(v)) };
}

function positiveNumber(value: string, { allowZero = false } = {}): Read<number> {
  const v = value.trim();
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(v)) return { ok: false };
  const n = Number(v);
  return n > 0 || (allowZero && n === 0) ? { ok: true, value: n } : { ok: false };
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
// Strategy and jitter helpers

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

// ---------------------------------------------------------------------------------------------
// Resolution

/** Turn the address into a policy: the preset, then each understood override. */
export function resolvePolicy(params: PolicyParams): ResolvedPolicy {
  const problems: string[] = [];
  const edited = new Set<PolicyParamKey>();
  const requested = params.preset?.trim();
  let presetId = requested || DEFAULT_PRESET_ID;
  let preset = presetId === CUSTOM_ID ? undefined : getPreset(presetId);
  if (presetId !== CUSTOM_ID && !preset) {
    problems.push(
      `"preset=${requested}" is not a known preset; the ${getPreset(DEFAULT_PRESET_ID)?.label} is shown.`,
    );
    presetId = DEFAULT_PRESET_ID;
    preset = getPreset(DEFAULT_PRESET_ID);
  }
  const basePolicy = preset?.policy ?? CUSTOM_POLICY;

  const bad = (key: PolicyParamKey, expected: string) =>
    problems.push(
      `"${key}=${params[key]}" is not understood (expected ${expected}); it is ignored.`,
    );
  const given = (key: PolicyParamKey): string | undefined => {
    const v = params[key];
    return v === undefined || v.trim() === '' ? undefined : v;
  };

  // --- Backoff -----------------------------------------------------------------------------
  let backoff: BackoffSpec = basePolicy.backoff;
  let kind = backoff.strategy.kind;
  let base = strategyBase(backoff.strategy);
  let factor = strategyFactor(backoff.strategy);

  const strategyText = given('strategy');
  if (strategyText !== undefined) {
    const code = strategyText.trim().toLowerCase();
    if (code in strategyCodes) {
      const next = strategyCodes[code as StrategyCode];
      if (next !== kind) {
        kind = next;
        factor = undefined; // the old second number means something else now
      }
      edited.add('strategy');
    } else bad('strategy', 'const, linear, exp or power');
  }
  const baseText = given('base');
  if (baseText !== undefined) {
    const r = seconds(baseText, false);
    if (r.ok && r.value !== null) {
      base = r.value;
      edited.add('base');
    } else bad('base', 'a number of seconds, e.g. 0.5');
  }
  const factorText = given('factor');
  if (factorText !== undefined) {
    if (kind === 'constant') {
      problems.push(`"factor=${factorText}" has no effect on a constant backoff; it is ignored.`);
    } else if (factorIsDuration(kind)) {
      const r = seconds(factorText, false);
      if (r.ok && r.value !== null) {
        factor = r.value;
        edited.add('factor');
      } else bad('factor', 'the seconds added per retry, e.g. 1');
    } else {
      const r = positiveNumber(factorText);
      if (r.ok) {
        factor = r.value;
        edited.add('factor');
      } else bad('factor', 'a number above 0, e.g. 2');
    }
  }
  const strategy = makeStrategy(kind, base, factor);
  backoff = { ...backoff, strategy };

  const capText = given('cap');
  if (capText !== undefined) {
    const r = seconds(capText, true);
    if (r.ok) {
      backoff = withOptional(backoff, 'maxDelayMs', r.value);
      edited.add('cap');
    } else bad('cap', 'seconds or "none"');
  }
  const floorText = given('floor');
  if (floorText !== undefined) {
    const r = seconds(floorText, true);
    if (r.ok) {
      backoff = withOptional(backoff, 'minDelayMs', r.value);
      edited.add('floor');
    } else bad('floor', 'seconds or "none"');
  }

  let jitter: Jitter = backoff.jitter;
  const jitterText = given('jitter');
  if (jitterText !== undefined) {
    const code = jitterText.trim().toLowerCase();
    if (code in jitterCodes) {
      const next = jitterCodes[code as JitterCode];
      if (next !== jitter.kind) jitter = defaultJitter(next);
      edited.add('jitter');
    } else bad('jitter', 'none, full, equal, mult, add, decorr or decorr2');
  }
  const jitterParam = (
    key: 'jfrom' | 'jto' | 'jmax' | 'jmult' | 'jexp',
    applies: Jitter['kind'],
    read: (text: string) => Read<number | null>,
    expected: string,
    set: (j: Jitter, v: number) => Jitter,
  ) => {
    const text = given(key);
    if (text === undefined) return;
    if (jitter.kind !== applies) {
      problems.push(
        `"${key}=${text}" only applies to ${applies} jitter (this policy uses ${jitter.kind}); it is ignored.`,
      );
      return;
    }
    const r = read(text);
    if (r.ok && r.value !== null) {
      jitter = set(jitter, r.value);
      edited.add(key);
    } else bad(key, expected);
  };
  const plain = (opts?: { allowZero?: boolean }) => (t: string) => positiveNumber(t, opts);
  jitterParam(
    'jfrom',
    'multiplicative',
    plain({ allowZero: true }),
    'a factor ≥ 0, e.g. 0.75',
    (j, v) => (j.kind === 'multiplicative' ? { ...j, from: v } : j),
  );
  jitterParam(
    'jto',
    'multiplicative',
    plain({ allowZero: true }),
    'a factor ≥ 0, e.g. 1',
    (j, v) => (j.kind === 'multiplicative' ? { ...j, to: v } : j),
  );
  jitterParam(
    'jmax',
    'additive',
    (t) => seconds(t, false),
    'seconds, e.g. 1',
    (j, v) => (j.kind === 'additive' ? { ...j, maxMs: v } : j),
  );
  jitterParam(
    'jmult',
    'decorrelated',
    (t) => {
      const r = positiveNumber(t);
      return r.ok && r.value >= 1 ? r : { ok: false };
    },
    'a multiplier ≥ 1, e.g. 3',
    (j, v) => (j.kind === 'decorrelated' ? { ...j, multiplier: v } : j),
  );
  jitterParam('jexp', 'decorrelated-v2', plain(), 'an exponent above 0, e.g. 2', (j, v) =>
    j.kind === 'decorrelated-v2' ? { ...j, exponent: v } : j,
  );
  backoff = { ...backoff, jitter };

  // --- Limits --------------------------------------------------------------------------------
  let maxAttempts = basePolicy.maxAttempts;
  const attemptsText = given('attempts');
  const retriesText = given('retries');
  const readCount = (text: string): Read<number> => {
    const v = text.trim().toLowerCase();
    if (v === 'inf' || v === 'unlimited' || v === 'none') return { ok: true, value: Infinity };
    if (!/^\d+$/.test(v)) return { ok: false };
    const n = Number(v);
    return n <= 1000 ? { ok: true, value: n } : { ok: false };
  };
  if (attemptsText !== undefined) {
    const r = readCount(attemptsText);
    if (r.ok && r.value >= 1) {
      maxAttempts = r.value;
      edited.add('attempts');
    } else bad('attempts', 'a whole number of attempts from 1 to 1000, or "inf"');
    if (retriesText !== undefined)
      problems.push(
        `"retries=${retriesText}" and "attempts=${attemptsText}" both set the limit; "attempts" wins.`,
      );
  } else if (retriesText !== undefined) {
    const r = readCount(retriesText);
    if (r.ok && r.value <= 999) {
      maxAttempts = r.value + 1;
      edited.add('retries');
    } else bad('retries', 'a whole number of retries from 0 to 999, or "inf"');
  }

  let deadlines = basePolicy.deadlines;
  const deadlineText = given('deadline');
  const checkText = given('deadlinecheck');
  let check: Deadline['check'] | undefined;
  if (checkText !== undefined) {
    if ((deadlineChecks as readonly string[]).includes(checkText)) {
      check = checkText as Deadline['check'];
    } else bad('deadlinecheck', deadlineChecks.join(', '));
  }
  if (deadlineText !== undefined) {
    const r = seconds(deadlineText, true);
    if (r.ok) {
      deadlines =
        r.value === null
          ? undefined
          : [{ ms: r.value, check: check ?? deadlines?.[0]?.check ?? 'after-attempt' }];
      edited.add('deadline');
      if (check) edited.add('deadlinecheck');
    } else bad('deadline', 'seconds or "none"');
  } else if (check) {
    if (deadlines && deadlines.length > 0) {
      deadlines = deadlines.map((d, i) => (i === 0 ? { ...d, check: check! } : d));
      edited.add('deadlinecheck');
    } else
      problems.push(
        `"deadlinecheck=${checkText}" needs a deadline (this policy has none); it is ignored.`,
      );
  }

  let attemptTimeoutMs = basePolicy.attemptTimeoutMs;
  const timeoutText = given('timeout');
  if (timeoutText !== undefined) {
    const r = seconds(timeoutText, true);
    if (r.ok && r.value !== 0) {
      attemptTimeoutMs = r.value ?? undefined;
      edited.add('timeout');
    } else bad('timeout', 'seconds above 0, or "none"');
  }

  // --- What is retried ----------------------------------------------------------------------
  let retryOn = basePolicy.retryOn;
  const retryOnText = given('retryon');
  if (retryOnText !== undefined) {
    const r = parseRetryOn(retryOnText);
    if (r.ok) {
      retryOn = {
        ...r.value,
        ...(basePolicy.retryOn.shouldRetryHeader ? { shouldRetryHeader: true } : {}),
      };
      edited.add('retryon');
    } else problems.push(`"retryon=${retryOnText}" is not understood: ${r.error}; it is ignored.`);
  }

  // --- Retry-After ---------------------------------------------------------------------------
  let retryAfter = basePolicy.retryAfter;
  const raText = given('ra');
  if (raText !== undefined) {
    const v = raText.trim().toLowerCase();
    if (v === 'ignore') {
      retryAfter = undefined;
      edited.add('ra');
    } else if (v === 'honour' || v === 'honor') {
      if (!retryAfter) retryAfter = DEFAULT_RETRY_AFTER;
      edited.add('ra');
    } else bad('ra', 'ignore or honour');
  }
  const raMaxText = given('ramax');
  const raAboveText = given('raabove');
  if ((raMaxText !== undefined || raAboveText !== undefined) && !retryAfter) {
    problems.push(
      `Retry-After is ignored by this policy, so ${[
        raMaxText !== undefined ? `"ramax=${raMaxText}"` : '',
        raAboveText !== undefined ? `"raabove=${raAboveText}"` : '',
      ]
        .filter(Boolean)
        .join(
          ' and ',
        )} ${raMaxText !== undefined && raAboveText !== undefined ? 'have' : 'has'} no effect (add ra=honour).`,
    );
  } else if (retryAfter) {
    if (raMaxText !== undefined) {
      const r = seconds(raMaxText, true);
      if (r.ok) {
        const { maxMs: _max, maxInclusive: _inc, ...rest } = retryAfter;
        retryAfter = r.value === null ? rest : { ...rest, maxMs: r.value, maxInclusive: true };
        edited.add('ramax');
      } else bad('ramax', 'seconds or "none"');
    }
    if (raAboveText !== undefined) {
      if ((hintFallbacks as readonly string[]).includes(raAboveText)) {
        retryAfter = { ...retryAfter, aboveMax: raAboveText as HintFallback };
        edited.add('raabove');
      } else bad('raabove', hintFallbacks.join(', '));
    }
  }

  // --- Per-status backoffs -------------------------------------------------------------------
  let backoffOverrides = basePolicy.backoffOverrides;
  const overridesText = given('overrides');
  if (overridesText !== undefined) {
    if (overridesText === 'off') {
      if (backoffOverrides && backoffOverrides.length > 0) edited.add('overrides');
      backoffOverrides = undefined;
    } else bad('overrides', '"off"');
  }

  const policy: RetryPolicy = stripUndefined({
    ...basePolicy,
    maxAttempts,
    backoff,
    backoffOverrides,
    retryOn,
    retryAfter,
    attemptTimeoutMs,
    deadlines,
  });
  return { presetId, preset, basePolicy, policy, edited, problems };
}

function withOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | null): T {
  const copy = { ...obj };
  if (value === null) delete copy[key];
  else copy[key] = value;
  return copy;
}

function stripUndefined<T extends object>(obj: T): T {
  const out = { ...obj };
  for (const key of Object.keys(out) as (keyof T)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing values

/** Seconds for the address (`"0.5"`), or `"none"` for absent / infinite. */
export function secondsParam(ms: number | undefined): string {
  return ms === undefined || !Number.isFinite(ms) ? 'none' : msToSecondsText(ms);
}

export function countParam(n: number): string {
  return Number.isFinite(n) ? String(n) : 'inf';
}

/** Presets as `{ id, label }` for lists of choices. */
export function presetChoices(): { id: string; label: string }[] {
  return PRESETS.map((p) => ({ id: p.id, label: p.label }));
}

export function policyLabel(presetId: string): string {
  return presetId === CUSTOM_ID ? 'Custom policy' : (getPreset(presetId)?.label ?? presetId);
}

/** The address text of every parameter for a policy (what the form shows). */
export function policyToParams(policy: RetryPolicy): Record<PolicyParamKey, string> {
  const b = policy.backoff;
  const j = b.jitter;
  const factor = strategyFactor(b.strategy);
  const ra = policy.retryAfter;
  return {
    strategy: strategyCode(b.strategy.kind),
    base: secondsParam(strategyBase(b.strategy)),
    factor:
      factor === undefined
        ? ''
        : factorIsDuration(b.strategy.kind)
          ? secondsParam(factor)
          : String(factor),
    cap: secondsParam(b.maxDelayMs),
    floor: secondsParam(b.minDelayMs),
    jitter: jitterCode(j.kind),
    jfrom: j.kind === 'multiplicative' ? String(j.from) : '',
    jto: j.kind === 'multiplicative' ? String(j.to) : '',
    jmax: j.kind === 'additive' ? secondsParam(j.maxMs) : '',
    jmult: j.kind === 'decorrelated' ? String(j.multiplier) : '',
    jexp: j.kind === 'decorrelated-v2' ? String(j.exponent) : '',
    attempts: countParam(policy.maxAttempts),
    retries: countParam(policy.maxAttempts - 1),
    deadline: secondsParam(policy.deadlines?.[0]?.ms),
    deadlinecheck: policy.deadlines?.[0]?.check ?? '',
    timeout: secondsParam(policy.attemptTimeoutMs),
    retryon: formatRetryOn(policy.retryOn),
    ra: ra ? 'honour' : 'ignore',
    ramax: secondsParam(ra?.maxMs),
    raabove: ra?.aboveMax ?? '',
    overrides: policy.backoffOverrides?.length ? 'on' : 'off',
  };
}
