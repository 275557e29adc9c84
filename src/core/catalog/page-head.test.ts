import { describe, expect, it } from 'vitest';
import { syntheticCatalog } from '../../testing/catalogs';
import { documentTitle, errorHead, providerHead, snippet } from './page-head';

describe('page heads', () => {
  const catalog = syntheticCatalog(
    'acme',
    [
      { id: '529-overloaded', status: 529, category: 'overloaded', providerCodes: ['overloaded'] },
      { id: '429-rate', status: 429, category: 'rate_limit', advice: 'honour_retry_after' },
    ],
    { name: 'Acme' },
  );

  it('an error page says provider, status, code, meaning and retry advice', () => {
    const head = errorHead(catalog, catalog.errors[0]!);
    expect(head.path).toBe('/providers/acme/errors/529-overloaded');
    expect(head.title).toBe('Acme 529 Error 529-overloaded');
    expect(head.description).toBe(
      'Acme 529 (overloaded): Something went wrong. Retry with backoff: Fix it.',
    );
    expect(errorHead(catalog, catalog.errors[1]!).description).toContain('Honour Retry-After');
  });

  it('a provider page lists its statuses', () => {
    const head = providerHead(catalog);
    expect(head.title).toBe('Acme errors');
    expect(head.description).toMatch(/^2 Acme API errors \(429, 529\)/);
  });

  it('the tab title carries the site name', () => {
    expect(documentTitle('Acme errors')).toBe('Acme errors · LLM Error Explorer');
    expect(documentTitle('')).toBe('LLM Error Explorer');
  });

  it('long text is cut at a word with an ellipsis, never past the limit', () => {
    const long = `${'word '.repeat(100)}end`;
    const cut = snippet(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('word…')).toBe(true);
    expect(snippet('  a\n  b  ')).toBe('a b');
  });
});
