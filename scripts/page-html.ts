/** The HTML file of one page: the built index.html with the page's head tags and markup. */
import { documentTitle, SITE_NAME, type PageHead } from '../src/core/catalog/page-head';
import { absoluteUrl, xmlEscape } from '../src/core/catalog/site-pages';

/** The head tags a page adds to the template's. */
function headTags(head: PageHead, origin: string, indexable: boolean): string {
  const url = absoluteUrl(origin, head.path);
  const title = xmlEscape(documentTitle(head.title));
  const description = xmlEscape(head.description);
  if (!indexable) {
    return [
      `<title>${title}</title>`,
      `<meta name="description" content="${description}" />`,
      `<meta name="robots" content="noindex" />`,
    ].join('\n    ');
  }
  return [
    `<title>${title}</title>`,
    `<meta name="description" content="${description}" />`,
    `<link rel="canonical" href="${xmlEscape(url)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${xmlEscape(url)}" />`,
    `<meta name="twitter:card" content="summary" />`,
  ].join('\n    ');
}

/** What a prerendered page adds for the app that hydrates it. */
export interface PageExtras {
  /** The scripts it starts with, as modulepreload links (`page-preloads.ts`). */
  preload?: readonly string[];
  /** The catalog files the build checked, `index.json=<SHA-256, base64> summary.json=…`. */
  checkedCatalogs?: string | undefined;
}

/**
 * The built index.html with this page's head and, when given, its markup in #root. A page that is
 * not `indexable` (the fallback for unknown addresses) gets no canonical link and asks search
 * engines not to index it.
 */
export function pageHtml(
  template: string,
  head: PageHead,
  origin: string,
  body?: string,
  indexable = true,
  { preload = [], checkedCatalogs }: PageExtras = {},
): string {
  const withoutHead = template
    .replace(/<title>[\s\S]*?<\/title>\s*/, '')
    .replace(/<meta\s+name="description"[\s\S]*?\/>\s*/, '');
  if (withoutHead.includes('<title>') || !withoutHead.includes('<div id="root"></div>')) {
    throw new Error(
      'dist/index.html is not the template Vite builds (prerendered already?): run `npm run build`',
    );
  }
  return withoutHead
    .replace(
      '</head>',
      `  ${[
        headTags(head, origin, indexable),
        ...preload.map(
          (href) => `<link rel="modulepreload" crossorigin href="${xmlEscape(href)}" />`,
        ),
      ].join('\n    ')}\n  </head>`,
    )
    .replace(
      '<div id="root"></div>',
      body === undefined
        ? '<div id="root"></div>'
        : `<div id="root" data-prerendered="${xmlEscape(head.path)}"${
            checkedCatalogs ? ` data-checked-catalogs="${xmlEscape(checkedCatalogs)}"` : ''
          }>${body}</div>`,
    );
}

/**
 * The template with its stylesheet links replaced by the stylesheets themselves: a linked
 * stylesheet holds the first paint for one more round trip; inline, the prerendered page paints
 * as soon as its HTML arrives. `read` gets a stylesheet's text by its href.
 */
export function inlineStylesheets(template: string, read: (href: string) => string): string {
  return template.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="([^"]+\.css)"\s*\/?>/g,
    (_tag, href: string) => `<style>${read(href).replace(/<\/style/gi, '<\\/style')}</style>`,
  );
}
