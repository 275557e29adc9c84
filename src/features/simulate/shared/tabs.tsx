/** Accessible tabs (arrow keys, roving focus) that render only the selected panel. */

import { useRef, type ReactNode } from 'react';

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs (and select them); only the
 * selected panel renders its content, the others stay as empty hidden panels.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  render,
  idPrefix = '',
}: {
  idPrefix?: string;
  label: string;
  tabs: readonly { id: T; label: ReactNode }[];
  selected: T;
  onSelect: (id: T) => void;
  render: (id: T) => ReactNode;
}) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const move = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label={label}
        className="flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-700"
      >
        {tabs.map((t, i) => {
          const active = t.id === selected;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) refs.current.set(t.id, el);
                else refs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`${idPrefix}tab-${t.id}`}
              aria-selected={active}
              aria-controls={`${idPrefix}panel-${t.id}`}
              tabIndex={active ? 0 : -1}
              className={`-mb-px rounded-t border px-3 py-1.5 text-sm font-medium ${
                active
                  ? 'border-slate-300 border-b-white bg-white text-slate-950 dark:border-slate-700 dark:border-b-slate-950 dark:bg-slate-950 dark:text-white'
                  : 'border-transparent text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
              onClick={() => onSelect(t.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight') move(i + 1);
                else if (e.key === 'ArrowLeft') move(i - 1);
                else if (e.key === 'Home') move(0);
                else if (e.key === 'End') move(tabs.length - 1);
                else return;
                e.preventDefault();
              }}
            >
              {active && <span aria-hidden="true">▸ </span>}
              {t.label}
            </button>
          );
        })}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${idPrefix}panel-${t.id}`}
          aria-labelledby={`${idPrefix}tab-${t.id}`}
          hidden={t.id !== selected}
          // The panel itself takes focus after the tab, so its content is one Tab away.
          tabIndex={0}
          className="pt-4"
        >
          {t.id === selected && render(t.id)}
        </div>
      ))}
    </div>
  );
}
