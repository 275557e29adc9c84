/** Replay: a whole-number input that keeps an invalid value in the box with its message. */
import { useState } from 'react';
import { inputClass } from '../../components/form-styles';

/**
 * A whole-number input that commits only valid values; an invalid one stays in the box with its
 * message. Empty means "not set" when `optional`.
 */
export function NumberField({
  id,
  label,
  value,
  min,
  max,
  unit,
  optional = false,
  onCommit,
  className = '',
}: {
  id: string;
  label: string;
  value: number | undefined;
  min: number;
  max: number;
  unit?: string;
  optional?: boolean;
  onCommit: (value: number | undefined) => void;
  className?: string;
}) {
  const text = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(text);
  const [shown, setShown] = useState(text);
  const [focused, setFocused] = useState(false);
  if (text !== shown) {
    setShown(text);
    if (!focused) setDraft(text);
  }
  const check = (t: string): string | undefined => {
    const v = t.trim();
    if (v === '') return optional ? undefined : 'Enter a number.';
    if (!/^\d+$/.test(v)) return 'Enter a whole number.';
    const n = Number(v);
    if (n < min || n > max) return `Between ${min} and ${max}.`;
    return undefined;
  };
  const error = check(draft);
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
        {unit ? ` (${unit})` : ''}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`${inputClass} mt-0.5 font-mono`}
        value={draft}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          if (check(draft)) setDraft(text);
        }}
        onChange={(e) => {
          const t = e.target.value;
          setDraft(t);
          if (!check(t)) {
            const next = t.trim() === '' ? undefined : Number(t.trim());
            if (next !== value) onCommit(next);
          }
        }}
      />
      {error && (
        <p id={errorId} className="mt-0.5 text-xs font-medium text-rose-800 dark:text-rose-300">
          {error}
        </p>
      )}
    </div>
  );
}
