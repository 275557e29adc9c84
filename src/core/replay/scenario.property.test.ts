/** Property tests: any imported scenario text gives a scenario or problems named by place, never a crash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString, mutateJson, type Json } from '../../testing/properties';
import { loadShippedCatalogs } from '../../testing/catalogs';
import { SCENARIO_LIBRARY } from './library';
import { checkScenarioAgainstCatalog, parseScenario } from './scenario-schema';

const catalogs = new Map(loadShippedCatalogs().map((c) => [c.id, c]));

function expectCleanOutcome(text: string): void {
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const p of parsed.problems) {
      expect(p.path).toMatch(/\S/);
      expect(p.message).toMatch(/\S/);
    }
    return;
  }
  const catalog = catalogs.get(parsed.scenario.provider);
  if (catalog) {
    for (const p of checkScenarioAgainstCatalog(parsed.scenario, catalog)) {
      expect(p.path).toMatch(/\S/);
      expect(p.message).toMatch(/\S/);
    }
  }
}

describe('imported scenarios under generated input', () => {
  it('any text: a scenario, or problems with a place and a message', () => {
    checkProperty(
      'imported replay scenarios: any text (parseScenario)',
      fc.property(fc.oneof(hostileString(1000), fc.json({ maxDepth: 4 })), expectCleanOutcome),
      1500,
    );
  });

  it('a library scenario with one value changed or removed anywhere: still a clean outcome', () => {
    checkProperty(
      'imported replay scenarios: one mutation of a library scenario',
      fc.property(
        fc.constantFrom(...SCENARIO_LIBRARY),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        fc.option(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { nil: undefined }),
        (scenario, choices, replacement) => {
          const doc = JSON.parse(JSON.stringify(scenario)) as Json;
          expectCleanOutcome(JSON.stringify(mutateJson(doc, choices, replacement)));
        },
      ),
      1500,
    );
  }, 60_000);
});
