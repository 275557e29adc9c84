import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { MOCK_HOST, test, expect } from './fixtures';

/**
 * Replay runs the real SDKs in the browser against the page's own Mock Service Worker on
 * mock.replay.test. Besides the suite's guard (no request to any other host), every test here
 * checks that each mock-host response came from the service worker, never from a network, and
 * that the console shows no errors other than Chromium's lines for mocked failures.
 */
function watchMockHost(context: BrowserContext) {
  const notFromServiceWorker: string[] = [];
  const consoleErrors: string[] = [];
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (url.host === MOCK_HOST && !response.fromServiceWorker())
      notFromServiceWorker.push(`${response.status()} ${response.url()}`);
  });
  const watchPage = (page: Page) =>
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      // Chromium logs "Failed to load resource: … 503" and net::ERR_ABORTED for each mocked
      // failure and each cancelled retry, located at the mock-host URL.
      if (where.includes(MOCK_HOST)) return;
      consoleErrors.push(`${message.text()} @ ${where}`);
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return {
    check() {
      expect(notFromServiceWorker, 'mock-host responses not served by the service worker').toEqual(
        [],
      );
      expect(consoleErrors, 'console errors').toEqual([]);
    },
  };
}

const rows = (page: Page) => page.getByTestId('replay-timeline').locator('tbody tr');
const status = (page: Page) => page.getByTestId('replay-status');

async function run(page: Page) {
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText(/^Done/, { timeout: 20_000 });
}

// Two CPUs shared with other work: a run loads MSW and an SDK, and Chromium can be slow.
test.describe.configure({ timeout: 60_000 });

test('the real openai SDK meets a 429 with Retry-After and waits exactly 7 s', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=429-retry-after-once');
  await expect(page.getByRole('heading', { name: '429 with Retry-After, once' })).toBeVisible();
  await expect(page.getByText(/The official SDK: openai \d+\.\d+\.\d+/)).toBeVisible();
  await run(page);

  await expect(rows(page)).toHaveCount(2);
  const first = rows(page).nth(0);
  await expect(first).toContainText('POST /v1/chat/completions');
  await expect(first).toContainText('x-stainless-retry-count: 0');
  await expect(first).toContainText('429 Too Many Requests');
  await expect(first).toContainText('retry-after: 7');
  // The SDK waits exactly the 7 s it was told: virtual time is exact.
  await expect(first).toContainText('waits 7.000 s');
  await expect(rows(page).nth(1)).toContainText('x-stainless-retry-count: 1');
  await expect(rows(page).nth(1)).toContainText('200 OK');
  await expect(rows(page).nth(1).locator('td').first()).toHaveText('7.000 s');
  await expect(page.getByTestId('replay-result')).toContainText('The caller got an answer');
  const retryAfter = page
    .getByRole('list', { name: 'Verdicts' })
    .locator('[data-verdict="retry-after"]');
  await expect(retryAfter).toHaveAttribute('data-status', 'pass');
  await expect(retryAfter).toContainText('Retry-After 7 s honoured');

  watch.check();
});

test('after a run, the release you run is predicted beside the installed one', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=429-retry-after-once');
  await run(page);
  const yours = page.getByTestId('replay-your-release');
  // Default: the newest openai, whose preset (60 s bound) is not the installed 6.49's.
  await expect(yours).toContainText('openai 7.59.0 follows another preset');
  await expect(yours).toContainText('7000 ms (Retry-After)');
  await page.getByRole('button', { name: 'On Node 20: openai 6.49.0' }).click();
  await expect(page).toHaveURL(/sdk=openai-node@6\.49\.0/);
  await expect(yours).toContainText('openai 6.49.0 follows the same preset');
  watch.check();
});

