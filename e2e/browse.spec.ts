import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';

test('search 529, open the Anthropic entry, and reload its permalink', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Providers' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search errors' }).fill('529');
  await expect(page).toHaveURL(/\?q=529/);

  const results = page.getByRole('table', { name: /match “529”/ });
  const anthropicRow = results.getByRole('row').filter({ hasText: 'Anthropic' });
  await expect(anthropicRow).toHaveCount(1);
  await anthropicRow.getByRole('link').click();

  await expect(page).toHaveURL(/\/providers\/anthropic\/errors\/529-overloaded_error$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('529');
  await expect(page.getByText('overloaded_error').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sources' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('529');
  await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible();
  // Links to the same status elsewhere (Humanloop also documents 529).
  await expect(page.getByRole('heading', { name: '529 at other providers' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Humanloop/ })).toBeVisible();
});

async function countEntries(
  request: APIRequestContext,
  keep: (e: { retry: { advice: string } }) => boolean,
): Promise<number> {
  const index = (await (await request.get('/catalogs/index.json')).json()) as {
    providers: { id: string }[];
  };
  let n = 0;
  for (const { id } of index.providers) {
    const catalog = (await (await request.get(`/catalogs/${id}.json`)).json()) as {
      errors: { retry: { advice: string } }[];
    };
    n += catalog.errors.filter(keep).length;
  }
  return n;
}

test('filter to “do not retry” keeps the filter in the URL and only shows such errors', async ({
  page,
  request,
}) => {
  const expected = await countEntries(request, (e) => e.retry.advice === 'do_not_retry');
  expect(expected).toBeGreaterThan(0);
  await page.goto('/');
  await page.getByLabel('Retry advice').selectOption({ label: 'Do not retry' });
  await expect(page).toHaveURL(/retry=do_not_retry/);
  // Rows arrive as each catalog loads, so wait for the full count rather than
  // counting whatever has arrived when the first row shows.
  expect(expected).toBeLessThanOrEqual(50); // all on the first page of results
  const rows = page.locator('#search-results tbody tr');
  await expect(rows).toHaveCount(expected);
  await expect(
    page.getByRole('table', { name: new RegExp(`^${expected} errors match`) }),
  ).toBeVisible();
  const adviceCells = page.locator('#search-results tbody [data-advice]');
  await expect(adviceCells).toHaveCount(expected);
  for (const advice of await adviceCells.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-advice')),
  )) {
    expect(advice).toBe('do_not_retry');
  }

  await page.reload();
  await expect(page.getByLabel('Retry advice')).toHaveValue('do_not_retry');
  await expect(page.locator('#search-results tbody tr')).toHaveCount(expected);
});

test('the keyboard alone finds and opens an error', async ({ page }) => {
  await page.goto('/providers/openai');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OpenAI errors');
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search errors' });
  await expect(search).toBeFocused();
  await page.keyboard.type('insufficient_quota');
  await expect(page.locator('#search-results tbody tr').first()).toContainText('OpenAI');
  await page.keyboard.press('ArrowDown');
  const first = page.locator('#search-results [data-result-link]').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/providers\/openai\/errors\/429-/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('429');
});

test('a provider page shows its errors, body shape, headers and SDK defaults', async ({ page }) => {
  await page.goto('/providers/cerebras');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cerebras errors');
  await expect(page.getByRole('table', { name: /errors documented by Cerebras/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Error body shape' })).toBeVisible();
  const sdks = page.getByRole('table', { name: /Official SDKs/ });
  await expect(sdks).toContainText('60 s');
});

test('unknown providers and errors get a helpful not-found page', async ({ page }) => {
  await page.goto('/providers/nosuchprovider');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No provider "nosuchprovider"');
  await expect(
    page
      .getByRole('navigation', { name: 'Known providers' })
      .getByRole('link', { name: 'Anthropic' }),
  ).toBeVisible();

  await page.goto('/providers/anthropic/errors/529-overloaded');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('No error "529-overloaded"');
  await page.getByRole('link', { name: /^529 .*overloaded/i }).click();
  await expect(page).toHaveURL(/529-overloaded_error$/);

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a hand-edited filter value is reported, not silently dropped', async ({ page }) => {
  await page.goto('/?retry=sometimes&q=429');
  const notice = page.getByRole('region', { name: /not understood/ });
  await expect(notice).toContainText('retry=sometimes');
  await expect(page.locator('#search-results tbody tr').first()).toBeVisible();
});

test('an error page opens the simulator with its SDK preset and that error', async ({ page }) => {
  await page.goto('/providers/cerebras/errors/503-service-unavailable');
  const section = page.getByRole('region', { name: 'How would the SDK handle this?' });
  await expect(section).toContainText('503, 503, 200');
  await section.getByRole('link', { name: 'cerebras-cloud-sdk (Python)' }).click();
  await expect(page).toHaveURL(/\/simulate\?.*preset=cerebras-python/);
  await expect(page).toHaveURL(/view=sequence/);
  await expect(page.getByLabel('The server answers, in order')).toHaveValue('503, 503, 200');
  // Two retries by default: the third attempt gets the 200.
  await expect(page.getByTestId('sequence-outcome')).toContainText('Succeeds on attempt 3');
});

test('a huge query is read up to its first 100 characters and offered to Decode', async ({
  page,
}) => {
  const query = `anthropic 529 ${' '.repeat(100)}${'garbage'.repeat(700)}`;
  await page.goto(`/?q=${encodeURIComponent(query)}`);
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('note')).toContainText('first 100 characters');
  await expect(results.getByRole('row').filter({ hasText: 'Anthropic' }).first()).toBeVisible();
  await results.getByRole('link', { name: 'paste it into Decode' }).click();
  await expect(page).toHaveURL(/\/decode\?text=anthropic/);
  await expect(page.getByRole('textbox', { name: 'Paste an error' })).toHaveValue(query);
});

test('an example that is not a real observed response says so', async ({ page }) => {
  await page.goto('/providers/deepseek/errors/429-rate_limit_reached');
  const example = page.getByRole('region', { name: 'Illustrative example' });
  await expect(example).toContainText('Not (wholly) a real observed response');
  await page.goto('/providers/openai/errors/429-insufficient_quota');
  await expect(page.getByRole('heading', { name: 'Example response' })).toBeVisible();
  await expect(page.getByText('Not (wholly) a real observed response')).toHaveCount(0);
});

test('a broad search shows its first 50 rows; “Show all” brings the rest and moves focus to them', async ({
  page,
}) => {
  await page.goto('/?q=error');
  const table = page.getByRole('table', { name: /errors match “error”, the first 50 shown/ });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  const caption = (await table.locator('caption').textContent()) ?? '';
  const total = Number(/^(\d+) errors match/.exec(caption)?.[1]);
  expect(total).toBeGreaterThan(50);
  await page.getByRole('button', { name: `Show all ${total} matches` }).click();
  const all = page.getByRole('table', { name: `${total} errors match “error”`, exact: true });
  await expect(all.locator('tbody tr')).toHaveCount(total);
  await expect(all.locator('tbody tr').nth(50).locator('[data-result-link]')).toBeFocused();
  await expect(page.getByRole('button', { name: /Show all/ })).toHaveCount(0);

  // A new query starts short again.
  await page.getByRole('searchbox', { name: 'Search errors' }).fill('r');
  await expect(
    page.getByRole('table', { name: /errors match “r”, the first 50 shown/ }).locator('tbody tr'),
  ).toHaveCount(50);
});
