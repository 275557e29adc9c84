/**
 * Catalog loading: one `queryOptions` factory per operation. Every catalog is
 * fetched from public/catalogs and validated before use (see catalog-fetch.ts): the index and
 * summary on the page (small, checked without zod), a provider's catalog in the catalog worker
 * (the full schema and zod stay off the main thread; in Node, in-process).
 */
import { queryOptions } from '@tanstack/react-query';
import { CatalogLoadError } from '../core/catalog/load-error';
import { fetchCatalogIndex, fetchCatalogSummary } from './catalog-fetch';

export {
  catalogBaseUrl,
  fetchCatalogIndex,
  fetchCatalogSummary,
  fetchProviderCatalog,
} from './catalog-fetch';

/** A broken file will not mend itself on retry; a network blip might. */
export function retryUnlessInvalid(failureCount: number, error: unknown): boolean {
  if (
    error instanceof CatalogLoadError &&
    !error.problems.some((p) => p.message.startsWith('could not be fetched'))
  ) {
    return false;
  }
  return failureCount < 2;
}

export const catalogIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['catalogs', 'index'],
    queryFn: () => fetchCatalogIndex(),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });

export const providerCatalogQueryOptions = (providerId: string) =>
  queryOptions({
    queryKey: ['catalogs', 'provider', providerId],
    queryFn: async () =>
      (await import('./catalog-worker/host')).catalogHost().run({ kind: 'catalog', providerId }),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });

export const catalogSummaryQueryOptions = () =>
  queryOptions({
    queryKey: ['catalogs', 'summary'],
    queryFn: () => fetchCatalogSummary(),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });
