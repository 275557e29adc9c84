/** Every library scenario parses and resolves against the shipped catalogs. */
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { SCENARIO_LIBRARY } from './library';
import { checkScenarioAgainstCatalog, parseScenario } from './scenario-schema';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));

describe('scenario library', () => {
  it('has unique ids and covers the issue list', () => {
    const ids = SCENARIO_LIBRARY.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(23);
  });

  it.each(SCENARIO_LIBRARY.map((s) => [s.id, s] as const))('%s parses and resolves', (_id, s) => {
    const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    const catalog = catalogs.get(s.provider);
    expect(catalog, `no catalog ${s.provider}`).toBeDefined();
    if (catalog) expect(checkScenarioAgainstCatalog(s, catalog)).toEqual([]);
    expect(s.source?.url).toMatch(/^https:\/\//);
    expect(s.story.length).toBeLessThan(240);
  });
});
