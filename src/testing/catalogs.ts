/**
 * Test helpers: the shipped catalogs read from disk, and small synthetic catalogs.
 * Imported by the `*.test.ts` files only (Node), never by the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogIndex, parseProviderCatalog } from '../core/catalog/parse';
import type { Category, ProviderCatalog, RetryAdvice } from '../core/catalog/schema';

const dir = join(import.meta.dirname, '../../public/catalogs');

/** Every catalog listed in `public/catalogs/index.json`, validated, in index order. */
export function loadShippedCatalogs(): ProviderCatalog[] {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const index = parseCatalogIndex('index.json', read('index.json'));
  return index.providers.map((p) => parseProviderCatalog(`${p.id}.json`, read(`${p.id}.json`)));
}

export interface EntrySpec {
  id: string;
  status: number | null;
  category: Category;
  advice?: RetryAdvice;
  title?: string;
  wait?: { minSeconds?: number; maxSeconds?: number; text: string };
  sdkRetries?: boolean;
  providerCodes?: string[];
  body?: unknown;
  headers?: Record<string, string>;
  exceptions?: string[];
}

const source = { url: 'https://example.com/docs', seen: '2026-01-01', kind: 'official-doc' };

/** A valid catalog (it goes through the real parser) with only the fields a test cares about. */
export function syntheticCatalog(
  id: string,
  entries: EntrySpec[],
  extra: { name?: string; headers?: { name: string; meaning: string }[] } = {},
): ProviderCatalog {
  const catalog = {
    id,
    name: extra.name ?? `Provider ${id.toUpperCase()}`,
    docsUrl: 'https://example.com/docs',
    lastVerified: '2026-01-01',
    summary: 'Synthetic catalog for tests.',
    bodyShape: { description: 'A flat {"message"} object.', example: { message: 'x' } },
    headers: extra.headers ?? [],
    sources: [source],
    errors: entries.map((e) => ({
      id: e.id,
      status: e.status,
      title: e.title ?? `Error ${e.id}`,
      providerCodes: e.providerCodes ?? [],
      sdkExceptions: (e.exceptions ?? []).map((className) => ({ sdk: 'sdk', className })),
      meaning: 'Something went wrong.',
      fix: 'Fix it.',
      category: e.category,
      retry: {
        advice: e.advice ?? 'retry_backoff',
        ...(e.wait ? { wait: e.wait } : {}),
        ...(e.sdkRetries === undefined ? {} : { sdkRetries: e.sdkRetries }),
      },
      example: { status: e.status, headers: e.headers ?? {}, body: e.body ?? { message: 'x' } },
      sources: [source],
    })),
  };
  return parseProviderCatalog(`${id}.json`, JSON.stringify(catalog));
}
