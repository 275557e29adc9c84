/** Tests for turning the home page's URL params into filters and naming ignored values. */
import { describe, expect, it } from 'vitest';
import { hasActiveSearch, resolveFilters } from './search-params';

describe('resolveFilters', () => {
  it('keeps known values', () => {
    const { filters, problems } = resolveFilters(
      { provider: 'openai', status: '5xx', category: 'overloaded', retry: 'do_not_retry' },
      ['openai'],
    );
    expect(filters).toEqual({
      provider: 'openai',
      statusClass: '5xx',
      category: 'overloaded',
      advice: 'do_not_retry',
    });
    expect(problems).toEqual([]);
  });

  it('reports each unknown value by parameter and drops it', () => {
    const { filters, problems } = resolveFilters({ provider: 'nope', retry: 'sometimes' }, [
      'openai',
    ]);
    expect(filters.provider).toBeUndefined();
    expect(filters.advice).toBeUndefined();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('provider=nope');
    expect(problems[1]).toContain('retry=sometimes');
  });

  it('treats an empty search as no search', () => {
    expect(hasActiveSearch({})).toBe(false);
    expect(hasActiveSearch({ q: '  ' })).toBe(false);
    expect(hasActiveSearch({ retry: 'do_not_retry' })).toBe(true);
  });
});
