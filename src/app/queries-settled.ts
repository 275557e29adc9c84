import type { QueryClient } from '@tanstack/react-query';

/**
 * Resolves once no query is fetching, or after `capMs`. A route loader waits a bounded time for
 * slow catalogs and lets the page fill them in; but the prerender rendered with every query
 * settled, so hydrating while some are still in flight (a loaded machine, a slow link) renders
 * something else than the HTML, and React throws that HTML away. The page is already painted,
 * so waiting a little longer costs nothing visible; the cap keeps one stuck file from holding it.
 */
export function queriesSettled(queryClient: QueryClient, capMs: number): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const timer = setTimeout(done, capMs);
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
    if (queryClient.isFetching() === 0) return done();
    unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() === 0) done();
    });
  });
}
