import { test, expect } from './fixtures';

test('robots.txt is a robots file pointing at the sitemap, not the app page a SPA fallback would serve', async ({
  request,
}) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toMatch(/<html/i);
  const rules = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  expect(rules.slice(0, 2)).toEqual(['User-agent: *', 'Allow: /']);
  const sitemap = rules.find((line) => line.startsWith('Sitemap: '));
  expect(sitemap).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/);

  const xml = await (await request.get('/sitemap.xml')).text();
  expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  expect(xml).toMatch(
    /<loc>https?:\/\/[^/]+\/providers\/anthropic\/errors\/529-overloaded_error<\/loc>/,
  );
});