test('the real openai SDK gives up on the 2-minute W&B storm, as its preset predicts', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=429-retry-after-once');
  await expect(page.getByRole('heading', { name: '429 with Retry-After, once' })).toBeVisible();
  // 503 on every attempt for 2 minutes; the SDK gives up long before it ends.
  await page.getByRole('radio', { name: /W&B Inference overloaded for 2 minutes/ }).check();
  await expect(page).toHaveURL(/scenario=wandb-overloaded-2-minutes/);
  await run(page);
  await expect(rows(page)).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(rows(page).nth(i)).toContainText('503 Service Unavailable');
    await expect(rows(page).nth(i)).toContainText(`x-stainless-retry-count: ${i}`);
  }
  await expect(page.getByTestId('replay-exception')).toHaveText('InternalServerError');
  await expect(page.getByTestId('replay-result')).toContainText('status 503');
  const budget = page.getByRole('list', { name: 'Verdicts' }).locator('[data-verdict="budget"]');
  await expect(budget).toHaveAttribute('data-status', 'pass');
  await expect(budget).toContainText('3 of at most 3 attempts');
  await expect(page.getByTestId('replay-prediction')).toContainText('3 attempts');
  await expect(page.getByTestId('replay-prediction')).toContainText('The run matches the preset');

  // Take it home: a Vitest test that expects what this run saw.
  const takeHome = page.getByRole('region', { name: 'Take it home' });
  await expect(takeHome).toContainText('wandb-overloaded-2-minutes.handlers.ts');
  await takeHome.getByText('The code').nth(1).click();
  const testCode = takeHome.locator('pre').nth(1);
  await expect(testCode).toContainText('expect(attempts).toBe(3);');
  await expect(testCode).toContainText('toBeInstanceOf(SDK.InternalServerError)');
  watch.check();

  // The page with a finished run (timeline, strip, verdicts) passes axe, light and dark.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map(
        (v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  }
});

test('the reference client runs a custom policy with exact waits', async ({ page, context }) => {
  const watch = watchMockHost(context);
  await page.goto(
    '/replay?scenario=503-persistent&client=reference&preset=custom&attempts=4&base=1&factor=2&jitter=none&cap=30',
  );
  await expect(page.getByLabel('Policy', { exact: true })).toHaveValue('custom');
  await expect(page.getByLabel('Max attempts')).toHaveValue('4');
  await run(page);
  await expect(rows(page)).toHaveCount(4);
  // Exponential 1 s × 2, no jitter: 1, 2, 4 s.
  await expect(rows(page).nth(0)).toContainText('waits 1.000 s');
  await expect(rows(page).nth(1)).toContainText('waits 2.000 s');
  await expect(rows(page).nth(2)).toContainText('waits 4.000 s');
  await expect(rows(page).nth(3).locator('td').first()).toHaveText('7.000 s');
  await expect(page.getByTestId('replay-result')).toContainText('503');

  // Two attempts only: the run changes with the policy.
  await page.getByLabel('Max attempts').fill('2');
  await expect(page).toHaveURL(/attempts=2/);
  await run(page);
  await expect(rows(page)).toHaveCount(2);
  watch.check();
});

test('edit a step, see the run change, and open the shared link in a fresh browser', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=500-once');
  await expect(page.getByText(/The official SDK: @anthropic-ai\/sdk \d+\.\d+\.\d+/)).toBeVisible();
  await run(page);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).nth(0)).toContainText('500 Internal Server Error');
  await expect(rows(page).nth(1)).toContainText('200 OK');

  // Step 1 now answers two requests.
  const step = page.getByRole('listitem', { name: /^Step 1:/ });
  await step.getByLabel('Requests').fill('2');
  await expect(page).toHaveURL(/[?&]s=/);
  await expect(page.getByRole('heading', { name: '500 once (edited)' })).toBeVisible();
  await expect(step).toContainText('2 times');
  await run(page);
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(1)).toContainText('500 Internal Server Error');
  await expect(rows(page).nth(2)).toContainText('200 OK');
  watch.check();

  // The link alone carries the edited scenario.
  const fresh = await browser.newContext({ baseURL: baseURL! });
  const offHost: string[] = [];
  fresh.on('request', (request) => {
    const host = new URL(request.url()).host;
    if (host !== new URL(baseURL!).host && host !== MOCK_HOST) offHost.push(request.url());
  });
  const freshWatch = watchMockHost(fresh);
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: '500 once (edited)' })).toBeVisible();
  await expect(
    other.getByRole('listitem', { name: /^Step 1:/ }).getByLabel('Requests'),
  ).toHaveValue('2');
  await run(other);
  await expect(rows(other)).toHaveCount(3);
  freshWatch.check();
  expect(offHost).toEqual([]);
  await fresh.close();
});

