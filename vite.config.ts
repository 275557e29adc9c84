import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The Content-Security-Policy the app runs under: no inline script but the theme snippet, pinned
 * by its hash; network only to the app's own origin and the replay's mock host (served by the
 * Mock Service Worker, never the network). Built into index.html as a <meta> (any static host)
 * and sent as headers by `vite preview`.
 */
/**
 * public/theme.js applies the saved theme before first paint. The build inlines it (a script
 * file in <head> would hold the first paint for a round trip) and allows exactly that text.
 */
const themeScript = readFileSync(new URL('./public/theme.js', import.meta.url), 'utf8');
const themeScriptHash = `'sha256-${createHash('sha256').update(themeScript).digest('base64')}'`;

/** The mock host replays are served on; MSW answers it inside the browser. */
const REPLAY_MOCK_ORIGIN = 'https://mock.replay.test';

const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': `'self' ${themeScriptHash}`,
  // React sets style properties through the DOM; Tailwind ships a stylesheet.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': `'self' ${REPLAY_MOCK_ORIGIN}`,
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** The policy for the <meta> tag (which cannot carry frame-ancestors). */
const cspMeta = Object.entries(directives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** The policy as a response header, where frame-ancestors does apply. */
const cspHeader = `${cspMeta}; frame-ancestors 'none'`;

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': cspHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The CSP goes into the built index.html only: the dev server injects React's inline preamble.
 * The build also inlines the theme script the policy's hash allows.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => {
      const tag = '<script src="/theme.js"></script>';
      if (!html.includes(tag)) throw new Error(`index.html: expected ${tag}`);
      return {
        html: html.replace(tag, `<script>${themeScript}</script>`),
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta },
            injectTo: 'head-prepend',
          },
        ],
      };
    },
  };
}

/**
 * Vite wraps each lazy `import()` in `__vitePreload(load, deps)`, `deps` being files to fetch
 * first. Its own helper (0.6 KB gzip on every page) also preloads scripts, which this build does
 * not do (`modulePreload: false`), so `deps` can only be stylesheets a lazy chunk
 * imports (none today: the one Tailwind sheet is inlined). This helper loads those, once each,
 * then the module.
 */
function leanPreloadHelper(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  let base = '/';
  return {
    name: 'lean-preload-helper',
    apply: 'build',
    enforce: 'pre',
    configResolved: (config) => void (base = config.base),
    load: (id) =>
      id === helperId
        ? `const sheets = {};
export const __vitePreload = (load, deps) =>
  deps && deps.length
    ? Promise.all(
        deps.map((dep) => (sheets[dep] ??= new Promise((resolve, reject) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = ${JSON.stringify(base)} + dep;
          link.onload = resolve;
          link.onerror = () => reject(new Error('Unable to preload CSS for ' + dep));
          document.head.append(link);
        }))),
      ).then(load)
    : load();
`
        : null,
  };
}

/**
 * The prerender (`vite build --ssr src/entry-server.tsx`, run by scripts/prerender.ts) renders the
 * browser's component tree in Node, so the HTML matches what the client hydrates: TanStack Router
 * is bundled with its client build of `isServer` (false), and every dependency is bundled.
 */
const browserIsServer = fileURLToPath(
  new URL('./node_modules/@tanstack/router-core/dist/esm/isServer/client.js', import.meta.url),
);

interface ModuleGraph {
  getModuleInfo: (
    id: string,
  ) => { importers: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

/** The app modules that import `id`, directly or not, through static imports only. */
function staticImporters(id: string, { getModuleInfo }: ModuleGraph, seen = new Set<string>()) {
  for (const importer of getModuleInfo(id)?.importers ?? []) {
    if (!/\/src\/.*\.tsx?$/.test(importer) || seen.has(importer)) continue;
    seen.add(importer);
    staticImporters(importer, { getModuleInfo }, seen);
  }
  return seen;
}

/** The route files: each route's definition (src/routes/*.tsx). */
const routeFiles = readdirSync(new URL('./src/routes/', import.meta.url)).map((file) =>
  fileURLToPath(new URL(`./src/routes/${file}`, import.meta.url)),
);

/**
 * The page views: the `*-page.tsx` modules the route files load lazily. A module every one of
 * them imports is every page's code, so it goes with the framework rather than in a small file
 * of its own that each page would request.
 */
function pageViews(graph: ModuleGraph): string[] {
  return routeFiles.flatMap((route) =>
    (graph.getModuleInfo(route)?.dynamicallyImportedIds ?? []).filter((id) =>
      id.endsWith('-page.tsx'),
    ),
  );
}

/**
 * App modules every page loads: imported statically, directly or not, by src/main.tsx (which
 * stays the entry), or by every page view. Rolldown would otherwise cut those
 * shared with lazy chunks into small files.
 */
function everyPageLoads(id: string, graph: ModuleGraph, views: () => string[]): boolean {
  if (!/\/src\/.*\.tsx?$/.test(id) || id.endsWith('/src/main.tsx')) return false;
  const importers = staticImporters(id, graph);
  return (
    [...importers].some((i) => i.endsWith('/src/main.tsx')) ||
    views().every((view) => importers.has(view))
  );
}

let viewIds: string[] | undefined;

/**
 * TanStack Query's many-queries observer: only the views that track every catalog at once use it
 * (compare, decode, a search), so it loads with them, not in every page's framework (1 KB gzip).
 */
const manyQueries = /\/(useQueries|queriesObserver)\.js$/;

export default defineConfig(({ mode, isSsrBuild }) => ({
  plugins: [leanPreloadHelper(), react(), tailwindcss(), contentSecurityPolicy()],
  resolve: {
    alias: [
      // The replay page's MSW needs no public-suffix list (tldts-stub.ts says why): 160 → 48 KB
      // gzip. Node tests keep the real package.
      ...(mode === 'test'
        ? []
        : [
            {
              find: /^tldts$/,
              replacement: fileURLToPath(
                new URL('./src/features/replay/tldts-stub.ts', import.meta.url),
              ),
            },
          ]),
      ...(isSsrBuild
        ? [{ find: /^@tanstack\/router-core\/isServer$/, replacement: browserIsServer }]
        : []),
      // TanStack Store's selector hook imports the shim of useSyncExternalStore for React 17 and
      // older; React 19 has the hook, which the shim would only hand on (0.2 KB gzip saved).
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector',
      },
    ],
  },
  ssr: isSsrBuild ? { noExternal: true } : undefined,
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: securityHeaders },
  // The replay worker loads an SDK on demand: ES module workers can split chunks, IIFE ones cannot.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // No preload helper in the bundle (its list of every lazy chunk's files costs each page
    // 0.8 KB gzip): each prerendered page names the framework as a modulepreload link
    // (scripts/page-preloads.ts, from the manifest); a view's chunks load when the app asks.
    modulePreload: false,
    manifest: !isSsrBuild,
    sourcemap: true,
    rollupOptions: {
      output: isSsrBuild
        ? {}
        : {
            // One chunk for what every page needs: fewer requests, and gzip does better on one
            // file. Not zod: the home page checks its two files without it, so zod goes where it
            // is used.
            manualChunks(id, graph) {
              if (/node_modules\/(react|react-dom|scheduler|@tanstack)\//.test(id))
                return manyQueries.test(id) ? undefined : 'framework';
              const views = () => (viewIds ??= pageViews(graph));
              if (everyPageLoads(id, graph, views)) return 'framework';
              return undefined;
            },
          },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
}));
