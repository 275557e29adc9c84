import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDir, shippedSummaryJson, SUMMARY_FILE } from '../../../scripts/catalog-summary';
import { CatalogLoadError, parseCatalogSummary, parseProviderCatalog } from './parse';
import { sameStatusInSummary } from './queries';
import { summarize } from './summary';

const read = (file: string) => readFileSync(join(catalogDir, file), 'utf8');

describe('catalog summary', () => {
  it('the committed public/catalogs/summary.json matches the catalogs', () => {
    expect(read(SUMMARY_FILE), `${SUMMARY_FILE} is stale: run npm run summary`).toBe(
      shippedSummaryJson(),
    );
  });

  it('passes its own schema', () => {
    const summary = parseCatalogSummary(SUMMARY_FILE, read(SUMMARY_FILE));
    const index = JSON.parse(read('index.json')) as { providers: { id: string }[] };
    expect(summary.providers.map((p) => p.id)).toEqual(index.providers.map((p) => p.id));
  });

  it('keeps what the cards and cross-links show: counts, dates, status, advice, wait', () => {
    const anthropic = parseProviderCatalog('anthropic.json', read('anthropic.json'));
    const [p] = summarize([anthropic]).providers;
    expect(p!.entryCount).toBe(anthropic.errors.length);
    expect(p!.lastVerified).toBe(anthropic.lastVerified);
    const source = anthropic.errors.find((e) => e.id === '529-overloaded_error')!;
    const entry = p!.errors.find((e) => e.id === '529-overloaded_error')!;
    expect(entry).toEqual({
      id: source.id,
      status: 529,
      title: source.title,
      category: source.category,
      advice: source.retry.advice,
      ...(source.retry.wait ? { wait: source.retry.wait.text } : {}),
      providerCodes: ['overloaded_error'],
    });
  });

  it('finds the same status at other providers, never the provider itself', () => {
    const summary = parseCatalogSummary(SUMMARY_FILE, read(SUMMARY_FILE));
    const refs = sameStatusInSummary(summary, 'anthropic', 529);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.entry.status === 529 && r.provider.id !== 'anthropic')).toBe(true);
    expect(sameStatusInSummary(summary, 'anthropic', null)).toEqual([]);
  });

  const problemsOf = (edit: (summary: EditableSummary) => void) => {
    const summary = JSON.parse(read(SUMMARY_FILE)) as EditableSummary;
    edit(summary);
    try {
      parseCatalogSummary(SUMMARY_FILE, JSON.stringify(summary));
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogLoadError);
      expect((error as CatalogLoadError).file).toBe(SUMMARY_FILE);
      return (error as CatalogLoadError).problems.map((p) => p.path);
    }
    return [];
  };

  it('a broken summary names the file and the JSON path', () => {
    expect(
      problemsOf((s) => {
        s.providers[1]!.errors[0]!.status = 'four hundred';
      }),
    ).toEqual(['providers[1].errors[0].status']);
    expect(
      problemsOf((s) => {
        s.providers[2]!.entryCount += 1;
      }),
    ).toEqual(['providers[2].entryCount']);
  });
});

interface EditableSummary {
  providers: { entryCount: number; errors: { status: unknown }[] }[];
}
