import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { replaySearchSchema } from '../features/replay/search-params';
import { rootRoute } from './__root';

export const replayRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/replay',
  validateSearch: replaySearchSchema.parse,
  // No loaderDeps: a new scenario must not hold the page in a blocking reload (the page shows
  // its catalog loading itself); the first load of the page waits for it.
  loader: async ({ context, location }) => {
    const search = replaySearchSchema.safeParse(location.search);
    const { loadReplayData } = await import('../features/replay/route-data');
    await loadReplayData(context.queryClient, search.success ? search.data : {});
  },
  component: lazyRouteComponent(() => import('../features/replay/replay-page'), 'ReplayPage'),
});
