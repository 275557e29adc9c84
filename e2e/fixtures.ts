import { test as base, expect } from '@playwright/test';

/** The replay page's mock host: answered by the page's own service worker, never resolved. */
export const MOCK_HOST = 'mock.replay.test';

/**
 * Every page in the suite is watched: a request to any host other than the local preview
 * server (and the replay mock host, which the page's service worker answers) fails the test, so
 * no real provider is ever contacted. Requests from the page's workers are watched too.
 */
export const test = base.extend<{ offHostRequests: string[] }>({
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
