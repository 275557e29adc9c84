/**
 * "Your SDK and version": which official SDK and release the facts on the page are for. The
 * value lives in the link (`sdk=openai-node@6.49.0`); the default is the newest release, and
 * what npm installs on Node 20 is one click away.
 */
import { useId } from 'react';
import {
  formatSdkChoice,
  lineOf,
  newestChoice,
  node20Choice,
  resolveSdkChoice,
  versionLines,
  type SdkChoice,
} from '../core/sdk/choice';
import type { SdkModel } from '../core/sdk/sdks';
import { describeRange } from '../core/sdk/version';
import { buttonClass, selectClass } from './form-styles';

export function SdkVersionPicker({
  sdks,
  value,
  onChange,
}: {
  /** The SDKs the page can speak for, first = the default. */
  sdks: readonly SdkModel[];
  /** The link's raw `sdk` value. */
  value: string | undefined;
  /** Called with the new `sdk` value for the link. */
  onChange: (value: string) => void;
}) {
  const id = useId();
  const { choice, problem } = resolveSdkChoice(value, sdks);
  if (!choice) return null;
  const { sdk, version } = choice;
  const lines = versionLines(sdk);
  const current = lineOf(sdk, version);
  const node20 = node20Choice(sdk);
  const newest = newestChoice(sdk);
  const set = (c: SdkChoice) => onChange(formatSdkChoice(c));

  return (
    <fieldset className="rounded-md border border-slate-300 p-2 text-sm dark:border-slate-600">
      <legend className="px-1 text-xs font-semibold">Your SDK and version</legend>
      <div className="flex flex-wrap items-end gap-3">
        {sdks.length > 1 && (
          <div>
            <label htmlFor={`${id}-sdk`} className="block text-xs font-medium">
              SDK
            </label>
            <select
              id={`${id}-sdk`}
              className={`${selectClass} mt-0.5`}
              value={sdk.id}
              onChange={(e) => {
                const next = sdks.find((s) => s.id === e.target.value);
                if (next) set(newestChoice(next));
              }}
            >
              {sdks.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-version`} className="block text-xs font-medium">
            {sdks.length > 1 ? 'Version' : `${sdk.label} version`}
          </label>
          <select
            id={`${id}-version`}
            className={`${selectClass} mt-0.5`}
            value={current?.range ?? ''}
            onChange={(e) => {
              const line = lines.find((l) => l.range === e.target.value);
              if (line) set({ sdk, version: line.release });
            }}
          >
            {!current && <option value="">{version} (not modelled)</option>}
            {lines.map((l) => (
              <option key={l.range} value={l.range}>
                {describeRange(l.range)}
                {l.release === sdk.newest ? ' (newest)' : ''}
                {l.release === node20?.version ? ' (npm on Node 20)' : ''}
                {l.retryAfter ? `: Retry-After ${l.retryAfter.short}` : ''}
              </option>
            ))}
          </select>
        </div>
        {node20 && version !== node20.version && (
          <button type="button" className={buttonClass} onClick={() => set(node20)}>
            On Node 20: {sdk.package} {node20.version}
          </button>
        )}
        {version !== newest.version && (
          <button type="button" className={buttonClass} onClick={() => set(newest)}>
            Newest: {newest.version}
          </button>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        Showing {sdk.package} {version}
        {sdk.node20 && version === sdk.node20.version ? ` (${sdk.node20.why})` : ''}; facts read up
        to {sdk.newest} on {sdk.newestSeen}.
      </p>
      {problem && (
        <p role="status" className="mt-1 text-xs text-amber-900 dark:text-amber-200">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
