/**
 * Every example response in the shipped catalogs, written out as a raw HTTP
 * response and decoded against all catalogs, must find its own entry near the
 * top, with reasons that name what matched.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorEntry, ProviderCatalog } from '../catalog/schema';
import { normalizeCode } from './body';
import { decode, formatExample, type DecodeMatch } from './match';
import { parsePaste } from './parse-paste';
import { loadShippedCatalogs } from '../../testing/catalogs';

const catalogs = loadShippedCatalogs();

function nonTrivial(entry: ErrorEntry): boolean {
  const { body, headers } = entry.example;
  if (body !== null && typeof body === 'object') return true;
  if (typeof body === 'string' && body.trim() !== '') return true;
  return Object.keys(headers).some((h) => h.toLowerCase() !== 'content-type');
}

/** Examples seen in real responses. Illustrative ones count for nothing in matching, by design. */
const observed = (entry: ErrorEntry) => nonTrivial(entry) && entry.example.illustrative !== true;

const cases: [string, ProviderCatalog, ErrorEntry][] = catalogs.flatMap((catalog) =>
  catalog.errors
    .filter(observed)
    .map((entry): [string, ProviderCatalog, ErrorEntry] => [
      `${catalog.id}/${entry.id}`,
      catalog,
      entry,
    ]),
);

/** Same provider, same status and the same codes: an entry the example cannot tell apart. */
function equivalent(a: DecodeMatch, catalog: ProviderCatalog, entry: ErrorEntry): boolean {
  const codes = (e: ErrorEntry) =>
    [...new Set(e.providerCodes.map(normalizeCode))].sort().join(' ');
  return (
    a.providerId === catalog.id &&
    a.entry.status === entry.status &&
    codes(a.entry) === codes(entry)
  );
}

/** 1 + how many different entries score strictly higher. */
function rankOf(
  matches: readonly DecodeMatch[],
  catalog: ProviderCatalog,
  entry: ErrorEntry,
): number {
  const own = matches.filter(
    (m) =>
      (m.providerId === catalog.id && m.entry.id === entry.id) || equivalent(m, catalog, entry),
  );
  if (own.length === 0) return Number.POSITIVE_INFINITY;
  const best = Math.max(...own.map((m) => m.score));
  return 1 + matches.filter((m) => m.score > best).length;
}

describe('decoding every catalog example', () => {
  it('covers the catalogs', () => {
    expect(catalogs.length).toBeGreaterThanOrEqual(18);
    expect(cases.length).toBeGreaterThan(40);
  });

  it('gives an illustrative example message no weight', () => {
    const deepseek = catalogs.find((c) => c.id === 'deepseek');
    const entry = deepseek?.errors.find((e) => e.id === '429-rate_limit_reached');
    expect(entry?.example.illustrative).toBe(true);
    // DeepSeek's made-up "Rate Limit Reached" must not pull OpenAI's real message its way.
    const { matches } = decode(
      parsePaste('Rate Limit Reached for gpt-4o in organization org-x on tokens per min (TPM)'),
      catalogs,
      { limit: 1000 },
    );
    const own = matches.find((m) => m.providerId === 'deepseek' && m.entry.id === entry?.id);
    expect(own?.reasons.some((r) => r.kind === 'message') ?? false).toBe(false);
  });

  it.each(cases)('%s ranks its own entry at the top, with reasons', (_name, catalog, entry) => {
    const parsed = parsePaste(formatExample(entry.example));
    const { matches } = decode(parsed, catalogs, { limit: 1000 });
    const rank = rankOf(matches, catalog, entry);
    expect(
      rank,
      `top: ${matches
        .slice(0, 3)
        .map((m) => `${m.providerId}/${m.entry.id}=${m.score}`)
        .join(', ')}`,
    ).toBeLessThanOrEqual(3);

    const own = matches.find((m) => m.providerId === catalog.id && m.entry.id === entry.id);
    expect(own).toBeDefined();
    const reasons = own?.reasons ?? [];
    const kinds = reasons.map((r) => r.kind);
    const status = entry.example.status;
    if (status !== null) {
      expect(reasons.find((r) => r.kind === 'status')?.detail).toContain(String(status));
    }
    if (entry.example.body !== null && typeof entry.example.body === 'object') {
      expect(kinds).toContain('body-shape');
    }
    const pasted = new Set(parsed.codes.map((c) => normalizeCode(c.value)));
    const expectedCodes = entry.providerCodes.filter((c) => pasted.has(normalizeCode(c)));
    if (expectedCodes.length > 0) {
      const named = reasons
        .filter((r) => r.kind === 'code')
        .map((r) => r.detail)
        .join(' ');
      expect(expectedCodes.some((c) => named.toLowerCase().includes(c.toLowerCase()))).toBe(true);
    }
    if (parsed.messages.length > 0) expect(kinds).toContain('message');
    expect(own?.score).toBeGreaterThan(0);
  });

  it('puts the example’s own entry first (or tied first) for nearly all examples', () => {
    let first = 0;
    const misses: string[] = [];
    for (const [name, catalog, entry] of cases) {
      const { matches } = decode(parsePaste(formatExample(entry.example)), catalogs, {
        limit: 1000,
      });
      if (rankOf(matches, catalog, entry) === 1) first++;
      else misses.push(name);
    }
    expect(first / cases.length, `not first: ${misses.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