test('a broken import is reported by place, and the scenario on the page is kept', async ({
  page,
}) => {
  await page.goto('/replay?scenario=529-overloaded');
  await expect(page.getByRole('heading', { name: '529 overloaded, twice' })).toBeVisible();
  await page.getByText('Import or export JSON').click();
  const paste = page.getByLabel('Import: paste scenario JSON');

  // Valid JSON, wrong step kind.
  await page.getByText('The JSON', { exact: true }).click();
  const exported = await page.locator('pre', { hasText: '"schemaVersion": 1' }).innerText();
  const broken = JSON.parse(exported) as { steps: { kind: string }[] };
  broken.steps.push({ kind: 'teapot' });
  await paste.fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('steps[1].kind');
  await expect(problems).toContainText('teapot');
  await expect(page.getByRole('heading', { name: '529 overloaded, twice' })).toBeVisible();
  await expect(page).toHaveURL(/scenario=529-overloaded/);

  // Not JSON at all: the line and column.
  await paste.fill('{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(problems).toContainText('line 3');

  // An entry the catalog does not have.
  broken.steps = [{ kind: 'error', entry: '418-teapot' } as { kind: string }];
  await paste.fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(problems).toContainText('steps[0].entry');
  await expect(problems).toContainText('"418-teapot" is not an entry');
  await expect(page.getByRole('heading', { name: '529 overloaded, twice' })).toBeVisible();

  // A good import replaces it, and lands in the link.
  const good = JSON.parse(exported) as { id: string; title: string };
  good.id = 'my-529';
  good.title = 'My 529';
  await paste.fill(JSON.stringify(good));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My 529' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]s=/);

  // Saved in this browser, it survives a reload of the bare page.
  await page.getByRole('button', { name: 'Save in this browser' }).click();
  await page.goto('/replay');
  await expect(page.getByRole('radio', { name: /My 529/ })).toBeVisible();
});

test('a corrupt saved-scenarios entry is reported, not fatal', async ({ page }) => {
  await page.goto('/replay');
  await page.evaluate(() =>
    localStorage.setItem('llm-error-explorer:replay-scenarios', '{"version":1,"scenarios":['),
  );
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Some saved scenarios could not be read' }),
  ).toContainText('not valid JSON');
  await expect(page.getByRole('heading', { name: 'Replay failure sequences' })).toBeVisible();
});

test('a streamed scenario shows the chunks and the SDK error', async ({ page, context }) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=stream-error-event');
  await run(page);
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).nth(0);
  await expect(row).toContainText('200 OK');
  await row.getByText(/chunks, stream error event/).click();
  await expect(row.locator('li pre')).not.toHaveCount(0);
  await expect(row).toContainText('overloaded_error');
  await expect(page.getByTestId('replay-exception')).toHaveText(/APIError$/);
  await expect(page.getByTestId('replay-result')).toContainText('Overloaded');
  watch.check();
});

test('bad address values are reported by name', async ({ page }) => {
  await page.goto('/replay?scenario=nope&speed=fast&client=gemini');
  const problems = page.getByRole('region', {
    name: 'Some settings in the address were not understood',
  });
  await expect(problems).toContainText('"scenario=nope"');
  await expect(problems).toContainText('"speed=fast"');
  await expect(problems).toContainText('"client=gemini"');
  await page.goto('/replay?s=not-base64!');
  await expect(
    page.getByRole('alert', { name: 'The scenario in the link could not be read' }),
  ).toContainText('base64url');
});

