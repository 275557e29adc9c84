/**
 * The home page's provider cards: error count and date from the summary, or that the provider's
 * catalog failed to load (known once a search or its own page has tried it).
 */
import { memo } from 'react';
import { Link } from '@tanstack/react-router';
import type { CatalogSummary } from '../../core/catalog/summary';
import type { ProviderLoadState } from '../../lib/use-all-catalogs';

/** Memoised: typing in the search box re-renders the page, not the cards. */
export const ProviderGrid = memo(function ProviderGrid({
  providers,
  summary,
}: {
  providers: ProviderLoadState[];
  summary: CatalogSummary | undefined;
}) {
  const byId = new Map(summary?.providers.map((p) => [p.id, p]));
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading" className="text-lg font-semibold">
        Providers
      </h2>
      <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {providers.map((p) => {
          const counted = p.info ?? byId.get(p.id);
          return (
            <li
              key={p.id}
              className="rounded-lg border border-slate-200 p-3 dark:border-slate-700"
              data-provider={p.id}
              aria-busy={(!p.error && !counted && !summary) || undefined}
            >
              <Link
                to="/providers/$providerId"
                params={{ providerId: p.id }}
                className="font-medium"
              >
                {p.name}
              </Link>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                {p.error ? (
                  <span className="font-medium text-rose-700 dark:text-rose-300">
                    Catalog failed to load
                  </span>
                ) : counted ? (
                  <>
                    {counted.entryCount} errors · verified{' '}
                    <time dateTime={counted.lastVerified}>{counted.lastVerified}</time>
                  </>
                ) : summary ? (
                  'Not in the summary yet: open it for its errors'
                ) : (
                  'Loading…'
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
