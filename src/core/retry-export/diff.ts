/**
 * The caveats of an export: a field-by-field comparison of the policy with the policy that the
 * emitted code actually implements (its "effective" policy). Each exporter builds the effective
 * policy from the same decisions that produce the code, and says, per aspect, why the target
 * differs; this module turns the differences into sentences and severities.
 */

import type {
  BackoffOverride,
  DateSyntax,
  Deadline,
  HintFallback,
  HintSource,
  NumberSyntax,
  QuotaConfig,
  RetryAfterRule,
  RetryPolicy,
} from '../retry/types';
import {
  compareDelays,
  describeDelayDifference,
  retriesToCompare,
  specModel,
  type DelayModel,
} from './delays';
import { describeStatusList, describeStatuses, formatMs, statusSet } from './format';
import type { Caveat } from './types';

export type Aspect =
  | 'attempts'
  | 'backoff'
  | 'overrides'
  | 'statuses'
  | 'connectionErrors'
  | 'timeouts'
  | 'shouldRetryHeader'
  | 'retryAfter'
  | 'attemptTimeout'
  | 'deadlines'
  | 'delayFrom'
  | 'sleepAfterFinalFailure'
  | 'quota';

/** What the exported code does, in engine terms. */
export interface Effective {
  readonly policy: RetryPolicy;
  /** The default backoff, when the target's formula is not a `BackoffSpec`. */
  readonly backoffModel?: DelayModel;
  /** Per override label, likewise. */
  readonly overrideModels?: ReadonlyMap<string, DelayModel>;
  /** Why the target differs, per aspect (the start of the caveat). */
  readonly why?: Partial<Record<Aspect, string>>;
}

function sentence(why: string | undefined, rest: string): string {
  return why ? `${why.replace(/\.?$/, '.')} ${rest}` : rest;
}

// ---------------------------------------------------------------------------------------------
// Descriptions

const NUMBER_NAMES: Record<NumberSyntax, string> = {
  'js-parseFloat': 'JS parseFloat',
  'js-parseInt': 'JS parseInt',
  'js-integer': 'an integer (JS Number)',
  'py-float': 'Python float()',
  'py-int': 'Python int()',
  'strict-int': 'digits only',
};

const DATE_NAMES: Record<DateSyntax, string> = {
  js: 'JS Date.parse',
  'js-ceil-nonneg': 'JS Date.parse, rounded up, 0 if past',
  py: 'RFC 2822',
  'py-trunc-s': 'RFC 2822, whole seconds',
};

function describeSource(s: HintSource): string {
  const date = s.date ? ` or an HTTP date (${DATE_NAMES[s.date]})` : '';
  return `${s.header} (${s.unit === 's' ? 'seconds' : 'ms'}, ${NUMBER_NAMES[s.number]}${date})`;
}

function describeFallback(f: HintFallback): string {
  switch (f) {
    case 'backoff':
      return 'own backoff';
    case 'clamp':
      return 'the nearest bound';
    case 'give-up':
      return 'no retry';
  }
}

function bound(ms: number): string {
  return ms === 0 ? '0' : formatMs(ms);
}

/** `0 < RA ≤ 120 s`, `RA ≥ 0`, `any RA`. */
export function describeHintRange(rule: RetryAfterRule): string {
  const min = rule.minMs ?? 0;
  const max = rule.maxMs ?? Number.POSITIVE_INFINITY;
  const lo = Number.isFinite(min)
    ? `${bound(min)} ${rule.minInclusive === false ? '<' : '≤'} `
    : '';
  const hi = Number.isFinite(max)
    ? ` ${rule.maxInclusive === false ? '<' : '≤'} ${bound(max)}`
    : '';
  if (!lo && !hi) return 'any RA';
  return `${lo}RA${hi}`;
}

/** Each clause of a hint rule as [label, value], so that two rules compare clause by clause. */
export function hintClauses(rule: RetryAfterRule): [string, string][] {
  const select = {
    'first-valid': 'the first that parses',
    'first-truthy': 'the first non-zero one (a 0 only when nothing else is set)',
    'first-present': 'the first present, valid or not',
  }[rule.select];
  const combine = {
    replace: 'replaces the backoff',
    'add-jitter': "plus the backoff's additive jitter",
    'aws-window': `max(backoff, min(hint, backoff + ${formatMs(rule.windowMs ?? 0)}))`,
  }[rule.combine ?? 'replace'];
  const after = {
    keep: 'the backoff continues',
    'reset-backoff': 'the backoff restarts at retry 0',
    'zero-backoff': 'every later backoff is 0',
  }[rule.afterHonour ?? 'keep'];
  return [
    ['headers read', rule.sources.map(describeSource).join(', then ')],
    ['header used', select],
    [
      'read on',
      rule.statuses ? `status ${describeStatusList(rule.statuses)} only` : 'every status',
    ],
    ['honoured', describeHintRange(rule)],
    ['below the range', describeFallback(rule.belowMin)],
    ['above the range', describeFallback(rule.aboveMax)],
    ['unparseable', describeFallback(rule.invalid)],
    ['an honoured hint', combine],
    [
      'hint budget',
      rule.budgetMs === undefined ? 'none' : `${formatMs(rule.budgetMs)} per call, then no retry`,
    ],
    ['after an honoured hint', after],
  ];
}

