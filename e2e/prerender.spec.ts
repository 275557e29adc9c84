/**
 * The prerendered pages: their content is in the HTML (read here with JavaScript off), every one
 * hydrates without a mismatch or console error, and the first interaction after hydration works.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, viewPages } from './fixtures';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

interface Catalog {
  id: string;
  name: string;
  errors: { id: string; status: number | null; category: string }[];
}
const index = JSON.parse(readFileSync(join(root, 'public/catalogs/index.json'), 'utf8')) as {
  providers: { id: string }[];
};
const catalogs = index.providers.map(
  ({ id }) => JSON.parse(readFileSync(join(root, `public/catalogs/${id}.json`), 'utf8')) as Catalog,
);

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page lists the providers and the search box', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('LLM Error Explorer');
    await expect(page.getByRole('heading', { name: 'Providers' })).toBeVisible();
    for (const c of catalogs) {
      await expect(page.getByRole('link', { name: c.name, exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole('searchbox', { name: 'Search errors' })).toBeVisible();
  });

  test('a provider page lists its errors', async ({ page }) => {
    await page.goto('/providers/anthropic');
    await expect(page).toHaveTitle('Anthropic errors · LLM Error Explorer');
    const table = page.getByRole('table', { name: /errors documented by Anthropic/ });
    const anthropic = catalogs.find((c) => c.id === 'anthropic')!;
    await expect(table.getByRole('row')).toHaveCount(anthropic.errors.length + 1);
    await expect(table.getByRole('link', { name: 'API overloaded' })).toHaveAttribute(
      'href',
      '/providers/anthropic/errors/529-overloaded_error',
    );
  });

  test('the compare page holds the whole matrix: every row, every provider, every entry', async ({
    page,
  }) => {
    await page.goto('/compare');
    const matrix = page.getByRole('table', { name: /statuses across \d+ providers/ });
    await expect(matrix.getByRole('columnheader')).toHaveCount(catalogs.length + 1);
    const all = catalogs.flatMap((c) => c.errors.map((e) => ({ ...e, provider: c.id })));
    const rowKeys = new Set(
      all.map((e) => (e.status === null ? `none-${e.category}` : String(e.status))),
    );
    await expect(matrix.locator('tbody tr')).toHaveCount(rowKeys.size);
    const hrefs = new Set(
      await matrix
        .locator('tbody td a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    );
    const unlinked = all
      .map((e) => `/providers/${e.provider}/errors/${e.id}`)
      .filter((href) => !hrefs.has(href));
    expect(unlinked).toEqual([]);
    await expect(matrix.locator('tbody tr[data-row="500"] [data-advice]').first()).toBeVisible();
  });

  test('an error page shows status, meaning, retry advice and sources', async ({ page }) => {
    await page.goto('/providers/anthropic/errors/529-overloaded_error');
    await expect(page).toHaveTitle('Anthropic 529 API overloaded · LLM Error Explorer');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('529');
    await expect(
      page.getByText(/temporarily overloaded across all customers/).first(),
    ).toBeVisible();
    await expect(page.getByText('Retry with backoff').first()).toBeVisible();
    const sources = page.getByRole('table', { name: 'Sources' });
    await expect(sources.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
    await expect(page.getByRole('heading', { name: '529 at other providers' })).toBeVisible();
    // Search engines read the page's own description and canonical address.
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      /^Anthropic 529 \(overloaded_error\): /,
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/providers\/anthropic\/errors\/529-overloaded_error$/,
    );
  });
});

test('dist has a prerendered file and a sitemap line for every catalog entry', () => {
  const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  const locs = new Set(
    [...sitemap.matchAll(/<loc>[^<]*?\/\/[^/<]+([^<]*)<\/loc>/g)].map((m) => m[1]),
  );
  const missing: string[] = [];
  for (const c of catalogs) {
    for (const path of [
      `/providers/${c.id}`,
      ...c.errors.map((e) => `/providers/${c.id}/errors/${e.id}`),
    ]) {
      if (!existsSync(join(dist, `${path.slice(1)}.html`))) missing.push(`${path}: no file`);
      if (!locs.has(path)) missing.push(`${path}: not in sitemap.xml`);
    }
  }
  expect(missing).toEqual([]);
  expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(
    /^Sitemap: https?:\/\/.+\/sitemap\.xml$/m,
  );
});

/** Loads a page and waits until React has hydrated it; returns what the console said. */
async function hydrate(page: Page, path: string, problems: string[]): Promise<void> {
  const before = problems.length;
  await page.goto(path);
  await expect(page.locator('html'), path).toHaveAttribute('data-app', 'hydrated');
  expect(problems.slice(before), path).toEqual([]);
}

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test.describe('every prerendered page hydrates cleanly', () => {
  test('home and the tools', async ({ page }) => {
    const problems = watchConsole(page);
    for (const path of ['/', '/compare', '/decode', '/simulate', '/replay']) {
      await hydrate(page, path, problems);
    }
  });

  test('a catalog slower than the page waits for still hydrates cleanly (a loaded machine)', async ({
    page,
  }) => {
    // Past the loader's bounded wait (CATALOG_WAIT_MS, 1.5 s), within the hydration wait (5 s).
    await page.route('**/catalogs/openai.json', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await route.continue();
    });
    const problems = watchConsole(page);
    await hydrate(page, '/compare', problems);
  });

  for (const c of catalogs) {
    test(`${c.id}: provider page and its ${c.errors.length} error pages`, async ({ page }) => {
      const problems = watchConsole(page);
      await hydrate(page, `/providers/${c.id}`, problems);
      for (const e of c.errors) await hydrate(page, `/providers/${c.id}/errors/${e.id}`, problems);
    });
  }

  test('in dark mode too', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
    const problems = watchConsole(page);
    await hydrate(page, '/providers/openai/errors/429-rate_limit_exceeded', problems);
    await expect(page.locator('html')).toHaveClass(/dark/);
    await expect(page.getByRole('button', { name: /^Theme: dark/ })).toBeVisible();
  });
});