test('a run at 1× pauses while the tab is hidden, pauses on request, and speeds up', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=429-retry-after-once&speed=1');
  await expect(page.getByRole('radio', { name: '1× (real time)' })).toBeChecked();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The SDK is now sleeping the 7 s Retry-After in real time.
  await expect(status(page)).toHaveText(/^Running at 1×… 1 request/);

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect(status(page)).toHaveText(/^Paused while this tab is hidden/);
  await setVisibility('visible');
  await expect(status(page)).toHaveText(/^Running at 1×/);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(status(page)).toHaveText(/^Paused\. 1 request/);
  await page.waitForTimeout(1000);
  await expect(status(page)).toHaveText(/^Paused\. 1 request/);

  // Instant from here on; the virtual times stay exact.
  await page.getByRole('radio', { name: 'Instant' }).check();
  await page.getByRole('button', { name: 'Resume' }).click();
  // Over 5 s of the 7 s wait were left: still at 1×, this would not be done within 5 s.
  await expect(status(page)).toHaveText(/^Done: 2 requests, virtual time 7\.000 s/, {
    timeout: 5_000,
  });
  await expect(rows(page).nth(0)).toContainText('waits 7.000 s');

  // Cancel ends a run for good.
  await page.getByRole('radio', { name: '1× (real time)' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText(/^Running at 1×… 1 request/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText(/^Cancelled after 1 request/);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  watch.check();
});

test('without service workers the page says the mock server cannot start', async ({
  browser,
  baseURL,
}) => {
  const blocked = await browser.newContext({ baseURL: baseURL!, serviceWorkers: 'block' });
  const page = await blocked.newPage();
  await page.goto('/replay?scenario=500-once');
  await expect(page.getByRole('alert', { name: 'The mock server could not start' })).toContainText(
    'no replay can run',
  );
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  // Editing and export still work.
  await expect(page.getByRole('listitem', { name: /^Step 1:/ })).toContainText('500-api_error');
  await blocked.close();
});

test('steps are added, reordered and removed from the keyboard', async ({ page }) => {
  await page.goto('/replay?scenario=429-retry-after-once');
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(1);

  await page.getByLabel('New step').selectOption('network-error');
  await page.getByRole('button', { name: 'Add step' }).focus();
  await page.keyboard.press('Enter');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(1)).toContainText('Step 2: the connection fails, once');

  // Move the new step up: it becomes step 1 and keeps the focus.
  await page.getByRole('button', { name: 'Move step 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(steps.nth(0)).toContainText('Step 1: the connection fails, once');
  await expect(steps.nth(1)).toContainText('Step 2: 429-rate_limit_exceeded');
  await expect(page.getByRole('button', { name: 'Move step 1 down' })).toBeFocused();
  await expect(page).toHaveURL(/[?&]s=/);

  await page.keyboard.press('Enter');
  await expect(steps.nth(1)).toContainText('Step 2: the connection fails, once');
  await page.getByRole('button', { name: 'Remove step 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(steps).toHaveCount(1);
  await expect(steps.nth(0)).toContainText('429-rate_limit_exceeded');
});

test('the scenario’s title, streaming and what follows the last step are edited in place', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=500-once');
  const settings = page.getByRole('group', { name: 'Scenario' });

  // After the last step, the 500 again: every attempt fails, until the SDK gives up.
  await settings.getByLabel('After the last step').selectOption({ label: 'Last step again' });
  await expect(page).toHaveURL(/[?&]s=/);
  await expect(page.getByRole('heading', { name: '500 once (edited)' })).toBeVisible();
  await expect(page.getByText('after the last step: the last step again')).toBeVisible();
  await run(page);
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) await expect(row).toContainText('500');

  // An empty title is named and not taken; a new one is, and the link keeps it.
  const title = settings.getByLabel('Title');
  await title.fill('');
  await expect(settings.getByText('Enter a title.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '500 once (edited)' })).toBeVisible();
  await title.fill('x'.repeat(121));
  await expect(settings.getByText('At most 120 characters (121 now).')).toBeVisible();
  await title.fill('Always 500');
  await title.press('Enter');
  await expect(page.getByRole('heading', { name: 'Always 500' })).toBeVisible();
  const story = settings.getByLabel('Story');
  await story.fill('Every request fails; the SDK gives up after its retries.');
  await story.blur();
  await expect(
    page.getByText('Every request fails; the SDK gives up after its retries.', { exact: true }),
  ).toBeVisible();
  await settings.getByLabel('Streamed (SSE)').check();
  await expect(page.getByText(/· streamed · after the last step/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Always 500' })).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Scenario' }).getByLabel('Streamed (SSE)'),
  ).toBeChecked();
  watch.check();

  // A scenario with a stream failure cannot stop streaming; the box says why.
  await page.goto('/replay?scenario=stream-error-event');
  const stream = page.getByRole('group', { name: 'Scenario' }).getByLabel('Streamed (SSE)');
  await expect(stream).toBeDisabled();
  await expect(stream).toHaveAccessibleDescription(/A stream-failure step needs it/);
});

test('a scenario moves to another provider: entries matched by condition, dialect and path follow', async ({
  page,
  context,
}) => {
  const watch = watchMockHost(context);
  await page.goto('/replay?scenario=insufficient-quota');
  const settings = page.getByRole('group', { name: 'Scenario' });
  const step1 = page.getByRole('listitem', { name: /^Step 1:/ });
  await expect(step1.getByLabel('Catalog entry')).toHaveValue('429-insufficient_quota');

  // OpenAI's billing 429 becomes Anthropic's spend-limit 429, not its rate-limit one.
  await settings.getByLabel('Provider').selectOption({ label: 'Anthropic' });
  await expect(settings.getByRole('status')).toHaveText(
    'Moved to Anthropic: POST /v1/messages. Step 1: 429-insufficient_quota became 429-enforced_spend_limit_reached.',
  );
  await expect(settings.getByLabel('Request dialect')).toHaveValue('anthropic-messages');
  await expect(settings.getByLabel('Path')).toHaveValue('/v1/messages');
  await expect(step1.getByLabel('Catalog entry')).toHaveValue('429-enforced_spend_limit_reached');
  await expect(page.getByText(/^Anthropic · POST \/v1\/messages/)).toBeVisible();
  await expect(page).toHaveURL(/[?&]s=/);

  // The real Anthropic SDK meets it: three attempts, each a 429 (the last step repeats).
  await run(page);
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) await expect(row).toContainText('429');

  // A path the schema would refuse stays in its box, named; a good one is taken.
  const path = settings.getByLabel('Path');
  await path.fill('v1 messages');
  await expect(settings.getByText('The path must be a URL path starting with "/".')).toBeVisible();
  await path.fill('/api/v1/messages');
  await path.press('Enter');
  await expect(page.getByText(/· POST \/api\/v1\/messages ·/)).toBeVisible();

  // The move survives a reload (it is in the link).
  await page.reload();
  await expect(page.getByRole('group', { name: 'Scenario' }).getByLabel('Provider')).toHaveValue(
    'anthropic',
  );
  await expect(
    page.getByRole('listitem', { name: /^Step 1:/ }).getByLabel('Catalog entry'),
  ).toHaveValue('429-enforced_spend_limit_reached');

  // From the keyboard: arrow keys move from provider to provider and the focus stays put.
  const provider = page.getByRole('group', { name: 'Scenario' }).getByLabel('Provider');
  await provider.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('group', { name: 'Scenario' }).getByRole('status')).toContainText(
    'Moved to Google Vertex AI',
  );
  await expect(provider).toHaveValue('vertex-ai');
  await expect(provider).toBeFocused();
  watch.check();
});
