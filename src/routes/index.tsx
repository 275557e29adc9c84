import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { hasActiveSearch, homeSearchSchema } from '../features/browse/search-params';
import { loadAllCatalogs, loadCatalogSummary } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: homeSearchSchema.parse,
  // The provider grid needs only the summary; a search needs every full catalog.
  loader: async ({ context, location }) => {
    const summary = loadCatalogSummary(context.queryClient);
    const search = homeSearchSchema.safeParse(location.search);
    if (!search.success || hasActiveSearch(search.data)) {
      await loadAllCatalogs(context.queryClient);
    }
    await summary;
  },
  component: lazyRouteComponent(() => import('../features/browse/home-page'), 'HomePage'),
});
