/** Every provider's catalog as its own query, with which ones failed or are still loading. */
import { useCallback } from 'react';
import { useQueries, useSuspenseQuery, type UseQueryResult } from '@tanstack/react-query';
import type { CatalogLoadError } from '../core/catalog/parse';
import type { ProviderCatalog } from '../core/catalog/schema';
import { catalogIndexQueryOptions, providerCatalogQueryOptions } from './catalog-queries';

export interface ProviderLoadState {
  id: string;
  name: string;
  catalog?: ProviderCatalog | undefined;
  error?: CatalogLoadError | Error | undefined;
  pending: boolean;
}

export interface AllCatalogs {
  providers: ProviderLoadState[];
  /** Catalogs that loaded and validated, in index order. */
  catalogs: ProviderCatalog[];
  failed: ProviderLoadState[];
  pending: number;
}

/**
 * Every provider in the index, each loading on its own: one broken file leaves the rest working.
 * With `enabled` false nothing is fetched: a view that shows only the summary reports what is
 * already known (a catalog that failed earlier) and nothing as loading.
 */
export function useAllCatalogs(enabled = true): AllCatalogs {
  const { data: index } = useSuspenseQuery(catalogIndexQueryOptions());
  const combine = useCallback(
    (results: UseQueryResult<ProviderCatalog>[]): AllCatalogs => {
      const providers = results.map((result, i): ProviderLoadState => {
        const entry = index.providers[i]!;
        return {
          id: entry.id,
          name: result.data?.name ?? entry.name,
          catalog: result.data,
          error: result.error ?? undefined,
          pending: enabled && result.isPending,
        };
      });
      return {
        providers,
        catalogs: providers.flatMap((p) => (p.catalog ? [p.catalog] : [])),
        failed: providers.filter((p) => p.error),
        pending: providers.filter((p) => p.pending).length,
      };
    },
    [index, enabled],
  );
  return useQueries({
    queries: index.providers.map((p) => ({ ...providerCatalogQueryOptions(p.id), enabled })),
    combine,
  });
}
