import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { isPrerenderedFor } from './app/prerendered';
import { queriesSettled } from './app/queries-settled';
import { yieldToBrowser } from './app/yield';
import './index.css';

const container = document.getElementById('root')!;

/** The longest a painted page waits for data still loading before it hydrates anyway. */
const HYDRATION_WAIT_MS = 5_000;

if (isPrerenderedFor(container.dataset.prerendered, window.location)) {
  // The HTML already shows this page, so nothing here is urgent: start up in short tasks the
  // browser can interleave with input (evaluating the modules, building the router, loading the
  // route's data and code as the prerender did, hydrating), so React's first render matches the
  // markup exactly. Hydrating in a transition lets React yield every few milliseconds instead of
  // holding the main thread for the whole page (input that arrives meanwhile is handled first).
  await yieldToBrowser();
  const queryClient = createAppQueryClient();
  const router = createAppRouter(queryClient);
  await yieldToBrowser();
  await router.load();
  // Hydrate with the data the prerender had: catalogs a loader stopped waiting for included.
  await queriesSettled(queryClient, HYDRATION_WAIT_MS);
  await yieldToBrowser();
  startTransition(() => {
    hydrateRoot(container, <AppRoot queryClient={queryClient} router={router} mode="hydrated" />, {
      onRecoverableError: (error) => console.error('Hydration did not match the prerender:', error),
    });
  });
} else {
  // No prerender, or one for another address (a host's fallback page, a view with search
  // parameters): render from scratch; React replaces what the HTML showed.
  const queryClient = createAppQueryClient();
  createRoot(container).render(
    <AppRoot queryClient={queryClient} router={createAppRouter(queryClient)} mode="rendered" />,
  );
}
