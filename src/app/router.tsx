import { createRouter } from '@tanstack/react-router';
import { queryClient } from './query-client';
import { rootRoute } from '../routes/__root';
import { homeRoute } from '../routes/index';
import { providerRoute } from '../routes/provider';
import { providerErrorRoute } from '../routes/provider-error';
import { compareRoute } from '../routes/compare';
import { simulateRoute } from '../routes/simulate';
import { decodeRoute } from '../routes/decode';
import { replayRoute } from '../routes/replay';
import { parseSearch, stringifySearch } from './search-serialization';
import { PendingPage } from '../components/pending';
import { LazyRouteErrorPage as RouteErrorPage } from '../components/lazy-pages';

const routeTree = rootRoute.addChildren([
  homeRoute,
  compareRoute,
  decodeRoute,
  simulateRoute,
  replayRoute,
  providerRoute,
  providerErrorRoute,
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PendingPage,
  // A route's failure renders inside the shell (header, navigation), not in place of it.
  defaultErrorComponent: RouteErrorPage,
  scrollRestoration: true,
  parseSearch,
  stringifySearch,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
