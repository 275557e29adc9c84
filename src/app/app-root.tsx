/** The React tree every page renders, in the browser and in the prerender alike. */
import { StrictMode, useEffect } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { createAppRouter } from './router';

/** How the browser started the app: on prerendered HTML, or from an empty page. */
export type StartMode = 'hydrated' | 'rendered';

/**
 * Marks `<html data-app="hydrated|rendered">` and the performance mark `app-started` once React
 * has committed, so tests and the bench know when the page became interactive. Renders nothing,
 * so the prerendered markup is the same.
 */
function StartMark({ mode }: { mode: StartMode }) {
  useEffect(() => {
    document.documentElement.dataset.app = mode;
    performance.mark('app-started');
  }, [mode]);
  return null;
}

export function AppRoot({
  queryClient,
  router,
  mode,
}: {
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
  mode?: StartMode;
}) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
      {mode && <StartMark mode={mode} />}
    </StrictMode>
  );
}
