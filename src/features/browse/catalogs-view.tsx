/**
 * The home page below the search form once full catalogs are in play (a search, or one earlier
 * in this visit): each provider's catalog tracked as it loads or fails, the search run in the
 * catalog worker and its answer, or the provider grid with what the search found out. Loaded
 * with the first search (or when the search box gets focus): the bare home page, which knows
 * only the summary, never downloads it.
 */
import { memo, useDeferredValue, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CatalogSummary } from '../../core/catalog/summary';
import type { SearchFilters } from '../../core/catalog/search';
import { useCatalogStates } from '../../lib/use-all-catalogs';
import { searchQueryOptions } from '../../lib/catalog-worker/queries';
import { SearchAnswerView } from './results-table';
import { ProviderGrid } from './provider-grid';
import { Notices } from './notices';

/** Memoised: it renders from the page's deferred copy of the address, not on every key. */
export const CatalogsView = memo(function CatalogsView({
  searchShown,
  query,
  filters,
  problems,
  summary,
  summaryError,
  searching,
}: {
  /** A query or filter is in the address (as rendered in the background). */
  searchShown: boolean;
  query: string | undefined;
  filters: SearchFilters;
  problems: string[];
  summary: CatalogSummary | undefined;
  summaryError: unknown;
  searching: ReactNode;
}) {
  // Only a search loads every full catalog (in the catalog worker, which also runs the search);
  // on the grid this reports what is already known (a catalog that failed) and nothing as loading.
  const { providers, loadedIds } = useCatalogStates(searchShown);
  // While the next answer is on its way the last one stays up (marked busy).
  const {
    data: answer,
    error: searchError,
    isPlaceholderData,
  } = useQuery({
    ...searchQueryOptions(query ?? '', filters, loadedIds),
    enabled: searchShown,
    placeholderData: keepPreviousData,
  });
  // A new answer's table renders in the background, in slices, so typing is never held up.
  const shown = useDeferredValue(searchShown ? answer : undefined);

  return (
    <>
      <Notices problems={problems} providers={providers} summaryError={summaryError} />
      {searchShown ? (
        <section
          id="search-results"
          aria-label="Search results"
          className="space-y-3"
          aria-busy={isPlaceholderData || shown !== answer || undefined}
        >
          <SearchAnswerView
            answer={answer}
            shown={shown}
            error={searchError}
            query={query}
            filtered={Boolean(
              filters.provider || filters.statusClass || filters.category || filters.advice,
            )}
            searching={searching}
          />
        </section>
      ) : (
        <ProviderGrid providers={providers} summary={summary} />
      )}
    </>
  );
});
