/**
 * Replay: the scenario's own settings (title, story, streamed or not, what follows the last step).
 */
import { useId, useState } from 'react';
import { SCENARIO_LIMITS } from '../../core/replay/scenario-schema';
import type { ReplayScenario } from '../../core/replay/types';
import { inputClass, selectClass } from '../../components/form-styles';

const thenLabels: Record<ReplayScenario['then'], string> = {
  success: 'A success',
  'repeat-last': 'The last step again',
};

/** A line of text that commits when it is valid; an empty or too-long one stays in the box, named. */
function TextField({
  id,
  label,
  max,
  value,
  onCommit,
  className = '',
}: {
  id: string;
  label: string;
  /** The schema's limit, so what commits is what a link can carry. */
  max: number;
  value: string;
  onCommit: (text: string) => void;
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
      : undefined;
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

export function ScenarioFields({
  scenario,
  onChange,
}: {
  scenario: ReplayScenario;
  onChange: (next: ReplayScenario) => void;
}) {
  const id = useId();
  const streamSteps = scenario.steps.filter((s) => s.kind === 'stream-failure').length;
  // A stream failure needs a stream: turning streaming off would leave the scenario invalid.
  const streamLocked = scenario.stream && streamSteps > 0;
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-300 p-3 sm:grid-cols-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Scenario</legend>
      <TextField
        id={`${id}-title`}
        label="Title"
        max={SCENARIO_LIMITS.maxTitleChars}
        className="sm:col-span-2"
        value={scenario.title}
        onCommit={(title) => onChange({ ...scenario, title })}
      />
      <div>
        <label htmlFor={`${id}-then`} className="block text-xs font-medium">
          After the last step
        </label>
        <select
          id={`${id}-then`}
          className={`${selectClass} mt-0.5`}
          value={scenario.then}
          onChange={(e) =>
            onChange({ ...scenario, then: e.target.value as ReplayScenario['then'] })
          }
        >
          {Object.entries(thenLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
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
