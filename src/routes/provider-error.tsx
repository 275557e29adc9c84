import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import { catalogSummaryQueryOptions } from '../lib/catalog-queries';
import { loadProviderCatalog } from '../lib/load-all-catalogs';
import { sdkSearchSchema } from '../lib/sdk-search';
import { rootRoute } from './__root';

export const providerErrorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/providers/$providerId/errors/$errorId',
  validateSearch: sdkSearchSchema.parse,
  loader: async ({ context, params }) => {
    // "The same status at other providers" reads the summary: fetched alongside the catalog and
    // awaited, so a prerendered page and its hydration show the same thing. A broken summary
    // does not fail the page (prefetchQuery never throws; the section reports it).
    const summary = context.queryClient.prefetchQuery(catalogSummaryQueryOptions());
    const catalog = await loadProviderCatalog(context.queryClient, params.providerId);
    await summary;
    if (!catalog.errors.some((e) => e.id === params.errorId)) {
      throw notFound({
        data: { kind: 'error', providerId: params.providerId, errorId: params.errorId },
      });
    }
  },
  component: lazyRouteComponent(() => import('../features/error-entry/error-page'), 'ErrorPage'),
});
