/**
 * Catalog loading: one `queryOptions` factory per operation. Every catalog is
 * fetched from public/catalogs and validated with the zod schema before use.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  CatalogLoadError,
  checkCatalogId,
  parseCatalogIndex,
  parseCatalogSummary,
  parseProviderCatalog,
} from '../core/catalog/parse';
import type { CatalogIndex, ProviderCatalog } from '../core/catalog/schema';
import type { CatalogSummary } from '../core/catalog/summary';

export const catalogBaseUrl = `${import.meta.env.BASE_URL}catalogs/`;

async function fetchText(file: string, baseUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${file}`);
  } catch (error) {
    throw new CatalogLoadError(file, [
      {
        path: '(file)',
        message: `could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
      },
    ]);
  }
  if (!response.ok) {
    throw new CatalogLoadError(file, [
      {
        path: '(file)',
        message: `the server answered ${response.status} ${response.statusText}`.trim(),
      },
    ]);
  }
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('text/html') || /^\s*<(!doctype|html)/i.test(text)) {
    // Static hosts and dev servers answer a missing file with the app's own index.html.
    throw new CatalogLoadError(file, [
      { path: '(file)', message: 'was not found: the server sent an HTML page instead of JSON' },
    ]);
  }
  return text;
}

export async function fetchCatalogIndex(baseUrl = catalogBaseUrl): Promise<CatalogIndex> {
  return parseCatalogIndex('index.json', await fetchText('index.json', baseUrl));
}

/** The summary the cross-provider views read instead of every full catalog. */
export async function fetchCatalogSummary(baseUrl = catalogBaseUrl): Promise<CatalogSummary> {
  return parseCatalogSummary('summary.json', await fetchText('summary.json', baseUrl));
}

export async function fetchProviderCatalog(
  providerId: string,
  baseUrl = catalogBaseUrl,
): Promise<ProviderCatalog> {
  const file = `${providerId}.json`;
  return checkCatalogId(
    file,
    providerId,
    parseProviderCatalog(file, await fetchText(file, baseUrl)),
  );
}

/** A broken file will not mend itself on retry; a network blip might. */
function retryUnlessInvalid(failureCount: number, error: unknown): boolean {
  if (
    error instanceof CatalogLoadError &&
    !error.problems.some((p) => p.message.startsWith('could not be fetched'))
  ) {
    return false;
  }
  return failureCount < 2;
}

export const catalogIndexQueryOptions = () =>
  queryOptions({
    queryKey: ['catalogs', 'index'],
    queryFn: () => fetchCatalogIndex(),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });

export const providerCatalogQueryOptions = (providerId: string) =>
  queryOptions({
    queryKey: ['catalogs', 'provider', providerId],
    queryFn: () => fetchProviderCatalog(providerId),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });

export const catalogSummaryQueryOptions = () =>
  queryOptions({
    queryKey: ['catalogs', 'summary'],
    queryFn: () => fetchCatalogSummary(),
    staleTime: Infinity,
    retry: retryUnlessInvalid,
  });
