import { describe, expect, it } from 'vitest';
import { inlineStylesheets, pageHtml } from './page-html';

const template = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="The app."
    />
    <title>LLM Error Explorer</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const head = {
  path: '/providers/acme/errors/429-x',
  title: 'Acme 429 "Too" <many>',
  description: 'Acme 429: slow down & retry.',
};

describe('pageHtml', () => {
  const html = pageHtml(template, head, 'https://errors.test/', '<main>content</main>');

  it('replaces the title and description with the page’s own, escaped', () => {
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(
      '<title>Acme 429 &quot;Too&quot; &lt;many&gt; · LLM Error Explorer</title>',
    );
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain(
      '<meta name="description" content="Acme 429: slow down &amp; retry." />',
    );
  });

  it('adds a canonical link and Open Graph tags with the absolute address', () => {
    const url = 'https://errors.test/providers/acme/errors/429-x';
    expect(html).toContain(`<link rel="canonical" href="${url}" />`);
    expect(html).toContain(`<meta property="og:url" content="${url}" />`);
    expect(html).toContain('<meta property="og:title" content="Acme 429');
    expect(html.indexOf('og:url')).toBeLessThan(html.indexOf('</head>'));
  });

  it('puts the markup in #root and marks the path it was rendered for', () => {
    expect(html).toContain(
      '<div id="root" data-prerendered="/providers/acme/errors/429-x"><main>content</main></div>',
    );
    expect(html).toContain('<script type="module" crossorigin src="/assets/index.js"></script>');
  });

  it('a shell keeps #root empty; a page that is not indexable has no canonical link', () => {
    const shell = pageHtml(template, head, 'https://errors.test', undefined, false);
    expect(shell).toContain('<div id="root"></div>');
    expect(shell).not.toContain('rel="canonical"');
    expect(shell).toContain('<meta name="robots" content="noindex" />');
  });

  it('lists the view’s scripts as modulepreload links in the head', () => {
    const page = pageHtml(template, head, 'https://errors.test', '<main></main>', true, {
      preload: ['/assets/page.js', '/assets/shared.js'],
      checkedCatalogs: 'index.json=abc+/= summary.json=def',
    });
    expect(page).toContain(
      '<div id="root" data-prerendered="/providers/acme/errors/429-x" data-checked-catalogs="index.json=abc+/= summary.json=def"><main></main></div>',
    );
    const links = page.match(/<link rel="modulepreload" crossorigin href="[^"]+" \/>/g);
    expect(links).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/page.js" />',
      '<link rel="modulepreload" crossorigin href="/assets/shared.js" />',
    ]);
    expect(page.indexOf('/assets/shared.js')).toBeLessThan(page.indexOf('</head>'));
  });

  it('refuses a template that is already a prerendered page', () => {
    expect(() => pageHtml(html, head, 'https://errors.test')).toThrow(/npm run build/);
  });
});

describe('inlineStylesheets', () => {
  it('replaces each linked stylesheet with its text and leaves the rest', () => {
    const html =
      '<head><link rel="stylesheet" crossorigin href="/assets/index-1.css">' +
      '<link rel="modulepreload" crossorigin href="/assets/a.js"></head>';
    const read = (href: string) => (href === '/assets/index-1.css' ? '.a{color:red}' : '');
    expect(inlineStylesheets(html, read)).toBe(
      '<head><style>.a{color:red}</style><link rel="modulepreload" crossorigin href="/assets/a.js"></head>',
    );
  });

  it('cannot be closed early by the stylesheet’s own text', () => {
    const html = '<link rel="stylesheet" href="/x.css">';
    expect(inlineStylesheets(html, () => 'a{content:"</style><script>"}')).toBe(
      '<style>a{content:"<\\/style><script>"}</style>',
    );
  });
});