test.describe('scripts a page starts with', () => {
  for (const path of viewPages) {
    test(`${path}: the HTML names the framework with the entry, and nothing the page does not load`, async ({
      page,
    }) => {
      const html = readFileSync(
        join(dist, path === '/' ? 'index.html' : `${path.slice(1)}.html`),
        'utf8',
      );
      const named = [
        ...html.matchAll(
          /<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="([^"]+)"/g,
        ),
      ].map((m) => m[1]!);
      // Fetched alongside the entry rather than after it has been read.
      expect(named.some((href) => /\/assets\/framework-[^/]+\.js$/.test(href))).toBe(true);
      await page.goto(path);
      const loaded = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime < performance.getEntriesByName('app-started')[0]!.startTime)
          .map((e) => new URL(e.name).pathname),
      );
      // Each named script is one the page starts with: nothing downloaded for nothing.
      expect(named.filter((href) => !loaded.includes(href))).toEqual([]);
    });
  }
});

test.describe('the first interaction after hydration', () => {
  test('home: typing searches', async ({ page }) => {
    const problems = watchConsole(page);
    await hydrate(page, '/', problems);
    await page.getByRole('searchbox', { name: 'Search errors' }).fill('overloaded');
    await expect(page).toHaveURL(/\?q=overloaded/);
    await expect(page.getByRole('table', { name: /match “overloaded”/ })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('provider page: a link navigates inside the app, without reloading', async ({ page }) => {
    const problems = watchConsole(page);
    await hydrate(page, '/providers/anthropic', problems);
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await page.getByRole('link', { name: 'API overloaded' }).click();
    await expect(page).toHaveURL(/\/providers\/anthropic\/errors\/529-overloaded_error$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('529');
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    await expect(page).toHaveTitle('Anthropic 529 API overloaded · LLM Error Explorer');
    expect(problems).toEqual([]);
  });

  /** Holds the app's code back until `release()`: the page is the prerendered HTML alone. */
  async function holdApp(page: Page) {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    return () => release();
  }

  test('before the app starts, search and decode submit as plain GET forms', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    await page.getByRole('searchbox', { name: 'Search errors' }).fill('overloaded');
    await page.getByRole('searchbox', { name: 'Search errors' }).press('Enter');
    await expect(page).toHaveURL(/\/\?q=overloaded$/);
    release();
    await expect(page.getByRole('table', { name: /match “overloaded”/ })).toBeVisible();

    await page.goto('/decode');
    await page.unrouteAll();
    const release2 = await holdApp(page);
    await page.goto('/decode', { waitUntil: 'commit' });
    await page.getByLabel('Paste an error').fill('Error code: 529 overloaded_error');
    await page.getByRole('button', { name: 'Decode', exact: true }).click();
    await expect(page).toHaveURL(/\/decode\?text=Error/);
    release2();
    await expect(page.locator('#decode-matches tbody tr').first()).toHaveAttribute(
      'data-entry',
      '529-overloaded_error',
    );
  });

  test('text typed before the app starts is kept and searched when it does', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/', { waitUntil: 'commit' });
    const box = page.getByRole('searchbox', { name: 'Search errors' });
    await box.fill('overloaded');
    await expect(page.locator('html')).not.toHaveAttribute('data-app', /./);
    release();
    await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
    await expect(box).toHaveValue('overloaded');
    await expect(page).toHaveURL(/\/\?q=overloaded$/);
    await expect(page.getByRole('table', { name: /match “overloaded”/ })).toBeVisible();
  });

  test('a link with search parameters renders that view, not the prerendered default', async ({
    page,
  }) => {
    const problems = watchConsole(page);
    await page.goto('/?q=insufficient_quota');
    await expect(page.locator('html')).toHaveAttribute('data-app', 'rendered');
    await expect(page.getByRole('table', { name: /match “insufficient_quota”/ })).toBeVisible();
    expect(problems).toEqual([]);
  });
});
