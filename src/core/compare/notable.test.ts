import { describe, expect, it } from 'vitest';
import { notableDisagreements } from './notable';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';
import type { Severity } from './types';

const catalogs = loadShippedCatalogs();
const seeds = ['openai', 'wandb', 'fireworks', 'cerebras', 'humanloop'];
const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

describe('notableDisagreements', () => {
  const top = notableDisagreements(catalogs, seeds);

  it('puts high-severity findings first and respects the limit', () => {
    expect(top).toHaveLength(8);
    const ranks = top.map((d) => rank[d.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(top[0]!.severity).toBe('high');
    expect(notableDisagreements(catalogs, seeds, { limit: 3 })).toEqual(top.slice(0, 3));
  });

  it('includes the Fireworks 500 advice and the 402-vs-429 billing findings', () => {
    expect(top.some((d) => d.kind === 'advice' && d.rowKey === '500')).toBe(true);
    expect(top.some((d) => d.kind === 'status' && d.rowKey === 'cat-quota_billing')).toBe(true);
  });

  it('reports each status finding once (category mode), not once per status row', () => {
    const all = notableDisagreements(catalogs, seeds, { limit: 1000 });
    const status = all.filter((d) => d.kind === 'status');
    expect(status.length).toBeGreaterThan(0);
    expect(status.every((d) => d.mode === 'category')).toBe(true);
    expect(all.filter((d) => d.kind !== 'status').every((d) => d.mode === 'status')).toBe(true);
    expect(new Set(all.map((d) => d.text)).size).toBe(all.length);
  });

  it('filters by minimum severity', () => {
    const high = notableDisagreements(catalogs, seeds, { limit: 1000, minSeverity: 'high' });
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((d) => d.severity === 'high')).toBe(true);
    const all = notableDisagreements(catalogs, seeds, { limit: 1000 });
    expect(all.some((d) => d.severity === 'low')).toBe(true);
  });

  it('is empty when the chosen providers agree', () => {
    const same = (id: string) =>
      syntheticCatalog(id, [
        { id: '429-x', status: 429, category: 'rate_limit', advice: 'honour_retry_after' },
        { id: '500-x', status: 500, category: 'server_error' },
      ]);
    expect(notableDisagreements([same('a'), same('b')])).toEqual([]);
  });
});
