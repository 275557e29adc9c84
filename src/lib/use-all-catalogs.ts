/**
 * Every provider's catalog as its own query, loaded and validated by the catalog worker, with
 * which ones failed or are still loading: one broken file leaves the rest working.
 */
import { useCallback } from 'react';
import { useQueries, useSuspenseQuery, type UseQueryResult } from '@tanstack/react-query';
import type { CatalogLoadError } from '../core/catalog/load-error';
import type { ProviderCatalog } from '../core/catalog/schema';
import { catalogIndexQueryOptions, providerCatalogQueryOptions } from './catalog-queries';
import type { CatalogInfo } from './catalog-worker/protocol';
import { catalogInfoQueryOptions } from './catalog-worker/queries';

export interface ProviderLoadState {
  id: string;
  name: string;
  /** Set once the catalog loaded and validated. */
  info?: CatalogInfo | undefined;
  error?: CatalogLoadError | Error | undefined;
  pending: boolean;
}

export interface CatalogStates {
  providers: ProviderLoadState[];
  /** Providers whose catalog loaded and validated, in index order. */
  loadedIds: string[];
  failed: ProviderLoadState[];
  pending: number;
}

export interface AllCatalogs extends CatalogStates {
  providers: (ProviderLoadState & { catalog?: ProviderCatalog | undefined })[];
  /** Catalogs that loaded and validated, in index order. */
  catalogs: ProviderCatalog[];
}

function states<T>(
  index: { providers: readonly { id: string; name: string }[] },
  results: UseQueryResult<T>[],
  enabled: boolean,
  infoOf: (data: T) => CatalogInfo,
): CatalogStates {
  const providers = results.map((result, i): ProviderLoadState => {
    const entry = index.providers[i]!;
    const info = result.data === undefined ? undefined : infoOf(result.data);
    return {
      id: entry.id,
      name: info?.name ?? entry.name,
      info,
      error: result.error ?? undefined,
      pending: enabled && result.isPending,
    };
  });
  return {
    providers,
    loadedIds: providers.flatMap((p) => (p.info ? [p.id] : [])),
    failed: providers.filter((p) => p.error),
    pending: providers.filter((p) => p.pending).length,
  };
}

const infoOfCatalog = (c: ProviderCatalog): CatalogInfo => ({
  id: c.id,
  name: c.name,
  entryCount: c.errors.length,
  lastVerified: c.lastVerified,
});

/**
 * Each provider's load state, the catalogs staying in the worker (search and decode run there).
 * With `enabled` false nothing is fetched: a view that shows only the summary reports what is
 * already known (a catalog that failed earlier) and nothing as loading.
 */
export function useCatalogStates(enabled = true): CatalogStates {
  const { data: index } = useSuspenseQuery(catalogIndexQueryOptions());
  const combine = useCallback(
    (results: UseQueryResult<CatalogInfo>[]) => states(index, results, enabled, (info) => info),
    [index, enabled],
  );
  return useQueries({
    queries: index.providers.map((p) => ({ ...catalogInfoQueryOptions(p.id), enabled })),
    combine,
  });
}

/** Every provider's whole catalog, validated in the worker and handed over (for compare). */
export function useAllCatalogs(): AllCatalogs {
  const { data: index } = useSuspenseQuery(catalogIndexQueryOptions());
  const combine = useCallback(
    (results: UseQueryResult<ProviderCatalog>[]): AllCatalogs => {
      const base = states(index, results, true, infoOfCatalog);
      const providers = base.providers.map((p, i) => ({ ...p, catalog: results[i]!.data }));
      return {
        ...base,
        providers,
        catalogs: providers.flatMap((p) => (p.catalog ? [p.catalog] : [])),
      };
    },
    [index],
  );
  return useQueries({
    queries: index.providers.map((p) => providerCatalogQueryOptions(p.id)),
    combine,
  });
}
