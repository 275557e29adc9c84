/** Replay: add, remove, reorder and edit a scenario's steps. */
import { useId, useRef, useState } from 'react';
import type { ErrorEntry } from '../../core/catalog/schema';
import { streamFailures } from '../../core/replay/scenario-schema';
import type { ReplayScenario, ReplayStep, StreamFailure } from '../../core/replay/types';
import { buttonClass, inputClass, selectClass } from '../../components/form-styles';
import { streamEndWords } from './attempts';
import { NumberField } from './number-field';
import {
  changeKind,
  describeStep,
  headerLines,
  newStep,
  parseHeaderLines,
  stepKindLabels,
  stepKinds,
} from './step-words';

const MAX_MS = 3_600_000;
const smallButton = `${buttonClass} px-2 py-0.5 text-xs`;

type Patch = (step: ReplayStep) => void;

function HeadersField({
  id,
  label,
  value,
  onCommit,
}: {
  id: string;
  label: string;
  value: Readonly<Record<string, string>> | undefined;
  onCommit: (headers: Record<string, string> | undefined) => void;
}) {
  const text = headerLines(value);
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  if (text !== shown) {
    setShown(text);
    setDraft(text);
  }
  const { bad } = parseHeaderLines(draft);
  const errorId = `${id}-error`;
  const commit = () => {
    const parsed = parseHeaderLines(draft);
    if (parsed.bad.length) return;
    onCommit(Object.keys(parsed.headers).length ? parsed.headers : undefined);
  };
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        spellCheck={false}
        className={`${inputClass} mt-0.5 font-mono text-xs`}
        value={draft}
        placeholder="retry-after: 7"
        aria-invalid={bad.length > 0}
        aria-describedby={bad.length ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
      />
      {bad.length > 0 && (
        <p id={errorId} className="mt-0.5 text-xs font-medium text-rose-800 dark:text-rose-300">
          Not a “name: value” line: {bad.join('; ')}
        </p>
      )}
    </div>
  );
}

