import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { simulateSearchSchema } from '../features/simulate/search-params';
import { rootRoute } from './__root';

export const simulateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/simulate',
  validateSearch: simulateSearchSchema.parse,
  component: lazyRouteComponent(() => import('../features/simulate/simulate-page'), 'SimulatePage'),
});
