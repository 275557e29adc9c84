/** The preset select, grouped, with a custom policy first. */

import { CUSTOM_ID } from '../core/retry/policy-params';
import { selectClass } from './form-styles';
import { groupedPresets } from '../lib/preset-groups';

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
