/**
 * The home page's search answer: the results as a table (arrow keys move between its links,
 * Escape goes back to search), or why there is none. Loaded with the first search.
 */
import { Link } from '@tanstack/react-router';
import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { statusText } from '../../core/catalog/labels';
import type { SearchAnswer, SearchHitView } from '../../lib/catalog-worker/protocol';
import { AdviceBadge, CategoryBadge } from '../../components/badges';
import { resultLinkAttribute, resultLinkSelector, searchInputId } from '../../lib/dom-ids';

/**
 * Rows a new answer shows at first: laying out a table of every hit (up to 200) took one task of
 * 30–50 ms while typing; the rest are one button away.
 */
export const FIRST_ROWS = 50;

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

/**
 * The answer to the search in the address: `shown` is the answer the table shows (a step behind
 * `answer` while a new one renders in the background), `searching` what to show until one comes.
 */
export function SearchAnswerView({
  answer,
  shown,
  error,
  query,
  filtered,
  searching,
}: {
  answer: SearchAnswer | undefined;
  shown: SearchAnswer | undefined;
  error: Error | null;
  query: string | undefined;
  filtered: boolean;
  searching: ReactNode;
}) {
  const hits = shown ? shown.hits : null;
  // "Show all" holds for this query while more catalogs arrive; a new query starts short again.
  const [allFor, setAllFor] = useState<string>();
  const all = hits !== null && allFor === (shown?.query ?? '');
  const truncated = hits !== null && !all && hits.length > FIRST_ROWS;
  const rows = truncated ? hits.slice(0, FIRST_ROWS) : hits;
  const firstHidden = useRef<number | null>(null);
  useEffect(() => {
    // After "Show all", focus goes to the first row the button revealed (the button is gone).
    if (firstHidden.current === null) return;
    const links = document.querySelectorAll<HTMLAnchorElement>(
      `#search-results ${resultLinkSelector}`,
    );
    links[firstHidden.current]?.focus();
    firstHidden.current = null;
  }, [all]);
  const caption = hits
    ? `${hits.length} ${hits.length === 1 ? 'error matches' : 'errors match'}${shown?.query ? ` “${shown.query}”` : ''}${
        filtered ? ' with the chosen filters' : ''
      }${truncated ? `, the first ${FIRST_ROWS} shown` : ''}`
    : '';
  return (
    <>
      {answer && (query?.length ?? 0) > answer.maxQueryChars && (
        <p role="note" className="text-sm text-amber-800 dark:text-amber-300">
          Search reads the first {answer.maxQueryChars} characters of a query. To match a whole
          error message,{' '}
          <Link to="/decode" search={{ text: query }}>
            paste it into Decode
          </Link>
          .
        </p>
      )}
      {error ? (
        <p role="alert">
          The search could not be run ({error.message}). Reload the page to try again.
        </p>
      ) : !hits ? (
        searching
      ) : hits.length > 0 ? (
        <>
          <ResultsTable hits={rows ?? hits} caption={caption} />
          {truncated && (
            <button
              type="button"
              className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
              onClick={() => {
                firstHidden.current = FIRST_ROWS;
                setAllFor(shown?.query ?? '');
              }}
            >
              Show all {hits.length} matches
            </button>
          )}
        </>
      ) : (
        <p
          role="status"
          className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400"
        >
          No documented error matches{query ? ` “${query}”` : ''} with these filters. Try a status
          code (429), a type string (overloaded_error) or fewer filters.
        </p>
      )}
    </>
  );
}
