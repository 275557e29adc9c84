/** Every route at a phone's and a laptop's width: never wider than the screen, no blank overflow. */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** A 198-character request-id-like string with no space in it: nowhere for a browser to wrap. */
const longId = `req_${'a1b2c3d4e5'.repeat(19)}f0ab`;

/** Provider pages whose tables (rate-limit headers, body fields) once made them wider than a phone. */
const wideTableProviders = [
  'openai',
  'anthropic',
  'gemini',
  'azure-openai',
  'bedrock',
  'openrouter',
];

interface Route {
  path: string;
  /** Visible once the page has drawn what it is checked for. */
  ready: (page: Page) => Locator;
}

const routes: Route[] = [
  { path: '/', ready: (page) => page.getByRole('heading', { name: 'Providers' }) },
  {
    path: `/?q=${longId}`,
    ready: (page) =>
      page
        .getByRole('status')
        .filter({ hasText: 'No documented error matches' })
        .or(page.getByRole('table', { name: /match/ })),
  },
  ...wideTableProviders.map((id) => ({
    path: `/providers/${id}`,
    ready: (page: Page) => page.getByRole('table', { name: /errors documented by/ }),
  })),
  {
    path: '/providers/openai/errors/429-insufficient_quota',
    ready: (page) => page.getByRole('heading', { name: /429 at other providers/ }),
  },
  { path: '/compare', ready: (page) => page.locator('#compare-matrix') },
  { path: '/decode', ready: (page) => page.getByRole('heading', { name: 'Decode an error' }) },
  {
    path: '/simulate',
    ready: (page) => page.getByRole('heading', { name: 'Simulate retry policies' }),
  },
];

interface Layout {
  viewportWidth: number;
  scrollWidth: number;
  /** The height of the laid-out page (at least the viewport's). */
  contentHeight: number;
  scrollHeight: number;
  /** Elements that stick out to the right or below the page and no scroll box clips: what to fix. */
  offenders: string[];
}

async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const contentHeight = Math.max(
      doc.clientHeight,
      Math.ceil(document.body.getBoundingClientRect().height),
    );
    const width = doc.clientWidth;

    /**
     * True when an ancestor whose overflow is not visible clips the element. An absolutely
     * positioned element is clipped only by a scroll box at or above its containing block.
     */
    const clipped = (el: Element): boolean => {
      let needsPositioned = getComputedStyle(el).position === 'absolute';
      if (getComputedStyle(el).position === 'fixed') return false;
      for (let a = el.parentElement; a && a !== doc; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (needsPositioned && style.position === 'static' && style.transform === 'none') continue;
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return true;
        needsPositioned = style.position === 'absolute';
      }
      return false;
    };
    const describe = (el: Element, rect: DOMRect): string => {
      const cls = (el.getAttribute('class') ?? '').split(/\s+/).slice(0, 4).join('.');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}> "${text}" right=${Math.round(
        rect.right + scrollX,
      )} bottom=${Math.round(rect.bottom + scrollY)}`;
    };

    const offenders: string[] = [];
    const sticking = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const out = rect.right + scrollX > width + 1 || rect.bottom + scrollY > contentHeight + 1;
      // Text wider than its own box (a long word that cannot wrap) spills past it.
      const spills =
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX === 'visible' &&
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (spills && !clipped(el)) {
        offenders.push(`text spills out of ${describe(el, rect)}`);
        continue;
      }
      if (!out || clipped(el)) continue;
      sticking.add(el);
      // Name the outermost offender only: its children stick out with it.
      if (el.parentElement && sticking.has(el.parentElement)) continue;
      offenders.push(describe(el, rect));
    }
    return {
      viewportWidth: width,
      scrollWidth: doc.scrollWidth,
      contentHeight,
      scrollHeight: doc.scrollHeight,
      offenders: offenders.slice(0, 8),
    };
  });
}

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    for (const route of routes) {
      test(`${route.path.length > 60 ? `${route.path.slice(0, 60)}…` : route.path} fits the screen`, async ({
        page,
      }) => {
        await page.goto(route.path);
        // The machine may be busy: the full comparison matrix can take a while to draw.
        await expect(route.ready(page).first()).toBeVisible({ timeout: 15_000 });
        await page.waitForLoadState('networkidle');
        const layout = await measure(page);
        const culprits = `sticking out: ${layout.offenders.join('; ') || 'none found'}`;
        expect(layout.viewportWidth).toBe(viewport.width);
        expect
          .soft(layout.scrollWidth, `page wider than the screen; ${culprits}`)
          .toBe(viewport.width);
        expect(layout.scrollHeight, `blank space below the page; ${culprits}`).toBe(
          layout.contentHeight,
        );
      });
    }
  });
}

test.describe('at 390 px, provider tables of long values', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const id of wideTableProviders) {
    test(`/providers/${id}: headers and body fields wrap to the screen`, async ({ page }) => {
      await page.goto(`/providers/${id}`);
      const tables = page
        .getByRole('table', { name: 'Rate-limit and retry headers' })
        .or(page.getByRole('table', { name: /^Fields of an? / }));
      await expect(tables.first()).toBeVisible();
      for (const table of await tables.all()) {
        const { name, width, room } = await table.evaluate((t) => ({
          name: t.querySelector('caption')?.textContent ?? '',
          width: t.scrollWidth,
          room: t.parentElement?.clientWidth ?? 0,
        }));
        expect(width, `"${name}" is ${width} px wide in ${room} px`).toBeLessThanOrEqual(room);
      }
    });
  }
});

test.describe('at 390 px, a long search', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('wraps in the results caption instead of widening the results table', async ({ page }) => {
    await page.goto(`/?q=overloaded%20${longId}`);
    const table = page.getByRole('table', { name: /match “overloaded req_/ });
    await expect(table).toBeVisible();
    const { width, room } = await table.evaluate((t) => ({
      width: t.scrollWidth,
      room: t.parentElement?.clientWidth ?? 0,
    }));
    expect(width, `results table ${width} px wide in ${room} px`).toBeLessThanOrEqual(room);
  });
});

test.describe('keyboard hints', () => {
  // Tablet-sized, so a hint hidden only below the `sm` breakpoint would still show.
  const hints = [
    { path: '/', text: 'Press / to search' },
    { path: '/', text: 'Press ↓ to move into the results' },
    { path: '/decode', text: 'or Ctrl+Enter' },
  ];

  test.describe('on a touch screen', () => {
    test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
    for (const { path, text } of hints) {
      test(`${path} hides "${text}"`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(page.getByText(text)).toBeHidden();
      });
    }
  });

  test.describe('with a mouse', () => {
    test.use({ viewport: { width: 820, height: 1180 } });
    for (const { path, text } of hints) {
      test(`${path} shows "${text}"`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByText(text)).toBeVisible();
      });
    }
  });
});
