import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoot } from './app/app-root';
import { createAppQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { isPrerenderedFor } from './app/prerendered';
import './index.css';

const queryClient = createAppQueryClient();
const router = createAppRouter(queryClient);
const container = document.getElementById('root')!;

if (isPrerenderedFor(container.dataset.prerendered, window.location)) {
  // The HTML already shows this page: load the same route data and code the prerender used, then
  // hydrate, so React's first render matches the markup exactly. Hydrating in a transition lets
  // React yield to the browser every few milliseconds instead of holding the main thread for the
  // whole page (input that arrives meanwhile is handled first).
  void router.load().then(() =>
    startTransition(() => {
      hydrateRoot(
        container,
        <AppRoot queryClient={queryClient} router={router} mode="hydrated" />,
        {
          onRecoverableError: (error) =>
            console.error('Hydration did not match the prerender:', error),
        },
      );
    }),
  );
} else {
  // No prerender, or one for another address (a host's fallback page, a view with search
  // parameters): render from scratch; React replaces what the HTML showed.
  createRoot(container).render(
    <AppRoot queryClient={queryClient} router={router} mode="rendered" />,
  );
}
