/** The app's router: one route tree, built for the browser (main.tsx) or for a prerender (entry-server.tsx). */
import { createRouter, type RouterHistory } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
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

/**
 * `history` is given only by the prerender (a memory history at the page's URL); the browser uses
 * its own. The prerender renders the browser's component tree (`isServer: false`), so the HTML it
 * writes is exactly what the client hydrates.
 */
export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    // A route's failure renders inside the shell (header, navigation), not in place of it.
    defaultErrorComponent: RouteErrorPage,
    parseSearch,
    stringifySearch,
    ...(history
      ? { history, isServer: false, origin: 'http://localhost', scrollRestoration: false }
      : { scrollRestoration: true }),
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