function summarizeHints(rule: RetryAfterRule): string {
  const keep = new Set(['headers read', 'read on', 'honoured', 'above the range']);
  return hintClauses(rule)
    .filter(([k]) => keep.has(k))
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}

function describeDeadline(d: Deadline): string {
  const how = {
    'after-attempt': 'checked after each failed attempt',
    'before-sleep': 'checked before each sleep (elapsed + the next sleep)',
    clip: 'sleeps are shortened to end at the limit',
    hard: 'an abort signal that also cuts off an attempt in flight',
  }[d.check];
  const edge =
    d.check === 'hard' ? '' : d.inclusive ? ', reaching it counts' : ', only passing it counts';
  return `${formatMs(d.ms)} (${how}${edge})`;
}

function normalizeDeadlines(ds: readonly Deadline[] | undefined): Deadline[] {
  return [...(ds ?? [])]
    .map((d) => ({ ms: d.ms, check: d.check, inclusive: d.check === 'hard' || !!d.inclusive }))
    .sort((a, b) => a.ms - b.ms || a.check.localeCompare(b.check));
}

export function describeQuota(q: QuotaConfig): string {
  if (q.kind === 'grpc-throttle') {
    return `gRPC retry throttling (maxTokens ${q.maxTokens}, tokenRatio ${q.tokenRatio})`;
  }
  return `an AWS retry quota (${q.capacity} tokens; a retry costs ${q.retryCost}, or ${q.costlyRetryCost} for transient errors)`;
}

function describeOutcomes(o: BackoffOverride): string {
  const parts: string[] = [];
  if (o.statuses) parts.push(`status ${describeStatusList(o.statuses)}`);
  for (const e of o.errors ?? []) parts.push(e === 'timeout' ? 'timeouts' : 'connection errors');
  return parts.join(', ') || 'no outcome';
}

