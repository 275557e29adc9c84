/**
 * Fetching catalog files from public/catalogs and validating them: each file becomes its data or
 * a CatalogLoadError naming the file and the JSON path. Used by the query factories on the page
 * and by the catalog worker, so it imports nothing of React or TanStack.
 */
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
