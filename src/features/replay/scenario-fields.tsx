/**
 * Replay: the scenario's own settings (provider, dialect, path, title, story, streamed or not,
 * what follows the last step).
 */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  SCENARIO_LIMITS,
  SCENARIO_PATH_PATTERN,
  SCENARIO_PATH_RULE,
} from '../../core/replay/scenario-schema';
import type { ReplayApi, ReplayScenario } from '../../core/replay/types';
import { inputClass, selectClass } from '../../components/form-styles';
import { catalogIndexQueryOptions } from '../../lib/catalog-queries';

const thenLabels: Record<ReplayScenario['then'], string> = {
  success: 'A success',
  'repeat-last': 'Last step again',
};

const apiLabels: Record<ReplayApi, string> = {
  'openai-chat': 'OpenAI chat',
  'anthropic-messages': 'Anthropic Messages',
};

const pathProblem = (path: string): string | undefined =>
  SCENARIO_PATH_PATTERN.test(path) ? undefined : `The path ${SCENARIO_PATH_RULE}.`;

/** A line of text that commits when it is valid; an empty or too-long one stays in the box, named. */
function TextField({
  id,
  label,
  max,
  value,
  onCommit,
  check,
  className = '',
}: {
  id: string;
  label: string;
  /** The schema's limit, so what commits is what a link can carry. */
  max: number;
  value: string;
  onCommit: (text: string) => void;
  /** A further rule of the schema's: the message when the text breaks it. */
  check?: (text: string) => string | undefined;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }
  const error = !draft.trim()
    ? `Enter a ${label.toLowerCase()}.`
    : draft.length > max
      ? `At most ${max} characters (${draft.length} now).`
      : check?.(draft.trim());
  const commit = () => {
    if (!error && draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        className={`${inputClass} mt-0.5`}
        value={draft}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          else if (e.key === 'Escape') setDraft(value);
        }}
      />
      {error && (
        <p
          id={`${id}-error`}
          className="mt-0.5 text-xs font-medium text-rose-800 dark:text-rose-300"
        >
          {error}
        </p>
      )}
    </div>
  );
}

const optionsOf = <V extends string>(labels: Readonly<Record<V, string>>) =>
  (Object.entries(labels) as [V, string][]).map(([value, label]) => ({ value, label }));

/** A labelled select over a fixed set of values. */
function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  describedBy,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  describedBy?: string;
  onChange: (value: V) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${selectClass} mt-0.5`}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ProviderMove {
  /** The provider being moved to, while its catalog loads. */
  readonly pending?: string;
  /** What the last move did, in words (or why it could not be done). */
  readonly said?: { readonly tone: 'info' | 'error'; readonly text: string };
}

export function ScenarioFields({
  scenario,
  onChange,
  onProvider,
  move,
}: {
  scenario: ReplayScenario;
  onChange: (next: ReplayScenario) => void;
  /** Moving to another provider needs its catalog (to match the steps' entries): the page does it. */
  onProvider: (providerId: string) => void;
  move: ProviderMove;
}) {
  const id = useId();
  const index = useQuery(catalogIndexQueryOptions());
  const providers = index.data?.providers ?? [];
  const listed = providers.some((p) => p.id === scenario.provider);
  const streamSteps = scenario.steps.filter((s) => s.kind === 'stream-failure').length;
  // A stream failure needs a stream: turning streaming off would leave the scenario invalid.
  const streamLocked = scenario.stream && streamSteps > 0;
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-300 p-3 sm:grid-cols-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Scenario</legend>
      <SelectField
        id={`${id}-provider`}
        label="Provider"
        value={move.pending ?? scenario.provider}
        options={[
          ...(listed ? [] : [{ value: scenario.provider, label: scenario.provider }]),
          ...providers.map((p) => ({ value: p.id, label: p.name })),
        ]}
        describedBy={move.said?.tone === 'info' ? `${id}-move` : undefined}
        onChange={onProvider}
      />
      <SelectField
        id={`${id}-api`}
        label="Request dialect"
        value={scenario.api}
        options={optionsOf(apiLabels)}
        onChange={(api) => onChange({ ...scenario, api })}
      />
      <TextField
        id={`${id}-path`}
        label="Path"
        max={SCENARIO_LIMITS.maxPathChars}
        check={pathProblem}
        className="sm:col-span-2"
        value={scenario.path}
        onCommit={(path) => onChange({ ...scenario, path })}
      />
      <p
        id={`${id}-move`}
        role="status"
        className="text-sm text-slate-700 empty:hidden sm:col-span-4 dark:text-slate-300"
      >
        {move.pending !== undefined
          ? `Loading the ${providers.find((p) => p.id === move.pending)?.name ?? move.pending} catalog to match the steps…`
          : move.said?.tone === 'info'
            ? move.said.text
            : ''}
      </p>
      {move.said?.tone === 'error' && (
        <p
          role="alert"
          className="text-sm font-medium text-rose-800 sm:col-span-4 dark:text-rose-300"
        >
          {move.said.text}
        </p>
      )}
      <TextField
        id={`${id}-title`}
        label="Title"
        max={SCENARIO_LIMITS.maxTitleChars}
        className="sm:col-span-2"
        value={scenario.title}
        onCommit={(title) => onChange({ ...scenario, title })}
      />
      <SelectField
        id={`${id}-then`}
        label="After the last step"
        value={scenario.then}
        options={optionsOf(thenLabels)}
        onChange={(then) => onChange({ ...scenario, then })}
      />
      <div className="self-end">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={scenario.stream}
            disabled={streamLocked}
            aria-describedby={streamLocked ? `${id}-stream-hint` : undefined}
            onChange={(e) => onChange({ ...scenario, stream: e.target.checked })}
          />
          Streamed (SSE)
        </label>
        {streamLocked && (
          <p id={`${id}-stream-hint`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            {streamSteps === 1
              ? 'A stream-failure step needs'
              : `${streamSteps} stream-failure steps need`}{' '}
            it: remove {streamSteps === 1 ? 'it' : 'them'} first.
          </p>
        )}
      </div>
      <TextField
        id={`${id}-story`}
        label="Story"
        max={SCENARIO_LIMITS.maxTextChars}
        className="sm:col-span-4"
        value={scenario.story}
        onCommit={(story) => onChange({ ...scenario, story })}
      />
    </fieldset>
  );
}