function EntrySelect({
  id,
  label,
  value,
  entries,
  onChange,
  allowNone = false,
}: {
  id: string;
  label: string;
  value: string | undefined;
  entries: readonly ErrorEntry[];
  onChange: (entry: string | undefined) => void;
  allowNone?: boolean;
}) {
  const known = value === undefined || entries.some((e) => e.id === value);
  return (
    <div className="sm:col-span-2">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${selectClass} mt-0.5`}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        {allowNone && <option value="">(the provider's generic error)</option>}
        {!known && <option value={value}>{value} (not in the catalog)</option>}
        {entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.status === null || e.id.startsWith(String(e.status)) ? '' : `${e.status} `}
            {e.id}: {e.title}
          </option>
        ))}
      </select>
    </div>
  );
}

function RepeatFields({ id, step, onPatch }: { id: string; step: ReplayStep; onPatch: Patch }) {
  const mode = step.repeat && 'forMs' in step.repeat ? 'for' : 'count';
  return (
    <>
      <div>
        <label htmlFor={`${id}-repeat`} className="block text-xs font-medium">
          Repeat
        </label>
        <select
          id={`${id}-repeat`}
          className={`${selectClass} mt-0.5`}
          value={mode}
          onChange={(e) =>
            onPatch({
              ...step,
              repeat: e.target.value === 'for' ? { forMs: 10_000 } : { count: 1 },
            })
          }
        >
          <option value="count">requests</option>
          <option value="for">time span</option>
        </select>
      </div>
      {mode === 'count' ? (
        <NumberField
          id={`${id}-count`}
          label="Requests"
          value={step.repeat && 'count' in step.repeat ? step.repeat.count : 1}
          min={1}
          max={1000}
          onCommit={(n) => onPatch({ ...step, repeat: { count: n ?? 1 } })}
        />
      ) : (
        <NumberField
          id={`${id}-for`}
          label="Lasts"
          unit="ms"
          value={step.repeat && 'forMs' in step.repeat ? step.repeat.forMs : 10_000}
          min={1}
          max={MAX_MS}
          onCommit={(n) => onPatch({ ...step, repeat: { forMs: n ?? 1 } })}
        />
      )}
    </>
  );
}

function StepFields({
  id,
  step,
  entries,
  onPatch,
}: {
  id: string;
  step: ReplayStep;
  entries: readonly ErrorEntry[];
  onPatch: Patch;
}) {
  const withStatus = entries.filter((e) => e.status !== null);
  const defaultEntry = withStatus[0]?.id;
  return (
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      <div className="col-span-2">
        <label htmlFor={`${id}-kind`} className="block text-xs font-medium">
          Kind
        </label>
        <select
          id={`${id}-kind`}
          className={`${selectClass} mt-0.5`}
          value={step.kind}
          onChange={(e) =>
            onPatch(changeKind(step, e.target.value as ReplayStep['kind'], defaultEntry))
          }
        >
          {stepKinds.map((k) => (
            <option key={k} value={k}>
              {stepKindLabels[k]}
            </option>
          ))}
        </select>
      </div>
      <RepeatFields id={id} step={step} onPatch={onPatch} />
      {step.kind === 'error' && (
        <>
          <EntrySelect
            id={`${id}-entry`}
            label="Catalog entry"
            value={step.entry}
            entries={step.status !== undefined ? entries : withStatus}
            onChange={(entry) => entry && onPatch({ ...step, entry })}
          />
          <NumberField
            id={`${id}-status`}
            label="Status (override)"
            value={step.status}
            min={100}
            max={599}
            optional
            onCommit={(status) => {
              const { status: _old, ...rest } = step;
              onPatch(status === undefined ? rest : { ...rest, status });
            }}
          />
          <NumberField
            id={`${id}-ra-date`}
            label="Retry-After as a date, ahead by"
            unit="ms"
            value={step.retryAfterDateInMs}
            min={0}
            max={MAX_MS}
            optional
            onCommit={(ms) => {
              const { retryAfterDateInMs: _old, ...rest } = step;
              onPatch(ms === undefined ? rest : { ...rest, retryAfterDateInMs: ms });
            }}
          />
          <HeadersField
            id={`${id}-headers`}
            label="Headers to add or replace (one “name: value” a line)"
            value={step.headers}
            onCommit={(headers) => {
              const { headers: _old, ...rest } = step;
              onPatch(headers ? { ...rest, headers } : rest);
            }}
          />
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-remove`} className="block text-xs font-medium">
              Headers to drop (comma-separated)
            </label>
            <input
              id={`${id}-remove`}
              type="text"
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} mt-0.5 font-mono text-xs`}
              defaultValue={(step.removeHeaders ?? []).join(', ')}
              key={(step.removeHeaders ?? []).join(',')}
              onBlur={(e) => {
                const names = e.target.value
                  .split(',')
                  .map((n) => n.trim().toLowerCase())
                  .filter(Boolean);
                const { removeHeaders: _old, ...rest } = step;
                onPatch(names.length ? { ...rest, removeHeaders: names } : rest);
              }}
            />
          </div>
        </>
      )}
      {step.kind === 'stream-failure' && (
        <>
          <div>
            <label htmlFor={`${id}-failure`} className="block text-xs font-medium">
              How it fails
            </label>
            <select
              id={`${id}-failure`}
              className={`${selectClass} mt-0.5`}
              value={step.failure}
              onChange={(e) => {
                const failure = e.target.value as StreamFailure;
                const { stallMs: _s, entry: _e, ...rest } = step;
                onPatch({
                  ...rest,
                  failure,
                  ...(failure === 'stall' && step.stallMs !== undefined
                    ? { stallMs: step.stallMs }
                    : {}),
                  ...(failure === 'error-event' && step.entry ? { entry: step.entry } : {}),
                });
              }}
            >
              {streamFailures.map((f) => (
                <option key={f} value={f}>
                  {streamEndWords[f]}
                </option>
              ))}
            </select>
          </div>
          <NumberField
            id={`${id}-after`}
            label="After chunks"
            value={step.afterChunks}
            min={0}
            max={1000}
            onCommit={(n) => onPatch({ ...step, afterChunks: n ?? 0 })}
          />
          {step.failure === 'stall' && (
            <NumberField
              id={`${id}-stall`}
              label="Stall"
              unit="ms"
              value={step.stallMs}
              min={0}
              max={MAX_MS}
              optional
              onCommit={(ms) => {
                const { stallMs: _old, ...rest } = step;
                onPatch(ms === undefined ? rest : { ...rest, stallMs: ms });
              }}
            />
          )}
          {step.failure === 'error-event' && (
            <EntrySelect
              id={`${id}-event-entry`}
              label="Error the event carries"
              value={step.entry}
              entries={entries}
              allowNone
              onChange={(entry) => {
                const { entry: _old, ...rest } = step;
                onPatch(entry ? { ...rest, entry } : rest);
              }}
            />
          )}
        </>
      )}
      <NumberField
        id={`${id}-latency`}
        label="Latency"
        unit="ms"
        value={step.latencyMs}
        min={0}
        max={MAX_MS}
        optional
        onCommit={(ms) => {
          const { latencyMs: _old, ...rest } = step;
          onPatch(ms === undefined ? rest : { ...rest, latencyMs: ms });
        }}
      />
    </div>
  );
}

/**
 * The scenario's steps, each editable in place: kind, catalog entry, headers, repeat, latency,
 * stream failure. Steps move with buttons (focus follows the moved step).
 */
export function StepEditor({
  scenario,
  entries,
  onChange,
}: {
  scenario: ReplayScenario;
  /** The provider catalog's entries (empty while it loads). */
  entries: readonly ErrorEntry[];
  onChange: (next: ReplayScenario) => void;
}) {
  const baseId = useId();
  const [addKind, setAddKind] = useState<ReplayStep['kind']>('error');
  const list = useRef<HTMLOListElement>(null);
  const steps = scenario.steps;
  const setSteps = (next: readonly ReplayStep[]) => onChange({ ...scenario, steps: next });
  const focusStep = (index: number, action: string) =>
    requestAnimationFrame(() =>
      list.current
        ?.querySelector<HTMLButtonElement>(`[data-step="${index}"][data-action="${action}"]`)
        ?.focus(),
    );
  const move = (from: number, to: number) => {
    const next = [...steps];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setSteps(next);
    // Keep focus on the moved step's button for the same direction, unless it is now disabled.
    const up = to < from;
    focusStep(to, up ? (to > 0 ? 'up' : 'down') : to < next.length - 1 ? 'down' : 'up');
  };
  const defaultEntry = entries.find((e) => e.status !== null)?.id;

  return (
    <div className="space-y-3">
      <ol ref={list} className="space-y-3" aria-label="Steps">
        {steps.map((step, i) => {
          const id = `${baseId}-step-${i}`;
          return (
            <li
              key={i}
              className="rounded-md border border-slate-300 p-3 dark:border-slate-700"
              aria-labelledby={`${id}-title`}
            >
              <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
                <p id={`${id}-title`} className="text-sm">
                  <span className="font-semibold">Step {i + 1}:</span>{' '}
                  {describeStep(step, scenario)}
                </p>
                <div className="flex gap-1">
                  <button
                    type="button"
                    className={smallButton}
                    data-step={i}
                    data-action="up"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                    aria-label={`Move step ${i + 1} up`}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className={smallButton}
                    data-step={i}
                    data-action="down"
                    disabled={i === steps.length - 1}
                    onClick={() => move(i, i + 1)}
                    aria-label={`Move step ${i + 1} down`}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    className={smallButton}
                    data-step={i}
                    data-action="remove"
                    disabled={steps.length === 1}
                    onClick={() => {
                      setSteps(steps.filter((_, j) => j !== i));
                      // Focus the step that took its place (or the one before it).
                      focusStep(Math.min(i, steps.length - 2), 'remove');
                    }}
                    aria-label={`Remove step ${i + 1}`}
                  >
                    Remove
                  </button>
                </div>
              </div>
              <StepFields
                id={id}
                step={step}
                entries={entries}
                onPatch={(next) => setSteps(steps.map((s, j) => (j === i ? next : s)))}
              />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={`${baseId}-add-kind`} className="block text-xs font-medium">
            New step
          </label>
          <select
            id={`${baseId}-add-kind`}
            className={`${selectClass} mt-0.5`}
            value={addKind}
            onChange={(e) => setAddKind(e.target.value as ReplayStep['kind'])}
          >
            {stepKinds.map((k) => (
              <option key={k} value={k}>
                {stepKindLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className={buttonClass}
          disabled={steps.length >= 50}
          onClick={() => setSteps([...steps, newStep(addKind, defaultEntry)])}
        >
          Add step
        </button>
      </div>
    </div>
  );
}
