/**
 * Every page the build prerenders, and the sitemap and robots.txt that list them: one list, so a
 * catalog entry cannot have a page without a sitemap line, or the reverse.
 */
import { errorHead, homeHead, providerHead, toolHeads, type PageHead } from './page-head';
import type { CatalogIndex, ProviderCatalog } from './schema';

/** Home, the tools' default views, every provider and every error entry, in that order. */
export function sitePages(index: CatalogIndex, catalogs: readonly ProviderCatalog[]): PageHead[] {
  const byId = new Map(catalogs.map((c) => [c.id, c]));
  const pages: PageHead[] = [homeHead(index.providers.length), ...toolHeads];
  for (const { id } of index.providers) {
    const catalog = byId.get(id);
    if (!catalog) throw new Error(`${id}.json: listed in index.json but not loaded`);
    pages.push(providerHead(catalog));
    for (const entry of catalog.errors) pages.push(errorHead(catalog, entry));
  }
  return pages;
}

/** The file a page is written to in dist/: `/` → index.html, `/a/b` → a/b.html. */
export function pageFile(path: string): string {
  return path === '/' ? 'index.html' : `${path.slice(1)}.html`;
}

/** Text safe inside XML or HTML text and double- or single-quoted attributes. */
export const xmlEscape = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );

/** The origin without a trailing slash, so `${origin}${path}` is the page's address. */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path}`;
}

export function sitemapXml(origin: string, paths: readonly string[], lastmod?: string): string {
  const urls = paths
    .map(
      (path) =>
        `  <url><loc>${xmlEscape(absoluteUrl(origin, path))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export function robotsTxt(origin: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(origin, '/sitemap.xml')}\n`;
}
