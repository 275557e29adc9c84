/**
 * `npm run build`'s second step: writes every catalog page as HTML into dist/, so pages paint
 * (and search engines read them) before any JavaScript runs. The browser then hydrates them.
 *
 * 1. builds src/entry-server.tsx for Node (vite.config.ts's SSR settings: the browser's
 *    component tree, every dependency bundled);
 * 2. reads the catalogs from dist/catalogs with the app's own schema (a broken catalog stops the
 *    build, by file and JSON path);
 * 3. renders each page with the app's router, answering its catalog fetches from dist/;
 * 4. writes each page with its own title, description, canonical link and Open Graph tags, and
 *    `modulepreload` links for the framework (page-preloads.ts), plus
 *    sitemap.xml, robots.txt, shells for the pages that are not prerendered, and
 *    prerender-stats.json (pages and time, printed by `npm run bench`).
 *
 * SITE_URL (default below) is the origin the site is served from: canonical links, Open Graph
 * and the sitemap need absolute addresses.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { checkCatalogId, parseCatalogIndex, parseProviderCatalog } from '../src/core/catalog/parse';
import { checkCatalogIndex, checkCatalogSummary } from '../src/core/catalog/light-check';
import { SITE_NAME } from '../src/core/catalog/page-head';
import { inlineStylesheets, pageHtml } from './page-html';
import { entryPreloads, type Manifest } from './page-preloads';
import { pageFile, robotsTxt, sitemapXml, sitePages } from '../src/core/catalog/site-pages';
import type { RenderedPage } from '../src/entry-server';

export const DEFAULT_SITE_URL = 'https://llm-error-explorer.example';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const ssrOut = join(root, 'node_modules', '.cache', 'prerender');

/** The route loaders fetch /catalogs/*.json: answer from dist/, like the static host will. */
function serveCatalogsFromDist(): void {
  globalThis.fetch = async (input: string | URL | Request) => {
    const href = input instanceof Request ? input.url : String(input);
    const { pathname } = new URL(href, 'http://prerender.invalid/');
    if (!/^\/catalogs\/[\w.-]+\.json$/.test(pathname)) {
      throw new Error(`the prerender fetches only catalogs, not ${href}`);
    }
    try {
      return new Response(readFileSync(join(dist, pathname)), {
        headers: { 'content-type': 'application/json' },
      });
    } catch {
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    }
  };
}

/**
 * index.json and summary.json as this build ships them, for each that passes the light rules and
 * holds nothing they would drop: `index.json=<SHA-256, base64> summary.json=…`. Every page names
 * them, and the browser takes exactly those bytes as checked (src/lib/catalog-fetch.ts); any
 * other bytes (edited since, served broken, hostile) are checked and reported there.
 */
function checkedCatalogs(): string {
  const checks = { 'index.json': checkCatalogIndex, 'summary.json': checkCatalogSummary };
  return Object.entries(checks)
    .flatMap(([file, check]) => {
      const bytes = readFileSync(join(dist, 'catalogs', file));
      const text = bytes.toString('utf8');
      try {
        if (!isDeepStrictEqual(check(file, text), JSON.parse(text))) return [];
      } catch {
        return []; // broken: the page checks it and says what is wrong
      }
      return [`${file}=${createHash('sha256').update(bytes).digest('base64')}`];
    })
    .join(' ');
}

async function prerender(): Promise<void> {
  const started = performance.now();
  const origin = process.env.SITE_URL ?? DEFAULT_SITE_URL;
  const template = inlineStylesheets(readFileSync(join(dist, 'index.html'), 'utf8'), (href) =>
    readFileSync(join(dist, href), 'utf8'),
  );

  // Written by `vite build` (build.manifest) for this step only: read, then left out of dist/.
  const manifestFile = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: run \`npm run build\` (vite build writes it)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;

  rmSync(ssrOut, { recursive: true, force: true });
  await build({
    root,
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: ssrOut, sourcemap: false, emptyOutDir: true },
  });
  const { renderPage } = (await import(pathToFileURL(join(ssrOut, 'entry-server.js')).href)) as {
    renderPage: (url: string) => Promise<RenderedPage>;
  };

  const read = (file: string) => readFileSync(join(dist, 'catalogs', file), 'utf8');
  const index = parseCatalogIndex('index.json', read('index.json'));
  const catalogs = index.providers.map(({ id }) =>
    checkCatalogId(`${id}.json`, id, parseProviderCatalog(`${id}.json`, read(`${id}.json`))),
  );
  const pages = sitePages(index, catalogs);

  const checked = checkedCatalogs();
  const preload = entryPreloads(manifest, (href) => template.includes(`"${href}"`));
  serveCatalogsFromDist();
  for (const head of pages) {
    const page = await renderPage(head.path);
    if (!page.ok) throw new Error(`${head.path}: ${page.problems.join('; ')}`);
    const file = join(dist, pageFile(head.path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      pageHtml(template, head, origin, page.html, true, {
        preload,
        checkedCatalogs: checked,
      }),
    );
  }

  // The fallback a static host serves for unknown addresses: the template, rendered in the
  // browser.
  writeFileSync(
    join(dist, '404.html'),
    pageHtml(
      template,
      { path: '/404', title: 'Not found', description: `${SITE_NAME}: this address has no page.` },
      origin,
      undefined,
      false,
      { preload },
    ),
  );

  rmSync(join(dist, '.vite'), { recursive: true, force: true });

  const listed = pages.map((p) => p.path);
  writeFileSync(join(dist, 'sitemap.xml'), sitemapXml(origin, listed));
  writeFileSync(join(dist, 'robots.txt'), robotsTxt(origin));
  const ms = Math.round(performance.now() - started);
  writeFileSync(
    join(dist, 'prerender-stats.json'),
    `${JSON.stringify({ pages: pages.length, ms })}\n`,
  );
  console.log(`prerendered ${pages.length} pages in ${(ms / 1000).toFixed(1)} s (${origin})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  prerender().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
