/** Search results as a table; arrow keys move between its links, Escape goes back to search. */
import { Link } from '@tanstack/react-router';
import { memo, type KeyboardEvent } from 'react';
import { statusText } from '../../core/catalog/labels';
import type { SearchHitView } from '../../lib/catalog-worker/protocol';
import { AdviceBadge, CategoryBadge } from '../../components/badges';
import { resultLinkAttribute, resultLinkSelector, searchInputId } from '../../lib/dom-ids';

const matchLabels: Record<string, string> = {
  status: 'status',
  code: 'type/code',
  exception: 'SDK class',
  title: 'title',
  message: 'message',
  meaning: 'meaning',
  provider: 'provider',
};

/** Arrow keys move between result links; Escape returns to the search box. */
function onResultKeyDown(event: KeyboardEvent<HTMLAnchorElement>) {
  const table = event.currentTarget.closest('table');
  if (!table) return;
  const links = [...table.querySelectorAll<HTMLAnchorElement>(resultLinkSelector)];
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (current < 0) return;
  let next: number | null = null;
  if (event.key === 'ArrowDown') next = Math.min(links.length - 1, current + 1);
  else if (event.key === 'ArrowUp') {
    if (current === 0) {
      event.preventDefault();
      document.getElementById(searchInputId)?.focus();
      return;
    }
    next = current - 1;
  } else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = links.length - 1;
  else if (event.key === 'Escape') {
    document.getElementById(searchInputId)?.focus();
    return;
  }
  if (next !== null) {
    event.preventDefault();
    links[next]?.focus();
  }
}

/** Memoised: typing re-renders the page, and the table only when its hits change. */
export const ResultsTable = memo(function ResultsTable({
  hits,
  caption,
}: {
  hits: readonly SearchHitView[];
  caption: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="pb-2 text-left text-sm wrap-anywhere text-slate-600 dark:text-slate-400">
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
              Provider
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3">
              Error
            </th>
            <th scope="col" className="hidden py-2 pr-3 md:table-cell">
              Category
            </th>
            <th scope="col" className="py-2 pr-3">
              Retry advice
            </th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr
              key={`${hit.providerId}/${hit.entry.id}`}
              className="border-b border-slate-200 align-top dark:border-slate-800"
            >
              <td className="hidden py-2 pr-3 sm:table-cell">{hit.providerName}</td>
              <td className="py-2 pr-3 font-mono">{statusText(hit.entry)}</td>
              <td className="py-2 pr-3">
                <div className="text-xs text-slate-600 sm:hidden dark:text-slate-400">
                  {hit.providerName}
                </div>
                <Link
                  to="/providers/$providerId/errors/$errorId"
                  params={{ providerId: hit.providerId, errorId: hit.entry.id }}
                  {...{ [resultLinkAttribute]: '' }}
                  onKeyDown={onResultKeyDown}
                  className="font-medium"
                >
                  {hit.entry.title}
                </Link>
                {hit.entry.providerCodes.length > 0 && (
                  <div className="mt-0.5 font-mono text-xs break-all text-slate-600 dark:text-slate-400">
                    {hit.entry.providerCodes.join(' · ')}
                  </div>
                )}
                {hit.matched.length > 0 && (
                  <div className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
                    Matched on {hit.matched.map((m) => matchLabels[m] ?? m).join(', ')}
                  </div>
                )}
              </td>
              <td className="hidden py-2 pr-3 md:table-cell">
                <CategoryBadge category={hit.entry.category} />
              </td>
              <td className="py-2 pr-3">
                <AdviceBadge advice={hit.entry.retry.advice} />
                {hit.entry.retry.wait && (
                  <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                    {hit.entry.retry.wait.text}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
