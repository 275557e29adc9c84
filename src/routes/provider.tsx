import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { loadProviderCatalog } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const providerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/providers/$providerId',
  loader: ({ context, params }) => loadProviderCatalog(context.queryClient, params.providerId),
  component: lazyRouteComponent(() => import('../features/provider/provider-page'), 'ProviderPage'),
});
