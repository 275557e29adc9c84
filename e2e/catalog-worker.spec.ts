import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Catalog files (not index or summary) a realm fetched, from its own resource timings. */
const providerFilesIn = (realm: Pick<Page, 'evaluate'>) =>
  realm.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => /^\/catalogs\/(?!index|summary)[^/]+\.json$/.test(p)),
  );

const catalogWorker = async (page: Page) => {
  await expect
    .poll(() => page.workers().filter((w) => w.url().includes('catalog.worker')).length)
    .toBe(1);
  return page.workers().find((w) => w.url().includes('catalog.worker'))!;
};

test('search, compare and decode load the catalogs in the catalog worker, not the page', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('[data-provider="openai"]')).toContainText(/\d+ errors/);
  expect(page.workers()).toHaveLength(0); // the bare home page starts no worker

  await page.getByRole('searchbox', { name: 'Search errors' }).fill('overloaded_error');
  const table = page.getByRole('table', { name: /match “overloaded_error”/ });
  await expect(table.getByRole('row').filter({ hasText: 'Anthropic' }).first()).toBeVisible();
  const worker = await catalogWorker(page);
  expect(await providerFilesIn(worker)).toContain('/catalogs/anthropic.json');
  expect(await providerFilesIn(page)).toEqual([]);

  // The same worker (its catalogs already loaded) serves compare and decode.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Compare' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare providers' })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Decode' })
    .click();
  await page
    .getByRole('textbox', { name: 'Paste an error' })
    .fill('anthropic.InternalServerError: Error code: 529 - {"type": "overloaded_error"}');
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(
    page.locator('#decode-matches tr[data-entry="529-overloaded_error"]').first(),
  ).toBeVisible();
  expect(await catalogWorker(page)).toBe(worker);
  expect(await providerFilesIn(page)).toEqual([]);
});

test('typing fast shows the answer to the last query only', async ({ page }) => {
  await page.goto('/?q=5');
  const box = page.getByRole('searchbox', { name: 'Search errors' });
  await box.click();
  await box.press('End');
  await box.pressSequentially('29 anthropic', { delay: 5 });
  const table = page.getByRole('table', { name: /match(es)? “529 anthropic”/ });
  await expect(table).toBeVisible();
  await expect(page.getByRole('region', { name: 'Search results' })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );
  const rows = table.getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
  await expect(rows).not.toHaveCount(0);
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/529/);
  await expect(rows.filter({ hasNotText: 'Anthropic' })).toHaveCount(0);
});
