/**
 * Mock Service Worker in the browser, for the replay page only (this module is loaded by the
 * replay page alone, so MSW never weighs on the other pages). Every request to the mock host —
 * from the page or from the replay's Web Worker — is answered by the replay handlers; anything
 * else passes through untouched and unlogged.
 */
import type { SetupWorker } from 'msw/browser';
import type { ReplayRegistry } from '../../mocks/replay-handlers';

export type MockState =
  | { readonly state: 'starting' }
  | { readonly state: 'ready' }
  | { readonly state: 'failed'; readonly message: string };

export interface ReplayMocks {
  readonly worker: SetupWorker;
  /** Register a run's scenario before its client sends the first request. */
  readonly registry: ReplayRegistry;
}

let started: Promise<ReplayMocks> | null = null;

/** Why the service worker cannot run here, in words a user can act on. */
export function explainStartFailure(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (typeof navigator !== 'undefined' && !('serviceWorker' in navigator))
    return 'This browser offers no service workers here (a private window, an old browser, or a page not served over HTTPS or localhost), so the mock server cannot start.';
  if (/404|not found|MIME|text\/html/i.test(raw))
    return `The mock server script (mockServiceWorker.js) was not found on this site: ${raw}`;
  return `The browser did not let this page start its mock server, a service worker (a setting, an extension or a private window can block them). Details: ${raw}`;
}

/** Start MSW once per page load; later calls get the same worker. */
export function startMockWorker(): Promise<ReplayMocks> {
  started ??= (async () => {
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator))
      throw new Error('service workers are not available');
    const [{ setupWorker }, { createReplayHandlers }] = await Promise.all([
      import('msw/browser'),
      import('../../mocks/replay-handlers'),
    ]);
    const { handlers, registry } = createReplayHandlers();
    const worker = setupWorker(...handlers);
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    });
    return { worker, registry };
  })().catch((error: unknown) => {
    started = null; // a later visit may try again
    throw error;
  });
  return started;
}

/** Stop intercepting (leaving the replay page). The service worker unregisters itself once no
 * page uses it. */
export function stopMockWorker(): void {
  const current = started;
  started = null;
  void current?.then((m) => m.worker.stop()).catch(() => undefined);
}
