import { test, expect } from './fixtures';

const anthropic529 = `anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}, 'request_id': 'req_011CSHoEeqs5C35K2UUqR7Fy'}`;
const openaiQuota = `openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}`;

test('a pasted Anthropic 529 decodes to overloaded_error, and the link reproduces it', async ({
  page,
  context,
}) => {
  await page.goto('/decode');
  await page.getByLabel('Paste an error').fill(anthropic529);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(page).toHaveURL(/\/decode\?text=/);

  const first = page.locator('#decode-matches tbody tr').first();
  await expect(first).toHaveAttribute('data-provider', 'anthropic');
  await expect(first).toHaveAttribute('data-entry', '529-overloaded_error');
  await expect(first).toContainText('Retry with backoff');
  await expect(first).toContainText(/overloaded_error/);

  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel('Paste an error')).toHaveValue(anthropic529);
  await expect(other.locator('#decode-matches tbody tr').first()).toHaveAttribute(
    'data-entry',
    '529-overloaded_error',
  );
  await other.locator('#decode-matches tbody tr').first().getByRole('link').click();
  await expect(other).toHaveURL(/\/providers\/anthropic\/errors\/529-overloaded_error$/);
});

test('an OpenAI insufficient_quota error is told apart from a plain rate limit', async ({
  page,
}) => {
  await page.goto('/decode');
  await page.getByLabel('Paste an error').fill(openaiQuota);
  await page.getByLabel('Paste an error').press('Control+Enter');
  const first = page.locator('#decode-matches tbody tr').first();
  await expect(first).toHaveAttribute('data-provider', 'openai');
  await expect(first).toHaveAttribute('data-entry', /insufficient_quota/);
  await expect(first).not.toContainText('Retry with backoff');
});

test('headers are explained and a shared message is called ambiguous', async ({ page }) => {
  await page.goto('/decode');
  await page.getByRole('button', { name: 'Rate limit with headers' }).click();
  const headers = page.getByRole('table', { name: 'Headers explained' });
  await expect(headers.getByRole('row').filter({ hasText: 'retry-after' }).first()).toContainText(
    '7',
  );
  await expect(headers).toContainText('6m0s');

  await page.getByRole('button', { name: 'Shared message (OpenAI or W&B?)' }).click();
  await expect(page.getByRole('region', { name: 'More than one provider fits' })).toContainText(
    'W&B',
  );
});

test('garbage, HTML and a huge paste get clear answers and the page stays usable', async ({
  page,
}) => {
  await page.goto('/decode');
  await page.getByLabel('Paste an error').fill('%%%% ???? 🙃 nothing here');
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(page.getByRole('region', { name: 'No catalog entry matches' })).toBeVisible();

  await page.getByRole('button', { name: 'HTML 502 page' }).click();
  await expect(page.getByRole('list', { name: 'Notes on the paste' })).toContainText(/HTML/i);

  const huge = `${anthropic529}\n${'x'.repeat(600_000)}`;
  await page.getByLabel('Paste an error').fill(huge);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  await expect(page.getByText(/too large to share as a link/)).toBeVisible();
  await expect(page.locator('#decode-matches tbody tr').first()).toHaveAttribute(
    'data-entry',
    '529-overloaded_error',
  );
  await expect(page.getByRole('list', { name: 'Notes on the paste' })).toBeVisible();
  // Still responsive: navigation works.
  await page.getByRole('link', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare providers');
});
