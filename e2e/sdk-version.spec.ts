import { expect, test } from './fixtures';

test('an error page shows the chosen SDK release: newest by default, Node 20 one click away', async ({
  page,
}) => {
  await page.goto('/providers/openai/errors/429-rate_limit_exceeded?sdk=openai-node');
  const section = page.getByRole('region', { name: 'With your SDK' });
  const facts = section.locator('[data-sdk-facts]');
  await expect(facts).toHaveAttribute('data-sdk-facts', 'openai-node@7.59.0');
  await expect(facts).toContainText('RateLimitError');
  await expect(facts).toContainText('Retry-After: honoured from 0 to 60 s');
  await expect(section.getByRole('link', { name: /^simulate / })).toHaveAttribute(
    'href',
    /preset=openai-node&/,
  );

  await section.getByRole('button', { name: 'On Node 20: openai 6.49.0' }).click();
  await expect(page).toHaveURL(/sdk=openai-node@6\.49\.0/);
  await expect(facts).toHaveAttribute('data-sdk-facts', 'openai-node@6.49.0');
  await expect(facts).toContainText('Retry-After: any value, no upper bound');
  await expect(section.getByRole('link', { name: /^simulate / })).toHaveAttribute(
    'href',
    /preset=openai-node-7\.4&/,
  );
  // The labelled version select follows the link.
  await expect(section.getByLabel('Version')).toHaveValue('>=6.26.0 <7.5.0');
});

test('anthropic classes follow the release: 529 is OverloadedError from 1.5.0 only', async ({
  page,
}) => {
  await page.goto('/providers/anthropic/errors/529-overloaded_error?sdk=anthropic-ts@1.12.0');
  const facts = page.getByRole('region', { name: 'With your SDK' }).locator('[data-sdk-facts]');
  await expect(facts).toContainText('OverloadedError');
  await expect(facts).toContainText('any positive value');

  await page.goto('/providers/anthropic/errors/529-overloaded_error?sdk=anthropic-ts@0.124.0');
  await expect(facts).toContainText('InternalServerError');
  await expect(facts).not.toContainText('OverloadedError');
  await expect(facts).toContainText('Retry-After: any value, no upper bound');
});

test('an unusable sdk value is reported beside the picker, not dropped silently', async ({
  page,
}) => {
  await page.goto('/providers/openai/errors/429-rate_limit_exceeded?sdk=openai-node@latest');
  const section = page.getByRole('region', { name: 'With your SDK' });
  await expect(section.getByRole('status')).toContainText('"latest" is not');
  await expect(section.locator('[data-sdk-facts]')).toHaveAttribute(
    'data-sdk-facts',
    'openai-python@3.3.1',
  );
});

test('decode shows what the chosen release raises for each match', async ({ page }) => {
  await page.goto(
    `/decode?sdk=openai-node@6.49.0&text=${encodeURIComponent('402 Payment Required {"error":{"message":"You exceeded your current quota, please check your plan and billing details"}}')}`,
  );
  const row = page.locator('#decode-matches tr[data-provider="wandb"]').first();
  await expect(row.locator('[data-sdk-facts]')).toContainText(
    'openai 6.49.0 (TypeScript) raises APIError',
  );
});

test('compare side by side has a "With your SDK" row for the chosen release', async ({ page }) => {
  await page.goto(
    '/compare?providers=openai,wandb,fireworks&row=402&side=wandb,fireworks&sdk=openai-python',
  );
  const row = page.locator('tr[data-field="your-sdk"]');
  await expect(row).toContainText('openai 3.3.1 (Python) raises APIStatusError');
  await page
    .getByRole('region', { name: /side by side/ })
    .getByLabel('SDK')
    .selectOption('openai-node');
  await expect(page).toHaveURL(/sdk=openai-node@7\.59\.0/);
  await expect(row).toContainText('openai 7.59.0 (TypeScript) raises APIError');
});
