/** Form fields bound to address parameters: text input, select, and the edited mark. */

import { useState, type ReactNode } from 'react';
import { inputClass, selectClass } from './form-styles';

/** "edited" next to a label: text, not colour alone. */
export function EditedMark({ edited }: { edited: boolean }) {
  if (!edited) return null;
  return (
    <span className="ml-1.5 rounded bg-amber-100 px-1 text-[11px] font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
      edited
    </span>
  );
}

/**
 * A text input bound to an address parameter. Valid values are committed as they are typed;
 * an invalid one stays in the box with its error (after leaving it) and is never committed.
 */
export function TextParam({
  id,
  label,
  value,
  validate,
  onCommit,
  hint,
  edited = false,
  inputMode = 'decimal',
  className = '',
}: {
  id: string;
  label: ReactNode;
  value: string;
  validate: (text: string) => string | undefined;
  onCommit: (text: string) => void;
  hint?: ReactNode;
  edited?: boolean;
  inputMode?: 'decimal' | 'text' | 'numeric';
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [focused, setFocused] = useState(false);
  const [touched, setTouched] = useState(false);
  if (value !== shown) {
    // The value changed elsewhere (preset, reset, back button): follow it unless typing.
    setShown(value);
    if (!focused) {
      setDraft(value);
      setTouched(false);
    }
  }
  const error = validate(draft.trim());
  const showError = Boolean(error) && touched;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        <EditedMark edited={edited} />
      </label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} mt-0.5 font-mono`}
        value={draft}
        aria-invalid={showError}
        aria-describedby={
          [hint ? hintId : '', showError ? errorId : ''].filter(Boolean).join(' ') || undefined
        }
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (!validate(text.trim()) && text.trim() !== value) onCommit(text.trim());
        }}
        onBlur={() => {
          setFocused(false);
          setTouched(true);
          if (!validate(draft.trim())) setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setTouched(true);
        }}
      />
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
      {showError && (
        <p id={errorId} className="mt-0.5 text-xs font-medium text-rose-800 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectParam<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  edited = false,
  hint,
  className = '',
}: {
  id: string;
  label: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  edited?: boolean;
  hint?: ReactNode;
  className?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        <EditedMark edited={edited} />
      </label>
      <select
        id={id}
        className={`${selectClass} mt-0.5`}
        value={value}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      )}
    </div>
  );
}
