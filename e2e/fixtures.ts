import { test as base, expect } from '@playwright/test';

/**
 * Every page in the suite is watched: a request to any host other than the
 * local preview server fails the test, so no real provider is ever contacted.
 */
export const test = base.extend<{ offHostRequests: string[] }>({
  offHostRequests: [
    async ({ page, baseURL }, use) => {
      const allowed = new URL(baseURL!).host;
      const offHost: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && url.host !== allowed) offHost.push(request.url());
      });
      await use(offHost);
      expect(offHost, 'requests left the local server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
