import { test, expect } from './fixtures';

test('robots.txt is a robots file, not the app page the SPA fallback would serve', async ({
  request,
}) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toMatch(/<html/i);
  const rules = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  expect(rules).toEqual(['User-agent: *', 'Allow: /']);
});
