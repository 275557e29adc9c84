import { useState } from 'react';
import type { RetryPreset } from '../../core/retry/presets';
import { getPreset } from '../../core/retry/presets';
import type { RetryAfterRule, RetryPolicy } from '../../core/retry/types';
import { CopyButton } from '../../components/copy-button';
import {
  CUSTOM_ID,
  deadlineChecks,
  formatRetryOn,
  groupedPresets,
  hintFallbacks,
  parseRetryOn,
  policyToParams,
  type JitterCode,
  type PolicyParamKey,
  type ResolvedPolicy,
  type StrategyCode,
} from './policy-params';
import {
  EditedMark,
  SelectParam,
  TextParam,
  buttonClass,
  numberValidator,
  secondsValidator,
  selectClass,
} from './fields';
import { formatDuration } from './format';

const strategyOptions: { value: StrategyCode; label: string }[] = [
  { value: 'const', label: 'Constant' },
  { value: 'linear', label: 'Linear' },
  { value: 'exp', label: 'Exponential' },
  { value: 'power', label: 'Power' },
];

const strategyFormulas: Record<StrategyCode, string> = {
  const: 'd = base',
  linear: 'd = base + step·k',
  exp: 'd = base·factor^k',
  power: 'd = base·k^exponent',
};

const jitterOptions: { value: JitterCode; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'full', label: 'Full' },
  { value: 'equal', label: 'Equal' },
  { value: 'mult', label: 'Multiplicative' },
  { value: 'add', label: 'Additive' },
  { value: 'decorr', label: 'Decorrelated (AWS)' },
  { value: 'decorr2', label: 'Decorrelated V2 (Polly)' },
];

const jitterFormulas: Record<JitterCode, string> = {
  none: 'wait = d',
  full: 'wait = U(0, d)',
  equal: 'wait = d/2 + U(0, d/2)',
  mult: 'wait = d·U(from, to)',
  add: 'wait = d + U(0, max)',
  decorr: 'wait = U(base, previous·m)',
  decorr2: 'Polly / cockatiel curve around base',
};

const checkLabels: Record<(typeof deadlineChecks)[number], string> = {
  'after-attempt': 'after a failed attempt (can overshoot)',
  'before-sleep': 'before sleeping (gives up if the sleep would pass it)',
  clip: 'clip the last sleep to end at it',
  hard: 'hard: aborts the attempt in flight',
};

const aboveLabels: Record<(typeof hintFallbacks)[number], string> = {
  backoff: 'uses the backoff',
  'give-up': 'gives up',
  clamp: 'waits the bound',
};

export type PatchPolicy = (
  patch: Partial<Record<PolicyParamKey | 'preset', string | undefined>>,
) => void;

function describeRetryAfter(rule: RetryAfterRule): string {
  const headers = rule.sources
    .map((s) => `${s.header}${s.date ? ' (or HTTP date)' : ''}`)
    .join(', then ');
  const min = rule.minMs ?? 0;
  const lower = Number.isFinite(min)
    ? `${rule.minInclusive === false ? '>' : '≥'} ${formatDuration(min)}`
    : '';
  const upper =
    rule.maxMs !== undefined
      ? `${rule.maxInclusive === false ? '<' : '≤'} ${formatDuration(rule.maxMs)}`
      : '';
  const range = [lower, upper].filter(Boolean).join(' and ') || 'any value';
  const parts = [`Reads ${headers}; honoured when ${range}.`];
  if (rule.statuses)
    parts.push(
      `Only on ${rule.statuses.map((s) => (typeof s === 'number' ? s : `${s.from}–${s.to}`)).join(', ')}.`,
    );
  if (rule.combine === 'add-jitter') parts.push('The jitter is added to the hint.');
  if (rule.combine === 'aws-window')
    parts.push(`Delay = max(backoff, min(hint, backoff + ${formatDuration(rule.windowMs ?? 0)})).`);
  if (rule.budgetMs !== undefined)
    parts.push(`At most ${formatDuration(rule.budgetMs)} of hints per call.`);
  if (rule.afterHonour === 'reset-backoff') parts.push('An honoured hint restarts the backoff.');
  if (rule.afterHonour === 'zero-backoff') parts.push('After an honoured hint every backoff is 0.');
  return parts.join(' ');
}

