import type { QueryClient } from '@tanstack/react-query';
import { notFound } from '@tanstack/react-router';
import type { ProviderCatalog } from '../core/catalog/schema';
import { catalogIndexQueryOptions, providerCatalogQueryOptions } from './catalog-queries';

/** Route loader: the index, then every catalog; a broken catalog does not fail the route. */
export async function loadAllCatalogs(queryClient: QueryClient): Promise<void> {
  const index = await queryClient.ensureQueryData(catalogIndexQueryOptions());
  await Promise.allSettled(
    index.providers.map((p) => queryClient.ensureQueryData(providerCatalogQueryOptions(p.id))),
  );
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
