import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';

/** Holds every request to `pattern` until `release()`; the page meanwhile works without it. */
async function holdRequests(page: Page, pattern: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a failed provider catalog keeps the shell: what broke, Try again, and the way on', async ({
  page,
}) => {
  await page.route('**/catalogs/openai.json', (route) =>
    route.fulfill({ status: 500, body: 'upstream exploded' }),
  );
  for (const path of ['/providers/openai', '/providers/openai/errors/429-insufficient_quota']) {
    await page.goto(path);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('public/catalogs/openai.json');
    await expect(alert).toContainText('500');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(mainNav(page)).toBeVisible();
  }
  // Try again succeeds once the file is back.
  await page.unroute('**/catalogs/openai.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('at OpenAI');
});

test('a broken index keeps the shell, and the simulator is one click away', async ({ page }) => {
  await page.route('**/catalogs/index.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"providers": [' }),
  );
  for (const path of ['/', '/compare', '/decode']) {
    await page.goto(path);
    await expect(page.getByRole('alert')).toContainText('public/catalogs/index.json');
    await expect(page.getByRole('alert')).toContainText('not valid JSON');
    await expect(mainNav(page)).toBeVisible();
  }
  await mainNav(page).getByRole('link', { name: 'Simulate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /simulat/i })).toBeVisible();
});

test('a provider listed twice in the index is reported by place', async ({ page, request }) => {
  const index = (await (await request.get('/catalogs/index.json')).json()) as {
    providers: { id: string; name: string }[];
  };
  const twice = { providers: [...index.providers, index.providers[0]!] };
  await page.route('**/catalogs/index.json', (route) => route.fulfill({ json: twice }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`providers[${index.providers.length}].id`);
  await expect(alert).toContainText(`"${index.providers[0]!.id}" is listed twice`);
});

// The home page loads every full catalog only for a search: its slow-catalog case is a search.
for (const path of ['/?q=429', '/compare', '/decode']) {
  test(`one slow catalog does not hold ${path}: it shows the rest and fills in`, async ({
    page,
  }) => {
    const held = await holdRequests(page, '**/catalogs/openai.json');
    await page.goto(path);
    const status = page.getByRole('status').filter({ hasText: 'Still loading' });
    await expect(status).toContainText('Still loading 1 catalog (OpenAI)', { timeout: 15_000 });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const providerCell = (name: string) =>
      page.getByRole('table', { name: /match “429”/ }).getByRole('cell', { name, exact: true });
    if (path.startsWith('/?')) {
      await expect(providerCell('Anthropic').first()).toBeVisible();
      await expect(providerCell('OpenAI')).toHaveCount(0);
    }
    held.release();
    await expect(status).toHaveCount(0);
    if (path.startsWith('/?')) {
      await expect(providerCell('OpenAI').first()).toBeVisible();
    }
  });
}

test('the home grid never waits for a full catalog: it reads the summary', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    const m = /\/catalogs\/([^/]+\.json)$/.exec(new URL(r.url()).pathname);
    if (m) requested.push(m[1]!);
  });
  await holdRequests(page, '**/catalogs/openai.json');
  await page.goto('/');
  await expect(page.locator('[data-provider="openai"]')).toContainText(/\d+ errors · verified/);
  await expect(page.getByRole('status').filter({ hasText: 'Still loading' })).toHaveCount(0);
  expect(requested.sort()).toEqual(['index.json', 'summary.json']);
});

test('decode says its answer may be incomplete when a catalog is missing', async ({ page }) => {
  await page.route('**/catalogs/openai.json', (route) => route.fulfill({ status: 404 }));
  await page.goto('/decode');
  await expect(page.getByRole('alert')).toContainText('public/catalogs/openai.json');
  await page
    .getByRole('textbox', { name: 'Paste an error' })
    .fill(
      '{"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}}',
    );
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Decoded' })).toContainText(
    'This answer may be incomplete: it was made without the catalog of OpenAI.',
  );
});

test('a catalog that failed on Decode is reported on the home grid, without a search', async ({
  page,
}) => {
  await page.route('**/catalogs/openai.json', (route) => route.fulfill({ status: 404 }));
  await page.goto('/decode');
  await expect(page.getByRole('alert')).toContainText('public/catalogs/openai.json');
  // In the app (the same visit): the home page tracks the catalogs Decode asked for.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Browse' })
    .click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('[data-provider="openai"]')).toContainText('failed to load');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);
  await expect(page.getByRole('alert')).toContainText('public/catalogs/openai.json');
});

test('an error page lists the same status elsewhere from the summary, not from full catalogs', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (r) => {
    const m = /\/catalogs\/([^/]+\.json)$/.exec(new URL(r.url()).pathname);
    if (m) requested.push(m[1]!);
  });
  await page.goto('/providers/anthropic/errors/529-overloaded_error');
  const elsewhere = page.getByRole('region', { name: '529 at other providers' });
  await expect(elsewhere.getByRole('link').first()).toBeVisible();
  await expect(elsewhere).not.toContainText('Anthropic:');
  expect(requested.sort()).toEqual(['anthropic.json', 'index.json', 'summary.json']);
});
