import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router';
import { findEntry } from '../core/catalog/queries';
import { loadProviderCatalog } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const providerErrorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/providers/$providerId/errors/$errorId',
  loader: async ({ context, params }) => {
    const catalog = await loadProviderCatalog(context.queryClient, params.providerId);
    if (!findEntry(catalog, params.errorId)) {
      throw notFound({
        data: { kind: 'error', providerId: params.providerId, errorId: params.errorId },
      });
    }
  },
  component: lazyRouteComponent(() => import('../features/error-entry/error-page'), 'ErrorPage'),
});
