/**
 * Fetching catalog files from public/catalogs and validating them: each file becomes its data or
 * a CatalogLoadError naming the file and the JSON path. Used by the query factories on the page
 * and by the catalog worker, so it imports nothing of React or TanStack. The index and summary
 * are checked without zod (`light-rules.ts`, worded by `light-check.ts`), unless they are the very
 * bytes the build checked; a provider catalog loads the full schema.
 */
import { CatalogLoadError } from '../core/catalog/load-error';
import type { Inspected } from '../core/catalog/light-rules';
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

/**
 * True when `text` is byte for byte the file the build checked: the prerendered page names the
 * SHA-256 of each (`<div id="root" data-checked-catalogs="index.json=… summary.json=…">`, written
 * by scripts/prerender.ts), and the light rules need not run again. Elsewhere (a page rendered in
 * the browser, the catalog worker, a page served over plain HTTP without Web Crypto) nothing
 * counts as checked.
 */
async function checkedByBuild(file: string, text: string): Promise<boolean> {
  if (typeof document === 'undefined' || !globalThis.crypto?.subtle) return false;
  const expected = document
    .getElementById('root')
    ?.dataset.checkedCatalogs?.split(' ')
    .find((item) => item.startsWith(`${file}=`))
    ?.slice(file.length + 1);
  if (!expected) return false;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest))) === expected;
}

/**
 * The index or the summary: taken as it is when the build checked these very bytes; otherwise
 * parsed and checked by the light rules, and only when something is wrong does the wording of
 * problems load (`light-check.ts`), to throw them by file and JSON path.
 */
async function fetchChecked<T>(file: 'index.json' | 'summary.json', baseUrl: string): Promise<T> {
  const text = await fetchText(file, baseUrl);
  if (await checkedByBuild(file, text)) return JSON.parse(text) as T;
  const rules = await import('../core/catalog/light-rules');
  const inspect = (
    file === 'index.json' ? rules.inspectCatalogIndex : rules.inspectCatalogSummary
  ) as (data: unknown) => Inspected<T>;
  try {
    const { value, issues } = inspect(JSON.parse(text));
    if (issues.length === 0) return value;
  } catch {
    // Not JSON: light-check says where.
  }
  const check = await import('../core/catalog/light-check');
  const checked = (file === 'index.json' ? check.checkCatalogIndex : check.checkCatalogSummary)(
    file,
    text,
  );
  return checked as T; // unreachable in practice: the full check throws what the fast one found
}

export async function fetchCatalogIndex(baseUrl = catalogBaseUrl): Promise<CatalogIndex> {
  return fetchChecked('index.json', baseUrl);
}

/** The summary the cross-provider views read instead of every full catalog. */
export async function fetchCatalogSummary(baseUrl = catalogBaseUrl): Promise<CatalogSummary> {
  return fetchChecked('summary.json', baseUrl);
}

export async function fetchProviderCatalog(
  providerId: string,
  baseUrl = catalogBaseUrl,
): Promise<ProviderCatalog> {
  const file = `${providerId}.json`;
  // The full schema (and zod) loads with the first catalog, alongside its file, never before.
  const [parse, text] = await Promise.all([
    import('../core/catalog/parse'),
    fetchText(file, baseUrl),
  ]);
  return parse.checkCatalogId(file, providerId, parse.parseProviderCatalog(file, text));
}
