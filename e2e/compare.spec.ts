import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

test('compare two providers, show only differences, and align a row side by side', async ({
  page,
  context,
}) => {
  await page.goto('/compare');
  await page.getByRole('button', { name: 'The five seed providers' }).click();
  for (const name of ['OpenAI', 'Cerebras', 'Humanloop'])
    await page.getByRole('checkbox', { name, exact: true }).uncheck();
  await expect(page).toHaveURL(/providers=fireworks,wandb/);

  const matrix = page.getByRole('table', { name: /statuses across 2 providers/ });
  await expect(matrix.getByRole('columnheader')).toHaveText([
    'Status',
    'Fireworks AI',
    'W&B Inference',
  ]);
  const allRows = await matrix.locator('tbody tr').count();

  await page.getByRole('checkbox', { name: 'Only rows where the chosen providers differ' }).check();
  await expect(page).toHaveURL(/only=diff/);
  const diffRows = matrix.locator('tbody tr');
  await expect(diffRows.first()).toBeVisible();
  const differing = await diffRows.count();
  expect(differing).toBeGreaterThan(0);
  expect(differing).toBeLessThan(allRows);
  expect(await matrix.locator('tbody tr[data-differs="false"]').count()).toBe(0);

  // Fireworks says contact support for 500; W&B says retry after 30–60 s.
  const row500 = matrix.locator('tbody tr[data-row="500"]');
  await expect(row500).toContainText('Contact support');
  await expect(row500).toContainText('Retry with backoff');
  await row500.getByRole('button', { name: /side by side/ }).click();
  await expect(page).toHaveURL(/row=500/);
  const side = page.getByRole('region', { name: /500 .*side by side/ });
  await expect(side.locator('tr[data-field="retryAdvice"]')).toHaveAttribute(
    'data-differs',
    'true',
  );
  await expect(side.locator('tr[data-field="wait"]')).toContainText('30–60');

  // Export the comparison as Markdown.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: /Copy as Markdown/ })).toContainText('Copied');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown.split('\n')[0]).toBe('| Status | Fireworks AI | W&B Inference | Disagreements |');
  expect(markdown.split('\n')).toHaveLength(differing + 2);

  // The CSV file is built when the button is pressed, for the same view.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('llm-errors-by-status.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const csvLines = csv.split('\r\n');
  expect(csvLines[0]).toBe('Key,Status,Fireworks AI,W&B Inference,Disagreements');
  expect(csvLines.filter((l) => /^\d{3},/.test(l)).map((l) => l.split(',')[0])).toContain('500');
  expect(csv.match(/^(\d{3}|none-[a-z_]+),/gm)).toHaveLength(differing);

  // The link alone reproduces the view.
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  await expect(
    other.getByRole('checkbox', { name: 'Only rows where the chosen providers differ' }),
  ).toBeChecked();
  await expect(
    other.getByRole('checkbox', { name: 'Fireworks AI', exact: true }).first(),
  ).toBeChecked();
  await expect(other.getByRole('checkbox', { name: 'OpenAI', exact: true })).not.toBeChecked();
  await expect(other.getByRole('region', { name: /500 .*side by side/ })).toBeVisible();
  await expect(
    other.getByRole('table', { name: /statuses across 2 providers/ }).locator('tbody tr'),
  ).toHaveCount(differing);
});

test('category mode shows the same condition under different statuses', async ({ page }) => {
  await page.goto('/compare?mode=category&providers=openai,anthropic,humanloop,wandb');
  const row = page.locator('#compare-matrix tbody tr[data-row="cat-overloaded"]');
  await expect(row).toHaveAttribute('data-differs', 'true');
  await expect(row).toContainText('529');
  await expect(row).toContainText('503');
});

test('a hand-edited compare link is explained, and the rest still works', async ({ page }) => {
  await page.goto('/compare?providers=openai,nosuch&mode=sideways');
  const notice = page.getByRole('region', { name: /not understood/ });
  await expect(notice).toContainText('nosuch');
  await expect(notice).toContainText('mode=sideways');
  await expect(page.getByRole('table', { name: /across 1 providers/ })).toBeVisible();
});

test('a matrix cell links to its error page, inside the app', async ({ page }) => {
  await page.goto('/compare?providers=anthropic');
  await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
  const cell = page.locator('#compare-matrix tbody tr[data-row="529"] td').first();
  await expect(cell).toContainText('Retry with backoff');
  await cell.getByRole('link', { name: /^529 overloaded_error$/ }).click();
  await expect(page).toHaveURL(/\/providers\/anthropic\/errors\/529-overloaded_error$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('529');
  expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
});