function delayText(policy: DelayModel, exported: DelayModel, n: number, maxDiffMs: number): string {
  if (maxDiffMs <= 1) {
    return `The delays differ only by rounding (at most ${formatMs(maxDiffMs)} apart).`;
  }
  return describeDelayDifference(policy, exported, n);
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** The caveats of exporting `policy` as code that implements `eff`. */
export function diffPolicy(policy: RetryPolicy, eff: Effective): Caveat[] {
  const out: Caveat[] = [];
  const why = eff.why ?? {};
  const e = eff.policy;
  const minor = (text: string) => out.push({ text, severity: 'minor' });
  const major = (text: string) => out.push({ text, severity: 'major' });

  // Attempts
  if (policy.maxAttempts !== e.maxAttempts) {
    const exported = Number.isFinite(e.maxAttempts)
      ? `${e.maxAttempts - 1} retries (${e.maxAttempts} attempts)`
      : 'unlimited retries';
    if (!Number.isFinite(policy.maxAttempts)) {
      major(
        sentence(
          why.attempts,
          `The policy has no attempt limit; the export allows ${exported} as a stand-in.`,
        ),
      );
    } else {
      minor(
        sentence(
          why.attempts,
          `The policy makes up to ${policy.maxAttempts} attempts; the export allows ${exported}.`,
        ),
      );
    }
  }

  // Delays (only when the policy retries at all)
  const n = retriesToCompare(policy.maxAttempts);
  if (n > 0) {
    const pm = specModel(policy.backoff, policy.maxAttempts);
    const em = eff.backoffModel ?? specModel(e.backoff, e.maxAttempts);
    const cmp = compareDelays(pm, em, n);
    if (!cmp.equal) {
      const text = sentence(why.backoff, delayText(pm, em, n, cmp.maxDiffMs));
      if (cmp.overlap) minor(text);
      else major(`${text} For at least one retry no exported delay lies in the policy's range.`);
    }
    if (!!pm.sorted !== !!em.sorted) {
      minor(
        pm.sorted
          ? 'The policy draws all its delays up front and sorts them ascending (node-retry 0.13); the export draws each delay independently.'
          : 'The export draws all delays up front and sorts them ascending; the policy draws each delay independently.',
      );
    }
    for (const po of policy.backoffOverrides ?? []) {
      const pom = specModel(po.backoff, policy.maxAttempts);
      const eo = e.backoffOverrides?.find((o) => o.label === po.label);
      const eom =
        eff.overrideModels?.get(po.label) ?? (eo ? specModel(eo.backoff, e.maxAttempts) : em);
      const c = compareDelays(pom, eom, n);
      if (!c.equal) {
        const text = sentence(
          why.overrides,
          `For ${describeOutcomes(po)} ("${po.label}") the policy uses its own backoff. ${delayText(pom, eom, n, c.maxDiffMs)}`,
        );
        if (c.overlap) minor(text);
        else major(`${text} For at least one retry no exported delay lies in the policy's range.`);
      }
    }
  }

  // What is retried
  const ps = statusSet(policy.retryOn.statuses);
  const es = statusSet(e.retryOn.statuses);
  const onlyPolicy = [...ps].filter((s) => !es.has(s));
  const onlyExport = [...es].filter((s) => !ps.has(s));
  if (onlyPolicy.length > 0 || onlyExport.length > 0) {
    const parts: string[] = [];
    if (onlyPolicy.length > 0)
      parts.push(`retried by the policy only: ${describeStatuses(onlyPolicy)}`);
    if (onlyExport.length > 0)
      parts.push(`retried by the export only: ${describeStatuses(onlyExport)}`);
    minor(sentence(why.statuses, `Statuses ${parts.join('; ')}.`));
  }
  const flag = (p: boolean, x: boolean, what: string, aspect: Aspect) => {
    if (p === x) return;
    minor(
      sentence(
        why[aspect],
        p
          ? `The policy retries ${what}; the export does not.`
          : `The export retries ${what}; the policy does not.`,
      ),
    );
  };
  flag(
    policy.retryOn.connectionErrors,
    e.retryOn.connectionErrors,
    'connection errors',
    'connectionErrors',
  );
  flag(policy.retryOn.timeouts, e.retryOn.timeouts, 'timeouts', 'timeouts');
  const ph = !!policy.retryOn.shouldRetryHeader;
  const eh = !!e.retryOn.shouldRetryHeader;
  if (ph !== eh) {
    minor(
      sentence(
        why.shouldRetryHeader,
        ph
          ? 'The policy obeys x-should-retry (true retries any status, false never retries); the export ignores it.'
          : 'The export obeys x-should-retry (true retries any status, false never retries); the policy ignores it.',
      ),
    );
  }

  // Server hints
  if (policy.retryAfter && !e.retryAfter) {
    minor(
      sentence(
        why.retryAfter,
        `The export ignores server hints (Retry-After), which the policy honours (${summarizeHints(policy.retryAfter)}).`,
      ),
    );
  } else if (!policy.retryAfter && e.retryAfter) {
    minor(
      sentence(
        why.retryAfter,
        `The export honours server hints (Retry-After), which the policy ignores (${summarizeHints(e.retryAfter)}).`,
      ),
    );
  } else if (policy.retryAfter && e.retryAfter) {
    const pc = hintClauses(policy.retryAfter);
    const ec = new Map(hintClauses(e.retryAfter));
    const diffs = pc
      .filter(([k, v]) => ec.get(k) !== v)
      .map(([k, v]) => `${k}: policy ${v}, export ${ec.get(k) ?? '—'}`);
    if (diffs.length > 0) {
      minor(sentence(why.retryAfter, `Server hints (Retry-After) differ: ${diffs.join('; ')}.`));
    }
  }

  // Time limits
  if (policy.attemptTimeoutMs !== e.attemptTimeoutMs) {
    const fmt = (v: number | undefined) => (v === undefined ? 'none' : formatMs(v));
    minor(
      sentence(
        why.attemptTimeout,
        `Per-attempt timeout: the policy ${fmt(policy.attemptTimeoutMs)}, the export ${fmt(e.attemptTimeoutMs)}.`,
      ),
    );
  }
  const pd = normalizeDeadlines(policy.deadlines);
  const ed = normalizeDeadlines(e.deadlines);
  if (JSON.stringify(pd) !== JSON.stringify(ed)) {
    const list = (ds: Deadline[]) => (ds.length ? ds.map(describeDeadline).join(' and ') : 'none');
    minor(
      sentence(
        why.deadlines,
        `Whole-call time limit: the policy ${list(pd)}; the export ${list(ed)}.`,
      ),
    );
  }
  if ((policy.delayFrom ?? 'attempt-end') !== (e.delayFrom ?? 'attempt-end')) {
    minor(
      sentence(
        why.delayFrom,
        policy.delayFrom === 'attempt-start'
          ? 'The policy measures each delay from the start of the failed attempt; the export waits after the attempt ends, so a slow attempt adds its duration.'
          : 'The export measures each delay from the start of the failed attempt; the policy waits after it ends.',
      ),
    );
  }
  if (!!policy.sleepAfterFinalFailure !== !!e.sleepAfterFinalFailure) {
    minor(
      sentence(
        why.sleepAfterFinalFailure,
        policy.sleepAfterFinalFailure
          ? 'The policy sleeps once more after the final failed attempt before giving up; the export gives up at once.'
          : 'The export sleeps once more after the final failed attempt; the policy gives up at once.',
      ),
    );
  }
  if (policy.quota && JSON.stringify(policy.quota) !== JSON.stringify(e.quota)) {
    minor(
      sentence(
        why.quota,
        `The policy shares ${describeQuota(policy.quota)} across calls; the export has no retry budget.`,
      ),
    );
  }
  return out;
}
