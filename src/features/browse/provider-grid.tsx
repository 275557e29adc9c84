/** The home page's provider cards: error count and date, or that the catalog is loading/failed. */
import { Link } from '@tanstack/react-router';
import type { ProviderLoadState } from '../../lib/use-all-catalogs';

export function ProviderGrid({ providers }: { providers: ProviderLoadState[] }) {
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading" className="text-lg font-semibold">
        Providers
      </h2>
      <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {providers.map((p) => (
          <li
            key={p.id}
            className="rounded-lg border border-slate-200 p-3 dark:border-slate-700"
            data-provider={p.id}
            aria-busy={p.pending || undefined}
          >
            <Link to="/providers/$providerId" params={{ providerId: p.id }} className="font-medium">
              {p.name}
            </Link>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {p.catalog ? (
                <>
                  {p.catalog.errors.length} errors · verified{' '}
                  <time dateTime={p.catalog.lastVerified}>{p.catalog.lastVerified}</time>
                </>
              ) : p.error ? (
                <span className="font-medium text-rose-700 dark:text-rose-300">
                  Catalog failed to load
                </span>
              ) : (
                'Loading…'
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
