/** One matrix row for 2 to 4 providers, aligned field by field, fields that differ marked. */
import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { statusText } from '../../core/catalog/labels';
import type { SideBySide } from '../../core/compare/side-by-side';
import { maxSideBySide } from '../../core/compare/side-by-side';
import type { CompareProvider } from '../../core/compare/types';
import { resolveSdkChoice } from '../../core/sdk/choice';
import { SDKS } from '../../core/sdk/sdks';
import { SdkEntryFacts } from '../../components/sdk-entry-facts';
import { SdkVersionPicker } from '../../components/sdk-version-picker';

export function SideBySidePanel({
  view,
  choices,
  chosen,
  onChoose,
  onClose,
  sdk,
  onSdk,
}: {
  view: SideBySide;
  choices: CompareProvider[];
  chosen: string[];
  onChoose: (ids: string[]) => void;
  onClose: () => void;
  /** The link's `sdk` value: which SDK release the "With your SDK" row is for. */
  sdk?: string | undefined;
  onSdk?: (sdk: string) => void;
}) {
  // The SDKs these entries name an exception of (e.g. openai for W&B, Fireworks, OpenRouter).
  const sdks = SDKS.filter((s) =>
    view.providers.some((p) =>
      p.entries.some((e) => e.sdkExceptions.some((x) => x.sdk === s.package)),
    ),
  );
  const sdkChoice = resolveSdkChoice(sdk, sdks).choice;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [view.rowKey]);

  return (
    <section
      aria-labelledby="side-heading"
      className="space-y-3 rounded-md border border-sky-300 p-3 dark:border-sky-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="side-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {view.label}: side by side
        </h2>
        <button
          type="button"
          className="ml-auto rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-600"
          onClick={onClose}
        >
          Close side by side
        </button>
      </div>
      <fieldset>
        <legend className="text-xs font-medium text-slate-700 dark:text-slate-300">
          Providers to align (2 to {maxSideBySide})
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {choices.map((p) => {
            const checked = chosen.includes(p.id);
            const disabled =
              (!checked && chosen.length >= maxSideBySide) || (checked && chosen.length <= 2);
            return (
              <label key={p.id} className="inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={disabled}
                  onChange={() =>
                    onChoose(checked ? chosen.filter((id) => id !== p.id) : [...chosen, p.id])
                  }
                />
                {p.name}
              </label>
            );
          })}
        </div>
      </fieldset>
      {sdkChoice && onSdk && <SdkVersionPicker sdks={sdks} value={sdk} onChange={onSdk} />}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">
            {view.label} at {view.providers.map((p) => p.name).join(', ')}, field by field
          </caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="p-2">
                Field
              </th>
              {view.providers.map((p) => (
                <th scope="col" key={p.id} className="p-2">
                  {p.name}
                  {!p.documented && (
                    <div className="text-xs font-normal text-slate-600 dark:text-slate-400">
                      documents nothing here
                    </div>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="p-2 align-top">
                Entries
              </th>
              {view.providers.map((p) => (
                <td key={p.id} className="p-2 align-top">
                  <ul className="space-y-1">
                    {[...p.entries, ...p.inStream].map((e) => (
                      <li key={e.id}>
                        <Link
                          to="/providers/$providerId/errors/$errorId"
                          params={{ providerId: p.id, errorId: e.id }}
                        >
                          {statusText(e)} {e.title}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
            {sdkChoice && (
              <tr className="border-b border-slate-200 dark:border-slate-800" data-field="your-sdk">
                <th scope="row" className="p-2 align-top whitespace-nowrap">
                  With your SDK
                </th>
                {view.providers.map((p) => (
                  <td key={p.id} className="p-2 align-top">
                    {p.entries.map((e) => (
                      <SdkEntryFacts key={e.id} entry={e} choice={sdkChoice} compact />
                    ))}
                  </td>
                ))}
              </tr>
            )}
            {view.fields.map((field) => (
              <tr
                key={field.key}
                data-field={field.key}
                data-differs={field.differs ? 'true' : 'false'}
                className={`border-b border-slate-200 dark:border-slate-800 ${field.differs ? 'bg-amber-50 dark:bg-amber-950/40' : ''}`}
              >
                <th scope="row" className="p-2 align-top whitespace-nowrap">
                  {field.label}
                  {field.differs && (
                    <div className="text-xs font-medium text-amber-800 dark:text-amber-300">
                      ⚠ differs
                    </div>
                  )}
                </th>
                {field.values.map((v) => (
                  <td key={v.providerId} className="p-2 align-top">
                    {v.items.length === 0 ? (
                      <span className="text-slate-500 dark:text-slate-400">—</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {v.items.map((item, i) => (
                          <li
                            key={i}
                            className={
                              field.key === 'body' || field.key === 'headers'
                                ? 'font-mono text-xs break-all'
                                : ''
                            }
                          >
                            {item}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.disagreements.length > 0 && (
        <ul className="list-disc space-y-1 pl-6 text-sm">
          {view.disagreements.map((d, i) => (
            <li key={i}>{d.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
