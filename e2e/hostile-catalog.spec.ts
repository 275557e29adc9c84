import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Markup that would run if any of it were ever rendered as HTML. */
const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  "javascript:window.__pwned=4//'",
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every string in the catalog gets a payload appended, except ids and enum-like fields. */
function poison(value: Json, key = ''): Json {
  const keep = [
    'id',
    'kind',
    'category',
    'advice',
    'seen',
    'until',
    'lastVerified',
    'url',
    // sdkExceptions[]: an enum (Python / TypeScript) and a version range pattern.
    'language',
    'versions',
  ];
  if (typeof value === 'string') {
    return keep.includes(key) || key === 'docsUrl'
      ? value
      : `${value} ${payloads[value.length % payloads.length]}`;
  }
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  return value;
}

async function wandb(request: APIRequestContext): Promise<Record<string, Json>> {
  return (await (await request.get('/catalogs/wandb.json')).json()) as Record<string, Json>;
}

async function expectNothingRan(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // (Compare's own CSV download is a data: link with a download attribute: not from a catalog.)
  await expect(
    page.locator(
      'a[href^="javascript:" i], a[href^="vbscript:" i], a[href^="data:" i]:not([download])',
    ),
  ).toHaveCount(0);
  await expect(page.locator('main script, main img[src="x"], main svg[onload]')).toHaveCount(0);
}

test('a catalog full of script payloads renders them as text and runs nothing', async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const planted = poison(await wandb(request));
  await page.route('**/catalogs/wandb.json', (route) => route.fulfill({ json: planted }));

  await page.goto('/providers/wandb');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('window.__pwned');
  await expectNothingRan(page, dialogs);

  const first = (planted as { errors: { id: string }[] }).errors[0]!.id;
  await page.goto(`/providers/wandb/errors/${first}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main')).toContainText('window.__pwned');
  await expectNothingRan(page, dialogs);

  await page.goto('/?q=wandb');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNothingRan(page, dialogs);
  await page.goto('/compare?providers=wandb,openai');
  await expect(page.getByRole('table').first()).toBeVisible();
  await expectNothingRan(page, dialogs);
});

test('javascript:, data: and vbscript: links are refused by place and never rendered', async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const catalog = await wandb(request);
  catalog.docsUrl = 'javascript:window.__pwned=5';
  const errors = catalog.errors as { sources: { url: string }[] }[];
  errors[0]!.sources[0]!.url = 'data:text/html,<script>window.__pwned=6</script>';
  errors[1]!.sources[0]!.url = 'vbscript:msgbox(1)';
  await page.route('**/catalogs/wandb.json', (route) => route.fulfill({ json: catalog }));

  await page.goto('/providers/wandb');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('public/catalogs/wandb.json');
  await expect(alert).toContainText('docsUrl: must be an https:// URL');
  await expect(alert).toContainText('errors[0].sources[0].url: must be an https:// URL');
  await expect(alert).toContainText('errors[1].sources[0].url: must be an https:// URL');
  await expectNothingRan(page, dialogs);

  // The bare home grid reads summary.json; a search loads wandb.json and reports it.
  await page.goto('/?q=429');
  await expect(page.getByRole('alert')).toContainText('public/catalogs/wandb.json');
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(page.locator('[data-provider="wandb"]')).toContainText('failed to load');
  await expect(page.locator('[data-provider="openai"]')).toContainText(/\d+ errors/);
  await expectNothingRan(page, dialogs);
});
