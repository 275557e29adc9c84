import { describe, expect, it } from 'vitest';
import type { ErrorEntry, ProviderCatalog } from './schema';
import { boundQuery, createSearchIndex, MAX_QUERY_CHARS, parseQuery, search } from './search';

const source = [
  { url: 'https://example.com/docs', seen: '2026-11-01', kind: 'official-doc' as const },
];

function e(
  partial: Partial<ErrorEntry> & Pick<ErrorEntry, 'id' | 'status' | 'title' | 'category'>,
): ErrorEntry {
  return {
    providerCodes: [],
    sdkExceptions: [],
    meaning: `${partial.title}.`,
    causes: [],
    fix: 'Fix it.',
    retry: { advice: 'retry_backoff' },
    example: { status: partial.status, headers: {}, body: {} },
    sources: source,
    history: [],
    ...partial,
  };
}

function catalog(id: string, name: string, errors: ErrorEntry[]): ProviderCatalog {
  return {
    id,
    name,
    docsUrl: 'https://example.com/docs',
    lastVerified: '2026-11-01',
    summary: name,
    bodyShape: { description: 'x', fields: [], example: {} },
    headers: [],
    sdks: [],
    notes: [],
    sources: source,
    errors,
  };
}

const openai = catalog('openai', 'OpenAI', [
  e({
    id: '429-rate_limit_exceeded',
    status: 429,
    title: 'Rate limit reached',
    category: 'rate_limit',
    providerCodes: ['rate_limit_exceeded'],
    sdkExceptions: [{ sdk: 'openai', className: 'RateLimitError' }],
    retry: { advice: 'honour_retry_after' },
  }),
  e({
    id: '429-insufficient_quota',
    status: 429,
    title: 'Credit balance exhausted',
    category: 'quota_billing',
    providerCodes: ['insufficient_quota', 'credit_balance_exhausted'],
    sdkExceptions: [{ sdk: 'openai', className: 'RateLimitError' }],
    retry: { advice: 'do_not_retry' },
  }),
  e({
    id: '503-overloaded',
    status: 503,
    title: 'Engine overloaded',
    category: 'overloaded',
    message: 'The engine is currently overloaded, please try again later',
    sdkExceptions: [{ sdk: 'openai', className: 'InternalServerError' }],
  }),
  e({
    id: 'connection-error',
    status: null,
    title: 'Connection error',
    category: 'connection',
    sdkExceptions: [{ sdk: 'openai', className: 'APIConnectionError' }],
  }),
]);
const anthropic = catalog('anthropic', 'Anthropic', [
  e({
    id: '529-overloaded_error',
    status: 529,
    title: 'Overloaded',
    category: 'overloaded',
    providerCodes: ['overloaded_error'],
    sdkExceptions: [{ sdk: 'anthropic', className: 'OverloadedError' }],
  }),
  e({
    id: '500-api_error',
    status: 500,
    title: 'API error',
    category: 'server_error',
    providerCodes: ['api_error'],
    sdkExceptions: [{ sdk: 'anthropic', className: 'InternalServerError' }],
  }),
]);
const wandb = catalog('wandb', 'W&B Inference', [
  e({
    id: '503-engine-overloaded',
    status: 503,
    title: 'Service overloaded',
    category: 'overloaded',
    message: 'The engine is currently overloaded, please try again later',
  }),
]);
const index = createSearchIndex([openai, anthropic, wandb]);
const ids = (query: string, filters = {}) =>
  search(index, query, filters).map((h) => `${h.providerId}/${h.entry.id}`);

describe('search', () => {
  it('finds every entry with a status code', () => {
    expect(ids('529')).toEqual(['anthropic/529-overloaded_error']);
    expect(ids('429').sort()).toEqual([
      'openai/429-insufficient_quota',
      'openai/429-rate_limit_exceeded',
    ]);
  });

  it('ranks an exact type/code match first and says why it matched', () => {
    const hits = search(index, 'insufficient_quota');
    expect(hits[0]?.entry.id).toBe('429-insufficient_quota');
    expect(hits[0]?.matched).toContain('code');
  });

  it('finds SDK exception classes, with or without the SDK prefix', () => {
    expect(ids('OverloadedError')[0]).toBe('anthropic/529-overloaded_error');
    expect(ids('anthropic.InternalServerError')).toEqual(['anthropic/500-api_error']);
    expect(search(index, 'APIConnectionError')[0]?.matched).toContain('exception');
  });

  it('narrows by a provider named in the query', () => {
    expect(ids('anthropic 529')).toEqual(['anthropic/529-overloaded_error']);
    expect(ids('openai 529')).toEqual([]);
  });

  it('matches message text at every provider that uses it', () => {
    const found = ids('engine is currently overloaded');
    expect(found).toEqual(
      expect.arrayContaining(['openai/503-overloaded', 'wandb/503-engine-overloaded']),
    );
  });

  it('tolerates a typo', () => {
    expect(ids('overloded_error')).toContain('anthropic/529-overloaded_error');
  });

  it('applies filters, alone or with a query', () => {
    expect(ids('', { advice: 'do_not_retry' })).toEqual(['openai/429-insufficient_quota']);
    expect(ids('', { statusClass: 'none' })).toEqual(['openai/connection-error']);
    expect(ids('overloaded', { provider: 'wandb' })).toEqual(['wandb/503-engine-overloaded']);
    expect(ids('', { category: 'overloaded', statusClass: '5xx' }).sort()).toEqual([
      'anthropic/529-overloaded_error',
      'openai/503-overloaded',
      'wandb/503-engine-overloaded',
    ]);
  });

  it('returns nothing for nonsense', () => {
    expect(ids('zzqqxxv')).toEqual([]);
  });

  it(`reads only the first ${MAX_QUERY_CHARS} characters of a huge query`, () => {
    const head = 'anthropic 529 '.padEnd(MAX_QUERY_CHARS, ' ');
    expect(ids(head + 'openai insufficient_quota '.repeat(200))).toEqual(ids(head));
    expect(ids(head)).toEqual(['anthropic/529-overloaded_error']);
  });

  it('cuts a huge query at a word boundary', () => {
    const words = 'overloaded '.repeat(20);
    expect(boundQuery(words)).toBe('overloaded '.repeat(9));
    expect(boundQuery('short')).toBe('short');
  });
});

describe('parseQuery', () => {
  it('splits statuses, providers and words', () => {
    const parsed = parseQuery('Anthropic 529 "overloaded_error"', index.providerAliases);
    expect([...parsed.statuses]).toEqual([529]);
    expect([...parsed.providers]).toEqual(['anthropic']);
    expect(parsed.words).toEqual(['overloaded_error']);
  });
});
