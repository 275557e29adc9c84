/**
 * Runs the decoder over the corpus of real pastes and scores it the way a
 * careful reader would: top-1 is right when the verdict names the expected
 * entry's provider alone and the first match is the expected entry (or one the
 * item accepts as equally right), or when the verdict is unsure between
 * providers that all have an accepted entry and the first match is one of them
 * ("Gemini API or Vertex AI" for a paste that cannot tell them apart, when the
 * item accepts both); an item whose answer is null is right when
 * the verdict is "no match" or "unsure". Top-3: the expected entry is among the
 * first three distinct entries (null items count as at top-1).
 */
import type { ProviderCatalog } from '../../catalog/schema';
import { decodeText } from '../match';
import { CORPUS, type CorpusItem } from './corpus';

export interface ItemResult {
  item: CorpusItem;
  top1: boolean;
  top3: boolean;
  /** What the decoder picked first (`provider/entry`), or the verdict kind. */
  got: string;
  verdict: string;
}

export interface CorpusScore {
  results: ItemResult[];
  top1: number;
  top3: number;
  size: number;
}

const key = (providerId: string, entryId: string) => `${providerId}/${entryId}`;

export function scoreItem(item: CorpusItem, catalogs: readonly ProviderCatalog[]): ItemResult {
  const result = decodeText(item.paste, catalogs, { limit: 10 });
  const { verdict, matches } = result;
  const first = matches[0];
  const got =
    verdict.kind === 'clear' && first ? key(first.providerId, first.entry.id) : verdict.kind;
  if (item.expected === null) {
    const right = verdict.kind !== 'clear';
    return { item, top1: right, top3: right, got, verdict: verdict.text };
  }
  const accepted = new Set([item.expected, ...(item.alsoRight ?? [])]);
  const firstKey = first ? key(first.providerId, first.entry.id) : undefined;
  const acceptedProviders = new Set([...accepted].map((k) => k.split('/')[0]));
  const unsureAmongAccepted =
    verdict.kind === 'ambiguous' &&
    verdict.providerIds.every((id) => acceptedProviders.has(id)) &&
    firstKey !== undefined &&
    accepted.has(firstKey);
  const top1 =
    (verdict.kind === 'clear' && first !== undefined && accepted.has(got)) || unsureAmongAccepted;
  const firstThree = matches.slice(0, 3).map((m) => key(m.providerId, m.entry.id));
  const top3 = firstThree.some((k) => accepted.has(k));
  return { item, top1, top3, got, verdict: verdict.text };
}

export function scoreCorpus(catalogs: readonly ProviderCatalog[]): CorpusScore {
  const results = CORPUS.map((item) => scoreItem(item, catalogs));
  const size = results.length;
  return {
    results,
    size,
    top1: results.filter((r) => r.top1).length / size,
    top3: results.filter((r) => r.top3).length / size,
  };
}

/** Corpus size by expected provider ("none" for null) and by the status the entry has. */
export function corpusBreakdown(catalogs: readonly ProviderCatalog[]): {
  byProvider: Map<string, number>;
  byStatus: Map<string, number>;
} {
  const byProvider = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const entries = new Map<string, number | null>();
  for (const c of catalogs) for (const e of c.errors) entries.set(key(c.id, e.id), e.status);
  for (const item of CORPUS) {
    const provider = item.expected?.split('/')[0] ?? 'none';
    byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
    const status = item.expected ? entries.get(item.expected) : undefined;
    const label = item.expected === null ? 'none' : status === null ? 'no status' : String(status);
    byStatus.set(label, (byStatus.get(label) ?? 0) + 1);
  }
  return { byProvider, byStatus };
}
