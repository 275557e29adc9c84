import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const pages = [
  ['home', '/', 'Providers'],
  ['search results', '/?q=429&retry=do_not_retry', 'What does this LLM API error mean?'],
  ['provider', '/providers/openai', 'OpenAI errors'],
  ['error', '/providers/anthropic/errors/529-overloaded_error', 'API overloaded'],
  ['not found', '/providers/nope', 'No provider "nope"'],
  ['compare', '/compare?providers=openai,fireworks,wandb&row=500', 'Compare providers'],
  ['simulate', '/simulate', 'Simulate retry policies'],
  ['replay', '/replay?scenario=429-retry-after-once', 'Replay failure sequences'],
  [
    'decode',
    '/decode?text=HTTP%2F1.1%20429%0Aretry-after%3A%207%0A%0A%7B%22error%22%3A%7B%22type%22%3A%22insufficient_quota%22%7D%7D',
    'Decode an error',
  ],
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path, heading] of pages) {
    test(`${name} page has no WCAG A/AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      const summary = results.violations.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      );
      expect(summary).toEqual([]);
    });
  }
}
