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
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/fireworks.json');
  await expect(alert).toContainText('not valid JSON');
  await expect(alert).toContainText('line 3');
  await expect(page.locator('[data-provider="fireworks"]')).toContainText('failed to load');
  await expect(page.locator('[data-provider="anthropic"]')).toContainText(/\d+ errors/);

  await page.getByRole('searchbox', { name: 'Search errors' }).fill('529');
  await expect(
    page
      .getByRole('table', { name: /match “529”/ })
      .getByRole('row')
      .filter({ hasText: 'Anthropic' }),
  ).toHaveCount(1);
});

test('a catalog with a wrong type names the file and the JSON path', async ({ page, request }) => {
  const original = (await (await request.get('/catalogs/groq.json')).json()) as {
    errors: { status: unknown }[];
  };
  original.errors[2]!.status = 'four hundred';
  await page.route('**/catalogs/groq.json', (route) => route.fulfill({ json: original }));

  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/groq.json');
  await expect(alert).toContainText('errors[2].status');

  // Its own page explains the same problem instead of going blank.
  await page.goto('/providers/groq');
  await expect(page.getByRole('alert')).toContainText('errors[2].status');
  await page.getByRole('link', { name: 'Back to all providers' }).click();
  await expect(page.locator('[data-provider="openai"]')).toContainText(/\d+ errors/);
});
