/**
 * Property tests for every route's URL: any hand-edited query string is read by the router's
 * parser, accepted by the route's schema and resolved by its feature into a state plus problems
 * in words, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProperty, hostileString } from '../testing/properties';
import { parseSearch, stringifySearch } from './search-serialization';
import { homeSearchSchema } from '../features/browse/search-params';
import { resolveFilters } from '../features/browse/search-params';
import { compareSearchSchema } from '../features/compare/search-params';
import { resolveCompare } from '../features/compare/resolve-search';
import { decodeSearchSchema } from '../features/decode/search-params';
import { resolveSdkChoice } from '../core/sdk/choice';
import { SDKS } from '../core/sdk/sdks';
import { simulateSearchSchema } from '../features/simulate/search-params';
import { resolveSimulate } from '../features/simulate/search-state';

const providerIds = ['openai', 'anthropic', 'wandb', 'fireworks', 'cerebras'];

/** Keys a route knows (so values reach the resolver) mixed with keys it does not. */
function queryFor(keys: readonly string[]) {
  const value = fc.oneof(
    hostileString(120),
    fc.constantFrom(
      ...providerIds,
      'none',
      'current',
      '5-15',
      '503, 429 ra=7, 200',
      '1e309',
      'openai-node@6',
      'anthropic-ts@1.12.0',
    ),
    fc.integer({ min: -1e9, max: 1e9 }).map(String),
    fc.array(fc.constantFrom(...providerIds, 'nope', ''), { maxLength: 6 }).map((a) => a.join(',')),
  );
  return fc
    .dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 12 })), value, {
      maxKeys: 10,
    })
    .map((params) => stringifySearch(params));
}

const problemsInWords = (problems: readonly string[]) => {
  for (const p of problems) expect(p).toMatch(/\S/);
};

describe('every route under hand-edited URLs', () => {
  it('/ (browse)', () => {
    checkProperty(
      'URL search params: /',
      fc.property(queryFor(Object.keys(homeSearchSchema.shape)), (query) => {
        const parsed = homeSearchSchema.safeParse(parseSearch(query));
        expect(parsed.success).toBe(true);
        if (parsed.success) problemsInWords(resolveFilters(parsed.data, providerIds).problems);
      }),
      1000,
    );
  });

  it('/compare', () => {
    checkProperty(
      'URL search params: /compare',
      fc.property(queryFor(Object.keys(compareSearchSchema.shape)), (query) => {
        const parsed = compareSearchSchema.safeParse(parseSearch(query));
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const state = resolveCompare(parsed.data, providerIds);
        problemsInWords(state.problems);
        for (const id of state.providerIds) expect(providerIds).toContain(id);
      }),
      1000,
    );
  });

  it('/decode', () => {
    checkProperty(
      'URL search params: /decode',
      fc.property(queryFor(Object.keys(decodeSearchSchema.shape)), (query) => {
        const parsed = decodeSearchSchema.safeParse(parseSearch(query));
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        // The SDK picker's value: any text gives a choice, plus a problem in words.
        const { choice, problem } = resolveSdkChoice(parsed.data.sdk, SDKS);
        expect(choice).toBeDefined();
        if (problem !== undefined) problemsInWords([problem]);
      }),
      500,
    );
  });

  it('/simulate', () => {
    checkProperty(
      'URL search params: /simulate',
      fc.property(queryFor(Object.keys(simulateSearchSchema.shape)), (query) => {
        const parsed = simulateSearchSchema.safeParse(parseSearch(query));
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const state = resolveSimulate(parsed.data);
        problemsInWords(state.problems);
        expect(Number.isFinite(state.runs)).toBe(true);
        expect(state.compare.length).toBeGreaterThanOrEqual(2);
      }),
      1500,
    );
  }, 60_000);

  it('a query string survives the router’s stringify → parse round trip', () => {
    checkProperty(
      'URL search params: serialization round trip',
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 1 })),
        (params) => {
          expect(parseSearch(stringifySearch(params))).toEqual(params);
        },
      ),
      1000,
    );
  });
});
