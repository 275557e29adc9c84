/**
 * Replay: the scenario library, grouped (seed documents, common failures, saved in this browser).
 */
import { useId } from 'react';
import type { ReplayScenario } from '../../core/replay/types';

export interface ScenarioGroup {
  readonly id: string;
  readonly label: string;
  readonly scenarios: readonly ReplayScenario[];
}

/**
 * Every scenario with its one-line story, grouped; one radio group for all of them, so the
 * arrow keys walk the whole list.
 */
export function ScenarioPicker({
  groups,
  selected,
  onSelect,
}: {
  groups: readonly ScenarioGroup[];
  /** `group:id` of the chosen scenario, or undefined for one from a link. */
  selected: string | undefined;
  onSelect: (groupId: string, scenario: ReplayScenario) => void;
}) {
  const name = useId();
  return (
    <div className="max-h-[28rem] space-y-3 overflow-y-auto rounded-md border border-slate-300 p-2 dark:border-slate-700">
      {groups
        .filter((g) => g.scenarios.length > 0)
        .map((group) => (
          <fieldset key={group.id}>
            <legend className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
              {group.label}
            </legend>
            <ul className="mt-1 space-y-1">
              {group.scenarios.map((s) => {
                const key = `${group.id}:${s.id}`;
                const inputId = `${name}-${key}`;
                const checked = selected === key;
                return (
                  <li key={key}>
                    <label
                      htmlFor={inputId}
                      className={`flex cursor-pointer gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 ${
                        checked
                          ? 'bg-blue-50 ring-1 ring-blue-700 dark:bg-blue-950 dark:ring-blue-300'
                          : ''
                      }`}
                    >
                      <input
                        id={inputId}
                        type="radio"
                        name={name}
                        value={key}
                        checked={checked}
                        onChange={() => onSelect(group.id, s)}
                        className="mt-1 accent-blue-700"
                        aria-describedby={`${inputId}-story`}
                      />
                      <span>
                        <span className="font-medium">{s.title}</span>{' '}
                        <span className="text-xs text-slate-600 dark:text-slate-400">
                          ({s.provider}
                          {s.stream ? ', streamed' : ''})
                        </span>
                        <span
                          id={`${inputId}-story`}
                          className="block text-xs text-slate-600 dark:text-slate-400"
                        >
                          {s.story}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
    </div>
  );
}
