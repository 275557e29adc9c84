import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const delayRows = (page: Page) => page.locator('#delay-table tbody tr');

test('choose a preset, edit it, and share the exact view', async ({ page, context }) => {
  await page.goto('/simulate');
  await expect(page.getByRole('heading', { name: 'Simulate retry policies' })).toBeVisible();
  // The OpenAI SDK draws its jitter from ×1 down to ×0.75; the form reads it low to high.
  await expect(page.getByLabel('Jitter from (×)')).toHaveValue('0.75');
  await expect(page.getByLabel('Jitter to (×)')).toHaveValue('1');

  await page
    .getByLabel("Start from a real client's policy")
    .selectOption({ label: 'Anthropic Python SDK 0.35 – 0.121 (Retry-After ≤ 60 s)' });
  await expect(page).toHaveURL(/preset=anthropic-python/);
  await expect(page.getByText('anthropic (PyPI) 0.35.0 – 0.121.x')).toBeVisible();

  // Two retries of (0.75·b, b] with b = 0.5 s, 1 s.
  await expect(delayRows(page)).toHaveCount(2);
  await expect(delayRows(page).nth(0)).toContainText('375 ms');
  await expect(delayRows(page).nth(1)).toContainText('1 s');
  const timeline = page.getByRole('img', { name: /^Timeline of Anthropic Python SDK/ });
  await expect(timeline).toHaveAccessibleName(/Gives up after 3 attempts/);

  // Edit: base 2 s and 5 attempts.
  await page.getByLabel('Base (s)').fill('2');
  await page.getByLabel('Max attempts').fill('5');
  await expect(page).toHaveURL(/base=2/);
  await expect(page).toHaveURL(/attempts=5/);
  await expect(delayRows(page)).toHaveCount(4);
  await expect(delayRows(page).nth(0)).toContainText('1.5 s');
  await expect(delayRows(page).nth(0)).toContainText('2 s');
  // 2, 4, then the 8 s cap.
  await expect(delayRows(page).nth(2)).toContainText('yes');
  await expect(timeline).toHaveAccessibleName(/Gives up after 5 attempts/);
  await expect(page.getByText('edited').first()).toBeVisible();
  const rows = await delayRows(page).allInnerTexts();
  const summary = await page.getByTestId('timeline-summary').innerText();

  // The address alone reproduces the view.
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByLabel("Start from a real client's policy")).toHaveValue(
    'anthropic-python',
  );
  await expect(other.getByLabel('Base (s)')).toHaveValue('2');
  await expect(other.getByLabel('Max attempts')).toHaveValue('5');
  await expect(delayRows(other)).toHaveCount(4);
  expect(await delayRows(other).allInnerTexts()).toEqual(rows);
  await expect(other.getByTestId('timeline-summary')).toHaveText(summary);

  // Reset drops every edit.
  await page.getByRole('button', { name: 'Reset to the preset' }).click();
  await expect(page).not.toHaveURL(/base=/);
  await expect(delayRows(page)).toHaveCount(2);
});

