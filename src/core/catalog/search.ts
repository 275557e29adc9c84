/**
 * Search across all loaded catalogs by status code, title, provider type/code
 * string, SDK exception class and message text. Exact hits on a status, a
 * code or a class rank first; the rest is fuzzy (Fuse.js) so typos still land.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { statusClassOf, type StatusClass } from './labels';
import type { Category, ErrorEntry, ProviderCatalog, RetryAdvice } from './schema';

export interface SearchFilters {
  provider?: string | undefined;
  statusClass?: StatusClass | undefined;
  category?: Category | undefined;
  advice?: RetryAdvice | undefined;
}

export type MatchField =
  'status' | 'code' | 'exception' | 'title' | 'message' | 'meaning' | 'provider';

export interface SearchHit {
  position: number;
  providerId: string;
  providerName: string;
  entry: ErrorEntry;
  /** Lower is better. */
  score: number;
  matched: MatchField[];
}

interface Doc {
  position: number;
  providerId: string;
  providerName: string;
  entry: ErrorEntry;
  codes: string[];
  classes: string[];
  title: string;
  message: string;
  meaning: string;
}

export interface SearchIndex {
  docs: Doc[];
  fuse: Fuse<Doc>;
  providerAliases: Map<string, string>;
}

const fuseOptions: IFuseOptions<Doc> = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
  keys: [
    { name: 'codes', weight: 3 },
    { name: 'classes', weight: 3 },
    { name: 'title', weight: 2 },
    { name: 'message', weight: 2 },
    { name: 'meaning', weight: 1 },
  ],
};

const fuseKeyToField: Record<string, MatchField> = {
  codes: 'code',
  classes: 'exception',
  title: 'title',
  message: 'message',
  meaning: 'meaning',
};

export function createSearchIndex(catalogs: readonly ProviderCatalog[]): SearchIndex {
  const docs: Doc[] = catalogs.flatMap((catalog) =>
    catalog.errors.map((entry) => ({
      position: 0,
      providerId: catalog.id,
      providerName: catalog.name,
      entry,
      codes: entry.providerCodes,
      classes: entry.sdkExceptions.map((e) => e.className),
      title: entry.title,
      message: entry.message ?? '',
      meaning: entry.meaning,
    })),
  );
  docs.forEach((doc, i) => (doc.position = i));
  const providerAliases = new Map<string, string>();
  for (const catalog of catalogs) {
    providerAliases.set(catalog.id.toLowerCase(), catalog.id);
    providerAliases.set(catalog.name.toLowerCase(), catalog.id);
    const firstWord = catalog.name.split(/\s+/)[0]?.toLowerCase();
    if (firstWord && firstWord.length > 2 && !providerAliases.has(firstWord))
      providerAliases.set(firstWord, catalog.id);
  }
  return { docs, fuse: new Fuse(docs, fuseOptions), providerAliases };
}

function passesFilters(doc: Doc, filters: SearchFilters): boolean {
  if (filters.provider && doc.providerId !== filters.provider) return false;
  if (filters.statusClass && statusClassOf(doc.entry.status) !== filters.statusClass) return false;
  if (filters.category && doc.entry.category !== filters.category) return false;
  if (filters.advice && doc.entry.retry.advice !== filters.advice) return false;
  return true;
}

interface ParsedQuery {
  statuses: Set<number>;
  providers: Set<string>;
  text: string;
  words: string[];
}

export function parseQuery(query: string, providerAliases: Map<string, string>): ParsedQuery {
  const statuses = new Set<number>();
  const providers = new Set<string>();
  const words: string[] = [];
  for (const raw of query.trim().split(/[\s,:]+/)) {
    if (!raw) continue;
    const token = raw.replace(/^['"`(]+|['"`)]+$/g, '');
    if (/^[1-5]\d\d$/.test(token)) {
      statuses.add(Number(token));
      continue;
    }
    const lower = token.toLowerCase();
    const alias = providerAliases.get(lower);
    if (alias) {
      providers.add(alias);
      continue;
    }
    // SDK-qualified names such as anthropic.RateLimitError or cerebras.cloud.sdk.APIConnectionError.
    if (token.includes('.')) {
      const parts = token.split('.').filter(Boolean);
      const head = parts[0]?.toLowerCase();
      const headAlias = head ? providerAliases.get(head) : undefined;
      if (headAlias) providers.add(headAlias);
      const last = parts.at(-1);
      if (last) words.push(last);
      continue;
    }
    words.push(token);
  }
  return { statuses, providers, text: words.join(' '), words };
}

function exactMatchFields(doc: Doc, words: readonly string[]): MatchField[] {
  const fields = new Set<MatchField>();
  for (const word of words) {
    const w = word.toLowerCase();
    if (doc.codes.some((c) => c.toLowerCase() === w)) fields.add('code');
    if (doc.classes.some((c) => c.toLowerCase() === w)) fields.add('exception');
  }
  return [...fields];
}

/**
 * Search reads this much of a query: fuzzy matching costs grow with its length (5,000 characters
 * took seconds), and a whole pasted error belongs in Decode, which the page offers instead.
 */
export const MAX_QUERY_CHARS = 100;

/** The first `MAX_QUERY_CHARS` of a query, without a word cut in half at the end. */
export function boundQuery(query: string): string {
  if (query.length <= MAX_QUERY_CHARS) return query;
  const head = query.slice(0, MAX_QUERY_CHARS);
  return /\s/.test(query[MAX_QUERY_CHARS] ?? ' ') ? head : head.replace(/\S*$/, '');
}

export function search(
  index: SearchIndex,
  query: string,
  filters: SearchFilters = {},
  limit = 200,
): SearchHit[] {
  const parsed = parseQuery(boundQuery(query), index.providerAliases);
  const candidates = (doc: Doc) =>
    passesFilters(doc, filters) &&
    (parsed.statuses.size === 0 ||
      (doc.entry.status !== null && parsed.statuses.has(doc.entry.status))) &&
    (parsed.providers.size === 0 || parsed.providers.has(doc.providerId));

  const baseFields = (): MatchField[] => [
    ...(parsed.statuses.size > 0 ? (['status'] as const) : []),
    ...(parsed.providers.size > 0 ? (['provider'] as const) : []),
  ];

  const hits = new Map<Doc, SearchHit>();
  const add = (doc: Doc, score: number, matched: MatchField[]) => {
    const existing = hits.get(doc);
    if (existing && existing.score <= score) return;
    hits.set(doc, {
      position: doc.position,
      providerId: doc.providerId,
      providerName: doc.providerName,
      entry: doc.entry,
      score,
      matched: [...new Set([...baseFields(), ...matched])],
    });
  };

  if (parsed.words.length === 0) {
    for (const doc of index.docs) if (candidates(doc)) add(doc, 0, []);
  } else {
    for (const doc of index.docs) {
      if (!candidates(doc)) continue;
      const exact = exactMatchFields(doc, parsed.words);
      if (exact.length > 0) add(doc, 0, exact);
    }
    for (const result of index.fuse.search(parsed.text)) {
      if (!candidates(result.item)) continue;
      const matched = (result.matches ?? []).flatMap((m) => {
        const field = m.key ? fuseKeyToField[m.key] : undefined;
        return field ? [field] : [];
      });
      add(result.item, 0.01 + (result.score ?? 1), matched);
    }
  }

  return [...hits.values()]
    .sort((a, b) => a.score - b.score || a.position - b.position)
    .slice(0, limit);
}
