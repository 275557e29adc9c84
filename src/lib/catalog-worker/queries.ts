/**
 * TanStack Query options for the cross-provider views, answered by the catalog worker: each
 * catalog's load (its info; the whole validated catalog is `providerCatalogQueryOptions` in
 * `catalog-queries.ts`, which runs in the worker too), a search and a decode.
 * Search and decode hand the query's abort signal on, so a superseded query is dropped.
 */
import { queryOptions } from '@tanstack/react-query';
import type { SearchFilters } from '../../core/catalog/search';
import { retryUnlessInvalid } from '../catalog-queries';
import type { CatalogTask, TaskResult } from './protocol';

/** The host (and the worker behind it) loads with the first task: pages that never ask skip it. */
const run = async <T extends CatalogTask>(task: T, signal?: AbortSignal): Promise<TaskResult<T>> =>
  (await import('./host')).catalogHost().run(task, signal);

/** The key every catalog-info query starts with. */
export const catalogInfoKey = ['catalogs', 'info'] as const;

/** One catalog, loaded and validated in the worker; the page gets its name and counts. */
export const catalogInfoQueryOptions = (providerId: string) =>
  queryOptions({
    queryKey: [...catalogInfoKey, providerId],
    queryFn: () => run({ kind: 'info', providerId }),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });

export const searchQueryOptions = (
  query: string,
  filters: SearchFilters,
  providerIds: readonly string[],
) =>
  queryOptions({
    queryKey: ['catalogs', 'search', providerIds, query, filters],
    queryFn: ({ signal }) => run({ kind: 'search', providerIds, query, filters }, signal),
    staleTime: Infinity,
    retry: false,
  });

export const decodeQueryOptions = (
  text: string,
  providerIds: readonly string[],
  { limit, now }: { limit: number; now: number },
) =>
  queryOptions({
    queryKey: ['catalogs', 'decode', providerIds, limit, now, text],
    queryFn: ({ signal }) => run({ kind: 'decode', providerIds, text, limit, now }, signal),
    staleTime: Infinity,
    retry: false,
  });
