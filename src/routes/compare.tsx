import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { compareSearchSchema } from '../features/compare/search-params';
import { loadAllCatalogs } from '../lib/load-all-catalogs';
import { rootRoute } from './__root';

export const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/compare',
  validateSearch: compareSearchSchema.parse,
  loader: ({ context }) => loadAllCatalogs(context.queryClient, { whole: true }),
  component: lazyRouteComponent(() => import('../features/compare/compare-page'), 'ComparePage'),
});
