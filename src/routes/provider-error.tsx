import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import { findEntry } from '../core/catalog/queries';
import { catalogSummaryQueryOptions } from '../lib/catalog-queries';
import { loadProviderCatalog } from '../lib/load-all-catalogs';
import { sdkSearchSchema } from '../lib/sdk-search';
import { rootRoute } from './__root';

export const providerErrorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/providers/$providerId/errors/$errorId',
  validateSearch: sdkSearchSchema,
  loader: async ({ context, params }) => {
    // "The same status at other providers" reads the summary: start it alongside the catalog.
    void context.queryClient.prefetchQuery(catalogSummaryQueryOptions());
    const catalog = await loadProviderCatalog(context.queryClient, params.providerId);
    if (!findEntry(catalog, params.errorId)) {
      throw notFound({
        data: { kind: 'error', providerId: params.providerId, errorId: params.errorId },
      });
    }
  },
  component: lazyRouteComponent(() => import('../features/error-entry/error-page'), 'ErrorPage'),
});
