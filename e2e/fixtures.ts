import { test as base, expect, type Page, type Response } from '@playwright/test';

/** The replay page's mock host: answered by the page's own service worker, never resolved. */
export const MOCK_HOST = 'mock.replay.test';

/** One page of each kind: home, a provider, an error, and the four tools' default views. */
export const viewPages = [
  '/',
  '/providers/anthropic',
  '/providers/anthropic/errors/529-overloaded_error',
  '/compare',
  '/decode',
  '/simulate',
  '/replay',
];

/**
 * Every page in the suite is watched: a request to any host other than the local preview
 * server (and the replay mock host, which the page's service worker answers) fails the test, so
 * no real provider is ever contacted. Requests from the page's workers are watched too.
 */
/**
 * Pages are prerendered: their content shows before React hydrates them, and a control used in
 * that moment is not the app's yet. Like a person who waits for a page to finish loading, every
 * `goto` and `reload` of an app page waits until React has started (`<html data-app>`). The
 * moment before is tested on its own (e2e/prerender.spec.ts, with JavaScript off).
 */
function waitForApp(page: Page): void {
  const settle = async (response: Response | null) => {
    const html = response?.headers()['content-type']?.includes('text/html') ?? false;
    if (html) {
      await page
        .locator('html[data-app]')
        .waitFor({ state: 'attached', timeout: 30_000 })
        .catch(() => {
          throw new Error(`${page.url()}: the app did not start (no <html data-app>)`);
        });
    }
    return response;
  };
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  // `waitUntil: 'commit'` opts out: for tests of the moment before the app starts.
  page.goto = async (url, options) =>
    options?.waitUntil === 'commit' ? goto(url, options) : settle(await goto(url, options));
  page.reload = async (options) => settle(await reload(options));
}

export const test = base.extend<{ offHostRequests: string[] }>({
  context: async ({ context, javaScriptEnabled }, provide) => {
    if (javaScriptEnabled !== false) {
      for (const page of context.pages()) waitForApp(page);
      context.on('page', waitForApp);
    }
    await provide(context);
  },
  offHostRequests: [
    async ({ context, baseURL }, use) => {
      const allowed = new Set([new URL(baseURL!).host, MOCK_HOST]);
      const offHost: string[] = [];
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !allowed.has(url.host)) offHost.push(request.url());
      });
      await use(offHost);
      expect(offHost, 'requests left the local server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
