import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { replaySearchSchema } from '../features/replay/search-params';
import { rootRoute } from './__root';

export const replayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/replay',
  validateSearch: replaySearchSchema.parse,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, deps }) => {
    const { loadReplayData } = await import('../features/replay/route-data');
    await loadReplayData(context.queryClient, deps);
  },
  component: lazyRouteComponent(() => import('../features/replay/replay-page'), 'ReplayPage'),
});