function backoffExtras(policy: RetryPolicy): string[] {
  const b = policy.backoff;
  const out: string[] = [];
  if (b.clampStage === 'after-jitter') out.push('the cap and minimum apply after the jitter');
  if (b.rounding && b.rounding !== 'none') out.push(`delays are rounded (${b.rounding})`);
  if (b.schedule === 'precomputed-sorted') out.push('all delays are drawn up front and sorted');
  if (b.jitterFromIndex) out.push(`the first ${b.jitterFromIndex} wait(s) have no jitter`);
  if (b.indexOffset) out.push(`the index is shifted by ${b.indexOffset} (k runs 0, 0, 1, 2…)`);
  if (policy.delayFrom === 'attempt-start')
    out.push('waits are measured from the start of the failed attempt');
  if (policy.sleepAfterFinalFailure) out.push('it sleeps once more after the last failure');
  if (policy.quota) out.push(`a shared retry quota (${policy.quota.kind}) applies across calls`);
  return out;
}

export function PresetInfo({
  preset,
  onStack,
}: {
  preset: RetryPreset;
  /** Show this recipe stacked on the client it wraps. */
  onStack?: () => void;
}) {
  const wraps = preset.wraps ? getPreset(preset.wraps) : undefined;
  return (
    <div className="space-y-2 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-semibold">Configured as</dt>
        <dd>{preset.configuredAs}</dd>
        <dt className="font-semibold">Follows</dt>
        <dd>
          {preset.follows.package} {preset.follows.version}
          {preset.follows.commit && (
            <>
              {' '}
              @ <code className="font-mono text-xs">{preset.follows.commit.slice(0, 10)}</code>
            </>
          )}
        </dd>
        <dt className="font-semibold">Source</dt>
        <dd className="break-all">
          {/^https?:/.test(preset.source) ? (
            <a href={preset.source} target="_blank" rel="noreferrer noopener">
              {preset.source.replace(/^https:\/\/(www\.)?/, '')}
            </a>
          ) : (
            preset.source
          )}
        </dd>
      </dl>
      {preset.optIn && (
        <p className="rounded border border-sky-300 bg-sky-50 px-2 py-1 dark:border-sky-800 dark:bg-sky-950/60">
          <span aria-hidden="true">ⓘ </span>Retries are off by default in this client; this is what
          it does once they are switched on.
        </p>
      )}
      {wraps && (
        <p>
          This recipe wraps the <strong>{wraps.label}</strong>, whose own retries run inside each of
          its attempts.{' '}
          {onStack && (
            <button type="button" className="underline" onClick={onStack}>
              See the two stacked
            </button>
          )}
        </p>
      )}
      <details open>
        <summary className="cursor-pointer font-semibold">Notes ({preset.notes.length})</summary>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {preset.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
      {preset.unconfirmed.length > 0 && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/60">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>Not confirmed ({preset.unconfirmed.length})
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {preset.unconfirmed.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The preset select, grouped, with a custom policy first. */
export function PresetSelect({
  id,
  value,
  onChange,
  label,
  extra,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  label: string;
  extra?: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${selectClass} mt-0.5`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {extra?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        <option value={CUSTOM_ID}>Custom policy (exponential 1 s ×2, full jitter)</option>
        {groupedPresets().map((g) => (
          <optgroup key={g.id} label={g.label}>
            {g.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function PolicyPicker({
  resolved,
  countMode: initialCountMode,
  onPatch,
  onReset,
  onStack,
  shareUrl,
}: {
  resolved: ResolvedPolicy;
  countMode: 'attempts' | 'retries';
  onPatch: PatchPolicy;
  onReset: () => void;
  onStack: (wraps: string) => void;
  shareUrl: string;
}) {
  const { policy, basePolicy, preset, presetId, edited } = resolved;
  const [countMode, setCountMode] = useState(initialCountMode);
  const values = policyToParams(policy);
  const base = policyToParams(basePolicy);
  const isEdited = (k: PolicyParamKey) => edited.has(k);
  /** Set a parameter, dropping it when it equals the preset's value. */
  const set = (
    key: PolicyParamKey,
    text: string,
    extra: Partial<Record<PolicyParamKey, undefined>> = {},
  ) => onPatch({ [key]: text === base[key] ? undefined : text, ...extra });

  const kind = policy.backoff.strategy.kind;
  const jitter = policy.backoff.jitter;
  const deadlines = policy.deadlines ?? [];
  const extras = backoffExtras(policy);
  const finite = Number.isFinite(policy.maxAttempts);

  return (
    <section
      aria-labelledby="policy-heading"
      className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id="policy-heading" className="text-lg font-semibold">
        Policy
      </h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <div className="space-y-3">
          <PresetSelect
            id="preset"
            label="Start from a real client's policy"
            value={presetId}
            onChange={(id) => onPatch({ preset: id })}
          />
          {preset ? (
            <PresetInfo
              preset={preset}
              {...(preset.wraps ? { onStack: () => onStack(preset.wraps!) } : {})}
            />
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              A custom policy: set every parameter yourself.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              onClick={onReset}
              disabled={edited.size === 0}
            >
              Reset to {preset ? 'the preset' : 'the custom defaults'}
            </button>
            <CopyButton text={shareUrl} label="Copy link to this view" className="text-sm" />
          </div>
        </div>

        <form
          aria-label="Policy parameters"
          onSubmit={(e) => e.preventDefault()}
          className="space-y-4"
        >
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-1 text-sm font-semibold">Backoff</legend>
            <SelectParam
              id="p-strategy"
              label="Strategy"
              value={values.strategy as StrategyCode}
              options={strategyOptions}
              hint={strategyFormulas[values.strategy as StrategyCode]}
              edited={isEdited('strategy')}
              onChange={(v) => set('strategy', v, { factor: undefined })}
            />
            <TextParam
              id="p-base"
              label="Base (s)"
              value={values.base}
              validate={secondsValidator()}
              edited={isEdited('base')}
              onCommit={(t) => set('base', t)}
            />
            {kind !== 'constant' && (
              <TextParam
                id="p-factor"
                label={
                  kind === 'linear'
                    ? 'Step (s per retry)'
                    : kind === 'power'
                      ? 'Exponent'
                      : 'Factor (×)'
                }
                value={values.factor}
                validate={kind === 'linear' ? secondsValidator() : numberValidator()}
                edited={isEdited('factor')}
                onCommit={(t) => set('factor', t)}
              />
            )}
            <TextParam
              id="p-cap"
              label="Cap (s)"
              value={values.cap}
              validate={secondsValidator({ allowNone: true })}
              edited={isEdited('cap')}
              hint='Largest wait; "none" for no cap.'
              onCommit={(t) => set('cap', t)}
            />
            <TextParam
              id="p-floor"
              label="Minimum wait (s)"
              value={values.floor}
              validate={secondsValidator({ allowNone: true })}
              edited={isEdited('floor')}
              hint="Applied after the cap."
              onCommit={(t) => set('floor', t)}
            />
            <SelectParam
              id="p-jitter"
              label="Jitter"
              value={values.jitter as JitterCode}
              options={jitterOptions}
              hint={jitterFormulas[values.jitter as JitterCode]}
              edited={isEdited('jitter')}
              onChange={(v) =>
                set('jitter', v, {
                  jfrom: undefined,
                  jto: undefined,
                  jmax: undefined,
                  jmult: undefined,
                  jexp: undefined,
                })
              }
            />
            {jitter.kind === 'multiplicative' && (
              <>
                <TextParam
                  id="p-jfrom"
                  label="Jitter from (×)"
                  value={values.jfrom}
                  validate={numberValidator({ min: 0, minInclusive: true, example: '0.75' })}
                  edited={isEdited('jfrom')}
                  onCommit={(t) => set('jfrom', t)}
                />
                <TextParam
                  id="p-jto"
                  label="Jitter to (×)"
                  value={values.jto}
                  validate={numberValidator({ min: 0, minInclusive: true, example: '1' })}
                  edited={isEdited('jto')}
                  onCommit={(t) => set('jto', t)}
                />
              </>
            )}
            {jitter.kind === 'additive' && (
              <TextParam
                id="p-jmax"
                label="Jitter up to (s)"
                value={values.jmax}
                validate={secondsValidator()}
                edited={isEdited('jmax')}
                onCommit={(t) => set('jmax', t)}
              />
            )}
            {jitter.kind === 'decorrelated' && (
              <TextParam
                id="p-jmult"
                label="Multiplier (≥ 1)"
                value={values.jmult}
                validate={numberValidator({ min: 1, minInclusive: true, example: '3' })}
                edited={isEdited('jmult')}
                onCommit={(t) => set('jmult', t)}
              />
            )}
            {jitter.kind === 'decorrelated-v2' && (
              <TextParam
                id="p-jexp"
                label="Exponent"
                value={values.jexp}
                validate={numberValidator()}
                edited={isEdited('jexp')}
                onCommit={(t) => set('jexp', t)}
              />
            )}
            {extras.length > 0 && (
              <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-3 dark:text-slate-400">
                Also part of this policy (not editable here): {extras.join('; ')}.
              </p>
            )}
          </fieldset>

          {basePolicy.backoffOverrides && basePolicy.backoffOverrides.length > 0 && (
            <div className="rounded border border-slate-300 p-2 text-sm dark:border-slate-600">
              <p>
                This preset uses other backoffs for some failures:{' '}
                {basePolicy.backoffOverrides.map((o) => o.label).join('; ')}. Your edits change the
                default backoff only.
              </p>
              <label className="mt-1 inline-flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={!policy.backoffOverrides}
                  onChange={(e) => onPatch({ overrides: e.target.checked ? 'off' : undefined })}
                />
                Use the default backoff for every failure
                <EditedMark edited={isEdited('overrides')} />
              </label>
            </div>
          )}

          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-1 text-sm font-semibold">Limits</legend>
            <div
              role="radiogroup"
              aria-label="Count the limit as"
              className="text-sm sm:col-span-2 lg:col-span-3"
            >
              <span className="mr-3 font-medium">Count the limit as</span>
              {(['attempts', 'retries'] as const).map((m) => (
                <label key={m} className="mr-4 inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name="count-mode"
                    value={m}
                    checked={countMode === m}
                    onChange={() => {
                      setCountMode(m);
                      if (edited.has('attempts') || edited.has('retries')) {
                        onPatch(
                          m === 'attempts'
                            ? { attempts: values.attempts, retries: undefined }
                            : { retries: values.retries, attempts: undefined },
                        );
                      }
                    }}
                  />
                  {m === 'attempts'
                    ? 'attempts (the first included)'
                    : 'retries (after the first attempt)'}
                </label>
              ))}
            </div>
            {countMode === 'attempts' ? (
              <TextParam
                id="p-attempts"
                label="Max attempts"
                value={values.attempts}
                validate={countValidator(1)}
                edited={isEdited('attempts') || isEdited('retries')}
                hint={
                  finite ? `= 1 attempt + ${policy.maxAttempts - 1} retries` : '"inf": no limit'
                }
                inputMode="text"
                onCommit={(t) => set('attempts', t, { retries: undefined })}
              />
            ) : (
              <TextParam
                id="p-retries"
                label="Max retries"
                value={values.retries}
                validate={countValidator(0)}
                edited={isEdited('attempts') || isEdited('retries')}
                hint={finite ? `= ${policy.maxAttempts} attempts in all` : '"inf": no limit'}
                inputMode="text"
                onCommit={(t) => set('retries', t, { attempts: undefined })}
              />
            )}
            <TextParam
              id="p-deadline"
              label="Overall deadline (s)"
              value={values.deadline}
              validate={secondsValidator({ allowNone: true })}
              edited={isEdited('deadline')}
              hint={
                deadlines.length > 1
                  ? `This preset has ${deadlines.length} deadlines (${deadlines
                      .map((d) => `${formatDuration(d.ms)} ${d.check}`)
                      .join(', ')}); an edit keeps one.`
                  : '"none" for no deadline.'
              }
              onCommit={(t) => set('deadline', t)}
            />
            {deadlines.length > 0 && (
              <SelectParam
                id="p-deadlinecheck"
                label="Deadline is checked"
                value={values.deadlinecheck as (typeof deadlineChecks)[number]}
                options={deadlineChecks.map((c) => ({ value: c, label: checkLabels[c] }))}
                edited={isEdited('deadlinecheck')}
                onChange={(v) => set('deadlinecheck', v)}
              />
            )}
            <TextParam
              id="p-timeout"
              label="Per-attempt timeout (s)"
              value={values.timeout}
              validate={secondsValidator({ allowNone: true, positive: true })}
              edited={isEdited('timeout')}
              hint='Each attempt gets a fresh timer; "none" for no timeout.'
              onCommit={(t) => set('timeout', t)}
            />
          </fieldset>

          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-1 text-sm font-semibold">What is retried, and Retry-After</legend>
            <TextParam
              id="p-retryon"
              className="sm:col-span-2 lg:col-span-3"
              label="Retried failures"
              value={values.retryon}
              inputMode="text"
              validate={(t) => {
                const r = parseRetryOn(t);
                return r.ok ? undefined : `${r.error}.`;
              }}
              edited={isEdited('retryon')}
              hint={
                <>
                  Statuses (429), ranges (500-599 or 5xx), <code>any</code>, <code>conn</code> for
                  connection errors, <code>timeout</code> for timeouts.
                  {policy.retryOn.shouldRetryHeader &&
                    ' The server’s x-should-retry: true/false header overrides this list.'}
                </>
              }
              onCommit={(t) => {
                const r = parseRetryOn(t);
                if (r.ok) set('retryon', formatRetryOn(r.value));
              }}
            />
            <SelectParam
              id="p-ra"
              label="Retry-After"
              value={values.ra as 'honour' | 'ignore'}
              options={[
                { value: 'honour', label: 'Honoured' },
                { value: 'ignore', label: 'Ignored' },
              ]}
              edited={isEdited('ra')}
              onChange={(v) => set('ra', v, { ramax: undefined, raabove: undefined })}
            />
            {policy.retryAfter && (
              <>
                <TextParam
                  id="p-ramax"
                  label="Honoured up to (s)"
                  value={values.ramax}
                  validate={secondsValidator({ allowNone: true })}
                  edited={isEdited('ramax')}
                  hint='"none": no upper bound.'
                  onCommit={(t) => set('ramax', t)}
                />
                <SelectParam
                  id="p-raabove"
                  label="A longer Retry-After"
                  value={values.raabove as (typeof hintFallbacks)[number]}
                  options={hintFallbacks.map((f) => ({ value: f, label: aboveLabels[f] }))}
                  edited={isEdited('raabove')}
                  onChange={(v) => set('raabove', v)}
                />
                <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-3 dark:text-slate-400">
                  {describeRetryAfter(policy.retryAfter)}
                </p>
              </>
            )}
          </fieldset>
        </form>
      </div>
    </section>
  );
}

function countValidator(min: number) {
  return (text: string): string | undefined => {
    if (/^(inf|unlimited|none)$/i.test(text)) return undefined;
    if (!/^\d+$/.test(text)) return 'Enter a whole number, or "inf".';
    const n = Number(text);
    if (n < min || n > 1000 - (min === 0 ? 1 : 0))
      return `Must be ${min} to ${min === 0 ? 999 : 1000}.`;
    return undefined;
  };
}