test('many runs in a worker: percentiles, an outage sweep, and Cancel', async ({ page }) => {
  await page.goto('/simulate?view=runs');
  await expect(page.getByRole('tab', { name: /Many runs/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.getByRole('button', { name: 'Run 10,000 calls' }).click();
  await expect(page.getByTestId('runs-status')).toHaveText(/Done in/);
  const table = page.getByRole('table', { name: 'Percentiles over 10,000 runs' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Measure',
    'p50',
    'p95',
    'p99',
    'Mean',
    'Max',
  ]);
  // The OpenAI Node SDK makes at most 3 attempts and waits at most 1.5 s.
  await expect(
    table
      .getByRole('row', { name: /Attempts/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('3');
  await expect(table.getByRole('row', { name: /Total wait/ })).toContainText('1.498 s');
  await expect(page.getByRole('img', { name: /Histogram of total wait/ })).toBeVisible();

  await page.getByRole('button', { name: 'Run the outage sweep' }).click();
  await expect(page.getByTestId('ride-out')).toContainText(
    'almost always gives up once the outage lasts 1.5 s',
  );
  await expectNoAxeViolations(page);

  // A long job stays cancellable, and the page stays usable while it runs.
  await page.goto('/simulate?view=runs&runs=1000000');
  await page.getByRole('button', { name: 'Run 1,000,000 calls' }).click();
  await expect(page.getByTestId('runs-status')).toHaveText(/Running/);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByLabel('Chance an attempt fails (0–1)').fill('0.9');
  await expect(page).toHaveURL(/p=0.9/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('runs-status')).toHaveText(/Cancelled at/);
  await expect(page.getByRole('button', { name: 'Run 1,000,000 calls' })).toBeEnabled();
});

test('a response sequence: Retry-After overrides the backoff; a bad token is named', async ({
  page,
}) => {
  await page.goto('/simulate?view=sequence&preset=anthropic-ts');
  const input = page.getByLabel('The server answers, in order');
  await input.fill('503, 5O3, 200');
  await expect(page.locator('#sequence-error')).toHaveText(/Response 2, "5O3".*not a status code/);
  await expect(input).toHaveAttribute('aria-invalid', 'true');

  await input.fill('503, 429 ra=7, 200');
  await expect(input).toHaveAttribute('aria-invalid', 'false');
  await expect(page).toHaveURL(/view=sequence/);
  await expect(page.getByTestId('sequence-outcome')).toContainText('Succeeds on attempt 3 at 7.');
  const table = page.locator('#sequence-table');
  await expect(table.locator('tbody tr').nth(1)).toContainText('as Retry-After says');

  // The OpenAI Python SDK gives up at once on a Retry-After above 120 s.
  await input.fill('429 ra=300, 200');
  await expect(page).toHaveURL(/sequence=429/);
  await page.getByLabel("Start from a real client's policy").selectOption('openai-python');
  await expect(page.getByTestId('sequence-outcome')).toContainText('Gives up after attempt 1');
  await expectNoAxeViolations(page);
});

test('a hand-edited simulator link is explained, and the rest still works', async ({ page }) => {
  await page.goto(
    '/simulate?preset=nosuch&base=fast&compare=openai-node,nope&view=sideways&target=cobol&sequence=503,5O3',
  );
  const notice = page.getByRole('region', { name: /not understood/ });
  await expect(notice).toContainText('preset=nosuch');
  await expect(notice).toContainText('base=fast');
  await expect(notice).toContainText('nope');
  await expect(notice).toContainText('view=sideways');
  await expect(notice).toContainText('target=cobol');
  await expect(notice).toContainText('Response 2, "5O3"');
  await expect(delayRows(page)).toHaveCount(2);
});

test('compare, stack, herd and export views', async ({ page }) => {
  await page.goto('/simulate?view=compare');
  await expect(page.locator('#compare-table tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('layers-summary')).toContainText('3 × 3 × 7 = 63');
  await page.getByRole('button', { name: 'Add a policy' }).click();
  await expect(page).toHaveURL(/compare=current,wandb-advice,aws-blog-full-jitter/);
  await expect(page.locator('#compare-table tbody tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Run the outage sweep for these policies' }).click();
  await expect(page.getByTestId('compare-outage-status')).toHaveText(/Done in/);
  await expectNoAxeViolations(page);

  await page.getByRole('tab', { name: 'Herd' }).click();
  await expect(page).toHaveURL(/view=herd/);
  await page.getByLabel(/^Clients \(1–10,000\)/).fill('500');
  await page.getByRole('button', { name: 'Run 500 clients' }).click();
  await expect(page.getByTestId('herd-summary')).toContainText('500 clients sent');
  // The model says what it assumes, and a herd of seconds is charted in sub-second buckets.
  const assumptions = page.getByTestId('herd-assumptions');
  await expect(assumptions).toContainText('a 200 takes about 1 s and a 429 or 503 about 50 ms');
  await expect(assumptions).toContainText(/in (100|200|250|500) ms buckets/);
  await expect(
    page.getByRole('img', { name: /Requests per second reaching the server/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Model').selectOption('aws');
  await page.getByLabel('Runs per point of the sweep (1–100)').fill('5');
  await page.getByRole('button', { name: 'Run the contention model' }).click();
  await expect(page.locator('#aws-sweep tbody tr')).toHaveCount(19);

  await page.getByRole('tab', { name: 'Export as code' }).click();
  await expect(page.getByRole('tab', { name: /tenacity \(Python\)/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('export-result')).toContainText('@retry');
  await page.getByRole('tab', { name: /p-retry/ }).click();
  await expect(page).toHaveURL(/target=p-retry/);
  await expect(page.getByTestId('export-result')).toContainText('pRetry');
  await expectNoAxeViolations(page);
});

test('every view passes axe in dark mode, results included', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/simulate?view=runs&runs=1000');
  await page.getByRole('button', { name: 'Run 1,000 calls' }).click();
  await page.getByRole('button', { name: 'Run the outage sweep' }).click();
  await expect(page.getByTestId('ride-out')).toBeVisible();
  await expectNoAxeViolations(page);
  for (const view of ['policy', 'sequence', 'compare', 'herd', 'export']) {
    await page.goto(`/simulate?view=${view}&preset=wandb-advice`);
    // The view's own tab (the export view also has a selected target tab of its own).
    await expect(page.locator(`#tab-${view}`)).toHaveAttribute('aria-selected', 'true');
    await expectNoAxeViolations(page);
  }
});

/** The element's box lies wholly inside the viewport, as the page first shows it. */
async function expectInView(page: Page, locator: ReturnType<Page['locator']>, what: string) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} has no box`).not.toBeNull();
  expect(box!.y, `${what} starts above the screen`).toBeGreaterThanOrEqual(0);
  expect(
    box!.y + box!.height,
    `${what} ends at ${Math.round(box!.y + box!.height)} px`,
  ).toBeLessThanOrEqual(viewport.height);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('the error page’s simulator link opens with the answer in view', async ({ page }) => {
      await page.goto('/providers/anthropic/errors/529-overloaded_error');
      const section = page.getByRole('region', { name: 'How would the SDK handle this?' });
      await section.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/simulate\?.*view=sequence/);
      await expectInView(page, page.getByTestId('sequence-outcome'), 'the one-sentence answer');
      await expectInView(
        page,
        page.getByRole('img', { name: /: ✓ Succeeds|: ✗ Gives up/ }),
        'the timeline',
      );
    });

    test('the simulator opens with the answer in view', async ({ page }) => {
      await page.goto('/simulate');
      await expectInView(page, page.getByTestId('timeline-summary'), 'the one-sentence answer');
      await expectInView(page, page.getByRole('img', { name: /^Timeline of / }), 'the timeline');
    });
  });
}

test('Back and Forward step through preset and tab changes', async ({ page }) => {
  await page.goto('/simulate');
  const preset = page.getByLabel("Start from a real client's policy");
  await preset.selectOption('anthropic-python');
  await expect(page).toHaveURL(/preset=anthropic-python/);
  await page.getByRole('tab', { name: 'Many runs' }).click();
  await expect(page).toHaveURL(/view=runs/);
  // Typing in a number field replaces the entry instead of adding one per keystroke.
  await page.getByLabel('Random seed').fill('7');
  await expect(page).toHaveURL(/seed=7/);

  await page.goBack();
  await expect(page).toHaveURL(/preset=anthropic-python/);
  await expect(page).not.toHaveURL(/view=runs/);
  await expect(page.getByRole('tab', { name: /Timeline and delays/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.goBack();
  await expect(page).not.toHaveURL(/preset=/);
  await expect(preset).toHaveValue('openai-node');
  await page.goForward();
  await expect(preset).toHaveValue('anthropic-python');
  await page.goForward();
  await expect(page.getByRole('tab', { name: /Many runs/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page).toHaveURL(/seed=7/);
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the delay table’s caption is read in full, not cut off', async ({ page }) => {
    await page.goto('/simulate?preset=anthropic-python&lat=2');
    const caption = page.getByText(/^Each wait of Anthropic Python SDK/);
    await expect(caption).toBeVisible();
    const box = (await caption.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'caption runs past the screen').toBeLessThanOrEqual(390);
    await expect(
      page.getByRole('table', { name: /^Each wait of Anthropic Python SDK/ }),
    ).toBeVisible();
  });
});

test('the policy is said in plain words beside its formulas, and follows edits', async ({
  page,
}) => {
  await page.goto('/simulate?preset=anthropic-python');
  const words = page.getByTestId('policy-in-words');
  await expect(words).toContainText(
    'waits about 500 ms, then 1 s, with up to 25% less at random (never more than 8 s)',
  );
  await expect(words).toContainText('gives up after 3 attempts');
  await page.getByLabel('Max attempts').fill('5');
  await expect(words).toContainText('then 2 s, …');
  await expect(words).toContainText('gives up after 5 attempts');
});

test('a call the simulator cuts short names the policy’s own limit, in readable units', async ({
  page,
}) => {
  await page.goto('/simulate?preset=custom&attempts=1000&cap=none&factor=10');
  const summary = page.getByTestId('timeline-summary');
  await expect(summary).toContainText('Still retrying');
  await expect(summary).toContainText('before the policy’s own limit (1,000 attempts)');
  await expect(summary).not.toContainText('no limit of its own');
  await expect(page.locator('#delay-table')).not.toContainText(/e\+\d/);
});
