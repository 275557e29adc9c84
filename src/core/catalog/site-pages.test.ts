import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalogs, syntheticCatalog } from '../../testing/catalogs';
import { parseCatalogIndex } from './parse';
import { errorPath, providerPath } from './page-head';
import { absoluteUrl, pageFile, robotsTxt, sitemapXml, sitePages } from './site-pages';

const index = parseCatalogIndex(
  'index.json',
  readFileSync(join(import.meta.dirname, '../../../public/catalogs/index.json'), 'utf8'),
);
const catalogs = loadShippedCatalogs();
const pages = sitePages(index, catalogs);
const origin = 'https://errors.test';

describe('sitePages over the shipped catalogs', () => {
  it('has a page for every provider and every catalog entry', () => {
    const paths = new Set(pages.map((p) => p.path));
    const missing = catalogs.flatMap((c) => [
      ...(paths.has(providerPath(c.id)) ? [] : [providerPath(c.id)]),
      ...c.errors.map((e) => errorPath(c.id, e.id)).filter((p) => !paths.has(p)),
    ]);
    expect(missing).toEqual([]);
    const entries = catalogs.reduce((n, c) => n + c.errors.length, 0);
    // home + compare, decode, simulate, replay + one per provider + one per entry
    expect(pages).toHaveLength(5 + catalogs.length + entries);
  });

  it('writes every page to its own file', () => {
    const files = pages.map((p) => pageFile(p.path));
    expect(new Set(files).size).toBe(files.length);
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/providers/openai/errors/429-rate_limit_exceeded')).toBe(
      'providers/openai/errors/429-rate_limit_exceeded.html',
    );
  });

  it('gives every page its own title and a description', () => {
    const titled = pages.filter((p) => p.path !== '/');
    expect(new Set(titled.map((p) => p.title)).size).toBe(titled.length);
    for (const page of pages) {
      expect(page.description.length, page.path).toBeGreaterThan(50);
      expect(page.description.length, page.path).toBeLessThanOrEqual(300);
    }
  });

  it('lists every page in the sitemap, by absolute address', () => {
    const xml = sitemapXml(
      origin,
      pages.map((p) => p.path),
    );
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(pages.map((p) => absoluteUrl(origin, p.path)));
  });

  it('a catalog left out of the load fails loudly instead of losing its pages', () => {
    expect(() => sitePages(index, catalogs.slice(1))).toThrow(/listed in index.json/);
  });
});

describe('sitemap and robots.txt', () => {
  it('escapes XML and joins origin and path once', () => {
    const xml = sitemapXml('https://a.test/', ['/x?a=1&b=2']);
    expect(xml).toContain('<loc>https://a.test/x?a=1&amp;b=2</loc>');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  it('points crawlers at the sitemap', () => {
    expect(robotsTxt('https://a.test')).toContain('Sitemap: https://a.test/sitemap.xml');
    expect(robotsTxt('https://a.test')).toMatch(/^User-agent: \*\nAllow: \//);
  });

  it('a new entry gets a page and a sitemap line with no other change', () => {
    const fresh = syntheticCatalog('fresh', [
      { id: '418-teapot', status: 418, category: 'client_error' },
    ]);
    const small = sitePages({ ...index, providers: [{ ...index.providers[0]!, id: 'fresh' }] }, [
      fresh,
    ]);
    expect(small.map((p) => p.path)).toContain('/providers/fresh/errors/418-teapot');
    expect(
      sitemapXml(
        origin,
        small.map((p) => p.path),
      ),
    ).toContain(`<loc>${origin}/providers/fresh/errors/418-teapot</loc>`);
  });
});
