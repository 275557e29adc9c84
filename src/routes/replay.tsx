import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { replaySearchSchema } from '../features/replay/search-params';
import { rootRoute } from './__root';

export const replayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/replay',
  validateSearch: replaySearchSchema.parse,
  component: lazyRouteComponent(() => import('../features/replay/replay-page'), 'ReplayPage'),
});
