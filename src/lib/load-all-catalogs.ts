/** Route loaders for catalogs: the index, one provider, or all of them for a bounded wait. */
import type { QueryClient } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import type { ProviderCatalog } from '../core/catalog/schema';
import {
  catalogIndexQueryOptions,
  catalogSummaryQueryOptions,
  providerCatalogQueryOptions,
} from './catalog-queries';
import { catalogInfoQueryOptions } from './catalog-worker/queries';

/**
 * How long a cross-provider page waits for its catalogs before it shows what has arrived. Long
 * enough that a normal load paints complete, short enough that one slow file never holds the
 * page: the rest fill in as they arrive, and the page says which are still loading.
 */
export const CATALOG_WAIT_MS = 1500;

/**
 * Route loader: the index, then every catalog for at most `waitMs`; none can fail the route.
 * The catalog worker loads and validates them; `whole` hands each validated catalog to the page
 * (compare), otherwise the catalogs stay in the worker and the page learns only what loaded.
 */
export async function loadAllCatalogs(
  queryClient: QueryClient,
  { whole = false, waitMs = CATALOG_WAIT_MS }: { whole?: boolean; waitMs?: number } = {},
): Promise<void> {
  const index = await queryClient.ensureQueryData(catalogIndexQueryOptions());
  const all = Promise.allSettled(
    index.providers.map((p) =>
      whole
        ? queryClient.ensureQueryData(providerCatalogQueryOptions(p.id))
        : queryClient.ensureQueryData(catalogInfoQueryOptions(p.id)),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/**
 * Route loader for views that show only the summary: the index and the summary, never the full
 * catalogs. A broken summary does not fail the route: the page reports it by file and path.
 */
export async function loadCatalogSummary(queryClient: QueryClient): Promise<void> {
  const summary = queryClient.prefetchQuery(catalogSummaryQueryOptions());
  await queryClient.ensureQueryData(catalogIndexQueryOptions());
  await summary;
}

/** Route loader: one provider's catalog; unknown providers are a not-found, broken catalogs an error. */
export async function loadProviderCatalog(
  queryClient: QueryClient,
  providerId: string,
): Promise<ProviderCatalog> {
  const index = await queryClient.ensureQueryData(catalogIndexQueryOptions());
  if (!index.providers.some((p) => p.id === providerId)) {
    throw notFound({ data: { kind: 'provider', providerId } });
  }
  return queryClient.ensureQueryData(providerCatalogQueryOptions(providerId));
}
