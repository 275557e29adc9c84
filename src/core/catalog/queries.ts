/** Pure look-ups over loaded catalogs. */
import type { ErrorEntry, ProviderCatalog } from './schema';
import type { CatalogSummary, ProviderSummary, SummaryEntry } from './summary';

export function findEntry(catalog: ProviderCatalog, errorId: string): ErrorEntry | undefined {
  return catalog.errors.find((e) => e.id === errorId);
}

/** Error ids in a catalog closest to a wrong id, for a helpful not-found page. */
export function suggestEntries(catalog: ProviderCatalog, wrongId: string, limit = 5): ErrorEntry[] {
  const status = /^(\d{3})/.exec(wrongId)?.[1];
  const words = wrongId
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !/^\d+$/.test(w));
  const scored = catalog.errors.map((entry) => {
    let score = 0;
    if (status && String(entry.status) === status) score += 3;
    const hay = `${entry.id} ${entry.title} ${entry.providerCodes.join(' ')}`.toLowerCase();
    for (const w of words) if (hay.includes(w)) score += 2;
    return { entry, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.entry);
}

/**
 * Entries at other providers with the same HTTP status (none for status-less errors). Here, not in
 * summary.ts, so the error page does not load zod for it.
 */
export function sameStatusInSummary(
  summary: CatalogSummary,
  providerId: string,
  status: number | null,
): { provider: ProviderSummary; entry: SummaryEntry }[] {
  if (status === null) return [];
  return summary.providers
    .filter((p) => p.id !== providerId)
    .flatMap((provider) =>
      provider.errors.filter((e) => e.status === status).map((entry) => ({ provider, entry })),
    );
}
