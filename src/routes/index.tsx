import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { homeSearchSchema } from '../features/browse/search-params';
import { loadAllCatalogs } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: homeSearchSchema,
  loader: ({ context }) => loadAllCatalogs(context.queryClient),
  component: lazyRouteComponent(() => import('../features/browse/home-page'), 'HomePage'),
});
