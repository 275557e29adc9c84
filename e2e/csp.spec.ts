import { test, expect, viewPages } from './fixtures';

/** Every kind of page, and the home page with a search (the results' code). */
const pages = [...viewPages, '/?q=529'];

test('every page runs under a CSP that forbids inline script, with no violations', async ({
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { reportViolation(v: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(meta).toMatch(/connect-src 'self' https:\/\/mock\.replay\.test(;|$)/);
  }
  expect(violations).toEqual([]);

  // An injected inline script is refused, as a planted payload would be.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.some((v) => v.startsWith('script-src'))).toBe(true);
});

test('vite preview sends the policy as a header too, with frame-ancestors', async ({ request }) => {
  const response = await request.get('/');
  const header = response.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});
