import { test, expect } from './fixtures';

test('a catalog with broken JSON is reported while the other providers still work', async ({
  page,
}) => {
  await page.route('**/catalogs/fireworks.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: '{\n  "id": "fireworks",\n  "name": "Fireworks AI",,\n}',
    }),
  );
  // The provider grid reads public/catalogs/summary.json; a search is what loads every full
  // catalog, and that is where a broken one is reported.
  await page.goto('/');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);
  await page.getByRole('searchbox', { name: 'Search errors' }).fill('529');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/fireworks.json');
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText('line 3');
  await expect(
    page
      .getByRole('table', { name: /match “529”/ })
      .getByRole('row')
      .filter({ hasText: 'Anthropic' }),
  ).toHaveCount(1);

  // Back on the grid, the card says what the search found out.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.locator('[data-provider="fireworks"]')).toContainText('failed to load');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);
  await expect(alert).toContainText('public/catalogs/fireworks.json');
});

test('a broken summary is reported by file and JSON path, and search still works', async ({
  page,
  request,
}) => {
  const summary = (await (await request.get('/catalogs/summary.json')).json()) as {
    providers: { errors: { advice: unknown }[] }[];
  };
  summary.providers[0]!.errors[1]!.advice = 'maybe';
  await page.route('**/catalogs/summary.json', (route) => route.fulfill({ json: summary }));

  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/summary.json');
  await expect(alert).toContainText('providers[0].errors[1].advice');
  await page.getByRole('searchbox', { name: 'Search errors' }).fill('529');
  await expect(
    page
      .getByRole('table', { name: /match “529”/ })
      .getByRole('row')
      .filter({ hasText: 'Anthropic' }),
  ).toHaveCount(1);

  await page.goto('/providers/anthropic/errors/529-overloaded_error');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('at Anthropic');
  await expect(page.getByRole('alert')).toContainText('providers[0].errors[1].advice');
});

test('a catalog with a wrong type names the file and the JSON path', async ({ page, request }) => {
  const original = (await (await request.get('/catalogs/groq.json')).json()) as {
    errors: { status: unknown }[];
  };
  original.errors[2]!.status = 'four hundred';
  await page.route('**/catalogs/groq.json', (route) => route.fulfill({ json: original }));

  await page.goto('/?q=rate');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/groq.json');
  await expect(alert).toContainText('errors[2].status');

  // Its own page explains the same problem instead of going blank.
  await page.goto('/providers/groq');
  await expect(page.getByRole('alert')).toContainText('errors[2].status');
  await page.getByRole('link', { name: 'Back to all providers' }).click();
  await expect(page.locator('[data-provider="openai"]')).toContainText(/\d+ errors/);
});

test('the home page takes the summary the build checked as it is; other bytes are checked', async ({
  page,
  request,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);
  expect(scripts.filter((p) => p.includes('light-rules'))).toEqual([]);

  // The same data in other bytes (not the file the build checked): the rules load and run.
  const summary = (await (await request.get('/catalogs/summary.json')).json()) as unknown;
  await page.route('**/catalogs/summary.json', (route) => route.fulfill({ json: summary }));
  scripts.length = 0;
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'hydrated');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);
  // (The bundler may split the rules into a facade and a shared chunk: one or more files.)
  expect(scripts.filter((p) => p.includes('light-rules')).length).toBeGreaterThan(0);
});
