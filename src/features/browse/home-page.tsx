/** Browse (`/`): the search box and filters, then the provider grid or the search results. */
import {
  lazy,
  Suspense,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { getRouteApi } from '@tanstack/react-router';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import {
  categoryLabels,
  categoryList,
  retryAdviceLabels,
  retryAdviceList,
  statusClassLabels,
  statusClasses,
} from '../../core/catalog/labels';
import { catalogIndexQueryOptions, catalogSummaryQueryOptions } from '../../lib/catalog-queries';
import { catalogInfoKey } from '../../lib/catalog-worker/queries';
import { resultLinkSelector, searchInputId, takeSearchFocusRequest } from '../../lib/dom-ids';
import { useDocumentTitle } from '../../components/use-document-title';
import { hasActiveSearch, resolveFilters, type HomeSearch } from './search-params';
import { ProviderGrid } from './provider-grid';
import { Notices } from './notices';

// Tracking every full catalog, the search and its answer load with the first search (or when the
// box gets focus): the bare home page shows the summary only and never needs them.
const loadCatalogsView = () => import('./catalogs-view');
const CatalogsView = lazy(async () => ({ default: (await loadCatalogsView()).CatalogsView }));

const searching = (
  <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
    Searching…
  </p>
);

/** A select under its label in the row of filters. */
const filterSelectClass =
  'mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900';

const route = getRouteApi('/');

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="block text-xs font-medium text-slate-700 dark:text-slate-300">
      {label}
      <select
        className={filterSelectClass}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Where the search form goes when it submits as a plain GET (before the app starts). */
const homePath = import.meta.env.BASE_URL;

/** How long typing pauses before the query goes to the address and the search runs. */
const TYPING_PAUSE_MS = 120;

export function HomePage() {
  const params = route.useSearch();
  const navigate = route.useNavigate();
  const active = hasActiveSearch(params);
  // What the address drives (the filters, the search, the switch from the grid to the search and
  // the start of every catalog's load) renders in the background: the address changes in a task
  // of its own that must stay short, because the router's state reaches React synchronously.
  const shownParams = useDeferredValue(params);
  const searchShown = hasActiveSearch(shownParams);
  // The grid and the counts read the summary; the index names the providers.
  const { data: index } = useSuspenseQuery(catalogIndexQueryOptions());
  const { data: summary, error: summaryError } = useQuery(catalogSummaryQueryOptions());
  // Full catalogs are in play once a search asked for them (this visit: here or on Decode); from
  // then on the page tracks each one's state, so the grid can say which failed.
  const queryCache = useQueryClient().getQueryCache();
  const catalogsAsked = searchShown || queryCache.findAll({ queryKey: catalogInfoKey }).length > 0;
  const urlQuery = params.q ?? '';
  const [query, setQuery] = useState(urlQuery);
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  /** The `q` this page last wrote to the address itself (typing), and its pending write. */
  const [writtenQuery, setWrittenQuery] = useState(urlQuery);
  const pendingWrite = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Follow the URL when it changes underneath us (back/forward, a pasted link), not when it
  // catches up with what was typed: the box may already hold more.
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== writtenQuery && urlQuery !== query) setQuery(urlQuery);
  }
  useEffect(() => () => clearTimeout(pendingWrite.current), []);
  useDocumentTitle(params.q ? `“${params.q}”` : '');
  const inputRef = useRef<HTMLInputElement>(null);

  const update = (patch: Partial<HomeSearch>) =>
    void navigate({ search: (prev: HomeSearch) => ({ ...prev, ...patch }), replace: true });
  /**
   * The typed query goes to the address (which drives the search) once typing pauses: each
   * navigation re-matches the route and re-renders the page, too much work for every key.
   */
  const writeQuery = (q: string, delayMs: number) => {
    clearTimeout(pendingWrite.current);
    const write = () => {
      setWrittenQuery(q);
      update({ q: q || undefined });
    };
    if (delayMs === 0) write();
    else pendingWrite.current = setTimeout(write, delayMs);
  };
  useEffect(() => {
    if (takeSearchFocusRequest()) inputRef.current?.focus();
    // Text typed into the prerendered box before the app started: keep it, and search for it.
    const typed = inputRef.current?.value ?? '';
    if (typed !== query) {
      setQuery(typed);
      writeQuery(typed, 0);
    }
    // Once, on the first render only: later the box and `query` move together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { filters, problems } = useMemo(
    () =>
      resolveFilters(
        shownParams,
        index.providers.map((p) => p.id),
      ),
    [shownParams, index],
  );
  const totalEntries = summary?.providers.reduce((sum, p) => sum + p.entryCount, 0);
  // The providers the index lists. Before any search the grid has nothing to report but the
  // summary: no full catalog is loading and none has failed.
  const listed = useMemo(
    () => index.providers.map((p) => ({ id: p.id, name: p.name, pending: false })),
    [index],
  );

  const grid = (
    <>
      <Notices problems={problems} providers={listed} summaryError={summaryError} />
      <ProviderGrid providers={listed} summary={summary} />
    </>
  );

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const first = document.querySelector<HTMLAnchorElement>(
        `#search-results ${resultLinkSelector}`,
      );
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && query) {
      setQuery('');
      writeQuery('', 0);
    }
  };

  return (
    <div className="space-y-6">
      <section aria-labelledby="search-heading" className="space-y-3">
        <h1 id="search-heading" className="text-2xl font-bold">
          What does this LLM API error mean?
        </h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Search {totalEntries ?? 'the'} documented errors across{' '}
          {summary ? summary.providers.length : index.providers.length} providers by status code,
          error type or code, SDK exception class or message. Each answer says whether to retry and
          how long to wait, with its sources.
        </p>
        {/* Before the app starts (or without JavaScript) the form submits as a plain GET. */}
        <form
          role="search"
          aria-label="Errors"
          method="get"
          action={homePath}
          onSubmit={(e) => {
            e.preventDefault();
            writeQuery(query, 0);
          }}
          className="space-y-3"
        >
          <label htmlFor={searchInputId} className="sr-only">
            Search errors
          </label>
          <input
            id={searchInputId}
            ref={inputRef}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="529, insufficient_quota, RateLimitError, “engine is currently overloaded”…"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm dark:border-slate-600 dark:bg-slate-900"
            value={query}
            aria-controls={searchShown ? 'search-results' : undefined}
            aria-describedby="search-hint"
            name="q"
            onChange={(e) => {
              setQuery(e.target.value);
              writeQuery(e.target.value, TYPING_PAUSE_MS);
            }}
            onKeyDown={onSearchKeyDown}
            // Fetched and run when the box is focused, so it is ready by the first results
            // rather than loading in the middle of typing.
            onFocus={() => void loadCatalogsView()}
          />
          <p id="search-hint" className="text-xs text-slate-500 dark:text-slate-400">
            <span className="hidden fine-pointer:inline">
              Press ↓ to move into the results, Enter to open one, Esc to clear.{' '}
            </span>
            Add a provider name to narrow it: “anthropic 529”.
          </p>
          <fieldset className="grid grid-cols-2 gap-3 md:grid-cols-5">
            <legend className="sr-only">Filters</legend>
            <FilterSelect
              label="Provider"
              value={filters.provider}
              onChange={(v) => update({ provider: v })}
              options={listed.map((p) => ({ value: p.id, label: p.name }))}
            />
            <FilterSelect
              label="Status class"
              value={filters.statusClass}
              onChange={(v) => update({ status: v })}
              options={statusClasses.map((s) => ({ value: s, label: statusClassLabels[s] }))}
            />
            <FilterSelect
              label="Category"
              value={filters.category}
              onChange={(v) => update({ category: v })}
              options={categoryList.map((c) => ({ value: c, label: categoryLabels[c] }))}
            />
            <FilterSelect
              label="Retry advice"
              value={filters.advice}
              onChange={(v) => update({ retry: v })}
              options={retryAdviceList.map((a) => ({ value: a, label: retryAdviceLabels[a] }))}
            />
            <div className="flex items-end">
              <button
                type="button"
                className="w-full rounded border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
                disabled={!active}
                onClick={() => {
                  setQuery('');
                  clearTimeout(pendingWrite.current);
                  setWrittenQuery('');
                  void navigate({ search: {}, replace: true });
                }}
              >
                Clear search
              </button>
            </div>
          </fieldset>
        </form>
      </section>

      {catalogsAsked ? (
        <Suspense
          fallback={
            searchShown ? (
              <section id="search-results" aria-label="Search results" aria-busy>
                {searching}
              </section>
            ) : (
              grid
            )
          }
        >
          <CatalogsView
            searchShown={searchShown}
            query={shownParams.q}
            filters={filters}
            problems={problems}
            summary={summary}
            summaryError={summaryError}
            searching={searching}
          />
        </Suspense>
      ) : (
        grid
      )}
    </div>
  );
}
