/** The Policy section: a preset, its notes, and a form mapped over the parameter table. */

import { useState, type ReactNode } from 'react';
import type { RetryPreset } from '../../../core/retry/presets';
import { getPreset } from '../../../core/retry/presets';
import {
  draftOf,
  paramFields,
  policyToParams,
  type ParamField,
  type ParamGroup,
  type PolicyParamKey,
  type ResolvedPolicy,
} from '../../../core/retry/policy-params';
import type { RetryAfterRule, RetryPolicy } from '../../../core/retry/types';
import { CopyButton } from '../../../components/copy-button';
import { PresetSelect } from '../../../components/preset-select';
import { buttonClass } from '../../../components/form-styles';
import { EditedMark, SelectParam, TextParam } from '../../../components/fields';
import { formatDuration } from '../../../lib/format';
import { policyInWords } from './policy-in-words';

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

/** What the form adds to a parameter's record: input details and hints with markup. */
const fieldExtras: Partial<
  Record<
    PolicyParamKey,
    {
      readonly inputMode?: 'decimal' | 'text' | 'numeric';
      readonly className?: string;
      readonly hint?: (policy: RetryPolicy) => ReactNode;
    }
  >
> = {
  attempts: { inputMode: 'text' },
  retries: { inputMode: 'text' },
  deadline: {
    hint: (policy) => {
      const deadlines = policy.deadlines ?? [];
      return deadlines.length > 1
        ? `This preset has ${deadlines.length} deadlines (${deadlines
            .map((d) => `${formatDuration(d.ms)} ${d.check}`)
            .join(', ')}); an edit keeps one.`
        : undefined;
    },
  },
  retryon: {
    inputMode: 'text',
    className: 'sm:col-span-2 lg:col-span-3',
    hint: (policy) => (
      <>
        Statuses (429), ranges (500-599 or 5xx), <code>any</code>, <code>conn</code> for connection
        errors, <code>timeout</code> for timeouts.
        {policy.retryOn.shouldRetryHeader &&
          ' The server’s x-should-retry: true/false header overrides this list.'}
      </>
    ),
  },
};

/** One parameter as a select (with choices) or a text box. */
function ParamInput({
  field,
  policy,
  edited,
  onSet,
}: {
  field: ParamField;
  policy: RetryPolicy;
  edited: boolean;
  onSet: (text: string) => void;
}) {
  const { param, label, value } = field;
  const extras = fieldExtras[param.key];
  const hint = extras?.hint?.(policy) ?? field.hint;
  const id = `p-${param.key}`;
  if (param.choices)
    return (
      <SelectParam
        id={id}
        label={label}
        value={value}
        options={param.choices}
        {...(hint ? { hint } : {})}
        edited={edited}
        onChange={onSet}
      />
    );
  const d = draftOf(policy);
  return (
    <TextParam
      id={id}
      label={label}
      value={value}
      validate={(t) => param.validate?.(t, d)}
      edited={edited}
      {...(hint ? { hint } : {})}
      {...(extras?.inputMode ? { inputMode: extras.inputMode } : {})}
      {...(extras?.className ? { className: extras.className } : {})}
      onCommit={(t) => onSet(param.normalize ? param.normalize(t) : t)}
    />
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
  const isEdited = (k: PolicyParamKey) =>
    k === 'attempts' || k === 'retries'
      ? edited.has('attempts') || edited.has('retries')
      : edited.has(k);
  /** Set a parameter (dropping it when it equals the preset's) and the ones it resets. */
  const set = (field: ParamField, text: string) =>
    onPatch({
      [field.param.key]: text === base[field.param.key] ? undefined : text,
      ...Object.fromEntries((field.param.resets ?? []).map((k) => [k, undefined])),
    });
  const fields = (group: ParamGroup) =>
    paramFields(policy, group)
      .filter((f) => f.param.key !== (countMode === 'attempts' ? 'retries' : 'attempts'))
      .map((f) => (
        <ParamInput
          key={f.param.key}
          field={f}
          policy={policy}
          edited={isEdited(f.param.key)}
          onSet={(t) => set(f, t)}
        />
      ));
  const extras = backoffExtras(policy);

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
          <p className="text-sm" data-testid="policy-in-words">
            <span className="font-semibold">In plain words:</span> it {policyInWords(policy)}.
          </p>
          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-1 text-sm font-semibold">Backoff</legend>
            {fields('backoff')}
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
            {fields('limits')}
          </fieldset>

          <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <legend className="mb-1 text-sm font-semibold">What is retried, and Retry-After</legend>
            {fields('retry')}
            {policy.retryAfter && (
              <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-3 dark:text-slate-400">
                {describeRetryAfter(policy.retryAfter)}
              </p>
            )}
          </fieldset>
        </form>
      </div>
    </section>
  );
}
